import type { Locale } from '../../../../shared/i18n/locale'

/** A time in the reader's zone, e.g. 2026/03/02 09:07 or 02/03/2026, 09:07. */
export function formatTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—'
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`
}

/** At most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
