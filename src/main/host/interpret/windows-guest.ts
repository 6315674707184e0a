import { parsePowerShellObjects, prop, propList, propString } from './powershell-output'
import { toBool, toNumber } from './text'

/**
 * Is this Windows a virtual machine? Answered from evidence, never from the absence of a maker on a
 * list: cloud VMs and the VDI desktops of computer rooms carry makers no list names. A guest needs
 * one positive sign of a VM; "physical" needs one positive sign of real hardware or of Windows'
 * own hypervisor (the root partition); anything else is unknown.
 */

/** Strings a hypervisor writes into SMBIOS (maker, model, BIOS, baseboard). Positive guest evidence only. */
export const GUEST_STRING =
  /vmware|virtualbox|\bvbox\b|innotek|qemu|\bkvm\b|virtual machine|hyper-v|\bxen\b|\bhvm domu\b|parallels|bochs|bhyve|seabios|\bovmf\b|\bedk ?ii\b|efi development kit|440bx desktop reference platform|amazon ec2|google compute|^google$|openstack|cloud hypervisor|firecracker|\butm\b|virtualmac|nutanix|\bahv\b/i

/** Devices only a guest has (disks, display, NICs a hypervisor emulates). Host-side adapters are excluded. */
const GUEST_DEVICE =
  /\bvmxnet|vmware (svga|virtual (disk|nvme|sata|ide|s\b)|pci ethernet|pvscsi)|vmware, vmware virtual|vbox (harddisk|cd-rom)|virtualbox graphics|qemu (harddisk|dvd)|red hat (virtio|qxl)|virtio (scsi|ethernet|network|balloon|block)|microsoft hyper-v (network adapter|video|scsi)|microsoft virtual disk|xen pv|xenvbd|aws pv|amazon elastic (network adapter|block store)|google (persistentdisk|ephemeraldisk|virtio)|parallels (display|virtual)|citrix pv/i

/** Host-side virtual adapters of installed hypervisors: they say nothing about this Windows being a guest. */
const HOST_SIDE_DEVICE = /for vmnet|host-only|hyper-v virtual ethernet|vethernet|wi-fi direct virtual|tap-windows|wintun|wireguard|vpn|loopback/i

/** Radios a VM does not get: positive evidence of real hardware. */
const RADIO = /wi-?fi|wireless|wlan|802\.11|bluetooth|无线|藍牙|蓝牙|無線/i

/** Win32_SystemEnclosure.ChassisTypes of portable machines (laptop, notebook, tablet, convertible …). */
const PORTABLE_CHASSIS = new Set([8, 9, 10, 11, 14, 30, 31, 32])

/** Windows features that start Windows' own hypervisor. */
export const HYPERVISOR_FEATURE_NAMES = [
  'Microsoft-Hyper-V-All',
  'Microsoft-Hyper-V',
  'Microsoft-Hyper-V-Hypervisor',
  'VirtualMachinePlatform',
  'HypervisorPlatform',
  'Containers-DisposableClientVM',
  'Windows-Defender-ApplicationGuard',
] as const

export interface WinGuestInput {
  manufacturer: string | null
  model: string | null
  /** Win32_ComputerSystem.HypervisorPresent, or systeminfo's reading of it. */
  hypervisorPresent: boolean | null
  /** Win32_ComputerSystem.PCSystemType (2 = mobile). */
  pcSystemType: number | null
  biosStrings: string[]
  baseboardStrings: string[]
  chassisTypes: number[]
  /** The Hyper-V guest key HKLM\SOFTWARE\Microsoft\Virtual Machine\Guest\Parameters exists. */
  hypervGuestKey: boolean | null
  /** Disks, display adapters, network adapters. */
  deviceNames: string[]
  /** Win32_DeviceGuard: VBS 2 = running; AvailableSecurityProperties contains 1 = hypervisor support available. */
  vbsStatus: number | null
  hypervisorSupportAvailable: boolean | null
  /** Name → state for the features in HYPERVISOR_FEATURE_NAMES that were read; null when not read. */
  features: Map<string, 'enabled' | 'disabled' | 'absent' | 'unknown'> | null
  /** bcdedit hypervisorlaunchtype, when read. */
  launchType: string | null
}

export type GuestSign =
  | { kind: 'string'; text: string }
  | { kind: 'hyperv-guest-key' }
  | { kind: 'device'; text: string }
export type PhysicalSign =
  | { kind: 'no-hypervisor' }
  | { kind: 'portable'; text: string }
  | { kind: 'radio'; text: string }
  | { kind: 'vbs-running' }
  | { kind: 'root-partition'; text: string }

export interface WinGuestIdentity {
  isGuest: boolean | null
  /** What runs this Windows, when a guest. */
  hypervisor: string | null
  guestSigns: GuestSign[]
  physicalSigns: PhysicalSign[]
  /** Windows' own hypervisor runs (VBS running, or a hypervisor feature on with hardware support for it). */
  rootPartition: boolean
  /** A hypervisor is present although Windows' own is known to be off: most likely a VM (cloud, VDI). */
  foreignHypervisor: boolean
}

function hypervisorName(text: string): string {
  const t = text.toLowerCase()
  if (/vmware|440bx/.test(t)) return 'VMware'
  if (/virtualbox|vbox|innotek/.test(t)) return 'Oracle VirtualBox'
  if (/hyper-v|virtual machine|microsoft virtual/.test(t)) return 'Microsoft Hyper-V'
  if (/parallels/.test(t)) return 'Parallels'
  if (/xen|citrix/.test(t)) return 'Xen'
  if (/amazon|aws/.test(t)) return 'Amazon EC2'
  if (/google/.test(t)) return 'Google Compute Engine'
  if (/qemu|kvm|seabios|ovmf|edk|efi development|red hat|virtio|openstack|nutanix|ahv/.test(t)) return 'KVM/QEMU'
  return text
}

export function identifyWindowsGuest(input: WinGuestInput): WinGuestIdentity {
  const guestSigns: GuestSign[] = []
  const physicalSigns: PhysicalSign[] = []
  const strings = [input.manufacturer, input.model, ...input.biosStrings, ...input.baseboardStrings].filter(
    (s): s is string => typeof s === 'string' && s.trim() !== '',
  )
  for (const text of strings) if (GUEST_STRING.test(text)) guestSigns.push({ kind: 'string', text })
  if (input.hypervGuestKey === true) guestSigns.push({ kind: 'hyperv-guest-key' })
  for (const text of input.deviceNames) if (GUEST_DEVICE.test(text) && !HOST_SIDE_DEVICE.test(text)) guestSigns.push({ kind: 'device', text })

  const enabled = HYPERVISOR_FEATURE_NAMES.filter((name) => input.features?.get(name) === 'enabled')
  const launchOff = input.launchType !== null && /^off$/i.test(input.launchType)
  const vbsRunning = input.vbsStatus === 2
  // A feature alone may be on in a VM whose CPU cannot start Windows' hypervisor; Device Guard says
  // whether the hardware this Windows sees supports one.
  const featureRoot = enabled.length > 0 && !launchOff && input.hypervisorSupportAvailable === true && input.hypervisorPresent !== false
  const rootPartition = vbsRunning || featureRoot

  if (input.hypervisorPresent === false) physicalSigns.push({ kind: 'no-hypervisor' })
  if (input.pcSystemType === 2 || input.pcSystemType === 8)
    physicalSigns.push({ kind: 'portable', text: `PCSystemType ${input.pcSystemType} (${input.pcSystemType === 2 ? 'mobile' : 'slate'})` })
  const portable = input.chassisTypes.find((t) => PORTABLE_CHASSIS.has(t))
  if (portable !== undefined) physicalSigns.push({ kind: 'portable', text: `ChassisTypes ${portable}` })
  const radio = input.deviceNames.find((name) => RADIO.test(name) && !GUEST_DEVICE.test(name) && !/wi-fi direct virtual/i.test(name))
  if (radio) physicalSigns.push({ kind: 'radio', text: radio })
  if (vbsRunning) physicalSigns.push({ kind: 'vbs-running' })
  else if (featureRoot) physicalSigns.push({ kind: 'root-partition', text: enabled.join(', ') })

  const ownKnownOff =
    input.vbsStatus !== null &&
    !vbsRunning &&
    input.features !== null &&
    enabled.length === 0 &&
    HYPERVISOR_FEATURE_NAMES.some((name) => input.features?.has(name))
  const foreignHypervisor =
    input.hypervisorPresent === true && !rootPartition && (ownKnownOff || launchOff || input.hypervisorSupportAvailable === false)

  if (guestSigns.length > 0) {
    const first = guestSigns[0]!
    const name = first.kind === 'hyperv-guest-key' ? 'Microsoft Hyper-V' : hypervisorName(first.text)
    return { isGuest: true, hypervisor: name, guestSigns, physicalSigns, rootPartition, foreignHypervisor }
  }
  // Real hardware with an unexplained hypervisor cannot be: the only hypervisor a physical Windows
  // runs on is its own. Radios and a portable chassis therefore settle it even then.
  const isGuest = physicalSigns.length > 0 ? false : null
  return { isGuest, hypervisor: null, guestSigns, physicalSigns, rootPartition, foreignHypervisor }
}

/** Win32_BIOS: every identifying string (manufacturer, versions). */
export function parseWinBiosStrings(text: string): string[] {
  const r = parsePowerShellObjects(text)[0]
  if (!r) return []
  const out: string[] = []
  for (const name of ['Manufacturer', 'SMBIOSBIOSVersion', 'Version', 'Name']) {
    for (const v of propList(r, name)) if (typeof v === 'string' && v.trim() !== '') out.push(v.trim())
  }
  for (const v of propList(r, 'BIOSVersion')) if (typeof v === 'string' && v.trim() !== '') out.push(v.trim())
  return out
}

/** Win32_BaseBoard: manufacturer and product. */
export function parseWinBaseboard(text: string): string[] {
  return parsePowerShellObjects(text).flatMap((r) =>
    ['Manufacturer', 'Product'].map((n) => propString(r, n)).filter((v): v is string => v !== null),
  )
}

/** Win32_SystemEnclosure: ChassisTypes. */
export function parseWinEnclosure(text: string): number[] {
  return parsePowerShellObjects(text).flatMap((r) =>
    propList(r, 'ChassisTypes')
      .map((v) => toNumber(v))
      .filter((v): v is number => v !== null),
  )
}

/** Our probe's answer about the Hyper-V guest key: { Present: bool }. */
export function parseWinHyperVGuestKey(text: string): boolean | null {
  const r = parsePowerShellObjects(text)[0]
  return r ? toBool(prop(r, 'Present')) : null
}

/** Our probe's device list: { Class, Name } records (disk drives, video controllers). */
export function parseWinDevices(text: string): string[] {
  return parsePowerShellObjects(text).flatMap((r) => {
    const name = propString(r, 'Name') ?? propString(r, 'Model') ?? propString(r, 'Caption')
    return name ? [name] : []
  })
}
