import type { LabProgress, QuizResult, StepAttempt } from '../../shared/records/events'

/**
 * What the lab runner and the lessons need from the records store. The records service implements
 * it durably; `createMemoryProgress` is a stand-in for tests of other services.
 */
export interface ProgressPort {
  recordStep(attempt: StepAttempt): Promise<void>
  recordQuiz(result: QuizResult): Promise<void>
  labProgress(): LabProgress
  quizResults(): readonly QuizResult[]
}

export function createMemoryProgress(): ProgressPort {
  const progress: LabProgress = {}
  const quizzes: QuizResult[] = []
  return {
    async recordStep(attempt) {
      const lab = (progress[attempt.labId] ??= {})
      const prev = lab[attempt.stepId]
      lab[attempt.stepId] = {
        status: attempt.passed || prev?.status === 'passed' ? 'passed' : 'failed',
        attempts: (prev?.attempts ?? 0) + 1,
        lastAt: attempt.at,
        passedAt: prev?.passedAt ?? (attempt.passed ? attempt.at : null),
      }
    },
    async recordQuiz(result) {
      quizzes.push(result)
    },
    labProgress: () => structuredClone(progress),
    quizResults: () => [...quizzes],
  }
}
