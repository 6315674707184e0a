/**
 * The Windows host probe's output reader on recorded outputs. There is no Windows here, so the
 * stream the script prints is assembled from real published outputs of the same CIM classes
 * (tests/fixtures/powershell/, sources in its README): each value goes through what the script
 * does to it — Select-Object of the script's properties, then one ConvertTo-Json -Compress line
 * per section with non-ASCII escaped (ConvertTo-AsciiJson).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { CAPTURE_FORMAT, CAPTURE_VERSION, type Capture, type ProbeResult } from '../../src/shared/host/capture'
import { CheckContext } from '../../src/main/host/context'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { readHostProbeOutput, splitWindowsProbeOutput, WINDOWS_PROBE_IDS } from '../../src/main/host/probes/windows-probes'

const dir = join(__dirname, '../fixtures/powershell')
const text = (name: string): string => readFileSync(join(dir, name), 'utf8')
const json = (name: string): Record<string, unknown> => JSON.parse(text(name)) as Record<string, unknown>

/** The properties each section of resources/windows/host-probe.ps1 selects. */
const SELECTED: Record<string, string[]> = {
  'win.computersystem': ['Manufacturer', 'Model', 'SystemFamily', 'HypervisorPresent', 'PCSystemType', 'PCSystemTypeEx', 'TotalPhysicalMemory', 'SystemType'],
  'win.processor': ['Name', 'Manufacturer', 'NumberOfCores', 'NumberOfLogicalProcessors', 'VMMonitorModeExtensions', 'VirtualizationFirmwareEnabled', 'SecondLevelAddressTranslationExtensions', 'Architecture'],
  'win.os': ['Caption', 'Version', 'BuildNumber', 'OSArchitecture', 'OSLanguage', 'MUILanguages'],
  'win.deviceguard': ['VirtualizationBasedSecurityStatus', 'SecurityServicesRunning', 'SecurityServicesConfigured', 'AvailableSecurityProperties'],
}
const script = readFileSync(join(__dirname, '../../resources/windows/host-probe.ps1'), 'utf8')

/** Select-Object -Property: every named property, $null where the object has none. */
function select(id: string, object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(SELECTED[id]!.map((p) => [p, object[p] ?? null]))
}

/** ConvertTo-AsciiJson of the script: compressed JSON, every non-ASCII character as \uXXXX. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
const ok = (id: string, value: unknown, ms = 40): string => asciiJson({ id, ok: true, ms, value })
const failed = (id: string, error: string): string => asciiJson({ id, ok: false, error })

const STOPPED = { kind: 'timeout' as const, message: 'the host probe was stopped after 20 s before this section finished' }

function capture(probes: Record<string, ProbeResult>): Capture {
  return { format: CAPTURE_FORMAT, version: CAPTURE_VERSION, capturedAt: '2026-01-01T00:00:00.000Z', appVersion: 'test', platform: 'win32', arch: 'x64', redacted: false, probes }
}

// Beelink SER8 (AMD Ryzen 7 8745HS), Windows 11 Pro, Hyper-V's hypervisor running: what its own
// readiness report published for the classes the script reads (two Select lists of Win32_Processor
// from the same report are merged: the script selects both sets).
const BEELINK = {
  computersystem: { ...json('beelink-ser8.win32-computersystem.json'), HypervisorPresent: text('beelink-ser8.hypervisorpresent.txt').trim() === 'True' },
  processor: { ...json('beelink-ser8.win32-processor-cores.json'), ...json('beelink-ser8.win32-processor.json') },
  os: json('beelink-ser8.win32-operatingsystem.json'),
  // The message of the error record ("Cmdlet : message" is how PowerShell prints it).
  featuresError: text('beelink-ser8.optionalfeature-elevation.txt').trim().replace(/^[\w-]+ ?: /, ''),
}
const beelinkLines = [
  ok('win.computersystem', select('win.computersystem', BEELINK.computersystem), 61),
  // `$value = & $Block` unrolls the one-element @(...) of a single CPU into the object itself.
  ok('win.processor', select('win.processor', BEELINK.processor), 210),
  ok('win.os', select('win.os', BEELINK.os), 35),
  failed('win.optional-features', BEELINK.featuresError),
]
const beelinkStream = `${beelinkLines.join('\r\n')}\r\n`
const ARRIVED = ['win.computersystem', 'win.processor', 'win.os', 'win.optional-features']

describe('the stream assembled from real outputs', () => {
  it("selects the script's own properties", () => {
    for (const [id, props] of Object.entries(SELECTED)) {
      const start = script.indexOf(`Write-Section '${id}'`)
      const section = script.slice(start, script.indexOf('Write-Section', start + 10))
      for (const p of props) expect(section, `${id} ${p}`).toContain(`'${p}'`)
    }
  })

  it('a physical mini PC with Hyper-V running: the facts that arrived; the rest timed out, with the reason', () => {
    const out = splitWindowsProbeOutput(beelinkStream, 20_000, STOPPED)
    expect(Object.keys(out).sort()).toEqual([...WINDOWS_PROBE_IDS].sort())
    for (const id of WINDOWS_PROBE_IDS) if (!ARRIVED.includes(id)) expect(out[id], id).toEqual({ ok: false, error: STOPPED, durationMs: 20_000 })
    expect(out['win.processor']).toMatchObject({ ok: true, durationMs: 210 })
    // "requires elevation": the student is not an administrator — said as such, not as a failure.
    expect(out['win.optional-features']).toMatchObject({ ok: false, error: { kind: 'denied', message: 'The requested operation requires elevation.' } })
    const ctx = new CheckContext('win32', 'x64', out)
    expect(ctx.winComputerSystem()).toMatchObject({ manufacturer: 'AZW', model: 'SER8', hypervisorPresent: true, totalPhysicalMemory: 29808803840 })
    expect(ctx.winProcessor()).toEqual({
      name: 'AMD Ryzen 7 8745HS w/ Radeon 780M Graphics',
      manufacturer: null,
      cores: 8,
      threads: 16,
      vmMonitorModeExtensions: false,
      virtualizationFirmwareEnabled: true,
      slat: false,
      architecture: null,
    })
    expect(ctx.winOs()).toMatchObject({ caption: 'Microsoft Windows 11 Pro', build: 26200 })
    expect(ctx.failure('win.deviceguard')).toBe(`timeout: ${STOPPED.message}`)
  })

  it('…and the report neither calls it ready nor fails the CPU on flags the running hypervisor hides', () => {
    const report = evaluateCapture(capture(splitWindowsProbeOutput(beelinkStream, 20_000, STOPPED)), { source: 'replay' })
    const status = (id: string): string | undefined => report.checks.find((c) => c.id === id)?.status
    // A maker no list names, a hypervisor present, and the sections that could prove "physical" lost:
    // guest status unknown, so VT-x/SLAT/firmware cannot pass (issue 12, item 1) — and must not fail
    // on VMMonitorModeExtensions/SLAT = False, which is what Windows reports under its own hypervisor.
    expect(status('host.virtual-machine')).toBe('unknown')
    // …and says which sections that could have shown a physical computer were lost, and why.
    const machine = report.checks.find((c) => c.id === 'host.virtual-machine')!
    expect(machine.evidence).toContainEqual({ probe: 'win.baseboard', excerpt: `(timeout: ${STOPPED.message})` })
    expect(machine.evidence).toContainEqual({ probe: 'win.optional-features', excerpt: '(denied: The requested operation requires elevation.)' })
    for (const id of ['cpu.vt-extensions', 'cpu.slat', 'firmware.vt-enabled']) expect(status(id), id).toBe('unknown')
    expect(status('windows.hypervisor')).toBe('warn')
    expect(report.verdict.status).not.toMatch(/^ready/)
    // A check whose probe timed out says so in its evidence.
    const installed = report.checks.find((c) => c.id === 'vmware.installed')!
    expect(installed.status).toBe('unknown')
    expect(installed.evidence).toContainEqual({ probe: 'win.vmware-registry', excerpt: `(timeout: ${STOPPED.message})` })
  })

  it('a stream cut mid-line by the deadline keeps every complete line', () => {
    const cut = beelinkStream.slice(0, beelinkStream.indexOf('"VirtualizationFirmwareEnabled"'))
    const out = splitWindowsProbeOutput(cut, 20_000, STOPPED)
    expect(out['win.computersystem']?.ok).toBe(true)
    for (const id of ['win.processor', 'win.os', 'win.optional-features']) expect(out[id], id).toMatchObject({ ok: false, error: { kind: 'timeout' } })
  })

  it('Constrained Language Mode: the error PowerShell prints for the encoding line changes nothing', () => {
    // The script guards that line (windows-probe-script.test.ts); should the error still reach the
    // stream (an older script, a profile), the reader skips it.
    const clm = text('wslu-297.clm-output-encoding.txt')
    expect(clm).toContain('PropertySetterNotSupportedInConstrainedLanguage')
    const clean = splitWindowsProbeOutput(beelinkStream, 20_000, STOPPED)
    expect(splitWindowsProbeOutput(`${clm.replace(/\n/g, '\r\n')}${beelinkStream}`, 20_000, STOPPED)).toEqual(clean)
    expect(splitWindowsProbeOutput(`${beelinkLines[0]}\r\n${clm}${beelinkLines.slice(1).join('\n')}`, 20_000, STOPPED)).toEqual(clean)
  })

  it("bcdedit's stderr becomes the section's error, in the student's language, never a crash", () => {
    // Chinese Windows, no administrator: bcdedit /enum exits 1 with this on stderr.
    const stderr = /^>>stderr=(.*)$/m.exec(text('wubiuefi-261.bcdedit-enum-zh.txt'))![1]!
    expect(stderr).toBe('无法打开启动配置数据存储。')
    const line = failed('win.bcdedit', stderr)
    expect(line).toMatch(/^[\x20-\x7e]+$/) // ASCII on the wire
    const out = splitWindowsProbeOutput([...beelinkLines, line].join('\n'), 20_000, STOPPED)
    expect(out['win.bcdedit']).toMatchObject({ ok: false, error: { kind: 'failed', message: stderr } })
    const ctx = new CheckContext('win32', 'x64', out)
    expect(ctx.bcdedit()).toBeNull()
    expect(ctx.failure('win.bcdedit')).toBe(`failed: ${stderr}`)
  })

  it('CIM "Access denied" (PowerShell 5) and "Access is denied." (PowerShell 7) are both read as denied', () => {
    const message = (file: string): string => text(file).split('\n')[0]!.replace(/^Get-CimInstance ?: /, '')
    const ps5 = message('vscode-remote-2648.cim-access-denied.txt')
    const ps7 = message('windows-sandbox-67.cim-access-is-denied.txt')
    expect([ps5, ps7]).toEqual(['Access denied', 'Access is denied.'])
    const out = splitWindowsProbeOutput([failed('win.os', `${ps5} `), failed('win.computersystem', ps7)].join('\n'), 300)
    expect(out['win.os']).toMatchObject({ ok: false, error: { kind: 'denied' } })
    expect(out['win.computersystem']).toMatchObject({ ok: false, error: { kind: 'denied' } })
  })

  it('the same stream as UTF-16 LE (with and without BOM) or UTF-8 with BOM reads the same', () => {
    const expected = readHostProbeOutput(Buffer.from(beelinkStream, 'ascii'), 20_000, STOPPED)
    expect(expected).toEqual(splitWindowsProbeOutput(beelinkStream, 20_000, STOPPED))
    const variants = [
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(beelinkStream, 'utf-16le')]),
      iconv.encode(beelinkStream, 'utf-16le'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(beelinkStream)]),
    ]
    for (const bytes of variants) expect(readHostProbeOutput(bytes, 20_000, STOPPED)).toEqual(expected)
  })
})

describe('Win32_DeviceGuard as published', () => {
  it('VBS running with memory integrity (HVCI) running, Credential Guard configured only', () => {
    const out = splitWindowsProbeOutput(ok('win.deviceguard', select('win.deviceguard', json('cnquery.win32-deviceguard-vbs-running.json'))), 500)
    const ctx = new CheckContext('win32', 'x64', out)
    expect(ctx.winDeviceGuard()).toEqual({ vbsStatus: 2, servicesRunning: [2], servicesConfigured: [1, 2], hypervisorSupportAvailable: true })
    const report = evaluateCapture(capture(out), { source: 'replay' })
    expect(report.checks.find((c) => c.id === 'windows.hypervisor')?.status).toBe('warn')
  })

  it('Server 2022 with VBS off and no hypervisor support available', () => {
    const out = splitWindowsProbeOutput(ok('win.deviceguard', select('win.deviceguard', json('cnquery.win32-deviceguard-server2022-off.json'))), 500)
    expect(new CheckContext('win32', 'x64', out).winDeviceGuard()).toEqual({ vbsStatus: 0, servicesRunning: [], servicesConfigured: [], hypervisorSupportAvailable: false })
  })
})
