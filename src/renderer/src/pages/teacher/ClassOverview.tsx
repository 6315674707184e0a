import { Button, Card, Col, Row, Tooltip, Typography } from 'antd'
import type { VerdictStatus } from '../../../../shared/host/report'
import { VERDICT_STATUSES } from '../../../../shared/host/report'
import type { ClassRow, ClassView } from '../../../../shared/records/class-view'
import { LAB_STATUSES, type LabStatus } from '../../../../shared/records/report'
import type { Locale } from '../../../../shared/i18n/locale'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'
import { teacherMessages } from '../../i18n/messages/teacher'
import { QUIZ_BANDS, attentionList, overviewOf, type Attention, type Filters, type QuizBand } from './class-model'
import { labShort } from './lab-label'
import './teacher.css'

/** Segment colours: white text on the dark ones, dark text on the light ones — all ≥ 4.5:1. */
const LAB_FILL: Record<LabStatus, string> = { completed: 'seg-green', 'in-progress': 'seg-blue', 'not-started': 'seg-grey' }
const VERDICT_FILL: Record<VerdictStatus | 'none', string> = {
  ready: 'seg-green',
  'ready-with-caveats': 'seg-amber',
  'action-needed': 'seg-red',
  unsupported: 'seg-darkred',
  unknown: 'seg-purple',
  none: 'seg-grey',
}
const QUIZ_FILL: Record<QuizBand, string> = { ge80: 'seg-green', '60to80': 'seg-amber', lt60: 'seg-red', none: 'seg-grey' }

interface Segment {
  key: string
  label: string
  count: number
  fill: string
  onClick: () => void
  active: boolean
}

/** A stacked bar whose segments are buttons: clicking one filters the table to those students. */
function StackedBar(props: { name: string; total: number; segments: Segment[]; testId: string }): React.JSX.Element {
  const t = useMessages(teacherMessages)
  return (
    <div className="stacked-bar" role="group" aria-label={props.name} data-testid={props.testId}>
      {props.segments
        .filter((s) => s.count > 0)
        .map((s) => (
          <Tooltip key={s.key} title={fmt(t.overview.segment, { label: s.label, count: s.count })}>
            <button
              type="button"
              className={`seg ${s.fill}${s.active ? ' seg-active' : ''}`}
              style={{ flexGrow: s.count, flexBasis: 0 }}
              aria-label={fmt(t.overview.segment, { label: s.label, count: s.count })}
              aria-pressed={s.active}
              data-segment={s.key}
              onClick={s.onClick}
            >
              {s.count}
            </button>
          </Tooltip>
        ))}
      {props.total === 0 && <span className="seg seg-grey" style={{ flexGrow: 1 }} />}
    </div>
  )
}

function reasonText(a: Attention, locale: Locale, t: (typeof teacherMessages)[Locale], r: (typeof recordsMessages)[Locale]): string {
  return a.reasons
    .map((reason) => {
      if (reason.kind === 'machine') return fmt(t.overview.machine, { verdict: reason.verdict === 'none' ? t.overview.notChecked : r.verdict[reason.verdict] })
      if (reason.kind === 'old') return fmt(t.overview.old, { days: reason.days })
      const lab = reason.labIndex >= 0 ? labShort(reason.labIndex, locale) : reason.step.labId
      const step = reason.step.title?.[locale] ?? reason.step.stepId
      const days = Math.floor((Date.now() - Date.parse(reason.step.since)) / 86_400_000)
      return days >= 1 ? fmt(t.overview.stuck, { lab, step, days, attempts: reason.step.attempts }) : fmt(t.overview.stuckToday, { lab, step, attempts: reason.step.attempts })
    })
    .join(locale === 'zh-CN' ? '；' : '; ')
}

/**
 * Above the class table: each lab's completed / in progress / not started, the spread of machine
 * verdicts and quiz scores, and who needs attention. Every segment filters the table.
 */
export function ClassOverview(props: {
  view: ClassView
  locale: Locale
  filters: Filters
  onFilter: (key: string, values: string[] | null) => void
  onOpen: (row: ClassRow) => void
}): React.JSX.Element {
  const t = useMessages(teacherMessages)
  const r = useMessages(recordsMessages)
  const { view, locale, filters, onFilter, onOpen } = props
  const data = overviewOf(view)
  const total = view.rows.length
  const attention = attentionList(view)
  const toggle = (key: string, value: string): (() => void) => {
    const on = filters[key]?.length === 1 && filters[key]![0] === value
    return () => onFilter(key, on ? null : [value])
  }
  const isOn = (key: string, value: string): boolean => filters[key]?.length === 1 && filters[key]![0] === value
  const SHOW = 6

  return (
    <Card size="small" className="class-overview" data-testid="class-overview" title={<h2 className="teacher-h2">{t.overview.title}</h2>}>
      <Row gutter={[24, 12]}>
        <Col xs={24} lg={10}>
          <h3 className="teacher-h3">{t.overview.labs}</h3>
          {view.labs.map((lab, i) => {
            const spread = data.labs[i]!
            const key = `lab:${lab.id}`
            const title = lab.title?.[locale] ?? lab.id
            return (
              <div className="bar-row" key={lab.id}>
                <Tooltip title={title}>
                  <span className="bar-label" tabIndex={0} aria-label={`${labShort(i, locale)}：${title}`}>
                    {labShort(i, locale)}
                  </span>
                </Tooltip>
                <StackedBar
                  testId={`overview-lab-${i}`}
                  name={fmt(t.overview.labBar, { lab: `${labShort(i, locale)} ${title}`, completed: spread.counts.completed, progress: spread.counts['in-progress'], none: spread.counts['not-started'] })}
                  total={total}
                  segments={LAB_STATUSES.map((s) => ({ key: s, label: `${labShort(i, locale)} ${r.labStatus[s]}`, count: spread.counts[s], fill: LAB_FILL[s], onClick: toggle(key, s), active: isOn(key, s) }))}
                />
              </div>
            )
          })}
        </Col>
        <Col xs={24} lg={7}>
          <h3 className="teacher-h3">{t.overview.verdicts}</h3>
          <StackedBar
            testId="overview-verdicts"
            name={t.overview.verdicts}
            total={total}
            segments={[...VERDICT_STATUSES, 'none' as const].map((v) => ({
              key: v,
              label: v === 'none' ? t.overview.notChecked : r.verdict[v],
              count: data.verdicts[v],
              fill: VERDICT_FILL[v],
              onClick: toggle('verdict', v),
              active: isOn('verdict', v),
            }))}
          />
          <ul className="bar-legend" aria-hidden="true">
            {[...VERDICT_STATUSES, 'none' as const]
              .filter((v) => data.verdicts[v] > 0)
              .map((v) => (
                <li key={v}>
                  <span className={`dot ${VERDICT_FILL[v]}`} />
                  {v === 'none' ? t.overview.notChecked : r.verdict[v]} {data.verdicts[v]}
                </li>
              ))}
          </ul>
          <h3 className="teacher-h3">
            {t.overview.quiz}
            <Typography.Text className="quiz-average muted-aa">
              {data.quiz.average === null ? t.overview.quizNone : fmt(t.overview.quizAverage, { avg: data.quiz.average })}
            </Typography.Text>
          </h3>
          <StackedBar
            testId="overview-quiz"
            name={t.overview.quiz}
            total={total}
            segments={QUIZ_BANDS.map((b) => ({ key: b, label: t.overview.quizBands[b], count: data.quiz.bands[b], fill: QUIZ_FILL[b], onClick: toggle('quiz', b), active: isOn('quiz', b) }))}
          />
          <ul className="bar-legend" aria-hidden="true">
            {QUIZ_BANDS.filter((b) => data.quiz.bands[b] > 0).map((b) => (
              <li key={b}>
                <span className={`dot ${QUIZ_FILL[b]}`} />
                {t.overview.quizBands[b]} {data.quiz.bands[b]}
              </li>
            ))}
          </ul>
        </Col>
        <Col xs={24} lg={7}>
          <h3 className="teacher-h3">
            <Button
              type="link"
              size="small"
              className="attention-title"
              aria-pressed={isOn('name', 'attention')}
              onClick={toggle('name', 'attention')}
              data-testid="overview-attention-filter"
            >
              {fmt(t.overview.attentionCount, { count: attention.length })}
            </Button>
          </h3>
          {attention.length === 0 ? (
            <Typography.Text className="muted-aa">{t.overview.attentionNone}</Typography.Text>
          ) : (
            <ul className="attention-list" data-testid="attention-list">
              {attention.slice(0, SHOW).map((a) => (
                <li key={a.row.id}>
                  <Button type="link" size="small" className="attention-name" onClick={() => onOpen(a.row)}>
                    {a.row.student.name}
                  </Button>
                  <span className="attention-reason" title={reasonText(a, locale, t, r)}>
                    {reasonText(a, locale, t, r)}
                  </span>
                </li>
              ))}
              {attention.length > SHOW && <li className="attention-more">{fmt(t.overview.attentionMore, { count: attention.length - SHOW })}</li>}
            </ul>
          )}
        </Col>
      </Row>
    </Card>
  )
}
