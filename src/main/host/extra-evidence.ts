/**
 * Evidence beyond the usual probes: the newest vmware.log of each known VM (live or pasted) and
 * tool outputs that only arrive pasted (HAXM check, emulator -accel-check, virt-host-validate,
 * VBoxManage, wsl -l -v). They fill in what the usual probes left unknown — never overrule a
 * reading of this machine taken now, since a log may be weeks old.
 */
import type { Localized } from '../../shared/i18n/locale'
import type { Check, Evidence, FactValue } from '../../shared/host/report'
import { L, makeCheck } from './checks/build'
import type { CheckContext } from './context'
import type { CpuFacts } from './facts'
import { parseAccelCheck, parseHaxmCheck, parseVBoxHostinfo, parseVirtHostValidate, wslFindings, type ToolFindings } from './interpret/pasted-tools'
import { hasVmwareLogFacts, type VmwareLogFacts } from './interpret/vmware-log'

export const VMWARE_LOG_PREFIX = 'vmware.log:'

export interface Finding {
  value: boolean
  evidence: Evidence
  /** Where it comes from, for a reader. */
  from: { 'zh-CN': string; en: string }
}

export interface ExtraEvidence {
  vt: Finding | null
  slat: Finding | null
  firmware: Finding | null
  hypervisor: Finding | null
  /** The host is a VM (true) or the physical machine (false). */
  guest: Finding | null
  /** The newest readable vmware.log, when any. */
  log: { id: string; facts: VmwareLogFacts } | null
}

export function vmwareLogs(ctx: CheckContext): { id: string; facts: VmwareLogFacts }[] {
  const out: { id: string; facts: VmwareLogFacts }[] = []
  for (const id of Object.keys(ctx.probes)) {
    if (!id.startsWith(VMWARE_LOG_PREFIX)) continue
    const facts = ctx.vmwareLog(id)
    if (facts && hasVmwareLogFacts(facts)) out.push({ id, facts })
  }
  // Newest power-on first (ISO timestamps sort as text within one zone; good enough for "newest").
  return out.sort((a, b) => (b.facts.startedAt ?? '').localeCompare(a.facts.startedAt ?? ''))
}

function logFindings(facts: VmwareLogFacts): ToolFindings {
  const errors = new Set(facts.errors.map((e) => e.kind))
  // Workstation 15 and later need VT-x/AMD-V: a CPL0 or ULM monitor means it was used.
  // "VMware Workstation and Device/Credential Guard are not compatible": Windows' hypervisor (VBS) runs,
  // which it does only with VT-x/AMD-V on in firmware.
  const guard = errors.has('hyperv-incompatible')
  const used = facts.hardwareVirtualization !== null || facts.monitorMode === 'ULM' || facts.monitorMode === 'CPL0' || guard
  const windowsHost = facts.hostPlatform === 'win32' || facts.hostPlatform === null
  // Windows' own hypervisor on Windows 10/11, in the physical machine's root partition, starts only
  // on a CPU with SLAT (EPT/RVI); VMware then runs on top of it (ULM) and logs no gphys module.
  const rootHypervisor = windowsHost && facts.hostIsVm === false && (facts.monitorMode === 'ULM' || facts.vbsRunning === true) && /Windows (10|11)\b/.test(facts.hostOs ?? '')
  // The host CPUID, with no hypervisor under the host, says whether the CPU has VT-x/AMD-V at all.
  const cpuHasVt = facts.hostCpuHasVt
  return {
    vt: used || errors.has('vt-disabled') || cpuHasVt === true ? true : errors.has('vt-unsupported') || cpuHasVt === false ? false : null,
    firmware: errors.has('vt-disabled') || facts.hostFirmwareVt === false ? false : used || facts.hostFirmwareVt === true ? true : null,
    slat: facts.nestedPaging !== null || rootHypervisor ? true : null,
    hypervisor: !windowsHost
      ? null
      : facts.monitorMode === 'ULM' || facts.vbsRunning === true || guard
        ? true
        : // Windows' hypervisor cannot start without VT-x/AMD-V in the CPU and on in firmware.
          cpuHasVt === false || facts.hostFirmwareVt === false || (facts.monitorMode === 'CPL0' && !facts.hyperVDetected)
          ? false
          : (facts.monitorMode === null && facts.vbsRunning === false && facts.hardwareVirtualization !== null) ||
              // No hypervisor bit in the host CPUID: Windows' hypervisor would set it for its own root partition too.
              facts.hostCpuHasVt !== null
            ? false
            : null,
    lines: facts.evidence,
  }
}

function logGuestFinding(id: string, facts: VmwareLogFacts, from: Finding['from']): Finding | null {
  if (facts.hostIsVm === null) return null
  const excerpt = facts.hostIsVm
    ? 'hostCPUID: hypervisor present without the root partition’s privileges (this host is a VM)'
    : facts.hostHypervisorSignature
      ? `hostCPUID: hypervisor “${facts.hostHypervisorSignature}” with the root partition’s CreatePartitions privilege (the physical machine’s own Windows hypervisor)`
      : 'hostCPUID level 00000001: no hypervisor bit (the host is not a VM)'
  return { value: facts.hostIsVm, evidence: { probe: id, excerpt }, from }
}

const TOOLS: readonly { id: string; zh: string; en: string; read: (text: string) => ToolFindings }[] = [
  { id: 'paste.haxm-check', zh: 'HAXM 检查工具', en: 'the HAXM check tool', read: parseHaxmCheck },
  { id: 'paste.emulator-accel-check', zh: 'Android 模拟器的 -accel-check 结果', en: 'the Android emulator’s -accel-check', read: parseAccelCheck },
  { id: 'paste.virt-host-validate', zh: 'virt-host-validate 的结果', en: 'virt-host-validate', read: (t) => parseVirtHostValidate(t).findings },
  { id: 'paste.vboxmanage', zh: 'VBoxManage 的输出', en: 'VBoxManage', read: parseVBoxHostinfo },
  { id: 'paste.wsl', zh: 'wsl -l -v 的输出', en: 'wsl -l -v', read: wslFindings },
]

/** A log named for a person: the pasted file's name, or the VM's folder name. */
function logLabel(id: string): string {
  const path = id.slice(VMWARE_LOG_PREFIX.length)
  const pasted = /^pasted\/(.+)\/vmware\.log$/.exec(path)
  if (pasted) return pasted[1]!
  const parts = path.split(/[\\/]/).filter(Boolean)
  const sep = path.includes('\\') ? '\\' : '/'
  return parts.length >= 2 ? `${parts[parts.length - 2]}${sep}${parts[parts.length - 1]}` : path
}

/** A name before Chinese text: a space after a Latin ending ("HAXM 检查工具显示", "wsl -l -v 显示"). */
function spaced(zh: string): string {
  return /[\x21-\x7e]$/.test(zh) ? `${zh} ` : zh
}

/** The log named once: "vmware.log" alone, a log file by its own name, anything else as "vmware.log（name）". */
export function logName(label: string): Localized {
  const file = label.split(/[\\/]/).pop() ?? label
  if (/^vmware(-\d+)?\.log$/i.test(file) && file === label) return { 'zh-CN': file, en: file }
  if (/\.log$/i.test(file)) return { 'zh-CN': `日志 ${label}`, en: `the log ${label}` }
  return { 'zh-CN': `vmware.log（${label}）`, en: `vmware.log (${label})` }
}

/** Every extra source, strongest first; the first that says something about a fact wins. */
export function extraEvidence(ctx: CheckContext): ExtraEvidence {
  const out: ExtraEvidence = { vt: null, slat: null, firmware: null, hypervisor: null, guest: null, log: null }
  const sources: { id: string; zh: string; en: string; findings: ToolFindings }[] = []
  const logs = vmwareLogs(ctx)
  if (logs[0]) {
    out.log = logs[0]
    const from = logName(logLabel(logs[0].id))
    sources.push({ id: logs[0].id, zh: from['zh-CN'], en: from.en, findings: logFindings(logs[0].facts) })
    out.guest = logGuestFinding(logs[0].id, logs[0].facts, from)
  }
  for (const tool of TOOLS) {
    const text = ctx.text(tool.id)
    if (text !== null) sources.push({ id: tool.id, zh: tool.zh, en: tool.en, findings: tool.read(text) })
  }
  for (const source of sources) {
    const evidence: Evidence = { probe: source.id, excerpt: source.findings.lines.slice(0, 8).join('\n') || '(no matching lines)' }
    if (out.guest === null && source.findings.rootPartition === true) out.guest = { value: false, evidence, from: { 'zh-CN': source.zh, en: source.en } }
    for (const key of ['vt', 'slat', 'firmware', 'hypervisor'] as const) {
      const value = source.findings[key]
      if (value !== null && out[key] === null) out[key] = { value, evidence, from: { 'zh-CN': source.zh, en: source.en } }
    }
  }
  return out
}

/** Fills what the CPU probes left unknown. */
export function withExtraCpu(cpu: CpuFacts, extra: ExtraEvidence): CpuFacts {
  if (cpu.isArm) return cpu
  const next = { ...cpu, evidence: [...cpu.evidence] }
  if (next.vt === null && extra.vt) {
    next.vt = extra.vt.value
    next.evidence.push(extra.vt.evidence)
  }
  if (next.slat === null && next.vt !== false && extra.slat) {
    next.slat = extra.slat.value
    if (!next.evidence.includes(extra.slat.evidence)) next.evidence.push(extra.slat.evidence)
  }
  if (next.vendor === null && extra.log?.facts.hostVendor) next.vendor = extra.log.facts.hostVendor
  if (next.brand === null && extra.log?.facts.hostCpu) next.brand = extra.log.facts.hostCpu
  return next
}

const FIRMWARE_FIX = [
  L('重启电脑，开机时按品牌对应的按键进入 BIOS/UEFI 设置（见下方“进入 BIOS/UEFI”的说明）。', 'Restart and press your brand’s key at power-on to enter BIOS/UEFI setup (see “Entering BIOS/UEFI” below).'),
  L('找到“Intel Virtualization Technology”“SVM Mode”或“Virtualization”，设为 Enabled。', 'Find “Intel Virtualization Technology”, “SVM Mode” or “Virtualization” and set it to Enabled.'),
  L('保存并退出（通常是 F10），然后彻底关机再开机，再检测一次。', 'Save and exit (usually F10), then power off completely, start again and check once more.'),
]

/** A source named at the start of an English sentence ("the HAXM check tool" → "The HAXM check tool"). */
function sentence(text: string): string {
  // Only our own words start with a capital: a command or file name keeps its case ("wsl -l -v", "vmware.log").
  return /^the /.test(text) ? `T${text.slice(1)}` : text
}

/** `firmware.vt-enabled` when the usual probes could not tell. */
export function withExtraFirmware(check: Check, extra: ExtraEvidence): Check {
  const found = extra.firmware
  if (check.status !== 'unknown' || !found) return check
  const facts: Record<string, FactValue> = { ...check.facts, enabled: found.value, source: found.evidence.probe }
  if (found.value)
    return makeCheck('firmware.vt-enabled', 'pass', {
      summary: L(
        `已启用：${spaced(found.from['zh-CN'])}显示硬件虚拟化被实际用上了，只有固件打开了虚拟化才会这样。`,
        `Enabled: ${found.from.en} shows hardware virtualization actually in use, which happens only when firmware has it on.`,
      ),
      details: check.details,
      evidence: [...check.evidence, found.evidence],
      facts,
    })
  // Quote VMware's own message for the vendor the log names (AMD-V or Intel VT-x).
  const amd = extra.log?.facts.errors.some((e) => e.kind === 'vt-disabled' && /AMD-V|SVM/.test(e.line)) ?? false
  const locked = extra.log !== null && found.evidence.probe === extra.log.id && extra.log.facts.hostFirmwareVt === false && !extra.log.facts.errors.some((e) => e.kind === 'vt-disabled')
  return makeCheck('firmware.vt-enabled', 'fail', {
    summary: locked
      ? L(
          `${spaced(found.from['zh-CN'])}记下的处理器设置显示：BIOS/UEFI 把 Intel VT-x 锁定为关闭，VMware 因此用不上它。`,
          `${sentence(found.from.en)} records the processor’s firmware lock with Intel VT-x switched off in BIOS/UEFI, so VMware could not use it.`,
        )
      : amd
      ? L(
          `${spaced(found.from['zh-CN'])}报告 BIOS/UEFI 中关闭了虚拟化（“此主机支持 AMD-V，但 AMD-V 处于禁用状态”）。`,
          `${sentence(found.from.en)} reports virtualization switched off in BIOS/UEFI (“This host supports AMD-V, but AMD-V is disabled”).`,
        )
      : L(
          `${spaced(found.from['zh-CN'])}报告 BIOS/UEFI 中关闭了虚拟化（例如“此主机支持 Intel VT-x，但 Intel VT-x 处于禁用状态”）。`,
          `${sentence(found.from.en)} reports virtualization switched off in BIOS/UEFI (for example “This host supports Intel VT-x, but Intel VT-x is disabled”).`,
        ),
    details: check.details,
    evidence: [...check.evidence, found.evidence],
    fix: FIRMWARE_FIX,
    facts,
  })
}

/** `windows.hypervisor` when the usual probes could not tell (Windows only). */
export function withExtraHypervisor(check: Check, extra: ExtraEvidence, platform: string): Check {
  const found = extra.hypervisor
  if (platform !== 'win32' || check.status !== 'unknown' || !found) return check
  const mode = extra.log && found.evidence.probe === extra.log.id ? extra.log.facts.monitorMode : null
  const facts: Record<string, FactValue> = { ...check.facts, running: found.value, monitorMode: mode }
  if (!found.value)
    return makeCheck('windows.hypervisor', 'pass', {
      summary: L(
        `${spaced(found.from['zh-CN'])}显示 Windows 自带的虚拟机监控程序没有运行${mode === 'CPL0' ? '（监视器模式 CPL0：VMware 直接使用 VT-x/AMD-V）' : ''}。`,
        `${sentence(found.from.en)} shows Windows’ own hypervisor not running${mode === 'CPL0' ? ' (monitor mode CPL0: VMware uses VT-x/AMD-V directly)' : ''}.`,
      ),
      details: check.details,
      evidence: [...check.evidence, found.evidence],
      facts,
    })
  return makeCheck('windows.hypervisor', 'warn', {
    summary: L(
      `${spaced(found.from['zh-CN'])}显示 Windows 自带的虚拟机监控程序正在运行${mode === 'ULM' ? '：VMware 以“主机 VBS 模式”（监视器模式 ULM）跑在它上面' : ''}。能用，但更慢，虚拟机里也不能再嵌套虚拟化。`,
      `${sentence(found.from.en)} shows Windows’ own hypervisor running${mode === 'ULM' ? ': VMware runs on top of it in Host VBS mode (monitor mode ULM)' : ''}. It works, but slower, and without nested virtualization inside VMs.`,
    ),
    details: check.details,
    evidence: [...check.evidence, found.evidence],
    fix: [
      L('如果实验能正常进行（只是慢一些），可以保持现状。', 'If the labs work (just slower), you may leave it.'),
      L(
        '想让 VMware 独占 VT-x：关闭“内存完整性”，在“启用或关闭 Windows 功能”中取消 Hyper-V、虚拟机平台、Windows 虚拟机监控程序平台，管理员运行 bcdedit /set hypervisorlaunchtype off，然后重启。',
        'To give VMware VT-x to itself: turn off Memory integrity, untick Hyper-V, Virtual Machine Platform and Windows Hypervisor Platform in “Turn Windows features on or off”, run bcdedit /set hypervisorlaunchtype off as administrator, then restart.',
      ),
    ],
    facts,
  })
}

/** A VM's newest log, as facts for the lab checks (`vmware.vms` → vms[].log). */
export function vmLogFact(ctx: CheckContext, vmxPath: string): FactValue {
  const base = vmxPath.replace(/[\\/][^\\/]*$/, '')
  const id = Object.keys(ctx.probes).find((p) => p.startsWith(VMWARE_LOG_PREFIX) && p.slice(VMWARE_LOG_PREFIX.length).replace(/[\\/][^\\/]*$/, '').toLowerCase() === base.toLowerCase())
  const f = id ? ctx.vmwareLog(id) : null
  if (!f || !hasVmwareLogFacts(f)) return null
  return {
    product: f.product,
    version: f.version,
    build: f.build,
    startedAt: f.startedAt,
    hostOs: f.hostOs,
    hardwareVirtualization: f.hardwareVirtualization,
    nestedPaging: f.nestedPaging,
    monitorMode: f.monitorMode,
    vbsRunning: f.vbsRunning,
    errors: f.errors.map((e) => e.kind),
  }
}

/** `host.virtual-machine` when the usual probes could not tell, from the host CPUID VMware logged. */
export function withExtraGuest(check: Check, extra: ExtraEvidence): Check {
  const found = extra.guest
  if (check.status !== 'unknown' || !found || check.facts.isGuest === true) return check
  const facts: Record<string, FactValue> = { ...check.facts, isGuest: found.value }
  if (!found.value)
    return makeCheck('host.virtual-machine', 'pass', {
      summary: L(
        `${spaced(found.from['zh-CN'])}记下的主机 CPU 信息表明这是实体电脑，不是虚拟机。`,
        `The host CPU information in ${found.from.en} shows a physical computer, not a virtual machine.`,
      ),
      details: check.details,
      evidence: [...check.evidence, found.evidence],
      facts,
    })
  return makeCheck('host.virtual-machine', 'unknown', {
    summary: L(
      `${spaced(found.from['zh-CN'])}表明这台主机本身是虚拟机；能否嵌套运行 VMware 要看外层设置。`,
      `${sentence(found.from.en)} shows this host is itself a virtual machine; whether VMware can run nested depends on the outer hypervisor.`,
    ),
    details: check.details,
    evidence: [...check.evidence, found.evidence],
    fix: [L('最好在实体电脑上做 VMware 实验；如果必须在虚拟机里做，请在外层打开嵌套虚拟化。', 'Best: do the VMware labs on a physical computer; if you must use a VM, turn on nested virtualization in the outer hypervisor.')],
    facts,
  })
}
