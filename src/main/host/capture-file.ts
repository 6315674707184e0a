import { constants } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { CAPTURE_FORMAT, CAPTURE_VERSION, CaptureSchema, type Capture, type ProbeResult } from '../../shared/host/capture'
import type { HostReport } from '../../shared/host/report'
import { evaluateCapture } from './evaluate'

export const MAX_CAPTURE_BYTES = 20 * 1024 * 1024

export class CaptureFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CaptureFileError'
  }
}

/**
 * Reads a capture file's text with clear errors for what people actually hand in: not JSON
 * (truncated, or another file), a foreign JSON document, a newer format version, broken fields.
 */
export function parseCaptureText(text: string, name = 'capture'): Capture {
  if (text.length > MAX_CAPTURE_BYTES) throw new CaptureFileError(`${name}: larger than ${MAX_CAPTURE_BYTES / 1024 / 1024} MB`)
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const hint = text.trim() === '' ? 'the file is empty' : 'it is not valid JSON — is it truncated?'
    throw new CaptureFileError(`${name}: ${hint} (${(error as Error).message})`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CaptureFileError(`${name}: not a VirtLab capture (expected a JSON object)`)
  const record = value as Record<string, unknown>
  if (record.format !== CAPTURE_FORMAT) {
    const found = typeof record.format === 'string' ? `format “${record.format.slice(0, 60)}”` : 'no format field'
    throw new CaptureFileError(`${name}: not a VirtLab capture (${found}; expected “${CAPTURE_FORMAT}”)`)
  }
  if (typeof record.version === 'number' && record.version > CAPTURE_VERSION)
    throw new CaptureFileError(`${name}: written by a newer VirtLab (capture version ${record.version}; this app reads version ${CAPTURE_VERSION}). Update the app.`)
  const parsed = CaptureSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CaptureFileError(`${name}: invalid capture at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}`)
  }
  return parsed.data
}

const MAC = /\b([0-9a-f]{2}[:-]){5}[0-9a-f]{2}\b/gi
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi
const VMX_UUID = /\b([0-9a-f]{2} ){7}[0-9a-f]{2}-([0-9a-f]{2} ){7}[0-9a-f]{2}\b/gi
const SERIAL_JSON = /"(serial|uuid|sku|hostname|fqdn|SerialNumber|IdentifyingNumber|InstanceIdentifier)"\s*:\s*"[^"]*"/gi
const SERIAL_VMX = /^(\s*(uuid\.\w+|vc\.uuid|serialNumber|ethernet\d+\.(generatedAddress|address))\s*=\s*)"[^"]*"/gim
/** VMware's own host-adapter MACs (00:50:56:C0:00:01 / 08) identify nobody. */
const VMWARE_HOST_MAC = /^00[:-]50[:-]56[:-]c0[:-]00[:-]0\d$/i

function redactText(text: string, userNames: string[]): string {
  let out = text
    .replace(SERIAL_JSON, (_m, key: string) => `"${key}":"REDACTED"`)
    .replace(SERIAL_VMX, (_m, prefix: string) => `${prefix}"REDACTED"`)
    .replace(UUID, '00000000-0000-0000-0000-000000000000')
    .replace(VMX_UUID, '00 00 00 00 00 00 00 00-00 00 00 00 00 00 00 00')
    .replace(MAC, (mac) => (VMWARE_HOST_MAC.test(mac) || /^(00[:-]){5}00$/.test(mac) ? mac : '00:00:00:00:00:00'))
  for (const name of userNames) {
    if (name.length < 2) continue
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    out = out.replace(new RegExp(`([\\\\/])${escaped}(?=[\\\\/]|$)`, 'gi'), '$1user')
  }
  return out
}

/** Removes serial numbers, UUIDs, MAC addresses and the user's name from every probe's text and id. */
export function redactCapture(capture: Capture, userNames: string[]): Capture {
  const probes: Record<string, ProbeResult> = {}
  for (const [id, result] of Object.entries(capture.probes)) {
    const cleanId = redactText(id, userNames)
    probes[cleanId] = result.ok
      ? { ...result, text: redactText(result.text, userNames) }
      : { ...result, error: { ...result.error, message: redactText(result.error.message, userNames) }, ...(result.text ? { text: redactText(result.text, userNames) } : {}) }
  }
  return { ...capture, redacted: true, probes }
}

export function serializeCapture(capture: Capture): string {
  return `${JSON.stringify(capture, null, 2)}\n`
}

/**
 * Reads a capture file's text off the main thread, refusing what is not a regular file before
 * opening it (a FIFO would block forever; /dev/zero, even behind a symlink, never ends) and checking
 * again on the opened descriptor (the path may have been swapped in between). Never reads more than
 * `limit` bytes. Throws CaptureFileError.
 */
export async function readCaptureFile(path: string, limit = MAX_CAPTURE_BYTES): Promise<string> {
  const name = basename(path)
  const tooLarge = (): CaptureFileError => new CaptureFileError(`${name}: larger than ${Math.round(limit / 1024 / 1024)} MB`)
  const unreadable = (error: unknown): CaptureFileError =>
    new CaptureFileError(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  let info
  try {
    info = await stat(path)
  } catch (error) {
    throw unreadable(error)
  }
  if (!info.isFile()) throw new CaptureFileError(`${name}: not a regular file`)
  if (info.size > limit) throw tooLarge()
  let handle
  try {
    // O_NONBLOCK: should a FIFO be swapped in after the check, opening it does not wait for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw unreadable(error)
  }
  try {
    if (!(await handle.stat()).isFile()) throw new CaptureFileError(`${name}: not a regular file`)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > limit) throw tooLarge()
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total))
  } catch (error) {
    if (error instanceof CaptureFileError) throw error
    throw unreadable(error)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/** Reads a capture file and gives the report its machine would get. Throws CaptureFileError. */
export async function replayCaptureFile(path: string): Promise<HostReport> {
  const capture = parseCaptureText(await readCaptureFile(path), basename(path))
  return evaluateCapture(capture, { source: 'replay', generatedAt: capture.capturedAt })
}
