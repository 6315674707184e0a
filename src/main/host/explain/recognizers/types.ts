import type { CapturePlatform } from '../../../../shared/host/capture'
import type { ExplainKind } from '../../../../shared/host/explain'
import type { Segment } from '../segments'

/** What one recognised output adds to the partial capture. */
export interface Recognition {
  kind: ExplainKind
  /** The platform the output came from; null when it does not say (a .vmx, a vmnet config). */
  platform: CapturePlatform | null
  /** 'x64' / 'arm64' / 'ia32' when the output says. */
  arch: string | null
  /** Probe id → text, in the formats the interpreters read (see docs/capture-format.md). */
  probes: Record<string, string>
}

/** A pure function: a segment of pasted text → what it is, or null when it is not this kind. */
export interface Recognizer {
  readonly kinds: readonly ExplainKind[]
  recognize(segment: Segment, inputName: string): Recognition[]
}

/** `Key : value` lines as Format-List prints them, headed by a comment naming the source. */
export function formatList(source: string, record: Record<string, string | number | boolean | null | undefined>): string | null {
  const rows = Object.entries(record).filter(([, v]) => v !== null && v !== undefined && v !== '')
  if (rows.length === 0) return null
  return [`# ${source}`, ...rows.map(([k, v]) => `${k} : ${typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v)}`)].join('\n')
}

export function put(probes: Record<string, string>, id: string, text: string | null): void {
  if (text !== null && text.trim() !== '') probes[id] = text
}
