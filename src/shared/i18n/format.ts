import type { Locale } from './locale'

/**
 * The one way dates, times, durations and sizes are written, in both languages, built on `Intl`:
 * zh-CN “2026年12月5日 22:23”, “6 秒”, “15.8 GiB”; en “5 Dec 2026, 22:23”, “6 s”, “15.8 GiB”.
 * Times are in the reader's time zone unless `timeZone` is given (tests, the CLI's --tz).
 * Sizes are always binary gibibytes (GiB), the unit Windows and VMware actually count in.
 */

const NONE = '—'
const INTL_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' }

interface TimeOptions {
  readonly timeZone?: string
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null
  const d = value instanceof Date ? value : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

const cache = new Map<string, Intl.DateTimeFormat>()
function dateFormat(locale: Locale, withTime: boolean, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${timeZone ?? ''}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      year: 'numeric',
      month: locale === 'zh-CN' ? 'long' : 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      ...(timeZone ? { timeZone } : {}),
    })
    cache.set(key, f)
  }
  return f
}

/** “2026年12月5日 22:23” / “5 Dec 2026, 22:23”; “—” for nothing, the input itself when it is not a date. */
export function formatDateTime(value: string | number | Date | null | undefined, locale: Locale, options: TimeOptions = {}): string {
  const d = toDate(value)
  if (!d) return typeof value === 'string' && value !== '' ? value : NONE
  return dateFormat(locale, true, options.timeZone).format(d)
}

/** “2026年12月5日” / “5 Dec 2026”. */
export function formatDate(value: string | number | Date | null | undefined, locale: Locale, options: TimeOptions = {}): string {
  const d = toDate(value)
  if (!d) return typeof value === 'string' && value !== '' ? value : NONE
  return dateFormat(locale, false, options.timeZone).format(d)
}

function number(value: number, locale: Locale, fractionDigits: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value)
}

const UNITS: Record<Locale, { s: string; min: string; h: string }> = {
  'zh-CN': { s: '秒', min: '分', h: '小时' },
  en: { s: 's', min: 'min', h: 'h' },
}

/** “6 秒”, “0.4 秒”, “2 分 5 秒”, “1 小时 3 分” / “6 s”, “0.4 s”, “2 min 5 s”, “1 h 3 min”. */
export function formatDuration(ms: number | null | undefined, locale: Locale): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return NONE
  const u = UNITS[locale]
  if (ms < 10_000) return `${number(Math.round(ms / 100) / 10, locale, 1)} ${u.s}`
  const totalSeconds = Math.round(ms / 1000)
  if (totalSeconds < 60) return `${number(totalSeconds, locale, 0)} ${u.s}`
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return minutes > 0 ? `${hours} ${u.h} ${minutes} ${u.min}` : `${hours} ${u.h}`
  return seconds > 0 ? `${minutes} ${u.min} ${seconds} ${u.s}` : `${minutes} ${u.min}`
}

/** Sizes in GiB with one decimal: “15.8 GiB” (both languages). */
export function formatBytes(bytes: number | null | undefined, locale: Locale): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return NONE
  return `${number(Math.round((bytes / 1024 ** 3) * 10) / 10, locale, 1)} GiB`
}
