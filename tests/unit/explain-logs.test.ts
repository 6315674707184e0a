/**
 * The readers behind the issue-12 fixtures in manifest.logs.json: old and new vmware.log lines, the
 * host CPUID and MSR facts a log carries, lscpu without an Architecture line, kvm-ok, the Android
 * emulator's checks and wsl.exe in other languages. Pure functions on short real excerpts.
 */
import { describe, expect, it } from 'vitest'
import { explainTexts } from '../../src/main/host/explain/explain'
import { guestAction } from '../../src/shared/host/next-action'
import { parseKvmOk, parseLscpu } from '../../src/main/host/interpret/linux'
import { parseAccelCheck, parseHaxmCheck, parseWslList } from '../../src/main/host/interpret/pasted-tools'
import { parseVmwareLog } from '../../src/main/host/interpret/vmware-log'

const check = (text: string, id: string) => explainTexts([{ name: 'p', text, encoding: null }]).report?.checks.find((c) => c.id === id)

describe('vmware.log: what the host CPUID and MSRs say', () => {
  const oldLog = [
    'Apr 18 00:25:37.105: vmx| Log for VMware Workstation pid=5144 version=7.0.0 build=build-203739 option=Release',
    'Apr 18 00:25:37.256: vmx| hostCPUID vendor: GenuineIntel',
    'Apr 18 00:25:37.256: vmx| hostCPUID   name: Pentium(R) Dual-Core CPU       T4200  @ 2.00GHz',
    'Apr 18 00:25:37.256: vmx| hostCPUID level 00000001, 0: 0x0001067a 0x00020800 0x0c00e39d 0xbfebfbff',
    'Apr 18 00:25:37.601: vmx| HOST Windows version 6.1, build 7600, platform 2, "", SMP',
    'Apr 18 00:25:37.621: vmx| MONITOR MODE: filtered list          : BT',
    "Apr 18 00:25:37.621: vmx| HV Settings: virtual exec = 'software'; virtual mmu = 'software'",
  ].join('\n')

  it('reads a Workstation 7 log: host OS, spaced CPU name, BT only, and a CPU without VMX', () => {
    const f = parseVmwareLog(oldLog)
    expect(f).toMatchObject({ version: '7.0.0', hostOs: 'Windows 6.1 (Build 7600)', hostPlatform: 'win32', hostCpu: 'Pentium(R) Dual-Core CPU T4200 @ 2.00GHz', monitorMode: 'BT', hostIsVm: false, hostCpuHasVt: false })
    expect(f.hardwareVirtualization).toBeNull()
    expect(check(oldLog, 'cpu.vt-extensions')?.status).toBe('fail')
  })

  it("HV Settings 'hardware' means VT-x/EPT (or AMD-V/RVI) were used", () => {
    const amd = parseVmwareLog(
      ['2014-08-17T15:14:38.818+01:00| vmx| I120: hostCPUID vendor: AuthenticAMD', "2014-08-17T15:14:39.000+01:00| vmx| I120: HV Settings: virtual exec = 'hardware'; virtual mmu = 'hardware'"].join('\n'),
    )
    expect(amd).toMatchObject({ hardwareVirtualization: 'AMD-V', nestedPaging: 'RVI' })
  })

  const lockedOff = (msr: string, leaf1Ecx = '0x0098e3fd') =>
    [
      '2015-01-13T11:10:25.641+01:00| vmx| I120: Host is Windows 7 Professional, 64-bit Service Pack 1 (Build 7601)',
      '2015-01-13T11:10:25.813+01:00| vmx| I120: hostCPUID vendor: GenuineIntel',
      `2015-01-13T11:10:25.813+01:00| vmx| I120: hostCPUID level 00000001, 0: 0x000106e5 0x00100800 ${leaf1Ecx} 0xbfebfbff`,
      `2015-01-13T11:10:25.813+01:00| vmx| I120: Common: MSR       0x3a = ${msr}`,
      '2015-01-13T11:10:25.953+01:00| vmx| I120: MONITOR MODE: filtered list          : BT',
    ].join('\n')

  it('IA32_FEATURE_CONTROL locked with VMX outside SMX off is the firmware switch off', () => {
    expect(parseVmwareLog(lockedOff('               0x1'))).toMatchObject({ hostCpuHasVt: true, hostFirmwareVt: false })
    expect(check(lockedOff('               0x1'), 'firmware.vt-enabled')?.status).toBe('fail')
    expect(parseVmwareLog(lockedOff('               0x5')).hostFirmwareVt).toBe(true)
    // Unlocked: the OS may still switch it on; not a firmware verdict.
    expect(parseVmwareLog(lockedOff('                 0')).hostFirmwareVt).toBeNull()
    // Under a hypervisor (ECX bit 31) the MSR is the hypervisor's, not the firmware's.
    expect(parseVmwareLog(lockedOff('               0x1', '0x8098e3fd')).hostFirmwareVt).toBeNull()
  })

  it('an error dialog pasted as text names the vendor and quotes AMD-V in the summary', () => {
    const dialog = 'Error while powering on: This host supports AMD-V, but AMD-V is disabled.\n\nModule \'MonitorMode\' power on failed.'
    expect(parseVmwareLog(dialog).hostVendor).toBe('amd')
    const firmware = check(dialog, 'firmware.vt-enabled')
    expect(firmware?.status).toBe('fail')
    expect(firmware?.summary.en).toContain('This host supports AMD-V, but AMD-V is disabled')
  })

  it('the Device/Credential Guard refusal of older Workstation is read as Windows’ hypervisor running', () => {
    // The message as shared/domain/vmware-workstation.md quotes it.
    const text = 'VMware Workstation and Device/Credential Guard are not compatible.'
    expect(parseVmwareLog(text).errors.map((e) => e.kind)).toEqual(['hyperv-incompatible'])
    expect(check(text, 'windows.hypervisor')?.status).toBe('warn')
    expect(check(text, 'firmware.vt-enabled')?.status).toBe('pass')
  })

  it('Windows 10 in the root partition under Workstation (ULM) implies SLAT', () => {
    const ulm = [
      '2025-04-30T09:40:04.058Z In(05) vmx Host is Windows 10 Home, 64-bit (Build 19045.5737)',
      '2025-04-30T09:40:04.130Z In(05) vmx IOPL_Init: Hyper-V detected by CPUID',
      '2025-04-30T09:40:04.148Z In(05) vmx hostCPUID vendor: AuthenticAMD',
      '2025-04-30T09:40:04.148Z In(05) vmx hostCPUID level 00000001, 0: 0x00a50f00 0x00100800 0xfed83203 0x178bfbff',
      '2025-04-30T09:40:04.148Z In(05) vmx hostCPUID level 40000000, 0: 0x4000000c 0x7263694d 0x666f736f 0x76482074',
      '2025-04-30T09:40:04.148Z In(05) vmx hostCPUID level 40000003, 0: 0x0000bfff 0x002bb9ff 0x00000002 0x31fffbf2',
      '2025-04-30T09:40:04.236Z In(05) vmx Monitor Mode: ULM',
    ].join('\n')
    expect(parseVmwareLog(ulm)).toMatchObject({ hostIsVm: false, hostCpuHasVt: null })
    expect(check(ulm, 'cpu.slat')?.status).toBe('pass')
  })
})

describe('Linux tools', () => {
  it('lscpu copied without its Architecture line is still ARM by vendor or feature names', () => {
    expect(parseLscpu('Vendor ID:        ARM\nModel name:       Cortex-A510\nFlags:            fp asimd evtstrm aes').isArm).toBe(true)
    expect(parseLscpu('Model name:       Cortex-A72\nFlags:            fp asimd evtstrm crc32 cpuid').isArm).toBe(true)
    expect(parseLscpu('Vendor ID:        AuthenticAMD\nFlags:            fpu vme de pse svm npt').isArm).toBe(false)
  })

  it('an ARM Features line does not prove the machine is physical', () => {
    expect(check('Vendor ID: ARM\nModel name: Cortex-A510\nCPU(s): 8\nSocket(s): 1\nFlags: fp asimd evtstrm aes pmull', 'host.virtual-machine')?.status).toBe('unknown')
  })

  it('kvm-ok: “Your CPU supports KVM extensions” is VT-x present, and (vmx)/(svm) names the vendor', () => {
    const intel = 'INFO: /dev/kvm does not exist\nHINT:   sudo modprobe kvm_intel\nINFO: Your CPU supports KVM extensions\nINFO: KVM (vmx) is disabled by your BIOS'
    expect(parseKvmOk(intel)).toMatchObject({ cpuSupports: true, disabledByBios: true, extension: 'vmx' })
    expect(parseKvmOk('INFO: Your CPU supports KVM extensions\nINFO: KVM (svm) is disabled by your BIOS')?.extension).toBe('svm')
    expect(check(intel, 'cpu.vt-extensions')?.status).toBe('pass')
  })

  it('a lone x86 flags line (grep flags /proc/cpuinfo) is cpuinfo; a guest with no hypervisor name is described in words', () => {
    const text = '    flags           : fpu vme de pse tsc msr pae mce cx8 apic sep sse sse2 lm hypervisor lahf_lm'
    const result = explainTexts([{ name: 'p', text, encoding: null }])
    expect(result.recognised.map((r) => r.kind)).toEqual(['cpuinfo'])
    const vm = result.report?.checks.find((c) => c.id === 'host.virtual-machine')
    expect(vm?.status).toBe('fail')
    expect(vm?.summary['zh-CN']).toContain('某种虚拟化软件')
    expect(`${vm?.summary['zh-CN']} ${vm?.summary.en}`).not.toContain('unknown hypervisor')
  })

  it('a kernel line “disabled by bios” means the extension is there, and names the vendor', () => {
    const text = 'kvm_amd: SVM disabled (by BIOS) in MSR_VM_CR'
    expect(check(text, 'cpu.vt-extensions')?.summary.en).toContain('AMD-V')
    expect(check(text, 'firmware.vt-enabled')?.status).toBe('fail')
  })

  it('a guest known only by its flag gets the generic nesting step, not Hyper-V’s (“hypervisor” is not “Hyper-V”)', () => {
    const action = guestAction('unknown hypervisor')
    expect(action.command).toBeNull()
    expect(JSON.stringify(action)).not.toMatch(/unknown hypervisor|Hyper-V Manager/)
    expect(guestAction('Microsoft Hyper-V').command).toContain('Set-VMProcessor')
  })

  it('“kvm: no hardware support” leaves everything open and says why', () => {
    const firmware = check('[    0.894716] kvm: no hardware support\n[    0.894800] kvm: no hardware support', 'firmware.vt-enabled')
    expect(firmware?.status).toBe('unknown')
    expect(firmware?.summary.en).toMatch(/no hardware support.*VM without nested/)
  })
})

describe('developer tools', () => {
  it('a checktool line in markdown bold/italics reads the same', () => {
    expect(parseHaxmCheck('VMX supported       *  Yes\n**_VMX enabled         -  No_**\nHyper-V disabled    *  Yes')).toMatchObject({ vt: true, firmware: false, hypervisor: false })
  })

  it("HAXM's Intel-only message on an AMD CPU is not “no AMD-V”", () => {
    expect(parseAccelCheck("accel:\n3\nAndroid Emulator requires an Intel processor with VT-x and NX support.  Your CPU: 'AuthenticAMD'\naccel").vt).toBeNull()
    expect(parseAccelCheck("accel:\n3\nAndroid Emulator requires an Intel processor with VT-x and NX support.  Your CPU: 'GenuineIntel'\naccel").vt).toBe(false)
  })

  const kinds = (text: string) => explainTexts([{ name: 'p', text, encoding: null }]).recognised.map((r) => r.kind)

  it('wsl --version in any language, by the component names Microsoft does not translate', () => {
    expect(kinds('WSL-Version: 1.0.3.0\nKernelversion: 5.15.79.1\nWSLg-Version: 1.0.47\nMSRDC-Version: 1.2.3575\nDirect3D-Version: 1.606.4\nDXCore-Version: 10.0.25131.1002')).toEqual(['wsl'])
    expect(kinds('WSL 版本： 2.0.14.0\n内核版本： 5.15.133.1-1\nWSLg 版本： 1.0.59\nMSRDC 版本： 1.2.4677\nDirect3D 版本： 1.611.1-81528511')).toEqual(['wsl'])
  })

  it('wsl --status after wsl -l -v is not read as one more distribution', () => {
    const text = 'NAME STATE VERSION\n* Ubuntu-22.04 Running 2\n\nDefault Distribution: Ubuntu-22.04\nDefault Version: 2'
    expect(parseWslList(text)).toEqual([{ name: 'Ubuntu-22.04', state: 'Running', version: 2 }])
  })

  it('the pre-WSL 2 list and old wsl.exe usage text are recognised', () => {
    expect(kinds('适用于 Linux 的 Windows 子系统:\nUbuntu-18.04 (默认)\nUbuntu')).toEqual(['wsl'])
    expect(kinds('Windows Subsystem for Linux Distributions:\nUbuntu (Default)')).toEqual(['wsl'])
  })
})
