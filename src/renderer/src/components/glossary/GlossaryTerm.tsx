import { Popover, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { GlossaryTerm as Term } from '../../../../shared/glossary/glossary'
import { hrefFor } from '../../app/routes'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { glossaryMessages } from '../../i18n/messages/glossary'
import './glossary-term.css'

/** A term in lesson or lab text: a link to the glossary, with the definition on hover, focus or touch. */
export function GlossaryTerm(props: { term: Term; children: ReactNode }): React.JSX.Element {
  const { locale } = useLocale()
  const t = useMessages(glossaryMessages)
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN'
  const content = (
    <div className="gl-popover" lang={locale}>
      <Typography.Text strong>{props.term.term[locale]}</Typography.Text>
      <Typography.Text type="secondary" lang={other}>
        {' · '}
        {props.term.term[other]}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: '4px 0 0' }}>{props.term.definition[locale]}</Typography.Paragraph>
      <a href={hrefFor('glossary', props.term.id)}>{t.openInGlossary}</a>
    </div>
  )
  return (
    <Popover content={content} trigger={['hover', 'focus']} mouseEnterDelay={0.25} overlayStyle={{ maxWidth: 360 }}>
      <a className="gl-term" href={hrefFor('glossary', props.term.id)} data-testid={`term-${props.term.id}`}>
        {props.children}
      </a>
    </Popover>
  )
}
