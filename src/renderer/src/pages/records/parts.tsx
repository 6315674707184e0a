import { Descriptions, Table, Tag } from 'antd'
import type { Locale } from '../../../../shared/i18n/locale'
import type { HostSnapshot, LabStatus, ReportLab, ReportQuiz, ReportStep, StepStatus } from '../../../../shared/records/report'
import type { VerdictStatus } from '../../../../shared/host/report'
import { fmt } from '../../i18n/define'
import { recordsMessages } from '../../i18n/messages/records'
import { formatBytes, formatTime, shorten } from './format'
import { checkTitle } from '../../../../shared/host/check-titles'
import { evidenceExcerpt, evidenceLabel } from '../../../../shared/host/evidence-labels'

const STEP_COLOR: Record<StepStatus, string> = { passed: 'success', failed: 'error', 'not-started': 'default' }
export const LAB_COLOR: Record<LabStatus, string> = { completed: 'success', 'in-progress': 'processing', 'not-started': 'default' }
export const VERDICT_COLOR: Record<VerdictStatus, string> = {
  ready: 'success',
  'ready-with-caveats': 'warning',
  'action-needed': 'error',
  unsupported: 'error',
  unknown: 'purple',
}

export function StepStatusTag(props: { status: StepStatus; locale: Locale }): React.JSX.Element {
  return (
    <Tag color={STEP_COLOR[props.status]} data-status={props.status}>
      {recordsMessages[props.locale].stepStatus[props.status]}
    </Tag>
  )
}

export function LabStatusTag(props: { status: LabStatus; locale: Locale }): React.JSX.Element {
  return (
    <Tag color={LAB_COLOR[props.status]} data-status={props.status}>
      {recordsMessages[props.locale].labStatus[props.status]}
    </Tag>
  )
}

export function VerdictTag(props: { verdict: VerdictStatus; locale: Locale }): React.JSX.Element {
  return (
    <Tag color={VERDICT_COLOR[props.verdict]} data-verdict={props.verdict}>
      {recordsMessages[props.locale].verdict[props.verdict]}
    </Tag>
  )
}

/** How a step was verified, with its evidence (criteria, the student's note, excerpts). */
export function Verified(props: { step: ReportStep; locale: Locale; evidence?: boolean }): React.JSX.Element {
  const t = recordsMessages[props.locale]
  const v = props.step.verification
  if (!v) return <span>{t.how.none}</span>
  if (v.kind === 'manual') {
    return (
      <div>
        <div>{t.how.manual}</div>
        {v.note.trim() && <div className="step-note">{fmt(t.how.note, { note: v.note })}</div>}
      </div>
    )
  }
  if (v.kind === 'quiz') return <span>{fmt(t.how.quiz, { score: v.score, total: v.total })}</span>
  return (
    <div>
      <div>{fmt(t.how.auto, { check: checkTitle(v.checkId, props.locale), status: t.checkStatus[v.checkStatus] })}</div>
      {v.criteria.length > 0 && (
        <ul className="criteria">
          {v.criteria.map((c) => (
            <li key={c.id} className={c.passed ? 'criterion-pass' : 'criterion-fail'}>
              {c.passed ? '✓ ' : '✗ '}
              {fmt(t.how.criterion, { label: c.label[props.locale], actual: c.actual })}
            </li>
          ))}
        </ul>
      )}
      {props.evidence !== false &&
        v.evidence.slice(0, 3).map((e, i) => (
          <pre key={i} className="evidence report-evidence">
            <span className="evidence-probe" data-testid="evidence-source">
              {evidenceLabel(e.probe, props.locale)}
            </span>
            {shorten(evidenceExcerpt(e.excerpt, props.locale), 600)}
          </pre>
        ))}
    </div>
  )
}

export function StepsTable(props: { lab: ReportLab; locale: Locale }): React.JSX.Element {
  const t = recordsMessages[props.locale]
  return (
    <Table<ReportStep>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={props.lab.steps}
      tableLayout="fixed"
      data-testid={`steps-${props.lab.id}`}
      columns={[
        {
          title: t.report.step,
          key: 'step',
          width: '24%',
          render: (_, s) => (
            <div>{s.title ? s.title[props.locale] : s.id}</div>
          ),
        },
        { title: t.report.status, key: 'status', width: 96, render: (_, s) => <StepStatusTag status={s.status} locale={props.locale} /> },
        { title: t.report.how, key: 'how', render: (_, s) => <Verified step={s} locale={props.locale} /> },
        { title: t.report.attempts, key: 'attempts', width: 88, align: 'center', render: (_, s) => s.attempts },
        {
          title: t.report.time,
          key: 'time',
          width: 168,
          render: (_, s) =>
            s.status === 'not-started' ? (
              '—'
            ) : (
              <div className="step-times">
                {s.passedAt ? (
                  <div>{fmt(t.report.passedAt, { time: formatTime(s.passedAt, props.locale) })}</div>
                ) : (
                  <div>{fmt(t.report.lastAt, { time: formatTime(s.lastAt, props.locale) })}</div>
                )}
                {s.firstAt && s.firstAt !== s.passedAt && <div className="muted">{fmt(t.report.firstAt, { time: formatTime(s.firstAt, props.locale) })}</div>}
              </div>
            ),
        },
      ]}
    />
  )
}

export function MachineSummary(props: { machine: HostSnapshot; locale: Locale }): React.JSX.Element {
  const t = recordsMessages[props.locale]
  const { machine: m } = props
  const os = [m.host.os, m.host.osVersion].filter(Boolean).join(' ') || '—'
  const cpu = [m.host.cpu.brand || m.host.cpu.vendor, m.host.cpu.cores ? `× ${m.host.cpu.cores}` : ''].filter(Boolean).join(' ') || '—'
  const model = [m.host.manufacturer, m.host.model].filter(Boolean).join(' ') || '—'
  return (
    <Descriptions size="small" bordered column={2} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="machine-summary">
      <Descriptions.Item label={t.report.verdict}>
        <VerdictTag verdict={m.verdict} locale={props.locale} />
      </Descriptions.Item>
      <Descriptions.Item label={t.report.checkedAt}>{formatTime(m.at, props.locale)}</Descriptions.Item>
      <Descriptions.Item label={t.report.os}>
        {os} · {m.host.arch}
      </Descriptions.Item>
      <Descriptions.Item label={t.report.memory}>{formatBytes(m.host.memoryBytes, props.locale)}</Descriptions.Item>
      <Descriptions.Item label={t.report.cpu}>{cpu}</Descriptions.Item>
      <Descriptions.Item label={t.report.model}>{model}</Descriptions.Item>
      <Descriptions.Item label={t.report.checks} span={2}>
        <div className="check-chips">
          {m.checks.map((c) => (
            <span key={c.id} className={`check-chip check-${c.status}`}>
              {checkTitle(c.id, props.locale)} · {t.checkStatus[c.status]}
            </span>
          ))}
        </div>
      </Descriptions.Item>
    </Descriptions>
  )
}

export function QuizTable(props: { quizzes: readonly ReportQuiz[]; locale: Locale }): React.JSX.Element {
  const t = recordsMessages[props.locale]
  return (
    <Table<ReportQuiz>
      size="small"
      pagination={false}
      rowKey="lessonId"
      dataSource={[...props.quizzes]}
      data-testid="quiz-table"
      columns={[
        { title: t.report.lesson, key: 'lesson', render: (_, q) => (q.title ? q.title[props.locale] : q.lessonId) },
        {
          title: t.report.best,
          key: 'best',
          width: 180,
          render: (_, q) => `${fmt(t.report.score, { score: q.best.score, total: q.best.total })} · ${formatTime(q.best.at, props.locale)}`,
        },
        {
          title: t.report.last,
          key: 'last',
          width: 180,
          render: (_, q) => `${fmt(t.report.score, { score: q.last.score, total: q.last.total })} · ${formatTime(q.last.at, props.locale)}`,
        },
        { title: t.report.attempts, key: 'attempts', width: 88, align: 'center', render: (_, q) => q.attempts },
      ]}
    />
  )
}
