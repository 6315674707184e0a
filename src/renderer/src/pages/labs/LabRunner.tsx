import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Progress, Result, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { HostReport } from '../../../../shared/host/report'
import type { LabView, VerifyInput, VerifyResult } from '../../../../shared/labs/view'
import type { Answer } from '../../../../shared/lessons/view'
import { api, describeApiError } from '../../api/client'
import { hrefFor, parseHash } from '../../app/routes'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'
import { StepPanel } from './StepPanel'

/** Typing in a field, or a focused control that handles the key itself: leave the key alone. */
function keyBelongsToControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'BUTTON' || tag === 'A') return true
  return target.closest('.ant-select, .ant-radio-wrapper, .ant-checkbox-wrapper, [role="combobox"], [role="listbox"]') !== null
}

/**
 * The step the address names right now. The address changes at once; React draws the new step a
 * little later (much later on a loaded laptop), and a key or click can arrive in between.
 */
function addressedStep(lab: LabView): number {
  const { page, rest } = parseHash(window.location.hash)
  return page === 'labs' && rest[0] === lab.id ? lab.steps.findIndex((s) => s.id === rest[1]) : -1
}

export function LabRunner(props: { labId: string; stepId: string | null }): React.JSX.Element {
  const t = useMessages(labsMessages).runner
  const { locale } = useLocale()
  const [lab, setLab] = useState<LabView | null>(null)
  const [loadError, setLoadError] = useState<{ code: string; message: string } | null>(null)
  const [results, setResults] = useState<Record<string, VerifyResult>>({})
  const [running, setRunning] = useState(false)
  const [stepError, setStepError] = useState<{ stepId: string; message: string } | null>(null)
  const [hostReport, setHostReport] = useState<HostReport | null>(null)
  const [readingHost, setReadingHost] = useState(false)
  const runningRef = useRef(false)

  const reload = useCallback(async () => {
    try {
      setLab(await api().labs.get(props.labId))
    } catch (e) {
      setLoadError(describeApiError(e))
    }
  }, [props.labId])

  const loadHostReport = useCallback(async () => {
    try {
      setHostReport(await api().host.lastReport())
    } catch {
      /* the diagram then shows examples */
    }
  }, [])

  useEffect(() => {
    void reload()
    void loadHostReport()
  }, [reload, loadHostReport])

  // No step (or an unknown one) in the address: go where the student left off.
  const stepIndex = lab ? lab.steps.findIndex((s) => s.id === props.stepId) : -1
  useEffect(() => {
    if (lab && stepIndex < 0) window.location.replace(hrefFor('labs', lab.id, lab.resumeStepId))
  }, [lab, stepIndex])

  const go = useCallback(
    (index: number) => {
      if (!lab) return
      const target = lab.steps[Math.max(0, Math.min(lab.steps.length - 1, index))]
      if (target && addressedStep(lab) !== lab.steps.indexOf(target)) window.location.hash = hrefFor('labs', lab.id, target.id)
    },
    [lab],
  )
  /** One step on from where the address is, not from the step drawn last (keys faster than renders). */
  const move = useCallback(
    (delta: number) => {
      if (!lab) return
      const current = addressedStep(lab)
      if (current >= 0) go(current + delta)
    },
    [lab, go],
  )

  const verify = useCallback(
    async (stepId: string, input: VerifyInput) => {
      if (runningRef.current) return
      runningRef.current = true
      setRunning(true)
      setStepError(null)
      try {
        const result = await api().labs.verifyStep(props.labId, stepId, input)
        setResults((prev) => ({ ...prev, [stepId]: result }))
        await reload()
        if (input.kind === 'auto') await loadHostReport()
      } catch (e) {
        setStepError({ stepId, message: describeApiError(e).message })
      } finally {
        runningRef.current = false
        setRunning(false)
      }
    },
    [props.labId, reload, loadHostReport],
  )

  const readHost = useCallback(async () => {
    setReadingHost(true)
    try {
      setHostReport(await api().host.runCheck())
      await reload()
    } catch {
      /* keep the examples */
    } finally {
      setReadingHost(false)
    }
  }, [reload])

  const step = lab && stepIndex >= 0 ? lab.steps[stepIndex] : undefined

  // ←/→ or K/J move between steps; Enter runs the automatic check of the step in the address.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return
      if (keyBelongsToControl(event.target)) return
      if (document.querySelector('.ant-modal-wrap, .ant-select-dropdown:not(.ant-select-dropdown-hidden)')) return
      const key = event.key
      const current = lab ? lab.steps[addressedStep(lab)] : undefined
      if (key === 'ArrowRight' || key === 'j' || key === 'J') {
        event.preventDefault()
        move(1)
      } else if (key === 'ArrowLeft' || key === 'k' || key === 'K') {
        event.preventDefault()
        move(-1)
      } else if (key === 'Enter' && current?.check.kind === 'auto') {
        event.preventDefault()
        void verify(current.id, { kind: 'auto' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [lab, move, verify])

  if (loadError)
    return (
      <Result
        status={loadError.code === 'not-found' ? '404' : 'error'}
        title={loadError.code === 'not-found' ? fmt(t.notFound, { id: props.labId }) : fmt(t.failed, { reason: loadError.message })}
        extra={
          <Button href={hrefFor('labs')} icon={<ArrowLeftOutlined />}>
            {t.back}
          </Button>
        }
        data-testid="lab-error"
      />
    )
  if (!lab || !step) return <Skeleton active paragraph={{ rows: 10 }} data-testid="lab-loading" />

  /** Passed once stays passed (as in the records); otherwise this session's last result, then the stored one. */
  const statusOf = (s: LabView['steps'][number]): 'passed' | 'failed' | 'open' => {
    const r = results[s.id]
    if (s.progress?.status === 'passed') return 'passed'
    if (r) return r.passed ? 'passed' : 'failed'
    return s.progress?.status ?? 'open'
  }
  const passedCount = lab.steps.filter((s) => statusOf(s) === 'passed').length
  const result = results[step.id] ?? null

  return (
    <div className="lab-runner" data-testid="lab-runner" data-lab={lab.id}>
      <div className="lab-runner-head">
        <Button type="link" href={hrefFor('labs')} icon={<ArrowLeftOutlined />} className="lab-back" data-testid="back-to-labs">
          {t.back}
        </Button>
        <Typography.Title level={3} className="lab-runner-title" data-testid="lab-title">
          {lab.title[locale]}
        </Typography.Title>
        <div className="lab-runner-progress">
          <Progress percent={Math.round((passedCount / lab.steps.length) * 100)} size="small" format={() => `${passedCount}/${lab.steps.length}`} data-testid="lab-runner-progress" />
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={5}>
          <Card size="small" className="lab-steps-card">
            <Steps
              orientation="vertical"
              size="small"
              current={stepIndex}
              onChange={(i) => go(i)}
              data-testid="lab-steps"
              items={lab.steps.map((s, i) => {
                const st = statusOf(s)
                return {
                  key: s.id,
                  title: <span data-testid={`nav-step-${s.id}`} data-status={st}>{s.title[locale]}</span>,
                  content: <Typography.Text type="secondary" className="lab-steps-kind">{t.kinds[s.check.kind]}</Typography.Text>,
                  status: i === stepIndex ? 'process' : st === 'passed' ? 'finish' : st === 'failed' ? 'error' : 'wait',
                  icon: st === 'passed' && i !== stepIndex ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : st === 'failed' && i !== stepIndex ? <CloseCircleFilled style={{ color: '#ff4d4f' }} /> : undefined,
                }
              })}
            />
            <Typography.Paragraph type="secondary" className="lab-keys" data-testid="keyboard-hint">
              {t.keys}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={17} xxl={19}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {passedCount === lab.steps.length && <Alert type="success" showIcon title={t.done} data-testid="lab-done" />}
            <StepPanel
              key={step.id}
              labId={lab.id}
              step={step}
              index={stepIndex}
              total={lab.steps.length}
              result={result}
              running={running}
              error={stepError?.stepId === step.id ? stepError.message : null}
              hostReport={hostReport}
              readingHost={readingHost}
              onReadHost={() => void readHost()}
              onAuto={(rerun) => void verify(step.id, { kind: 'auto', rerun })}
              onManual={(note) => void verify(step.id, { kind: 'manual', note })}
              onQuiz={(answers: Answer[]) => void verify(step.id, { kind: 'quiz', answers })}
              onQuizRetry={() =>
                setResults((prev) => {
                  const next = { ...prev }
                  delete next[step.id]
                  return next
                })
              }
            />
            <div className="lab-nav">
              <Button icon={<LeftOutlined />} disabled={stepIndex === 0} onClick={() => move(-1)} data-testid="prev-step">
                {t.prev}
              </Button>
              {step.progress && step.progress.attempts > 0 && <Tag>{fmt(t.attempts, { n: step.progress.attempts })}</Tag>}
              <Button
                type={statusOf(step) === 'passed' ? 'primary' : 'default'}
                disabled={stepIndex === lab.steps.length - 1}
                onClick={() => move(1)}
                data-testid="next-step"
              >
                {t.next} <RightOutlined />
              </Button>
            </div>
          </Space>
        </Col>
      </Row>
    </div>
  )
}
