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

/** msinfo32's "Item<TAB>Value" rows (tabs may have become runs of spaces when copied). */
const MSINFO: Record<string, readonly string[]> = {
  manufacturer: ['System Manufacturer', '系统制造商', '系統製造商'],
  model: ['System Model', '系统型号', '系統型號'],
  systemType: ['System Type', '系统类型', '系統類型'],
  osName: ['OS Name', 'OS 名称', 'OS 名稱'],
  osVersion: ['Version', '版本'],
  processor: ['Processor', '处理器', '處理器'],
  vbs: ['Virtualization-based security', '基于虚拟化的安全性', '基于虚拟化的安全', '以虛擬化為基礎的安全性'],
  vbsRunning: ['Virtualization-based security Services Running', '正在运行的基于虚拟化的安全性服务', '正在运行基于虚拟化的安全服务'],
  vmx: ['Hyper-V - VM Monitor Mode Extensions', 'Hyper-V - 虚拟机监视器模式扩展', 'Hyper-V - VM 監視器模式延伸'],
  slat: ['Hyper-V - Second Level Address Translation Extensions', 'Hyper-V - 第二级地址转换扩展', 'Hyper-V - 二级地址转换扩展', 'Hyper-V - 第二層位址轉譯延伸'],
  firmware: ['Hyper-V - Virtualization Enabled in Firmware', 'Hyper-V - 固件中启用的虚拟化', 'Hyper-V - 固件中已启用虚拟化', 'Hyper-V - 韌體中啟用的虛擬化'],
}
const HYPERVISOR_SENTENCE = /A hypervisor has been detected|已检测到虚拟机监控程序|已偵測到 Hypervisor|已检测到虚拟机监视程序/

function msinfoValue(all: string[], labels: readonly string[]): string | null {
  for (const raw of all) {
    const line = raw.trim()
    for (const label of labels) {
      if (!line.startsWith(label)) continue
      const rest = line.slice(label.length)
      if (!/^(\t|\s{2,}|\s*$)/.test(rest)) continue
      return rest.trim() || null
    }
  }
  return null
}

function yesNo(value: string | null): boolean | null {
  if (value === null) return null
  if (/^(yes|是|是的|true)$/i.test(value)) return true
  if (/^(no|否|false)$/i.test(value)) return false
  return null
}

function recognizeMsinfo(text: string): Recognition | null {
  const all = lines(text)
  const items = Object.values(MSINFO).flat()
  const hits = all.filter((l) => items.some((label) => l.trim().startsWith(label) && /^(\t|\s{2,})/.test(l.trim().slice(label.length)))).length
  const hyperV = all.some((l) => /^\s*Hyper-V - /.test(l))
  if (hits < 3 || !(hyperV || all.some((l) => HYPERVISOR_SENTENCE.test(l)) || /System Summary|系统摘要|系統摘要|^Item\tValue|^项目\t值/m.test(text))) return null
  const hypervisor = all.some((l) => HYPERVISOR_SENTENCE.test(l))
  const vbs = msinfoValue(all, MSINFO.vbs!)
  const vbsStatus = vbs === null ? null : /running|正在运行|執行中/i.test(vbs) ? 2 : /enabled but not running|已启用但未运行/i.test(vbs) ? 1 : /not enabled|未启用|未啟用/i.test(vbs) ? 0 : null
  const services = msinfoValue(all, MSINFO.vbsRunning!) ?? ''
  const running = [/Credential Guard|凭据保护|Credential/i.test(services) ? 1 : null, /Hypervisor enforced Code Integrity|虚拟机监控程序强制执行的代码完整性|Code Integrity/i.test(services) ? 2 : null].filter((n): n is number => n !== null)
  const source = 'derived from a pasted msinfo32 system summary'
  const probes: Record<string, string> = {}
  put(probes, 'win.computersystem', formatList(source, {
    Manufacturer: msinfoValue(all, MSINFO.manufacturer!),
    Model: msinfoValue(all, MSINFO.model!),
    SystemType: msinfoValue(all, MSINFO.systemType!),
    HypervisorPresent: hypervisor ? true : hyperV ? false : null,
  }))
  put(probes, 'win.processor', formatList(source, {
    Name: msinfoValue(all, MSINFO.processor!)?.replace(/,.*$/, ''),
    VMMonitorModeExtensions: yesNo(msinfoValue(all, MSINFO.vmx!)),
    VirtualizationFirmwareEnabled: yesNo(msinfoValue(all, MSINFO.firmware!)),
    SecondLevelAddressTranslationExtensions: yesNo(msinfoValue(all, MSINFO.slat!)),
  }))
  put(probes, 'win.deviceguard', formatList(source, {
    VirtualizationBasedSecurityStatus: vbsStatus,
    SecurityServicesRunning: vbsStatus === null ? null : `{${running.join(', ') || '0'}}`,
  }))
  put(probes, 'win.os', formatList(source, { Caption: msinfoValue(all, MSINFO.osName!), Version: msinfoValue(all, MSINFO.osVersion!) }))
  return { kind: 'msinfo32', platform: 'win32', arch: windowsArch(msinfoValue(all, MSINFO.systemType!) ?? ''), probes }
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

function recognizeBcdedit(text: string): Recognition | null {
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
    const bcd = recognizeBcdedit(segment.text)
    if (bcd) out.push(bcd)
    const feature = recognizeFeatureError(segment.text)
    if (feature) out.push(feature)
    return out
  },
}
