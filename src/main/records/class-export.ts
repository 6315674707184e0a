import type { Locale } from '../../shared/i18n/locale'
import type { ClassRow, ClassView } from '../../shared/records/class-view'
import { RECORDS_WORDS, localTime } from '../../shared/records/words'

type Cell = string | number | null

/** The class table as a spreadsheet: one column per fact, so every column sorts and sums. */
export interface ClassSheet {
  readonly header: string[]
  readonly rows: Cell[][]
}

/** “实验 0” / “Lab 0”: the short label the table and the files use (the title is in the Teacher view's tooltip). */
export function labLabel(index: number, locale: Locale): string {
  return locale === 'zh-CN' ? `实验 ${index}` : `Lab ${index}`
}

/** The rows to write: the given ids in that order (what the table shows), or every row. */
export function pickRows(view: ClassView, rowIds?: readonly string[] | null): ClassRow[] {
  if (!rowIds) return view.rows
  const byId = new Map(view.rows.map((r) => [r.id, r]))
  return rowIds.map((id) => byId.get(id)).filter((r): r is ClassRow => r !== undefined)
}

/**
 * Per lab: status, steps passed, steps in all, completed at; then the summary columns. Numbers
 * stay numbers; times are local `YYYY-MM-DD HH:mm`. The CSV, the .xlsx and the CLI share it.
 */
export function classSheet(view: ClassView, locale: Locale, rowIds?: readonly string[] | null): ClassSheet {
  const w = RECORDS_WORDS[locale]
  const header = [
    w.csv.studentNumber,
    w.csv.name,
    w.csv.className,
    w.csv.course,
    ...view.labs.flatMap((lab, i) => {
      const label = labLabel(i, locale)
      return [`${label} ${w.csv.labStatus}`, `${label} ${w.csv.labPassed}`, `${label} ${w.csv.labTotal}`, `${label} ${w.csv.labCompletedAt}`]
    }),
    w.csv.labsCompleted,
    w.csv.labsTotal,
    w.csv.completedAt,
    w.csv.verdict,
    w.csv.checkedAt,
    w.csv.quizAverage,
    w.csv.generatedAt,
    w.csv.file,
    w.csv.digest,
  ]
  const rows = pickRows(view, rowIds).map((r): Cell[] => [
    r.student.studentNumber,
    r.student.name,
    r.student.className,
    r.student.course,
    ...view.labs.flatMap((lab): Cell[] => {
      const cell = r.labs[lab.id]
      if (!cell) return [null, null, null, null]
      return [w.lab[cell.status], cell.passed, cell.total, localTime(cell.completedAt)]
    }),
    r.labsCompleted,
    Object.keys(r.labs).length,
    localTime(r.completedAt),
    r.verdict ? w.verdict[r.verdict] : '',
    localTime(r.checkedAt),
    r.quizAverage,
    localTime(r.generatedAt),
    r.file,
    r.id,
  ])
  return { header, rows }
}

/**
 * A spreadsheet cell: quoted when it holds a separator (`,` or `;` — Excel in many locales splits
 * on `;`), a quote or a line break, or starts/ends with space; never read as a formula (`=`, `+`,
 * `-`, `@`, tab, CR start a formula in Excel/LibreOffice, so they get a leading apostrophe).
 */
export function csvCell(value: Cell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let text = value ?? ''
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",;\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The class table as CSV: UTF-8 with a BOM (so Excel reads Chinese names), CRLF line ends. */
export function classCsv(view: ClassView, locale: Locale, rowIds?: readonly string[] | null): string {
  const sheet = classSheet(view, locale, rowIds)
  const lines = [sheet.header, ...sheet.rows].map((cells) => cells.map(csvCell).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** Display width of a text in spreadsheet columns (CJK characters take two). */
function textWidth(text: string): number {
  let n = 0
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return n
}

/**
 * The same sheet as an .xlsx workbook (exceljs, loaded only when used): a frozen, bold header
 * row, column widths fitted to the longest cell, numbers as numbers. Text that looks like a formula
 * stays text (exceljs writes strings as shared strings, never as formulas).
 */
export async function classXlsx(view: ClassView, locale: Locale, rowIds?: readonly string[] | null): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const sheet = classSheet(view, locale, rowIds)
  const book = new ExcelJS.Workbook()
  book.creator = 'VirtLab Companion'
  const ws = book.addWorksheet(locale === 'zh-CN' ? '班级汇总' : 'Class summary', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] })
  ws.addRow(sheet.header)
  for (const row of sheet.rows) ws.addRow(row.map((c) => c ?? ''))
  ws.getRow(1).font = { bold: true }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } }
  sheet.header.forEach((title, i) => {
    const longest = Math.max(textWidth(title), ...sheet.rows.map((r) => textWidth(r[i] === null || r[i] === undefined ? '' : String(r[i]))))
    ws.getColumn(i + 1).width = Math.min(70, Math.max(6, longest + 2))
  })
  return new Uint8Array(await book.xlsx.writeBuffer())
}
