import { ArrowRightOutlined } from '@ant-design/icons'
import { Button, Card, Col, Row, Space, Steps, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { HostReport } from '../../../shared/host/report'
import { api } from '../api/client'
import { hostMessages } from '../i18n/messages/host'
import { useAppState } from '../app/app-state'
import { navigate } from '../app/routes'
import { fmt } from '../i18n/define'
import { useLocale, useMessages } from '../i18n/locale-context'
import { homeMessages } from '../i18n/messages/home'
import { formatDateTime } from '../../../shared/i18n/format'

export function HomePage(): React.JSX.Element {
  const t = useMessages(homeMessages)
  const th = useMessages(hostMessages)
  const { locale } = useLocale()
  const { info } = useAppState()
  const [last, setLast] = useState<HostReport | null>(null)
  const [progress, setProgress] = useState<{ labsDone: number; labs: number; lessonsDone: number; lessons: number } | null>(null)
  // The last check kept in the records (it survives a restart; the full report does not).
  const [kept, setKept] = useState<{ at: string; verdict: HostReport['verdict']['status'] } | null>(null)
  useEffect(() => {
    void api()
      .host.lastReport()
      .then(setLast)
      .catch(() => undefined)
    void Promise.all([api().records.overview(), api().lessons.list()])
      .then(([overview, lessons]) => {
        if (overview.machine) setKept({ at: overview.machine.at, verdict: overview.machine.verdict })
        setProgress({
          labsDone: overview.labs.filter((l) => l.status === 'completed').length,
          labs: overview.labs.length,
          lessonsDone: lessons.lessons.filter((l) => l.attempts > 0).length,
          lessons: lessons.lessons.length,
        })
      })
      .catch(() => undefined)
  }, [])
  // Where the student is: check the host first, then the labs, the lessons, the report.
  const verdict = last?.verdict.status ?? kept?.verdict ?? null
  const current = !verdict ? 0 : progress && progress.labsDone < progress.labs ? 1 : progress && progress.lessonsDone < progress.lessons ? 2 : 3
  const status: Record<'host' | 'labs' | 'lessons' | 'records', string | null> = {
    host: verdict ? fmt(t.progress.host, { verdict: th.verdict[verdict] }) : null,
    labs: progress ? fmt(t.progress.labs, { done: progress.labsDone, total: progress.labs }) : null,
    lessons: progress ? fmt(t.progress.lessons, { done: progress.lessonsDone, total: progress.lessons }) : null,
    records: current === 3 ? t.progress.records : null,
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t.title}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15, maxWidth: 820 }}>{t.intro}</Typography.Paragraph>
        <Space>
          <Button type="primary" size="large" icon={<ArrowRightOutlined />} onClick={() => navigate('host')} data-testid="home-start">
            {t.start}
          </Button>
          <Button size="large" onClick={() => navigate('labs')}>
            {t.openLabs}
          </Button>
        </Space>
      </Card>
      <Card>
        <Steps
          current={current}
          data-testid="home-steps"
          items={(['host', 'labs', 'lessons', 'records'] as const).map((key) => ({
            title: t.steps[key].title,
            description: (
              <>
                <div>{t.steps[key].body}</div>
                {status[key] && <div className="home-step-status">{status[key]}</div>}
              </>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t.lastCheck} data-testid="home-last-check">
        {last ? (
          <Space direction="vertical" size={4}>
            <Typography.Text strong>{th.verdict[last.verdict.status]}</Typography.Text>
            <Typography.Text>{last.verdict.summary[locale]}</Typography.Text>
            <Button type="link" style={{ padding: 0 }} onClick={() => navigate('host')}>
              {t.viewCheck}
            </Button>
          </Space>
        ) : kept ? (
          <Space direction="vertical" size={4}>
            <Typography.Text strong>{th.verdict[kept.verdict]}</Typography.Text>
            <Typography.Text type="secondary">{formatDateTime(kept.at, locale)}</Typography.Text>
            <Button type="link" style={{ padding: 0 }} onClick={() => navigate('host')}>
              {t.viewCheck}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t.noCheck}</Typography.Text>
        )}
      </Card>
      <Row gutter={16}>
        <Col span={24}>
          <Typography.Text type="secondary">
            {t.machine}: {info.platform} · {info.arch} · {fmt(t.version, { version: info.version })}
          </Typography.Text>
        </Col>
      </Row>
    </Space>
  )
}
