import { Descriptions, Typography } from 'antd'
import type { Locale } from '../../../../shared/i18n/locale'
import type { LabReport } from '../../../../shared/records/report'
import { fmt } from '../../i18n/define'
import { recordsMessages } from '../../i18n/messages/records'
import { formatTime } from './format'
import { LabStatusTag, MachineSummary, QuizTable, StepsTable, VerdictTag } from './parts'
import './report.css'

/** The printable lab report: what the PDF shows, in one language. */
export function ReportView(props: { report: LabReport; locale: Locale }): React.JSX.Element {
  const { report, locale } = props
  const t = recordsMessages[locale]
  return (
    <article className="report-sheet" lang={locale} data-testid="report-sheet">
      <header className="report-head">
        <h1>{t.report.title}</h1>
        <div className="muted">{fmt(t.report.generator, { name: report.generator.name, version: report.generator.version })}</div>
      </header>

      <section>
        <h2>{t.report.student}</h2>
        <Descriptions size="small" bordered column={2} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="report-student">
          <Descriptions.Item label={t.profile.name}>{report.student.name}</Descriptions.Item>
          <Descriptions.Item label={t.profile.studentNumber}>{report.student.studentNumber}</Descriptions.Item>
          <Descriptions.Item label={t.profile.className}>{report.student.className}</Descriptions.Item>
          <Descriptions.Item label={t.profile.course}>{report.student.course}</Descriptions.Item>
          <Descriptions.Item label={t.report.generatedAt} span={2}>
            {formatTime(report.generatedAt, locale)}
          </Descriptions.Item>
        </Descriptions>
      </section>

      <section>
        <h2>{t.report.machine}</h2>
        {report.machine ? <MachineSummary machine={report.machine} locale={locale} /> : <p className="muted">{t.page.noMachine}</p>}
        {report.hostCheckHistory.length > 1 && (
          <p className="muted history">
            {t.report.checkHistory}:{' '}
            {report.hostCheckHistory.map((h, i) => (
              <span key={`${h.at}-${i}`} className="history-item">
                {formatTime(h.at, locale)} <VerdictTag verdict={h.verdict} locale={locale} />
              </span>
            ))}
          </p>
        )}
      </section>

      <section>
        <h2>{t.report.labs}</h2>
        {report.labs.length === 0 && <p className="muted">{t.report.noLabs}</p>}
        {report.labs.map((lab) => (
          <div key={lab.id} className="report-lab" data-testid={`report-lab-${lab.id}`}>
            <h3>
              <span>{lab.title ? lab.title[locale] : lab.id}</span>
              <LabStatusTag status={lab.status} locale={locale} />
              <span className="muted lab-count">
                {fmt(t.page.stepsDone, { passed: lab.passedCount, total: lab.stepCount })}
                {lab.completedAt ? ` · ${fmt(t.report.completedAt, { time: formatTime(lab.completedAt, locale) })}` : ''}
              </span>
            </h3>
            <StepsTable lab={lab} locale={locale} />
          </div>
        ))}
      </section>

      <section>
        <h2>{t.report.quizzes}</h2>
        {report.quizzes.length === 0 ? <p className="muted">{t.page.noQuizzes}</p> : <QuizTable quizzes={report.quizzes} locale={locale} />}
      </section>

      <footer className="report-foot">
        <Typography.Text className="digest" data-testid="report-digest">
          {fmt(t.report.integrity, { digest: report.integrity.digest })}
        </Typography.Text>
        <div className="muted">{t.report.integrityNote}</div>
      </footer>
    </article>
  )
}
