import type { ClassRow, ClassView, RejectedFile, RejectionCode } from '../../shared/records/class-view'
import type { RejectionFacts } from '../../shared/records/rejection'
import type { LabReport } from '../../shared/records/report'
import type { VerifyResult } from './integrity'
import { reportSummary } from '../../shared/records/summary'

/** One row of the class table from a verified report. */
export function classRow(file: string, report: LabReport): ClassRow {
  const labs: ClassRow['labs'] = {}
  for (const lab of report.labs) {
    labs[lab.id] = { status: lab.status, passed: lab.passedCount, total: lab.stepCount, completedAt: lab.completedAt }
  }
  const completed = report.labs.filter((l) => l.status === 'completed')
  const all = report.labs.length > 0 && completed.length === report.labs.length
  const { quizAverage } = reportSummary(report)
  let stuck: ClassRow['stuck'] = null
  for (const lab of report.labs) {
    if (lab.status !== 'in-progress') continue
    for (const step of lab.steps) {
      if (step.status !== 'failed' || !step.firstAt) continue
      if (!stuck || step.firstAt < stuck.since) stuck = { labId: lab.id, stepId: step.id, title: step.title, since: step.firstAt, attempts: step.attempts }
    }
  }
  return {
    id: report.integrity.digest,
    stuck,
    file,
    student: report.student,
    generatedAt: report.generatedAt,
    labs,
    labsCompleted: completed.length,
    completedAt: all ? completed.map((l) => l.completedAt ?? '').reduce((a, b) => (b > a ? b : a), '') || null : null,
    verdict: report.machine?.verdict ?? null,
    checkedAt: report.machine?.at ?? null,
    quizAverage,
  }
}

/**
 * The teacher's class: reports added file by file (one bad file never stops the rest), one row per
 * student — a second report of the same student keeps the newer one and lists the other with why.
 */
export class ClassRoster {
  private readonly entries = new Map<string, { row: ClassRow; report: LabReport }>()
  private readonly byStudent = new Map<string, string>()
  private rejected: RejectedFile[] = []
  private readonly labs = new Map<string, ClassView['labs'][number]>()

  /** A file (or a whole archive, or what a folder walk left out) that did not make it into the table. */
  reject(file: string, code: RejectionCode, facts: RejectionFacts, detail = ''): void {
    this.rejected.push({ file: file.slice(0, 1000), code, detail: detail.slice(0, 2000), facts })
  }

  add(file: string, result: VerifyResult): void {
    if (!result.ok) {
      this.reject(file, result.code, result.facts ?? {}, result.detail)
      return
    }
    const { report } = result
    const digest = report.integrity.digest
    const same = this.entries.get(digest)
    if (same) {
      this.reject(file, 'duplicate-file', { other: same.row.file.slice(0, 1000) }, `same report as ${same.row.file}`)
      return
    }
    const key = report.student.studentNumber.toLowerCase()
    const otherId = this.byStudent.get(key)
    const other = otherId ? this.entries.get(otherId) : undefined
    if (other) {
      if (report.generatedAt > other.report.generatedAt) {
        this.entries.delete(other.row.id)
        this.reject(
          other.row.file,
          'duplicate-student',
          { studentNumber: report.student.studentNumber, other: file.slice(0, 1000), otherAt: report.generatedAt, replaced: true },
          `${report.student.studentNumber}: replaced by the newer ${file} (${report.generatedAt})`,
        )
      } else {
        this.reject(
          file,
          'duplicate-student',
          { studentNumber: report.student.studentNumber, other: other.row.file, otherAt: other.report.generatedAt, replaced: false },
          `${report.student.studentNumber}: the newer ${other.row.file} (${other.report.generatedAt}) is kept`,
        )
        return
      }
    }
    for (const lab of report.labs) if (!this.labs.has(lab.id)) this.labs.set(lab.id, { id: lab.id, title: lab.title })
    this.entries.set(digest, { row: classRow(file, report), report })
    this.byStudent.set(key, digest)
  }

  view(): ClassView {
    return { labs: [...this.labs.values()], rows: [...this.entries.values()].map((e) => e.row), rejected: [...this.rejected] }
  }

  report(id: string): LabReport | null {
    return this.entries.get(id)?.report ?? null
  }

  clear(): void {
    this.entries.clear()
    this.byStudent.clear()
    this.labs.clear()
    this.rejected = []
  }
}

