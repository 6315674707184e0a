import type { VerdictStatus } from '../host/report'
import type { LabReport } from './report'

/** What a teacher reads first about one report (page 1 of the PDF, a row of the class table). */
export interface ReportSummary {
  readonly labsCompleted: number
  readonly labsTotal: number
  readonly verdict: VerdictStatus | null
  /** Mean of each lesson quiz's best score, in percent with one decimal; null with no quiz taken. */
  readonly quizAverage: number | null
}

export function reportSummary(report: Pick<LabReport, 'labs' | 'quizzes' | 'machine'>): ReportSummary {
  const quizAverage =
    report.quizzes.length === 0
      ? null
      : Math.round((report.quizzes.reduce((sum, q) => sum + q.best.score / q.best.total, 0) / report.quizzes.length) * 1000) / 10
  return {
    labsCompleted: report.labs.filter((l) => l.status === 'completed').length,
    labsTotal: report.labs.length,
    verdict: report.machine?.verdict ?? null,
    quizAverage,
  }
}
