import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatReport } from '../../src/main/cli/format-report'
import { decodeText } from '../../src/main/host/text/decode'
import { explainTexts, type ReadInput } from '../../src/main/host/explain/explain'
import { logName } from '../../src/main/host/extra-evidence'
import { firmwareGuide } from '../../src/main/host/firmware-guide'
import { decideVerdict } from '../../src/main/host/verdict'
import { oldWindowsName } from '../../src/main/host/checks/resources'
import { archText, detailValue } from '../../src/shared/host/detail-values'
import { notInPaste } from '../../src/shared/host/explain'
import { hypervisorAction } from '../../src/shared/host/next-action'
import type { HostReport } from '../../src/shared/host/report'
import { checkZh } from '../../src/shared/i18n/zh-typography'

/**
 * The words a person reads in a report built from pasted output (`virtlab explain`, the paste panel),
 * over every published output in tests/fixtures/explain: our sentences only, not the pasted excerpts.
 */
const dir = join(__dirname, '../fixtures/explain')
const manifest = readdirSync(dir)
  .filter((f) => /^manifest(\.[a-z0-9-]+)?\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { files: string[] }[])

function explain(files: string[]): HostReport {
  const inputs: ReadInput[] = files.map((file) => {
    const decoded = decodeText(readFileSync(join(dir, file)))
    return { name: file, text: decoded.text, encoding: decoded.encoding }
  })
  const report = explainTexts(inputs).report
  if (!report) throw new Error(`nothing recognised in ${files.join()}`)
  return report
}

/** The report as printed, without evidence excerpts (they are the student's own text, kept verbatim). */
function ourWords(report: HostReport, locale: 'zh-CN' | 'en'): string {
  const bare = { ...report, checks: report.checks.map((c) => ({ ...c, evidence: [] })) }
  const printed = formatReport(bare, { locale, color: false, verbose: true })
  const details = report.checks.flatMap((c) => c.details.map((d) => `${d.label[locale]}${locale === 'zh-CN' ? '：' : ': '}${detailValue(d.value, locale)}`))
  return [printed, ...details].join('\n')
}

const CJK = '[\\p{Script=Han}，。：；！？“”（）、]'
const PROBE_ID = /\b(?:win|linux|mac|darwin|paste|vmware|si)\.(?!log\b)[a-z][\w-]*/
const RERUN = /重新检测”再试一次|诊断文件/

describe('pasted reports read as written for a person', () => {
  it.each(manifest.map((e) => [e.files.join(' + '), e.files] as const))('%s (zh-CN)', (_name, files) => {
    const report = explain(files)
    const text = ourWords(report, 'zh-CN')
    // ASCII colon or double quote right after or before Chinese text.
    expect(text).not.toMatch(new RegExp(`${CJK}[:"]|[:"]${CJK}`, 'u'))
    expect(text).not.toMatch(PROBE_ID)
    // A bare enum value where a word belongs.
    expect(text).not.toMatch(/(^|[\s：（·])(unknown|true|false|Generic)($|[\s，。）、·])/im)
    expect(text).not.toMatch(/：\?$/m)
    for (const check of report.checks) for (const step of check.fix) expect(step['zh-CN'], check.id).not.toMatch(RERUN)
    expect(report.verdict.firstFix?.['zh-CN'] ?? '').not.toMatch(RERUN)
    // Our own sentences follow the Chinese typography rules, names put into them included.
    const sentences = [report.verdict.summary, report.verdict.firstFix, ...report.checks.flatMap((c) => [c.summary, ...c.fix])]
    const problems = sentences.flatMap((s) => (s ? checkZh(s['zh-CN'], { ourNames: true }).map((i) => `${i.rule}: ${i.excerpt}`) : []))
    expect(problems).toEqual([])
    // Each evidence excerpt once per check.
    for (const check of report.checks) expect(new Set(check.evidence.map((e) => `${e.probe}\n${e.excerpt}`)).size, check.id).toBe(check.evidence.length)
  })

  it.each(manifest.map((e) => [e.files.join(' + '), e.files] as const))('%s (en)', (_name, files) => {
    const report = explain(files)
    const text = ourWords(report, 'en')
    expect(text).not.toMatch(PROBE_ID)
    for (const check of report.checks) for (const step of check.fix) expect(step.en, check.id).not.toMatch(/diagnostic capture|Run the check again;/)
  })

  it('lists what a Win32_DeviceGuard list says nothing about as not in the paste, and says the architecture in words', () => {
    const report = explain(['win32-deviceguard-hp-probook-vbs-running.txt'])
    const missing = report.checks.filter(notInPaste).map((c) => c.id)
    expect(missing).toEqual(expect.arrayContaining(['vmware.vms', 'hypervisors.other']))
    const zh = formatReport(report, { locale: 'zh-CN', color: false })
    expect(zh).toContain('输出所在的电脑：Windows · 架构未知')
    expect(zh).toContain('结论：无法确定 — 还不能下结论：从这些输出看不出处理器是哪种架构。')
    expect(zh).toMatch(/粘贴的输出里没有这些项目的信息：.*已创建的虚拟机.*其他虚拟化软件/)
    expect(zh).not.toContain('重新检测”再试一次')
    expect(formatReport(report, { locale: 'en', color: false })).toContain('Windows · architecture unknown')
    expect(report.verdict.summary.en).toBe('No verdict yet: these outputs do not show which architecture the processor is.')
  })

  it('names a vmware.log once and an AMD CPU’s extensions with full-width brackets in Chinese', () => {
    expect(logName('vmware.log')).toEqual({ 'zh-CN': 'vmware.log', en: 'vmware.log' })
    expect(logName('vm-1/vmware.log')['zh-CN']).toBe('日志 vm-1/vmware.log')
    expect(logName('粘贴 1')['zh-CN']).toBe('vmware.log（粘贴 1）')
    const report = explain(['vmware-log-ws17-win11home-ryzen-hyperv-ulm.log'])
    const vt = report.checks.find((c) => c.id === 'cpu.vt-extensions')!
    expect(vt.summary['zh-CN']).toBe('CPU 支持 AMD-V（SVM）。')
    expect(vt.summary.en).toBe('The CPU supports AMD-V (SVM).')
    expect(report.checks.find((c) => c.id === 'windows.hypervisor')!.summary['zh-CN']).toMatch(/^日志 vmware-log-ws17-win11home-ryzen-hyperv-ulm\.log 显示/)
  })

  it('gives a Linux paste the Linux way into the firmware, not Windows’ Advanced startup', () => {
    const report = explain(['dmesg-grep-kvm-disabled-by-bios.txt', 'kvm-ok-disabled-by-bios.txt'])
    const zh = formatReport(report, { locale: 'zh-CN', color: false })
    expect(zh).toContain('sudo systemctl reboot --firmware-setup')
    expect(zh).not.toContain('高级启动')
    expect(formatReport(report, { locale: 'en', color: false })).not.toContain('Advanced startup')
    expect(firmwareGuide('HP', 'ProBook', 'intel', 'win32').note['zh-CN']).toContain('高级启动')
  })

  it('names the old Windows it saw', () => {
    expect(oldWindowsName(6002)).toBe('Windows Vista')
    expect(oldWindowsName(7601)).toBe('Windows 7')
    expect(oldWindowsName(9600)).toBe('Windows 8.1')
    const report = explain(['msinfo32-report-vista-x86-q6600.utf16le.txt'])
    const os = report.checks.find((c) => c.id === 'os.supported')!
    expect(`${os.summary['zh-CN']} ${os.summary.en}`).not.toMatch(/7\/8/)
  })

  it('says what a paste does not show instead of “could not read”, and keeps a run-this-and-paste step without the rerun', () => {
    const slat = explain(['wsl-list-verbose-and-status.utf16le.txt']).checks.find((c) => c.id === 'cpu.slat')!
    expect(slat.summary['zh-CN']).toBe('粘贴的输出里没有二级地址转换（SLAT）信息。')
    expect(slat.summary.en).toBe('The pasted output does not show second-level address translation (SLAT).')
    const report = explain(['haxm-install-log-all-met-guest-occupied.txt'])
    const guest = report.checks.find((c) => c.id === 'host.virtual-machine')!
    expect(notInPaste(guest)).toBe(true)
    expect(report.verdict.firstFix?.['zh-CN']).toBe('再粘贴 systeminfo 的完整输出：其中的“系统制造商”“系统型号”能说明这是实体电脑还是虚拟机。')
    const vt = explain(['coreinfo64-i5-6200u-hypervisor-present-fenced.md']).checks.find((c) => c.id === 'cpu.vt-extensions')!
    expect(vt.fix.map((f) => f['zh-CN']).join('\n')).toContain('Format-List Manufacturer,Model,PCSystemType，把它的输出也粘贴进来。')
  })

  it('speaks of the computer the output came from, and shows the BIOS/UEFI section only when the paste speaks to the firmware', () => {
    const ipconfig = explain(['ipconfig-all-zh-vmnet1-vmnet8.txt'])
    expect(ipconfig.checks.find((c) => c.id === 'host.virtual-machine')!.summary['zh-CN']).toBe('这台电脑是实体电脑，不是虚拟机。')
    expect(formatReport(explain(['bcdedit-zh-auto-then-set-off.gbk.txt']), { locale: 'zh-CN', color: false })).not.toContain('进入 BIOS/UEFI')
    expect(formatReport(explain(['haxm-checktool-vmx-disabled.txt']), { locale: 'zh-CN', color: false })).toContain('进入 BIOS/UEFI')
  })

  it('leaves words that merely contain 本机 alone, and puts no space between a Chinese name and the text around it', () => {
    const guest = explain(['coreinfo64-i5-6200u-hypervisor-present-fenced.md']).checks.find((c) => c.id === 'host.virtual-machine')!
    expect(guest.summary['zh-CN']).toContain('笔记本机身')
    expect(hypervisorAction(['vbs']).line['zh-CN']).toContain('由基于虚拟化的安全（VBS）开启')
    expect(hypervisorAction(['Microsoft-Hyper-V-All']).line['zh-CN']).toContain('由 Hyper-V 开启')
  })

  it('words a live unknown verdict as an open question too', () => {
    const report = explain(['win32-deviceguard-hp-probook-vbs-running.txt'])
    const live = decideVerdict(report.checks, 'win32')
    expect(live.summary['zh-CN']).toBe('还不能下结论：这次检测看不出处理器是哪种架构。')
    expect(live.summary.en).toBe('No verdict yet: this check could not tell which architecture the processor is.')
  })

  it('shows raw values as words', () => {
    expect(detailValue('unknown', 'zh-CN')).toBe('未知')
    expect(detailValue('amd', 'zh-CN')).toBe('AMD')
    expect(detailValue('x64', 'zh-CN')).toBe('x86-64（64 位）')
    expect(detailValue('auto (default)', 'zh-CN')).toBe('auto（默认值）')
    expect(detailValue('Intel(R) Core(TM) i5', 'zh-CN')).toBe('Intel(R) Core(TM) i5')
    expect(archText('unknown', 'zh-CN')).toBe('架构未知')
    expect(detailValue('?', 'zh-CN')).toBe('未知')
    expect(detailValue('vmnet8 192.168.193.0/24 host — gw 192.168.193.2 dhcp 192.168.193.127–192.168.193.254', 'zh-CN')).toBe(
      '子网 192.168.193.0/24，网关 192.168.193.2，DHCP 192.168.193.127–192.168.193.254',
    )
    expect(detailValue('vmnet1 ? host —', 'en')).toBe('unknown')
    expect(detailValue('no host adapter; configured 192.168.1.0', 'zh-CN')).toBe('主机上没有这块虚拟网卡（配置的子网是 192.168.1.0）')
  })
})
