import type { Locale } from '../i18n/locale'
import type { GlossaryTerm } from './glossary'

/** A variant spelling found in content where the glossary's term should be used. */
export interface VariantHit {
  readonly termId: string
  /** The glossary's own spelling. */
  readonly use: string
  readonly found: string
  readonly line: number
}

/**
 * Finds the glossary's `avoid` variants in a text (pure). `locales` says which languages' lists
 * apply: a Chinese file gets the zh-CN list, a YAML file holding both languages gets both.
 */
export function findVariants(text: string, terms: readonly GlossaryTerm[], locales: readonly Locale[]): VariantHit[] {
  const hits: VariantHit[] = []
  const lines = text.split('\n')
  for (const term of terms) {
    for (const locale of locales) {
      for (const source of term.avoid?.[locale] ?? []) {
        const pattern = new RegExp(source, 'gu')
        lines.forEach((line, i) => {
          for (const match of line.matchAll(pattern)) hits.push({ termId: term.id, use: term.term[locale], found: match[0], line: i + 1 })
        })
      }
    }
  }
  return hits.sort((a, b) => a.line - b.line)
}

/** Which languages' variant lists apply to a content file, by its name. */
export function localesOfFile(path: string): Locale[] {
  if (/(^|[./])zh-CN\.md$/.test(path)) return ['zh-CN']
  if (/(^|[./])en\.md$/.test(path)) return ['en']
  return ['zh-CN', 'en']
}
