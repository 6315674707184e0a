import { z } from 'zod'
import { CHECK_IDS, CheckIdSchema, CheckStatusSchema } from '../host/report'
import { LocalizedSchema } from '../i18n/locale'
import { QuestionSchema } from '../lessons/lesson'

/**
 * The lab pack content format (docs/content-format.md, "Lab packs"): `lab.yaml` and the front
 * matter of the step files, as the teacher writes them. Only main reads these; the renderer gets
 * views (view.ts).
 */

const KEBAB = /^[a-z0-9][a-z0-9-]{0,62}$/
export const LabIdSchema = z.string().regex(KEBAB, 'must be kebab-case: lowercase letters, digits and "-" (at most 63 characters)')

/** A dotted path into a check's facts (or into one element of a list fact, with `forAny`). */
export const FactPathSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'must be a dotted path such as "vmnet8.adapterUp"')

export const CRITERION_OPS = ['==', '!=', '>', '>=', '<', '<=', 'in', 'exists', 'matches'] as const
export const CriterionOpSchema = z.enum(CRITERION_OPS)
export type CriterionOp = z.infer<typeof CriterionOpSchema>

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])
export type CriterionScalar = z.infer<typeof Scalar>

export const CriterionSchema = z
  .object({
    id: LabIdSchema,
    fact: FactPathSchema,
    op: CriterionOpSchema,
    /** ==/!= a scalar; > >= < <= a number; in a list of scalars; matches a regular expression; exists: true (default) or false. */
    value: z.union([Scalar, z.array(Scalar).min(1).max(50)]).optional(),
    label: LocalizedSchema,
  })
  .strict()
  .superRefine((c, ctx) => {
    const bad = (message: string): void => ctx.addIssue({ code: 'custom', path: ['value'], message })
    switch (c.op) {
      case '==':
      case '!=':
        if (c.value === undefined || Array.isArray(c.value)) bad(`"${c.op}" needs one value (a string, number, true/false or null)`)
        break
      case '>':
      case '>=':
      case '<':
      case '<=':
        if (typeof c.value !== 'number') bad(`"${c.op}" needs a number`)
        break
      case 'in':
        if (!Array.isArray(c.value)) bad('"in" needs a list of values, e.g. [nat, bridged]')
        break
      case 'exists':
        if (c.value !== undefined && typeof c.value !== 'boolean') bad('"exists" takes no value (or true/false)')
        break
      case 'matches':
        if (typeof c.value !== 'string') bad('"matches" needs a regular expression as a string')
        else
          try {
            new RegExp(c.value)
          } catch (error) {
            bad(`not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`)
          }
        break
    }
  })
export type Criterion = z.infer<typeof CriterionSchema>

export const TroubleshootingWhenSchema = z.union([
  z.object({ check: CheckIdSchema }).strict(),
  z.object({ criterion: LabIdSchema }).strict(),
])
export type TroubleshootingWhen = z.infer<typeof TroubleshootingWhenSchema>

export const TroubleshootingRefSchema = z
  .object({
    id: LabIdSchema,
    /** When the entry applies; without it the entry is always listed, never highlighted. */
    when: TroubleshootingWhenSchema.optional(),
  })
  .strict()
export type TroubleshootingRef = z.infer<typeof TroubleshootingRefSchema>

export const AutoCheckSchema = z
  .object({
    kind: z.literal('auto'),
    source: z.enum(CHECK_IDS, { error: (issue) => `unknown check id ${JSON.stringify(issue.input)} (known: ${CHECK_IDS.join(', ')})` }),
    /** The statuses of the host check itself that let the step pass. */
    acceptStatus: z.array(CheckStatusSchema).min(1).default(['pass', 'warn']),
    /** A list fact: the criteria must all hold for at least one element. */
    forAny: FactPathSchema.optional(),
    criteria: z.array(CriterionSchema).max(20).default([]),
  })
  .strict()
export type AutoCheck = z.infer<typeof AutoCheckSchema>

export const ManualCheckSchema = z
  .object({
    kind: z.literal('manual'),
    confirm: LocalizedSchema,
    noteRequired: z.boolean().default(false),
  })
  .strict()
export type ManualCheck = z.infer<typeof ManualCheckSchema>

export const QuizCheckSchema = z
  .object({
    kind: z.literal('quiz'),
    passScore: z.number().int().min(1),
    questions: z.array(QuestionSchema).min(1).max(10),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.passScore > q.questions.length)
      ctx.addIssue({ code: 'custom', path: ['passScore'], message: `passScore ${q.passScore} is more than the ${q.questions.length} question(s)` })
  })
export type QuizCheck = z.infer<typeof QuizCheckSchema>

export const StepCheckSchema = z.discriminatedUnion('kind', [AutoCheckSchema, ManualCheckSchema, QuizCheckSchema])
export type StepCheck = z.infer<typeof StepCheckSchema>

/** Diagrams the app draws itself (React + SVG) from this machine's facts. */
export const STEP_DIAGRAMS = ['network-topology'] as const
export const StepDiagramSchema = z.enum(STEP_DIAGRAMS)
export type StepDiagram = z.infer<typeof StepDiagramSchema>

export const FigureNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,80}\.svg$/, 'must be a file name in figures/ ending in .svg (letters, digits, "-" and "_")')

export const StepSpecSchema = z
  .object({
    id: LabIdSchema,
    figures: z.array(FigureNameSchema).max(10).default([]),
    diagram: StepDiagramSchema.optional(),
    troubleshooting: z.array(TroubleshootingRefSchema).max(30).default([]),
    check: StepCheckSchema,
  })
  .strict()
export type StepSpec = z.infer<typeof StepSpecSchema>

/** `lab.yaml` */
export const LabYamlSchema = z
  .object({
    id: LabIdSchema,
    order: z.number().int().min(0).max(999),
    demo: z.number().int().min(0).max(99),
    estimatedMinutes: z.number().int().min(1).max(600),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    steps: z.array(StepSpecSchema).min(1).max(40),
  })
  .strict()
export type LabYaml = z.infer<typeof LabYamlSchema>

/** Front matter of `steps/<step-id>.<lang>.md` */
export const StepFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    tips: z.array(z.string().trim().min(1).max(2000)).max(20).default([]),
    troubleshooting: z
      .record(
        LabIdSchema,
        z.object({ symptom: z.string().trim().min(1).max(1000), fix: z.string().trim().min(1).max(10_000) }).strict(),
      )
      .default({}),
  })
  .strict()
export type StepFrontMatter = z.infer<typeof StepFrontMatterSchema>

/** A lab quiz passes with all but at most one answer right (or the pack's own passScore, if stricter). */
export function labQuizPassScore(passScore: number, questionCount: number): number {
  return Math.min(questionCount, Math.max(passScore, questionCount - 1))
}
