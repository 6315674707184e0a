import { homedir } from 'node:os'
import si from 'systeminformation'
import { CAPTURE_FORMAT, CAPTURE_VERSION, type Capture, type CapturePlatform, type ProbeResult } from '../../shared/host/capture'
import { CheckContext } from './context'
import { commonProbes } from './probes/common-probes'
import { linuxProbes } from './probes/linux-probes'
import { macProbes } from './probes/mac-probes'
import { customProbe, runBundle, runProbe } from './probes/run-probe'
import type { ProbeEnvironment, ProbeSpec } from './probes/spec'
import { guestPingProbes, vmwareStage1, vmwareStage2, vmwareStage3 } from './probes/vmware-probes'
import { systeminfoFallback, windowsProbes } from './probes/windows-probes'

export interface CollectProgress {
  readonly capture: Capture
  /** Probe ids (or stage placeholders such as "vmware.stage2") still running. */
  readonly pending: readonly string[]
}

export interface CollectOptions {
  readonly env: ProbeEnvironment
  readonly appVersion: string
  /** .vmx files the student picked by hand, read besides the ones VMware lists. */
  readonly extraVmx?: readonly string[]
  /** Everything must be done by then; late probes become `timeout`. Default 25 s. */
  readonly deadlineMs?: number
  readonly onProgress?: (progress: CollectProgress) => void
  readonly signal?: AbortSignal
}

export function currentEnvironment(resourcesDir: string): ProbeEnvironment {
  return { platform: process.platform, arch: process.arch, env: process.env, homeDir: homedir(), resourcesDir }
}

export function platformOf(platform: NodeJS.Platform): CapturePlatform {
  if (platform === 'win32' || platform === 'darwin') return platform
  return 'linux'
}

export function firstStage(env: ProbeEnvironment): ProbeSpec[] {
  const platform = platformOf(env.platform)
  const specific = platform === 'win32' ? windowsProbes(env) : platform === 'darwin' ? macProbes() : linuxProbes()
  return [...specific, ...commonProbes(env), ...vmwareStage1(env)]
}

function idsOf(spec: ProbeSpec): string[] {
  return spec.kind === 'bundle' ? [...spec.yields] : [spec.id]
}

/**
 * Runs every probe for this machine: stage 1 all at once, then the VMware stages that depend on
 * what stage 1 found. Each probe has its own timeout; the whole run has one deadline. Never throws.
 */
export async function collectCapture(options: CollectOptions): Promise<Capture> {
  const { env } = options
  const platform = platformOf(env.platform)
  const probes: Record<string, ProbeResult> = {}
  const controller = new AbortController()
  const abort = (): void => controller.abort()
  options.signal?.addEventListener('abort', abort)
  const deadline = setTimeout(abort, options.deadlineMs ?? 25_000)
  const capture = (): Capture => ({
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    capturedAt: new Date().toISOString(),
    appVersion: options.appVersion,
    platform,
    arch: env.arch,
    redacted: false,
    probes: { ...probes },
  })
  const pending = new Set<string>()
  const report = (): void => options.onProgress?.({ capture: capture(), pending: [...pending] })

  const runAll = async (specs: ProbeSpec[]): Promise<void> => {
    for (const spec of specs) for (const id of idsOf(spec)) pending.add(id)
    await Promise.all(
      specs.map(async (spec) => {
        const results =
          spec.kind === 'bundle' ? await runBundle(spec, controller.signal) : { [spec.id]: await runProbe(spec, controller.signal) }
        for (const [id, result] of Object.entries(results)) {
          probes[id] = controller.signal.aborted && !result.ok && result.error.kind !== 'missing'
            ? { ok: false, error: { kind: 'timeout', message: 'the overall check deadline passed' }, durationMs: result.durationMs }
            : result
          pending.delete(id)
        }
        report()
      }),
    )
  }

  // On Windows systeminformation answers through PowerShell: one persistent process for all its
  // calls, so a check starts at most two PowerShell processes (that one and our host probe).
  const windows = platform === 'win32' && process.platform === 'win32'
  if (windows) si.powerShellStart()
  try {
    const later = platform === 'darwin' ? [] : ['vmware.stage2', 'vmware.stage3']
    for (const id of later) pending.add(id)
    try {
      const picked: ProbeSpec[] =
      options.extraVmx && options.extraVmx.length > 0 ? [customProbe('vmware.picked', async () => options.extraVmx!.join('\n'))] : []
    await runAll([...firstStage(env), ...picked])
    } finally {
      if (windows) si.powerShellRelease()
    }
    const ctx1 = new CheckContext(platform, env.arch, probes)
    const stage2 = vmwareStage2(env, ctx1)
    if (platform === 'win32' && !probes['win.processor']?.ok) stage2.push(systeminfoFallback(env))
    pending.delete('vmware.stage2')
    await runAll(stage2)
    pending.delete('vmware.stage3')
    await runAll(vmwareStage3(env, new CheckContext(platform, env.arch, probes)))
    await runAll(guestPingProbes(env, new CheckContext(platform, env.arch, probes)))
  } finally {
    clearTimeout(deadline)
    options.signal?.removeEventListener('abort', abort)
  }
  pending.clear()
  return capture()
}
