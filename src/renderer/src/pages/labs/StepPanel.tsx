import { BulbOutlined, ToolOutlined, WarningFilled } from '@ant-design/icons'
import { Alert, Button, Card, Col, Collapse, Row, Space, Tag, Typography } from 'antd'
import { useRef } from 'react'
import type { HostReport } from '../../../../shared/host/report'
import type { StepView, VerifyResult } from '../../../../shared/labs/view'
import type { Answer } from '../../../../shared/lessons/view'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'
import { AutoCheck } from './AutoCheck'
import { LabFigure } from './LabFigure'
import { ManualCheck } from './ManualCheck'
import { Markdown } from './Markdown'
import { NetworkTopology } from './NetworkTopology'
import { QuizCheck } from './QuizCheck'
import { scrollBehavior } from '../../app/motion'

function TroubleEntry(props: { entry: StepView['troubleshooting'][number]; hit: boolean }): React.JSX.Element {
  const { locale } = useLocale()
  const { entry, hit } = props
  return (
    <span className="lab-trouble-head" data-testid={`trouble-${entry.id}`} data-matched={hit ? 'true' : 'false'} data-likely={entry.likely ? 'true' : 'false'}>
      {hit && <WarningFilled className="lab-trouble-mark" aria-hidden />}
      <span>{entry.symptom[locale]}</span>
    </span>
  )
}

/**
 * After a failed check: the most relevant entry first and open; the others collapsed under
 * "other possible causes". Otherwise: every entry, collapsed.
 */
function Troubleshooting(props: { step: StepView; matched: readonly string[]; failed: boolean; resultKey: string }): React.JSX.Element | null {
  const t = useMessages(labsMessages).runner
  const { locale } = useLocale()
  const entries = props.step.troubleshooting
  if (entries.length === 0) return null
  const matched = new Set(props.matched)
  // The evaluation lists matched entries most relevant first.
  const primary = props.failed ? (entries.find((e) => e.id === props.matched[0]) ?? null) : null
  const others = entries.filter((e) => e !== primary)
  const items = others.map((entry) => ({
    key: entry.id,
    className: matched.has(entry.id) ? 'lab-trouble is-matched' : 'lab-trouble',
    label: <TroubleEntry entry={entry} hit={matched.has(entry.id)} />,
    children: (
      <div>
        <Typography.Text strong>{t.fix}</Typography.Text>
        <Markdown>{entry.fix[locale]}</Markdown>
      </div>
    ),
  }))
  return (
    <section data-testid="troubleshooting" aria-label={t.troubleshooting}>
      {primary && (
        <div className="lab-trouble-primary" data-testid="trouble-primary">
          <Typography.Title level={4} className="lab-section-title">
            <ToolOutlined /> {t.mostLikely}
          </Typography.Title>
          <div className="lab-trouble-primary-body">
            <div className="lab-trouble-primary-symptom">
              <TroubleEntry entry={primary} hit />
            </div>
            <Markdown>{primary.fix[locale]}</Markdown>
          </div>
        </div>
      )}
      {others.length > 0 && (
        <>
          <Typography.Title level={4} className="lab-section-title">
            {!primary && <ToolOutlined />} {primary ? t.otherCauses : t.troubleshooting}
          </Typography.Title>
          <Collapse key={props.resultKey} size="small" items={items} />
        </>
      )}
    </section>
  )
}

export interface StepPanelProps {
  readonly labId: string
  readonly step: StepView
  readonly index: number
  readonly total: number
  readonly result: VerifyResult | null
  readonly running: boolean
  readonly error: string | null
  readonly hostReport: HostReport | null
  readonly readingHost: boolean
  readonly onReadHost: () => void
  readonly onAuto: (rerun: boolean) => void
  readonly onManual: (note: string) => void
  readonly onQuiz: (answers: Answer[]) => void
  readonly onQuizRetry: () => void
}

export function StepPanel(props: StepPanelProps): React.JSX.Element {
  const t = useMessages(labsMessages).runner
  const { locale } = useLocale()
  const { step, result } = props
  const check = step.check
  const status = result ? (result.passed ? 'passed' : 'failed') : (step.progress?.status ?? 'open')
  const tips = step.tips[locale]
  const matched = result?.auto?.matchedTroubleshooting ?? []
  const checkRef = useRef<HTMLDivElement>(null)
  /** The header button: runs an automatic check at once; otherwise brings the confirmation or quiz into view. */
  const jump = (): void => {
    if (check.kind === 'auto') props.onAuto(false)
    else checkRef.current?.scrollIntoView?.({ block: 'start', behavior: scrollBehavior() })
  }

  return (
    <Card
      className="lab-step"
      data-testid={`step-${step.id}`}
      data-status={status}
      title={
        <div className="lab-step-head">
          <Typography.Text type="secondary" className="lab-step-count">
            {fmt(t.stepOf, { n: props.index + 1, total: props.total })}
          </Typography.Text>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 18 }} data-testid="step-title">
            {step.title[locale]}
          </Typography.Title>
        </div>
      }
      extra={
        <Space size="small" wrap>
          <Tag>{t.kinds[check.kind]}</Tag>
          <Tag color={status === 'passed' ? 'success' : status === 'failed' ? 'error' : 'default'} data-testid="step-status">
            {t.stepStatus[status]}
          </Tag>
          <Button size="small" autoInsertSpace={false} type={check.kind === 'auto' ? 'primary' : 'default'} loading={check.kind === 'auto' && props.running} onClick={jump} data-testid="header-check">
            {t.jump[check.kind]}
          </Button>
        </Space>
      }
    >
      <Row gutter={[32, 24]}>
        <Col xs={24} xxl={13}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Markdown className="lab-body">{step.body[locale]}</Markdown>
            {step.figures.map((name) => (
              <LabFigure key={name} labId={props.labId} name={name} title={step.title[locale]} />
            ))}
            {step.diagram === 'network-topology' && <NetworkTopology report={props.hostReport} reading={props.readingHost} onRead={props.onReadHost} />}
            {tips.length > 0 && (
              <Alert
                type="info"
                icon={<BulbOutlined />}
                showIcon
                title={t.tips}
                data-testid="tips"
                description={
                  <ul className="lab-tips">
                    {tips.map((tip, i) => (
                      <li key={i}>
                        <Markdown inline>{tip}</Markdown>
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
          </Space>
        </Col>
        <Col xs={24} xxl={11}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <div className="lab-check" data-testid="step-check" ref={checkRef}>
              {check.kind === 'auto' && <AutoCheck step={step} check={check} result={result} running={props.running} onCheck={props.onAuto} hasFix={matched.length > 0} />}
              {check.kind === 'manual' && <ManualCheck step={step} check={check} result={result} running={props.running} onConfirm={props.onManual} />}
              {check.kind === 'quiz' && <QuizCheck key={step.id} check={check} result={result} running={props.running} onSubmit={props.onQuiz} onRetry={props.onQuizRetry} />}
              {props.error && <Alert type="error" showIcon title={props.error} style={{ marginTop: 12 }} />}
            </div>
            <Troubleshooting step={step} matched={matched} failed={result !== null && !result.passed} resultKey={result?.at ?? 'none'} />
          </Space>
        </Col>
      </Row>
    </Card>
  )
}
