import { CheckCircleFilled, CloseCircleFilled, FolderOpenOutlined, MinusCircleOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { api } from '../../api/client'
import { Alert, Button, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd'
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

function statusList(statuses: readonly CheckStatus[], names: Record<string, string>, t: T): string {
  return statuses.map((s) => fmt(t.quoted, { text: names[s] ?? s })).join(` ${t.or} `)
}

export function AutoCheck(props: {
  step: StepView
  check: AutoView
  result: VerifyResult | null
  running: boolean
  onCheck: (rerun: boolean) => void
}): React.JSX.Element {
  const t = useMessages(labsMessages).auto
  const h = useMessages(hostMessages)
  const { locale } = useLocale()
  const { check, result, running } = props
  const auto = result?.auto ?? null
  const judged = new Map((auto?.criteria ?? []).map((c) => [c.id, c]))
  const failedLabels = (auto?.criteria ?? []).filter((c) => !c.passed).map((c) => c.label[locale])
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
    if (resultAt) resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  }, [resultAt])
  const last = props.step.progress

  const rows = check.criteria.map((c) => ({ key: c.id, c, judged: judged.get(c.id) ?? null }))
  const criteriaTable = (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      rowKey="key"
      className="lab-criteria"
      data-testid="criteria"
      onRow={(row) => ({ 'data-testid': `criterion-${row.c.id}`, 'data-passed': row.judged ? String(row.judged.passed) : 'open' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'mark',
          width: 32,
          render: (_v, row) =>
            row.judged === null ? (
              <MinusCircleOutlined style={{ color: '#bfbfbf' }} />
            ) : row.judged.passed ? (
              <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t.passed} />
            ) : (
              <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t.failed} />
            ),
        },
        {
          key: 'label',
          title: t.criterion,
          render: (_v, row) => (
            <div>
              <div>{row.c.label[locale]}</div>
              <code className="lab-fact-path">{check.forAny ? `${check.forAny}[].${row.c.fact}` : row.c.fact}</code>
            </div>
          ),
        },
        {
          key: 'expected',
          title: t.expected,
          width: '24%',
          render: (_v, row) => <span className="lab-expected">{expectedText(row.c, t)}</span>,
        },
        {
          key: 'actual',
          title: t.actual,
          width: '24%',
          render: (_v, row) =>
            row.judged ? (
              <Typography.Text code type={row.judged.passed ? undefined : 'danger'} className="lab-actual" data-testid={`actual-${row.c.id}`}>
                {actualText(row.judged.actual, row.c, t)}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">…</Typography.Text>
            ),
        },
      ]}
    />
  )

  const element = auto?.element ?? null
  const elementCard =
    auto && check.forAny ? (
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
    ) : null

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="auto-check">
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t.intro}</Typography.Paragraph>
      <Space wrap size="small">
        <Typography.Text type="secondary">{t.source}</Typography.Text>
        <Tag icon={<SafetyCertificateOutlined />} data-testid="check-source">
          {check.source}
        </Tag>
        {check.forAny && <Tag>forAny: {check.forAny}</Tag>}
      </Space>
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
                <StatusTag status={auto.checkStatus} />
              </Space>
            }
            description={
              <div className="lab-reason" data-testid="check-reason">
                {!auto.statusAccepted && (
                  <div>
                    {auto.checkTitle
                      ? fmt(t.reasonStatus, {
                          title: auto.checkTitle[locale],
                          status: h.status[auto.checkStatus],
                          accepted: statusList(check.acceptStatus, h.status, t),
                        })
                      : t.reasonMissing}
                  </div>
                )}
                {failedLabels.length > 0 && <div>{fmt(t.reasonCriteria, { count: failedLabels.length, labels: failedLabels.join(locale === 'zh-CN' ? '；' : '; ') })}</div>}
                {auto.elementCount === 0 && <div>{t.reasonNoElements}</div>}
                {result.passed && check.criteria.length > 0 && <div>{t.allGood}</div>}
                {auto.checkSummary && (
                  <div className="lab-host-says">
                    <Typography.Text type="secondary">{t.hostSays}</Typography.Text>
                    <span data-testid="host-summary">{auto.checkSummary[locale]}</span>
                  </div>
                )}
                {!result.passed && auto.matchedTroubleshooting.length > 0 && <div className="lab-see-fix">{t.seeFix}</div>}
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
      {check.criteria.length > 0 && criteriaTable}
      {check.criteria.length > 0 && elementCard}
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
      {auto && auto.evidence.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'evidence',
              label: t.evidence,
              children: <EvidenceList evidence={auto.evidence} testId="evidence" />,
            },
          ]}
        />
      )}
    </Space>
  )
}
