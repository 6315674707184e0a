import { Alert, Button, Space, Typography } from 'antd'
import { useState } from 'react'
import type { CheckView, VerifyResult } from '../../../../shared/labs/view'
import type { Answer, QuestionResult } from '../../../../shared/lessons/view'
import { initialDraft, toAnswer, type Draft } from '../../components/quiz/draft'
import { QuestionCard } from '../../components/quiz/QuestionCard'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'

type QuizView = Extract<CheckView, { kind: 'quiz' }>

/** The step's quiz: answered as a whole, scored in main, recorded as a step attempt. */
export function QuizCheck(props: { check: QuizView; result: VerifyResult | null; running: boolean; onSubmit: (answers: Answer[]) => void; onRetry: () => void }): React.JSX.Element {
  const t = useMessages(labsMessages).quiz
  const { locale } = useLocale()
  const { check, result } = props
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(check.questions.map((q) => [q.id, initialDraft(q)])))
  const answers = check.questions.flatMap((q) => {
    const a = toAnswer(q, drafts[q.id] ?? initialDraft(q))
    return a ? [a] : []
  })
  const missing = check.questions.length - answers.length
  const outcome = result?.quiz ?? null
  const resultOf = (id: string): QuestionResult | null => outcome?.results.find((r) => r.questionId === id) ?? null
  // "Retry only the ones I missed": right answers stay (locked), wrong ones start fresh.
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set())
  const missed = outcome ? check.questions.filter((q) => resultOf(q.id)?.correct === false) : []
  const retryWrong = (): void => {
    const right = new Set(check.questions.filter((q) => resultOf(q.id)?.correct === true).map((q) => q.id))
    setDrafts((prev) => Object.fromEntries(check.questions.map((q) => [q.id, right.has(q.id) ? (prev[q.id] ?? initialDraft(q)) : initialDraft(q)])))
    setKept(right)
    props.onRetry()
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quiz-check">
      <Typography.Text type="secondary">{fmt(t.intro, { pass: check.passScore })}</Typography.Text>
      {check.questions.map((q, i) => (
        <QuestionCard
          key={q.id}
          q={q}
          index={i}
          draft={drafts[q.id] ?? initialDraft(q)}
          result={resultOf(q.id)}
          locked={resultOf(q.id) !== null || kept.has(q.id)}
          onChange={(d) => setDrafts((prev) => ({ ...prev, [q.id]: d }))}
        />
      ))}
      {outcome && result ? (
        <Alert
          type={result.passed ? 'success' : 'warning'}
          showIcon
          data-testid="quiz-result"
          data-passed={String(result.passed)}
          title={`${result.passed ? t.passed : t.failed} · ${fmt(t.score, { score: outcome.score, total: outcome.total, pass: outcome.passScore })}`}
          description={
            missed.length > 0 ? (
              <div data-testid="quiz-missed">
                {t.missed}
                <ul className="quiz-missed">
                  {missed.map((q) => (
                    <li key={q.id}>{q.prompt[locale]}</li>
                  ))}
                </ul>
              </div>
            ) : undefined
          }
          action={
            <Space orientation="vertical" size={4}>
              {missed.length > 0 && (
                <Button type={result.passed ? 'default' : 'primary'} onClick={retryWrong} data-testid="quiz-retry-wrong">
                  {t.retryWrong}
                </Button>
              )}
              <Button
                onClick={() => {
                  setDrafts(Object.fromEntries(check.questions.map((q) => [q.id, initialDraft(q)])))
                  setKept(new Set())
                  props.onRetry()
                }}
                data-testid="quiz-retry"
              >
                {t.retry}
              </Button>
            </Space>
          }
        />
      ) : (
        <Space wrap>
          <Button type="primary" size="large" autoInsertSpace={false} disabled={missing > 0} loading={props.running} onClick={() => props.onSubmit(answers)} data-testid="quiz-submit">
            {t.submit}
          </Button>
          {missing > 0 && <Typography.Text type="secondary">{fmt(t.unanswered, { count: missing })}</Typography.Text>}
        </Space>
      )}
    </Space>
  )
}
