/**
 * Words for a report built from pasted output. A paste answers only what it contains: an item it
 * says nothing about is "not in this paste" (listed once, not an error), and no fix asks to run the
 * check again or to save a diagnostic capture, which the student cannot do from a paste.
 */
import type { Localized } from '../../shared/i18n/locale'
import type { Check, CheckId } from '../../shared/host/report'
import { DEFAULT_FIX, L } from './checks/build'

/** What to paste next so that an item can be told, by platform. */
const WHAT_TO_PASTE: Partial<Record<CheckId, Partial<Record<string, Localized>>>> = {
  'host.virtual-machine': {
    win32: L(
      '再粘贴 systeminfo 的完整输出：其中的“系统制造商”“系统型号”能说明这是实体电脑还是虚拟机。',
      'Also paste the whole systeminfo output: its “System Manufacturer” and “System Model” tell a physical computer from a VM.',
    ),
    linux: L('再粘贴 lscpu 的输出：有“Hypervisor vendor”一行就说明这是虚拟机。', 'Also paste the lscpu output: a “Hypervisor vendor” line means a VM.'),
    darwin: L('再粘贴 sysctl -a | grep machdep.cpu 的输出。', 'Also paste the output of sysctl -a | grep machdep.cpu.'),
  },
  'firmware.vt-enabled': {
    win32: L(
      '再粘贴 systeminfo 的完整输出：“Hyper-V 要求”里的“固件中已启用虚拟化”一行说明了这一项。',
      'Also paste the whole systeminfo output: the “Virtualization Enabled In Firmware” line under “Hyper-V Requirements” tells it.',
    ),
    linux: L('再粘贴 kvm-ok 或 sudo dmesg | grep -i kvm 的输出：固件关掉虚拟化时，它们会写明“disabled by bios”。', 'Also paste the output of kvm-ok or sudo dmesg | grep -i kvm: they say “disabled by bios” when firmware has it off.'),
    darwin: L(
      'Intel 芯片的 Mac 没有 BIOS/UEFI 虚拟化开关，固件总是打开 VT-x。想确认的话，再粘贴 sysctl kern.hv_support 的输出（1 表示可用）。',
      'Intel Macs have no BIOS/UEFI virtualization switch: the firmware always turns VT-x on. To confirm, also paste the output of sysctl kern.hv_support (1 means available).',
    ),
  },
  'cpu.cores': {
    win32: L('再粘贴 systeminfo 或 Get-CimInstance Win32_Processor 的输出，就能看到核心数。', 'Also paste systeminfo or Get-CimInstance Win32_Processor to show the core count.'),
    linux: L('再粘贴 lscpu 的输出，就能看到核心数。', 'Also paste the lscpu output to show the core count.'),
    darwin: L('再粘贴 sysctl -n hw.physicalcpu 的输出，就能看到核心数。', 'Also paste the output of sysctl -n hw.physicalcpu to show the core count.'),
  },
}

const GENERIC_PASTE_FIX = L(
  '粘贴的输出没有说明这一项；想知道的话，再粘贴一段包含它的输出，或在这台电脑上打开本应用检测。',
  'The pasted output does not show this; to find out, also paste an output that does, or run this app on that computer.',
)

function pasteFix(id: CheckId, platform: string): Localized {
  return WHAT_TO_PASTE[id]?.[platform] ?? GENERIC_PASTE_FIX
}

/**
 * "…, then run the check again; or give the capture…" → "…, and paste its output here too";
 * "Run the check again; if nothing changes, run X and paste…" → "Run X and paste…".
 */
function pastedStep(step: Localized): Localized {
  const zh = step['zh-CN'].replace(/，然后重新检测；把诊断文件交给老师也可以。$/, '，把它的输出也粘贴进来。').replace(/^重新检测；如果结果不变，/, '')
  const en = step.en
    .replace(/, then run the check again; or give the diagnostic capture to your teacher\.$/, ', and paste its output here too.')
    .replace(/^Run the check again; if nothing changes, (\w)/, (_, c: string) => c.toUpperCase())
  return { 'zh-CN': zh, en }
}

const isRerun = (step: Localized): boolean => step['zh-CN'] === DEFAULT_FIX['zh-CN']

/** "无法读取 X。" / "Could not read X." said of a paste: the paste does not show X (nothing failed). */
function pastedSummary(summary: Localized): Localized {
  return {
    'zh-CN': summary['zh-CN'].replace(/^无法读取\s*(.+)。$/, '粘贴的输出里没有$1。').replace(/没有([A-Za-z])/, '没有 $1'),
    en: summary.en.replace(/^Could not read (.+)\.$/, 'The pasted output does not show $1.'),
  }
}

/** “本机” is the computer this app runs on; a paste speaks of the computer the output came from. */
function thatComputer(text: Localized): Localized {
  return { ...text, 'zh-CN': text['zh-CN'].replace(/(?<!笔记)本机(?!检测)/g, '这台电脑') }
}

/** A check as a pasted report shows it. */
export function forPaste(unsure: Check, platform: string): Check {
  const said = { ...unsure, summary: thatComputer(unsure.summary), fix: unsure.fix.map(thatComputer) }
  const check = said.status === 'unknown' ? { ...said, summary: pastedSummary(said.summary) } : said
  const onlyRerun = check.fix.length > 0 && check.fix.every(isRerun)
  if (check.status === 'unknown' && onlyRerun) {
    // Nothing pasted speaks to it: listed once under "not in the pasted output".
    return { ...check, fix: [pasteFix(check.id, platform)], facts: { ...check.facts, notInPaste: true } }
  }
  const fix = check.fix.map((step) => (isRerun(step) ? pasteFix(check.id, platform) : pastedStep(step)))
  return { ...check, fix: fix.filter((s, i) => fix.findIndex((t) => t['zh-CN'] === s['zh-CN']) === i) }
}
