import { z } from 'zod'
import { LocalizedSchema } from '../i18n/locale'
import { CheckIdSchema, EvidenceSchema, RECORDED_CHECK_STATUSES } from '../host/report'

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)

/** One lab criterion as it was judged when the step was verified. */
export const CriterionResultSchema = z
  .object({
    id: Id,
    label: LocalizedSchema,
    passed: z.boolean(),
    /** What the machine showed, e.g. "4096" or "nat" (or "—" when absent). */
    actual: z.string().max(500),
  })
  .strict()
export type CriterionResult = z.infer<typeof CriterionResultSchema>

/** How a step was verified. */
export const VerificationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('auto'),
      checkId: CheckIdSchema,
      checkStatus: z.enum(RECORDED_CHECK_STATUSES),
      criteria: z.array(CriterionResultSchema).max(50),
      /** An evidence snapshot from the host check (short excerpts). */
      evidence: z.array(EvidenceSchema).max(10),
    })
    .strict(),
  z.object({ kind: z.literal('manual'), note: z.string().max(2000) }).strict(),
  z
    .object({
      kind: z.literal('quiz'),
      score: z.number().int().min(0),
      total: z.number().int().min(1),
    })
    .strict(),
])
export type Verification = z.infer<typeof VerificationSchema>

/**
 * A lab step attempt: what the runner hands the records store every time a step is checked,
 * confirmed or answered. `passed` attempts complete the step; failed ones count as attempts.
 */
export const StepAttemptSchema = z
  .object({
    labId: Id,
    stepId: Id,
    passed: z.boolean(),
    verification: VerificationSchema,
    at: z.string().datetime(),
  })
  .strict()
export type StepAttempt = z.infer<typeof StepAttemptSchema>

/** A lesson quiz taken. */
export const QuizResultSchema = z
  .object({
    lessonId: Id,
    score: z.number().int().min(0),
    total: z.number().int().min(1),
    answers: z.array(z.object({ questionId: z.string().max(80), correct: z.boolean() }).strict()).max(100),
    at: z.string().datetime(),
  })
  .strict()
export type QuizResult = z.infer<typeof QuizResultSchema>

/** Per-step progress as the lab runner needs it (resume, badges). */
export const StepProgressSchema = z
  .object({
    status: z.enum(['passed', 'failed']),
    attempts: z.number().int().min(0),
    lastAt: z.string(),
    passedAt: z.string().nullable(),
  })
  .strict()
export type StepProgress = z.infer<typeof StepProgressSchema>

export const LabProgressSchema = z.record(z.string(), z.record(z.string(), StepProgressSchema))
/** labId → stepId → progress */
export type LabProgress = z.infer<typeof LabProgressSchema>
