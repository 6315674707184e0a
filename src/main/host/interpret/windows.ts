import { parsePowerShellObjects, prop, propList, propString, type PsRecord } from './powershell-output'
import { keyValueLines, lines, toBool, toNumber } from './text'

export interface WinProcessor {
  name: string | null
  manufacturer: string | null
  cores: number | null
  threads: number | null
  /** VMMonitorModeExtensions; null when the property is missing (Windows 7 era) or empty. */
  vmMonitorModeExtensions: boolean | null
  virtualizationFirmwareEnabled: boolean | null
  slat: boolean | null
  /** Win32_Processor.Architecture: 9 = x64, 12 = ARM64, 0 = x86, 5 = ARM. */
  architecture: number | null
}

export function parseWinProcessor(text: string): WinProcessor | null {
  const records = parsePowerShellObjects(text)
  const first = records[0]
  if (!first) return null
  const sum = (name: string): number | null => {
    const values = records.map((r) => toNumber(prop(r, name)))
    return values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0)
  }
  return {
    name: propString(first, 'Name'),
    manufacturer: propString(first, 'Manufacturer'),
    cores: sum('NumberOfCores'),
    threads: sum('NumberOfLogicalProcessors'),
    vmMonitorModeExtensions: toBool(prop(first, 'VMMonitorModeExtensions')),
    virtualizationFirmwareEnabled: toBool(prop(first, 'VirtualizationFirmwareEnabled')),
    slat: toBool(prop(first, 'SecondLevelAddressTranslationExtensions')),
    architecture: toNumber(prop(first, 'Architecture')),
  }
}

export interface WinComputerSystem {
  manufacturer: string | null
  model: string | null
  hypervisorPresent: boolean | null
  totalPhysicalMemory: number | null
  systemType: string | null
  /** 1 desktop, 2 mobile (laptop), … */
  pcSystemType: number | null
}

export function parseWinComputerSystem(text: string): WinComputerSystem | null {
  const r = parsePowerShellObjects(text)[0]
  if (!r) return null
  return {
    manufacturer: propString(r, 'Manufacturer'),
    model: propString(r, 'Model'),
    hypervisorPresent: toBool(prop(r, 'HypervisorPresent')),
    totalPhysicalMemory: toNumber(prop(r, 'TotalPhysicalMemory')),
    systemType: propString(r, 'SystemType'),
    pcSystemType: toNumber(prop(r, 'PCSystemTypeEx')) ?? toNumber(prop(r, 'PCSystemType')),
  }
}

export interface WinOs {
  caption: string | null
  version: string | null
  build: number | null
  architecture: string | null
  language: number | null
  muiLanguages: string[]
}

export function parseWinOs(text: string): WinOs | null {
  const r = parsePowerShellObjects(text)[0]
  if (!r) return null
  const version = propString(r, 'Version')
  return {
    caption: propString(r, 'Caption'),
    version,
    build: toNumber(prop(r, 'BuildNumber')) ?? toNumber(version?.split('.')[2]),
    architecture: propString(r, 'OSArchitecture'),
    language: toNumber(prop(r, 'OSLanguage')),
    muiLanguages: propList(r, 'MUILanguages').filter((v): v is string => typeof v === 'string'),
  }
}

export function parseWinBios(text: string): { manufacturer: string | null; version: string | null } | null {
  const r = parsePowerShellObjects(text)[0]
  if (!r) return null
  return { manufacturer: propString(r, 'Manufacturer'), version: propString(r, 'SMBIOSBIOSVersion') }
}

export interface WinDeviceGuard {
  /** 0 off, 1 configured (not running), 2 running. */
  vbsStatus: number | null
  /** 1 Credential Guard, 2 HVCI (Memory integrity), 3 System Guard Secure Launch, … */
  servicesRunning: number[]
  servicesConfigured: number[]
  /** AvailableSecurityProperties contains 1: the hardware this Windows sees supports a hypervisor. */
  hypervisorSupportAvailable: boolean | null
}

export function parseWinDeviceGuard(text: string): WinDeviceGuard | null {
  const r = parsePowerShellObjects(text)[0]
  if (!r) return null
  const numbers = (name: string): number[] =>
    propList(r, name)
      .map((v) => toNumber(v))
      .filter((v): v is number => v !== null && v !== 0)
  return {
    vbsStatus: toNumber(prop(r, 'VirtualizationBasedSecurityStatus')),
    servicesRunning: numbers('SecurityServicesRunning'),
    servicesConfigured: numbers('SecurityServicesConfigured'),
    hypervisorSupportAvailable: prop(r, 'AvailableSecurityProperties') === undefined ? null : numbers('AvailableSecurityProperties').includes(1),
  }
}

/** Win32_OptionalFeature: name → enabled (InstallState 1), disabled (2), absent (3). */
export function parseWinOptionalFeatures(text: string): Map<string, 'enabled' | 'disabled' | 'absent' | 'unknown'> {
  const out = new Map<string, 'enabled' | 'disabled' | 'absent' | 'unknown'>()
  for (const r of parsePowerShellObjects(text)) {
    const name = propString(r, 'Name') ?? propString(r, 'FeatureName')
    if (!name) continue
    const state = prop(r, 'InstallState') ?? prop(r, 'State')
    const n = toNumber(state)
    const s = typeof state === 'string' ? state.toLowerCase() : ''
    out.set(
      name,
      n === 1 || s === 'enabled' ? 'enabled' : n === 2 || s === 'disabled' ? 'disabled' : n === 3 || s === 'absent' ? 'absent' : 'unknown',
    )
  }
  return out
}

/** `bcdedit /enum {current}`: hypervisorlaunchtype, or "Auto" when the line is missing. */
export function parseBcdedit(text: string): { launchType: string; explicit: boolean } | null {
  if (!/identifier|标识符|\{current\}|osdevice|path\s+\\/i.test(text)) return null
  const match = /^\s*hypervisorlaunchtype\s+(\S+)/im.exec(text)
  return match ? { launchType: match[1]!, explicit: true } : { launchType: 'Auto', explicit: false }
}

export interface WinService {
  name: string
  displayName: string | null
  state: string | null
  startMode: string | null
}

export function parseWinServices(text: string): WinService[] {
  return parsePowerShellObjects(text).flatMap((r) => {
    const name = propString(r, 'Name')
    if (!name) return []
    return [
      {
        name,
        displayName: propString(r, 'DisplayName'),
        state: normalizeState(prop(r, 'State') ?? prop(r, 'Status')),
        startMode: propString(r, 'StartMode') ?? propString(r, 'StartType'),
      },
    ]
  })
}

function normalizeState(value: unknown): string | null {
  // Get-Service serializes Status as a number (4 = Running, 1 = Stopped).
  if (value === 4) return 'Running'
  if (value === 1) return 'Stopped'
  return typeof value === 'string' ? value : null
}

export interface WinAdapter {
  name: string
  connectionId: string | null
  enabled: boolean | null
  /** Win32_NetworkAdapter.NetConnectionStatus: 2 connected, 7 media disconnected, 0 disconnected. */
  connectionStatus: number | null
  ipv4: { address: string; mask: string | null }[]
}

export function parseWinAdapters(text: string): WinAdapter[] {
  return parsePowerShellObjects(text).flatMap((r) => {
    const name = propString(r, 'Name') ?? propString(r, 'Description') ?? propString(r, 'InterfaceDescription')
    if (!name) return []
    const ips = propList(r, 'IPAddress').filter((v): v is string => typeof v === 'string')
    const masks = propList(r, 'IPSubnet').filter((v): v is string => typeof v === 'string')
    return [
      {
        name,
        connectionId: propString(r, 'NetConnectionID') ?? propString(r, 'InterfaceAlias'),
        enabled: toBool(prop(r, 'NetEnabled')),
        connectionStatus: toNumber(prop(r, 'NetConnectionStatus')),
        ipv4: ips
          .map((address, i) => ({ address, mask: masks[i] ?? null }))
          .filter((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a.address)),
      },
    ]
  })
}

export interface WinRegistryVmware {
  installPath: string | null
  productVersion: string | null
  productName: string | null
}

export function parseWinVmwareRegistry(text: string): WinRegistryVmware | null {
  const records = parsePowerShellObjects(text)
  const r = records.find((rec) => propString(rec, 'InstallPath') || propString(rec, 'ProductVersion'))
  if (!r) return null
  return {
    installPath: propString(r, 'InstallPath'),
    productVersion: propString(r, 'ProductVersion'),
    productName: propString(r, 'ProductName') ?? propString(r, 'ProductCode'),
  }
}

export interface WinUninstallEntry {
  displayName: string
  displayVersion: string | null
  publisher: string | null
}

export function parseWinUninstall(text: string): WinUninstallEntry[] {
  return parsePowerShellObjects(text).flatMap((r: PsRecord) => {
    const displayName = propString(r, 'DisplayName')
    return displayName ? [{ displayName, displayVersion: propString(r, 'DisplayVersion'), publisher: propString(r, 'Publisher') }] : []
  })
}

export function parseWinWsl(text: string): { name: string; version: number | null }[] {
  return parsePowerShellObjects(text).flatMap((r) => {
    const name = propString(r, 'DistributionName')
    return name ? [{ name, version: toNumber(prop(r, 'Version')) }] : []
  })
}

export interface SystemInfo {
  osName: string | null
  osVersion: string | null
  manufacturer: string | null
  model: string | null
  systemType: string | null
  biosVersion: string | null
  totalMemoryText: string | null
  hypervisorDetected: boolean
  /** null when the line is absent or its value is in a wording we do not read. */
  vmMonitorModeExtensions: boolean | null
  virtualizationFirmwareEnabled: boolean | null
  slat: boolean | null
  dep: boolean | null
  hasHyperVSection: boolean
  locale: 'zh-CN' | 'en' | null
  /** The numbered `[01]: …` entries that name devices (network cards), in any language. */
  devices: string[]
}

const LABELS = {
  osName: ['OS Name', 'OS 名称'],
  osVersion: ['OS Version', 'OS 版本'],
  manufacturer: ['System Manufacturer', '系统制造商'],
  model: ['System Model', '系统型号'],
  systemType: ['System Type', '系统类型'],
  biosVersion: ['BIOS Version', 'BIOS 版本'],
  totalMemory: ['Total Physical Memory', '物理内存总量'],
  vmx: ['VM Monitor Mode Extensions', '虚拟机监视器模式扩展'],
  firmware: ['Virtualization Enabled In Firmware', '固件中已启用虚拟化'],
  slat: ['Second Level Address Translation', '二级地址转换'],
  dep: ['Data Execution Prevention Available', '数据执行保护可用'],
} as const

/**
 * `systeminfo`, read by label in English and Chinese only. Any other wording yields nulls
 * (unknown), never a guess. Labels may be preceded by spaces (the Hyper-V block is indented)
 * and followed by a full-width or ASCII colon; columns vary between Windows builds.
 */
export function parseSystemInfo(text: string): SystemInfo | null {
  // The first Hyper-V requirement shares its line with the "Hyper-V Requirements:" heading.
  const all = lines(text).flatMap((raw) => {
    const heading = /^\s*(Hyper-V Requirements|Hyper-V 要求)\s*[:：]\s*(\S.*)$/.exec(raw)
    return heading ? [`${heading[1]}:`, heading[2]!] : [raw]
  })
  const anyLabel = Object.values(LABELS).flat()
  const known = all.some((l) => {
    const line = l.trim()
    return /^(Host Name|主机名|Hyper-V Requirements|Hyper-V 要求)\s*[:：]/.test(line) || anyLabel.some((label) => line.startsWith(label)) || /A hypervisor has been detected|已检测到虚拟机监控程序/.test(line)
  })
  if (!known) return null
  const value = (labels: readonly string[]): string | null => {
    for (const raw of all) {
      const line = raw.trim()
      for (const label of labels) {
        if (line.startsWith(label)) {
          const rest = line.slice(label.length)
          const match = /^\s*[:：]\s*(.*)$/.exec(rest)
          if (match) return match[1]!.trim()
        }
      }
    }
    return null
  }
  const yesNo = (labels: readonly string[]): boolean | null => {
    const v = value(labels)
    if (v === null) return null
    if (/^(yes|是)$/i.test(v)) return true
    if (/^(no|否)$/i.test(v)) return false
    return null
  }
  const hypervisorDetected = all.some((l) => /A hypervisor has been detected|已检测到虚拟机监控程序/.test(l))
  const hasHyperVSection = all.some((l) => /^(Hyper-V Requirements|Hyper-V 要求)\s*[:：]/.test(l.trim()))
  const zh = all.some((l) => /^(主机名|OS 名称)\s*[:：]/.test(l.trim()))
  return {
    osName: value(LABELS.osName),
    osVersion: value(LABELS.osVersion),
    manufacturer: value(LABELS.manufacturer),
    model: value(LABELS.model),
    systemType: value(LABELS.systemType),
    biosVersion: value(LABELS.biosVersion),
    totalMemoryText: value(LABELS.totalMemory),
    hypervisorDetected,
    vmMonitorModeExtensions: yesNo(LABELS.vmx),
    virtualizationFirmwareEnabled: yesNo(LABELS.firmware),
    slat: yesNo(LABELS.slat),
    dep: yesNo(LABELS.dep),
    hasHyperVSection: hasHyperVSection || hypervisorDetected,
    locale: zh ? 'zh-CN' : 'en',
    devices: listedDevices(all),
  }
}

/**
 * The numbered entries systeminfo prints under Processor(s), Hotfix(s) and Network Card(s), minus
 * processors, hotfixes and addresses: what is left names the network cards, in any UI language.
 */
export function listedDevices(all: readonly string[]): string[] {
  return all.flatMap((raw) => {
    const match = /^\s+\[\d+\]\s*[:：]\s*(\S.*)$/.exec(raw)
    if (!match) return []
    const item = match[1]!.trim()
    if (/^KB\d+|^[\d.:a-f]+$|^[\d.]+$|Family \d+ Model|GenuineIntel|AuthenticAMD|~\d+\s*Mhz|^File \d/i.test(item)) return []
    if (/^[0-9a-f:]+(%\d+)?$/i.test(item) || /^\d+\.\d+\.\d+\.\d+$/.test(item)) return []
    return [item]
  })
}

/** "16,222 MB" / "16,222 MB" → bytes (systeminfo's total memory; thousands separators vary). */
export function parseSystemInfoMemory(text: string | null): number | null {
  if (!text) return null
  const match = /([\d.,\s ]+)\s*MB/i.exec(text)
  if (!match) return null
  const digits = match[1]!.replace(/[^\d]/g, '')
  return digits ? Number(digits) * 1024 * 1024 : null
}

export { keyValueLines }
