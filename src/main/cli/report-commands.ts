import { existsSync, statSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Locale } from '../../shared/i18n/locale'
import { classCsv, classXlsx } from '../records/class-export'
import { importArchive, importPath } from '../records/class-import'
import { ClassRoster } from '../records/class-roster'
import { verifyReportFile } from '../records/report-files'
import { RECORDS_WORDS, describeRejection, localTime } from '../../shared/records/words'

export interface ReportCliIo {
  stdout(text: string): void
  stderr(text: string): void
}

export const REPORT_USAGE = `  virtlab report verify FILE...       check lab reports (schema, size, integrity digest); one line per file
  virtlab class summary DIR|ZIP [--csv OUT] [--xlsx OUT]
                                      the class table from every report under DIR or in ZIP; as CSV / Excel
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
      io.stdout(`OK    ${file}  ${r.student.name} (${r.student.studentNumber}) · ${done}/${r.labs.length} ${w.cli.labs} · sha256 ${r.integrity.digest.slice(0, 16)}\n`)
    } else {
      bad += 1
      io.stdout(`FAIL  ${file}  ${describeRejection({ code: result.code, facts: result.facts ?? {} }, locale)}\n`)
    }
  }
  return bad === 0 ? 0 : 1
}

function pad(text: string, width: number): string {
  // East Asian characters take two columns in a terminal.
  const columns = [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0)
  return text + ' '.repeat(Math.max(1, width - columns))
}

function writeError(file: string, error: unknown, locale: Locale): string {
  const code = (error as NodeJS.ErrnoException).code
  const zh = locale === 'zh-CN'
  const why =
    code === 'ENOENT'
      ? zh ? '所在文件夹不存在' : 'its folder does not exist'
      : code === 'EISDIR'
        ? zh ? '这是一个文件夹' : 'it is a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? zh ? '没有写入权限' : 'permission denied'
          : code === 'ENOSPC'
            ? zh ? '磁盘已满' : 'the disk is full'
            : code === 'EBUSY'
              ? zh ? '文件正被其他程序占用（例如 Excel）' : 'the file is open in another program (Excel?)'
              : (code ?? (zh ? '写入失败' : 'cannot be written'))
  return `virtlab: ${file}: ${zh ? '无法写入' : 'cannot write'} — ${why}\n`
}

async function summary(args: string[], locale: Locale, io: ReportCliIo): Promise<number> {
  let source: string | null = null
  let csv: string | null = null
  let xlsx: string | null = null
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!
    if (arg === '--csv' || arg === '--xlsx') {
      const value = args[i + 1]
      if (!value || value.startsWith('--')) throw new ReportUsageError(`${arg} needs a file name`)
      if (arg === '--csv') csv = value
      else xlsx = value
      i += 1
    } else if (arg.startsWith('--')) throw new ReportUsageError(`unknown option ${arg}`)
    else if (source === null) source = arg
    else throw new ReportUsageError('class summary takes one DIR or ZIP')
  }
  if (source === null) throw new ReportUsageError('class summary needs a DIR or a ZIP')
  const w = RECORDS_WORDS[locale]
  let isDir = false
  try {
    isDir = statSync(source).isDirectory()
  } catch {
    isDir = false
  }
  const isZip = !isDir && source.toLowerCase().endsWith('.zip') && existsSync(source)
  if (!isDir && !isZip) {
    io.stderr(`virtlab: ${source}: ${w.cli.notFound}\n`)
    return 2
  }
  const roster = new ClassRoster()
  if (isDir) await importPath(roster, source)
  else await importArchive(roster, source, basename(source), { archivePrefix: '' })
  const view = roster.view()
  // An archive refused as a whole (a zip bomb, not a zip at all): one clear line, nothing else.
  const whole = view.rejected.find((r) => r.code === 'archive-refused' || r.code === 'archive-unreadable')
  if (isZip && whole && whole.file === basename(source)) {
    io.stderr(`virtlab: ${source}: ${describeRejection(whole, locale)}\n`)
    return 2
  }
  if (view.rows.length === 0 && view.rejected.length === 0) io.stdout(`${w.cli.noFiles}: ${source}\n`)
  const rows = [...view.rows].sort(
    (a, b) => a.student.className.localeCompare(b.student.className) || a.student.studentNumber.localeCompare(b.student.studentNumber),
  )
  for (const r of rows) {
    const labs = view.labs.map((l) => {
      const cell = r.labs[l.id]
      return cell ? `${cell.passed}/${cell.total}` : '—'
    })
    io.stdout(
      `${pad(r.student.studentNumber, 14)}${pad(r.student.name, 12)}${pad(r.student.className, 14)}${labs.map((t) => pad(t, 7)).join('')}${pad(r.verdict ? w.verdict[r.verdict] : w.cli.noVerdict, 14)}${localTime(r.completedAt)}\n`,
    )
  }
  io.stdout(`\n${view.rows.length} ${w.cli.students}, ${view.rejected.length} ${w.cli.rejected}\n`)
  for (const bad of view.rejected) io.stdout(`FAIL  ${bad.file}  ${describeRejection(bad, locale)}\n`)
  const ids = rows.map((r) => r.id)
  if (csv) {
    try {
      writeFileSync(csv, classCsv(view, locale, ids))
    } catch (error) {
      io.stderr(writeError(csv, error, locale))
      return 2
    }
    io.stderr(`${w.cli.csvWritten}: ${basename(csv)}\n`)
  }
  if (xlsx) {
    try {
      writeFileSync(xlsx, await classXlsx(view, locale, ids))
    } catch (error) {
      io.stderr(writeError(xlsx, error, locale))
      return 2
    }
    io.stderr(`${w.cli.xlsxWritten}: ${basename(xlsx)}\n`)
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
