import type { Locale } from '../../../../shared/i18n/locale'
import { formatBytes as bytesIn, formatDateTime } from '../../../../shared/i18n/format'

/** A time in the reader's zone: 2026年12月5日 22:23 / 5 Dec 2026, 22:23 (src/shared/i18n/format.ts). */
export function formatTime(iso: string | null | undefined, locale: Locale): string {
  return formatDateTime(iso, locale)
}

/** A size in GiB. */
export function formatBytes(bytes: number | null, locale: Locale): string {
  return bytesIn(bytes, locale)
}

/** At most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
