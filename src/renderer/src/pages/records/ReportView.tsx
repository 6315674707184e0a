import { Descriptions } from 'antd'
import type { Locale } from '../../../../shared/i18n/locale'
import { labNumberName } from '../../../../shared/i18n/vocabulary'
import type { LabReport, ReportLab } from '../../../../shared/records/report'
import { reportSummary } from '../../../../shared/records/summary'
import { fmt } from '../../i18n/define'
import { recordsMessages } from '../../i18n/messages/records'
import { formatTime } from './format'
import { LabStatusTag, MachineSummary, QuizTable, StepsTable, VerdictTag } from './parts'
import './report.css'

function labName(lab: ReportLab, index: number, locale: Locale): string {
  return `${labNumberName(index, locale)} ${lab.title ? lab.title[locale] : lab.id}`
}

/**
 * The printable lab report: what the PDF shows, in one language. Page 1 opens with the summary a
 * teacher reads first and one line on the digest (docs/report-format.md and `virtlab report verify`
 * explain it); labs not started share one line. The PDF's header and footer
 * (student, page number) come from main's print frame, not from this page.
 */
export function ReportView(props: { report: LabReport; locale: Locale }): React.JSX.Element {
  const { report, locale } = props
  const t = recordsMessages[locale]
  const summary = reportSummary(report)
  const numbered = report.labs.map((lab, index) => ({ lab, index }))
  const started = numbered.filter(({ lab }) => lab.status !== 'not-started')
  const notStarted = numbered.filter(({ lab }) => lab.status === 'not-started')
  const nowrap = (text: string): React.JSX.Element => <span className="nowrap">{text}</span>
  return (
    // Focusable so the report can be scrolled from the keyboard inside the Teacher view's drawer.
    <article className="report-sheet" lang={locale} data-testid="report-sheet" tabIndex={0} aria-label={`${t.report.title} · ${report.student.name}`}>
      <header className="report-head">
        <h2 className="report-title">{t.report.title}</h2>
        <div className="muted">{fmt(t.report.generator, { name: report.generator.name, version: report.generator.version })}</div>
      </header>

      <section aria-labelledby="report-summary-title">
        <h3 id="report-summary-title">{t.report.summary}</h3>
        <Descriptions size="small" bordered column={2} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="report-summary">
          <Descriptions.Item label={t.profile.name}>{report.student.name}</Descriptions.Item>
          <Descriptions.Item label={t.profile.studentNumber}>{nowrap(report.student.studentNumber)}</Descriptions.Item>
          <Descriptions.Item label={t.profile.className}>{report.student.className}</Descriptions.Item>
          <Descriptions.Item label={t.profile.course}>{report.student.course}</Descriptions.Item>
          <Descriptions.Item label={t.report.labsCompleted}>
            <span data-testid="summary-labs">{fmt(t.report.labsOf, { done: summary.labsCompleted, total: summary.labsTotal })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.report.verdict}>
            {summary.verdict ? <VerdictTag verdict={summary.verdict} locale={locale} /> : <span className="muted">{t.report.notChecked}</span>}
          </Descriptions.Item>
          <Descriptions.Item label={t.report.quizAverage}>
            <span data-testid="summary-quiz">{summary.quizAverage === null ? t.report.noQuiz : fmt(t.report.percent, { value: summary.quizAverage })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.report.generatedAt}>{nowrap(formatTime(report.generatedAt, locale))}</Descriptions.Item>
        </Descriptions>
        {/* One line on what the digest checks; docs/report-format.md and `virtlab report verify` explain the rest. */}
        <p className="digest-line" data-testid="report-digest">
          {t.report.integrity} <code className="digest">{report.integrity.digest}</code>
        </p>
      </section>

      <section aria-labelledby="report-machine-title">
        <h3 id="report-machine-title">{t.report.machine}</h3>
        {report.machine ? <MachineSummary machine={report.machine} locale={locale} /> : <p className="muted">{t.page.noMachine}</p>}
        {report.hostCheckHistory.length > 1 && (
          <p className="muted history">
            {t.report.checkHistory}
            {locale === 'zh-CN' ? '：' : ': '}
            {report.hostCheckHistory.map((h, i) => (
              <span key={`${h.at}-${i}`} className="history-item">
                {formatTime(h.at, locale)} <VerdictTag verdict={h.verdict} locale={locale} />
              </span>
            ))}
          </p>
        )}
      </section>

      <section aria-labelledby="report-labs-title">
        <h3 id="report-labs-title">{t.report.labs}</h3>
        {report.labs.length === 0 && <p className="muted">{t.report.noLabs}</p>}
        {started.map(({ lab, index }) => (
          <div key={lab.id} className="report-lab" data-testid={`report-lab-${lab.id}`}>
            <h4>
              <span>{labName(lab, index, locale)}</span>
              <LabStatusTag status={lab.status} locale={locale} />
              <span className="muted lab-count">
                {fmt(t.page.stepsDone, { passed: lab.passedCount, total: lab.stepCount })}
                {lab.completedAt ? <> · {nowrap(fmt(t.report.completedAt, { time: formatTime(lab.completedAt, locale) }))}</> : null}
              </span>
            </h4>
            <StepsTable lab={lab} locale={locale} />
          </div>
        ))}
        {notStarted.length > 0 && (
          <p className="report-not-started" data-testid="report-not-started">
            <LabStatusTag status="not-started" locale={locale} />
            {notStarted.map(({ lab, index }) => labName(lab, index, locale)).join(locale === 'zh-CN' ? '、' : ', ')}
          </p>
        )}
      </section>

      <section aria-labelledby="report-quizzes-title">
        <h3 id="report-quizzes-title">{t.report.quizzes}</h3>
        {report.quizzes.length === 0 ? <p className="muted">{t.page.noQuizzes}</p> : <QuizTable quizzes={report.quizzes} locale={locale} />}
      </section>

    </article>
  )
}
