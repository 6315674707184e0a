import { Alert, Card, Empty, Input, Skeleton, Space, Tag, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import type { GlossaryTerm } from '../../../../shared/glossary/glossary'
import type { Localized } from '../../../../shared/i18n/locale'
import { api } from '../../api/client'
import { hrefFor, useRoute } from '../../app/routes'
import { useGlossary } from '../../components/glossary/use-glossary'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { glossaryMessages } from '../../i18n/messages/glossary'
import './glossary.css'

type Titles = { lessons: Map<string, Localized>; labs: Map<string, Localized> }

/** Lesson and lab titles for "taught in" (the glossary names them by id). */
function useTitles(): Titles {
  const [titles, setTitles] = useState<Titles>({ lessons: new Map(), labs: new Map() })
  useEffect(() => {
    let live = true
    Promise.all([api().lessons.list().catch(() => null), api().labs.list().catch(() => null)])
      .then(([lessons, labs]) => {
        if (!live) return
        setTitles({
          lessons: new Map((lessons?.lessons ?? []).map((l) => [l.id, l.title])),
          labs: new Map((labs?.labs ?? []).map((l) => [l.id, l.title])),
        })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return titles
}

/** Lower case, without spaces and dashes: "vt x" finds VT-x, "精简 置备" finds 精简置备. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[\s\-–—_·.]/g, '')
}

function haystack(term: GlossaryTerm): string {
  return fold(
    [term.term['zh-CN'], term.term.en, ...(term.aliases?.['zh-CN'] ?? []), ...(term.aliases?.en ?? []), term.definition['zh-CN'], term.definition.en].join('\n'),
  )
}

/** The glossary (术语表): every term in both languages, searchable; `#/glossary/<id>` shows one term. */
export default function GlossaryPage(): React.JSX.Element {
  const t = useMessages(glossaryMessages)
  const { locale } = useLocale()
  const { view, error } = useGlossary()
  const { rest } = useRoute()
  const focusId = rest[0]
  const [query, setQuery] = useState('')
  const titles = useTitles()
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN'

  const indexed = useMemo(() => (view?.terms ?? []).map((term) => ({ term, text: haystack(term) })), [view])
  const shown = useMemo(() => {
    const q = fold(query)
    return q === '' ? indexed.map((x) => x.term) : indexed.filter((x) => x.text.includes(q)).map((x) => x.term)
  }, [indexed, query])

  useEffect(() => {
    if (!focusId || !view) return
    const element = document.getElementById(`term-card-${focusId}`)
    if (!element) return
    if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' })
    element.focus({ preventScroll: true })
  }, [focusId, view])

  if (error) return <Alert type="error" showIcon title={fmt(t.loadFailed, { reason: error })} />
  if (!view) return <Skeleton active />
  if (view.problems.length > 0 && view.terms.length === 0)
    return <Alert type="error" showIcon title={fmt(t.loadFailed, { reason: view.problems.join('; ') })} />

  const placeOf = (where: string): { href: string; label: string } => {
    const [kind, id = ''] = where.split(':')
    if (kind === 'lab') return { href: hrefFor('labs', id), label: fmt(t.lab, { title: titles.labs.get(id)?.[locale] ?? id }) }
    return { href: hrefFor('lessons', id), label: fmt(t.lesson, { title: titles.lessons.get(id)?.[locale] ?? id }) }
  }

  return (
    <div className="glossary-page" data-testid="glossary-page">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Input.Search
          allowClear
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t.search}
          aria-label={t.search}
          data-testid="glossary-search"
          style={{ maxWidth: 480 }}
        />
        <Typography.Text type="secondary" aria-live="polite" data-testid="glossary-count">
          {query.trim() === '' ? fmt(t.count, { count: view.terms.length }) : fmt(t.matches, { count: shown.length })}
        </Typography.Text>
        {shown.length === 0 ? (
          <Empty description={fmt(t.none, { query: query.trim() })} />
        ) : (
          <dl className="glossary-list">
            {shown.map((term) => {
              const aliases = term.aliases?.[locale] ?? []
              return (
                <Card
                  key={term.id}
                  size="small"
                  id={`term-card-${term.id}`}
                  tabIndex={-1}
                  className={`glossary-card${term.id === focusId ? ' glossary-card-focus' : ''}`}
                  data-testid={`glossary-term-${term.id}`}
                >
                  <dt>
                    <span className="glossary-term" lang={locale}>
                      {term.term[locale]}
                    </span>
                    <span className="glossary-other" lang={other}>
                      {term.term[other]}
                    </span>
                  </dt>
                  <dd>
                    <p className="glossary-def" lang={locale}>
                      {term.definition[locale]}
                    </p>
                    {aliases.length > 0 && (
                      <p className="glossary-meta">
                        {t.alsoCalled}
                        {aliases.map((a) => (
                          <Tag key={a}>{a}</Tag>
                        ))}
                      </p>
                    )}
                    <p className="glossary-meta">
                      {t.taughtIn}
                      {term.taughtIn.map((where) => {
                        const place = placeOf(where)
                        return (
                          <a key={where} href={place.href} className="glossary-place">
                            {place.label}
                          </a>
                        )
                      })}
                    </p>
                  </dd>
                </Card>
              )
            })}
          </dl>
        )}
      </Space>
    </div>
  )
}
