import { z } from 'zod'
import { CheckIdSchema, CheckStatusSchema, EvidenceSchema, FactValueSchema } from '../host/report'
import { LocaleSchema, LocalizedSchema } from '../i18n/locale'
import { AnswerSchema, QuestionResultSchema, QuestionViewSchema } from '../lessons/view'
import { CriterionResultSchema, StepProgressSchema } from '../records/events'
import { CriterionOpSchema, FactPathSchema, FigureNameSchema, LabIdSchema, StepDiagramSchema } from './schema'

/**
 * What the renderer sees of the labs: both languages of every text, the checks without quiz
 * answers, the student's progress, and the results of verifying a step.
 */

/** A lab folder (or one of its files) that could not be loaded. */
export const LabProblemSchema = z
  .object({
    /** The folder, e.g. `01-install-workstation`. */
    pack: z.string().max(300),
    /** The file, relative to the resources folder, e.g. `labs/01-install-workstation/lab.yaml`. */
    file: z.string().max(500),
    /** The field inside the file, e.g. `steps[2].check.source` ('' for the whole file). */
    field: z.string().max(300),
    message: z.string().max(2000),
  })
  .strict()
export type LabProblem = z.infer<typeof LabProblemSchema>

export const LAB_STATUSES = ['not-started', 'in-progress', 'done'] as const

export const LabSummarySchema = z
  .object({
    id: LabIdSchema,
    order: z.number().int(),
    demo: z.number().int(),
    estimatedMinutes: z.number().int(),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    stepCount: z.number().int().min(1),
    passedCount: z.number().int().min(0),
    status: z.enum(LAB_STATUSES),
    /** The first step not passed yet (the first step when all are done). */
    resumeStepId: LabIdSchema,
    lastAt: z.string().nullable(),
  })
  .strict()
export type LabSummary = z.infer<typeof LabSummarySchema>

export const LabListSchema = z.object({ labs: z.array(LabSummarySchema), problems: z.array(LabProblemSchema) }).strict()
export type LabList = z.infer<typeof LabListSchema>

const ValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const CriterionViewSchema = z
  .object({
    id: LabIdSchema,
    fact: FactPathSchema,
    op: CriterionOpSchema,
    value: z.union([ValueSchema, z.array(ValueSchema)]).optional(),
    label: LocalizedSchema,
  })
  .strict()
export type CriterionView = z.infer<typeof CriterionViewSchema>

export const CheckViewSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('auto'),
      source: CheckIdSchema,
      acceptStatus: z.array(CheckStatusSchema),
      forAny: FactPathSchema.nullable(),
      criteria: z.array(CriterionViewSchema),
    })
    .strict(),
  z.object({ kind: z.literal('manual'), confirm: LocalizedSchema, noteRequired: z.boolean() }).strict(),
  z.object({ kind: z.literal('quiz'), passScore: z.number().int(), questions: z.array(QuestionViewSchema) }).strict(),
])
export type CheckView = z.infer<typeof CheckViewSchema>

export const TroubleshootingViewSchema = z
  .object({
    id: LabIdSchema,
    when: z.union([z.object({ check: CheckIdSchema }).strict(), z.object({ criterion: LabIdSchema }).strict()]).nullable(),
    symptom: LocalizedSchema,
    /** Markdown */
    fix: LocalizedSchema,
    /** The last host check suggests this entry applies to this computer. */
    likely: z.boolean(),
  })
  .strict()
export type TroubleshootingView = z.infer<typeof TroubleshootingViewSchema>

export const StepViewSchema = z
  .object({
    id: LabIdSchema,
    title: LocalizedSchema,
    /** Markdown */
    body: LocalizedSchema,
    /** Markdown, one list per language. */
    tips: z.object({ 'zh-CN': z.array(z.string()), en: z.array(z.string()) }).strict(),
    figures: z.array(FigureNameSchema),
    diagram: StepDiagramSchema.nullable(),
    troubleshooting: z.array(TroubleshootingViewSchema),
    check: CheckViewSchema,
    progress: StepProgressSchema.nullable(),
  })
  .strict()
export type StepView = z.infer<typeof StepViewSchema>

export const LabViewSchema = z
  .object({
    id: LabIdSchema,
    order: z.number().int(),
    demo: z.number().int(),
    estimatedMinutes: z.number().int(),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    steps: z.array(StepViewSchema).min(1),
    resumeStepId: LabIdSchema,
    /** When the host report the `likely` marks come from was made (null: no check yet). */
    hostReportAt: z.string().nullable(),
  })
  .strict()
export type LabView = z.infer<typeof LabViewSchema>

export const VerifyInputSchema = z.discriminatedUnion('kind', [
  /** rerun: run a new host check even if one younger than a minute exists. */
  z.object({ kind: z.literal('auto'), rerun: z.boolean().default(false) }).strict(),
  z.object({ kind: z.literal('manual'), note: z.string().max(2000).default('') }).strict(),
  z.object({ kind: z.literal('quiz'), answers: z.array(AnswerSchema).max(20) }).strict(),
])
export type VerifyInput = z.input<typeof VerifyInputSchema>

export const AutoOutcomeSchema = z
  .object({
    checkId: CheckIdSchema,
    checkStatus: CheckStatusSchema,
    statusAccepted: z.boolean(),
    checkTitle: LocalizedSchema.nullable(),
    checkSummary: LocalizedSchema.nullable(),
    criteria: z.array(CriterionResultSchema),
    evidence: z.array(EvidenceSchema),
    matchedTroubleshooting: z.array(LabIdSchema),
    element: z.object({ index: z.number().int(), facts: z.record(z.string(), FactValueSchema) }).strict().nullable(),
    elementCount: z.number().int().nullable(),
    /** When the host report used was made, and whether it was reused (< 60 s old) or run now. */
    reportAt: z.string(),
    reused: z.boolean(),
  })
  .strict()
export type AutoOutcome = z.infer<typeof AutoOutcomeSchema>

export const QuizOutcomeSchema = z
  .object({
    score: z.number().int().min(0),
    total: z.number().int().min(1),
    passScore: z.number().int(),
    results: z.array(QuestionResultSchema),
  })
  .strict()
export type LabQuizOutcome = z.infer<typeof QuizOutcomeSchema>

export const VerifyResultSchema = z
  .object({
    labId: LabIdSchema,
    stepId: LabIdSchema,
    kind: z.enum(['auto', 'manual', 'quiz']),
    passed: z.boolean(),
    at: z.string(),
    /** The step's progress after this attempt was recorded. */
    progress: StepProgressSchema.nullable(),
    auto: AutoOutcomeSchema.nullable(),
    quiz: QuizOutcomeSchema.nullable(),
    manual: z.object({ note: z.string() }).strict().nullable(),
  })
  .strict()
export type VerifyResult = z.infer<typeof VerifyResultSchema>

export const FigureArgsSchema = z.tuple([LabIdSchema, FigureNameSchema, LocaleSchema])
