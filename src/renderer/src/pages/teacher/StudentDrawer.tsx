import { FolderOpenOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Drawer, List, Space, Typography, message } from 'antd'
import { useEffect, useState } from 'react'
import type { HostReport } from '../../../../shared/host/report'
import type { Locale } from '../../../../shared/i18n/locale'
import type { ClassRow, ClassView } from '../../../../shared/records/class-view'
import type { LabReport } from '../../../../shared/records/report'
import { describeRejection } from '../../../../shared/records/words'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { teacherMessages } from '../../i18n/messages/teacher'
import { CheckList } from '../host/CheckList'
import { VerdictCard } from '../host/VerdictCard'
import { ReportView } from '../records/ReportView'
import { otherReports } from './class-model'

/**
 * One student's page, opened from the table: the report as the student saw it, their other
 * (older) reports, and that machine's host report rebuilt from their diagnostic file.
 */
export function StudentDrawer(props: { view: ClassView; row: ClassRow | null; locale: Locale; onClose: () => void }): React.JSX.Element {
  const t = useMessages(teacherMessages)
  const { view, row, locale, onClose } = props
  const [report, setReport] = useState<LabReport | null>(null)
  const [host, setHost] = useState<{ file: string; report: HostReport } | null>(null)
  const [toast, holder] = message.useMessage()

  useEffect(() => {
    setReport(null)
    setHost(null)
    if (!row) return
    let live = true
    void api()
      .records.classReport(row.id)
      .then((r) => live && setReport(r))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [row])

  const replay = async (): Promise<void> => {
    try {
      const opened = await api().host.replayCapture()
      if (opened) setHost(opened)
    } catch (e) {
      void toast.error(fmt(t.student.replayFailed, { reason: describeApiError(e).message }))
    }
  }

  const others = row ? otherReports(view, row) : []
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      size={1040}
      title={row ? <h2 className="teacher-h2">{fmt(t.student.title, { name: row.student.name, number: row.student.studentNumber })}</h2> : ''}
      closeIcon={<span aria-label={t.close}>✕</span>}
      data-testid="teacher-report"
    >
      {holder}
      {row && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text className="muted-aa">{fmt(t.student.file, { file: row.file })}</Typography.Text>
          {others.length > 0 && (
            <Alert
              type="info"
              title={t.student.others}
              data-testid="student-others"
              description={
                <List size="small" dataSource={others} renderItem={(o) => <List.Item>{`${o.file} — ${describeRejection(o, locale)}`}</List.Item>} />
              }
            />
          )}
          {report && <ReportView report={report} locale={locale} />}
          <Card size="small" title={<h3 className="teacher-h3">{t.student.host}</h3>} data-testid="student-host">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph className="muted-aa" style={{ margin: 0 }}>
                {t.student.hostIntro}
              </Typography.Paragraph>
              <Button icon={<FolderOpenOutlined />} onClick={() => void replay()} data-testid="student-replay" style={{ alignSelf: 'flex-start' }}>
                {t.student.replay}
              </Button>
              {host && (
                <>
                  <Typography.Text strong>{fmt(t.student.replayed, { file: host.file })}</Typography.Text>
                  <VerdictCard report={host.report} running={false} pendingCount={0} onRun={() => undefined} onSave={() => undefined} actions={false} />
                  <CheckList report={host.report} pending={[]} headingLevel={4} />
                </>
              )}
            </Space>
          </Card>
        </Space>
      )}
    </Drawer>
  )
}
