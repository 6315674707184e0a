import { z } from 'zod'
import { QuizResultSchema, VerificationSchema } from './events'
import { StudentProfileSchema } from './profile'
import { HostSnapshotSchema, LIMITS } from './report'

/** The records store's layout version (see src/main/records/records-store.ts for migrations). */
export const RECORDS_STORE_VERSION = 1
/** Quiz results kept (the oldest are dropped beyond this; the report keeps best and last per lesson). */
export const MAX_STORED_QUIZZES = 1000

export const StoredAttemptSchema = z
  .object({ passed: z.boolean(), at: z.string().datetime(), verification: VerificationSchema })
  .strict()
export type StoredAttempt = z.infer<typeof StoredAttemptSchema>

export const StoredStepSchema = z
  .object({
    attempts: z.number().int().min(1),
    firstAt: z.string().datetime(),
    lastAt: z.string().datetime(),
    passedAt: z.string().datetime().nullable(),
    /** The first attempt that passed: its evidence stays even when `recent` rolls over. */
    passedAttempt: StoredAttemptSchema.nullable(),
    /** The latest attempts, oldest first. */
    recent: z.array(StoredAttemptSchema).max(LIMITS.history),
  })
  .strict()
export type StoredStep = z.infer<typeof StoredStepSchema>

export const RecordsDataSchema = z
  .object({
    profile: StudentProfileSchema.nullable(),
    /** labId → stepId → step */
    labs: z.record(z.string(), z.record(z.string(), StoredStepSchema)),
    quizzes: z.array(QuizResultSchema).max(MAX_STORED_QUIZZES),
    /** Finished host checks, oldest first. */
    hostChecks: z.array(HostSnapshotSchema).max(LIMITS.hostChecks),
  })
  .strict()
export type RecordsData = z.infer<typeof RecordsDataSchema>

export function emptyRecords(): RecordsData {
  return { profile: null, labs: {}, quizzes: [], hostChecks: [] }
}
