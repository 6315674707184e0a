import type { Locale } from '../../../shared/i18n/locale'

/** A message tree: nested objects whose leaves are strings. */
export interface Messages {
  readonly [key: string]: string | Messages
}

/** The same tree shape with string leaves: what the second language must provide, key for key. */
export type SameShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> }

/**
 * Declares one namespace of UI text in both languages side by side. The type makes the English
 * tree carry exactly the Chinese tree's keys, so neither catalog can be incomplete.
 */
export function defineMessages<T extends Messages>(zhCN: T, en: SameShape<T>): Record<Locale, SameShape<T>> {
  return { 'zh-CN': zhCN as SameShape<T>, en }
}

/** Fills `{name}` placeholders. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  )
}
