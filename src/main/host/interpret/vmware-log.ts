/**
 * vmware.log — the log VMware Workstation/Player writes next to each .vmx on every power-on. The
 * strongest evidence there is once a VM has run: product and build, host OS, whether the monitor
 * used VT-x/EPT or AMD-V/RVI, whether it ran on top of Windows' hypervisor (Host VBS / ULM), and
 * the error when VT-x is off. Pure; never throws; one pass over the lines (a 200 KB log in a few ms).
 *
 * Both line formats are read: `2020-05-21T20:05:59.865-07:00| vmx| I125: …` (up to 16.x) and
 * `2026-10-03T09:55:38.139Z In(05) vmx …` (17.x). Wrapped or pasted excerpts are fine: every fact
 * comes from one line.
 */
import { lines } from './text'

export type MonitorMode = 'CPL0' | 'ULM' | 'BT' | 'other'
export type VmwareLogErrorKind =
  | 'vt-disabled'
  | 'vt-unsupported'
  | 'nested-unsupported'
  | 'long-mode-impossible'
  | 'hyperv-incompatible'
  | 'vmmon'

export interface VmwareLogError {
  kind: VmwareLogErrorKind
  line: string
}

export interface VmwareLogFacts {
  /** "VMware Workstation", "VMware Player", … as the log names it. */
  product: string | null
  version: string | null
  build: number | null
  /** The first timestamp: when this power-on began. */
  startedAt: string | null
  /** "Windows 10, 64-bit  (Build 18362)", "Linux 6.5.0-14-generic …". */
  hostOs: string | null
  hostPlatform: 'win32' | 'linux' | 'darwin' | null
  hostCpu: string | null
  hostVendor: 'intel' | 'amd' | null
  /** The monitor used hardware virtualization (hv-vt / hv-svm module, or VT/SVM lines). */
  hardwareVirtualization: 'VT-x' | 'AMD-V' | null
  /** Nested paging (gphys-ept / gphys-npt). */
  nestedPaging: 'EPT' | 'RVI' | null
  monitorMode: MonitorMode | null
  /** IOPL_VBSRunning: VBS is set to 0/1. */
  vbsRunning: boolean | null
  /** "IOPL_Init: Hyper-V detected by CPUID" — Windows' hypervisor under VMware (or an outer Hyper-V). */
  hyperVDetected: boolean
  /**
   * Whether the host is itself a VM: true on "nested VM support detected" or a CPUID hypervisor bit
   * with a guest partition's privileges; false when CPUID leaf 1 has no hypervisor bit, or the
   * hypervisor is Windows' own with the root partition's CreatePartitions privilege.
   */
  hostIsVm: boolean | null
  /** The hypervisor signature in hostCPUID leaf 0x40000000 ("Microsoft Hv", "KVMKVMKVM", …). */
  hostHypervisorSignature: string | null
  /**
   * The host CPU has VT-x/AMD-V by its CPUID (leaf 1 ECX bit 5 VMX, leaf 0x80000001 ECX bit 2 SVM),
   * read only when no hypervisor sits under the host (which may hide the bit); a firmware switch
   * does not clear it. null: not logged, or a hypervisor is present.
   */
  hostCpuHasVt: boolean | null
  /**
   * The firmware's VT-x switch as the host's IA32_FEATURE_CONTROL (MSR 0x3a, "Common: MSR 0x3a = 0x1")
   * shows it on an Intel host with no hypervisor under it: locked (bit 0) with VMX outside SMX
   * (bit 2) off → false (disabled in BIOS); bit 2 on → true; unlocked or not logged → null.
   */
  hostFirmwareVt: boolean | null
  /** The host's VT-x capability block ("Host VT-x Capabilities:") or AMD-V block was printed. */
  hostCapabilitiesListed: boolean
  errors: VmwareLogError[]
  /** The lines every fact above came from, for evidence. */
  evidence: string[]
}

const ERRORS: readonly { kind: VmwareLogErrorKind; pattern: RegExp }[] = [
  { kind: 'vt-disabled', pattern: /(Intel VT-x|AMD-V),? but (Intel VT-x|AMD-V) is disabled|VT-x is disabled|AMD-V is disabled|(Intel VT-x|AMD-V|VT-x\/AMD-V) (has been )?disabled in the BIOS|msg\.vmx\.(vtDisabled|svmDisabled)/i },
  { kind: 'vt-unsupported', pattern: /does not support (Intel VT-x|AMD-V|VT-x|hardware virtualization)|host (CPU )?does not have (Intel VT-x|AMD-V)|VT-x\/AMD-V hardware acceleration is not available/i },
  { kind: 'nested-unsupported', pattern: /Virtualized (Intel VT-x\/EPT|AMD-V\/RVI) is not supported on this platform|nested virtualization .*not supported|vhv\.enable.*(not supported|incompatible)/i },
  { kind: 'long-mode-impossible', pattern: /64-bit operation is not possible|Binary translation is incompatible with long mode/i },
  {
    kind: 'hyperv-incompatible',
    pattern:
      /(not compatible|incompatible) with (Device\/Credential Guard|Hyper-V)|Hyper-V and VMware Workstation.*(not compatible|incompatible)|VMware (Workstation|Player)(\/Player)? and (Device\/Credential Guard|Hyper-V) are not compatible|VMware (Workstation|Player) 与 (Device\/Credential Guard|Hyper-V) 不兼容/i,
  },
  { kind: 'vmmon', pattern: /Could not open \/dev\/vmmon|Failed to initialize monitor device|vmx86 (driver|version) (mismatch|is not)/i },
]

const HEADER = /Log for (VMware [A-Za-z ]+?) pid=\d+ version=([\w.]+) build=build-(\d+)/
const HOST_IS = /\bHost is (.+?)\s*$/
const OLD_HOST_WINDOWS = /\bHOST Windows version ([\d.]+), build (\d+)/
const HOST_CPU_NAME = /hostCPUID\s+name:\s*(.*)$/
const FEATURE_CONTROL = /\bMSR\s+0x3a\s*=\s*(0x[0-9a-f]+|\d+)\s*$/i
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)/

function platformOf(os: string): 'win32' | 'linux' | 'darwin' | null {
  if (/^Windows/i.test(os)) return 'win32'
  if (/^Linux|\bLinux\b/i.test(os)) return 'linux'
  if (/^(Mac ?OS|OS X|Darwin)/i.test(os)) return 'darwin'
  return null
}

function emptyFacts(): VmwareLogFacts {
  return {
    product: null,
    version: null,
    build: null,
    startedAt: null,
    hostOs: null,
    hostPlatform: null,
    hostCpu: null,
    hostVendor: null,
    hardwareVirtualization: null,
    nestedPaging: null,
    monitorMode: null,
    vbsRunning: null,
    hyperVDetected: false,
    hostIsVm: null,
    hostHypervisorSignature: null,
    hostCpuHasVt: null,
    hostFirmwareVt: null,
    hostCapabilitiesListed: false,
    errors: [],
    evidence: [],
  }
}

/** Is this text a vmware.log (or a pasted excerpt of one)? */
export function looksLikeVmwareLog(text: string): boolean {
  const head = text.slice(0, 200_000)
  const lineFormat = /^\s*\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?(\| vmx\| [A-Z]\d{3}:| In\(\d{2}\) vmx )/m.test(head)
  const telltale = /This host supports (Intel VT-x|AMD-V), but|64-bit operation is not possible|and (Device\/Credential Guard|Hyper-V) are not compatible|与 (Device\/Credential Guard|Hyper-V) 不兼容|Log for VMware|Monitor Mode:|vmm64-modules:|IOPL_VBSRunning|IOPL_Init: |Host VT-x Capabilities|msg\.(vmx|monitor|cpuid)\.|Monitor_PowerOn/.test(head)
  return lineFormat || telltale
}

export function parseVmwareLog(text: string): VmwareLogFacts {
  const facts = emptyFacts()
  const cpuid = new Map<string, number[]>()
  let featureControl: { value: number; line: string } | null = null
  let leaf1Line: string | null = null
  try {
    const keep = (line: string): void => {
      if (facts.evidence.length < 40) facts.evidence.push(line.trim().slice(0, 300))
    }
    for (const line of lines(text)) {
      if (line.length < 6) continue
      if (facts.startedAt === null) {
        const ts = TIMESTAMP.exec(line.trim())
        if (ts) facts.startedAt = ts[1]!
      }
      if (facts.version === null && line.includes('Log for VMware')) {
        const m = HEADER.exec(line)
        if (m) {
          facts.product = m[1]!.trim()
          facts.version = m[2]!
          facts.build = Number(m[3])
          keep(line)
        }
        continue
      }
      if (facts.hostOs === null && line.includes('Host is ')) {
        const m = HOST_IS.exec(line)
        if (m && !/\bVM\b|virtual/i.test(m[1]!)) {
          facts.hostOs = m[1]!.replace(/\s+/g, ' ').trim()
          facts.hostPlatform = platformOf(facts.hostOs)
          keep(line)
          continue
        }
      }
      if (facts.hostOs === null && line.includes('HOST Windows version')) {
        const m = OLD_HOST_WINDOWS.exec(line)
        if (m) {
          facts.hostOs = `Windows ${m[1]} (Build ${m[2]})`
          facts.hostPlatform = 'win32'
          keep(line)
          continue
        }
      }
      if (facts.hostCpu === null && line.includes('hostCPUID') && HOST_CPU_NAME.test(line)) {
        facts.hostCpu = HOST_CPU_NAME.exec(line)![1]!.replace(/\s+/g, ' ').trim() || null
        continue
      }
      if (facts.hostVendor === null && line.includes('hostCPUID vendor:')) {
        facts.hostVendor = /GenuineIntel/.test(line) ? 'intel' : /AuthenticAMD|HygonGenuine/.test(line) ? 'amd' : null
        continue
      }
      if (line.includes('Monitor Mode:')) {
        const m = /Monitor Mode:\s*(\w+)/.exec(line)
        if (m && facts.monitorMode === null) {
          const mode = m[1]!.toUpperCase()
          facts.monitorMode = mode === 'CPL0' || mode === 'ULM' || mode === 'BT' ? mode : 'other'
          keep(line)
        }
        continue
      }
      // Workstation 7–12: "MONITOR MODE: filtered list : BT", "HV Settings: virtual exec = 'software'; virtual mmu = 'software'".
      if (line.includes('MONITOR MODE:')) {
        const m = /MONITOR MODE:\s*filtered list\s*:\s*(.*?)\s*$/.exec(line)
        if (m && facts.monitorMode === null && /^BT$/i.test(m[1]!)) {
          facts.monitorMode = 'BT'
          keep(line)
        }
        continue
      }
      if (line.includes('HV Settings:')) {
        const exec = /virtual exec = '(\w+)'/.exec(line)?.[1]
        const mmu = /virtual mmu = '(\w+)'/.exec(line)?.[1]
        if (exec === 'hardware') facts.hardwareVirtualization ??= facts.hostVendor === 'amd' ? 'AMD-V' : 'VT-x'
        if (mmu === 'hardware') facts.nestedPaging ??= facts.hostVendor === 'amd' ? 'RVI' : 'EPT'
        if (exec === 'software' && facts.monitorMode === null) facts.monitorMode = 'BT'
        keep(line)
        continue
      }
      if (line.includes('IOPL_VBSRunning')) {
        const m = /VBS is set to (\d)/.exec(line)
        if (m && facts.vbsRunning === null) {
          facts.vbsRunning = m[1] !== '0'
          keep(line)
        }
        continue
      }
      if (line.includes('Hyper-V detected by CPUID')) {
        if (!facts.hyperVDetected) keep(line)
        facts.hyperVDetected = true
        continue
      }
      if (line.includes('hostCPUID level ')) {
        readHostCpuid(line, cpuid)
        if (leaf1Line === null && line.includes('hostCPUID level 00000001, 0:')) leaf1Line = line.trim()
        continue
      }
      if (featureControl === null && line.includes('MSR') && FEATURE_CONTROL.test(line)) {
        featureControl = { value: Number(FEATURE_CONTROL.exec(line)![1]), line: line.trim() }
        continue
      }
      if (line.includes('nested VM support detected')) {
        if (facts.hostIsVm !== true) keep(line)
        facts.hostIsVm = true
        continue
      }
      if (line.includes('vmm64-modules:') || line.includes('vmm-modules:') || /Module '?(hv|gphys)/.test(line)) {
        if (/\bhv-vt\b|hv-vt\.vmm/.test(line)) facts.hardwareVirtualization ??= 'VT-x'
        if (/\bhv-svm\b|hv-svm\.vmm/.test(line)) facts.hardwareVirtualization ??= 'AMD-V'
        if (/gphys-ept/.test(line)) facts.nestedPaging ??= 'EPT'
        if (/gphys-npt|gphys-rvi/.test(line)) facts.nestedPaging ??= 'RVI'
        if (/\bhv-vt\b|hv-vt\.vmm|hv-svm|gphys-(ept|npt|rvi)/.test(line)) keep(line.length > 300 ? line.replace(/\[(.{0,200}).*$/, '[$1…]') : line)
        continue
      }
      if (line.includes('Host VT-x Capabilities') || line.includes('Host AMD-V Capabilities') || line.includes('Host SVM Capabilities')) {
        facts.hostCapabilitiesListed = true
        continue
      }
      // The host's VT-x capability block: "Enable EPT {0,1}" means the CPU offers EPT to VMware.
      if (facts.hostCapabilitiesListed && facts.nestedPaging === null && /\bEnable EPT\s+\{0,1\}/.test(line)) {
        facts.nestedPaging = 'EPT'
        keep(line)
        continue
      }
      for (const { kind, pattern } of ERRORS) {
        if (pattern.test(line)) {
          if (!facts.errors.some((e) => e.kind === kind)) {
            facts.errors.push({ kind, line: line.trim().slice(0, 300) })
            keep(line)
          }
          break
        }
      }
    }
    // A pasted error dialog names the vendor even without the hostCPUID lines.
    const disabled = facts.errors.find((e) => e.kind === 'vt-disabled' || e.kind === 'vt-unsupported')
    if (facts.hostVendor === null && disabled) facts.hostVendor = /AMD-V|SVM/.test(disabled.line) ? 'amd' : /Intel VT-x/.test(disabled.line) ? 'intel' : null
    judgeHost(facts, cpuid)
    // Under a hypervisor the MSR is the hypervisor's; only a bare Intel host's value is the firmware's.
    if (featureControl && facts.hostCpuHasVt === true && facts.hostVendor === 'intel' && (featureControl.value & 1) === 1) {
      facts.hostFirmwareVt = (featureControl.value & 4) === 4
      // The deciding line goes right after the header, where a short excerpt still shows it.
      facts.evidence.splice(1, 0, featureControl.line.slice(0, 300))
    }
    if (facts.hostCpuHasVt === false && leaf1Line) facts.evidence.splice(1, 0, leaf1Line.slice(0, 300))
  } catch (error) {
    if (process.env.VIRTLAB_STRICT_PARSERS === '1') throw error
  }
  return facts
}

const CPUID_LINE = /hostCPUID level ([0-9a-f]{8}), [0-9a-f]+: 0x([0-9a-f]{8}) 0x([0-9a-f]{8}) 0x([0-9a-f]{8}) 0x([0-9a-f]{8})/i

function readHostCpuid(line: string, cpuid: Map<string, number[]>): void {
  const m = CPUID_LINE.exec(line)
  if (!m || cpuid.has(m[1]!.toLowerCase())) return
  cpuid.set(m[1]!.toLowerCase(), [m[2]!, m[3]!, m[4]!, m[5]!].map((h) => parseInt(h, 16)))
}

function ascii(...words: number[]): string {
  return words
    .map((w) => String.fromCharCode(w & 255, (w >>> 8) & 255, (w >>> 16) & 255, (w >>> 24) & 255))
    .join('')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
}

/**
 * The host CPUID VMware logged says whether the host itself runs under a hypervisor: leaf 1 ECX
 * bit 31. When that hypervisor is Windows' own (signature "Microsoft Hv"), leaf 0x40000003 EBX bit 0
 * (CreatePartitions) is held only by the root partition — the physical machine's Windows.
 */
function judgeHost(facts: VmwareLogFacts, cpuid: Map<string, number[]>): void {
  const leaf1 = cpuid.get('00000001')
  if (!leaf1 || facts.hostIsVm === true) return
  const hypervisorBit = ((leaf1[2]! >>> 31) & 1) === 1
  if (!hypervisorBit) {
    const vmx = ((leaf1[2]! >>> 5) & 1) === 1
    const svm = (((cpuid.get('80000001')?.[2] ?? 0) >>> 2) & 1) === 1
    facts.hostCpuHasVt = facts.hostVendor === 'amd' ? svm : facts.hostVendor === 'intel' ? vmx : vmx || svm
  }
  const signature = cpuid.get('40000000')
  if (signature) facts.hostHypervisorSignature = ascii(signature[1]!, signature[2]!, signature[3]!) || null
  if (!hypervisorBit) {
    facts.hostIsVm = false
    return
  }
  const privileges = cpuid.get('40000003')
  if (facts.hostHypervisorSignature === 'Microsoft Hv' && privileges) facts.hostIsVm = (privileges[1]! & 1) === 1 ? false : true
}

/** True when anything at all was read (an empty result means: not a vmware.log). */
export function hasVmwareLogFacts(facts: VmwareLogFacts): boolean {
  return (
    facts.version !== null ||
    facts.monitorMode !== null ||
    facts.hardwareVirtualization !== null ||
    facts.vbsRunning !== null ||
    facts.hyperVDetected ||
    facts.errors.length > 0
  )
}
