import type { Components } from 'react-markdown'

type Level = 1 | 2 | 3 | 4 | 5 | 6

/**
 * Content files write their sections as `##`. Where the text sits under a page's own headings (a
 * lesson's title is h2, a lab step's title is h3), its sections must continue that outline: `##`
 * becomes `h{2 + by}`, and so on, never past h6. The styling hooks stay the author's level
 * (`md-h2`), so the look does not change with the place.
 */
export function shiftedHeadings(by: number): Components {
  const at = (level: Level) => {
    const Tag = `h${Math.min(6, level + by)}` as 'h1'
    return function Heading(props: React.ComponentProps<'h1'> & { node?: unknown }): React.JSX.Element {
      const { node: _node, className, ...rest } = props
      return <Tag {...rest} className={`md-h${level}${className ? ` ${className}` : ''}`} />
    }
  }
  return { h1: at(1), h2: at(2), h3: at(3), h4: at(4), h5: at(5), h6: at(6) }
}
