// Every date the Teacher view shows goes through here: one place to switch to the shared Intl
// formatter when it lands in src/shared.
export { formatTime } from '../records/format'

/** A date without the time, for narrow cells: 2026/03/02 or 02/03/2026. */
export function formatDay(iso: string | null | undefined, locale: 'zh-CN' | 'en'): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleDateString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' })
}
