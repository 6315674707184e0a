/** Windows command texts: systeminfo, the msinfo32 system summary, bcdedit /enum, the Home-edition feature error. */
import { parseBcdedit, parseSystemInfo } from '../../interpret/windows'
import { lines } from '../../interpret/text'
import { formatList, put, type Recognition, type Recognizer } from './types'

export function windowsArch(text: string): string | null {
  if (/ARM64-based PC|基于 ARM64 的|ARM64/i.test(text)) return 'arm64'
  if (/x64-based PC|基于 x64 的|x64 ベース|x64 기반|x64-based|64 位|64-bit|64 bits/i.test(text)) return 'x64'
  if (/X86-based PC|基于 X86 的/i.test(text)) return 'ia32'
  return null
}

/**
 * msinfo32's "Item<TAB>Value" rows. A copy from the window keeps the tab; chat and forum posts turn
 * it into runs of spaces or a single space, and some posters turn the page into a markdown table.
 * Labels are matched longest first, so "Virtualization-based security Services Running" is never
 * read as "Virtualization-based security". en-GB Windows writes "Virtualisation".
 */
const MSINFO: Record<string, readonly string[]> = {
  manufacturer: ['System Manufacturer', '系统制造商', '系統製造商'],
  model: ['System Model', '系统型号', '系統型號'],
  systemType: ['System Type', '系统类型', '系統類型'],
  osName: ['OS Name', 'OS 名称', 'OS 名稱'],
  osVersion: ['Version', '版本'],
  processor: ['Processor', '处理器', '處理器'],
  totalMemory: ['Total Physical Memory'],
  vbs: ['Virtualization-based security', 'Virtualisation-based security', '基于虚拟化的安全性', '基于虚拟化的安全', '以虛擬化為基礎的安全性'],
  vbsRunning: [
    'Virtualization-based security Services Running',
    'Virtualisation-based security Services Running',
    '正在运行的基于虚拟化的安全性服务',
    '正在运行基于虚拟化的安全服务',
  ],
  vmx: ['Hyper-V - VM Monitor Mode Extensions', 'Hyper-V - 虚拟机监视器模式扩展', 'Hyper-V - VM 監視器模式延伸'],
  slat: ['Hyper-V - Second Level Address Translation Extensions', 'Hyper-V - 第二级地址转换扩展', 'Hyper-V - 二级地址转换扩展', 'Hyper-V - 第二層位址轉譯延伸'],
  firmware: [
    'Hyper-V - Virtualization Enabled in Firmware',
    'Hyper-V - Virtualisation Enabled in Firmware',
    'Hyper-V - 固件中启用的虚拟化',
    'Hyper-V - 固件中已启用虚拟化',
    'Hyper-V - 韌體中啟用的虛擬化',
  ],
}
/** Rows only the System Summary page has (systeminfo writes "Label:" with a colon, and has none of these). */
const MSINFO_ONLY = [
  'BIOS Mode',
  'Secure Boot State',
  'PCR7 Configuration',
  'Kernel DMA Protection',
  'Embedded Controller Version',
  'BaseBoard Manufacturer',
  'Platform Role',
  'Hardware Abstraction Layer',
  'SMBIOS Version',
  'Device Encryption Support',
  'Installed Physical Memory (RAM)',
]
const HYPERVISOR_SENTENCE = /A hypervisor has been detected|已检测到虚拟机监控程序|已偵測到 Hypervisor|已检测到虚拟机监视程序/

const LABELS: readonly { key: string; label: string }[] = [
  ...Object.entries(MSINFO).flatMap(([key, labels]) => labels.map((label) => ({ key, label }))),
  ...MSINFO_ONLY.map((label) => ({ key: 'structure', label })),
].sort((a, b) => b.label.length - a.label.length)

/** A markdown table row "| Item | Value |" → "Item<TAB>Value"; other lines unchanged. */
function unTable(line: string): string {
  const m = /^\s*\|(.*)\|\s*$/.exec(line)
  if (!m) return line
  const cells = m[1]!.split('|').map((c) => c.trim())
  if (cells.every((c) => /^:?-*:?$/.test(c))) return ''
  return cells.join('\t')
}

/** Item → value for every row whose item is a known label (the longest label that fits wins). */
function msinfoRows(all: string[]): { rows: Map<string, string | null>; known: number; structure: number } {
  const rows = new Map<string, string | null>()
  let known = 0
  let structure = 0
  for (const raw of all) {
    const line = unTable(raw).trim()
    for (const { key, label } of LABELS) {
      if (line.slice(0, label.length).toLowerCase() !== label.toLowerCase()) continue
      const rest = line.slice(label.length)
      // A tab, spaces, or nothing; never a colon (systeminfo) or more letters of a longer word.
      if (!/^(\s|$)/.test(rest)) continue
      // "Virtualization-based security Required/Available Security Properties", "… Services Configured".
      if (key === 'vbs' && /^\s*(Required|Available|Services)\b/i.test(rest)) break
      if (key === 'structure') structure++
      else {
        known++
        if (!rows.has(key)) rows.set(key, rest.trim() || null)
      }
      break
    }
  }
  return { rows, known, structure }
}

/** "15.9 GB" / "8,070 MB" → bytes. */
function bytesOf(value: string | null): number | null {
  const m = /^([\d.,]+)\s*(GB|MB|TB)\b/i.exec(value ?? '')
  if (!m) return null
  const n = Number(m[1]!.replace(/,/g, ''))
  const unit = { MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 }[m[2]!.toUpperCase() as 'MB' | 'GB' | 'TB']
  return Number.isFinite(n) ? Math.round(n * unit) : null
}

function yesNo(value: string | null | undefined): boolean | null {
  if (value === null || value === undefined) return null
  if (/^(yes|是|是的|true)$/i.test(value)) return true
  if (/^(no|否|false)$/i.test(value)) return false
  return null
}

function recognizeMsinfo(text: string): Recognition | null {
  const all = lines(text)
  const { rows, known, structure } = msinfoRows(all)
  const hyperV = rows.has('vmx') || rows.has('slat') || rows.has('firmware')
  const hypervisor = all.some((l) => HYPERVISOR_SENTENCE.test(l))
  const titled = /System Summary|系统摘要|系統摘要|^Item\tValue|^项目\t值/m.test(text)
  if (known + structure < 3 || !(hyperV || hypervisor || titled || structure >= 3)) return null
  const value = (key: string): string | null => rows.get(key) ?? null
  const vbs = value('vbs')
  const vbsStatus = vbs === null ? null : /enabled but not running|已启用但未运行/i.test(vbs) ? 1 : /running|正在运行|執行中/i.test(vbs) ? 2 : /not enabled|未启用|未啟用/i.test(vbs) ? 0 : null
  const services = value('vbsRunning') ?? ''
  const running = [/Credential Guard|凭据保护|Credential/i.test(services) ? 1 : null, /Hypervisor enforced Code Integrity|虚拟机监控程序强制执行的代码完整性|Code Integrity/i.test(services) ? 2 : null].filter((n): n is number => n !== null)
  const source = 'derived from a pasted msinfo32 system summary'
  const probes: Record<string, string> = {}
  put(probes, 'win.computersystem', formatList(source, {
    Manufacturer: value('manufacturer'),
    Model: value('model'),
    SystemType: value('systemType'),
    TotalPhysicalMemory: bytesOf(value('totalMemory')),
    HypervisorPresent: hypervisor ? true : hyperV ? false : null,
  }))
  const processor = value('processor') ?? ''
  put(probes, 'win.processor', formatList(source, {
    Name: value('processor')?.replace(/,.*$/, ''),
    // "Intel(R) Core(TM) i7-6500U CPU @ 2.50GHz, 2592 Mhz, 2 Core(s), 4 Logical Processor(s)"
    NumberOfCores: Number(/(\d+)\s*Core\(s\)/i.exec(processor)?.[1]) || null,
    NumberOfLogicalProcessors: Number(/(\d+)\s*Logical Processor\(s\)/i.exec(processor)?.[1]) || null,
    VMMonitorModeExtensions: yesNo(value('vmx')),
    VirtualizationFirmwareEnabled: yesNo(value('firmware')),
    SecondLevelAddressTranslationExtensions: yesNo(value('slat')),
  }))
  put(probes, 'win.deviceguard', formatList(source, {
    VirtualizationBasedSecurityStatus: vbsStatus,
    SecurityServicesRunning: vbsStatus === null ? null : `{${running.join(', ') || '0'}}`,
  }))
  // "10.0.19045 Build 19045": Win32_OperatingSystem's Version is the dotted part alone.
  const osVersion = value('osVersion')
  put(probes, 'win.os', formatList(source, {
    Caption: value('osName'),
    Version: /^\d+(?:\.\d+)+/.exec(osVersion ?? '')?.[0] ?? osVersion,
    BuildNumber: /Build\s+(\d+)/i.exec(osVersion ?? '')?.[1] ?? null,
  }))
  return { kind: 'msinfo32', platform: 'win32', arch: windowsArch(value('systemType') ?? ''), probes }
}

function recognizeSysteminfo(text: string, command: string | null): Recognition | null {
  const parsed = parseSystemInfo(text)
  const all = lines(text)
  const labelled = all.filter((l) => /^[^:：\s][^:：]{1,45}[:：]\s{2,}\S/.test(l)).length
  const structural = labelled >= 8 && /\[01\]:\s*KB\d{6,8}|\[01\]:/.test(text)
  const hyperVBlock = all.some((l) => /^\s*(Hyper-V Requirements|Hyper-V 要求)\s*[:：]/.test(l)) || all.some((l) => /A hypervisor has been detected|已检测到虚拟机监控程序/.test(l))
  if (!(parsed && (hyperVBlock || labelled >= 5)) && !structural && !(/systeminfo/i.test(command ?? '') && (parsed || labelled >= 3))) return null
  return { kind: 'systeminfo', platform: 'win32', arch: windowsArch(parsed?.systemType ?? text), probes: { 'win.systeminfo': text } }
}

/** `bcdedit /enum | findstr hypervisorlaunchtype` — the one line students are told to paste. */
function bcdeditLine(text: string, command: string | null): boolean {
  const all = lines(text).filter((l) => l.trim() !== '')
  const line = all.some((l) => /^\s*hypervisorlaunchtype\s+(Auto|Off|On)\s*$/i.test(l))
  return line && (/bcdedit/i.test(command ?? '') || all.some((l) => /^\s*bcdedit(\.exe)?\b/i.test(l)) || all.length === 1)
}

function recognizeBcdedit(text: string, command: string | null): Recognition | null {
  if (bcdeditLine(text, command)) {
    const kept = lines(text).filter((l) => /^\s*hypervisorlaunchtype\s/i.test(l)).join('\n')
    return { kind: 'bcdedit', platform: 'win32', arch: null, probes: { 'win.bcdedit': kept } }
  }
  if (!/^\s*(identifier|标识符|識別碼)\s+\{[\w-]+\}/im.test(text) || !/Windows Boot (Loader|Manager)|Windows 启动(加载器|管理器)|^\s*(osdevice|device)\s+/im.test(text)) return null
  if (parseBcdedit(text) === null) return null
  return { kind: 'bcdedit', platform: 'win32', arch: null, probes: { 'win.bcdedit': text } }
}

/** Home editions: "Enable-WindowsOptionalFeature : Feature name Microsoft-Hyper-V-All is unknown." */
function recognizeFeatureError(text: string): Recognition | null {
  const m = /(?:Enable-WindowsOptionalFeature|DISM)[^\n]*?(?:Feature name|功能名称|功能名稱)\s+([\w-]+)\s+(?:is unknown|未知)/i.exec(text)
    ?? /(?:Feature name|功能名称|功能名稱)\s+([\w-]+)\s+(?:is unknown|未知)/i.exec(text)
    ?? (/Enable-WindowsOptionalFeature/.test(text) && /0x800f080c|Error: 0x800f080c/i.test(text) ? [text, 'Microsoft-Hyper-V-All'] : null)
  if (!m) return null
  const name = m[1]!
  const probes: Record<string, string> = {}
  put(probes, 'win.optional-features', formatList('derived from a pasted Enable-WindowsOptionalFeature error (the feature does not exist on this edition)', { Name: name, InstallState: 3 }))
  probes['paste.windows-feature-error'] = lines(text).filter((l) => /Enable-WindowsOptionalFeature|unknown|未知|0x800f080c|FullyQualifiedErrorId/i.test(l)).join('\n')
  return { kind: 'windows-feature-error', platform: 'win32', arch: null, probes }
}

export const windowsTextRecognizer: Recognizer = {
  kinds: ['msinfo32', 'systeminfo', 'bcdedit', 'windows-feature-error'],
  recognize(segment) {
    const out: Recognition[] = []
    const msinfo = recognizeMsinfo(segment.text)
    if (msinfo) out.push(msinfo)
    else {
      const sys = recognizeSysteminfo(segment.text, segment.command)
      if (sys) out.push(sys)
    }
    const bcd = recognizeBcdedit(segment.text, segment.command)
    if (bcd) out.push(bcd)
    const feature = recognizeFeatureError(segment.text)
    if (feature) out.push(feature)
    return out
  },
}
