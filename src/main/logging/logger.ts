import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Where main-process services write what happened. The Electron edge backs it with electron-log. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

export function formatDetail(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`
  if (typeof detail === 'string') return detail
  try {
    return JSON.stringify(detail)
  } catch {
    return String(detail)
  }
}

function line(level: LogLevel, message: string, details: unknown[]): string {
  const rest = details.map(formatDetail).join(' ')
  return `[${new Date().toISOString()}] [${level}] ${message}${rest ? ` ${rest}` : ''}`
}

/** Appends to a plain text file (tests, the CLI with --log). */
export function createFileLogger(path: string): Logger {
  mkdirSync(dirname(path), { recursive: true })
  const write = (level: LogLevel) => (message: string, ...details: unknown[]) =>
    appendFileSync(path, `${line(level, message, details)}\n`)
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

/** Keeps lines in memory; tests read `lines`. */
export function createMemoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  const write = (level: LogLevel) => (message: string, ...details: unknown[]) => {
    lines.push(line(level, message, details))
  }
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

/** Writes warnings and errors to stderr only (the CLI's default). */
export function createStderrLogger(verbose = false): Logger {
  const write = (level: LogLevel) => (message: string, ...details: unknown[]) => {
    if (verbose || level === 'warn' || level === 'error') process.stderr.write(`${line(level, message, details)}\n`)
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
