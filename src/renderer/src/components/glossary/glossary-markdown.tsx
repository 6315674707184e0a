import { useMemo } from 'react'
import type { Components, Options } from 'react-markdown'
import { buildMatcher } from '../../../../shared/glossary/match'
import { useLocale } from '../../i18n/locale-context'
import { GlossaryTerm } from './GlossaryTerm'
import { remarkGlossary, TERM_ATTRIBUTE } from './remark-glossary'
import { useGlossary } from './use-glossary'

type PluggableList = NonNullable<Options['remarkPlugins']>

const NONE: { remarkPlugins: PluggableList; components: Components } = { remarkPlugins: [], components: {} }

/**
 * What a Markdown renderer adds to link glossary terms: a remark plugin and a `span` component.
 * Spread into <ReactMarkdown>: `remarkPlugins={g.remarkPlugins}` and `components={{ ...own, ...g.components }}`.
 */
export function useGlossaryMarkdown(enabled = true): { remarkPlugins: PluggableList; components: Components } {
  const { locale } = useLocale()
  const { view } = useGlossary()
  return useMemo(() => {
    if (!enabled || !view || view.terms.length === 0) return NONE
    const matcher = buildMatcher(view.terms, locale)
    const byId = new Map(view.terms.map((term) => [term.id, term]))
    const components: Components = {
      span: ({ node: _node, ...props }) => {
        const id = (props as Record<string, unknown>)[TERM_ATTRIBUTE]
        const term = typeof id === 'string' ? byId.get(id) : undefined
        return term ? <GlossaryTerm term={term}>{props.children}</GlossaryTerm> : <span {...props} />
      },
    }
    return { remarkPlugins: [[remarkGlossary, { matcher }]], components }
  }, [enabled, view, locale])
}
