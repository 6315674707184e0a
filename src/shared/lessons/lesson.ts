import { z } from 'zod'
import { LocalizedSchema } from '../i18n/locale'

/**
 * The lesson content format (docs/content-format.md, "Lessons"): `lesson.yaml` and `questions.yaml`
 * as the teacher writes them, with the answers. Only main reads these; the renderer gets views
 * without the answers (see view.ts).
 */

export const KebabIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be kebab-case: lowercase letters, digits and "-" (at most 63 characters)')

/** The interactive diagrams the app draws, one per lesson. */
export const DIAGRAM_IDS = [
  'virtualization-layers',
  'infrastructure',
  'hypervisor-types',
  'address-translation',
  'live-migration',
  'storage-virtualization',
  'network-modes',
  'io-stacks',
] as const
export const DiagramIdSchema = z.enum(DIAGRAM_IDS)
export type DiagramId = z.infer<typeof DiagramIdSchema>

/** `lesson.yaml` */
export const LessonMetaSchema = z
  .object({
    id: KebabIdSchema,
    order: z.number().int().min(1).max(999),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    diagram: DiagramIdSchema,
    /** Which parts of the lecture seeds the lesson covers (see docs/lecture-coverage.md). */
    seedSections: z.array(z.string().min(1).max(300)).min(1).max(100),
  })
  .strict()
export type LessonMeta = z.infer<typeof LessonMetaSchema>

const ShortIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be kebab-case (at most 40 characters)')

export const OptionSchema = z
  .object({
    id: ShortIdSchema,
    text: LocalizedSchema,
    correct: z.boolean().optional(),
  })
  .strict()
export type Option = z.infer<typeof OptionSchema>

export const OrderItemSchema = z.object({ id: ShortIdSchema, text: LocalizedSchema }).strict()
export type OrderItem = z.infer<typeof OrderItemSchema>

export const PairSchema = z.object({ id: ShortIdSchema, left: LocalizedSchema, right: LocalizedSchema }).strict()
export type Pair = z.infer<typeof PairSchema>

const QuestionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be kebab-case (at most 80 characters)')

const common = {
  id: QuestionIdSchema,
  prompt: LocalizedSchema,
  explanation: LocalizedSchema,
}

function uniqueIds(list: readonly { id: string }[], ctx: z.RefinementCtx, field: string): void {
  const seen = new Set<string>()
  list.forEach((entry, index) => {
    if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [field, index, 'id'], message: `duplicate id "${entry.id}"` })
    seen.add(entry.id)
  })
}

function distinctTexts(texts: readonly Record<string, string>[], ctx: z.RefinementCtx, field: string, key: string): void {
  for (const lang of ['zh-CN', 'en']) {
    const seen = new Set<string>()
    texts.forEach((text, index) => {
      const value = (text[lang] ?? '').trim()
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [field, index, key, lang], message: `the same text appears twice: "${value}"` })
      seen.add(value)
    })
  }
}

export const SingleQuestionSchema = z
  .object({ ...common, type: z.literal('single'), options: z.array(OptionSchema).min(3).max(5) })
  .strict()
  .superRefine((q, ctx) => {
    uniqueIds(q.options, ctx, 'options')
    const correct = q.options.filter((o) => o.correct === true).length
    if (correct !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `a single-choice question needs exactly one correct option (found ${correct})` })
  })

export const MultipleQuestionSchema = z
  .object({ ...common, type: z.literal('multiple'), options: z.array(OptionSchema).min(3).max(5) })
  .strict()
  .superRefine((q, ctx) => {
    uniqueIds(q.options, ctx, 'options')
    const correct = q.options.filter((o) => o.correct === true).length
    if (correct < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: `a multiple-choice question needs at least two correct options (found ${correct})` })
  })

export const OrderingQuestionSchema = z
  .object({
    ...common,
    type: z.literal('ordering'),
    /** In the correct order; the app shuffles them. */
    items: z.array(OrderItemSchema).min(3).max(10),
  })
  .strict()
  .superRefine((q, ctx) => {
    uniqueIds(q.items, ctx, 'items')
    distinctTexts(
      q.items.map((i) => i.text),
      ctx,
      'items',
      'text',
    )
  })

export const MatchingQuestionSchema = z
  .object({
    ...common,
    type: z.literal('matching'),
    /** Left ↔ right, correctly paired; the app shuffles the right column. */
    pairs: z.array(PairSchema).min(3).max(8),
  })
  .strict()
  .superRefine((q, ctx) => {
    uniqueIds(q.pairs, ctx, 'pairs')
    distinctTexts(
      q.pairs.map((p) => p.right),
      ctx,
      'pairs',
      'right',
    )
    distinctTexts(
      q.pairs.map((p) => p.left),
      ctx,
      'pairs',
      'left',
    )
  })

export const QUESTION_TYPES = ['single', 'multiple', 'ordering', 'matching'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

export const QuestionSchema = z.discriminatedUnion('type', [
  SingleQuestionSchema,
  MultipleQuestionSchema,
  OrderingQuestionSchema,
  MatchingQuestionSchema,
])
export type Question = z.infer<typeof QuestionSchema>
export type SingleQuestion = z.infer<typeof SingleQuestionSchema>
export type MultipleQuestion = z.infer<typeof MultipleQuestionSchema>
export type OrderingQuestion = z.infer<typeof OrderingQuestionSchema>
export type MatchingQuestion = z.infer<typeof MatchingQuestionSchema>

/** `questions.yaml` */
export const QuestionsFileSchema = z
  .array(QuestionSchema)
  .min(1)
  .max(100)
  .superRefine((list, ctx) => uniqueIds(list, ctx, ''))

/** A lesson as main holds it: metadata, both bodies, and the question bank with answers. */
export interface Lesson {
  readonly meta: LessonMeta
  /** The folder name, e.g. `04-cpu-memory-io`. */
  readonly dir: string
  readonly body: { readonly 'zh-CN': string; readonly en: string }
  readonly questions: readonly Question[]
}

/** Question ids that occur in more than one place across lessons: id → lesson ids. */
export function duplicateQuestionIds(lessons: readonly { meta: { id: string }; questions: readonly { id: string }[] }[]): Map<string, string[]> {
  const where = new Map<string, string[]>()
  for (const lesson of lessons) for (const q of lesson.questions) where.set(q.id, [...(where.get(q.id) ?? []), lesson.meta.id])
  return new Map([...where].filter(([, ids]) => ids.length > 1))
}

/** Turns zod issues into "field: message" lines, with paths like `[3].options[1].text.en`. */
export function describeIssues(error: z.ZodError, limit = 10): string[] {
  return error.issues.slice(0, limit).map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`)
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else if (part === '') continue
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}
