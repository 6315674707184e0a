import { notInPaste } from '../../shared/host/explain'
import type { Locale } from '../../shared/i18n/locale'
import { CHECK_STATUS_NAMES } from '../../shared/i18n/vocabulary'
import { formatBytes } from '../../shared/i18n/format'
import { terminalText } from './terminal-text'
import { evidenceExcerpt, evidenceLabel, isNotCollected } from '../../shared/host/evidence-labels'
import { CHECK_GROUP_OF, CHECK_GROUPS, type CheckGroup, type CheckStatus, type HostReport, type VerdictStatus } from '../../shared/host/report'

const GROUP_NAMES: Record<CheckGroup, Record<Locale, string>> = {
  'cpu-firmware': { 'zh-CN': 'CPU 与固件', en: 'CPU & firmware' },
  'windows-hypervisor': { 'zh-CN': 'Windows 虚拟机监控程序与 KVM', en: 'Windows hypervisor & KVM' },
  resources: { 'zh-CN': '系统与资源', en: 'System & resources' },
  vmware: { 'zh-CN': 'VMware', en: 'VMware' },
  'other-hypervisors': { 'zh-CN': '其他虚拟化软件', en: 'Other hypervisors' },
}

/** The one name of each status (src/shared/i18n/vocabulary.ts). */
const STATUS_WORD = (status: CheckStatus, l: Locale): string => CHECK_STATUS_NAMES[l][status]
const STATUS_MARK: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✘', unknown: '?', skip: '-', todo: '○' }

export const VERDICT_WORD: Record<VerdictStatus, Record<Locale, string>> = {
  ready: { 'zh-CN': '已就绪', en: 'Ready' },
  'ready-with-caveats': { 'zh-CN': '基本就绪（有注意事项）', en: 'Ready, with caveats' },
  'action-needed': { 'zh-CN': '需要处理', en: 'Action needed' },
  unsupported: { 'zh-CN': '不支持', en: 'Unsupported' },
  unknown: { 'zh-CN': '无法确定', en: 'Unknown' },
}

const TEXT = {
  title: { 'zh-CN': '虚拟化实验助手 · 主机检测', en: 'VirtLab Companion · host check' },
  host: { 'zh-CN': '本机', en: 'This computer' },
  pastedHost: { 'zh-CN': '输出所在的电脑', en: 'The computer the output came from' },
  verdict: { 'zh-CN': '结论', en: 'Verdict' },
  firstFix: { 'zh-CN': '先做这一步', en: 'Do this first' },
  evidence: { 'zh-CN': '依据', en: 'Evidence' },
  fix: { 'zh-CN': '怎么做', en: 'How to fix' },
  firmware: { 'zh-CN': '进入 BIOS/UEFI', en: 'Entering BIOS/UEFI' },
  keys: { 'zh-CN': '开机按键', en: 'Key at power-on' },
  menu: { 'zh-CN': '菜单位置', en: 'Menu' },
  names: { 'zh-CN': '选项名称', en: 'Setting names' },
  replay: { 'zh-CN': '（来自诊断文件回放）', en: '(replayed from a capture file)' },
  pasted: { 'zh-CN': '（根据粘贴的输出）', en: '(from pasted output)' },
  notInPaste: { 'zh-CN': '粘贴的输出里没有这些项目的信息', en: 'Not in the pasted output' },
  cores: { 'zh-CN': '核', en: 'cores' },
} as const

export interface FormatOptions {
  readonly locale: Locale
  readonly color: boolean
  /** Show evidence and fixes for passing checks too. */
  readonly verbose?: boolean
}

function paint(color: boolean, code: string, text: string): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text
}
const STATUS_COLOR: Record<CheckStatus, string> = { pass: '32', warn: '33', fail: '31', unknown: '35', skip: '90', todo: '36' }
const VERDICT_COLOR: Record<VerdictStatus, string> = { ready: '32', 'ready-with-caveats': '33', 'action-needed': '31', unsupported: '31', unknown: '35' }

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n')
}

/** Every string in a value, cleaned for the terminal (a replayed capture is someone else's file). */
function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T
  if (Array.isArray(value)) return value.map(cleanStrings) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)])) as T
  return value
}

/** The readable report `virtlab check` prints. */
export function formatReport(unsafeReport: HostReport, options: FormatOptions): string {
  const report = cleanStrings(unsafeReport)
  const { locale: l, color } = options
  const out: string[] = []
  const h = report.host
  out.push(paint(color, '1', TEXT.title[l]) + (report.source === 'replay' ? ` ${TEXT.replay[l]}` : report.source === 'pasted' ? ` ${TEXT.pasted[l]}` : ''))
  const machine = [h.manufacturer, h.model].filter(Boolean).join(' ')
  const memory = h.memoryBytes ? formatBytes(h.memoryBytes, l) : null
  const colon = l === 'zh-CN' ? '：' : ': '
  out.push(
    `${report.source === 'pasted' ? TEXT.pastedHost[l] : TEXT.host[l]}${colon}${[`${h.os} ${h.osVersion}`.trim(), h.arch, machine || null, h.cpu.brand || null, h.cpu.cores ? `${h.cpu.cores} ${TEXT.cores[l]}` : null, memory]
      .filter(Boolean)
      .join(' · ')}`,
  )
  out.push('')
  const v = report.verdict
  out.push(`${TEXT.verdict[l]}${colon}${paint(color, `1;${VERDICT_COLOR[v.status]}`, VERDICT_WORD[v.status][l])} — ${v.summary[l]}`)
  if (v.firstFix) out.push(`${TEXT.firstFix[l]}${colon}${v.firstFix[l]}`)
  // From pasted output, checks nothing pasted speaks to are listed once instead of one by one.
  const skipped = new Set(report.source === 'pasted' ? report.checks.filter(notInPaste).map((c) => c.id) : [])
  for (const group of CHECK_GROUPS) {
    const checks = report.checks.filter((c) => CHECK_GROUP_OF[c.id] === group && !skipped.has(c.id))
    if (checks.length === 0) continue
    out.push('', paint(color, '1', GROUP_NAMES[group][l]))
    for (const check of checks) {
      const mark = paint(color, STATUS_COLOR[check.status], `${STATUS_MARK[check.status]} ${STATUS_WORD(check.status, l)}`)
      out.push(`  ${mark}  ${check.title[l]} — ${check.summary[l]}`)
      const show = options.verbose || (check.status !== 'pass' && check.status !== 'skip' && check.status !== 'todo')
      if (!show) continue
      // A source never read says nothing when another one speaks (as on the Host page).
      const read = check.evidence.filter((e) => !isNotCollected(e.excerpt))
      for (const e of (read.length > 0 ? read : check.evidence).slice(0, 3)) {
        out.push(paint(color, '90', `      ${TEXT.evidence[l]}${colon}${evidenceLabel(e.probe, l)}`))
        out.push(paint(color, '90', indent(evidenceExcerpt(e.excerpt, l).split('\n').slice(0, 4).join('\n'), '        ')))
      }
      if (check.fix.length > 0) {
        out.push(`      ${TEXT.fix[l]}${colon.trim()}`)
        check.fix.forEach((step, i) => out.push(`        ${i + 1}. ${step[l]}`))
      }
    }
  }
  if (skipped.size > 0) {
    const names = report.checks.filter((c) => skipped.has(c.id)).map((c) => c.title[l])
    out.push('', paint(color, '90', `${TEXT.notInPaste[l]}: ${names.join(l === 'zh-CN' ? '、' : ', ')}`))
  }
  const firmware = report.checks.find((c) => c.id === 'firmware.vt-enabled')
  if (report.firmwareGuide && firmware && (firmware.status === 'fail' || firmware.status === 'unknown') && !report.position.isGuest) {
    const g = report.firmwareGuide
    out.push('', paint(color, '1', l === 'zh-CN' ? `${TEXT.firmware[l]}（${g.brand}）` : `${TEXT.firmware[l]} (${g.brand})`))
    out.push(`  ${TEXT.keys[l]}${colon}${g.keys.join(' / ')}`)
    out.push(`  ${TEXT.menu[l]}${colon}${g.menuPath[l]}`)
    out.push(`  ${TEXT.names[l]}${colon}${g.settingNames.join(' / ')}`)
    out.push(`  ${g.note[l]}`)
  }
  out.push('')
  return out.join('\n')
}
