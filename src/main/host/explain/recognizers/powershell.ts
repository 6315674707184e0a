/** PowerShell lists: Get-ComputerInfo and Win32_Processor / Win32_ComputerSystem / Win32_DeviceGuard (Format-List or JSON). */
import { parsePowerShellObjects, prop, propList, propString, type PsRecord } from '../../interpret/powershell-output'
import { formatList, put, type Recognition, type Recognizer } from './types'
import { windowsArch } from './windows-text'

function has(record: PsRecord, ...names: string[]): boolean {
  return names.some((n) => prop(record, n) !== undefined)
}

function value(record: PsRecord, name: string): string | null {
  const v = prop(record, name)
  if (Array.isArray(v)) return v.map((x) => String(x)).join(', ') || null
  return propString(record, name)
}

function requirementsShown(record: PsRecord): boolean {
  return ['HyperVRequirementVMMonitorModeExtensions', 'HyperVRequirementSecondLevelAddressTranslation', 'HyperVRequirementVirtualizationFirmwareEnabled'].some(
    (name) => typeof prop(record, name) === 'boolean',
  )
}

const VBS_STATUS: Record<string, number> = { off: 0, enabled: 1, running: 2, notenabled: 0 }

function recognizeComputerInfo(records: PsRecord[]): Recognition | null {
  const r = records.find((rec) => has(rec, 'CsManufacturer', 'HyperVisorPresent', 'HyperVRequirementVMMonitorModeExtensions', 'DeviceGuardVirtualizationBasedSecurityStatus', 'WindowsProductName', 'OsName'))
  if (!r) return null
  const keys = Object.keys(r).filter((k) => /^(Cs|Os|HyperV|DeviceGuard|Windows|Bios)/.test(k)).length
  if (keys < 2) return null
  const source = 'derived from a pasted Get-ComputerInfo'
  const probes: Record<string, string> = {}
  put(probes, 'win.computersystem', formatList(source, {
    Manufacturer: value(r, 'CsManufacturer'),
    Model: value(r, 'CsModel'),
    // Get-ComputerInfo fills the HyperVRequirement* rows only when no hypervisor runs (they are
    // blank under one, as in systeminfo), so rows with values and no HyperVisorPresent row mean False.
    HypervisorPresent: value(r, 'HyperVisorPresent') ?? (requirementsShown(r) ? false : null),
    SystemType: value(r, 'CsSystemType'),
    TotalPhysicalMemory: value(r, 'CsTotalPhysicalMemory'),
  }))
  put(probes, 'win.processor', formatList(source, {
    Name: value(r, 'CsProcessors')?.replace(/^\{|\}$/g, ''),
    VMMonitorModeExtensions: value(r, 'HyperVRequirementVMMonitorModeExtensions'),
    VirtualizationFirmwareEnabled: value(r, 'HyperVRequirementVirtualizationFirmwareEnabled'),
    SecondLevelAddressTranslationExtensions: value(r, 'HyperVRequirementSecondLevelAddressTranslation'),
  }))
  const vbs = value(r, 'DeviceGuardVirtualizationBasedSecurityStatus')
  const services = propList(r, 'DeviceGuardSecurityServicesRunning').map(String).join(',')
  put(probes, 'win.deviceguard', formatList(source, {
    VirtualizationBasedSecurityStatus: vbs === null ? null : (VBS_STATUS[vbs.toLowerCase().replace(/\s+/g, '')] ?? null),
    SecurityServicesRunning:
      vbs === null ? null : `{${[/CredentialGuard/i.test(services) ? 1 : null, /HypervisorEnforcedCodeIntegrity/i.test(services) ? 2 : null].filter((n) => n !== null).join(', ') || '0'}}`,
  }))
  put(probes, 'win.os', formatList(source, { Caption: value(r, 'OsName') ?? value(r, 'WindowsProductName'), Version: value(r, 'OsVersion'), OSArchitecture: value(r, 'OsArchitecture') }))
  return { kind: 'get-computerinfo', platform: 'win32', arch: windowsArch(`${value(r, 'CsSystemType') ?? ''} ${value(r, 'OsArchitecture') ?? ''}`), probes }
}

export const powershellRecognizer: Recognizer = {
  kinds: ['get-computerinfo', 'win32-processor', 'win32-computersystem', 'win32-deviceguard'],
  recognize(segment) {
    const records = parsePowerShellObjects(segment.text)
    if (records.length === 0) return []
    const info = recognizeComputerInfo(records)
    if (info) return [info]
    const out: Recognition[] = []
    const processor = records.filter((r) => has(r, 'VMMonitorModeExtensions', 'SecondLevelAddressTranslationExtensions', 'VirtualizationFirmwareEnabled') || (has(r, 'NumberOfCores') && has(r, 'ProcessorId', 'NumberOfLogicalProcessors')))
    const system = records.filter((r) => has(r, 'HypervisorPresent') || (has(r, 'TotalPhysicalMemory') && has(r, 'Model')))
    const guard = records.filter((r) => has(r, 'VirtualizationBasedSecurityStatus', 'SecurityServicesRunning'))
    const text = (list: PsRecord[], what: string): string =>
      [`# ${what} (pasted)`, ...list.map((r) => Object.entries(r).map(([k, v]) => `${k} : ${Array.isArray(v) ? `{${v.join(', ')}}` : v === null ? '' : String(v)}`).join('\n'))].join('\n\n')
    if (processor.length > 0) {
      const arch = processor[0] ? prop(processor[0], 'Architecture') : undefined
      out.push({ kind: 'win32-processor', platform: 'win32', arch: arch === 12 || arch === 5 ? 'arm64' : arch === 9 ? 'x64' : null, probes: { 'win.processor': text(processor, 'Win32_Processor') } })
    }
    if (system.length > 0)
      out.push({ kind: 'win32-computersystem', platform: 'win32', arch: windowsArch(propString(system[0], 'SystemType') ?? ''), probes: { 'win.computersystem': text(system, 'Win32_ComputerSystem') } })
    if (guard.length > 0) out.push({ kind: 'win32-deviceguard', platform: 'win32', arch: null, probes: { 'win.deviceguard': text(guard, 'Win32_DeviceGuard') } })
    return out
  },
}
