import { CheckCircleTwoTone, CloseCircleTwoTone, ExclamationCircleTwoTone, QuestionCircleTwoTone, StopTwoTone } from '@ant-design/icons'
import { Button, Card, Space, Tag, Typography, message } from 'antd'
import { nextAction, type NextAction } from '../../../../shared/host/next-action'
import type { HostReport, VerdictStatus } from '../../../../shared/host/report'
import { navigate } from '../../app/routes'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { hostMessages } from '../../i18n/messages/host'
import { formatDateTime, formatDuration } from '../../../../shared/i18n/format'

const ICON: Record<VerdictStatus, React.ReactNode> = {
  ready: <CheckCircleTwoTone twoToneColor="#389e0d" />,
  'ready-with-caveats': <ExclamationCircleTwoTone twoToneColor="#d48806" />,
  'action-needed': <CloseCircleTwoTone twoToneColor="#cf1322" />,
  unsupported: <StopTwoTone twoToneColor="#cf1322" />,
  unknown: <QuestionCircleTwoTone twoToneColor="#722ed1" />,
}
const BORDER: Record<VerdictStatus, string> = {
  ready: '#b7eb8f',
  'ready-with-caveats': '#ffe58f',
  'action-needed': '#ffa39e',
  unsupported: '#ffa39e',
  unknown: '#d3adf7',
}

/** The whole next action: title, numbered steps, a command to copy, admin/restart, when to leave it. */
function ActionBlock(props: { action: NextAction; tone: 'error' | 'warning' }): React.JSX.Element {
  const t = useMessages(hostMessages)
  const { locale } = useLocale()
  const { action } = props
  return (
    <section className={`next-action next-action-${props.tone}`} data-testid="verdict-first-fix" data-kind={action.kind} aria-labelledby="next-action-title">
      <Typography.Title level={3} id="next-action-title" className="next-action-title">
        {fmt(t.action.title, { title: action.title[locale] })}
      </Typography.Title>
      <ol className="next-action-steps" data-testid="next-action-steps">
        {action.steps.map((step, i) => (
          <li key={i}>{step[locale]}</li>
        ))}
      </ol>
      {action.command && (
        <div className="next-action-command">
          <Typography.Text code copyable={{ text: action.command, tooltips: [t.action.copy, t.action.copied] }} data-testid="next-action-command">
            {action.command}
          </Typography.Text>
        </div>
      )}
      {(action.needsAdmin || action.needsRestart) && (
        <Space size={4} wrap className="next-action-tags">
          {action.needsAdmin && <Tag color="blue">{t.action.admin}</Tag>}
          {action.needsRestart && <Tag color="blue">{t.action.restart}</Tag>}
        </Space>
      )}
      {action.keepWhen && (
        <Typography.Paragraph className="next-action-keep" data-testid="next-action-keep">
          <strong>{action.kind === 'guest' ? t.action.simplest : t.action.keepWhen}</strong>
          {action.keepWhen[locale]}
        </Typography.Paragraph>
      )}
      {action.note && (
        <Typography.Paragraph type="secondary" className="next-action-note">
          {action.note[locale]}
        </Typography.Paragraph>
      )}
    </section>
  )
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
  const final = report && !report.partial ? report : null
  const action = final ? nextAction(final) : null
  const ready = final && (final.verdict.status === 'ready' || final.verdict.status === 'ready-with-caveats')
  const tone = v?.status === 'ready-with-caveats' ? 'warning' : 'error'
  // One primary action: copy the command, or start Lab 1 when the machine is ready; "check again" comes next.
  const primaryIsRun = !ready && !action?.command
  const [toast, holder] = message.useMessage()
  const copyCommand = async (command: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(command)
      void toast.success(t.action.copied)
    } catch {
      void toast.info(t.action.copyByHand)
    }
  }
  return (
    <Card style={{ borderColor: final && v ? BORDER[v.status] : undefined, borderWidth: 2 }} data-testid="verdict-card" data-running={running ? 'true' : 'false'} styles={{ body: { padding: 16 } }}>
      {holder}
      <div className="verdict-head">
        <div className="verdict-icon" aria-hidden>
          {final && v ? ICON[v.status] : <QuestionCircleTwoTone twoToneColor="#8c8c8c" />}
        </div>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={2} className="verdict-title" data-testid="verdict-status" data-verdict={final && v ? v.status : 'pending'}>
            {final && v ? t.verdict[v.status] : running ? t.running : t.notRun}
          </Typography.Title>
          <Typography.Paragraph className="verdict-summary" data-testid="verdict-summary">
            {final && v ? v.summary[locale] : t.intro}
          </Typography.Paragraph>
          {running && props.pendingCount > 0 && <Typography.Text type="secondary">{fmt(t.pendingNote, { count: props.pendingCount })}</Typography.Text>}
        </div>
      </div>
      {action && <ActionBlock action={action} tone={tone} />}
      <div className="verdict-actions" style={{ display: props.actions === false ? 'none' : undefined }}>
        {!ready && action?.command && (
          <Button type="primary" onClick={() => void copyCommand(action.command!)} data-testid="next-action-copy">
            {t.action.copyCommand}
          </Button>
        )}
        {ready && (
          <Button type="primary" onClick={() => navigate('labs', 'install-workstation')} data-testid="verdict-next-lab">
            {t.action.startLab1}
          </Button>
        )}
        <Button type={primaryIsRun ? 'primary' : 'default'} onClick={props.onRun} loading={running} data-testid="host-run">
          {report ? t.rerun : t.run}
        </Button>
        <Button type="link" onClick={props.onSave} disabled={running || !report} data-testid="host-save">
          {t.saveCapture}
        </Button>
        {final && final.source === 'live' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fmt(t.checkedAt, { time: formatDateTime(final.generatedAt, locale), duration: formatDuration(final.durationMs, locale) })}
          </Typography.Text>
        )}
      </div>
    </Card>
  )
}
