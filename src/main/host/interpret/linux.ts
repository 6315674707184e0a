import { keyValueLines, lines, toNumber } from './text'

export interface CpuInfo {
  vendorId: string | null
  modelName: string | null
  flags: Set<string>
  /** True when a `flags` (x86) or `Features` (ARM) line was found at all. */
  hasFlagLine: boolean
  /** The kernel's `vmx flags` line (Intel, kernel 5.8+): printed only when VMX is usable. */
  vmxFlags: Set<string> | null
  isArm: boolean
  processors: number
  coresPerSocket: number | null
  physicalIds: number
}

/** /proc/cpuinfo (x86 or ARM). */
export function parseCpuinfo(text: string): CpuInfo {
  const blocks = text.replace(/^\uFEFF/, '').split(/\r?\n\s*\r?\n/)
  let vendorId: string | null = null
  let modelName: string | null = null
  let flags = new Set<string>()
  let hasFlagLine = false
  let vmxFlags: Set<string> | null = null
  let isArm = false
  let processors = 0
  let coresPerSocket: number | null = null
  const physical = new Set<string>()
  for (const block of blocks) {
    const kv = keyValueLines(block, /\s*:\s?/, true)
    if (kv.size === 0) continue
    if (kv.has('processor')) processors += 1
    if (!vendorId && kv.get('vendor_id')) vendorId = kv.get('vendor_id') ?? null
    const model = kv.get('model name') ?? kv.get('cpu model') ?? null
    if (!modelName && model) modelName = model
    if (kv.has('cpu implementer') || kv.has('features')) isArm = isArm || kv.has('cpu implementer') || !kv.has('flags')
    const flagLine = kv.get('flags') ?? kv.get('features')
    if (flagLine !== undefined && !hasFlagLine) {
      hasFlagLine = true
      flags = new Set(flagLine.split(/\s+/).filter(Boolean))
    }
    const vmx = kv.get('vmx flags')
    if (vmx !== undefined && vmxFlags === null) vmxFlags = new Set(vmx.split(/\s+/).filter(Boolean))
    const cores = toNumber(kv.get('cpu cores'))
    if (cores !== null && coresPerSocket === null) coresPerSocket = cores
    const pid = kv.get('physical id')
    if (pid !== undefined) physical.add(pid)
  }
  if (!modelName && isArm) {
    const hardware = lines(text).find((l) => /^(Hardware|Model)\s*:/.test(l))
    if (hardware) modelName = hardware.split(':').slice(1).join(':').trim() || null
  }
  return {
    vendorId,
    modelName,
    flags,
    hasFlagLine,
    vmxFlags,
    isArm,
    processors,
    coresPerSocket,
    physicalIds: Math.max(physical.size, processors > 0 ? 1 : 0),
  }
}

const ARM_VENDOR = /^(ARM|Apple|Qualcomm|Cavium|Ampere|HiSilicon|Phytium|Broadcom|NVIDIA|Marvell|Fujitsu|APM)\b/i

/**
 * `lscpu` (used only when /proc/cpuinfo is missing): the same facts, by label. A terminal-width
 * wrap splits the long Flags value over several lines: a line with no "Label:" of its own continues
 * the value before it.
 */
export function parseLscpu(text: string): CpuInfo & { hypervisorVendor: string | null; virtualization: string | null } {
  const joined: string[] = []
  // A copy wrapped by the terminal breaks at a column, perhaps inside a word ("ext" + "apic"): such a
  // seam counts both ways.
  const seams: string[] = []
  for (const line of lines(text)) {
    if (line.trim() === '') continue
    const labelled = /^\s*[A-Za-z][\w ()/.,-]*:(\s|$)/.test(line)
    if (!labelled && joined.length > 0) {
      const previous = joined[joined.length - 1]!
      if (!/^\s/.test(line) && !/\s$/.test(previous)) seams.push(`${previous.split(/\s+/).pop() ?? ''}${line.trim().split(/\s+/)[0] ?? ''}`)
      joined[joined.length - 1] = `${previous.trimEnd()} ${line.trim()}`
    } else joined.push(line)
  }
  const kv = keyValueLines(joined.join('\n'), /:\s*/, true)
  const flagText = kv.get('flags')
  const flags = new Set([...(flagText ?? '').split(/\s+/), ...(flagText === undefined ? [] : seams)].filter(Boolean))
  const arch = kv.get('architecture') ?? ''
  return {
    vendorId: kv.get('vendor id') ?? null,
    modelName: kv.get('model name') ?? null,
    flags,
    hasFlagLine: kv.has('flags'),
    vmxFlags: null,
    // Without an Architecture line (copied from the middle, or lscpu's own test dumps), the vendor
    // (ARM, Apple, Qualcomm, …) or the ARM feature names (asimd, no fpu) still say it is ARM.
    isArm: /aarch64|arm/i.test(arch) || (arch === '' && (ARM_VENDOR.test(kv.get('vendor id') ?? '') || (flags.has('asimd') && !flags.has('fpu')))),
    processors: toNumber(kv.get('cpu(s)')) ?? 0,
    coresPerSocket: toNumber(kv.get('core(s) per socket')),
    physicalIds: toNumber(kv.get('socket(s)')) ?? 1,
    hypervisorVendor: kv.get('hypervisor vendor') ?? null,
    virtualization: kv.get('virtualization') ?? null,
  }
}

/**
 * `kvm-ok` (Ubuntu's cpu-checker): "KVM acceleration can be used" proves VT-x/AMD-V present and
 * enabled (it checked the flag, /dev/kvm and the firmware lock); "disabled by your BIOS" proves
 * firmware off; "Your CPU does not support KVM extensions" says the flag is missing.
 */
export interface KvmOk {
  canBeUsed: boolean | null
  disabledByBios: boolean
  noCpuSupport: boolean
  /** "INFO: Your CPU supports KVM extensions": the flag is there (printed before the firmware check). */
  cpuSupports: boolean
  /** "KVM (vmx) is disabled by your BIOS" / "(svm)": which extension, so which vendor. */
  extension: 'vmx' | 'svm' | null
}

export function parseKvmOk(text: string): KvmOk | null {
  if (!/KVM acceleration|INFO:|kvm/i.test(text)) return null
  const canBeUsed = /KVM acceleration can be used/i.test(text) ? true : /KVM acceleration can NOT be used/i.test(text) ? false : null
  return {
    canBeUsed,
    disabledByBios: /disabled by (your )?BIOS/i.test(text),
    noCpuSupport: /does not support KVM extensions/i.test(text),
    cpuSupports: /Your CPU supports KVM extensions/i.test(text),
    extension: /KVM \(vmx\)|kvm_intel/i.test(text) && !/KVM \(svm\)/i.test(text) ? 'vmx' : /KVM \(svm\)|kvm_amd/i.test(text) ? 'svm' : null,
  }
}

export interface DmesgFacts {
  /** "kvm: disabled by bios", "SVM disabled (by BIOS)", "VMX ... disabled by BIOS". */
  disabledByBios: string | null
  /** "Hypervisor detected: KVM" → "KVM". */
  hypervisorDetected: string | null
  kvmLines: string[]
  iommu: string | null
}

export function parseDmesg(text: string): DmesgFacts {
  let disabledByBios: string | null = null
  let hypervisorDetected: string | null = null
  let iommu: string | null = null
  const kvmLines: string[] = []
  for (const line of lines(text)) {
    if (/disabled by bios|SVM (is )?disabled|VMX (is )?disabled|virtualization.*disabled/i.test(line) && !disabledByBios)
      disabledByBios = line.trim()
    const hv = /Hypervisor detected:\s*(.+)$/i.exec(line)
    if (hv && !hypervisorDetected) hypervisorDetected = hv[1]!.trim()
    if (/\bkvm\b|kvm_intel|kvm_amd/i.test(line)) kvmLines.push(line.trim())
    if (!iommu && /DMAR: IOMMU enabled|AMD-Vi: .*(found|enabled|Interrupt remapping)|IOMMU enabled/i.test(line)) iommu = line.trim()
  }
  return { disabledByBios, hypervisorDetected, kvmLines, iommu }
}

/** /proc/modules: module names. */
export function parseModules(text: string): Set<string> {
  return new Set(
    lines(text)
      .map((line) => line.trim().split(/\s+/)[0] ?? '')
      .filter((name) => /^[\w-]+$/.test(name)),
  )
}

/** systemd-detect-virt: "none" or a technology name. */
export function parseDetectVirt(text: string): string | null {
  const word = lines(text)
    .map((l) => l.trim())
    .find((l) => l !== '')
  return word && /^[\w-]+$/.test(word) ? word : null
}

/** name: value lines (our DMI probe), keys as given. */
export function parseDmi(text: string): Map<string, string> {
  const kv = keyValueLines(text, /:\s*/, true)
  for (const [key, value] of kv) if (value === '' || /^(to be filled|default string|system product name|not applicable)/i.test(value)) kv.delete(key)
  return kv
}

export function parseOsRelease(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of lines(text)) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim())
    if (!match) continue
    out.set(match[1]!, match[2]!.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'))
  }
  return out
}

export function parseMeminfoTotal(text: string): number | null {
  const match = /^MemTotal:\s*(\d+)\s*kB/im.exec(text)
  return match ? Number(match[1]) * 1024 : null
}

export interface KvmDevice {
  exists: boolean
  readable: boolean
  writable: boolean
  opened: boolean | null
  error: string | null
}

export function parseKvmDevice(text: string): KvmDevice | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>
    if (typeof value.exists !== 'boolean') return null
    return {
      exists: value.exists,
      readable: value.readable === true,
      writable: value.writable === true,
      opened: typeof value.opened === 'boolean' ? value.opened : null,
      error: typeof value.error === 'string' ? value.error : null,
    }
  } catch {
    return null
  }
}

export interface HostInterface {
  name: string
  up: boolean
  ipv4: { address: string; prefixLength: number }[]
}

/** `ip -j addr show`. */
export function parseIpAddrJson(text: string): HostInterface[] {
  try {
    const list = JSON.parse(text) as unknown
    if (!Array.isArray(list)) return []
    return list.flatMap((item): HostInterface[] => {
      if (typeof item !== 'object' || item === null) return []
      const record = item as Record<string, unknown>
      if (typeof record.ifname !== 'string') return []
      const flags = Array.isArray(record.flags) ? record.flags : []
      const addrs = Array.isArray(record.addr_info) ? record.addr_info : []
      return [
        {
          name: record.ifname,
          up: flags.includes('UP') || record.operstate === 'UP',
          ipv4: addrs.flatMap((a: unknown) => {
            const addr = a as Record<string, unknown>
            return addr && addr.family === 'inet' && typeof addr.local === 'string' && typeof addr.prefixlen === 'number'
              ? [{ address: addr.local, prefixLength: addr.prefixlen }]
              : []
          }),
        },
      ]
    })
  } catch {
    return []
  }
}

export interface WslFacts {
  wsl: boolean
  /** 1: Linux calls translated by Windows (no VM); 2: a light VM under Windows' own hypervisor. */
  version: 1 | 2 | null
  /** What told us, for the evidence. */
  signs: string[]
}

/**
 * WSL from the Linux side. The kernel string is decisive: WSL1 prints Windows' build with a capital
 * "Microsoft" ("4.4.0-19041-Microsoft", "#488-Microsoft"), WSL2 its own kernel
 * ("5.15.153.1-microsoft-standard-WSL2", earlier "4.19.104-microsoft-standard"). /run/WSL exists
 * only under WSL2; the WSLInterop binfmt entry under both.
 */
export function wslFacts(input: { procVersion: string | null; kernel: string | null; probe: string | null }): WslFacts {
  const signs: string[] = []
  let version: 1 | 2 | null = null
  let wsl = false
  for (const text of [input.procVersion, input.kernel]) {
    if (!text) continue
    if (/microsoft-standard|WSL2/i.test(text)) {
      version = 2
      wsl = true
      signs.push(text.trim().slice(0, 160))
      break
    }
    if (/\d-Microsoft\b|#\d+-Microsoft\b|Microsoft@Microsoft\.com/.test(text)) {
      version = 1
      wsl = true
      signs.push(text.trim().slice(0, 160))
      break
    }
    if (/microsoft/i.test(text)) {
      wsl = true
      signs.push(text.trim().slice(0, 160))
    }
  }
  if (input.probe) {
    try {
      const value = JSON.parse(input.probe) as Record<string, unknown>
      if (value.interop === true) {
        wsl = true
        signs.push('WSLInterop binfmt entry present')
      }
      if (value.runWsl === true) {
        wsl = true
        signs.push('/run/WSL present')
        if (version === null) version = 2
      }
      if (typeof value.distro === 'string' && value.distro !== '') {
        wsl = true
        signs.push(`WSL_DISTRO_NAME=${value.distro}`)
      }
    } catch {
      /* not our JSON: no sign */
    }
  }
  return { wsl, version, signs }
}
