import type { Locale } from '../../shared/i18n/locale'
import type { ClassRow, ClassView, RejectedFile } from '../../shared/records/class-view'
import type { LabReport } from '../../shared/records/report'
import type { VerifyResult } from './integrity'
import { reportSummary } from '../../shared/records/summary'
import { RECORDS_WORDS, localTime } from '../../shared/records/words'

/** One row of the class table from a verified report. */
export function classRow(file: string, report: LabReport): ClassRow {
  const labs: ClassRow['labs'] = {}
  for (const lab of report.labs) {
    labs[lab.id] = { status: lab.status, passed: lab.passedCount, total: lab.stepCount, completedAt: lab.completedAt }
  }
  const completed = report.labs.filter((l) => l.status === 'completed')
  const all = report.labs.length > 0 && completed.length === report.labs.length
  const { quizAverage } = reportSummary(report)
  return {
    id: report.integrity.digest,
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

  add(file: string, result: VerifyResult): void {
    if (!result.ok) {
      this.rejected.push({ file, code: result.code, detail: result.detail })
      return
    }
    const { report } = result
    const digest = report.integrity.digest
    const same = this.entries.get(digest)
    if (same) {
      this.rejected.push({ file, code: 'duplicate-file', detail: `same report as ${same.row.file}` })
      return
    }
    const key = report.student.studentNumber.toLowerCase()
    const otherId = this.byStudent.get(key)
    const other = otherId ? this.entries.get(otherId) : undefined
    if (other) {
      if (report.generatedAt > other.report.generatedAt) {
        this.entries.delete(other.row.id)
        this.rejected.push({
          file: other.row.file,
          code: 'duplicate-student',
          detail: `${report.student.studentNumber}: replaced by the newer ${file} (${report.generatedAt})`,
        })
      } else {
        this.rejected.push({
          file,
          code: 'duplicate-student',
          detail: `${report.student.studentNumber}: the newer ${other.row.file} (${other.report.generatedAt}) is kept`,
        })
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

/** A spreadsheet cell: quoted when needed, and never read as a formula (=, +, -, @ …). */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The class table as CSV: UTF-8 with a BOM (so Excel reads Chinese names), CRLF line ends. */
export function classCsv(view: ClassView, locale: Locale, rowIds?: readonly string[] | null): string {
  const w = RECORDS_WORDS[locale]
  const byId = new Map(view.rows.map((r) => [r.id, r]))
  const rows = rowIds ? rowIds.map((id) => byId.get(id)).filter((r): r is ClassRow => r !== undefined) : view.rows
  const header = [
    w.csv.studentNumber,
    w.csv.name,
    w.csv.className,
    w.csv.course,
    ...view.labs.map((l) => (l.title ? l.title[locale] : l.id)),
    w.csv.labsCompleted,
    w.csv.completedAt,
    w.csv.verdict,
    w.csv.checkedAt,
    w.csv.quizAverage,
    w.csv.generatedAt,
    w.csv.file,
    w.csv.digest,
  ]
  const lines = [header.map(csvCell).join(',')]
  for (const r of rows) {
    const cells: (string | number | null)[] = [
      r.student.studentNumber,
      r.student.name,
      r.student.className,
      r.student.course,
      ...view.labs.map((l) => {
        const cell = r.labs[l.id]
        if (!cell) return '—'
        const when = cell.completedAt ? ` ${localTime(cell.completedAt)}` : ''
        return `${w.lab[cell.status]} ${cell.passed}/${cell.total}${when}`
      }),
      r.labsCompleted,
      localTime(r.completedAt),
      r.verdict ? w.verdict[r.verdict] : '',
      localTime(r.checkedAt),
      r.quizAverage,
      localTime(r.generatedAt),
      r.file,
      r.id,
    ]
    lines.push(cells.map(csvCell).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
