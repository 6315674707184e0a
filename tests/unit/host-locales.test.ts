import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Capture } from '../../src/shared/host/capture'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { parseKvmOk, parseLscpu, wslFacts } from '../../src/main/host/interpret/linux'
import { parseSystemInfo } from '../../src/main/host/interpret/systeminfo'
import { BLOCKS } from '../support/systeminfo-blocks'

describe('systeminfo in any UI language', () => {
  it.each(Object.entries(BLOCKS))('%s', (_name, block) => {
    expect(parseSystemInfo(block.text)).toMatchObject({ ...block.expect, hasHyperVSection: true })
  })

  it('reads four unknown labels by their fixed order, and never guesses an unknown yes/no word', () => {
    const block = 'Hyper-V-vaatimukset:   A: Kyllä\n                       B: Ei\n                       C: Kyllä\n                       D: Kyllä\n'
    expect(parseSystemInfo(block)?.virtualizationFirmwareEnabled ?? null).toBeNull()
    const known = 'Hyper-V Xyz:   A: Yes\n               B: No\n               C: Yes\n               D: Yes\n'
    expect(parseSystemInfo(known)).toMatchObject({ vmMonitorModeExtensions: true, virtualizationFirmwareEnabled: false, slat: true, dep: true })
  })

  it('reads maker, model, BIOS and memory by position around the untranslated "x64-based PC"', () => {
    const text = [
      'Изготовитель системы:             innotek GmbH',
      'Модель системы:                   VirtualBox',
      'Тип системы:                      x64-based PC',
      'Процессор(ы):                     Число процессоров - 1.',
      '                                  [01]: Intel64 Family 6 Model 79 Stepping 1 GenuineIntel ~2095 МГц',
      'Версия BIOS:                      innotek GmbH VirtualBox, 01.12.2006',
      'Полный объем физической памяти:   4 096 МБ',
    ].join('\r\n')
    expect(parseSystemInfo(text)).toMatchObject({ manufacturer: 'innotek GmbH', model: 'VirtualBox', biosVersion: 'innotek GmbH VirtualBox, 01.12.2006', totalMemoryText: '4 096 МБ' })
  })
})

describe('Linux: lscpu, kvm-ok, WSL', () => {
  it('lscpu Flags wrapped at the terminal width still shows svm and npt', () => {
    const wrapped = [
      'Vendor ID:           AuthenticAMD',
      'Model name:          AMD Ryzen 5 3500U with Radeon Vega Mobile Gfx',
      'Flags:               fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm',
      '                     constant_tsc rep_good nopl nonstop_tsc cpuid extd_apicid aperfmperf pni pclmulqdq monitor ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt aes xsave avx f16c',
      '                     rdrand lahf_lm cmp_legacy svm extapic cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw skinit wdt tce topoext perfctr_core perfctr_nb bpext',
      '                     perfctr_llc mwaitx cpb hw_pstate sme ssbd sev ibpb vmmcall fsgsbase bmi1 avx2 smep bmi2 rdseed adx smap clflushopt sha_ni xsaveopt xsavec xgetbv1',
      '                     npt lbrv svm_lock nrip_save tsc_scale vmcb_clean flushbyasid decodeassists pausefilter pfthreshold avic v_vmsave_vmload vgif overflow_recov succor smca',
    ].join('\n')
    const info = parseLscpu(wrapped)
    expect(info.flags.has('svm')).toBe(true)
    expect(info.flags.has('npt')).toBe(true)
    // A copy hard-wrapped at column 80 inside a word: "sv" + "m" counts both ways.
    const hard = 'Flags:  fpu vme lahf_lm cmp_legacy sv\nm extapic npt\nVirtualization: AMD-V\n'
    expect(parseLscpu(hard).flags.has('svm')).toBe(true)
    expect(parseLscpu(hard).virtualization).toBe('AMD-V')
  })

  it('kvm-ok: "can be used" is VT present and enabled; "disabled by your BIOS" is firmware off', () => {
    expect(parseKvmOk('INFO: /dev/kvm exists\nKVM acceleration can be used\n')).toMatchObject({ canBeUsed: true, disabledByBios: false })
    expect(parseKvmOk('INFO: /dev/kvm does not exist\nHINT:   sudo modprobe kvm_intel\nINFO: Your CPU supports KVM extensions\nINFO: KVM (vmx) is disabled by your BIOS\nHINT: Enter your BIOS setup and enable Virtualization Technology (VT),\n      and then hard poweroff/poweron your system\nKVM acceleration can NOT be used\n')).toMatchObject({ canBeUsed: false, disabledByBios: true })
    expect(parseKvmOk('INFO: Your CPU does not support KVM extensions\nKVM acceleration can NOT be used\n')).toMatchObject({ canBeUsed: false, noCpuSupport: true })
  })

  it('WSL 1 and WSL 2 from the kernel string, /run/WSL and the interop entry', () => {
    // uname -a of WSL1 as published in a Russian Vagrant-on-WSL walkthrough; WSL2 kernel names as Microsoft ships them.
    expect(wslFacts({ procVersion: 'Linux DESKTOP-FMD4BBS 4.4.0-19041-Microsoft #1237-Microsoft Sat Sep 11 14:32:00 PST 2021 x86_64 x86_64 x86_64 GNU/Linux', kernel: null, probe: null })).toMatchObject({ wsl: true, version: 1 })
    expect(wslFacts({ procVersion: 'Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1) (gcc (GCC) 11.2.0) #1 SMP', kernel: null, probe: null })).toMatchObject({ wsl: true, version: 2 })
    expect(wslFacts({ procVersion: null, kernel: '4.19.104-microsoft-standard', probe: null })).toMatchObject({ wsl: true, version: 2 })
    expect(wslFacts({ procVersion: null, kernel: null, probe: JSON.stringify({ interop: true, runWsl: true, distro: 'Ubuntu' }) })).toMatchObject({ wsl: true, version: 2 })
    expect(wslFacts({ procVersion: null, kernel: null, probe: JSON.stringify({ interop: true, runWsl: false, distro: null }) })).toMatchObject({ wsl: true, version: null })
    expect(wslFacts({ procVersion: 'Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org)', kernel: '6.1.0-18-amd64', probe: JSON.stringify({ interop: false, runWsl: false, distro: null }) })).toMatchObject({ wsl: false, version: null })
  })
})

describe('WSL explained in terms of the Windows host', () => {
  const cpuinfo = (JSON.parse(readFileSync(join(__dirname, '../fixtures/captures/linux-wsl1-hypervisor-flag-no-vmx.capture.json'), 'utf8')) as Capture).probes['linux.cpuinfo']!
  const report = (procVersion: string) =>
    evaluateCapture(
      {
        format: 'virtlab.capture', version: 1, capturedAt: 'x', appVersion: 'test', platform: 'linux', arch: 'x64', redacted: false,
        probes: { 'linux.cpuinfo': cpuinfo, 'linux.proc-version': { ok: true, text: procVersion, durationMs: 1 } },
      },
      { source: 'replay', generatedAt: 'x' },
    )
  it('WSL 1 is not called a VM without nested virtualization', () => {
    const r = report('Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0 (GCC) ) #1237-Microsoft Sat Sep 11 14:32:00 PST 2021')
    const vm = r.checks.find((c) => c.id === 'host.virtual-machine')!
    expect(vm.status).toBe('fail')
    expect(vm.summary.en).toMatch(/WSL 1/)
    expect(vm.summary.en).not.toMatch(/nested/)
    expect(vm.fix[0]!.en).toMatch(/Run VirtLab Companion on Windows/)
    expect(r.checks.find((c) => c.id === 'cpu.vt-extensions')?.status).toBe('unknown')
    expect(r.verdict.summary.en).toMatch(/WSL on Windows/)
    expect(r.position.outerHypervisor).toBe('WSL 1 (Windows)')
  })
  it('WSL 2 without nested VT-x: the Windows host has VT-x on, Workstation belongs there', () => {
    const r = report('Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1) (gcc (GCC) 11.2.0, GNU ld (GNU Binutils) 2.37) #1 SMP')
    expect(r.checks.find((c) => c.id === 'cpu.vt-extensions')).toMatchObject({ status: 'pass' })
    expect(r.checks.find((c) => c.id === 'firmware.vt-enabled')).toMatchObject({ status: 'pass' })
    const vm = r.checks.find((c) => c.id === 'host.virtual-machine')!
    expect(vm.status).toBe('fail')
    expect(vm.summary.en).toMatch(/WSL 2.*Windows underneath/)
    expect(r.verdict.status).toBe('action-needed')
  })
})
