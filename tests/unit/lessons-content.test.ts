import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/main/lessons/load-lessons'
import { DIAGRAM_IDS, QUESTION_TYPES } from '../../src/shared/lessons/lesson'
import { scoreQuiz } from '../../src/shared/lessons/score'
import { lessonView, quizSeed } from '../../src/shared/lessons/view'
import { perfectAnswer } from '../support/lessons'

const LESSONS_DIR = join(__dirname, '../../resources/lessons')

describe('the real lessons and question bank (resources/lessons)', async () => {
  const { lessons, problems } = await loadLessons(LESSONS_DIR)
  const questions = lessons.flatMap((l) => l.questions)

  it('every lesson validates', () => {
    expect(problems).toEqual([])
    expect(lessons.map((l) => l.meta.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('has at least 60 questions, of every kind, with ids unique across lessons', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60)
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length)
    for (const type of QUESTION_TYPES) expect(questions.filter((q) => q.type === type).length, type).toBeGreaterThanOrEqual(5)
    for (const lesson of lessons) expect(lesson.questions.length, lesson.dir).toBeGreaterThanOrEqual(5)
  })

  it('uses each diagram exactly once', () => {
    expect(lessons.map((l) => l.meta.diagram).sort()).toEqual([...DIAGRAM_IDS].sort())
  })

  it.each(lessons.map((l) => [l.dir, l] as const))('%s: bodies in both languages, sized as docs/content-format.md asks, no raw HTML', (_dir, lesson) => {
    const zh = lesson.body['zh-CN']
    const en = lesson.body.en
    const han = zh.match(/[\u4e00-\u9fff]/g)?.length ?? 0
    expect(han).toBeGreaterThanOrEqual(600)
    expect(han).toBeLessThanOrEqual(1200)
    const words = en.split(/\s+/).filter(Boolean).length
    expect(words).toBeGreaterThanOrEqual(400)
    expect(words).toBeLessThanOrEqual(900)
    expect(en).not.toMatch(/[\u4e00-\u9fff]/)
    for (const body of [zh, en]) {
      expect(body).toMatch(/^## /m)
      expect(body).not.toMatch(/<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i)
    }
    for (const q of lesson.questions) {
      expect(q.prompt['zh-CN'], q.id).toMatch(/[\u4e00-\u9fff]/)
      expect(q.explanation.en, q.id).not.toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it.each(lessons.map((l) => [l.dir, l] as const))('%s: the view hides every answer, and the answers score full marks', (_dir, lesson) => {
    const view = lessonView(lesson, quizSeed(lesson.meta.id, 0))
    expect(JSON.stringify(view)).not.toMatch(/"correct"|"pairs"|"explanation"/)
    for (const [i, q] of view.questions.entries()) {
      const source = lesson.questions[i]!
      if (q.type === 'ordering' && source.type === 'ordering') expect(q.items.map((x) => x.id)).not.toEqual(source.items.map((x) => x.id))
      if (q.type === 'matching' && source.type === 'matching') {
        expect(q.right.map((x) => x.text.en)).not.toEqual(source.pairs.map((p) => p.right.en))
        for (const r of q.right) expect(source.pairs.map((p) => p.id)).not.toContain(r.id)
      }
    }
    const scored = scoreQuiz(lesson.questions, lesson.questions.map(perfectAnswer))
    expect(scored.score).toBe(lesson.questions.length)
  })
})
