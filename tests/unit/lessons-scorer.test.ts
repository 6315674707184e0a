import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QuestionSchema, type Question } from '../../src/shared/lessons/lesson'
import { scoreQuestion, scoreQuiz } from '../../src/shared/lessons/score'
import { hashString, seededShuffle } from '../../src/shared/lessons/shuffle'
import { matchingRightIds, questionView, type Answer } from '../../src/shared/lessons/view'

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en })

const single = QuestionSchema.parse({
  id: 't-single',
  type: 'single',
  prompt: L('哪一个？', 'Which one?'),
  options: [
    { id: 'a', text: L('甲', 'A') },
    { id: 'b', text: L('乙', 'B'), correct: true },
    { id: 'c', text: L('丙', 'C') },
  ],
  explanation: L('因为乙。', 'Because B.'),
})
const multiple = QuestionSchema.parse({
  id: 't-multiple',
  type: 'multiple',
  prompt: L('哪些？', 'Which ones?'),
  options: [
    { id: 'a', text: L('甲', 'A'), correct: true },
    { id: 'b', text: L('乙', 'B') },
    { id: 'c', text: L('丙', 'C'), correct: true },
    { id: 'd', text: L('丁', 'D') },
  ],
  explanation: L('甲和丙。', 'A and C.'),
})
const ordering = QuestionSchema.parse({
  id: 't-ordering',
  type: 'ordering',
  prompt: L('排序', 'Order'),
  items: ['one', 'two', 'three', 'four'].map((id) => ({ id, text: L(`第${id}`, id) })),
  explanation: L('按顺序。', 'In order.'),
})
const matching = QuestionSchema.parse({
  id: 't-matching',
  type: 'matching',
  prompt: L('配对', 'Match'),
  pairs: ['kvm', 'esx', 'xen'].map((id) => ({ id, left: L(id, id), right: L(`${id} 的特点`, `trait of ${id}`) })),
  explanation: L('如此。', 'So.'),
})
const QUIZ: Question[] = [single, multiple, ordering, matching]

describe('seeded shuffle', () => {
  it('is deterministic: the same seed gives the same order, another seed usually another', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    expect(seededShuffle(items, 'lesson#0/q1')).toEqual(seededShuffle(items, 'lesson#0/q1'))
    const orders = new Set(Array.from({ length: 20 }, (_, i) => seededShuffle(items, `seed-${i}`).join('')))
    expect(orders.size).toBeGreaterThan(10)
    expect(hashString('abc')).toBe(hashString('abc'))
  })

  it('is a permutation that never leaves two or more items in their original order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 0, maxLength: 12 }), fc.string(), (items, seed) => {
        const out = seededShuffle(items, seed)
        expect([...out].sort()).toEqual([...items].sort())
        if (items.length > 1) expect(out).not.toEqual(items)
      }),
    )
  })
})

describe('question views', () => {
  it('hide the answers: no correct flags, ordering shuffled, matching right ids opaque and stable', () => {
    const views = QUIZ.map((q) => questionView(q, 'seed'))
    expect(JSON.stringify(views)).not.toContain('correct')
    const [, , o, m] = views
    expect(o!.type === 'ordering' && o!.items.map((i) => i.id)).not.toEqual(['one', 'two', 'three', 'four'])
    if (m!.type !== 'matching') throw new Error('matching view expected')
    expect(m!.left.map((l) => l.id)).toEqual(['kvm', 'esx', 'xen'])
    expect(m!.right.map((r) => r.text.en)).not.toEqual(['trait of kvm', 'trait of esx', 'trait of xen'])
    const ids = matchingRightIds(matching.type === 'matching' ? matching : { id: '', pairs: [] })
    expect(new Set(m!.right.map((r) => r.id))).toEqual(new Set(ids.values()))
    for (const r of m!.right) expect(['kvm', 'esx', 'xen']).not.toContain(r.id)
    // The same question in another shuffle keeps its ids: answers do not depend on the seed.
    const other = questionView(matching, 'another seed')
    expect(other.type === 'matching' && new Set(other.right.map((r) => r.id))).toEqual(new Set(ids.values()))
  })
})

describe('scorer', () => {
  const rightId = (pair: string) => matchingRightIds(matching.type === 'matching' ? matching : { id: '', pairs: [] }).get(pair)!
  const perfect: Answer[] = [
    { questionId: 't-single', type: 'single', choice: 'b' },
    { questionId: 't-multiple', type: 'multiple', choices: ['c', 'a'] },
    { questionId: 't-ordering', type: 'ordering', order: ['one', 'two', 'three', 'four'] },
    { questionId: 't-matching', type: 'matching', pairs: { kvm: rightId('kvm'), esx: rightId('esx'), xen: rightId('xen') } },
  ]

  it('gives full marks for the right answers, with explanations and solutions', () => {
    const result = scoreQuiz(QUIZ, perfect)
    expect(result.score).toBe(4)
    expect(result.total).toBe(4)
    expect(result.results.map((r) => [r.questionId, r.answered, r.correct])).toEqual([
      ['t-single', true, true],
      ['t-multiple', true, true],
      ['t-ordering', true, true],
      ['t-matching', true, true],
    ])
    expect(result.results[0]!.explanation.en).toBe('Because B.')
    expect(result.results[0]!.solution).toEqual({ type: 'single', correct: ['b'] })
    expect(result.results[1]!.solution).toEqual({ type: 'multiple', correct: ['a', 'c'] })
    expect(result.results[2]!.solution).toEqual({ type: 'ordering', order: ['one', 'two', 'three', 'four'] })
  })

  it('is all or nothing per question', () => {
    expect(scoreQuestion(single, { questionId: 't-single', type: 'single', choice: 'a' }).correct).toBe(false)
    // A subset or a superset of the right options is wrong.
    expect(scoreQuestion(multiple, { questionId: 't-multiple', type: 'multiple', choices: ['a'] }).correct).toBe(false)
    expect(scoreQuestion(multiple, { questionId: 't-multiple', type: 'multiple', choices: ['a', 'b', 'c'] }).correct).toBe(false)
    expect(scoreQuestion(multiple, { questionId: 't-multiple', type: 'multiple', choices: ['a', 'a'] }).correct).toBe(false)
    // Two items swapped, or one missing.
    expect(scoreQuestion(ordering, { questionId: 't-ordering', type: 'ordering', order: ['one', 'three', 'two', 'four'] }).correct).toBe(false)
    expect(scoreQuestion(ordering, { questionId: 't-ordering', type: 'ordering', order: ['one', 'two', 'three'] }).correct).toBe(false)
    // One pair crossed, or one left unmatched.
    expect(scoreQuestion(matching, { questionId: 't-matching', type: 'matching', pairs: { kvm: rightId('esx'), esx: rightId('kvm'), xen: rightId('xen') } }).correct).toBe(false)
    expect(scoreQuestion(matching, { questionId: 't-matching', type: 'matching', pairs: { kvm: rightId('kvm'), esx: rightId('esx') } }).correct).toBe(false)
    // The pair ids themselves are not the answer: the right column has its own ids.
    expect(scoreQuestion(matching, { questionId: 't-matching', type: 'matching', pairs: { kvm: 'kvm', esx: 'esx', xen: 'xen' } }).correct).toBe(false)
  })

  it('counts missing, empty or wrong-kind answers as unanswered or wrong, and the first of two answers', () => {
    const result = scoreQuiz(QUIZ, [
      { questionId: 't-single', type: 'single', choice: 'b' },
      { questionId: 't-single', type: 'single', choice: 'a' },
      { questionId: 't-multiple', type: 'multiple', choices: [] },
      { questionId: 't-ordering', type: 'single', choice: 'one' },
    ])
    expect(result.score).toBe(1)
    expect(result.results.map((r) => [r.answered, r.correct])).toEqual([
      [true, true],
      [false, false],
      [true, false],
      [false, false],
    ])
  })

  it('scores any shuffled view correctly when the student puts it right', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const view = questionView(ordering, seed)
        if (view.type !== 'ordering') return
        const byId = new Map(view.items.map((i) => [i.id, i]))
        const order = ['one', 'two', 'three', 'four'].filter((id) => byId.has(id))
        expect(scoreQuestion(ordering, { questionId: 't-ordering', type: 'ordering', order }).correct).toBe(true)
        const m = questionView(matching, seed)
        if (m.type !== 'matching') return
        const pairs = Object.fromEntries(m.left.map((l) => [l.id, m.right.find((r) => r.text.en === `trait of ${l.id}`)!.id]))
        expect(scoreQuestion(matching, { questionId: 't-matching', type: 'matching', pairs }).correct).toBe(true)
      }),
    )
  })
})
