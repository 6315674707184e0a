import { z } from 'zod'
import { LocalizedSchema } from '../i18n/locale'
import { DiagramIdSchema, KebabIdSchema, type Lesson, type Question } from './lesson'
import { hashString, seededShuffle } from './shuffle'

/**
 * What the renderer sees of a lesson: both languages of the text, and the questions WITHOUT their
 * answers — ordering items shuffled, the matching right column shuffled under opaque ids.
 */

const Id = z.string().min(1).max(80)
const TextItemSchema = z.object({ id: Id, text: LocalizedSchema }).strict()
export type TextItem = z.infer<typeof TextItemSchema>

export const QuestionViewSchema = z.discriminatedUnion('type', [
  z.object({ id: Id, type: z.literal('single'), prompt: LocalizedSchema, options: z.array(TextItemSchema).max(10) }).strict(),
  z.object({ id: Id, type: z.literal('multiple'), prompt: LocalizedSchema, options: z.array(TextItemSchema).max(10) }).strict(),
  z.object({ id: Id, type: z.literal('ordering'), prompt: LocalizedSchema, items: z.array(TextItemSchema).max(20) }).strict(),
  z
    .object({
      id: Id,
      type: z.literal('matching'),
      prompt: LocalizedSchema,
      left: z.array(TextItemSchema).max(20),
      right: z.array(TextItemSchema).max(20),
    })
    .strict(),
])
export type QuestionView = z.infer<typeof QuestionViewSchema>

export const LessonHeaderSchema = z
  .object({
    id: KebabIdSchema,
    order: z.number().int(),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    diagram: DiagramIdSchema,
    questionCount: z.number().int().min(0),
  })
  .strict()

export const LessonViewSchema = LessonHeaderSchema.extend({
  seedSections: z.array(z.string()),
  /** Markdown, one per language. */
  body: LocalizedSchema,
  questions: z.array(QuestionViewSchema),
  /** The seed the quiz was shuffled with. */
  seed: z.string().max(200),
}).strict()
export type LessonView = z.infer<typeof LessonViewSchema>

export const BestScoreSchema = z.object({ score: z.number().int(), total: z.number().int(), at: z.string() }).strict()
export type BestScore = z.infer<typeof BestScoreSchema>

export const LessonSummarySchema = LessonHeaderSchema.extend({
  attempts: z.number().int().min(0),
  best: BestScoreSchema.nullable(),
}).strict()
export type LessonSummary = z.infer<typeof LessonSummarySchema>

/** A lesson folder that could not be loaded: where, and what is wrong (file: field: message). */
export const LessonProblemSchema = z.object({ dir: z.string(), messages: z.array(z.string()) }).strict()
export type LessonProblem = z.infer<typeof LessonProblemSchema>

export const LessonListSchema = z.object({ lessons: z.array(LessonSummarySchema), problems: z.array(LessonProblemSchema) }).strict()
export type LessonList = z.infer<typeof LessonListSchema>

// --- answers and results ------------------------------------------------------------------------

const Choice = z.string().min(1).max(80)
export const AnswerSchema = z.discriminatedUnion('type', [
  z.object({ questionId: Id, type: z.literal('single'), choice: Choice }).strict(),
  z.object({ questionId: Id, type: z.literal('multiple'), choices: z.array(Choice).max(10) }).strict(),
  /** Item ids in the student's order. */
  z.object({ questionId: Id, type: z.literal('ordering'), order: z.array(Choice).max(20) }).strict(),
  /** Left id → the (opaque) id of the right-column entry chosen for it. */
  z.object({ questionId: Id, type: z.literal('matching'), pairs: z.record(Choice, Choice) }).strict(),
])
export type Answer = z.infer<typeof AnswerSchema>

/** The right answer, in the view's ids, revealed once a question has been answered. */
export const SolutionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), correct: z.array(Choice) }).strict(),
  z.object({ type: z.literal('multiple'), correct: z.array(Choice) }).strict(),
  z.object({ type: z.literal('ordering'), order: z.array(Choice) }).strict(),
  z.object({ type: z.literal('matching'), pairs: z.record(Choice, Choice) }).strict(),
])
export type Solution = z.infer<typeof SolutionSchema>

export const QuestionResultSchema = z
  .object({
    questionId: Id,
    answered: z.boolean(),
    correct: z.boolean(),
    explanation: LocalizedSchema,
    solution: SolutionSchema,
  })
  .strict()
export type QuestionResult = z.infer<typeof QuestionResultSchema>

export const QuizOutcomeSchema = z
  .object({
    lessonId: KebabIdSchema,
    score: z.number().int().min(0),
    total: z.number().int().min(1),
    results: z.array(QuestionResultSchema),
    at: z.string(),
    /** Best result so far, including this one. */
    best: BestScoreSchema,
    attempts: z.number().int().min(1),
  })
  .strict()
export type QuizOutcome = z.infer<typeof QuizOutcomeSchema>

// --- building views -----------------------------------------------------------------------------

/**
 * The id the right-column entry of a matching pair carries in the view. Derived from the pair, not
 * from its position, so it reveals nothing about which left entry it belongs to.
 */
export function matchingRightIds(question: { id: string; pairs: readonly { id: string }[] }): Map<string, string> {
  const ids = new Map<string, string>()
  const used = new Set<string>()
  for (const pair of question.pairs) {
    let id = `r${hashString(`${question.id}/${pair.id}`).toString(36)}`
    for (let n = 2; used.has(id); n += 1) id = `r${hashString(`${question.id}/${pair.id}/${n}`).toString(36)}`
    used.add(id)
    ids.set(pair.id, id)
  }
  return ids
}

export function questionView(question: Question, seed: string): QuestionView {
  const base = { id: question.id, prompt: question.prompt }
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { ...base, type: question.type, options: question.options.map((o) => ({ id: o.id, text: o.text })) }
    case 'ordering':
      return { ...base, type: 'ordering', items: seededShuffle(question.items, `${seed}/${question.id}`).map((i) => ({ id: i.id, text: i.text })) }
    case 'matching': {
      const rightIds = matchingRightIds(question)
      return {
        ...base,
        type: 'matching',
        left: question.pairs.map((p) => ({ id: p.id, text: p.left })),
        right: seededShuffle(question.pairs, `${seed}/${question.id}`).map((p) => ({ id: rightIds.get(p.id) as string, text: p.right })),
      }
    }
  }
}

/** The seed of a lesson's quiz: the same until the student takes it again. */
export function quizSeed(lessonId: string, attempt: number): string {
  return `${lessonId}#${attempt}`
}

export function lessonHeader(lesson: Lesson): z.infer<typeof LessonHeaderSchema> {
  const { meta } = lesson
  return { id: meta.id, order: meta.order, title: meta.title, summary: meta.summary, diagram: meta.diagram, questionCount: lesson.questions.length }
}

export function lessonView(lesson: Lesson, seed: string): LessonView {
  return {
    ...lessonHeader(lesson),
    seedSections: [...lesson.meta.seedSections],
    body: { 'zh-CN': lesson.body['zh-CN'], en: lesson.body.en },
    questions: lesson.questions.map((q) => questionView(q, seed)),
    seed,
  }
}
