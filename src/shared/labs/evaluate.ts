import type { Check, CheckStatus, Evidence, FactValue, HostReport } from '../host/report'
import type { Localized } from '../i18n/locale'
import type { CriterionResult } from '../records/events'
import type { AutoCheck, Criterion, StepSpec, TroubleshootingRef } from './schema'

/**
 * The pure criteria evaluator: a step's auto check against a host report. No I/O, no clock — the
 * same step and report always give the same result.
 */

export interface StepEvaluation {
  readonly passed: boolean
  readonly checkId: AutoCheck['source']
  /** The host check's own status ('unknown' when the report does not carry the check). */
  readonly checkStatus: CheckStatus
  /** Whether that status is one the step accepts (acceptStatus). */
  readonly statusAccepted: boolean
  /** The host check's own title and one-line summary, when the report has the check. */
  readonly checkTitle: Localized | null
  readonly checkSummary: Localized | null
  readonly criteria: CriterionResult[]
  readonly evidence: Evidence[]
  /** Ids of the step's troubleshooting entries whose `when` matches. */
  readonly matchedTroubleshooting: string[]
  /** With forAny: the element the criteria were judged on (the best match), else null. */
  readonly element: { readonly index: number; readonly facts: Record<string, FactValue> } | null
  /** With forAny: how many elements the list had; else null. */
  readonly elementCount: number | null
}

/** The value at a dotted path; undefined when any part is missing. */
export function factAt(root: FactValue | undefined, path: string): FactValue | undefined {
  let current: FactValue | undefined = root
  for (const part of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object' || Array.isArray(current)) return undefined
    current = Object.prototype.hasOwnProperty.call(current, part) ? current[part] : undefined
  }
  return current
}

/** How a fact is shown as "actual": strings as they are, "—" for nothing. */
export function formatFact(value: FactValue | undefined): string {
  let text: string
  if (value === undefined || value === null) text = '—'
  else if (typeof value === 'string') text = value === '' ? '""' : value
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value)
  else text = JSON.stringify(value)
  return text.length > 500 ? `${text.slice(0, 499)}…` : text
}

function asNumber(value: FactValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return null
}

function same(actual: FactValue | undefined, expected: unknown): boolean {
  if (actual === undefined) return false
  if (typeof actual === 'number' && typeof expected === 'string') return asNumber(expected) === actual
  if (typeof actual === 'string' && typeof expected === 'number') return asNumber(actual) === expected
  return actual === expected
}

/** Whether one criterion holds for a value. Absent or null values fail everything but `== null` / `exists: false`. */
export function criterionHolds(criterion: Criterion, actual: FactValue | undefined): boolean {
  const { op, value } = criterion
  switch (op) {
    case '==':
      return actual === undefined ? value === null : same(actual, value)
    case '!=':
      return actual === undefined ? value !== null : !same(actual, value)
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const a = asNumber(actual)
      if (a === null || typeof value !== 'number') return false
      return op === '>' ? a > value : op === '>=' ? a >= value : op === '<' ? a < value : a <= value
    }
    case 'in':
      return Array.isArray(value) && value.some((v) => same(actual, v))
    case 'exists': {
      const present = actual !== undefined && actual !== null && actual !== ''
      return value === false ? !present : present
    }
    case 'matches': {
      if (actual === undefined || actual === null || typeof value !== 'string') return false
      if (typeof actual === 'object') return false
      try {
        return new RegExp(value).test(String(actual))
      } catch {
        return false
      }
    }
  }
}

interface Judged {
  readonly result: CriterionResult
  /**
   * The failure says something about the machine: the fact had a value that missed, or the
   * criterion is about presence (`exists`). A criterion that failed only because its fact is absent
   * (no build number when nothing is installed, no disk size when the .vmdk could not be read) does
   * not point at its troubleshooting entry: the cause is elsewhere.
   */
  readonly telling: boolean
}

function judge(criteria: readonly Criterion[], root: FactValue | undefined): Judged[] {
  return criteria.map((c) => {
    const actual = factAt(root, c.fact)
    const passed = criterionHolds(c, actual)
    const absent = actual === undefined || actual === null
    return { result: { id: c.id, label: c.label, passed, actual: formatFact(actual) }, telling: !passed && (!absent || c.op === 'exists') }
  })
}

/** Host checks whose failure causes others, in the order a fix should go. */
const ROOT_CAUSES: readonly string[] = ['host.arch', 'host.virtual-machine', 'firmware.vt-enabled', 'cpu.vt-extensions', 'windows.hypervisor']

/**
 * Which troubleshooting entries apply: `when: { check }` when that host check is fail, warn or
 * unknown (skip means "does not apply here"; todo means "a lab has not set this up yet", which the
 * step explains itself); `when: { criterion }` when that criterion failed on
 * a value the machine showed (see `telling`).
 */
export function matchTroubleshooting(
  refs: readonly TroubleshootingRef[],
  report: HostReport | null,
  failedCriteria: ReadonlySet<string> | null,
): string[] {
  const status = (id: string): CheckStatus | null => report?.checks.find((c) => c.id === id)?.status ?? null
  // Most relevant first: an entry about a root cause (the machine is a VM, VT is off in firmware…)
  // before one about its consequences; otherwise the pack's order.
  const rank = (ref: TroubleshootingRef): number => {
    if (!ref.when || !('check' in ref.when)) return ROOT_CAUSES.length
    const at = ROOT_CAUSES.indexOf(ref.when.check)
    return at < 0 ? ROOT_CAUSES.length : at
  }
  return [...refs]
    .sort((a, b) => rank(a) - rank(b))
    .filter((ref) => {
      if (!ref.when) return false
      if ('check' in ref.when) {
        const s = status(ref.when.check)
        return s === 'fail' || s === 'warn' || s === 'unknown'
      }
      return failedCriteria?.has(ref.when.criterion) ?? false
    })
    .map((ref) => ref.id)
}

const MAX_EVIDENCE = 10
const MAX_EXCERPT = 1500

/** A short evidence snapshot: at most 10 excerpts of at most 1500 characters. */
export function evidenceSnapshot(check: Check | undefined): Evidence[] {
  return (check?.evidence ?? [])
    .filter((e) => e.excerpt.trim() !== '')
    .slice(0, MAX_EVIDENCE)
    .map((e) => ({ probe: e.probe.slice(0, 200), excerpt: e.excerpt.length > MAX_EXCERPT ? `${e.excerpt.slice(0, MAX_EXCERPT - 1)}…` : e.excerpt }))
}

/** Evaluates an auto step against a host report. Throws for a step whose check is not auto. */
export function evaluateStep(step: StepSpec, report: HostReport): StepEvaluation {
  const spec = step.check
  if (spec.kind !== 'auto') throw new Error(`step ${step.id} is not an auto check`)
  const check = report.partial ? undefined : report.checks.find((c) => c.id === spec.source)
  const checkStatus: CheckStatus = check?.status ?? 'unknown'
  const statusAccepted = check !== undefined && spec.acceptStatus.includes(checkStatus)
  const facts: FactValue = check?.facts ?? {}

  let judged: Judged[]
  let element: StepEvaluation['element'] = null
  let elementCount: number | null = null
  if (spec.forAny !== undefined) {
    const list = factAt(facts, spec.forAny)
    const elements = Array.isArray(list) ? list : []
    elementCount = elements.length
    let best: { index: number; results: Judged[]; score: number } | null = null
    for (const [index, el] of elements.entries()) {
      const results = judge(spec.criteria, el)
      const score = results.filter((r) => r.result.passed).length
      if (best === null || score > best.score) best = { index, results, score }
    }
    if (best !== null) {
      judged = best.results
      const el = elements[best.index]
      element = { index: best.index, facts: el !== null && typeof el === 'object' && !Array.isArray(el) ? el : { value: el ?? null } }
    } else {
      judged = judge(spec.criteria, undefined)
    }
  } else {
    judged = judge(spec.criteria, facts)
  }
  const criteria = judged.map((j) => j.result)

  const passed = statusAccepted && criteria.every((c) => c.passed) && (spec.forAny === undefined || (elementCount ?? 0) > 0)
  return {
    passed,
    checkId: spec.source,
    checkStatus,
    statusAccepted,
    checkTitle: check?.title ?? null,
    checkSummary: check?.summary ?? null,
    criteria,
    evidence: evidenceSnapshot(check),
    matchedTroubleshooting: passed ? [] : matchTroubleshooting(step.troubleshooting, report, new Set(judged.filter((j) => j.telling).map((j) => j.result.id))),
    element,
    elementCount,
  }
}
