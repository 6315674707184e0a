import type { Question } from '../../src/shared/lessons/lesson'
import { solutionOf } from '../../src/shared/lessons/score'
import type { Answer } from '../../src/shared/lessons/view'

/** The answer a student who knows everything would give, in the view's ids. */
export function perfectAnswer(question: Question): Answer {
  const solution = solutionOf(question)
  switch (solution.type) {
    case 'single':
      return { questionId: question.id, type: 'single', choice: solution.correct[0]! }
    case 'multiple':
      return { questionId: question.id, type: 'multiple', choices: solution.correct }
    case 'ordering':
      return { questionId: question.id, type: 'ordering', order: solution.order }
    case 'matching':
      return { questionId: question.id, type: 'matching', pairs: solution.pairs }
  }
}
