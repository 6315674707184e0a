import { ArrowRightOutlined, CheckCircleFilled } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { api } from '../../api/client'
import { useApiData } from '../../api/use-api-data'
import { hrefFor } from '../../app/routes'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { lessonsMessages } from '../../i18n/messages/lessons'

/** Every lesson as a card with its best quiz score; content files that failed to load are named. */
export function LessonList(): React.JSX.Element {
  const t = useMessages(lessonsMessages).list
  const { locale } = useLocale()
  const { data, error } = useApiData(() => api().lessons.list())

  if (error) return <Alert type="error" showIcon title={fmt(t.loadFailed, { reason: error })} />
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="lesson-list">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t.intro}
      </Typography.Paragraph>
      {data.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={fmt(t.problemsTitle, { count: data.problems.length })}
          description={
            <ul className="lesson-problems" data-testid="lesson-problems">
              {data.problems.map((p) => (
                <li key={p.dir}>
                  <code>{p.dir}</code>
                  <ul>
                    {p.messages.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          }
        />
      )}
      {data.lessons.length === 0 && <Empty description={t.empty} />}
      <Row gutter={[16, 16]}>
        {data.lessons.map((lesson) => {
          const perfect = lesson.best !== null && lesson.best.score === lesson.best.total
          return (
            <Col key={lesson.id} xs={24} lg={12} xxl={8}>
              <Card
                className="lesson-card"
                style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
                styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column' } }}
                data-testid={`lesson-card-${lesson.id}`}
                title={
                  <Space size="small">
                    <Tag color="blue">{fmt(t.lessonNo, { n: lesson.order })}</Tag>
                    <a className="lesson-card-title" href={hrefFor('lessons', lesson.id)}>
                      {lesson.title[locale]}
                    </a>
                  </Space>
                }
              >
                <Typography.Paragraph type="secondary" style={{ flex: 1 }}>
                  {lesson.summary[locale]}
                </Typography.Paragraph>
                <div className="lesson-card-footer">
                  <Space size="small" wrap>
                    <Tag>{fmt(t.questions, { count: lesson.questionCount })}</Tag>
                    {lesson.best ? (
                      <Tag color={perfect ? 'success' : 'processing'} icon={perfect ? <CheckCircleFilled /> : undefined} data-testid={`lesson-best-${lesson.id}`}>
                        {fmt(t.best, { score: lesson.best.score, total: lesson.best.total })}
                      </Tag>
                    ) : (
                      <Tag data-testid={`lesson-best-${lesson.id}`}>{t.notTaken}</Tag>
                    )}
                    {lesson.attempts > 0 && <Typography.Text type="secondary">{fmt(t.attempts, { count: lesson.attempts })}</Typography.Text>}
                  </Space>
                  <Button type="primary" href={hrefFor('lessons', lesson.id)} icon={<ArrowRightOutlined />} iconPlacement="end" data-testid={`open-lesson-${lesson.id}`}>
                    {t.open}
                  </Button>
                </div>
              </Card>
            </Col>
          )
        })}
      </Row>
    </Space>
  )
}
