import { BookOutlined } from '@ant-design/icons'
import { Alert, Button, Progress, Result, Space, Typography } from 'antd'
import { useState } from 'react'
import type { Answer, LessonView, QuestionResult, QuestionView, QuizOutcome } from '../../../../shared/lessons/view'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { initialDraft, toAnswer, type Draft } from '../../components/quiz/draft'
import { QuestionCard } from '../../components/quiz/QuestionCard'
import { lessonsMessages } from '../../i18n/messages/lessons'
import { sectionOf } from '../../../../shared/lessons/section-of'
import { useLocale } from '../../i18n/locale-context'
import { scrollBehavior } from '../../app/motion'

/** "Review: <section>" — scrolls the lesson text to the section the question comes from. */
function ReviewLink(props: { lesson: LessonView; q: QuestionView; explanation: string }): React.JSX.Element | null {
  const t = useMessages(lessonsMessages).quiz
  const { locale } = useLocale()
  const section = sectionOf(props.lesson.body[locale], `${props.q.prompt[locale]}\n${props.explanation}`)
  if (!section) return null
  return (
    <Button
      type="link"
      size="small"
      className="quiz-review-link"
      onClick={() => document.querySelectorAll('[data-testid="lesson-body"] .md-h2')[section.index]?.scrollIntoView({ behavior: scrollBehavior(), block: 'start' })}
      data-testid={`review-${props.q.id}`}
    >
      {fmt(t.review, { section: section.heading })}
    </Button>
  )
}

/** A lesson question: checked on its own in main, which locks it and shows the explanation. */
function LessonQuestion(props: { lesson: LessonView; lessonId: string; q: QuestionView; index: number; result: QuestionResult | null; onResult: (result: QuestionResult, answer: Answer) => void }): React.JSX.Element {
  const t = useMessages(lessonsMessages).quiz
  const { locale } = useLocale()
  const { q, result } = props
  const [draft, setDraft] = useState<Draft>(() => initialDraft(q))
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const answer = toAnswer(q, draft)

  const check = async (): Promise<void> => {
    if (!answer) return
    setChecking(true)
    setError(null)
    try {
      props.onResult(await api().lessons.checkAnswer(props.lessonId, answer), answer)
    } catch (e) {
      setError(describeApiError(e).message)
    } finally {
      setChecking(false)
    }
  }

  return (
    <QuestionCard
      q={q}
      index={props.index}
      draft={draft}
      result={result}
      locked={result !== null || checking}
      onChange={setDraft}
      reviewLink={result ? <ReviewLink lesson={props.lesson} q={q} explanation={result.explanation[locale]} /> : null}
    >
      {!result && (
        <Button type="primary" ghost onClick={() => void check()} disabled={!answer || checking} loading={checking} data-testid={`check-${q.id}`}>
          {checking ? t.checking : t.check}
        </Button>
      )}
      {error && <Alert type="error" showIcon title={fmt(t.failed, { reason: error })} />}
    </QuestionCard>
  )
}

/** The lesson's quiz: each question checked on its own (explanation shown), then the whole quiz submitted and recorded. */
export function Quiz(props: { lesson: LessonView; onRetake: () => void }): React.JSX.Element {
  const t = useMessages(lessonsMessages).quiz
  const { lesson } = props
  const [results, setResults] = useState<Record<string, { result: QuestionResult; answer: Answer }>>({})
  const [outcome, setOutcome] = useState<QuizOutcome | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Per question, how many times it was reset ("retry the ones I missed" gives wrong ones a fresh start).
  const [rounds, setRounds] = useState<Record<string, number>>({})
  const total = lesson.questions.length
  const wrong = lesson.questions.filter((q) => results[q.id] && !results[q.id]!.result.correct)
  const retryWrong = (): void => {
    setRounds((prev) => ({ ...prev, ...Object.fromEntries(wrong.map((q) => [q.id, (prev[q.id] ?? 0) + 1])) }))
    setResults((prev) => Object.fromEntries(Object.entries(prev).filter(([, r]) => r.result.correct)))
    setOutcome(null)
    setTimeout(() => document.querySelector(`[data-testid="question-${wrong[0]?.id ?? ''}"]`)?.scrollIntoView({ behavior: scrollBehavior(), block: 'center' }), 0)
  }
  const done = Object.keys(results).length
  const remaining = total - done

  const submit = async (): Promise<void> => {
    setSubmitting(true)
    setError(null)
    try {
      const answers = lesson.questions.flatMap((q) => (results[q.id] ? [results[q.id]!.answer] : []))
      setOutcome(await api().lessons.submitQuiz(lesson.id, answers))
    } catch (e) {
      setError(describeApiError(e).message)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quiz">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t.intro}
      </Typography.Paragraph>
      <Progress percent={Math.round((done / total) * 100)} format={() => fmt(t.progress, { done, total })} aria-label={fmt(t.progress, { done, total })} data-testid="quiz-progress" />
      {lesson.questions.map((q, index) => (
        <LessonQuestion
          key={`${lesson.seed}/${q.id}/${rounds[q.id] ?? 0}`}
          lesson={lesson}
          lessonId={lesson.id}
          q={q}
          index={index}
          result={results[q.id]?.result ?? null}
          onResult={(result, answer) => setResults((prev) => ({ ...prev, [q.id]: { result, answer } }))}
        />
      ))}
      {error && <Alert type="error" showIcon title={fmt(t.failed, { reason: error })} />}
      {outcome ? (
        <Result
          status={outcome.score === outcome.total ? 'success' : 'info'}
          icon={outcome.score === outcome.total ? undefined : <BookOutlined style={{ color: outcome.score * 2 >= outcome.total ? '#1f6feb' : '#d48806' }} />}
          title={<span data-testid="quiz-score">{fmt(t.result.title, { score: outcome.score, total: outcome.total })}</span>}
          subTitle={
            <Space orientation="vertical" size={2}>
              <span>{outcome.score === outcome.total ? t.result.perfect : outcome.score * 2 >= outcome.total ? t.result.good : t.result.low}</span>
              <span data-testid="quiz-best">
                {fmt(t.result.best, { score: outcome.best.score, total: outcome.best.total })} · {fmt(t.result.attempts, { count: outcome.attempts })}
              </span>
              <span>{t.result.recorded}</span>
            </Space>
          }
          extra={
            <Space wrap>
              {wrong.length > 0 && (
                <Button type="primary" onClick={retryWrong} data-testid="quiz-retry-wrong">
                  {fmt(t.result.retryWrong, { count: wrong.length })}
                </Button>
              )}
              <Button onClick={props.onRetake} data-testid="quiz-retake">
                {t.result.retake}
              </Button>
            </Space>
          }
          data-testid="quiz-result"
        />
      ) : (
        <Space wrap>
          <Button type="primary" size="large" onClick={() => void submit()} disabled={remaining > 0 || submitting} loading={submitting} data-testid="quiz-submit">
            {submitting ? t.submitting : t.submit}
          </Button>
          {remaining > 0 && <Typography.Text type="secondary">{fmt(t.submitHint, { count: remaining })}</Typography.Text>}
        </Space>
      )}
    </Space>
  )
}
