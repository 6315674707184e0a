import { ClearOutlined, DownloadOutlined, FileAddOutlined, FileExcelOutlined, FolderOpenOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Card, Popconfirm, Space, Spin, Table, Typography, Upload, message } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClassRow, ClassView, RejectedFile } from '../../../../shared/records/class-view'
import { ARCHIVE_MAX_BYTES, IMPORT_BATCH } from '../../../../shared/records/records-ipc'
import { REPORT_MAX_BYTES } from '../../../../shared/records/report'
import { describeRejection } from '../../../../shared/records/words'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { teacherMessages } from '../../i18n/messages/teacher'
import { recordsMessages } from '../../i18n/messages/records'
import { PasteOutputPanel } from '../host/PasteOutputPanel'
import { announceSaved } from '../records/export-actions'
import { ClassOverview } from './ClassOverview'
import { ClassTable } from './ClassTable'
import type { Filters } from './class-model'
import { readDroppedFiles } from './read-files'
import { StudentDrawer } from './StudentDrawer'
import './teacher.css'
import { scrollBehavior } from '../../app/motion'

const EMPTY: ClassView = { labs: [], rows: [], rejected: [] }
const isZip = (file: File): boolean => file.name.toLowerCase().endsWith('.zip')

/** #/teacher: import a class's reports (files, folders, .zip), see the overview and the table, export. */
export function TeacherPage(): React.JSX.Element {
  const t = useMessages(teacherMessages)
  const { locale } = useLocale()
  const [view, setView] = useState<ClassView>(EMPTY)
  const [busy, setBusy] = useState<string | null>(null)
  const [dropOpen, setDropOpen] = useState(false)
  const [filters, setFilters] = useState<Filters>({})
  const [open, setOpen] = useState<ClassRow | null>(null)
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
    setDropOpen(false)
  }

  const importDropped = async (files: readonly File[]): Promise<void> => {
    const before = view
    let after = view
    try {
      for (const zip of files.filter(isZip)) {
        if (zip.size > ARCHIVE_MAX_BYTES) {
          void toast.error(fmt(t.archiveTooLarge, { name: zip.name, mb: ARCHIVE_MAX_BYTES / 1024 / 1024 }))
          continue
        }
        setBusy(fmt(t.importingArchive, { name: zip.name }))
        after = await api().records.importArchive(zip.name, new Uint8Array(await zip.arrayBuffer()))
        setView(after)
      }
      const reports = files.filter((f) => !isZip(f))
      setBusy(fmt(t.importing, { count: reports.length }))
      for (let i = 0; i < reports.length; i += IMPORT_BATCH) {
        after = await api().records.importReports(await readDroppedFiles(reports.slice(i, i + IMPORT_BATCH)))
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
    setBusy('')
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

  const exportAs = async (kind: 'csv' | 'xlsx'): Promise<void> => {
    try {
      const saved = kind === 'csv' ? await api().records.exportClassCsv(visible.current) : await api().records.exportClassXlsx(visible.current)
      if (saved) announceSaved(saved.path, recordsMessages[locale], toast)
      else void toast.info(t.cancelled)
    } catch (error) {
      void toast.error(fmt(t.exportFailed, { reason: describeApiError(error).message }))
    }
  }

  const onOpen = useCallback((row: ClassRow) => setOpen(row), [])
  const onVisibleChange = useCallback((ids: string[]) => {
    visible.current = ids
  }, [])
  const setFilter = useCallback((key: string, values: string[] | null) => setFilters((f) => ({ ...f, [key]: values })), [])

  const imported = view.rows.length > 0 || view.rejected.length > 0
  const pickButtons = (
    <>
      <Button icon={<FileAddOutlined />} onClick={() => void pick('files')} data-testid="teacher-pick-files">
        {t.chooseFiles}
      </Button>
      <Button icon={<FolderOpenOutlined />} onClick={() => void pick('folder')} data-testid="teacher-pick-folder">
        {t.chooseFolder}
      </Button>
    </>
  )
  const dropZone = (
    <div data-testid="teacher-drop">
      <Upload.Dragger
        multiple
        showUploadList={false}
        openFileDialogOnClick={false}
        hasControlInside
        beforeUpload={(file, fileList) => {
          // Called once per file with the whole drop: import the batch on its first file.
          if (file === fileList[0]) void importDropped(fileList)
          return Upload.LIST_IGNORE
        }}
      >
        <Spin spinning={busy !== null} description={busy || undefined}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t.drop}</p>
          <p className="ant-upload-hint">{fmt(t.dropHint, { mb: REPORT_MAX_BYTES / 1024 / 1024 })}</p>
          <Space>{pickButtons}</Space>
        </Spin>
      </Upload.Dragger>
    </div>
  )

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="teacher-page">
      {holder}
      {!imported && (
        <Typography.Paragraph className="muted-aa" style={{ margin: 0 }}>
          {t.intro}
        </Typography.Paragraph>
      )}
      {!imported && <PasteOutputPanel />}
      {imported ? (
        <div className="teacher-toolbar" data-testid="teacher-actions">
          <Space wrap size={8}>
            <Button icon={<UploadOutlined />} onClick={() => setDropOpen((o) => !o)} aria-expanded={dropOpen} data-testid="teacher-import-more">
              {t.importMore}
            </Button>
            <PasteOutputPanel />
            {busy !== null && <Spin size="small" description={busy || undefined} />}
            {view.rejected.length > 0 && (
              <Button
                type="link"
                className="rejected-link"
                onClick={() => document.getElementById('teacher-rejected')?.scrollIntoView({ behavior: scrollBehavior(), block: 'start' })}
                data-testid="stat-rejected"
              >
                {`${t.stats.rejected} ${view.rejected.length}`}
              </Button>
            )}
          </Space>
          <Space wrap size={8}>
            <Button icon={<DownloadOutlined />} type="primary" disabled={view.rows.length === 0} onClick={() => void exportAs('csv')} data-testid="export-csv">
              {t.exportCsv}
            </Button>
            <Button icon={<FileExcelOutlined />} disabled={view.rows.length === 0} onClick={() => void exportAs('xlsx')} data-testid="export-xlsx">
              {t.exportXlsx}
            </Button>
            <Popconfirm
              title={t.clearConfirm}
              onConfirm={() =>
                void api()
                  .records.clearClass()
                  .then((v) => {
                    setView(v)
                    setFilters({})
                  })
              }
            >
              <Button icon={<ClearOutlined />}>{t.clear}</Button>
            </Popconfirm>
          </Space>
        </div>
      ) : (
        dropZone
      )}
      {imported && dropOpen && dropZone}

      {view.rows.length > 0 && <ClassOverview view={view} locale={locale} filters={filters} onFilter={setFilter} onOpen={onOpen} />}

      {view.rows.length > 0 && (
        <ClassTable view={view} locale={locale} filters={filters} onFiltersChange={setFilters} onOpen={onOpen} onVisibleChange={onVisibleChange} />
      )}

      {view.rejected.length > 0 && (
        <Card size="small" id="teacher-rejected" title={<h2 className="teacher-h2">{fmt(t.rejectedTitle, { count: view.rejected.length })}</h2>}>
          <Table<RejectedFile & { key: number }>
            size="small"
            dataSource={view.rejected.map((r, key) => ({ ...r, key }))}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
            data-testid="rejected-list"
            columns={[
              { title: t.rejectedFile, key: 'file', width: '40%', render: (_, r) => <span className="rejected-file">{r.file}</span> },
              {
                title: t.rejectedReason,
                key: 'reason',
                render: (_, r) => (
                  <span data-code={r.code} className="rejected-reason">
                    {describeRejection(r, locale)}
                  </span>
                ),
              },
            ]}
          />
        </Card>
      )}

      <StudentDrawer view={view} row={open} locale={locale} onClose={() => setOpen(null)} />
    </Space>
  )
}
