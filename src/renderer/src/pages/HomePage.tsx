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

export function HomePage(): React.JSX.Element {
  const t = useMessages(homeMessages)
  const th = useMessages(hostMessages)
  const { locale } = useLocale()
  const { info } = useAppState()
  const [last, setLast] = useState<HostReport | null>(null)
  useEffect(() => {
    void api()
      .host.lastReport()
      .then(setLast)
      .catch(() => undefined)
  }, [])
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
          current={-1}
          items={(['host', 'labs', 'lessons', 'records'] as const).map((key) => ({
            title: t.steps[key].title,
            description: t.steps[key].body,
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
