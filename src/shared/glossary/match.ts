import type { Locale } from '../i18n/locale'
import type { GlossaryTerm } from './glossary'

/**
 * Finds glossary terms in running text (pure; the renderer's remark plugin uses it). Longer
 * spellings win over shorter ones inside them ("仅主机模式" before "主机"); a spelling that
 * begins or ends with a Latin letter or digit only matches as a whole word.
 */
export interface TermMatcher {
  readonly pattern: RegExp | null
  /** Spelling (lower case) → term id. */
  readonly ids: ReadonlyMap<string, string>
}

const WORDY = /[A-Za-z0-9]/

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function spellingsOf(term: GlossaryTerm, locale: Locale): string[] {
  return [term.term[locale], ...(term.aliases?.[locale] ?? [])]
}

export function buildMatcher(terms: readonly GlossaryTerm[], locale: Locale): TermMatcher {
  const ids = new Map<string, string>()
  for (const term of terms) {
    if (term.link === false) continue
    for (const spelling of spellingsOf(term, locale)) {
      const key = spelling.toLowerCase()
      if (spelling.length >= 2 && !ids.has(key)) ids.set(key, term.id)
    }
  }
  const spellings = [...ids.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b))
  if (spellings.length === 0) return { pattern: null, ids }
  const alternatives = spellings.map((s) => {
    const before = WORDY.test(s[0] ?? '') ? '(?<![A-Za-z0-9_.-])' : ''
    const after = WORDY.test(s.at(-1) ?? '') ? '(?![A-Za-z0-9_])' : ''
    return `${before}${escape(s).replace(/ /g, '\\s+')}${after}`
  })
  return { pattern: new RegExp(alternatives.join('|'), 'giu'), ids }
}

export type Segment = { readonly text: string; readonly termId?: string }

/**
 * Splits text into plain and term segments. `seen` carries the terms already linked in the same
 * document: each term is linked once, at its first appearance.
 */
export function splitTerms(text: string, matcher: TermMatcher, seen: Set<string>): Segment[] {
  if (!matcher.pattern || text === '') return [{ text }]
  const out: Segment[] = []
  let last = 0
  for (const match of text.matchAll(matcher.pattern)) {
    const found = match[0]
    const id = matcher.ids.get(found.toLowerCase().replace(/\s+/g, ' '))
    if (!id || seen.has(id)) continue
    seen.add(id)
    const at = match.index ?? 0
    if (at > last) out.push({ text: text.slice(last, at) })
    out.push({ text: found, termId: id })
    last = at + found.length
  }
  if (last < text.length) out.push({ text: text.slice(last) })
  return out.length > 0 ? out : [{ text }]
}
