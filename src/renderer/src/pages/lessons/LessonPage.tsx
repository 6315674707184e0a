import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Collapse, Skeleton, Space, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import Markdown, { type Components } from 'react-markdown'
import type { HostReport } from '../../../../shared/host/report'
import type { DiagramId } from '../../../../shared/lessons/lesson'
import type { LessonView } from '../../../../shared/lessons/view'
import { api, describeApiError } from '../../api/client'
import { hrefFor } from '../../app/routes'
import { useGlossaryMarkdown } from '../../components/glossary/glossary-markdown'
import { shiftedHeadings } from '../../components/markdown-headings'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { lessonsMessages } from '../../i18n/messages/lessons'
import { DIAGRAMS_USING_HOST, LessonDiagram } from './diagrams'
import { Quiz } from './Quiz'
import { scrollBehavior } from '../../app/motion'

/** Links in lesson text open in the system browser (main checks the allowlist); nothing navigates the app away. */
const markdownComponents: Components = {
  // The lesson's sections sit under its title (h2): `##` is h3.
  ...shiftedHeadings(1),
  a: ({ href, children }) => (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault()
        if (href?.startsWith('https://')) void api().app.openExternal(href)
      }}
    >
      {children}
    </a>
  ),
}

/** One lesson: its diagram, its text (Markdown, no raw HTML) and its quiz. */
export function LessonPage(props: { id: string }): React.JSX.Element {
  const messages = useMessages(lessonsMessages)
  const t = messages.lesson
  const listT = messages.list
  const { locale } = useLocale()
  const glossary = useGlossaryMarkdown()
  const [lesson, setLesson] = useState<LessonView | null>(null)
  const [report, setReport] = useState<HostReport | null>(null)
  const [error, setError] = useState<{ code: string; message: string } | null>(null)

  const load = useCallback(async () => {
    try {
      const view = await api().lessons.get(props.id)
      setLesson(view)
      if (DIAGRAMS_USING_HOST.includes(view.diagram as DiagramId)) setReport(await api().host.lastReport())
    } catch (e) {
      setError(describeApiError(e))
    }
  }, [props.id])

  useEffect(() => {
    void load()
  }, [load])

  const back = (
    <Button type="link" href={hrefFor('lessons')} icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} data-testid="lesson-back">
      {t.back}
    </Button>
  )
  if (error)
    return (
      <Space orientation="vertical">
        {back}
        <Alert type="error" showIcon title={error.code === 'not-found' ? fmt(t.notFound, { id: props.id }) : fmt(t.loadFailed, { reason: error.message })} />
      </Space>
    )
  if (!lesson) return <Skeleton active paragraph={{ rows: 10 }} />

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid={`lesson-${lesson.id}`}>
      <div>
        {back}
        <Typography.Title level={2} style={{ marginTop: 4, marginBottom: 8, fontSize: 24 }} data-testid="lesson-title">
          <Tag color="blue" style={{ verticalAlign: 'middle', fontSize: 14 }}>
            {fmt(listT.lessonNo, { n: lesson.order })}
          </Tag>
          {lesson.title[locale]}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 900, marginBottom: 8 }}>
          {lesson.summary[locale]}
        </Typography.Paragraph>
        <Button icon={<FormOutlined />} onClick={() => document.getElementById('lesson-quiz')?.scrollIntoView({ behavior: scrollBehavior() })} data-testid="lesson-to-quiz">
          {t.toQuiz}
        </Button>
      </div>
      <LessonDiagram id={lesson.diagram} report={report} />
      <Card title={t.text} size="small">
        <article className="lesson-body" lang={locale} data-testid="lesson-body">
          <Markdown skipHtml disallowedElements={['img']} remarkPlugins={glossary.remarkPlugins} components={{ ...markdownComponents, ...glossary.components }}>
            {lesson.body[locale]}
          </Markdown>
        </article>
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'seed',
              label: t.seedSections,
              children: (
                <ul className="lesson-seeds">
                  {lesson.seedSections.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t.quiz} size="small" id="lesson-quiz" data-testid="lesson-quiz">
        <Quiz
          key={lesson.seed}
          lesson={lesson}
          onRetake={() => {
            void load().then(() => document.getElementById('lesson-quiz')?.scrollIntoView())
          }}
        />
      </Card>
    </Space>
  )
}
