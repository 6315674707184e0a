import { parsePowerShellObjects, prop, propList, propString, type PsRecord } from './powershell-output'
import { keyValueLines, toBool, toNumber } from './text'

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

/** `bcdedit /enum {current}` (or just its hypervisorlaunchtype line): the launch type, or "Auto" when the line is missing. */
export function parseBcdedit(text: string): { launchType: string; explicit: boolean } | null {
  if (!/identifier|标识符|\{current\}|osdevice|path\s+\\|^\s*hypervisorlaunchtype\s/im.test(text)) return null
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

export { listedDevices, parseSystemInfo, parseSystemInfoMemory, type SystemInfo } from './systeminfo'

export { keyValueLines }
