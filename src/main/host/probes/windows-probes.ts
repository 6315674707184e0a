import { execFile, type ExecFileException } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, win32 } from 'node:path'
import type { ProbeErrorKind, ProbeResult } from '../../../shared/host/capture'
import { SYSTEMINFO_WORDS } from '../interpret/systeminfo'
import { decodeText } from '../text/decode'
import type { ProbeEnvironment, ProbeSpec } from './spec'
import { windowsSystemRoot, windowsSystemTool } from './system-tools'

/** The probe ids the PowerShell host probe answers, in the order of resources/windows/host-probe.ps1. */
export const WINDOWS_PROBE_IDS = [
  'win.computersystem',
  'win.processor',
  'win.os',
  'win.bios',
  'win.baseboard',
  'win.enclosure',
  'win.hyperv-guest',
  'win.devices',
  'win.deviceguard',
  'win.optional-features',
  'win.bcdedit',
  'win.services',
  'win.netadapters',
  'win.vmware-registry',
  'win.uninstall',
  'win.wsl',
] as const

/** How long the whole PowerShell process may run; sections that arrived by then are kept. */
export const HOST_PROBE_TIMEOUT_MS = 20_000

const DENIED = /access (is )?denied|拒绝访问|permission|0x80041003|0x80070005|requires elevation|需要提升|管理员/i

function sectionResult(section: { ok?: unknown; value?: unknown; error?: unknown; ms?: unknown }, durationMs: number): ProbeResult {
  const ms = typeof section.ms === 'number' && Number.isFinite(section.ms) ? section.ms : durationMs
  if (section.ok === true) {
    const value = section.value
    return { ok: true, text: typeof value === 'string' ? value : JSON.stringify(value ?? null, null, 2), durationMs: ms }
  }
  const message = typeof section.error === 'string' ? section.error : 'failed'
  return { ok: false, error: { kind: DENIED.test(message) ? 'denied' : 'failed', message }, durationMs: ms }
}

/**
 * Reads what the host probe printed: one JSON line per section as each completed (the current
 * script), or one JSON document keyed by probe id (older builds). Whatever arrived is kept; every
 * section that did not arrive fails with `missingKind` (a timeout when the process was stopped).
 * Each value is kept as JSON text (a string value, such as bcdedit's output, as plain text).
 */
export function splitWindowsProbeOutput(
  stdout: string,
  durationMs: number,
  missing: { kind: ProbeErrorKind; message: string } = { kind: 'failed', message: 'section missing from host probe output' },
): Record<string, ProbeResult> {
  const out: Record<string, ProbeResult> = {}
  const known = new Set<string>(WINDOWS_PROBE_IDS)
  const text = stdout.replace(/^\uFEFF/, '').trim()
  let whole: Record<string, unknown> | null = null
  if (text.startsWith('{') && !/^\{\s*"id"\s*:/.test(text)) {
    try {
      const doc = JSON.parse(text) as unknown
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) whole = doc as Record<string, unknown>
    } catch {
      whole = null
    }
  }
  let parsedAny = false
  if (whole) {
    for (const [id, section] of Object.entries(whole)) {
      if (!known.has(id) || !section || typeof section !== 'object') continue
      out[id] = sectionResult(section as Record<string, unknown>, durationMs)
      parsedAny = true
    }
  } else {
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim()
      if (!trimmed.startsWith('{')) continue
      try {
        const section = JSON.parse(trimmed) as Record<string, unknown>
        if (typeof section.id === 'string' && known.has(section.id) && !out[section.id]) {
          out[section.id] = sectionResult(section, durationMs)
          parsedAny = true
        }
      } catch {
        /* a line cut off by the deadline, or something that is not ours */
      }
    }
  }
  const fallback = parsedAny || text === '' ? missing : { kind: 'failed' as const, message: `host probe output is not JSON: ${text.slice(0, 200)}` }
  for (const id of WINDOWS_PROBE_IDS) if (!out[id]) out[id] = { ok: false, error: fallback, durationMs }
  return out
}

/**
 * The probe's stdout bytes → one result per section. The lines are ASCII, so a console that ignored
 * the UTF-8 request cannot garble them; a copy saved through PowerShell 5's `>` is UTF-16 LE.
 */
export function readHostProbeOutput(
  stdout: Uint8Array,
  durationMs: number,
  missing?: { kind: ProbeErrorKind; message: string },
): Record<string, ProbeResult> {
  return splitWindowsProbeOutput(decodeText(stdout).text, durationMs, missing)
}

/**
 * 64-bit Windows PowerShell. A 32-bit build of the app on 64-bit Windows is redirected from System32
 * to SysWOW64 (32-bit PowerShell, 32-bit registry view); Sysnative reaches the 64-bit one.
 */
export function windowsPowerShellPath(env: Pick<ProbeEnvironment, 'arch' | 'env'>): string {
  const wow64 = env.arch === 'ia32' && Boolean(env.env.PROCESSOR_ARCHITEW6432)
  return win32.join(windowsSystemRoot(env), wow64 ? 'Sysnative' : 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe')
}

/**
 * The script as -EncodedCommand takes it (base64 of UTF-16LE), so no execution policy for script
 * files applies. Comment lines and indentation are dropped to stay well inside the 32,767-character
 * command line.
 */
export function encodeHostProbe(script: string): string {
  const compact = script
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .join('\n')
  return Buffer.from(compact, 'utf16le').toString('base64')
}

export function hostProbeArgs(encoded: string): string[] {
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded]
}

export function windowsProbes(env: ProbeEnvironment): ProbeSpec[] {
  const script = join(env.resourcesDir, 'windows', 'host-probe.ps1')
  const powershell = windowsPowerShellPath(env)
  return [
    {
      id: 'win.host-probe',
      kind: 'bundle',
      yields: WINDOWS_PROBE_IDS,
      run: async (signal) => {
        const started = Date.now()
        let encoded: string
        try {
          encoded = encodeHostProbe(await readFile(script, 'utf8'))
        } catch (error) {
          const message = `cannot read ${script}: ${(error as Error).message}`
          return Object.fromEntries(WINDOWS_PROBE_IDS.map((id) => [id, { ok: false, error: { kind: 'missing', message }, durationMs: 0 }]))
        }
        return new Promise((resolve) => {
          execFile(
            powershell,
            hostProbeArgs(encoded),
            { timeout: HOST_PROBE_TIMEOUT_MS, windowsHide: true, shell: false, maxBuffer: 16 * 1024 * 1024, encoding: 'buffer', signal },
            (error, stdoutBuf, stderrBuf) => {
              const durationMs = Date.now() - started
              const e = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: string | null }) | null
              const kind: ProbeErrorKind =
                e?.code === 'ENOENT' ? 'missing' : e?.killed || e?.signal === 'SIGTERM' || e?.name === 'AbortError' ? 'timeout' : 'failed'
              const message =
                kind === 'timeout'
                  ? `the host probe was stopped after ${Math.round(durationMs / 1000)} s before this section finished`
                  : (e?.message ?? (decodeText(stderrBuf).text.trim() || 'section missing from host probe output')).slice(0, 500)
              resolve(readHostProbeOutput(stdoutBuf, durationMs, { kind: error ? kind : 'failed', message }))
            },
          )
        })
      },
    },
  ]
}

/** The code page `chcp` prints, in any UI language ("Active code page: 936", "活动代码页: 936"); null when none. */
export function parseChcp(text: string): number | null {
  const match = /(\d{3,5})\s*\.?\s*$/.exec(text.trim())
  return match ? Number(match[1]) : null
}

function execBuffer(file: string, timeout: number, signal: AbortSignal): Promise<{ error: ExecFileException | null; stdout: Buffer }> {
  return new Promise((resolve) => {
    execFile(file, [], { timeout, windowsHide: true, shell: false, encoding: 'buffer', signal }, (error, stdout) => resolve({ error, stdout }))
  })
}

/**
 * Only when the PowerShell probe failed: `systeminfo` (by absolute path), read by structure and a
 * label table in any UI language. It writes the console's OEM code page (936 on Chinese Windows,
 * 850 on Italian …). `chcp` in a console of its own reports that page (both start hidden consoles
 * with the same default); when it cannot, the page is told from the bytes (BOMs, which decoding
 * reads as systeminfo) — never by assuming one language.
 */
export function systeminfoFallback(env: Pick<ProbeEnvironment, 'env'> = { env: process.env }): ProbeSpec {
  const systeminfo = windowsSystemTool(env, 'systeminfo.exe')
  const chcp = windowsSystemTool(env, 'chcp.com')
  return {
    id: 'win.systeminfo',
    kind: 'custom',
    run: async (signal) => {
      const started = Date.now()
      const page = await execBuffer(chcp, 3_000, signal)
      const codePage = page.error ? null : parseChcp(page.stdout.toString('latin1'))
      const { error, stdout } = await execBuffer(systeminfo, 20_000, signal)
      const durationMs = Date.now() - started
      if (error && stdout.length === 0) return { ok: false, error: { kind: error.code === 'ENOENT' ? 'missing' : 'failed', message: error.message }, durationMs }
      return { ok: true, text: decodeText(stdout, { codePage, words: SYSTEMINFO_WORDS }).text, exitCode: 0, durationMs }
    },
  }
}
