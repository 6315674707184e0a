import ReactMarkdown, { type Components } from 'react-markdown'
import { EXTERNAL_LINK_HOSTS } from '../../../../shared/app/app-info'
import { api } from '../../api/client'
import { useGlossaryMarkdown } from '../../components/glossary/glossary-markdown'
import { shiftedHeadings } from '../../components/markdown-headings'

const HOSTS = EXTERNAL_LINK_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')
/** A bare allowlisted address (support.broadcom.com, https://learn.microsoft.com/…) not already inside a link. */
const BARE = new RegExp(`(?<![\\w/.\\[(<@-])((?:https://)?(?:${HOSTS})(?:/[^\\s)）\\]，。；、“”]*)?)`, 'g')

/** Turns bare allowlisted addresses into links (outside code spans); the text stays the text. */
export function linkifyAllowed(markdown: string): string {
  return markdown
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(BARE, (found: string) => {
            const [, text = found, tail = ''] = /^(.*?)([.,:;!?]*)$/.exec(found) ?? []
            return `[${text}](${text.startsWith('https://') ? text : `https://${text}`})${tail}`
          }),
    )
    .join('')
}

/** Opens https links through main (which checks its allowlist); anything else stays plain text. */
function Link(props: React.ComponentProps<'a'>): React.JSX.Element {
  const href = typeof props.href === 'string' ? props.href : ''
  if (!/^https:\/\//i.test(href)) return <span>{props.children}</span>
  return (
    <a
      href={href}
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault()
        void api()
          .app.openExternal(href)
          .catch(() => undefined)
      }}
    >
      {props.children}
    </a>
  )
}

const COMPONENTS: Components = {
  // A step's sections sit under its title (h3): `##` is h4.
  ...shiftedHeadings(2),
  a: Link,
  // Images in the text would load from anywhere: figures come from the pack instead.
  img: () => null,
}

/** Lab text: CommonMark without raw HTML (it is dropped, never rendered). */
export function Markdown(props: { children: string; className?: string; inline?: boolean }): React.JSX.Element {
  // Glossary terms are linked in step bodies, not in the short inline texts (tips, criteria).
  const glossary = useGlossaryMarkdown(!props.inline)
  return (
    <div className={`lab-md${props.inline ? ' lab-md-inline' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <ReactMarkdown skipHtml remarkPlugins={glossary.remarkPlugins} components={{ ...COMPONENTS, ...glossary.components }}>
        {linkifyAllowed(props.children)}
      </ReactMarkdown>
    </div>
  )
}
