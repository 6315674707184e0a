import canonicalize from 'canonicalize'
import { createHash } from 'node:crypto'
import type { RejectionCode } from '../../shared/records/class-view'
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
  | { readonly ok: false; readonly code: RejectionCode; readonly detail: string }

function fail(code: RejectionCode, detail: string): VerifyResult {
  return { ok: false, code, detail }
}

/**
 * Checks one report file's text: size, JSON, schema id, every field, then the digest — computed
 * over the object as it was read (never over a re-parsed copy), so any change shows.
 */
export function verifyReportText(text: string, now: Date = new Date()): VerifyResult {
  if (text.length > REPORT_MAX_BYTES || Buffer.byteLength(text, 'utf8') > REPORT_MAX_BYTES) {
    return fail('too-large', `larger than ${REPORT_MAX_BYTES / 1024 / 1024} MB`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return fail('not-json', (error as Error).message.slice(0, 300))
  }
  return verifyReportValue(raw, now)
}

export function verifyReportValue(raw: unknown, now: Date = new Date()): VerifyResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not-a-report', 'not a JSON object')
  const schema = (raw as { schema?: unknown }).schema
  if (typeof schema !== 'string' || !schema.startsWith('virtlab.lab-report/')) {
    return fail('not-a-report', `schema is ${typeof schema === 'string' ? JSON.stringify(schema.slice(0, 60)) : 'missing'}, expected "${LAB_REPORT_SCHEMA}"`)
  }
  if (schema !== LAB_REPORT_SCHEMA) return fail('unsupported-version', `${schema.slice(0, 60)} (this app reads ${LAB_REPORT_SCHEMA})`)
  const parsed = LabReportSchema.safeParse(raw)
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ')
    return fail('invalid', detail.slice(0, 1000))
  }
  const { integrity, ...body } = raw as Record<string, unknown> & { integrity: { digest: string } }
  let digest: string
  try {
    digest = reportDigest(body)
  } catch (error) {
    return fail('invalid', `cannot be serialized canonically: ${(error as Error).message}`)
  }
  if (digest !== integrity.digest) {
    return fail('digest-mismatch', `recorded ${integrity.digest.slice(0, 12)}…, the content gives ${digest.slice(0, 12)}…`)
  }
  // Sealed, yet impossible: refused with its own reason (a tool can recompute the digest).
  const implausible = reportImplausibility(parsed.data, now)
  if (implausible) return fail(implausible.code, implausible.detail)
  return { ok: true, report: parsed.data }
}
