import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Card, Col, Progress, Result, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { HostReport } from '../../../../shared/host/report'
import type { LabSummary, LabView, VerifyInput, VerifyResult } from '../../../../shared/labs/view'
import type { Answer } from '../../../../shared/lessons/view'
import { api, describeApiError } from '../../api/client'
import { hrefFor, parseHash } from '../../app/routes'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'
import { StepPanel } from './StepPanel'
import { scrollBehavior } from '../../app/motion'

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
  const [nextLab, setNextLab] = useState<LabSummary | null>(null)
  const completeRef = useRef<HTMLDivElement>(null)

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

  // The lab after this one, for the completion moment.
  useEffect(() => {
    let cancelled = false
    api()
      .labs.list()
      .then((list) => {
        if (cancelled) return
        const sorted = [...list.labs].sort((a, b) => a.order - b.order)
        const here = sorted.findIndex((l) => l.id === props.labId)
        setNextLab(here >= 0 ? (sorted[here + 1] ?? null) : null)
      })
      .catch(() => undefined)
    return () => {
      cancelled = true
    }
  }, [props.labId])

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

  // The completion moment comes into view when the last step passes.
  const allPassed = lab ? lab.steps.every((s) => s.progress?.status === 'passed' || results[s.id]?.passed === true) : false
  useEffect(() => {
    if (allPassed) completeRef.current?.scrollIntoView?.({ block: 'start', behavior: scrollBehavior() })
  }, [allPassed])

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
  const complete = passedCount === lab.steps.length
  const passed = statusOf(step) === 'passed'
  const last = stepIndex === lab.steps.length - 1
  const howVerified = (s: LabView['steps'][number]): string => {
    const r = results[s.id]
    if (s.check.kind === 'quiz') {
      const score = r?.quiz?.score ?? null
      return score !== null ? fmt(t.complete.quizScore, { score, total: r?.quiz?.total ?? 0 }) : t.complete.how.quiz
    }
    return t.complete.how[s.check.kind]
  }
  const primaryAction = (): void => {
    if (passed) {
      if (last) completeRef.current?.scrollIntoView?.({ block: 'start', behavior: scrollBehavior() })
      else move(1)
    } else if (step.check.kind === 'auto') void verify(step.id, { kind: 'auto' })
    else document.querySelector('[data-testid="step-check"]')?.scrollIntoView({ block: 'center', behavior: scrollBehavior() })
  }


  return (
    <div className="lab-runner" data-testid="lab-runner" data-lab={lab.id}>
      <div className="lab-runner-head">
        <Button type="link" href={hrefFor('labs')} icon={<ArrowLeftOutlined />} className="lab-back" data-testid="back-to-labs">
          {t.back}
        </Button>
        <Typography.Title level={2} className="lab-runner-title" data-testid="lab-title">
          {lab.title[locale]}
        </Typography.Title>
        <div className="lab-runner-progress">
          <Progress percent={Math.round((passedCount / lab.steps.length) * 100)} size="small" format={() => `${passedCount}/${lab.steps.length}`} aria-label={fmt(labsMessages[locale].progressLabel, { title: lab.title[locale], passed: passedCount, total: lab.steps.length })} data-testid="lab-runner-progress" />
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
            {complete && (
              <div ref={completeRef}>
                <Card className="lab-complete" data-testid="lab-complete">
                  <Result
                    status="success"
                    title={<span data-testid="lab-done">{fmt(t.complete.title, { title: lab.title[locale] })}</span>}
                    subTitle={t.complete.verified}
                    extra={
                      nextLab ? (
                        <Button type="primary" size="large" href={hrefFor('labs', nextLab.id)} data-testid="next-lab">
                          {fmt(t.complete.nextLab, { n: nextLab.order, title: nextLab.title[locale] })}
                        </Button>
                      ) : (
                        <Button type="primary" size="large" href={hrefFor('records')} data-testid="next-lab">
                          {t.complete.records}
                        </Button>
                      )
                    }
                  >
                    <ul className="lab-complete-list" data-testid="lab-complete-list">
                      {lab.steps.map((s) => (
                        <li key={s.id}>
                          <CheckCircleFilled style={{ color: '#389e0d' }} aria-hidden /> {s.title[locale]}
                          <Typography.Text type="secondary"> · {howVerified(s)}</Typography.Text>
                        </li>
                      ))}
                    </ul>
                  </Result>
                </Card>
              </div>
            )}
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
          </Space>
          <div className="lab-nav" data-testid="lab-nav" role="toolbar" aria-label={t.navLabel}>
            <Button icon={<LeftOutlined />} disabled={stepIndex === 0} onClick={() => move(-1)} data-testid="prev-step">
              {t.prev}
            </Button>
            {step.progress && step.progress.attempts > 0 && <Tag>{fmt(t.attempts, { n: step.progress.attempts })}</Tag>}
            <span className="lab-nav-spacer" />
            {!passed && (
              <Button type="primary" loading={step.check.kind === 'auto' && running} onClick={primaryAction} data-testid="bar-check">
                {t.jump[step.check.kind]}
              </Button>
            )}
            {last && passed ? (
              <Button type="primary" onClick={primaryAction} data-testid="next-step">
                {t.finish} <RightOutlined />
              </Button>
            ) : (
              <Button type={passed ? 'primary' : 'default'} disabled={last} onClick={() => move(1)} data-testid="next-step">
                {t.next} <RightOutlined />
              </Button>
            )}
          </div>
        </Col>
      </Row>
    </div>
  )
}
