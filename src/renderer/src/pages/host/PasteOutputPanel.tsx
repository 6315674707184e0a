import { CloseOutlined, FileSearchOutlined, FolderOpenOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Drawer, Input, Space, Tag, Typography, Upload } from 'antd'
import { useEffect, useId, useRef, useState } from 'react'
import { EXPLAIN_KIND_NAMES, EXPLAIN_KINDS, EXPLAIN_MAX_BYTES, EXPLAIN_MAX_INPUTS, notInPaste, type ExplainInput, type ExplainResult } from '../../../../shared/host/explain'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { pasteMessages } from '../../i18n/messages/paste'
import { CheckList } from './CheckList'
import { VerdictCard } from './VerdictCard'
import { scrollBehavior } from '../../app/motion'

interface PickedFile {
  name: string
  base64: string
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * "粘贴输出 / 打开文件": a button that opens a drawer where a student or teacher pastes what a tool
 * printed (or opens saved files, in any encoding), and sees the same report a check gives,
 * marked as coming from pasted output, with the kinds of output it recognised.
 */
export function PasteOutputPanel(props: { buttonType?: 'default' | 'primary' }): React.JSX.Element {
  const t = useMessages(pasteMessages)
  const { locale } = useLocale()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [files, setFiles] = useState<PickedFile[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ExplainResult | null>(null)
  const textId = useId()
  const introId = useId()
  const resultRef = useRef<HTMLDivElement>(null)

  // A new result appears below the input: bring it into view and move focus there (screen readers too).
  useEffect(() => {
    if (!result || !resultRef.current) return
    resultRef.current.scrollIntoView({ block: 'start', behavior: scrollBehavior() })
    resultRef.current.focus({ preventScroll: true })
  }, [result])

  const addFile = async (file: File): Promise<void> => {
    if (file.size > EXPLAIN_MAX_BYTES) {
      setProblem(fmt(t.tooLarge, { name: file.name, mb: EXPLAIN_MAX_BYTES / 1024 / 1024 }))
      return
    }
    const base64 = toBase64(new Uint8Array(await file.arrayBuffer()))
    setFiles((current) => [...current.filter((f) => f.name !== file.name), { name: file.name, base64 }].slice(-(EXPLAIN_MAX_INPUTS - 1)))
  }

  const explain = async (): Promise<void> => {
    const inputs: ExplainInput[] = [
      ...(text.trim() !== '' ? [{ name: t.pastedName, text }] : []),
      ...files.map((f) => ({ name: f.name, base64: f.base64 })),
    ]
    if (inputs.length === 0) {
      setProblem(t.empty)
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      setResult(await api().explain.texts(inputs))
    } catch (e) {
      setResult(null)
      setProblem(fmt(t.failed, { reason: describeApiError(e).message }))
    } finally {
      setBusy(false)
    }
  }

  const clear = (): void => {
    setText('')
    setFiles([])
    setResult(null)
    setProblem(null)
  }

  const report = result?.report ?? null
  const inputs = result ? new Set([...result.recognised.map((r) => r.input), ...result.unrecognised]).size : 0
  // Checks nothing pasted speaks to are named once below the list instead of as a column of “未知”.
  const missing = report ? report.checks.filter(notInPaste) : []
  const shown = report ? { ...report, checks: report.checks.filter((c) => !notInPaste(c)) } : null
  return (
    <>
      <Button icon={<FileSearchOutlined />} type={props.buttonType ?? 'default'} onClick={() => setOpen(true)} data-testid="paste-open" style={{ alignSelf: 'flex-start' }}>
        {t.open}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t.title}
        size="large"
        styles={{ wrapper: { width: 'min(1000px, 100vw)' } }}
        closeIcon={<CloseOutlined aria-label={t.close} />}
        data-testid="paste-drawer"
        destroyOnHidden={false}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph id={introId} style={{ margin: 0 }}>
            {t.intro}
            <br />
            <Typography.Text type="secondary">{t.examples}</Typography.Text>
          </Typography.Paragraph>
          <div>
            <label htmlFor={textId} style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
              {t.label}
            </label>
            <Input.TextArea
              id={textId}
              aria-describedby={introId}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t.placeholder}
              autoSize={{ minRows: 5, maxRows: 9 }}
              spellCheck={false}
              style={{ fontFamily: 'Consolas, "Cascadia Mono", "Sarasa Mono SC", monospace' }}
              data-testid="paste-text"
            />
          </div>
          {files.length > 0 && (
            <div aria-label={t.files} role="group">
              <Typography.Text type="secondary">{t.files}：</Typography.Text>
              {files.map((f) => (
                <Tag
                  key={f.name}
                  closable
                  closeIcon={<CloseOutlined aria-label={fmt(t.removeFile, { name: f.name })} />}
                  onClose={() => setFiles((current) => current.filter((x) => x.name !== f.name))}
                  style={{ marginTop: 4 }}
                >
                  {f.name}
                </Tag>
              ))}
            </div>
          )}
          <Space wrap>
            <Button type="primary" onClick={() => void explain()} loading={busy} data-testid="paste-explain">
              {busy ? t.explaining : t.explain}
            </Button>
            <Upload
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void addFile(file)
                return Upload.LIST_IGNORE
              }}
            >
              <Button icon={<FolderOpenOutlined />} data-testid="paste-files">
                {t.chooseFiles}
              </Button>
            </Upload>
            <Button onClick={clear} data-testid="paste-clear">
              {t.clear}
            </Button>
          </Space>
          {problem && <Alert type="warning" showIcon title={problem} data-testid="paste-problem" />}
          <div ref={resultRef} tabIndex={-1} aria-live="polite" style={{ outline: 'none' }} data-testid="paste-result">
          {result && !report && (
            <Alert
              type="warning"
              showIcon
              data-testid="paste-nothing"
              title={t.nothing}
              description={
                <ul style={{ margin: 0, paddingLeft: 20, columns: 2 }}>
                  {EXPLAIN_KINDS.map((k) => (
                    <li key={k}>{EXPLAIN_KIND_NAMES[k][locale]}</li>
                  ))}
                </ul>
              }
            />
          )}
          {result && report && (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Alert
                type="info"
                showIcon
                data-testid="paste-banner"
                title={t.banner}
                description={
                  <div>
                    <Typography.Text strong>{t.recognised}</Typography.Text>{' '}
                    {result.recognised.map((r) => (
                      <Tag key={`${r.kind}-${r.input}`} color="blue" style={{ marginTop: 4 }} data-testid="paste-kind" data-kind={r.kind}>
                        {EXPLAIN_KIND_NAMES[r.kind][locale]}
                        {/* Which input, only when there were several and the kind's name does not already say it. */}
                        {inputs > 1 && !EXPLAIN_KIND_NAMES[r.kind][locale].includes(r.input) ? ` · ${r.input}` : ''}
                      </Tag>
                    ))}
                    {result.unrecognised.length > 0 && (
                      <div style={{ marginTop: 4 }}>{fmt(t.unrecognised, { names: result.unrecognised.join(locale === 'zh-CN' ? '、' : ', ') })}</div>
                    )}
                  </div>
                }
              />
              <VerdictCard report={report} running={false} pendingCount={0} onRun={() => undefined} onSave={() => undefined} actions={false} />
              <Card size="small">
                <CheckList report={shown} pending={[]} />
                {missing.length > 0 && (
                  <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }} data-testid="paste-missing">
                    {fmt(t.notInPaste, { names: missing.map((c) => c.title[locale]).join(locale === 'zh-CN' ? '、' : ', ') })}
                  </Typography.Paragraph>
                )}
              </Card>
            </Space>
          )}
          </div>
        </Space>
      </Drawer>
    </>
  )
}
