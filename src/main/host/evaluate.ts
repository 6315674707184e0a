import type { Capture } from '../../shared/host/capture'
import {
  CHECK_IDS,
  HOST_REPORT_SCHEMA,
  type Check,
  type CheckId,
  type HostReport,
  type HostSummary,
} from '../../shared/host/report'
import { L, makeCheck } from './checks/build'
import { checkArch, checkFirmware, checkSlat, checkVirtualMachine, checkVtExtensions } from './checks/cpu-firmware'
import { checkOtherHypervisors, findHypervisors } from './checks/hypervisors'
import { checkCores, checkDisk, checkKvm, checkMemory, checkOs, totalMemory } from './checks/resources'
import { vmwareChecks } from './checks/vmware'
import { checkWindowsHypervisor } from './checks/windows-hypervisor'
import { CheckContext, str } from './context'
import { extraEvidence, withExtraCpu, withExtraFirmware, withExtraGuest, withExtraHypervisor } from './extra-evidence'
import { cpuFacts, guestFacts, type CpuFacts } from './facts'
import { firmwareGuide } from './firmware-guide'
import { decideVerdict } from './verdict'
import { nextAction } from '../../shared/host/next-action'
import { forPaste } from './pasted-words'
import { tightenZh } from '../../shared/i18n/zh-typography'
import type { Localized } from '../../shared/i18n/locale'

function guarded(id: CheckId, run: () => Check): Check {
  try {
    return run()
  } catch (error) {
    // A bug in one check must not take the report down, nor turn into a pass.
    return makeCheck(id, 'unknown', {
      summary: L('这一项检查内部出错，结果未知。', 'This check failed internally; the result is unknown.'),
      evidence: [{ probe: 'internal', excerpt: error instanceof Error ? error.message : String(error) }],
    })
  }
}

function hostSummary(ctx: CheckContext, cpu: CpuFacts): HostSummary {
  let manufacturer = ''
  let model = ''
  let os = ''
  let osVersion = ''
  const siSystem = ctx.json('si.system')
  const siOs = ctx.json('si.os')
  if (ctx.platform === 'win32') {
    const cs = ctx.winComputerSystem()
    const sys = ctx.systeminfo()
    const winOs = ctx.winOs()
    manufacturer = cs?.manufacturer ?? sys?.manufacturer ?? ''
    const family = str(ctx.json('win.computersystem')?.SystemFamily)
    model = [cs?.model ?? sys?.model ?? '', family && !(cs?.model ?? '').includes(family) ? `(${family})` : ''].filter(Boolean).join(' ')
    os = winOs?.caption ?? sys?.osName ?? 'Windows'
    osVersion = winOs?.version ?? sys?.osVersion ?? ''
  } else if (ctx.platform === 'linux') {
    const dmi = ctx.dmi()
    manufacturer = dmi?.get('sys_vendor') ?? str(siSystem?.manufacturer) ?? ''
    const product = dmi?.get('product_name') ?? str(siSystem?.model) ?? ''
    const version = dmi?.get('product_version')
    model = version && /thinkpad|ideapad|legion|yoga/i.test(version) ? `${product} (${version})` : product
    const rel = ctx.osRelease()
    os = rel?.get('NAME') ?? str(siOs?.distro) ?? 'Linux'
    osVersion = rel?.get('VERSION_ID') ?? str(siOs?.release) ?? ''
  } else {
    manufacturer = 'Apple'
    model = ctx.sysctl()?.get('hw.model') ?? str(siSystem?.model) ?? ''
    os = 'macOS'
    osVersion = ctx.swVers()?.get('ProductVersion') ?? ctx.sysctl()?.get('kern.osproductversion') ?? str(siOs?.release) ?? ''
  }
  return {
    os,
    osVersion,
    arch: ctx.arch,
    cpu: { vendor: cpu.vendor ?? '', brand: cpu.brand ?? '', cores: cpu.cores },
    memoryBytes: totalMemory(ctx).bytes,
    manufacturer,
    model,
  }
}

/**
 * Interpreters + checks + verdict over a capture. Pure: the same capture always gives the same
 * report, whether it was just collected on this machine or replayed from a file.
 */
export function evaluateCapture(
  capture: Capture,
  options: { source: 'live' | 'replay' | 'pasted'; partial?: boolean; durationMs?: number; generatedAt?: string },
): HostReport {
  const ctx = new CheckContext(capture.platform, capture.arch, capture.probes)
  // vmware.log and pasted tool outputs fill in what the usual probes leave unknown.
  const extra = extraEvidence(ctx)
  const cpu = withExtraCpu(cpuFacts(ctx), extra)
  const guest = guestFacts(ctx, cpu)
  const hypervisors = findHypervisors(ctx)
  const checks: Check[] = [
    guarded('host.arch', () => checkArch(ctx, cpu)),
    guarded('cpu.vt-extensions', () => checkVtExtensions(ctx, cpu, guest)),
    guarded('cpu.slat', () => checkSlat(ctx, cpu, guest)),
    guarded('firmware.vt-enabled', () => withExtraFirmware(checkFirmware(ctx, cpu, guest), extra)),
    guarded('host.virtual-machine', () => withExtraGuest(checkVirtualMachine(ctx, cpu, guest), extra)),
    guarded('windows.hypervisor', () => withExtraHypervisor(checkWindowsHypervisor(ctx, guest), extra, capture.platform)),
    guarded('kvm.available', () => checkKvm(ctx, cpu)),
    guarded('os.supported', () => checkOs(ctx)),
    guarded('cpu.cores', () => checkCores(ctx, cpu)),
    guarded('memory', () => checkMemory(ctx)),
    guarded('disk', () => checkDisk(ctx)),
    guarded('hypervisors.other', () => checkOtherHypervisors(ctx, hypervisors)),
  ]
  try {
    checks.push(...vmwareChecks(ctx))
  } catch (error) {
    for (const id of ['vmware.installed', 'vmware.services', 'vmware.networks', 'vmware.vms', 'vmware.running'] as const)
      checks.push(guarded(id, () => {
        throw error
      }))
  }
  checks.sort((a, b) => CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id))
  // The same excerpt from the same source is shown once; a pasted report speaks of what was pasted.
  for (const [i, check] of checks.entries()) {
    const once = { ...check, evidence: check.evidence.filter((e, j, all) => all.findIndex((f) => f.probe === e.probe && f.excerpt === e.excerpt) === j) }
    checks[i] = options.source === 'pasted' ? forPaste(once, capture.platform) : once
  }

  const host = hostSummary(ctx, cpu)
  const vmwareInstalled = checks.find((c) => c.id === 'vmware.installed')?.facts.installed === true
  const running = checks.find((c) => c.id === 'vmware.running')?.facts.count
  const winHv = checks.find((c) => c.id === 'windows.hypervisor')?.facts.running
  const verdict = decideVerdict(checks, capture.platform, { pasted: options.source === 'pasted' })
  const guide = cpu.isArm || capture.platform === 'darwin' ? null : firmwareGuide(host.manufacturer, host.model, cpu.vendor, capture.platform)
  const position = {
    isGuest: guest.isGuest,
    outerHypervisor: guest.hypervisor,
    windowsHypervisorRunning: typeof winHv === 'boolean' ? winHv : null,
    vmwareInstalled,
    runningGuests: typeof running === 'number' ? running : 0,
  }
  // The first fix names this machine's own action (the brand's key, the feature that holds the hypervisor…).
  const action = nextAction({ verdict, checks, firmwareGuide: guide, position })
  if (action && action.kind !== 'other') verdict.firstFix = action.line
  // Sentences put together from parts: no stray space beside full-width punctuation in Chinese.
  const tight = (t: Localized): Localized => ({ ...t, 'zh-CN': tightenZh(t['zh-CN']) })
  verdict.summary = tight(verdict.summary)
  if (verdict.firstFix) verdict.firstFix = tight(verdict.firstFix)
  for (const [i, check] of checks.entries()) checks[i] = { ...check, summary: tight(check.summary), fix: check.fix.map(tight) }
  return {
    schema: HOST_REPORT_SCHEMA,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    source: options.source,
    partial: options.partial ?? false,
    host,
    checks,
    hypervisors,
    verdict,
    firmwareGuide: guide,
    position,
    durationMs: options.durationMs ?? 0,
  }
}
