import type { Locale } from '../../../../shared/i18n/locale'

/** “实验 0” / “Lab 0”: labs are numbered by their place in the course (the CSV uses the same). */
export function labShort(index: number, locale: Locale): string {
  return locale === 'zh-CN' ? `实验 ${index}` : `Lab ${index}`
}
