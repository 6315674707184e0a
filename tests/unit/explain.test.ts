import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { EXPLAIN_KINDS, ExplainResultSchema } from '../../src/shared/host/explain'
import { HostReportSchema } from '../../src/shared/host/report'
import { runCli } from '../../src/main/cli/run-cli'
import { CaptureFileError, replayCaptureFile } from '../../src/main/host/capture-file'
import { collectCapture, currentEnvironment } from '../../src/main/host/collect'
import { CheckContext } from '../../src/main/host/context'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { explainTexts, readInput, recognize, type ReadInput } from '../../src/main/host/explain/explain'
import { coveredKinds } from '../../src/main/host/explain/registry'
import { segmentText } from '../../src/main/host/explain/segments'
import { vmwareChecks } from '../../src/main/host/checks/vmware'
import { decodeText } from '../../src/main/host/text/decode'
import { parseVmwareLog } from '../../src/main/host/interpret/vmware-log'

const dir = join(__dirname, '../fixtures/explain')
interface Entry {
  files: string[]
  kinds: string[]
  title: string
  sources: string[]
  encoding?: string
  expected: { verdict: string; checks: Record<string, string> }
}
// One manifest per area (manifest.json, manifest.<area>.json) so that fixtures can be added side by side.
const manifest = readdirSync(dir)
  .filter((f) => /^manifest(\.[a-z0-9-]+)?\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Entry[])

function inputOf(file: string): ReadInput {
  const decoded = decodeText(readFileSync(join(dir, file)))
  return { name: file, text: decoded.text, encoding: decoded.encoding }
}

const temp = mkdtempSync(join(tmpdir(), 'explain-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

async function cli(argv: string[], stdin = '') {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => new TextEncoder().encode(stdin) })
  return { code, stdout, stderr }
}

describe('explaining real published outputs', () => {
  it('has at least 25 fixtures, each with a source, and a recognizer for every kind', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(25)
    for (const entry of manifest) expect(entry.sources.length, entry.files.join()).toBeGreaterThan(0)
    expect(coveredKinds()).toEqual([...EXPLAIN_KINDS])
  })

  it.each(manifest.map((e) => [e.files.join(' + '), e] as const))('%s', (_name, entry) => {
    const inputs = entry.files.map(inputOf)
    const result = explainTexts(inputs)
    expect(ExplainResultSchema.safeParse({ report: result.report, recognised: result.recognised, unrecognised: result.unrecognised }).success).toBe(true)
    expect(result.unrecognised).toEqual([])
    expect([...new Set(result.recognised.map((r) => r.kind))].sort()).toEqual([...entry.kinds].sort())
    if (entry.encoding) expect(result.recognised[0]?.encoding).toBe(entry.encoding)
    const report = result.report!
    expect(report.source).toBe('pasted')
    expect(HostReportSchema.safeParse(report).success).toBe(true)
    const statuses = Object.fromEntries(Object.keys(entry.expected.checks).map((id) => [id, report.checks.find((c) => c.id === id)?.status]))
    expect({ verdict: report.verdict.status, checks: statuses }).toEqual(entry.expected)
    for (const check of report.checks) if (check.status !== 'pass' && check.status !== 'skip') expect(check.fix.length, check.id).toBeGreaterThan(0)
  })
})

describe('text as students paste it', () => {
  const ulm = readFileSync(join(dir, 'vmware-log-ws17-win11home-ryzen-hyperv-ulm.log'), 'utf8')
  const kvmOk = readFileSync(join(dir, 'kvm-ok-disabled-by-bios.txt'), 'utf8')

  it('a vmware.log wrapped by a chat window at 70 columns reads the same', () => {
    const wrapped = ulm
      .split('\n')
      .flatMap((line) => (line.match(/.{1,70}/g) ?? ['']))
      .join('\n')
    const a = parseVmwareLog(ulm)
    const found = recognize(wrapped, 'chat')
    expect(found.map((r) => r.kind)).toEqual(['vmware-log'])
    const b = parseVmwareLog(Object.values(found[0]!.probes)[0]!)
    expect(b.monitorMode).toBe('ULM')
    expect({ ...b, evidence: [] }).toEqual({ ...a, evidence: [] })
  })

  it('quote markers, markdown fences and shell prompts are taken off; each prompt starts a new output', () => {
    const quoted = ['> ```', '> $ kvm-ok', ...kvmOk.trim().split('\n').map((l) => `> ${l}`), '> ```', '> student@pc:~$ lscpu | grep Virt', '> Virtualization:                     VT-x'].join('\n')
    const segments = segmentText(quoted)
    expect(segments[0]).toMatchObject({ command: 'kvm-ok' })
    expect(segments[0]!.text).not.toMatch(/^>|```/m)
    const result = explainTexts([{ name: '粘贴', text: quoted, encoding: null }])
    expect(result.recognised.map((r) => r.kind)).toContain('kvm-ok')
    expect(result.report?.checks.find((c) => c.id === 'firmware.vt-enabled')?.status).toBe('fail')
  })

  it('two outputs in one paste are both recognised', () => {
    const both = `C:\\Users\\s>coreinfo -v\n${readFileSync(join(dir, 'coreinfo-v-core2-6600-vmx-no-ept.txt'), 'utf8')}\nC:\\Users\\s>"C:\\Program Files\\Intel\\HAXM\\checktool.exe" --verbose\n${readFileSync(join(dir, 'haxm-checktool-vmx-disabled.txt'), 'utf8')}`
    expect(explainTexts([{ name: 'p', text: both, encoding: null }]).recognised.map((r) => r.kind)).toEqual(['coreinfo', 'haxm-check'])
  })

  it('text that is none of the known kinds gets no report, and says which input it was', () => {
    const result = explainTexts([{ name: '我的问题.txt', text: '老师，我的虚拟机打不开，怎么办？\nVMware 一直转圈。', encoding: null }])
    expect(result.report).toBeNull()
    expect(result.unrecognised).toEqual(['我的问题.txt'])
  })

  it('inputs over IPC: text as typed, or a file as base64 bytes', () => {
    const file = readFileSync(join(dir, 'wsl-list-verbose-and-status.utf16le.txt'))
    expect(readInput({ name: 'wsl.txt', base64: file.toString('base64') })).toMatchObject({ encoding: 'utf-16le' })
    expect(readInput({ name: '粘贴', text: 'x' })).toEqual({ name: '粘贴', text: 'x', encoding: null })
  })
})

describe('vmware.log as evidence', () => {
  it('reads version, host, monitor mode, VT-x/EPT use and errors', () => {
    const log = parseVmwareLog(readFileSync(join(dir, 'vmware-log-player15-win10-icelake-vt-ept.log'), 'utf8'))
    expect(log).toMatchObject({
      product: 'VMware Player',
      version: '15.5.2',
      build: 15785246,
      hostPlatform: 'win32',
      hostVendor: 'intel',
      hardwareVirtualization: 'VT-x',
      nestedPaging: 'EPT',
      vbsRunning: false,
      hostIsVm: false,
      errors: [],
    })
    const ulm = parseVmwareLog(readFileSync(join(dir, 'vmware-log-ws17-win11home-ryzen-hyperv-ulm.log'), 'utf8'))
    expect(ulm).toMatchObject({ version: '17.6.1', monitorMode: 'ULM', hyperVDetected: true, hostVendor: 'amd', hostHypervisorSignature: 'Microsoft Hv', hostIsVm: false })
    const dialog = parseVmwareLog(
      "This virtual machine is configured for 64-bit guest operating systems. However, 64-bit operation is not possible.\nThis host supports Intel VT-x, but Intel VT-x is disabled.",
    )
    expect(dialog.errors.map((e) => e.kind)).toEqual(['long-mode-impossible', 'vt-disabled'])
  })

  it('a VT-x-disabled error in a pasted log makes firmware fail', () => {
    const text = '2026-01-05T10:00:00.000Z In(05) vmx Log for VMware Workstation pid=1 version=17.6.4 build=build-24832109 option=Release\n2026-01-05T10:00:00.100Z In(05) vmx Msg_Post: Error\n2026-01-05T10:00:00.100Z In(05)+ vmx This host supports Intel VT-x, but Intel VT-x is disabled.'
    const report = explainTexts([{ name: 'vmware.log', text, encoding: null }]).report!
    expect(report.checks.find((c) => c.id === 'firmware.vt-enabled')?.status).toBe('fail')
    expect(report.verdict.status).toBe('action-needed')
  })

  it('live: the log beside a .vmx feeds the VM facts the labs read', () => {
    const vmx = 'C:\\VMs\\CentOS\\CentOS.vmx'
    const ctx = new CheckContext('win32', 'x64', {
      [`vmware.vmx:${vmx}`]: { ok: true, text: readFileSync(join(dir, 'centos7-nat-gbk.vmx'), 'latin1') },
      'vmware.log:C:\\VMs\\CentOS\\vmware.log': { ok: true, text: readFileSync(join(dir, 'vmware-log-ws17-win10-sandybridge-cpl0.log'), 'utf8') },
    })
    const vms = vmwareChecks(ctx).find((c) => c.id === 'vmware.vms')!
    expect((vms.facts.vms as { log: Record<string, unknown> }[])[0]!.log).toMatchObject({ version: '17.6.3', monitorMode: 'CPL0', hardwareVirtualization: null, nestedPaging: 'EPT', errors: [] })
  })
})

describe('virtlab explain', () => {
  it('--json gives the report and the kinds; exit codes as check', async () => {
    const ready = await cli(['explain', join(dir, 'vmware-log-ws17-win10-sandybridge-cpl0.log'), '--json'])
    expect(ready.code).toBe(0)
    const parsed = JSON.parse(ready.stdout) as { report: { source: string; verdict: { status: string } }; recognised: { kind: string }[] }
    expect(parsed.report.source).toBe('pasted')
    expect(parsed.recognised.map((r) => r.kind)).toEqual(['vmware-log'])
    const action = await cli(['explain', join(dir, 'haxm-checktool-vmx-disabled.txt'), '--lang', 'zh-CN'])
    expect(action.code).toBe(1)
    expect(action.stdout).toContain('（根据粘贴的输出）')
    expect(action.stdout).toContain('HAXM 检查工具')
    expect(action.stdout).toContain('粘贴的输出里没有这些项目的信息')
  })

  it('reads standard input with "-"', async () => {
    const { code, stdout } = await cli(['explain', '-', '--json'], readFileSync(join(dir, 'kvm-ok-disabled-by-bios.txt'), 'utf8'))
    expect(code).toBe(1)
    expect(JSON.parse(stdout).recognised[0].kind).toBe('kvm-ok')
  })

  it('unrecognised text: exit 2 and the list of kinds it knows', async () => {
    const file = join(temp, 'note.txt')
    writeFileSync(file, 'hello teacher')
    const { code, stderr } = await cli(['explain', file, '--lang', 'en'])
    expect(code).toBe(2)
    expect(stderr).toContain('none of this was recognised (note.txt)')
    for (const name of ['vmware.log (VM log)', 'coreinfo -v', 'virt-host-validate', 'ipconfig /all', 'kvm-ok']) expect(stderr).toContain(name)
    expect((await cli(['explain'])).code).toBe(2)
  })

  it('--replay refuses a file that is not a capture, and says what would read it', async () => {
    const file = join(temp, 'systeminfo.txt')
    writeFileSync(file, readFileSync(join(dir, 'systeminfo-findstr-firmware-off.txt')))
    await expect(replayCaptureFile(file)).rejects.toThrow(CaptureFileError)
    const { code, stderr } = await cli(['check', '--replay', file])
    expect(code).toBe(2)
    expect(stderr).toMatch(/not valid JSON.*looks like systeminfo output: use “virtlab explain systeminfo.txt”/)
  })
})

describe('on this machine', () => {
  it('explaining /proc/cpuinfo (and kvm-ok when installed) agrees with check on the CPU checks', async () => {
    const texts: ReadInput[] = [{ name: 'cpuinfo', text: readFileSync('/proc/cpuinfo', 'utf8'), encoding: null }]
    const kvmOk = await promisify(execFile)('kvm-ok', [], { timeout: 5000 }).then(
      (r) => r.stdout,
      (e: { stdout?: string }) => e.stdout ?? null,
    )
    if (kvmOk) texts.push({ name: 'kvm-ok', text: kvmOk, encoding: null })
    const pasted = explainTexts(texts).report!
    const live = evaluateCapture(await collectCapture({ env: currentEnvironment(join(__dirname, '../../resources')), appVersion: 'test' }), { source: 'live' })
    for (const id of ['host.arch', 'cpu.vt-extensions', 'cpu.slat', 'firmware.vt-enabled', 'host.virtual-machine'] as const)
      expect(pasted.checks.find((c) => c.id === id)?.status, id).toBe(live.checks.find((c) => c.id === id)?.status)
  }, 60_000)
})

describe('any text at all', () => {
  it('never throws and always gives a result the IPC contract accepts (strict parsers)', async () => {
    const fc = await import('fast-check')
    const previous = process.env.VIRTLAB_STRICT_PARSERS
    process.env.VIRTLAB_STRICT_PARSERS = '1'
    try {
      const pieces = ['INFO: /dev/kvm exists\n', 'VMX             *       Supports\n', 'Monitor Mode: ULM\n', '```\n', '> ', 'PS C:\\> ', '$ lscpu\n', 'Architecture: x86_64\n', 'flags : vmx ept\n', 'processor : 0\n', 'Hyper-V Requirements: ', 'hostCPUID level 00000001, 0: 0x0 0x0 0xffffffff 0x0\n', '\u0000', '\r\n', 'Name : x\n']
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 40 })), { maxLength: 30 }), (parts) => {
          const result = explainTexts([{ name: 'fuzz', text: parts.join(''), encoding: null }])
          expect(ExplainResultSchema.safeParse({ report: result.report, recognised: result.recognised, unrecognised: result.unrecognised }).success).toBe(true)
        }),
        { numRuns: 300 },
      )
    } finally {
      if (previous === undefined) delete process.env.VIRTLAB_STRICT_PARSERS
      else process.env.VIRTLAB_STRICT_PARSERS = previous
    }
  })
})
