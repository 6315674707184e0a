import { z } from 'zod'
import { VerdictStatusSchema } from '../host/report'
import { StudentProfileSchema } from './profile'
import { LAB_STATUSES, REPORT_MAX_BYTES, RecordIdSchema, TitleSchema } from './report'

/** Why a report file was not taken into the class table. The UI and the CLI word each in their language. */
export const REJECTION_CODES = [
  'too-large',
  'unreadable',
  'not-json',
  'not-a-report',
  'unsupported-version',
  'invalid',
  'digest-mismatch',
  'steps-mismatch',
  'empty-completed',
  'future-date',
  'duplicate-file',
  'duplicate-student',
] as const
export type RejectionCode = (typeof REJECTION_CODES)[number]

export const RejectedFileSchema = z
  .object({
    file: z.string().max(1000),
    code: z.enum(REJECTION_CODES),
    /** Technical detail (the field and the problem, the other file's name…), never the file's content. */
    detail: z.string().max(2000),
  })
  .strict()
export type RejectedFile = z.infer<typeof RejectedFileSchema>

export const ClassLabCellSchema = z
  .object({
    status: z.enum(LAB_STATUSES),
    passed: z.number().int().min(0),
    total: z.number().int().min(0),
    completedAt: z.string().nullable(),
  })
  .strict()
export type ClassLabCell = z.infer<typeof ClassLabCellSchema>

export const ClassRowSchema = z
  .object({
    /** The report's digest: unique in the class. */
    id: z.string().regex(/^[0-9a-f]{64}$/),
    file: z.string().max(1000),
    student: StudentProfileSchema,
    generatedAt: z.string(),
    labs: z.record(z.string(), ClassLabCellSchema),
    labsCompleted: z.number().int().min(0),
    /** When the last lab was completed, once every lab is. */
    completedAt: z.string().nullable(),
    verdict: VerdictStatusSchema.nullable(),
    checkedAt: z.string().nullable(),
    /** Mean of each lesson's best quiz score, in percent. */
    quizAverage: z.number().min(0).max(100).nullable(),
  })
  .strict()
export type ClassRow = z.infer<typeof ClassRowSchema>

export const ClassViewSchema = z
  .object({
    /** Every lab any report mentions, in the order the reports list them. */
    labs: z.array(z.object({ id: RecordIdSchema, title: TitleSchema.nullable() }).strict()),
    rows: z.array(ClassRowSchema),
    rejected: z.array(RejectedFileSchema),
  })
  .strict()
export type ClassView = z.infer<typeof ClassViewSchema>

/** A file the teacher dropped: the renderer reads it, or sends `text: null` when it is too large (or cannot) be read. */
export const ImportFileSchema = z
  .object({
    name: z.string().max(1000),
    size: z.number().int().min(0),
    text: z.string().max(REPORT_MAX_BYTES).nullable(),
  })
  .strict()
export type ImportFile = z.infer<typeof ImportFileSchema>
