import { join } from 'node:path'
import { IpcError } from '../../shared/ipc/errors'
import type { Lesson } from '../../shared/lessons/lesson'
import { scoreQuestion, scoreQuiz } from '../../shared/lessons/score'
import {
  lessonHeader,
  lessonView,
  quizSeed,
  type Answer,
  type BestScore,
  type LessonList,
  type LessonView,
  type QuestionResult,
  type QuizOutcome,
} from '../../shared/lessons/view'
import type { QuizResult } from '../../shared/records/events'
import type { Logger } from '../logging/logger'
import type { ProgressPort } from '../records/progress-port'
import { loadLessons, type LoadedLessons } from './load-lessons'

export interface LessonsServicePorts {
  /** The app's resources folder; lessons live in `lessons/` under it. */
  readonly resourcesDir: string
  /** Where quiz results go (the records store). */
  readonly progress: ProgressPort
  readonly logger: Logger
  readonly now?: () => Date
}

export interface LessonsService {
  list(): Promise<LessonList>
  get(lessonId: string): Promise<LessonView>
  checkAnswer(lessonId: string, answer: Answer): Promise<QuestionResult>
  submitQuiz(lessonId: string, answers: readonly Answer[]): Promise<QuizOutcome>
  /** The loaded content (for tests and other services). */
  content(): Promise<LoadedLessons>
}

/** The best of a lesson's results: highest share of correct answers, the earliest when tied. */
export function bestOf(results: readonly QuizResult[]): BestScore | null {
  let best: QuizResult | null = null
  for (const r of results) if (!best || r.score / r.total > best.score / best.total) best = r
  return best ? { score: best.score, total: best.total, at: best.at } : null
}

export function createLessonsService(ports: LessonsServicePorts): LessonsService {
  const now = ports.now ?? (() => new Date())
  let loading: Promise<LoadedLessons> | null = null

  const content = (): Promise<LoadedLessons> => {
    loading ??= loadLessons(join(ports.resourcesDir, 'lessons')).then((loaded) => {
      for (const problem of loaded.problems) ports.logger.warn(`Lesson ${problem.dir} was not loaded`, problem.messages)
      ports.logger.info(`Loaded ${loaded.lessons.length} lessons`)
      return loaded
    })
    return loading
  }

  const lesson = async (id: string): Promise<Lesson> => {
    const found = (await content()).lessons.find((l) => l.meta.id === id)
    if (!found) throw new IpcError('not-found', `No lesson "${id}"`)
    return found
  }

  const resultsOf = (lessonId: string): QuizResult[] => ports.progress.quizResults().filter((r) => r.lessonId === lessonId)

  return {
    content,

    async list() {
      const loaded = await content()
      return {
        lessons: loaded.lessons.map((l) => {
          const results = resultsOf(l.meta.id)
          return { ...lessonHeader(l), attempts: results.length, best: bestOf(results) }
        }),
        problems: loaded.problems.map((p) => ({ dir: p.dir, messages: [...p.messages] })),
      }
    },

    async get(lessonId) {
      const found = await lesson(lessonId)
      return lessonView(found, quizSeed(lessonId, resultsOf(lessonId).length))
    },

    async checkAnswer(lessonId, answer) {
      const found = await lesson(lessonId)
      const question = found.questions.find((q) => q.id === answer.questionId)
      if (!question) throw new IpcError('not-found', `Lesson "${lessonId}" has no question "${answer.questionId}"`)
      return scoreQuestion(question, answer)
    },

    async submitQuiz(lessonId, answers) {
      const found = await lesson(lessonId)
      const known = new Set(found.questions.map((q) => q.id))
      const seen = new Set<string>()
      for (const answer of answers) {
        if (!known.has(answer.questionId)) throw new IpcError('invalid-input', `Lesson "${lessonId}" has no question "${answer.questionId}"`)
        if (seen.has(answer.questionId)) throw new IpcError('invalid-input', `Question "${answer.questionId}" is answered twice`)
        seen.add(answer.questionId)
      }
      const scored = scoreQuiz(found.questions, answers)
      const at = now().toISOString()
      const result: QuizResult = {
        lessonId,
        score: scored.score,
        total: scored.total,
        answers: scored.results.map((r) => ({ questionId: r.questionId, correct: r.correct })),
        at,
      }
      try {
        await ports.progress.recordQuiz(result)
      } catch (error) {
        ports.logger.error(`Could not record the quiz result of ${lessonId}`, error)
        throw new IpcError('io-error', `The quiz was scored (${scored.score}/${scored.total}) but could not be saved: ${error instanceof Error ? error.message : String(error)}`)
      }
      const results = resultsOf(lessonId)
      // The records store may not have the new result visible yet; count it in either way.
      const all = results.some((r) => r.at === at && r.score === result.score) ? results : [...results, result]
      return { lessonId, score: scored.score, total: scored.total, results: scored.results, at, best: bestOf(all) as BestScore, attempts: all.length }
    },
  }
}
