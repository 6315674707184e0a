import { CheckCircleTwoTone, CloseCircleTwoTone, ExclamationCircleTwoTone, QuestionCircleTwoTone, StopTwoTone } from '@ant-design/icons'
import { Alert, Button, Card, Space, Typography } from 'antd'
import type { HostReport, VerdictStatus } from '../../../../shared/host/report'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { hostMessages } from '../../i18n/messages/host'
import { formatDateTime, formatDuration } from '../../../../shared/i18n/format'

const ICON: Record<VerdictStatus, React.ReactNode> = {
  ready: <CheckCircleTwoTone twoToneColor="#52c41a" />,
  'ready-with-caveats': <ExclamationCircleTwoTone twoToneColor="#faad14" />,
  'action-needed': <CloseCircleTwoTone twoToneColor="#ff4d4f" />,
  unsupported: <StopTwoTone twoToneColor="#ff4d4f" />,
  unknown: <QuestionCircleTwoTone twoToneColor="#722ed1" />,
}
const BORDER: Record<VerdictStatus, string> = {
  ready: '#b7eb8f',
  'ready-with-caveats': '#ffe58f',
  'action-needed': '#ffa39e',
  unsupported: '#ffa39e',
  unknown: '#d3adf7',
}

export function VerdictCard(props: {
  report: HostReport | null
  running: boolean
  pendingCount: number
  onRun: () => void
  onSave: () => void
  /** False while a replayed capture is shown: nothing to re-check or save then. */
  actions?: boolean
}): React.JSX.Element {
  const t = useMessages(hostMessages)
  const { locale } = useLocale()
  const { report, running } = props
  const v = report?.verdict
  const final = report && !report.partial
  return (
    <Card style={{ borderColor: final && v ? BORDER[v.status] : undefined, borderWidth: 2 }} data-testid="verdict-card">
      <Space align="start" size="large" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space align="start" size="middle">
          <div style={{ fontSize: 40, lineHeight: 1 }}>{final && v ? ICON[v.status] : <QuestionCircleTwoTone twoToneColor="#bfbfbf" />}</div>
          <div style={{ maxWidth: 720 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="verdict-status" data-verdict={final && v ? v.status : 'pending'}>
              {final && v ? t.verdict[v.status] : running ? t.running : t.notRun}
            </Typography.Title>
            <Typography.Paragraph style={{ margin: '6px 0 0', fontSize: 15 }} data-testid="verdict-summary">
              {final && v ? v.summary[locale] : t.intro}
            </Typography.Paragraph>
            {running && props.pendingCount > 0 && (
              <Typography.Text type="secondary">{fmt(t.pendingNote, { count: props.pendingCount })}</Typography.Text>
            )}
            {final && report && report.source === 'live' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmt(t.checkedAt, { time: formatDateTime(report.generatedAt, locale), duration: formatDuration(report.durationMs, locale) })}
              </Typography.Text>
            )}
          </div>
        </Space>
        <Space style={{ display: props.actions === false ? 'none' : undefined }}>
          <Button type="primary" onClick={props.onRun} loading={running} data-testid="host-run">
            {report ? t.rerun : t.run}
          </Button>
          <Button onClick={props.onSave} disabled={running || !report} data-testid="host-save">
            {t.saveCapture}
          </Button>
        </Space>
      </Space>
      {final && v?.firstFix && (
        <Alert style={{ marginTop: 16 }} type={v.status === 'ready-with-caveats' ? 'warning' : 'error'} showIcon message={t.firstFix} description={v.firstFix[locale]} data-testid="verdict-first-fix" />
      )}
    </Card>
  )
}
