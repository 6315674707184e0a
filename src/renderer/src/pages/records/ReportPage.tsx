import { ArrowLeftOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Segmented, Space, Spin, Typography, message } from 'antd'
import { useEffect, useState } from 'react'
import type { Locale } from '../../../../shared/i18n/locale'
import type { LabReport } from '../../../../shared/records/report'
import { api, describeApiError } from '../../api/client'
import { hrefFor } from '../../app/routes'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'
import { runExport } from './export-actions'
import { ReportView } from './ReportView'

/** #/records/report: the printable report, with its exports. The toolbar is not printed. */
export function ReportPage(): React.JSX.Element {
  const t = useMessages(recordsMessages)
  const { locale } = useLocale()
  const [reportLocale, setReportLocale] = useState<Locale>(locale)
  const [report, setReport] = useState<LabReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [toast, holder] = message.useMessage()

  useEffect(() => setReportLocale(locale), [locale])
  useEffect(() => {
    let cancelled = false
    api()
      .records.report()
      .then((r) => !cancelled && setReport(r))
      .catch((e: unknown) => !cancelled && setError(describeApiError(e).message))
    return () => {
      cancelled = true
    }
  }, [])

  const run = async (kind: 'exportJson' | 'exportPdf'): Promise<void> => {
    setBusy(true)
    try {
      await runExport(kind, t, toast, reportLocale)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div data-testid="report-page">
      {holder}
      <Card size="small" className="report-toolbar no-print">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} href={hrefFor('records')}>
              {t.report.back}
            </Button>
            <Typography.Text type="secondary">{t.report.language}</Typography.Text>
            <Segmented
              size="small"
              value={reportLocale}
              onChange={(value) => setReportLocale(value as Locale)}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'English', value: 'en' },
              ]}
              data-testid="report-language"
            />
          </Space>
          <Space wrap>
            <Button type="primary" icon={<FilePdfOutlined />} disabled={!report} loading={busy} onClick={() => void run('exportPdf')} data-testid="export-pdf">
              {t.report.exportPdf}
            </Button>
            <Button icon={<FileTextOutlined />} disabled={!report || busy} onClick={() => void run('exportJson')} data-testid="export-json">
              {t.report.exportJson}
            </Button>
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t.report.printHint}
        </Typography.Paragraph>
      </Card>
      {error && <Alert type="warning" showIcon title={fmt(t.page.failed, { reason: error })} className="no-print" />}
      {!report && !error && <Spin />}
      {report && <ReportView report={report} locale={reportLocale} />}
    </div>
  )
}
