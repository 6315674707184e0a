import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLessonsService } from '../../src/main/lessons/lessons-service'
import { loadLessons } from '../../src/main/lessons/load-lessons'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { createMemoryProgress, type ProgressPort } from '../../src/main/records/progress-port'
import { parseIpcError } from '../../src/shared/ipc/errors'
import { QuizResultSchema } from '../../src/shared/records/events'
import type { Answer, LessonList, LessonView, QuestionResult, QuizOutcome } from '../../src/shared/lessons/view'
import { createTestApp, RESOURCES_DIR } from '../support/services'
import { perfectAnswer } from '../support/lessons'

const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => parseIpcError(e),
  )

/** A wrong answer of the same kind. */
function wrong(answer: Answer): Answer {
  switch (answer.type) {
    case 'single':
      return { ...answer, choice: 'zzz' }
    case 'multiple':
      return { ...answer, choices: answer.choices.slice(1) }
    case 'ordering':
      return { ...answer, order: [...answer.order].reverse() }
    case 'matching': {
      const entries = Object.entries(answer.pairs)
      const [l1, r1] = entries[0]!
      const [l2, r2] = entries[1]!
      return { ...answer, pairs: Object.fromEntries([[l1, r2], [l2, r1], ...entries.slice(2)]) }
    }
  }
}

describe('lessons over IPC (real router and services)', async () => {
  const { lessons: content } = await loadLessons(join(RESOURCES_DIR, 'lessons'))
  const migration = content.find((l) => l.meta.id === 'migration')!

  it('lists every lesson in order, without a score before any quiz', async () => {
    const { router } = createTestApp()
    const list = (await router.invoke('lessons:list', [])) as LessonList
    expect(list.problems).toEqual([])
    expect(list.lessons.map((l) => l.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(list.lessons[0]).toMatchObject({ id: 'what-is-virtualization', diagram: 'virtualization-layers', questionCount: 10, attempts: 0, best: null })
    expect(list.lessons[0]!.title['zh-CN']).toBe('什么是虚拟化')
  })

  it('gives one lesson in both languages with its questions but not their answers', async () => {
    const { router } = createTestApp()
    const view = (await router.invoke('lessons:get', ['migration'])) as LessonView
    expect(view.body['zh-CN']).toMatch(/^## /)
    expect(view.body.en).toMatch(/pre-copy/i)
    expect(view.diagram).toBe('live-migration')
    expect(view.questions).toHaveLength(migration.questions.length)
    expect(JSON.stringify(view.questions)).not.toMatch(/"correct"|"explanation"|"pairs"/)
    // The same lesson opened again before a quiz is taken shuffles the same way.
    expect(await router.invoke('lessons:get', ['migration'])).toEqual(view)
  })

  it('checks one answer without recording anything', async () => {
    const { router, services } = createTestApp()
    const question = migration.questions.find((q) => q.id === 'l5-network-follow')!
    const right = (await router.invoke('lessons:checkAnswer', ['migration', perfectAnswer(question)])) as QuestionResult
    expect(right).toMatchObject({ questionId: 'l5-network-follow', answered: true, correct: true, solution: { type: 'single', correct: ['a'] } })
    expect(right.explanation.en).toMatch(/gratuitous ARP/)
    const wrong = (await router.invoke('lessons:checkAnswer', ['migration', { questionId: 'l5-network-follow', type: 'single', choice: 'b' }])) as QuestionResult
    expect(wrong.correct).toBe(false)
    expect(services.progress.quizResults()).toEqual([])
  })

  it('scores a quiz, records it through the progress port, and keeps the best score', async () => {
    const { router, services } = createTestApp()
    const answers = migration.questions.map(perfectAnswer)
    // First attempt: two wrong.
    const first = (await router.invoke('lessons:submitQuiz', [
      'migration',
      answers.map((a, i) => (i < 2 ? wrong(a) : a)),
    ])) as QuizOutcome
    expect(first.total).toBe(migration.questions.length)
    expect(first.score).toBe(first.total - 2)
    expect(first.results.filter((r) => !r.correct).map((r) => r.questionId)).toEqual(migration.questions.slice(0, 2).map((q) => q.id))
    expect(first.attempts).toBe(1)
    expect(first.best).toMatchObject({ score: first.score, total: first.total })

    const recorded = services.progress.quizResults()
    expect(recorded).toHaveLength(1)
    expect(QuizResultSchema.parse(recorded[0])).toMatchObject({ lessonId: 'migration', score: first.score, total: first.total })
    expect(recorded[0]!.answers.map((a) => a.correct)).toEqual(first.results.map((r) => r.correct))

    // The next attempt gets a new shuffle.
    const before = (await router.invoke('lessons:get', ['migration'])) as LessonView
    expect(before.seed).toBe('migration#1')

    const second = (await router.invoke('lessons:submitQuiz', ['migration', answers])) as QuizOutcome
    expect(second.score).toBe(second.total)
    expect(second.attempts).toBe(2)
    const third = (await router.invoke('lessons:submitQuiz', ['migration', answers.slice(0, 3)])) as QuizOutcome
    expect(third.score).toBe(3)
    expect(third.results.filter((r) => !r.answered)).toHaveLength(answers.length - 3)
    expect(third.best).toEqual({ score: second.total, total: second.total, at: second.at })

    const list = (await router.invoke('lessons:list', [])) as LessonList
    expect(list.lessons.find((l) => l.id === 'migration')).toMatchObject({ attempts: 3, best: { score: second.total } })
    expect(list.lessons.find((l) => l.id === 'products')).toMatchObject({ attempts: 0, best: null })
  })

  it('rejects unknown lessons and questions, answers given twice and malformed arguments', async () => {
    const { router, services } = createTestApp()
    expect(await failure(router.invoke('lessons:get', ['no-such-lesson']))).toMatchObject({ code: 'not-found' })
    expect(await failure(router.invoke('lessons:get', ['../etc']))).toMatchObject({ code: 'bad-arguments' })
    expect(await failure(router.invoke('lessons:checkAnswer', ['migration', { questionId: 'l1-strachey', type: 'single', choice: 'a' }]))).toMatchObject({
      code: 'not-found',
    })
    const one = perfectAnswer(migration.questions[0]!)
    expect(await failure(router.invoke('lessons:submitQuiz', ['migration', [one, one]]))).toMatchObject({ code: 'invalid-input' })
    expect(await failure(router.invoke('lessons:submitQuiz', ['migration', [{ questionId: 'x', type: 'essay', text: 'hi' }]]))).toMatchObject({ code: 'bad-arguments' })
    expect(services.progress.quizResults()).toEqual([])
  })

  it('says so when the records store cannot save, and records nothing half-way', async () => {
    const broken: ProgressPort = { ...createMemoryProgress(), recordQuiz: async () => Promise.reject(new Error('disk full')) }
    const service = createLessonsService({ resourcesDir: RESOURCES_DIR, progress: broken, logger: createMemoryLogger() })
    const error = await failure(service.submitQuiz('migration', migration.questions.map(perfectAnswer)))
    expect(error).toMatchObject({ code: 'io-error' })
    expect(error!.message).toMatch(/11\/11.*disk full/)
  })

  it('uses the clock it is given for the record', async () => {
    const progress = createMemoryProgress()
    const service = createLessonsService({ resourcesDir: RESOURCES_DIR, progress, logger: createMemoryLogger(), now: () => new Date('2026-03-01T08:00:00Z') })
    const outcome = await service.submitQuiz('products', [])
    expect(outcome).toMatchObject({ score: 0, total: 10, at: '2026-03-01T08:00:00.000Z' })
    expect(progress.quizResults()[0]!.at).toBe('2026-03-01T08:00:00.000Z')
  })
})
