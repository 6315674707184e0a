import type { Question } from './lesson'
import { matchingRightIds, type Answer, type QuestionResult, type Solution } from './view'

/**
 * The pure scorer: answers → per question correct or not, with the explanation and the right
 * answer. All or nothing per question; a missing answer, or one of the wrong kind, is wrong.
 */

export function solutionOf(question: Question): Solution {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { type: question.type, correct: question.options.filter((o) => o.correct === true).map((o) => o.id) }
    case 'ordering':
      return { type: 'ordering', order: question.items.map((i) => i.id) }
    case 'matching': {
      const ids = matchingRightIds(question)
      return { type: 'matching', pairs: Object.fromEntries(question.pairs.map((p) => [p.id, ids.get(p.id) as string])) }
    }
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === a.length && left.size === right.size && [...left].every((x) => right.has(x))
}

function isCorrect(question: Question, answer: Answer, solution: Solution): boolean {
  if (answer.type !== question.type) return false
  if (answer.type === 'single' && solution.type === 'single') return solution.correct.length === 1 && solution.correct[0] === answer.choice
  if (answer.type === 'multiple' && solution.type === 'multiple') return sameSet(answer.choices, solution.correct)
  if (answer.type === 'ordering' && solution.type === 'ordering')
    return answer.order.length === solution.order.length && answer.order.every((id, i) => id === solution.order[i])
  if (answer.type === 'matching' && solution.type === 'matching') {
    const expected = Object.entries(solution.pairs)
    return Object.keys(answer.pairs).length === expected.length && expected.every(([left, right]) => answer.pairs[left] === right)
  }
  return false
}

/** Whether an answer says anything at all (an empty selection is no answer). */
export function isAnswered(answer: Answer | undefined): answer is Answer {
  if (!answer) return false
  switch (answer.type) {
    case 'single':
      return answer.choice !== ''
    case 'multiple':
      return answer.choices.length > 0
    case 'ordering':
      return answer.order.length > 0
    case 'matching':
      return Object.keys(answer.pairs).length > 0
  }
}

export function scoreQuestion(question: Question, answer: Answer | undefined): QuestionResult {
  const solution = solutionOf(question)
  const answered = isAnswered(answer)
  return {
    questionId: question.id,
    answered,
    correct: answered && isCorrect(question, answer, solution),
    explanation: question.explanation,
    solution,
  }
}

export interface QuizScore {
  readonly score: number
  readonly total: number
  readonly results: QuestionResult[]
}

/** Scores every question of a lesson, in the lesson's order. For a repeated question id the first answer counts. */
export function scoreQuiz(questions: readonly Question[], answers: readonly Answer[]): QuizScore {
  const byId = new Map<string, Answer>()
  for (const answer of answers) if (!byId.has(answer.questionId)) byId.set(answer.questionId, answer)
  const results = questions.map((q) => scoreQuestion(q, byId.get(q.id)))
  return { score: results.filter((r) => r.correct).length, total: questions.length, results }
}
