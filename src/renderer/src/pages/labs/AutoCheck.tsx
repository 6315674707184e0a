import { CheckCircleFilled, CloseCircleFilled, FolderOpenOutlined, MinusCircleOutlined, ReloadOutlined } from '@ant-design/icons'
import { api } from '../../api/client'
import { Alert, Button, Collapse, Descriptions, Space, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import type { CheckStatus, FactValue } from '../../../../shared/host/report'
import type { CheckView, CriterionView, StepView, VerifyResult } from '../../../../shared/labs/view'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { hostMessages } from '../../i18n/messages/host'
import { labsMessages } from '../../i18n/messages/labs'
import { EvidenceList } from '../../components/EvidenceList'
import { StatusTag } from '../host/StatusTag'
import { formatTime } from './format'
import { scrollBehavior } from '../../app/motion'

type AutoView = Extract<CheckView, { kind: 'auto' }>
type T = (typeof labsMessages)['zh-CN']['auto']

function valueText(value: CriterionView['value'], t: T): string {
  if (Array.isArray(value)) return value.map((v) => valueText(v, t)).join(' / ')
  if (value === true) return t.yes
  if (value === false) return t.no
  if (value === null || value === undefined) return '—'
  return String(value)
}

/** "≥ 2048", "= nat", "has a value", "matches /\.1$/" */
export function expectedText(c: CriterionView, t: T): string {
  const v = valueText(c.value, t)
  switch (c.op) {
    case '==':
      return fmt(t.ops.eq, { value: v })
    case '!=':
      return fmt(t.ops.ne, { value: v })
    case '>':
      return fmt(t.ops.gt, { value: v })
    case '>=':
      return fmt(t.ops.ge, { value: v })
    case '<':
      return fmt(t.ops.lt, { value: v })
    case '<=':
      return fmt(t.ops.le, { value: v })
    case 'in':
      return fmt(t.ops.in, { value: v })
    case 'exists':
      return c.value === false ? t.ops.notExists : t.ops.exists
    case 'matches':
      return fmt(t.ops.matches, { value: `/${v}/` })
  }
}

/** What the machine showed; booleans in words when the criterion is about a boolean. */
function actualText(actual: string, c: CriterionView | undefined, t: T): string {
  if (typeof c?.value === 'boolean' && (actual === 'true' || actual === 'false')) return actual === 'true' ? t.yes : t.no
  return actual
}

function factText(value: FactValue): string {
  if (value === null) return '—'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** A person's name for the judged element: a VM's display name, a network's name, else its file name. */
function elementName(facts: Record<string, FactValue>): string {
  for (const key of ['displayName', 'name', 'path', 'vmx']) {
    const v = facts[key]
    if (typeof v === 'string' && v !== '') return key === 'path' || key === 'vmx' ? (v.split(/[\\/]/).pop() ?? v) : v
  }
  return '—'
}

function statusList(statuses: readonly CheckStatus[], names: Record<string, string>, t: T): string {
  return statuses.map((s) => fmt(t.quoted, { text: names[s] ?? s })).join(` ${t.or} `)
}

export function AutoCheck(props: {
  step: StepView
  check: AutoView
  result: VerifyResult | null
  running: boolean
  onCheck: (rerun: boolean) => void
  /** Whether the troubleshooting below has an entry for this result. */
  hasFix?: boolean
}): React.JSX.Element {
  const t = useMessages(labsMessages).auto
  const h = useMessages(hostMessages)
  const { locale } = useLocale()
  const { check, result, running } = props
  const auto = result?.auto ?? null
  const judged = new Map((auto?.criteria ?? []).map((c) => [c.id, c]))
  const resultRef = useRef<HTMLDivElement>(null)
  // A VM that none of VMware's lists name: the student points at its .vmx, then the step is checked
  // against the fresh host report that choice produced.
  const pickVmx = async (): Promise<void> => {
    const report = await api().host.pickVmx()
    if (report) props.onCheck(false)
  }
  // A new result (from the button, the header or Enter) is brought into view.
  const resultAt = result?.at
  useEffect(() => {
    if (resultAt) resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: scrollBehavior() })
  }, [resultAt])
  const last = props.step.progress

  const rows = check.criteria.map((c) => ({ key: c.id, c, judged: judged.get(c.id) ?? null }))
  // The criteria read as sentences: the label is the requirement; the machine's value beside it.
  const criteriaList = (
    <ul className="lab-criteria" data-testid="criteria" aria-label={t.criteria}>
      {rows.map((row) => (
        <li key={row.key} data-testid={`criterion-${row.c.id}`} data-passed={row.judged ? String(row.judged.passed) : 'open'}>
          {row.judged === null ? (
            <MinusCircleOutlined style={{ color: '#8c8c8c' }} aria-label={t.notChecked} />
          ) : row.judged.passed ? (
            <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t.passed} />
          ) : (
            <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t.failed} />
          )}
          <span className="lab-criterion-label">{row.c.label[locale]}</span>
          {row.judged && (
            <span className={row.judged.passed ? 'lab-actual' : 'lab-actual is-failed'} data-testid={`actual-${row.c.id}`}>
              {fmt(t.thisComputer, { value: actualText(row.judged.actual, row.c, t) })}
            </span>
          )}
        </li>
      ))}
    </ul>
  )

  // For the teacher and the curious: what exactly was read and compared, one click away.
  const element = auto?.element ?? null
  const rawData = (
    <div className="lab-raw" data-testid="raw-data">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t.raw.source}>
          <code>{check.source}</code>
          {check.forAny ? <code>{` forAny: ${check.forAny}`}</code> : null}
        </Descriptions.Item>
        {check.criteria.map((c) => (
          <Descriptions.Item key={c.id} label={c.label[locale]}>
            <code>{`${check.forAny ? `${check.forAny}[].` : ''}${c.fact} ${c.op}${c.value === undefined ? '' : ` ${JSON.stringify(c.value)}`}`}</code>
            {judged.get(c.id) ? <code>{` → ${judged.get(c.id)!.actual}`}</code> : null}
          </Descriptions.Item>
        ))}
        {auto && (
          <Descriptions.Item label={t.raw.status}>
            <code>{auto.checkStatus}</code>
          </Descriptions.Item>
        )}
      </Descriptions>
      {auto && check.forAny && (
        <div className="lab-element" data-testid="element">
          <Typography.Text strong>{t.element}</Typography.Text>
          {element ? (
            <>
              <Typography.Text type="secondary"> · {fmt(t.elementOf, { index: element.index + 1, count: auto.elementCount ?? 0 })}</Typography.Text>
              <Descriptions size="small" column={1} bordered className="lab-element-facts">
                {Object.entries(element.facts).map(([key, value]) => (
                  <Descriptions.Item key={key} label={<code>{key}</code>}>
                    <span className="lab-fact-value">{factText(value)}</span>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </>
          ) : (
            <div>
              <Typography.Text type="secondary">{t.reasonNoElements}</Typography.Text>
            </div>
          )}
        </div>
      )}
      {auto && auto.evidence.length > 0 && (
        <>
          <Typography.Text strong>{t.evidence}</Typography.Text>
          <EvidenceList evidence={auto.evidence} testId="evidence" />
        </>
      )}
    </div>
  )

  /** One sentence on what is wrong (or right). */
  const firstFailed = (auto?.criteria ?? []).find((c) => !c.passed)
  const firstFailedView = firstFailed ? check.criteria.find((c) => c.id === firstFailed.id) : undefined
  const todo = auto?.checkStatus === 'todo'
  const sentence = !auto
    ? null
    : result?.passed
      ? check.criteria.length > 0
        ? t.allGood
        : (auto.checkSummary?.[locale] ?? t.allGood)
      : (todo || !auto.statusAccepted) && auto.checkSummary
        ? auto.checkSummary[locale]
        : firstFailed
          ? fmt(t.reasonOne, { label: firstFailed.label[locale], value: actualText(firstFailed.actual, firstFailedView, t) })
          : auto.elementCount === 0
            ? t.reasonNoElements
            : t.reasonMissing

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="auto-check">
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t.intro}</Typography.Paragraph>
      {check.criteria.length === 0 && (
        <Typography.Text type="secondary">{fmt(t.noCriteria, { accepted: statusList(check.acceptStatus, h.status, t) })}</Typography.Text>
      )}
      {auto && result && (
        <div ref={resultRef}>
          <Alert
            type={result.passed ? 'success' : 'error'}
            showIcon
            data-testid="check-result"
            data-passed={String(result.passed)}
            title={
              <Space size="small" wrap>
                <strong>{result.passed ? t.passed : t.failed}</strong>
                {(auto.checkStatus === 'todo' || auto.checkStatus === 'unknown') && <StatusTag status={auto.checkStatus} />}
              </Space>
            }
            description={
              <div className="lab-reason" data-testid="check-reason">
                <div className="lab-reason-sentence" data-testid="reason-sentence">
                  {sentence}
                </div>
                {!result.passed && todo && <div>{t.todoHint}</div>}
                {!result.passed && props.hasFix && <div className="lab-see-fix">{t.seeFix}</div>}
                <div className="lab-checked-at">
                  {fmt(t.checkedAt, { time: formatTime(auto.reportAt, locale) })}
                  {auto.reused ? ` · ${t.reused}` : ''}
                </div>
              </div>
            }
          />
        </div>
      )}
      {!result && last && (
        <Typography.Text type="secondary" data-testid="last-result">
          {fmt(t.lastResult, { status: last.status === 'passed' ? t.passed : t.failed, time: formatTime(last.lastAt, locale) })}
        </Typography.Text>
      )}
      {check.criteria.length > 0 && criteriaList}
      {auto && check.forAny && element && (
        <Typography.Text type="secondary" data-testid="element-name">
          {fmt(t.judgedOn, { index: element.index + 1, count: auto.elementCount ?? 0, name: elementName(element.facts) })}
        </Typography.Text>
      )}
      <Space wrap>
        <Button type="primary" size="large" autoInsertSpace={false} loading={running} onClick={() => props.onCheck(false)} data-testid="check-button">
          {running ? t.running : result ? t.again : t.check}
        </Button>
        {result && (
          <Button icon={<ReloadOutlined />} disabled={running} onClick={() => props.onCheck(true)} data-testid="rerun-button">
            {t.rerun}
          </Button>
        )}
        {check.source === 'vmware.vms' && (
          <Button icon={<FolderOpenOutlined />} disabled={running} onClick={() => void pickVmx()} title={t.pickVmxHelp} data-testid="pick-vmx">
            {t.pickVmx}
          </Button>
        )}
      </Space>
      {check.source === 'vmware.vms' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.pickVmxHelp}
        </Typography.Text>
      )}
      <Collapse size="small" className="lab-raw-toggle" items={[{ key: 'raw', label: t.raw.title, children: rawData }]} />
    </Space>
  )
}
