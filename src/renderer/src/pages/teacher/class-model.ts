import type { VerdictStatus } from '../../../../shared/host/report'
import { VERDICT_STATUSES } from '../../../../shared/host/report'
import type { ClassRow, ClassView, RejectedFile } from '../../../../shared/records/class-view'
import { LAB_STATUSES, type LabStatus } from '../../../../shared/records/report'

/** The table's filters, by column key; the overview's segments set them too. */
export type Filters = Record<string, string[] | null>

export const QUIZ_BANDS = ['lt60', '60to80', 'ge80', 'none'] as const
export type QuizBand = (typeof QUIZ_BANDS)[number]

export function quizBand(avg: number | null): QuizBand {
  if (avg === null) return 'none'
  return avg < 60 ? 'lt60' : avg < 80 ? '60to80' : 'ge80'
}

/** Machines that cannot run the labs yet (or never checked). */
export const NOT_READY: readonly (VerdictStatus | 'none')[] = ['action-needed', 'unsupported', 'unknown', 'none']

export type AttentionReason =
  | { kind: 'machine'; verdict: VerdictStatus | 'none' }
  | { kind: 'stuck'; labIndex: number; step: NonNullable<ClassRow['stuck']> }
  | { kind: 'old'; days: number }

export interface Attention {
  readonly row: ClassRow
  readonly reasons: AttentionReason[]
}

const DAY = 24 * 60 * 60 * 1000

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!
}

/**
 * Who needs attention: a machine that is not ready, a step tried and not passed (the longest
 * stuck first), a report a week or more older than the class's typical one.
 */
export function attentionList(view: ClassView): Attention[] {
  const typical = median(view.rows.map((r) => Date.parse(r.generatedAt)).filter((n) => !Number.isNaN(n)))
  const out: (Attention & { weight: number })[] = []
  for (const row of view.rows) {
    const reasons: AttentionReason[] = []
    let weight = 0
    const verdict = row.verdict ?? 'none'
    if (NOT_READY.includes(verdict)) {
      reasons.push({ kind: 'machine', verdict })
      weight += verdict === 'unsupported' || verdict === 'action-needed' ? 3 : 1
    }
    if (row.stuck) {
      reasons.push({ kind: 'stuck', labIndex: view.labs.findIndex((l) => l.id === row.stuck!.labId), step: row.stuck })
      weight += 2 + Math.min(5, (Date.now() - Date.parse(row.stuck.since)) / DAY / 7)
    }
    const age = (typical - Date.parse(row.generatedAt)) / DAY
    if (age >= 7) {
      reasons.push({ kind: 'old', days: Math.floor(age) })
      weight += 1
    }
    if (reasons.length > 0) out.push({ row, reasons, weight })
  }
  return out.sort((a, b) => b.weight - a.weight || a.row.student.studentNumber.localeCompare(b.row.student.studentNumber))
}

export interface LabSpread {
  readonly id: string
  readonly counts: Record<LabStatus, number>
}

export interface ClassOverviewData {
  readonly labs: LabSpread[]
  readonly verdicts: Record<VerdictStatus | 'none', number>
  readonly quiz: { average: number | null; bands: Record<QuizBand, number> }
}

export function overviewOf(view: ClassView): ClassOverviewData {
  const labs = view.labs.map((lab) => {
    const counts = Object.fromEntries(LAB_STATUSES.map((s) => [s, 0])) as Record<LabStatus, number>
    for (const row of view.rows) counts[row.labs[lab.id]?.status ?? 'not-started'] += 1
    return { id: lab.id, counts }
  })
  const verdicts = Object.fromEntries([...VERDICT_STATUSES, 'none'].map((v) => [v, 0])) as Record<VerdictStatus | 'none', number>
  for (const row of view.rows) verdicts[row.verdict ?? 'none'] += 1
  const bands = Object.fromEntries(QUIZ_BANDS.map((b) => [b, 0])) as Record<QuizBand, number>
  const scores: number[] = []
  for (const row of view.rows) {
    bands[quizBand(row.quizAverage)] += 1
    if (row.quizAverage !== null) scores.push(row.quizAverage)
  }
  const average = scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10
  return { labs, verdicts, quiz: { average, bands } }
}

/** The other (older) reports of a student: listed on their page. */
export function otherReports(view: ClassView, row: ClassRow): RejectedFile[] {
  const number = row.student.studentNumber.toLowerCase()
  return view.rejected.filter((r) => r.code === 'duplicate-student' && r.facts.studentNumber?.toLowerCase() === number)
}
