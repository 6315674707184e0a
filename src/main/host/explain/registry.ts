/**
 * Every recognizer, in the order they are tried. A vmware.log is tried first: its lines hold
 * fragments (`Host is Windows …`, dictionary dumps) that other recognizers would misread.
 */
import { EXPLAIN_KINDS, type ExplainKind } from '../../../shared/host/explain'
import { devToolsRecognizer } from './recognizers/dev-tools'
import { linuxRecognizer } from './recognizers/linux'
import { macRecognizer } from './recognizers/mac'
import { powershellRecognizer } from './recognizers/powershell'
import type { Recognizer } from './recognizers/types'
import { vmwareRecognizer } from './recognizers/vmware'
import { windowsTextRecognizer } from './recognizers/windows-text'
import { windowsToolsRecognizer } from './recognizers/windows-tools'

export const RECOGNIZERS: readonly Recognizer[] = [
  vmwareRecognizer,
  windowsTextRecognizer,
  windowsToolsRecognizer,
  powershellRecognizer,
  devToolsRecognizer,
  linuxRecognizer,
  macRecognizer,
]

/** Kinds a recognizer claims; the test checks that every kind has one. */
export function coveredKinds(): ExplainKind[] {
  const seen = new Set(RECOGNIZERS.flatMap((r) => r.kinds))
  return EXPLAIN_KINDS.filter((k) => seen.has(k))
}
