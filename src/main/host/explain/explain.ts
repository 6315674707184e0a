/**
 * `virtlab explain` and the paste panel: raw texts → recognised kinds → a partial capture →
 * the same report the checks give, marked as coming from pasted output. Pure apart from the clock.
 */
import { CAPTURE_FORMAT, CAPTURE_VERSION, type Capture, type CapturePlatform, type ProbeResult } from '../../../shared/host/capture'
import type { ExplainInput, ExplainResult, Recognised } from '../../../shared/host/explain'
import { evaluateCapture } from '../evaluate'
import { decodeBase64 } from '../text/decode'
import { RECOGNIZERS } from './registry'
import type { Recognition } from './recognizers/types'
import { segmentText } from './segments'

export interface ReadInput {
  name: string
  text: string
  /** The encoding a file was read in; null for text pasted as text. */
  encoding: string | null
}

export function readInput(input: ExplainInput): ReadInput {
  if (input.base64 !== undefined) {
    const decoded = decodeBase64(input.base64)
    return { name: input.name, text: decoded.text, encoding: decoded.encoding }
  }
  return { name: input.name, text: input.text ?? '', encoding: null }
}

/** Everything recognised in one text (each segment through every recognizer). */
export function recognize(text: string, name: string): Recognition[] {
  const out: Recognition[] = []
  for (const segment of segmentText(text)) {
    for (const recognizer of RECOGNIZERS) {
      let found: Recognition[] = []
      try {
        found = recognizer.recognize(segment, name)
      } catch (error) {
        if (process.env.VIRTLAB_STRICT_PARSERS === '1') throw error
      }
      out.push(...found)
      // A vmware.log segment is nothing else.
      if (found.some((r) => r.kind === 'vmware-log')) break
    }
  }
  return out
}

function choosePlatform(found: Recognition[]): CapturePlatform {
  const votes = new Map<CapturePlatform, number>()
  for (const r of found) if (r.platform) votes.set(r.platform, (votes.get(r.platform) ?? 0) + 1)
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1])
  // Most students are on Windows: a .vmx or a vmnet config alone reads as a Windows host.
  return ranked[0]?.[0] ?? 'win32'
}

/** The capture's arch when no pasted output says it (the arch check reads it as unknown). */
export const UNKNOWN_ARCH = 'unknown'

const LATEST_WINS = new Set(['win.bcdedit'])

/** Builds the partial capture from what was recognised. */
export function buildCapture(found: Recognition[], note: string): Capture {
  const platform = choosePlatform(found)
  // A paste that never names the architecture leaves it unknown: assuming x64 would show a false pass.
  const arch = found.find((r) => r.platform === platform && r.arch)?.arch ?? found.find((r) => r.arch)?.arch ?? UNKNOWN_ARCH
  const probes: Record<string, ProbeResult> = {}
  for (const r of found) {
    for (const [id, text] of Object.entries(r.probes)) {
      // The first output of a kind wins, except bcdedit: a later bcdedit in the same paste shows the
      // state after a "bcdedit /set" typed between them.
      if (probes[id] && !LATEST_WINS.has(id)) continue
      probes[id] = { ok: true, text }
    }
  }
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    capturedAt: new Date().toISOString(),
    appVersion: 'explain',
    platform,
    arch,
    redacted: false,
    note: note.slice(0, 5000),
    probes,
  }
}

export function explainTexts(inputs: readonly ReadInput[]): ExplainResult & { capture: Capture | null } {
  const all: Recognition[] = []
  const recognised: Recognised[] = []
  const unrecognised: string[] = []
  for (const input of inputs) {
    const found = recognize(input.text, input.name)
    if (found.length === 0) unrecognised.push(input.name)
    for (const r of found) {
      all.push(r)
      if (!recognised.some((x) => x.kind === r.kind && x.input === input.name)) recognised.push({ kind: r.kind, input: input.name, encoding: input.encoding })
    }
  }
  if (all.length === 0) return { report: null, recognised, unrecognised, capture: null }
  const capture = buildCapture(all, `From pasted output: ${recognised.map((r) => `${r.kind} (${r.input})`).join(', ')}`)
  const report = evaluateCapture(capture, { source: 'pasted', generatedAt: capture.capturedAt })
  return { report, recognised, unrecognised, capture }
}
