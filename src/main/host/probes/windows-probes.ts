import { execFile } from 'node:child_process'
import { join } from 'node:path'
import type { ProbeResult } from '../../../shared/host/capture'
import type { ProbeEnvironment, ProbeSpec } from './spec'
import { windowsSystemTool } from './system-tools'

/** The probe ids the PowerShell host probe answers, in the order of resources/windows/host-probe.ps1. */
export const WINDOWS_PROBE_IDS = [
  'win.computersystem',
  'win.processor',
  'win.os',
  'win.bios',
  'win.deviceguard',
  'win.optional-features',
  'win.bcdedit',
  'win.services',
  'win.netadapters',
  'win.vmware-registry',
  'win.uninstall',
  'win.wsl',
] as const

const DENIED = /access is denied|拒绝访问|permission|0x80041003|requires elevation|管理员/i

/**
 * Splits the host probe's JSON document into one probe result per section, each pretty-printed so
 * evidence excerpts show one property a line. A section's value is
 * kept as JSON text (a string value, such as bcdedit's output, as plain text).
 */
export function splitWindowsProbeOutput(stdout: string, durationMs: number): Record<string, ProbeResult> {
  const out: Record<string, ProbeResult> = {}
  let doc: Record<string, unknown>
  try {
    doc = JSON.parse(stdout.replace(/^\uFEFF/, '').trim()) as Record<string, unknown>
  } catch (error) {
    for (const id of WINDOWS_PROBE_IDS)
      out[id] = { ok: false, error: { kind: 'failed', message: `host probe output is not JSON: ${(error as Error).message}` }, durationMs }
    return out
  }
  for (const id of WINDOWS_PROBE_IDS) {
    const section = doc[id] as { ok?: unknown; value?: unknown; error?: unknown } | undefined
    if (!section || typeof section !== 'object') {
      out[id] = { ok: false, error: { kind: 'failed', message: 'section missing from host probe output' }, durationMs }
    } else if (section.ok === true) {
      const value = section.value
      out[id] = { ok: true, text: typeof value === 'string' ? value : JSON.stringify(value ?? null, null, 2), durationMs }
    } else {
      const message = typeof section.error === 'string' ? section.error : 'failed'
      out[id] = { ok: false, error: { kind: DENIED.test(message) ? 'denied' : 'failed', message }, durationMs }
    }
  }
  return out
}

export function windowsProbes(env: ProbeEnvironment): ProbeSpec[] {
  const script = join(env.resourcesDir, 'windows', 'host-probe.ps1')
  const powershell = windowsSystemTool(env, 'WindowsPowerShell\\v1.0\\powershell.exe')
  return [
    {
      id: 'win.host-probe',
      kind: 'bundle',
      yields: WINDOWS_PROBE_IDS,
      run: (signal) =>
        new Promise((resolve) => {
          const started = Date.now()
          execFile(
            powershell,
            ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script],
            { timeout: 15_000, windowsHide: true, shell: false, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8', signal },
            (error, stdout, stderr) => {
              const durationMs = Date.now() - started
              if (stdout.trim().startsWith('{')) {
                resolve(splitWindowsProbeOutput(stdout, durationMs))
                return
              }
              const e = error as (NodeJS.ErrnoException & { killed?: boolean }) | null
              const kind = e?.code === 'ENOENT' ? 'missing' : e?.killed ? 'timeout' : 'failed'
              const message = (e?.message ?? stderr ?? 'no output').slice(0, 500)
              resolve(Object.fromEntries(WINDOWS_PROBE_IDS.map((id) => [id, { ok: false, error: { kind, message }, durationMs }])))
            },
          )
        }),
    },
  ]
}

/** Only when the PowerShell probe failed: `systeminfo`, whose labels are read in zh-CN and en only. */
export function systeminfoFallback(env: Pick<ProbeEnvironment, 'env'> = { env: process.env }): ProbeSpec {
  const systeminfo = windowsSystemTool(env, 'systeminfo.exe')
  return {
    id: 'win.systeminfo',
    kind: 'custom',
    run: (signal) =>
      new Promise((resolve) => {
        const started = Date.now()
        execFile(systeminfo, [], { timeout: 20_000, windowsHide: true, shell: false, encoding: 'buffer', signal }, (error, stdout) => {
          const durationMs = Date.now() - started
          if (error && stdout.length === 0) {
            resolve({ ok: false, error: { kind: 'failed', message: error.message }, durationMs })
            return
          }
          // systeminfo writes the console's OEM code page. Our students' Windows is mostly Chinese
          // (GBK); text that is not valid UTF-8 is decoded as GBK.
          const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(stdout)
          const text = utf8.includes('\uFFFD') ? new TextDecoder('gbk').decode(stdout) : utf8
          resolve({ ok: true, text, exitCode: 0, durationMs })
        })
      }),
  }
}
