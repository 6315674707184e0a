import canonicalize from 'canonicalize'
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { RejectionCode } from '../../shared/records/class-view'
import type { FieldProblem, RejectionFacts } from '../../shared/records/rejection'
import { LAB_REPORT_SCHEMA, LabReportSchema, REPORT_MAX_BYTES, reportImplausibility, type LabReport, type ReportBody } from '../../shared/records/report'

/**
 * The report's integrity digest: SHA-256 over the RFC 8785 (JCS) serialization of the report
 * without its `integrity` member, as lowercase hex. It detects edits and corruption; it proves
 * nothing against someone who edits the file and recomputes it (see docs/report-format.md).
 */
export function reportDigest(withoutIntegrity: unknown): string {
  const text = canonicalize(withoutIntegrity)
  if (text === undefined) throw new Error('the report cannot be serialized')
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export function sealReport(body: ReportBody): LabReport {
  return { ...body, integrity: { algorithm: 'SHA-256', canonicalization: 'RFC 8785', digest: reportDigest(body) } }
}

/** The JSON text of a report file: two-space indented, newline at the end. */
export function serializeReport(report: LabReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

export type VerifyResult =
  | { readonly ok: true; readonly report: LabReport }
  | { readonly ok: false; readonly code: RejectionCode; readonly detail: string; readonly facts?: RejectionFacts }

function fail(code: RejectionCode, detail: string, facts?: RejectionFacts): VerifyResult {
  return { ok: false, code, detail, facts }
}

/** Where a JSON syntax error is, as line and column (V8 names the character offset). */
export function jsonErrorPlace(message: string, text: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) }
  const at = /position (\d+)/.exec(message)
  if (!at) return /Unexpected end of JSON input/.test(message) ? jsonErrorPlace(`position ${text.length}`, text) : undefined
  const before = text.slice(0, Number(at[1]))
  const lines = before.split('\n')
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 }
}

/** A zod issue as one of our field problems (the words are ours; zod's English never reaches a person). */
function fieldProblem(issue: z.core.$ZodIssue, raw: unknown): FieldProblem {
  switch (issue.code) {
    case 'invalid_type': {
      let value: unknown = raw
      for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined
      return value === undefined ? 'missing' : 'type'
    }
    case 'too_big':
      return issue.origin === 'string' ? 'too-long' : 'too-big'
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'too-short' : 'too-small'
    case 'invalid_format':
      return 'format'
    case 'unrecognized_keys':
      return 'unknown-field'
    default:
      return 'value'
  }
}

/**
 * Checks one report file's text: size, JSON, schema id, every field, then the digest — computed
 * over the object as it was read (never over a re-parsed copy), so any change shows.
 */
export function verifyReportText(text: string, now: Date = new Date()): VerifyResult {
  if (text.length > REPORT_MAX_BYTES || Buffer.byteLength(text, 'utf8') > REPORT_MAX_BYTES) {
    return fail('too-large', `larger than ${REPORT_MAX_BYTES / 1024 / 1024} MB`, { sizeBytes: Buffer.byteLength(text, 'utf8'), limitBytes: REPORT_MAX_BYTES })
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const message = (error as Error).message
    return fail('not-json', message.slice(0, 300), jsonErrorPlace(message, text.replace(/^\uFEFF/, '')) ?? {})
  }
  return verifyReportValue(raw, now)
}

export function verifyReportValue(raw: unknown, now: Date = new Date()): VerifyResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not-a-report', 'not a JSON object', {})
  const schema = (raw as { schema?: unknown }).schema
  if (typeof schema !== 'string' || !schema.startsWith('virtlab.lab-report/')) {
    return fail(
      'not-a-report',
      `schema is ${typeof schema === 'string' ? JSON.stringify(schema.slice(0, 60)) : 'missing'}, expected "${LAB_REPORT_SCHEMA}"`,
      typeof schema === 'string' ? { found: schema.slice(0, 60) } : {},
    )
  }
  if (schema !== LAB_REPORT_SCHEMA) return fail('unsupported-version', `${schema.slice(0, 60)} (this app reads ${LAB_REPORT_SCHEMA})`, { found: schema.slice(0, 60) })
  const parsed = LabReportSchema.safeParse(raw)
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ')
    const fields = parsed.error.issues.slice(0, 3).map((issue) => ({
      path: issue.path.slice(0, 20).map((key) => (typeof key === 'number' ? key : String(key).slice(0, 100))),
      problem: fieldProblem(issue, raw),
    }))
    return fail('invalid', detail.slice(0, 1000), { fields })
  }
  const { integrity, ...body } = raw as Record<string, unknown> & { integrity: { digest: string } }
  let digest: string
  try {
    digest = reportDigest(body)
  } catch (error) {
    return fail('invalid', `cannot be serialized canonically: ${(error as Error).message}`, { fields: [{ path: [], problem: 'value' }] })
  }
  if (digest !== integrity.digest) {
    return fail('digest-mismatch', `recorded ${integrity.digest.slice(0, 12)}…, the content gives ${digest.slice(0, 12)}…`, {})
  }
  // Sealed, yet impossible: refused with its own reason (a tool can recompute the digest).
  const implausible = reportImplausibility(parsed.data, now)
  if (implausible) {
    // Which lab, as a place people read (“实验记录第 2 项”); the detail names it as labs[1].
    const lab = /^labs\[(\d+)\]/.exec(implausible.detail)
    return fail(implausible.code, implausible.detail, lab ? { fields: [{ path: ['labs', Number(lab[1])], problem: 'value' }] } : {})
  }
  return { ok: true, report: parsed.data }
}
