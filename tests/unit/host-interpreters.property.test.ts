import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Capture, CapturePlatform } from '../../src/shared/host/capture'
import { evaluateCapture } from '../../src/main/host/evaluate'
import * as linux from '../../src/main/host/interpret/linux'
import * as mac from '../../src/main/host/interpret/macos'
import { parsePowerShellObjects } from '../../src/main/host/interpret/powershell-output'
import * as win from '../../src/main/host/interpret/windows'

const parsers: [string, (text: string) => unknown][] = [
  ['cpuinfo', linux.parseCpuinfo],
  ['lscpu', linux.parseLscpu],
  ['dmesg', linux.parseDmesg],
  ['modules', linux.parseModules],
  ['detect-virt', linux.parseDetectVirt],
  ['dmi', linux.parseDmi],
  ['os-release', linux.parseOsRelease],
  ['meminfo', linux.parseMeminfoTotal],
  ['kvm-device', linux.parseKvmDevice],
  ['ip-addr', linux.parseIpAddrJson],
  ['powershell', parsePowerShellObjects],
  ['win processor', win.parseWinProcessor],
  ['win computersystem', win.parseWinComputerSystem],
  ['win os', win.parseWinOs],
  ['win deviceguard', win.parseWinDeviceGuard],
  ['win features', win.parseWinOptionalFeatures],
  ['bcdedit', win.parseBcdedit],
  ['win services', win.parseWinServices],
  ['win adapters', win.parseWinAdapters],
  ['systeminfo', win.parseSystemInfo],
  ['sysctl', mac.parseSysctl],
]

const dir = join(__dirname, '../fixtures/captures')
const realTexts = readdirSync(dir)
  .filter((f) => f.endsWith('.capture.json'))
  .flatMap((f) => Object.values((JSON.parse(readFileSync(join(dir, f), 'utf8')) as Capture).probes))
  .flatMap((p) => (p.ok ? [p.text] : []))

/** Random edits of real outputs: cut, duplicate, swap line endings, inject junk. */
const mutated = fc
  .tuple(fc.constantFrom(...realTexts), fc.nat(), fc.nat(), fc.string({ unit: 'binary' }), fc.constantFrom('\r\n', '\n', '\r', ''))
  .map(([text, a, b, junk, eol]) => {
    const i = a % (text.length + 1)
    const j = b % (text.length + 1)
    return text.slice(0, Math.min(i, j)) + junk + text.slice(Math.max(i, j)).replace(/\n/g, eol)
  })

describe('interpreters never throw', () => {
  it.each(parsers)('%s on random text and mutated real outputs', (_name, parse) => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void parse(text)), { numRuns: 300 })
    fc.assert(fc.property(mutated, (text) => void parse(text)), { numRuns: 300 })
  })

  it('the whole engine never throws on random captures, and never reports a check outside the contract', () => {
    const ids = ['linux.cpuinfo', 'linux.dmesg', 'linux.modules', 'linux.kvm-device', 'linux.dmi', 'win.processor', 'win.computersystem', 'win.systeminfo', 'win.deviceguard', 'mac.sysctl', 'si.cpu', 'si.mem', 'host.vm-folder']
    const probe = fc.oneof(
      fc.record({ ok: fc.constant(true as const), text: fc.oneof(fc.string(), fc.constantFrom(...realTexts), mutated) }),
      fc.record({ ok: fc.constant(false as const), error: fc.record({ kind: fc.constantFrom('missing' as const, 'denied' as const, 'timeout' as const, 'failed' as const), message: fc.string() }) }),
    )
    fc.assert(
      fc.property(fc.constantFrom<CapturePlatform>('linux', 'win32', 'darwin'), fc.constantFrom('x64', 'arm64', 'ia32'), fc.dictionary(fc.constantFrom(...ids), probe), (platform, arch, probes) => {
        const report = evaluateCapture(
          { format: 'virtlab.capture', version: 1, capturedAt: '2026-01-01T00:00:00Z', appVersion: 't', platform, arch, redacted: false, probes },
          { source: 'replay' },
        )
        expect(report.checks).toHaveLength(17)
        for (const check of report.checks) if (check.status !== 'pass' && check.status !== 'skip') expect(check.fix.length).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })
})

describe('locale traps', () => {
  it('reads systeminfo in Chinese and in other languages by structure', () => {
    const zh = win.parseSystemInfo('主机名:           LAPTOP\nOS 名称:          Microsoft Windows 10 家庭中文版\nHyper-V 要求:     虚拟机监视器模式扩展: 是\n                  固件中已启用虚拟化: 否\n                  二级地址转换: 是\n                  数据执行保护可用: 是\n')
    expect(zh).toMatchObject({ vmMonitorModeExtensions: true, virtualizationFirmwareEnabled: false, slat: true, dep: true })
    const it = win.parseSystemInfo('Nome host:   PC\nRequisiti Hyper-V:  Estensioni modalità di monitoraggio macchina virtuale: Sì\n')
    expect(it).toMatchObject({ vmMonitorModeExtensions: true, virtualizationFirmwareEnabled: null })
  })

  it('reads Format-List arrays PowerShell shortened with an ellipsis', () => {
    const dg = win.parseWinDeviceGuard('SecurityServicesRunning : {1, 2}\nAvailableSecurityProperties : {1, 2, 3, 5...}\nVirtualizationBasedSecurityStatus : 2\n')
    expect(dg).toEqual({ vbsStatus: 2, servicesRunning: [1, 2], servicesConfigured: [], hypervisorSupportAvailable: true })
  })
})
