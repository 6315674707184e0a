import { z } from 'zod'
import type { Localized } from '../i18n/locale'
import { RECORDED_CHECK_STATUSES, VerdictStatusSchema } from '../host/report'
import { StudentProfileSchema } from './profile'

/** The JSON report's schema id. A new incompatible layout gets /2; readers refuse what they do not know. */
export const LAB_REPORT_SCHEMA = 'virtlab.lab-report/1'
/** The file name every exported report ends with. */
export const LAB_REPORT_SUFFIX = '.virtlab-report.json'
/** Reports larger than this are refused unread (a real one is a few tens of KB). */
export const REPORT_MAX_BYTES = 5 * 1024 * 1024

export const RecordIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
const CheckIdTextSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/)
const IsoTime = z.string().datetime()

export const TitleSchema = z.object({ 'zh-CN': z.string().min(1).max(300), en: z.string().min(1).max(300) }).strict()

// ── Limits the report builder clips to, so that every report it writes also passes its own schema ──
export const LIMITS = {
  excerpt: 4000,
  probe: 200,
  actual: 500,
  note: 2000,
  machineText: 200,
  criteria: 50,
  evidence: 10,
  history: 20,
  hostChecks: 20,
  checks: 60,
  labs: 50,
  steps: 100,
  quizzes: 100,
} as const

/** One host-check result as the records keep it: the verdict, each check's status, the machine. */
export const MachineSchema = z
  .object({
    os: z.string().max(LIMITS.machineText),
    osVersion: z.string().max(LIMITS.machineText),
    arch: z.string().max(LIMITS.machineText),
    cpu: z
      .object({
        vendor: z.string().max(LIMITS.machineText),
        brand: z.string().max(LIMITS.machineText),
        cores: z.number().int().min(0).max(100_000).nullable(),
      })
      .strict(),
    memoryBytes: z.number().min(0).max(2 ** 60).nullable(),
    manufacturer: z.string().max(LIMITS.machineText),
    model: z.string().max(LIMITS.machineText),
  })
  .strict()
export type Machine = z.infer<typeof MachineSchema>

export const HostSnapshotSchema = z
  .object({
    at: IsoTime,
    verdict: VerdictStatusSchema,
    checks: z.array(z.object({ id: CheckIdTextSchema, status: z.enum(RECORDED_CHECK_STATUSES) }).strict()).max(LIMITS.checks),
    host: MachineSchema,
  })
  .strict()
export type HostSnapshot = z.infer<typeof HostSnapshotSchema>

export const ReportVerificationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('auto'),
      checkId: CheckIdTextSchema,
      checkStatus: z.enum(RECORDED_CHECK_STATUSES),
      criteria: z
        .array(
          z
            .object({ id: RecordIdSchema, label: TitleSchema, passed: z.boolean(), actual: z.string().max(LIMITS.actual) })
            .strict(),
        )
        .max(LIMITS.criteria),
      evidence: z
        .array(z.object({ probe: z.string().max(LIMITS.probe), excerpt: z.string().max(LIMITS.excerpt) }).strict())
        .max(LIMITS.evidence),
    })
    .strict(),
  z.object({ kind: z.literal('manual'), note: z.string().max(LIMITS.note) }).strict(),
  z
    .object({ kind: z.literal('quiz'), score: z.number().int().min(0).max(10_000), total: z.number().int().min(1).max(10_000) })
    .strict()
    .refine((q) => q.score <= q.total, { message: 'score is larger than total' }),
])
export type ReportVerification = z.infer<typeof ReportVerificationSchema>

export const STEP_STATUSES = ['passed', 'failed', 'not-started'] as const
export const LAB_STATUSES = ['completed', 'in-progress', 'not-started'] as const
export type StepStatus = (typeof STEP_STATUSES)[number]
export type LabStatus = (typeof LAB_STATUSES)[number]

export const ReportStepSchema = z
  .object({
    id: RecordIdSchema,
    title: TitleSchema.nullable(),
    status: z.enum(STEP_STATUSES),
    attempts: z.number().int().min(0).max(1_000_000),
    firstAt: IsoTime.nullable(),
    lastAt: IsoTime.nullable(),
    passedAt: IsoTime.nullable(),
    /** How the step was verified: the passing attempt's, or the last attempt's when none passed. */
    verification: ReportVerificationSchema.nullable(),
    /** The most recent attempts (time and outcome), oldest first. */
    history: z.array(z.object({ at: IsoTime, passed: z.boolean() }).strict()).max(LIMITS.history),
  })
  .strict()
export type ReportStep = z.infer<typeof ReportStepSchema>

export const ReportLabSchema = z
  .object({
    id: RecordIdSchema,
    title: TitleSchema.nullable(),
    status: z.enum(LAB_STATUSES),
    stepCount: z.number().int().min(0).max(LIMITS.steps),
    passedCount: z.number().int().min(0).max(LIMITS.steps),
    completedAt: IsoTime.nullable(),
    steps: z.array(ReportStepSchema).max(LIMITS.steps),
  })
  .strict()
export type ReportLab = z.infer<typeof ReportLabSchema>

const ScoreSchema = z
  .object({ score: z.number().int().min(0).max(10_000), total: z.number().int().min(1).max(10_000), at: IsoTime })
  .strict()

export const ReportQuizSchema = z
  .object({
    lessonId: RecordIdSchema,
    title: TitleSchema.nullable(),
    attempts: z.number().int().min(1).max(1_000_000),
    best: ScoreSchema,
    last: ScoreSchema,
  })
  .strict()
export type ReportQuiz = z.infer<typeof ReportQuizSchema>

/** Everything the records show, minus who and when: the Records page and the report share it. */
export const RecordsContentSchema = z
  .object({
    machine: HostSnapshotSchema.nullable(),
    hostCheckHistory: z.array(z.object({ at: IsoTime, verdict: VerdictStatusSchema }).strict()).max(LIMITS.hostChecks),
    labs: z.array(ReportLabSchema).max(LIMITS.labs),
    quizzes: z.array(ReportQuizSchema).max(LIMITS.quizzes),
  })
  .strict()
export type RecordsContent = z.infer<typeof RecordsContentSchema>

export const ReportBodySchema = z
  .object({
    schema: z.literal(LAB_REPORT_SCHEMA),
    generatedAt: IsoTime,
    generator: z.object({ name: z.string().max(80), version: z.string().max(40), platform: z.string().max(40) }).strict(),
    student: StudentProfileSchema,
    ...RecordsContentSchema.shape,
  })
  .strict()
export type ReportBody = z.infer<typeof ReportBodySchema>

export const IntegritySchema = z
  .object({
    algorithm: z.literal('SHA-256'),
    canonicalization: z.literal('RFC 8785'),
    /** Lowercase hex SHA-256 of the RFC 8785 serialization of the report without this member. */
    digest: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()

export const LabReportSchema = ReportBodySchema.extend({ integrity: IntegritySchema }).strict()
export type LabReport = z.infer<typeof LabReportSchema>

/** How far in the future a report's `generatedAt` may be: clocks and time zones set wrong on either machine. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000

/** A report that passes the schema but cannot be true. */
export interface ReportImplausibility {
  readonly code: 'steps-mismatch' | 'empty-completed' | 'future-date'
  readonly detail: string
}

/**
 * Checks what the schema cannot: a lab with more passed steps than steps, a “completed” lab
 * without steps, a report made in the future (a year-9999 date would win every duplicate tie).
 */
export function reportImplausibility(report: Pick<ReportBody, 'generatedAt' | 'labs'>, now: Date): ReportImplausibility | null {
  for (const [i, lab] of report.labs.entries()) {
    const passedSteps = lab.steps.filter((s) => s.status === 'passed').length
    if (lab.passedCount > lab.stepCount || passedSteps > lab.stepCount || lab.steps.length > lab.stepCount) {
      return { code: 'steps-mismatch', detail: `labs[${i}] (${lab.id}): ${Math.max(lab.passedCount, passedSteps)} passed of ${lab.stepCount} steps` }
    }
    if (lab.status === 'completed' && lab.stepCount === 0) return { code: 'empty-completed', detail: `labs[${i}] (${lab.id}): completed with 0 steps` }
  }
  const generated = Date.parse(report.generatedAt)
  if (!(generated <= now.getTime() + CLOCK_SKEW_MS)) {
    return { code: 'future-date', detail: `generatedAt ${report.generatedAt.slice(0, 40)} is after ${new Date(now.getTime() + CLOCK_SKEW_MS).toISOString()}` }
  }
  return null
}

/** What the records know about the course's labs and lessons (titles, step order). */
export interface RecordsCatalog {
  readonly labs: readonly {
    readonly id: string
    readonly title: Localized
    readonly steps: readonly { readonly id: string; readonly title: Localized | null }[]
  }[]
  readonly lessons: readonly { readonly id: string; readonly title: Localized }[]
  /** The course's canonical name from resources/course.yaml (the profile's default). */
  readonly course?: string
}
export const EMPTY_CATALOG: RecordsCatalog = { labs: [], lessons: [] }
