import { FolderOpenOutlined, InboxOutlined, FileAddOutlined, DownloadOutlined, ClearOutlined } from '@ant-design/icons'
import { Button, Card, Col, Drawer, Popconfirm, Row, Space, Spin, Statistic, Table, Tag, Typography, Upload, message } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClassRow, ClassView, RejectedFile } from '../../../../shared/records/class-view'
import { IMPORT_BATCH } from '../../../../shared/records/records-ipc'
import { REPORT_MAX_BYTES, type LabReport } from '../../../../shared/records/report'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { teacherMessages } from '../../i18n/messages/teacher'
import { ReportView } from '../records/ReportView'
import { PasteOutputPanel } from '../host/PasteOutputPanel'
import { ClassTable } from './ClassTable'
import { readDroppedFiles } from './read-files'

const EMPTY: ClassView = { labs: [], rows: [], rejected: [] }

/** #/teacher: import a class's report files, check each, and see (and export) the class table. */
export function TeacherPage(): React.JSX.Element {
  const t = useMessages(teacherMessages)
  const { locale } = useLocale()
  const [view, setView] = useState<ClassView>(EMPTY)
  const [busy, setBusy] = useState<number | null>(null)
  const [open, setOpen] = useState<LabReport | null>(null)
  const [openFile, setOpenFile] = useState('')
  const visible = useRef<string[] | null>(null)
  const [toast, holder] = message.useMessage()

  useEffect(() => {
    void api()
      .records.classView()
      .then(setView)
      .catch(() => undefined)
  }, [])

  const summarize = (before: ClassView, after: ClassView): void => {
    const ok = Math.max(0, after.rows.length - before.rows.length)
    const bad = Math.max(0, after.rejected.length - before.rejected.length)
    void toast.info(fmt(t.imported, { ok, bad }))
  }

  const importDropped = async (files: readonly File[]): Promise<void> => {
    setBusy(files.length)
    const before = view
    let after = view
    try {
      for (let i = 0; i < files.length; i += IMPORT_BATCH) {
        after = await api().records.importReports(await readDroppedFiles(files.slice(i, i + IMPORT_BATCH)))
        setView(after)
      }
      summarize(before, after)
    } catch (error) {
      void toast.error(fmt(t.failed, { reason: describeApiError(error).message }))
    } finally {
      setBusy(null)
    }
  }

  const pick = async (kind: 'files' | 'folder'): Promise<void> => {
    setBusy(0)
    const before = view
    try {
      const next = await api().records.pickReports(kind)
      if (next) {
        setView(next)
        summarize(before, next)
      } else void toast.info(t.cancelled)
    } catch (error) {
      void toast.error(fmt(t.failed, { reason: describeApiError(error).message }))
    } finally {
      setBusy(null)
    }
  }

  const exportCsv = async (): Promise<void> => {
    try {
      const saved = await api().records.exportClassCsv(visible.current)
      if (saved) void toast.success(fmt(t.csvSaved, { path: saved.path }))
      else void toast.info(t.cancelled)
    } catch (error) {
      void toast.error(fmt(t.failed, { reason: describeApiError(error).message }))
    }
  }

  const onOpen = useCallback((row: ClassRow) => {
    setOpenFile(row.file)
    void api()
      .records.classReport(row.id)
      .then(setOpen)
      .catch(() => undefined)
  }, [])
  const onVisibleChange = useCallback((ids: string[]) => {
    visible.current = ids
  }, [])

  const allDone = view.rows.filter((r) => r.completedAt !== null).length

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="teacher-page">
      {holder}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.intro}
      </Typography.Paragraph>
      <PasteOutputPanel />
      <div data-testid="teacher-drop">
      <Upload.Dragger
        multiple
        showUploadList={false}
        openFileDialogOnClick={false}
        beforeUpload={(file, fileList) => {
          // Called once per file with the whole drop: import the batch on its first file.
          if (file === fileList[0]) void importDropped(fileList)
          return Upload.LIST_IGNORE
        }}
      >
        <Spin spinning={busy !== null} description={busy ? fmt(t.importing, { count: busy }) : undefined}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t.drop}</p>
          <p className="ant-upload-hint">{fmt(t.dropHint, { mb: REPORT_MAX_BYTES / 1024 / 1024 })}</p>
          <Space>
            <Button icon={<FileAddOutlined />} onClick={() => void pick('files')} data-testid="teacher-pick-files">
              {t.chooseFiles}
            </Button>
            <Button icon={<FolderOpenOutlined />} onClick={() => void pick('folder')} data-testid="teacher-pick-folder">
              {t.chooseFolder}
            </Button>
          </Space>
        </Spin>
      </Upload.Dragger>
      </div>

      <Row gutter={16}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t.stats.students} value={view.rows.length} data-testid="stat-students" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t.stats.allDone} value={allDone} suffix={`/ ${view.rows.length}`} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t.stats.rejected} value={view.rejected.length} styles={view.rejected.length ? { content: { color: '#cf1322' } } : undefined} data-testid="stat-rejected" />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} type="primary" disabled={view.rows.length === 0} onClick={() => void exportCsv()} data-testid="export-csv">
              {t.exportCsv}
            </Button>
            <Popconfirm
              title={t.clearConfirm}
              onConfirm={() =>
                void api()
                  .records.clearClass()
                  .then(setView)
              }
            >
              <Button icon={<ClearOutlined />} disabled={view.rows.length === 0 && view.rejected.length === 0}>
                {t.clear}
              </Button>
            </Popconfirm>
          </Space>
        }
      >
        <ClassTable view={view} locale={locale} onOpen={onOpen} onVisibleChange={onVisibleChange} />
      </Card>

      {view.rejected.length > 0 && (
        <Card size="small" title={t.rejectedTitle}>
          <Table<RejectedFile & { key: number }>
            size="small"
            dataSource={view.rejected.map((r, key) => ({ ...r, key }))}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
            data-testid="rejected-list"
            columns={[
              { title: t.rejectedFile, key: 'file', width: '35%', render: (_, r) => <span className="rejected-file">{r.file}</span> },
              {
                title: t.rejectedReason,
                key: 'reason',
                render: (_, r) => (
                  <div>
                    <Tag color="error" data-code={r.code}>
                      {t.reasons[r.code]}
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.detail}
                    </Typography.Text>
                  </div>
                ),
              },
            ]}
          />
        </Card>
      )}

      <Drawer open={open !== null} onClose={() => setOpen(null)} size={1040} title={open ? `${open.student.name} · ${open.student.studentNumber} · ${openFile}` : ''} data-testid="teacher-report">
        {open && <ReportView report={open} locale={locale} />}
      </Drawer>
    </Space>
  )
}
