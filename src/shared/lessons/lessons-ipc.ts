import { z } from 'zod'
import { channel } from '../ipc/define'
import { KebabIdSchema } from './lesson'
import { AnswerSchema, LessonListSchema, LessonViewSchema, QuestionResultSchema, QuizOutcomeSchema } from './view'

export const lessonsChannels = {
  /** Every lesson that loaded (in order) with the student's best quiz score, and the folders that did not. */
  list: channel(z.tuple([]), LessonListSchema),
  /** One lesson: both languages of its text, its questions without the answers. */
  get: channel(z.tuple([KebabIdSchema]), LessonViewSchema),
  /** Scores one answer and reveals the explanation; nothing is recorded. */
  checkAnswer: channel(z.tuple([KebabIdSchema, AnswerSchema]), QuestionResultSchema),
  /** Scores the whole quiz and records the result in the student's records. */
  submitQuiz: channel(z.tuple([KebabIdSchema, z.array(AnswerSchema).max(100)]), QuizOutcomeSchema),
}
