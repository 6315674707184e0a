import { existsSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, relative } from 'node:path'
import type { Locale } from '../../shared/i18n/locale'
import { ClassRoster, classCsv } from '../records/class-roster'
import { listReportFiles, verifyReportFile } from '../records/report-files'
import { RECORDS_WORDS, localTime } from '../../shared/records/words'
import { writeFailure } from './cli-words'
import { terminalField as f } from './terminal-text'

export interface ReportCliIo {
  stdout(text: string): void
  stderr(text: string): void
}

export const REPORT_USAGE = `  virtlab report verify FILE...       check lab reports (schema, size, integrity digest); one line per file
  virtlab class summary DIR [--csv OUT]  the class table from every report under DIR; optionally as CSV
  (both take --lang zh-CN|en)`

class ReportUsageError extends Error {}

function takeLang(args: string[], fallback: Locale): { rest: string[]; locale: Locale } {
  const rest: string[] = []
  let locale = fallback
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!
    if (arg === '--lang') {
      const value = args[i + 1]
      if (value !== 'zh-CN' && value !== 'en') throw new ReportUsageError('--lang must be zh-CN or en')
      locale = value
      i += 1
    } else rest.push(arg)
  }
  return { rest, locale }
}

async function verify(files: string[], locale: Locale, io: ReportCliIo): Promise<number> {
  if (files.length === 0) throw new ReportUsageError('report verify needs at least one FILE')
  const w = RECORDS_WORDS[locale]
  let bad = 0
  for (const file of files) {
    const result = await verifyReportFile(file)
    if (result.ok) {
      const r = result.report
      const done = r.labs.filter((l) => l.status === 'completed').length
      io.stdout(`OK    ${f(file)}  ${f(r.student.name)} (${f(r.student.studentNumber)}) · ${done}/${r.labs.length} ${w.cli.labs} · sha256 ${r.integrity.digest.slice(0, 16)}\n`)
    } else {
      bad += 1
      io.stdout(`FAIL  ${f(file)}  ${w.rejection[result.code]}: ${f(result.detail)}\n`)
    }
  }
  return bad === 0 ? 0 : 1
}

function pad(text: string, width: number): string {
  // East Asian characters take two columns in a terminal.
  const columns = [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0)
  return text + ' '.repeat(Math.max(1, width - columns))
}

async function summary(args: string[], locale: Locale, io: ReportCliIo): Promise<number> {
  let dir: string | null = null
  let csv: string | null = null
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!
    if (arg === '--csv') {
      const value = args[i + 1]
      if (!value || value.startsWith('--')) throw new ReportUsageError('--csv needs a file name')
      csv = value
      i += 1
    } else if (arg.startsWith('--')) throw new ReportUsageError(`unknown option ${arg}`)
    else if (dir === null) dir = arg
    else throw new ReportUsageError('class summary takes one DIR')
  }
  if (dir === null) throw new ReportUsageError('class summary needs a DIR')
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.stderr(`virtlab: ${f(dir)}: not a folder\n`)
    return 2
  }
  const w = RECORDS_WORDS[locale]
  const roster = new ClassRoster()
  const files = await listReportFiles(dir)
  for (const file of files) roster.add(relative(dir, file), await verifyReportFile(file))
  const view = roster.view()
  if (files.length === 0) io.stdout(`${w.cli.noFiles}: ${f(dir)}\n`)
  const rows = [...view.rows].sort((a, b) => a.student.className.localeCompare(b.student.className) || a.student.studentNumber.localeCompare(b.student.studentNumber))
  for (const r of rows) {
    const labs = view.labs.map((l) => {
      const cell = r.labs[l.id]
      return cell ? `${cell.passed}/${cell.total}` : '—'
    })
    io.stdout(
      `${pad(f(r.student.studentNumber), 14)}${pad(f(r.student.name), 12)}${pad(f(r.student.className), 14)}${labs.map((t) => pad(t, 7)).join('')}${pad(r.verdict ? w.verdict[r.verdict] : w.cli.noVerdict, 14)}${localTime(r.completedAt)}\n`,
    )
  }
  io.stdout(`\n${view.rows.length} ${w.cli.students}, ${view.rejected.length} ${w.cli.rejected}\n`)
  for (const bad of view.rejected) io.stdout(`FAIL  ${f(bad.file)}  ${w.rejection[bad.code]}: ${f(bad.detail)}\n`)
  if (csv) {
    try {
      await writeFile(csv, classCsv(view, locale, rows.map((r) => r.id)))
    } catch (error) {
      io.stderr(`virtlab: ${writeFailure(f(csv), error, locale)}\n`)
      return 2
    }
    io.stderr(`${w.cli.csvWritten}: ${f(basename(csv))}\n`)
  }
  return view.rejected.length === 0 ? 0 : 1
}

/**
 * `virtlab report …` and `virtlab class …`. Exit codes: 0 all valid, 1 some file invalid or not
 * imported, 2 usage error.
 */
export async function runReportCommand(command: 'report' | 'class', args: string[], fallbackLocale: Locale, io: ReportCliIo): Promise<number> {
  try {
    const { rest, locale } = takeLang(args, fallbackLocale)
    const [sub, ...more] = rest
    if (command === 'report' && sub === 'verify') return await verify(more, locale, io)
    if (command === 'class' && sub === 'summary') return await summary(more, locale, io)
    throw new ReportUsageError(`unknown command “${command} ${sub ?? ''}”`.replace(' ”', '”'))
  } catch (error) {
    if (error instanceof ReportUsageError) {
      io.stderr(`virtlab: ${error.message}\n\nUsage:\n${REPORT_USAGE}\n`)
      return 2
    }
    throw error
  }
}
