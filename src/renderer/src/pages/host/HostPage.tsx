import { FolderOpenOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Row, Space, Tag, message } from 'antd'
import { useState } from 'react'
import type { HostReport } from '../../../../shared/host/report'
import { useAppState } from '../../app/app-state'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { hostMessages } from '../../i18n/messages/host'
import { announceSaved } from '../../components/saved-toast'
import { CheckList } from './CheckList'
import { PasteOutputPanel } from './PasteOutputPanel'
import { StackDiagram } from './StackDiagram'
import { useHostCheck } from './useHostCheck'
import { VerdictCard } from './VerdictCard'

export function HostPage(): React.JSX.Element {
  const t = useMessages(hostMessages)
  const live = useHostCheck({ autoRun: true })
  const [toast, holder] = message.useMessage()
  const teacher = useAppState().settings.settings.mode === 'teacher'
  // A teacher can open a student's capture: the page then shows that machine's report.
  const [replay, setReplay] = useState<{ file: string; report: HostReport } | null>(null)
  const report = replay?.report ?? live.report
  const pending = replay ? [] : live.pending
  const running = replay ? false : live.running
  const { error, run } = live

  const openCapture = async (): Promise<void> => {
    try {
      const opened = await api().host.replayCapture()
      if (opened) setReplay(opened)
    } catch (e) {
      void toast.error(fmt(t.replay.failed, { reason: describeApiError(e).message }))
    }
  }

  const save = async (): Promise<void> => {
    try {
      const saved = await api().host.saveCapture()
      if (saved) announceSaved(saved.path, { saved: t.captureSaved, openFolder: t.openFolder, failed: t.openFolderFailed }, toast)
      else void toast.info(t.captureCancelled)
    } catch (e) {
      void toast.error(fmt(t.captureFailed, { reason: describeApiError(e).message }))
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {holder}
      {replay && (
        <Alert
          type="info"
          showIcon
          message={fmt(t.replay.banner, { file: replay.file })}
          action={
            <Button size="small" onClick={() => setReplay(null)} data-testid="replay-back">
              {t.replay.back}
            </Button>
          }
          data-testid="replay-banner"
        />
      )}
      <VerdictCard report={report} running={running} pendingCount={pending.filter((p) => p !== '*').length} onRun={() => void run()} onSave={() => void save()} actions={!replay} />
      <Space wrap>
        {teacher && !replay && (
          <Button icon={<FolderOpenOutlined />} onClick={() => void openCapture()} data-testid="replay-open">
            {t.replay.open}
          </Button>
        )}
        <PasteOutputPanel />
      </Space>
      {error && <Alert type="error" showIcon message={fmt(t.failed, { reason: error })} />}
      {/* Slot: the "paste output" panel (i12) goes here, between the verdict and the check list. */}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card>
            <CheckList report={report} pending={pending} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {report && <StackDiagram report={report} />}
            {report && !report.partial && (
              <Card size="small" title={t.hypervisors}>
                {report.hypervisors.length === 0
                  ? t.none
                  : report.hypervisors.map((h) => (
                      <Tag key={h.id} style={{ marginBottom: 4 }}>
                        {h.name}
                        {h.version ? ` ${h.version}` : ''}
                      </Tag>
                    ))}
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  )
}
