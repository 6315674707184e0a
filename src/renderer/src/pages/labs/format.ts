import type { Locale } from '../../../../shared/i18n/locale'
import { formatDateTime } from '../../../../shared/i18n/format'

export function formatTime(iso: string, locale: Locale): string {
  return formatDateTime(iso, locale)
}
