import { execFile } from 'node:child_process'
import { access, open } from 'node:fs/promises'
import { constants } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'
import type { ProbeErrorKind, ProbeResult } from '../../../shared/host/capture'
import { decodeText, decodeVmx, extractVmdkDescriptor } from '../text/decode'
import type { ProbeSpec } from './spec'

const DEFAULT_TIMEOUT_MS = 8000
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024

function errorKind(error: NodeJS.ErrnoException & { killed?: boolean; signal?: string | null }): ProbeErrorKind {
  if (error.code === 'ENOENT') return 'missing'
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'denied'
  if (error.code === 'ETIMEDOUT' || error.killed || error.signal === 'SIGTERM' || error.name === 'AbortError') return 'timeout'
  return 'failed'
}

function failure(kind: ProbeErrorKind, message: string, started: number, text?: string): ProbeResult {
  return { ok: false, error: { kind, message: message.slice(0, 500) }, ...(text ? { text } : {}), durationMs: Date.now() - started }
}

/**
 * A probe whose reading is done in-process (fs calls, systeminformation): `read` returns the raw
 * text; a thrown error becomes a failed probe of the matching kind.
 */
export function customProbe(id: string, read: () => Promise<string>): ProbeSpec {
  return {
    id,
    kind: 'custom',
    run: async (): Promise<ProbeResult> => {
      const started = Date.now()
      try {
        return { ok: true, text: await read(), durationMs: Date.now() - started }
      } catch (error) {
        const e = error as NodeJS.ErrnoException
        return failure(errorKind(e), e?.message ?? String(error), started)
      }
    },
  }
}

const located = new Map<string, Promise<string | null>>()

/**
 * Finds a bare command name on PATH (with PATHEXT on Windows) without starting a process, so a
 * program that is not installed costs no fork. Absolute paths are returned as they are.
 */
export function locateCommand(command: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): Promise<string | null> {
  if (isAbsolute(command) || command.includes('/') || command.includes('\\')) return Promise.resolve(command)
  const key = `${platform}:${command}:${env.PATH ?? env.Path ?? ''}`
  let found = located.get(key)
  if (!found) {
    found = (async () => {
      const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean)
      const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').map((e) => e.toLowerCase())] : ['']
      for (const dir of dirs)
        for (const ext of exts) {
          const candidate = join(dir, `${command}${ext}`)
          try {
            await access(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK)
            return candidate
          } catch {
            /* keep looking */
          }
        }
      return null
    })()
    located.set(key, found)
  }
  return found
}

/**
 * Runs one probe. Commands go through execFile (argument array, no shell) with a timeout; files are
 * read up to a size limit. Any failure comes back as a ProbeResult with ok: false — never a throw.
 */
export async function runProbe(spec: ProbeSpec, signal?: AbortSignal): Promise<ProbeResult> {
  const started = Date.now()
  try {
    if (spec.kind === 'custom') return await spec.run(signal ?? new AbortController().signal)
    if (spec.kind === 'bundle') return failure('failed', 'a bundle probe is run with runBundle', started)
    if (spec.kind === 'file') {
      const handle = await open(spec.path, 'r')
      try {
        const max = spec.maxBytes ?? DEFAULT_MAX_BYTES
        const buffer = Buffer.alloc(max)
        const { bytesRead } = await handle.read(buffer, 0, max, 0)
        const bytes = buffer.subarray(0, bytesRead)
        const text =
          spec.decode === 'vmx' ? decodeVmx(bytes) : spec.decode === 'vmdk-descriptor' ? extractVmdkDescriptor(bytes) : bytes.toString('utf8')
        if (text === null) return failure('failed', 'no text descriptor in file', started)
        return { ok: true, text, durationMs: Date.now() - started }
      } finally {
        await handle.close()
      }
    }
    const executable = await locateCommand(spec.command)
    if (executable === null) return failure('missing', `${spec.command}: command not found`, started)
    return await new Promise<ProbeResult>((resolve) => {
      execFile(
        executable,
        [...spec.args],
        {
          timeout: spec.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxBuffer: 8 * 1024 * 1024,
          windowsHide: true,
          shell: false,
          encoding: 'buffer',
          signal,
          env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
        },
        (error, stdoutBuf, stderrBuf) => {
          // Unix tools run under LC_ALL=C and write UTF-8; a Windows tool's encoding is told from its bytes.
          const decode = (b: Buffer): string => decodeText(b, spec.detectEncoding ? {} : { charset: 'utf-8' }).text
          let stdout = decode(stdoutBuf)
          const stderr = decode(stderrBuf)
          if (spec.keepLines) stdout = stdout.split(/\r?\n/).filter((l) => spec.keepLines!.test(l)).join('\n')
          if (error) {
            const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: unknown }
            if (typeof e.code === 'number') {
              // The command ran and exited non-zero: its output may still say something (kvm-ok exits 1).
              const denied = /permission denied|operation not permitted|access is denied|拒绝访问/i.test(stderr)
              if (stdout.trim() !== '' && !denied) {
                resolve({ ok: true, text: stdout, exitCode: e.code, durationMs: Date.now() - started })
                return
              }
              resolve(failure(denied ? 'denied' : 'failed', `exit ${e.code}: ${stderr.trim() || stdout.trim()}`, started))
              return
            }
            resolve(failure(errorKind(e), e.message, started))
            return
          }
          resolve({ ok: true, text: stdout, exitCode: 0, durationMs: Date.now() - started })
        },
      )
    })
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    return failure(errorKind(e), e.message ?? String(error), started)
  }
}

/** Runs a bundle probe; every id it was meant to yield gets a result, whatever happens. */
export async function runBundle(
  spec: Extract<ProbeSpec, { kind: 'bundle' }>,
  signal?: AbortSignal,
): Promise<Record<string, ProbeResult>> {
  const started = Date.now()
  let results: Record<string, ProbeResult>
  try {
    results = await spec.run(signal ?? new AbortController().signal)
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    results = {}
    for (const id of spec.yields) results[id] = failure(errorKind(e), e.message ?? String(error), started)
  }
  for (const id of spec.yields)
    if (!results[id]) results[id] = failure('failed', `${spec.id} gave no result for ${id}`, started)
  return results
}
