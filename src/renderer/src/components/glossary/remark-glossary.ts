import { splitTerms, type TermMatcher } from '../../../../shared/glossary/match'

/** The few mdast shapes the plugin touches. */
interface MdNode {
  type: string
  value?: string
  children?: MdNode[]
  data?: Record<string, unknown>
}

/** Where terms are not linked: code, existing links, headings, raw HTML. */
const SKIP = new Set(['code', 'inlineCode', 'link', 'linkReference', 'heading', 'html', 'definition'])

/** The hast property that marks a term; the Markdown renderers turn such spans into <GlossaryTerm>. */
export const TERM_ATTRIBUTE = 'data-glossary-term'

function termNode(text: string, id: string): MdNode {
  return {
    type: 'glossaryTerm',
    data: { hName: 'span', hProperties: { dataGlossaryTerm: id } },
    children: [{ type: 'text', value: text }],
  }
}

function walk(node: MdNode, matcher: TermMatcher, seen: Set<string>): void {
  if (!node.children || SKIP.has(node.type)) return
  const next: MdNode[] = []
  for (const child of node.children) {
    if (child.type === 'text' && typeof child.value === 'string') {
      for (const segment of splitTerms(child.value, matcher, seen)) {
        next.push(segment.termId ? termNode(segment.text, segment.termId) : { type: 'text', value: segment.text })
      }
    } else {
      walk(child, matcher, seen)
      next.push(child)
    }
  }
  node.children = next
}

/**
 * A remark plugin: links each glossary term at its first appearance in the document. Terms
 * become `<span data-glossary-term="id">`, which the renderer's components show as a link with
 * the definition on hover, focus or click.
 */
export function remarkGlossary(options: { matcher: TermMatcher }) {
  return (tree: unknown): void => {
    walk(tree as MdNode, options.matcher, new Set())
  }
}
