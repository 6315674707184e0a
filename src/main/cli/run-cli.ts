import type { Stats } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { userInfo } from 'node:os'
import { localeFromSystem, type Locale } from '../../shared/i18n/locale'
import type { HostReport } from '../../shared/host/report'
import { CaptureFileError, redactCapture, replayCaptureFile, serializeCapture } from '../host/capture-file'
import { collectCapture, currentEnvironment } from '../host/collect'
import { evaluateCapture } from '../host/evaluate'
import { CLI_WORDS, writeFailure } from './cli-words'
import { formatReport } from './format-report'
import { REPORT_USAGE, runReportCommand } from './report-commands'
import { terminalField, terminalOutput, terminalText } from './terminal-text'

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
}

export const APP_VERSION = '0.1.0'
/** Resources ship beside out/ (../../resources from out/main). */
export const RESOURCES_DIR = join(__dirname, '../../resources')

export function systemLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tags = [env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE?.split(':')[0]]
    .filter((t): t is string => typeof t === 'string' && t !== '' && t !== 'C' && t !== 'POSIX')
    .map((t) => t.replace('_', '-'))
  tags.push(Intl.DateTimeFormat().resolvedOptions().locale)
  return localeFromSystem(tags)
}

const USAGE = `virtlab — VirtLab Companion command line

Usage:
  virtlab check [--json] [--lang zh-CN|en] [--verbose]
  virtlab check --capture FILE      save every probe's raw output (redacted) to FILE, then report
  virtlab check --replay FILE       report on a saved capture instead of this machine
${REPORT_USAGE}
  virtlab help

Exit codes: 0 ready / ready-with-caveats, 1 action-needed / unsupported / unknown, 2 error.
report verify / class summary: 0 every file valid, 1 any file invalid, 2 error.
`

interface CheckArgs {
  json: boolean
  lang: Locale | null
  capture: string | null
  replay: string | null
  verbose: boolean
}

export class UsageError extends Error {}

/** A file the CLI could not write: one clear line, exit 2. */
export class CliWriteError extends Error {}

/** Writes an output file; any failure becomes one line in the CLI's language. */
export async function writeOutputFile(path: string, body: string, locale: Locale): Promise<void> {
  try {
    await writeFile(path, body)
  } catch (error) {
    throw new CliWriteError(writeFailure(terminalField(path), error, locale))
  }
}

/** Before a long run: a target that is a folder, or in a folder that does not exist, fails now. */
async function checkOutputPath(path: string, locale: Locale): Promise<void> {
  const fail = (error: unknown): CliWriteError => new CliWriteError(writeFailure(terminalField(path), error, locale))
  let info: Stats | null = null
  try {
    info = await stat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(error)
  }
  if (info?.isDirectory()) throw fail({ code: 'EISDIR' })
  if (info === null) {
    const parent = await stat(dirname(resolve(path))).catch(() => null)
    if (parent === null) throw fail({ code: 'ENOENT' })
    if (!parent.isDirectory()) throw fail({ code: 'ENOTDIR' })
  }
}

function parseCheckArgs(args: string[]): CheckArgs {
  const out: CheckArgs = { json: false, lang: null, capture: null, replay: null, verbose: false }
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!
    const value = (): string => {
      const next = args[i + 1]
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`)
      i += 1
      return next
    }
    if (arg === '--json') out.json = true
    else if (arg === '--verbose' || arg === '-v') out.verbose = true
    else if (arg === '--lang') {
      const lang = value()
      if (lang !== 'zh-CN' && lang !== 'en') throw new UsageError(`--lang must be zh-CN or en, not “${lang}”`)
      out.lang = lang
    } else if (arg === '--capture') out.capture = value()
    else if (arg === '--replay') out.replay = value()
    else throw new UsageError(`unknown option ${arg}`)
  }
  if (out.capture && out.replay) throw new UsageError('--capture and --replay cannot be used together')
  return out
}

export function exitCodeFor(report: HostReport): number {
  return report.verdict.status === 'ready' || report.verdict.status === 'ready-with-caveats' ? 0 : 1
}

async function check(args: CheckArgs, io: CliIo): Promise<number> {
  const locale = args.lang ?? systemLocale()
  let report: HostReport
  if (args.replay) {
    report = await replayCaptureFile(args.replay)
  } else {
    if (args.capture) await checkOutputPath(args.capture, locale)
    const started = Date.now()
    const capture = await collectCapture({ env: currentEnvironment(RESOURCES_DIR), appVersion: APP_VERSION })
    report = evaluateCapture(capture, { source: 'live', durationMs: Date.now() - started })
    if (args.capture) {
      const redacted = redactCapture(capture, [safeUserName()])
      await writeOutputFile(args.capture, serializeCapture(redacted), locale)
      io.stderr(`${CLI_WORDS.captureSaved[locale]}: ${terminalField(args.capture)}\n`)
    }
  }
  if (args.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`)
  else io.stdout(formatReport(report, { locale, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, verbose: args.verbose }))
  return exitCodeFor(report)
}

function safeUserName(): string {
  try {
    return userInfo().username
  } catch {
    return ''
  }
}

/**
 * Runs one CLI invocation; returns the exit code. Never throws, never prints a stack trace (set
 * VIRTLAB_DEBUG=1 for one). Everything written goes through the terminal sanitiser.
 */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const [command, ...rest] = argv
  const io: CliIo = { stdout: (text) => rawIo.stdout(terminalOutput(text)), stderr: (text) => rawIo.stderr(terminalText(text)) }
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout(USAGE)
      return command === undefined ? 2 : 0
    }
    if (command === 'check') return await check(parseCheckArgs(rest), io)
    if (command === 'report' || command === 'class') return await runReportCommand(command, rest, systemLocale(), io)
    throw new UsageError(`unknown command “${command}”`)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`virtlab: ${error.message}\n\n${USAGE}`)
      return 2
    }
    if (error instanceof CaptureFileError || error instanceof CliWriteError) {
      io.stderr(`virtlab: ${terminalField(error.message)}\n`)
      return 2
    }
    const locale = systemLocale()
    const detail = process.env.VIRTLAB_DEBUG && error instanceof Error ? (error.stack ?? error.message) : terminalField(error instanceof Error ? error.message : String(error))
    io.stderr(`virtlab: ${CLI_WORDS.unexpected[locale]}: ${detail}\n`)
    return 2
  }
}
