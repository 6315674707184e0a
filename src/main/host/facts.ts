import type { Evidence } from '../../shared/host/report'
import { str, num, type CheckContext } from './context'
import { SYSTEMINFO_EVIDENCE } from './interpret/systeminfo'

export type CpuVendor = 'intel' | 'amd' | 'apple' | 'arm' | 'other'

export interface CpuFacts {
  vendor: CpuVendor | null
  brand: string | null
  cores: number | null
  threads: number | null
  isArm: boolean
  /** VT-x/AMD-V visible to this OS (null: cannot tell). */
  vt: boolean | null
  slat: boolean | null
  evidence: Evidence[]
}

function vendorOf(text: string | null): CpuVendor | null {
  if (!text) return null
  if (/intel/i.test(text)) return 'intel'
  if (/amd|authenticamd|hygon/i.test(text)) return 'amd'
  if (/apple/i.test(text)) return 'apple'
  if (/arm|aarch64|qualcomm|snapdragon|cortex|neoverse|ampere|graviton|0x41|broadcom/i.test(text)) return 'arm'
  return 'other'
}

const CPUINFO_FLAGS = /^\s*(flags|Features|vmx flags|vendor_id|model name|Flags|Vendor ID|Model name)\s*:/i

export function cpuFacts(ctx: CheckContext): CpuFacts {
  const si = ctx.json('si.cpu')
  const siBrand = si ? [str(si.manufacturer), str(si.brand)].filter(Boolean).join(' ') || null : null
  const siCores = num(si?.physicalCores)
  const siThreads = num(si?.cores)

  if (ctx.platform === 'linux') {
    const info = ctx.cpuinfo()
    const source = ctx.text('linux.cpuinfo') !== null && info?.hasFlagLine ? 'linux.cpuinfo' : 'linux.lscpu'
    const isArm = (info?.isArm ?? false) || /arm64|aarch64/.test(ctx.arch)
    const flags = info?.flags ?? new Set<string>()
    const known = Boolean(info?.hasFlagLine)
    const kvmOk = ctx.kvmOk()
    // kvm-ok "can be used" checked the flag, /dev/kvm and the firmware lock itself.
    // "kvm: disabled by bios" / "SVM disabled (by BIOS)": the module found the extension, locked off.
    const biosLine = ctx.dmesg()?.disabledByBios ?? null
    const vt = isArm
      ? null
      : kvmOk?.canBeUsed === true || kvmOk?.cpuSupports === true || biosLine !== null
        ? true
        : known
          ? flags.has('vmx') || flags.has('svm')
          : kvmOk?.noCpuSupport
            ? false
            : null
    const slat = isArm
      ? null
      : known
        ? flags.has('ept') || flags.has('npt') || Boolean(info?.vmxFlags?.has('ept'))
        : null
    const kvmOkVendor = kvmOk?.extension === 'vmx' ? 'intel' : kvmOk?.extension === 'svm' ? 'amd' : null
    // Without a vendor line (a pasted flags line, a kernel message) the extension's name tells the vendor.
    const extensionVendor = flags.has('vmx') || /\b(vmx|kvm_intel)\b/i.test(biosLine ?? '') ? 'intel' : flags.has('svm') || /\b(svm|kvm_amd)\b/i.test(biosLine ?? '') ? 'amd' : null
    const vendor = vendorOf(info?.vendorId ?? null) ?? vendorOf(info?.modelName ?? null) ?? (isArm ? 'arm' : (vendorOf(siBrand) ?? kvmOkVendor ?? extensionVendor))
    const cores = info && info.coresPerSocket !== null ? info.coresPerSocket * Math.max(1, info.physicalIds) : siCores
    return {
      vendor,
      brand: info?.modelName ?? siBrand,
      cores: cores ?? (info && info.processors > 0 ? info.processors : null),
      threads: info && info.processors > 0 ? info.processors : siThreads,
      isArm,
      vt,
      slat: vt === false ? false : slat,
      evidence: [flagEvidence(ctx, source), ...(kvmOk ? [ctx.evidence('linux.kvm-ok', /KVM acceleration|INFO/i, 3)] : [])],
    }
  }

  if (ctx.platform === 'win32') {
    const p = ctx.winProcessor()
    const sys = ctx.systeminfo()
    const arm = p?.architecture === 12 || p?.architecture === 5 || /arm/i.test(ctx.arch)
    const hypervisor = windowsHypervisorPresent(ctx)
    const identity = ctx.winGuest(hypervisor)
    const reportedVt = p?.vmMonitorModeExtensions ?? sys?.vmMonitorModeExtensions ?? null
    const reportedSlat = p?.slat ?? sys?.slat ?? null
    let vt: boolean | null
    let slat: boolean | null
    if (hypervisor === true && (identity.isGuest === false || identity.rootPartition)) {
      // Windows' own hypervisor runs (a physical PC can run under no other), hiding the CPU's own
      // flags — and it needs VT-x/AMD-V and, on Windows 10/11, SLAT. So both are there.
      vt = true
      slat = true
    } else if (hypervisor === true && identity.isGuest === true) {
      // A guest: the fields read False whenever any hypervisor is present; only True means something.
      vt = reportedVt === true ? true : null
      slat = reportedSlat === true ? true : null
    } else if (hypervisor === true) {
      // A hypervisor present and nothing to say whose: nothing Windows reports about the CPU counts.
      vt = null
      slat = null
    } else if (hypervisor === false) {
      vt = reportedVt
      slat = reportedSlat
    } else {
      // No word on a hypervisor: False may just be hidden (all three read False under one).
      vt = reportedVt === true ? true : sys?.vmMonitorModeExtensions === false ? false : null
      slat = reportedSlat === true ? true : sys?.slat === false && vt === true ? false : null
    }
    const evidence: Evidence[] = []
    if (ctx.text('win.processor') !== null)
      evidence.push(ctx.evidence('win.processor', /VMMonitorModeExtensions|SecondLevelAddressTranslation|VirtualizationFirmwareEnabled|"?Name"?\s*[:=]/i))
    if (ctx.text('win.computersystem') !== null) evidence.push(ctx.evidence('win.computersystem', /HypervisorPresent/i))
    if (sys) evidence.push(ctx.evidence('win.systeminfo', SYSTEMINFO_EVIDENCE.hyperV))
    if (evidence.length === 0) evidence.push(ctx.evidence('win.processor'))
    return {
      vendor: vendorOf(p?.manufacturer ?? null) ?? vendorOf(p?.name ?? null) ?? vendorOf(siBrand),
      brand: p?.name ?? siBrand,
      cores: p?.cores ?? siCores,
      threads: p?.threads ?? siThreads,
      isArm: arm,
      vt: arm ? null : vt,
      slat: arm ? null : slat,
      evidence,
    }
  }

  // macOS
  const s = ctx.sysctl()
  const arm = s?.get('hw.optional.arm64') === '1' || /arm64/.test(ctx.arch)
  const features = `${s?.get('machdep.cpu.features') ?? ''} ${s?.get('machdep.cpu.leaf7_features') ?? ''}`
  const hvSupport = s?.get('kern.hv_support')
  const brand = s?.get('machdep.cpu.brand_string') ?? siBrand
  let vt: boolean | null = null
  if (!arm && s) {
    if (/\bVMX\b/.test(features)) vt = true
    else if (hvSupport === '1') vt = true
    else if (s.has('machdep.cpu.features')) vt = false
  }
  return {
    vendor: arm ? 'apple' : vendorOf(brand),
    brand,
    cores: num(Number(s?.get('machdep.cpu.core_count') ?? s?.get('hw.physicalcpu') ?? NaN)) ?? siCores,
    threads: num(Number(s?.get('hw.ncpu') ?? NaN)) ?? siThreads,
    isArm: arm,
    vt: arm ? null : vt,
    // Hypervisor.framework (kern.hv_support = 1) needs EPT on Intel Macs.
    slat: arm ? null : hvSupport === '1' ? true : vt === false ? false : null,
    evidence: [ctx.evidence('mac.sysctl', /hv_support|machdep\.cpu\.(features|brand)|hw\.optional\.arm64|hv_vmm_present/)],
  }
}

const RELEVANT_FLAG = /^(vmx|svm|ept|npt|hypervisor|vpid|ept_ad|unrestricted_guest|flexpriority|lm)$/

/**
 * The first processor's flags line (and `vmx flags` line), cut down to the flags that matter here:
 * a full x86 flags line is a thousand characters long.
 */
function flagEvidence(ctx: CheckContext, probe: string): Evidence {
  const text = ctx.text(probe)
  if (text === null) return { probe, excerpt: `(${ctx.failure(probe)})` }
  const shown: string[] = []
  for (const key of ['flags', 'features', 'vmx flags']) {
    const line = text.split(/\r?\n/).find((l) => new RegExp(`^\\s*${key}\\s*:`, 'i').test(l))
    if (!line) continue
    const [label, ...rest] = line.split(':')
    const relevant = rest.join(':').split(/\s+/).filter((f) => RELEVANT_FLAG.test(f))
    shown.push(`${label!.trim()}: … ${relevant.join(' ') || '(none of vmx svm ept npt hypervisor)'} …`)
    if (key === 'flags' && /vmx flags/i.test(text) === false) break
  }
  return { probe, excerpt: shown.join('\n') || '(no flags line)' }
}

export { CPUINFO_FLAGS }

const GUEST_MODEL =
  /vmware|virtualbox|innotek|qemu|kvm|virtual machine|hyper-v|xen|parallels|bochs|bhyve|utm|virtualmac|amazon ec2|google compute|openstack|cloud hypervisor|firecracker/i

/** Windows' hypervisor is running: HypervisorPresent, systeminfo's sentence, or VBS running. */
export function windowsHypervisorPresent(ctx: CheckContext): boolean | null {
  const cs = ctx.winComputerSystem()
  if (cs?.hypervisorPresent !== undefined && cs?.hypervisorPresent !== null) return cs.hypervisorPresent
  const sys = ctx.systeminfo()
  if (sys?.hypervisorDetected) return true
  if (ctx.winDeviceGuard()?.vbsStatus === 2) return true
  if (sys?.hasHyperVSection) return false
  return null
}

export interface GuestFacts {
  isGuest: boolean | null
  /** What runs this OS, when it is a guest (e.g. "KVM", "VMware", "Microsoft Hyper-V", "WSL 2"). */
  hypervisor: string | null
  /** The guest sees VT-x/AMD-V (nested virtualization is on). */
  nestedExposed: boolean | null
  wsl: boolean
  /** 1 or 2 when this Linux is WSL and the version can be told. */
  wslVersion: 1 | 2 | null
  container: boolean
  /** Windows: a hypervisor runs that Windows did not start (most likely a cloud or VDI VM). */
  foreignHypervisor: boolean
  evidence: Evidence[]
}

const VIRT_NAMES: Record<string, string> = {
  kvm: 'KVM',
  qemu: 'QEMU',
  vmware: 'VMware',
  microsoft: 'Microsoft Hyper-V',
  oracle: 'Oracle VirtualBox',
  xen: 'Xen',
  parallels: 'Parallels',
  bochs: 'Bochs',
  'amazon': 'Amazon EC2 (Nitro/KVM)',
  'google': 'Google Compute Engine (KVM)',
  bhyve: 'bhyve',
  zvm: 'IBM z/VM',
  acrn: 'ACRN',
  powervm: 'IBM PowerVM',
  apple: 'Apple Virtualization',
  wsl: 'WSL',
}

export function guestFacts(ctx: CheckContext, cpu: CpuFacts): GuestFacts {
  const evidence: Evidence[] = []
  if (ctx.platform === 'linux') {
    const info = ctx.cpuinfo()
    // ARM has no CPUID "hypervisor" bit: its Features line says nothing either way.
    const flag = info?.hasFlagLine && !info.isArm ? info.flags.has('hypervisor') : null
    const virt = ctx.detectVirt()
    const dmi = ctx.dmi()
    const dmiText = dmi ? [dmi.get('sys_vendor'), dmi.get('product_name'), dmi.get('board_vendor')].filter(Boolean).join(' ') : ''
    const dmesg = ctx.dmesg()
    const lscpuVendor = ctx.lscpu()?.hypervisorVendor ?? null
    const wslInfo = ctx.wsl()
    const wsl = virt === 'wsl' || wslInfo.wsl
    const container = virt !== null && ['docker', 'podman', 'lxc', 'lxc-libvirt', 'systemd-nspawn', 'openvz', 'rkt', 'container-other'].includes(virt)
    let hypervisor: string | null = null
    if (virt && virt !== 'none' && !container) hypervisor = VIRT_NAMES[virt] ?? virt
    if (!hypervisor && dmesg?.hypervisorDetected) hypervisor = dmesg.hypervisorDetected
    if (!hypervisor && lscpuVendor) hypervisor = lscpuVendor
    if (!hypervisor && dmiText && GUEST_MODEL.test(dmiText)) hypervisor = dmiText
    // WSL 1 is no VM (Windows translates Linux calls); WSL 2 is a light VM under Windows' own hypervisor.
    if (wsl) hypervisor = wslInfo.version === 1 ? 'WSL 1 (Windows)' : wslInfo.version === 2 ? 'WSL 2 (Windows Hyper-V)' : 'WSL (Windows)'
    const isGuest = flag === true || hypervisor !== null ? true : flag === false && (virt === 'none' || virt === null) ? false : null
    if (info?.hasFlagLine) evidence.push(...cpu.evidence)
    if (ctx.probe('linux.detect-virt')) evidence.push(ctx.evidence('linux.detect-virt'))
    if (dmesg?.hypervisorDetected) evidence.push(ctx.evidence('linux.dmesg', /Hypervisor detected/i, 2))
    if (dmiText) evidence.push(ctx.evidence('linux.dmi', /sys_vendor|product_name/))
    if (wslInfo.signs.length > 0) evidence.push({ probe: 'linux.proc-version', excerpt: wslInfo.signs.slice(0, 4).join('\n') })
    return {
      isGuest,
      hypervisor: isGuest ? (hypervisor ?? 'unknown hypervisor') : null,
      nestedExposed: isGuest ? cpu.vt : null,
      wsl,
      wslVersion: wsl ? wslInfo.version : null,
      container,
      foreignHypervisor: false,
      evidence,
    }
  }
  if (ctx.platform === 'win32') {
    const sys = ctx.systeminfo()
    const identity = ctx.winGuest(windowsHypervisorPresent(ctx))
    if (ctx.text('win.computersystem') !== null) evidence.push(ctx.evidence('win.computersystem', /Manufacturer|Model|HypervisorPresent|PCSystemType/i))
    else if (sys) evidence.push(ctx.evidence('win.systeminfo', SYSTEMINFO_EVIDENCE.machine))
    const signs = [
      ...identity.guestSigns.map((g) => (g.kind === 'hyperv-guest-key' ? 'Hyper-V guest key HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters' : `VM sign: ${g.text}`)),
      ...identity.physicalSigns.map((p) =>
        p.kind === 'no-hypervisor'
          ? 'no hypervisor under this Windows'
          : p.kind === 'vbs-running'
            ? 'VBS running: Windows’ own hypervisor (root partition)'
            : `${p.kind === 'root-partition' ? 'Windows hypervisor features on' : 'real hardware'}: ${p.text}`,
      ),
    ]
    if (signs.length > 0) evidence.push({ probe: 'win.guest-signs', excerpt: signs.slice(0, 6).join('\n') })
    const guest = identity.isGuest === true
    return {
      isGuest: identity.isGuest,
      hypervisor: guest ? identity.hypervisor : null,
      // Inside a guest the Win32_Processor fields read False whenever a hypervisor is present, so only
      // True says something; systeminfo's "No" is shown only when Windows sees no hypervisor at all.
      // Windows' own hypervisor running inside the guest proves nesting is on.
      nestedExposed: guest
        ? identity.rootPartition || ctx.winProcessor()?.vmMonitorModeExtensions === true || sys?.vmMonitorModeExtensions === true
          ? true
          : sys?.vmMonitorModeExtensions === false && !sys.hypervisorDetected
            ? false
            : null
        : null,
      wsl: false,
      wslVersion: null,
      container: false,
      foreignHypervisor: identity.foreignHypervisor,
      evidence,
    }
  }
  const s = ctx.sysctl()
  const vmm = s?.get('kern.hv_vmm_present')
  const model = s?.get('hw.model') ?? null
  const features = s?.get('machdep.cpu.features')
  // macOS lists the CPUID "hypervisor" bit as VMM among the CPU features.
  const vmmFeature = features === undefined ? null : /\bVMM\b/.test(features)
  const guest = vmm === '1' || vmmFeature === true || (model !== null && /VMware|VirtualMac|Parallels/i.test(model))
  evidence.push(ctx.evidence('mac.sysctl', /hv_vmm_present|hw\.model|machdep\.cpu\.features/))
  const arm = s?.get('hw.optional.arm64') === '1'
  const known = vmm !== undefined || (vmmFeature !== null && !arm) || model !== null
  return {
    isGuest: guest ? true : known ? false : null,
    hypervisor: guest ? (model ?? 'unknown hypervisor') : null,
    nestedExposed: guest ? cpu.vt : null,
    wsl: false,
    wslVersion: null,
    container: false,
    foreignHypervisor: false,
    evidence,
  }
}
