import { CheckCircleFilled, ClockCircleOutlined, OrderedListOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, Progress, Row, Skeleton, Space, Tag, Typography } from 'antd'
import type { LabSummary } from '../../../../shared/labs/view'
import { api } from '../../api/client'
import { useApiData } from '../../api/use-api-data'
import { hrefFor } from '../../app/routes'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'
import { formatTime } from './format'

const STATUS_COLOR: Record<LabSummary['status'], string> = { 'not-started': 'default', 'in-progress': 'processing', done: 'success' }

function LabCard(props: { lab: LabSummary }): React.JSX.Element {
  const t = useMessages(labsMessages).list
  const { locale } = useLocale()
  const { lab } = props
  const percent = Math.round((lab.passedCount / lab.stepCount) * 100)
  const action = lab.status === 'done' ? t.review : lab.status === 'in-progress' ? t.continue : t.start
  return (
    <Card
      className="lab-card"
      data-testid={`lab-card-${lab.id}`}
      data-status={lab.status}
      title={
        <div className="lab-card-head">
          <Tag color={lab.demo === 0 ? 'purple' : 'blue'} className="lab-card-demo">
            {lab.demo === 0 ? t.readiness : fmt(t.demo, { n: lab.demo })}
          </Tag>
          <span className="lab-card-title">{lab.title[locale]}</span>
        </div>
      }
    >
      {/* The whole summary: a clamp would hide the rest behind a hover tooltip a keyboard cannot reach. */}
      <Typography.Paragraph type="secondary" className="lab-card-summary">
        {lab.summary[locale]}
      </Typography.Paragraph>
      <Progress
        percent={percent}
        status={lab.status === 'done' ? 'success' : 'normal'}
        format={() => `${lab.passedCount}/${lab.stepCount}`}
        aria-label={fmt(labsMessages[locale].progressLabel, { title: lab.title[locale], passed: lab.passedCount, total: lab.stepCount })}
        data-testid={`lab-progress-${lab.id}`}
      />
      <div className="lab-card-foot">
        <Space size={[6, 6]} wrap>
          <Tag color={STATUS_COLOR[lab.status]} icon={lab.status === 'done' ? <CheckCircleFilled /> : undefined} data-testid={`lab-status-${lab.id}`}>
            {t.status[lab.status]}
          </Tag>
          <Tag icon={<OrderedListOutlined />}>{fmt(t.steps, { n: lab.stepCount })}</Tag>
          <Tag icon={<ClockCircleOutlined />}>{fmt(t.minutes, { n: lab.estimatedMinutes })}</Tag>
        </Space>
        <Button
          type={lab.status === 'done' ? 'default' : 'primary'}
          href={hrefFor('labs', lab.id, lab.resumeStepId)}
          autoInsertSpace={false}
          data-testid={`open-lab-${lab.id}`}
        >
          {action}
        </Button>
      </div>
      {lab.lastAt && (
        <Typography.Text type="secondary" className="lab-card-last">
          {fmt(t.lastAt, { time: formatTime(lab.lastAt, locale) })}
        </Typography.Text>
      )}
    </Card>
  )
}

/** Every lab as a card with the student's progress; packs that failed to load are named with file and field. */
export function LabList(): React.JSX.Element {
  const t = useMessages(labsMessages).list
  const { data, error } = useApiData(() => api().labs.list())

  if (error) return <Alert type="error" showIcon title={fmt(t.failed, { reason: error })} />
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="lab-list">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t.intro}
      </Typography.Paragraph>
      {data.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={fmt(t.problemsTitle, { count: new Set(data.problems.map((p) => p.pack)).size })}
          description={
            <>
              <div>{t.problemsHint}</div>
              <ul className="lab-problems" data-testid="lab-problems">
                {data.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.file}</code>
                    {p.field && (
                      <>
                        {' '}
                        <code>{p.field}</code>
                      </>
                    )}
                    {' — '}
                    {p.message}
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
      {data.labs.length === 0 && <Empty description={t.empty} />}
      <Row gutter={[16, 16]}>
        {data.labs.map((lab) => (
          <Col key={lab.id} xs={24} lg={12} xxl={8}>
            <LabCard lab={lab} />
          </Col>
        ))}
      </Row>
    </Space>
  )
}
