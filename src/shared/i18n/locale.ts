import { z } from 'zod'

/** The UI languages the app ships, Chinese first. */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const LocaleSchema = z.enum(LOCALES)

/** A piece of text in every UI language. */
export type Localized = Record<Locale, string>
export const LocalizedSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict()

/**
 * Chooses the UI language from the OS's preferred languages:
 * any Chinese variant gives zh-CN, everything else English.
 */
export function localeFromSystem(preferred: readonly string[]): Locale {
  const first = preferred.find((tag) => tag.trim() !== '')
  if (first === undefined) return 'en'
  return /^zh\b/i.test(first.trim()) ? 'zh-CN' : 'en'
}

export function pick(text: Localized, locale: Locale): string {
  return text[locale]
}
