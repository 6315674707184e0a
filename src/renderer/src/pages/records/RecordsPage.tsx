import { ApiOutlined, FileTextOutlined, ProfileOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Collapse, Descriptions, Empty, Progress, Row, Space, Spin, Typography, message } from 'antd'
import { hrefFor, useRoute } from '../../app/routes'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'
import { runExport } from './export-actions'
import { LabStatusTag, MachineSummary, QuizTable, StepsTable } from './parts'
import { ReportPage } from './ReportPage'
import { useRecordsOverview } from './use-records'
import './report.css'

/** #/records and #/records/report. */
export function RecordsRoute(): React.JSX.Element {
  const route = useRoute()
  return route.rest[0] === 'report' ? <ReportPage /> : <RecordsPage />
}

export function RecordsPage(): React.JSX.Element {
  const t = useMessages(recordsMessages)
  const { locale } = useLocale()
  const { overview, error } = useRecordsOverview()
  const [toast, holder] = message.useMessage()

  if (error) return <Alert type="error" showIcon title={fmt(t.page.loadFailed, { reason: error })} />
  if (!overview) return <Spin />
  const { profile } = overview

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="records-page">
      {holder}
      {overview.recovery && (
        <Alert
          type="warning"
          showIcon
          title={overview.recovery.readOnly ? t.recovered.readOnlyTitle : t.recovered.title}
          description={fmt(overview.recovery.readOnly ? t.recovered.readOnlyBody : t.recovered.body, { reason: overview.recovery.reason, path: overview.recovery.movedTo })}
          data-testid="records-recovered"
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.page.intro}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card
            title={t.profile.title}
            size="small"
            extra={
              <a href={hrefFor('settings')} data-testid="profile-edit">
                {profile ? t.profile.edit : t.profile.fill}
              </a>
            }
          >
            {profile ? (
              <Descriptions column={1} size="small" data-testid="records-profile">
                <Descriptions.Item label={t.profile.name}>{profile.name}</Descriptions.Item>
                <Descriptions.Item label={t.profile.studentNumber}>{profile.studentNumber}</Descriptions.Item>
                <Descriptions.Item label={t.profile.className}>{profile.className}</Descriptions.Item>
                <Descriptions.Item label={t.profile.course}>{profile.course}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t.profile.missing}</Typography.Text>
            )}
            <Space wrap style={{ marginTop: 12 }}>
              <Button type="primary" icon={<ProfileOutlined />} href={hrefFor('records', 'report')} disabled={!profile} data-testid="view-report">
                {t.page.viewReport}
              </Button>
              <Button icon={<FileTextOutlined />} disabled={!profile} onClick={() => void runExport('exportJson', t, toast)} data-testid="records-export-json">
                {t.page.exportJson}
              </Button>
              <Button icon={<ApiOutlined />} disabled={!profile} onClick={() => void runExport('exportXapi', t, toast)} data-testid="export-xapi">
                {t.page.exportXapi}
              </Button>
            </Space>
            {!profile && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t.page.needProfile} />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t.page.machine} size="small">
            {overview.machine ? <MachineSummary machine={overview.machine} locale={locale} /> : <Typography.Text type="secondary">{t.page.noMachine}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <Card title={t.page.labs} size="small">
        {overview.labs.length === 0 ? (
          <Empty description={t.report.noLabs} />
        ) : (
          <Collapse
            data-testid="records-labs"
            defaultActiveKey={overview.labs.filter((l) => l.status === 'in-progress').map((l) => l.id)}
            items={overview.labs.map((lab) => ({
              key: lab.id,
              label: (
                <Space wrap>
                  <span>{lab.title ? lab.title[locale] : lab.id}</span>
                  <LabStatusTag status={lab.status} locale={locale} />
                </Space>
              ),
              extra: (
                <Progress
                  percent={lab.stepCount ? Math.round((lab.passedCount / lab.stepCount) * 100) : 0}
                  size="small"
                  style={{ width: 160, margin: 0 }}
                  format={() => fmt(t.page.stepsDone, { passed: lab.passedCount, total: lab.stepCount })}
                />
              ),
              children: <StepsTable lab={lab} locale={locale} />,
            }))}
          />
        )}
      </Card>
      <Card title={t.page.quizzes} size="small">
        {overview.quizzes.length === 0 ? <Typography.Text type="secondary">{t.page.noQuizzes}</Typography.Text> : <QuizTable quizzes={overview.quizzes} locale={locale} />}
      </Card>
    </Space>
  )
}
