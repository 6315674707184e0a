import { ArrowDownOutlined, ArrowUpOutlined, BookOutlined, CheckCircleFilled, CloseCircleFilled, HolderOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Progress, Radio, Result, Select, Space, Tag, Typography } from 'antd'
import { useState, type DragEvent } from 'react'
import type { Locale } from '../../../../shared/i18n/locale'
import type { Answer, LessonView, QuestionResult, QuestionView, QuizOutcome, TextItem } from '../../../../shared/lessons/view'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { lessonsMessages } from '../../i18n/messages/lessons'

/** What the student has put down for one question so far. */
type Draft =
  | { type: 'single'; choice: string | null }
  | { type: 'multiple'; choices: string[] }
  | { type: 'ordering'; order: string[] }
  | { type: 'matching'; pairs: Record<string, string> }

function initialDraft(q: QuestionView): Draft {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: null }
    case 'multiple':
      return { type: 'multiple', choices: [] }
    case 'ordering':
      return { type: 'ordering', order: q.items.map((i) => i.id) }
    case 'matching':
      return { type: 'matching', pairs: {} }
  }
}

/** The answer to send, or null while the draft is incomplete. */
export function toAnswer(q: QuestionView, draft: Draft): Answer | null {
  if (draft.type === 'single') return draft.choice ? { questionId: q.id, type: 'single', choice: draft.choice } : null
  if (draft.type === 'multiple') return draft.choices.length > 0 ? { questionId: q.id, type: 'multiple', choices: draft.choices } : null
  if (draft.type === 'ordering') return { questionId: q.id, type: 'ordering', order: draft.order }
  if (q.type !== 'matching') return null
  return q.left.every((l) => draft.pairs[l.id]) ? { questionId: q.id, type: 'matching', pairs: draft.pairs } : null
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRST'

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list]
  const [item] = out.splice(from, 1)
  out.splice(to, 0, item as T)
  return out
}

function OrderingInput(props: { q: Extract<QuestionView, { type: 'ordering' }>; order: string[]; locked: boolean; onChange: (order: string[]) => void; locale: Locale }): React.JSX.Element {
  const t = useMessages(lessonsMessages).quiz
  const [dragging, setDragging] = useState<number | null>(null)
  const byId = new Map(props.q.items.map((i) => [i.id, i]))
  const drop = (event: DragEvent, to: number): void => {
    event.preventDefault()
    const from = dragging ?? Number(event.dataTransfer.getData('text/plain'))
    setDragging(null)
    if (!props.locked && Number.isInteger(from) && from !== to) props.onChange(move(props.order, from, to))
  }
  return (
    <ol className="quiz-ordering" data-testid={`order-${props.q.id}`}>
      {props.order.map((id, index) => {
        const text = byId.get(id)?.text[props.locale] ?? id
        return (
          <li
            key={id}
            className={`quiz-ordering-item${dragging === index ? ' is-dragging' : ''}`}
            draggable={!props.locked}
            onDragStart={(event) => {
              event.dataTransfer.setData('text/plain', String(index))
              event.dataTransfer.effectAllowed = 'move'
              setDragging(index)
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => drop(event, index)}
            data-testid={`order-item-${id}`}
          >
            <HolderOutlined className="quiz-ordering-handle" aria-label={fmt(t.dragHandle, { item: text })} />
            <span className="quiz-ordering-pos" aria-label={fmt(t.position, { n: index + 1 })}>
              {index + 1}
            </span>
            <span className="quiz-ordering-text">{text}</span>
            <Space size={4}>
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                aria-label={fmt(t.moveUp, { item: text })}
                disabled={props.locked || index === 0}
                onClick={() => props.onChange(move(props.order, index, index - 1))}
                data-testid={`order-up-${id}`}
              />
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                aria-label={fmt(t.moveDown, { item: text })}
                disabled={props.locked || index === props.order.length - 1}
                onClick={() => props.onChange(move(props.order, index, index + 1))}
                data-testid={`order-down-${id}`}
              />
            </Space>
          </li>
        )
      })}
    </ol>
  )
}

function MatchingInput(props: {
  q: Extract<QuestionView, { type: 'matching' }>
  pairs: Record<string, string>
  locked: boolean
  result: QuestionResult | null
  onChange: (pairs: Record<string, string>) => void
  locale: Locale
}): React.JSX.Element {
  const t = useMessages(lessonsMessages).quiz
  const letter = new Map(props.q.right.map((r, i) => [r.id, LETTERS[i] ?? '?']))
  const solution = props.result?.solution.type === 'matching' ? props.result.solution.pairs : null
  return (
    <div className="quiz-matching">
      <ol className="quiz-matching-right" type="A" data-testid={`match-right-${props.q.id}`}>
        {props.q.right.map((r) => (
          <li key={r.id}>{r.text[props.locale]}</li>
        ))}
      </ol>
      <div className="quiz-matching-rows">
        {props.q.left.map((l) => {
          const chosen = props.pairs[l.id]
          const right = solution?.[l.id]
          const wrong = solution !== null && chosen !== right
          return (
            <div key={l.id} className="quiz-matching-row" data-testid={`match-row-${l.id}`}>
              <Typography.Text strong className="quiz-matching-left">
                {l.text[props.locale]}
              </Typography.Text>
              <Select
                value={chosen}
                placeholder={t.choose}
                disabled={props.locked}
                aria-label={fmt(t.matchFor, { item: l.text[props.locale] })}
                onChange={(value: string) => props.onChange({ ...props.pairs, [l.id]: value })}
                options={props.q.right.map((r) => ({ value: r.id, label: `${letter.get(r.id)}. ${r.text[props.locale]}`, title: r.text[props.locale] }))}
                classNames={{ popup: { root: 'quiz-match-popup' } }}
                status={wrong ? 'error' : undefined}
                style={{ width: '100%' }}
                data-testid={`match-select-${l.id}`}
              />
              {solution && (
                <span className="quiz-matching-mark">
                  {wrong ? (
                    <Tag color="success" data-testid={`match-right-answer-${l.id}`}>
                      {t.rightAnswer}: {right ? `${letter.get(right)}` : '—'}
                    </Tag>
                  ) : (
                    <CheckCircleFilled style={{ color: '#52a46b' }} aria-label={t.correct} />
                  )}
                </span>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

function optionMark(result: QuestionResult | null, id: string, chosen: boolean, t: { rightAnswer: string; yourAnswer: string }): React.ReactNode {
  if (!result || (result.solution.type !== 'single' && result.solution.type !== 'multiple')) return null
  const right = result.solution.correct.includes(id)
  if (right) return <Tag color="success">{t.rightAnswer}</Tag>
  if (chosen) return <Tag color="error">{t.yourAnswer}</Tag>
  return null
}

function QuestionCard(props: { lessonId: string; q: QuestionView; index: number; result: QuestionResult | null; onResult: (result: QuestionResult, answer: Answer) => void }): React.JSX.Element {
  const t = useMessages(lessonsMessages).quiz
  const { locale } = useLocale()
  const { q, result } = props
  const [draft, setDraft] = useState<Draft>(() => initialDraft(q))
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const locked = result !== null || checking
  const answer = toAnswer(q, draft)
  const text = (item: TextItem): string => item.text[locale]

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

  let input: React.ReactNode = null
  if (q.type === 'single' && draft.type === 'single')
    input = (
      <Radio.Group value={draft.choice} onChange={(e) => setDraft({ type: 'single', choice: e.target.value as string })} disabled={locked} className="quiz-options">
        {q.options.map((o) => (
          <Radio key={o.id} value={o.id} data-testid={`option-${q.id}-${o.id}`}>
            {text(o)} {optionMark(result, o.id, draft.choice === o.id, t)}
          </Radio>
        ))}
      </Radio.Group>
    )
  else if (q.type === 'multiple' && draft.type === 'multiple')
    input = (
      <Checkbox.Group value={draft.choices} onChange={(values) => setDraft({ type: 'multiple', choices: values as string[] })} disabled={locked} className="quiz-options">
        {q.options.map((o) => (
          <Checkbox key={o.id} value={o.id} data-testid={`option-${q.id}-${o.id}`}>
            {text(o)} {optionMark(result, o.id, draft.choices.includes(o.id), t)}
          </Checkbox>
        ))}
      </Checkbox.Group>
    )
  else if (q.type === 'ordering' && draft.type === 'ordering')
    input = (
      <>
        <OrderingInput q={q} order={draft.order} locked={locked} onChange={(order) => setDraft({ type: 'ordering', order })} locale={locale} />
        {result && !result.correct && result.solution.type === 'ordering' && (
          <div className="quiz-solution" data-testid={`solution-${q.id}`}>
            <Typography.Text strong>{t.rightAnswer}</Typography.Text>
            <ol>
              {result.solution.order.map((id) => (
                <li key={id}>{q.items.find((i) => i.id === id)?.text[locale] ?? id}</li>
              ))}
            </ol>
          </div>
        )}
      </>
    )
  else if (q.type === 'matching' && draft.type === 'matching')
    input = <MatchingInput q={q} pairs={draft.pairs} locked={locked} result={result} onChange={(pairs) => setDraft({ type: 'matching', pairs })} locale={locale} />

  return (
    <Card size="small" className="quiz-question" data-testid={`question-${q.id}`} data-state={result ? (result.correct ? 'correct' : 'incorrect') : 'open'}>
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space size="small" wrap>
          <Tag>{props.index + 1}</Tag>
          <Tag color="blue">{t.kinds[q.type]}</Tag>
          <Typography.Text type="secondary">{t.hints[q.type]}</Typography.Text>
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 4, fontSize: 15 }}>
          {q.prompt[locale]}
        </Typography.Paragraph>
        {input}
        {!result && (
          <Button type="primary" ghost onClick={() => void check()} disabled={!answer || checking} loading={checking} data-testid={`check-${q.id}`}>
            {checking ? t.checking : t.check}
          </Button>
        )}
        {error && <Alert type="error" showIcon title={fmt(t.failed, { reason: error })} />}
        {result && (
          <Alert
            type={result.correct ? 'success' : 'error'}
            showIcon
            icon={result.correct ? <CheckCircleFilled /> : <CloseCircleFilled />}
            title={result.correct ? t.correct : t.incorrect}
            description={
              <div data-testid={`explanation-${q.id}`}>
                <Typography.Text strong>{t.explanation}</Typography.Text>
                <div>{result.explanation[locale]}</div>
              </div>
            }
          />
        )}
      </Space>
    </Card>
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
  const total = lesson.questions.length
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
      <Progress percent={Math.round((done / total) * 100)} format={() => fmt(t.progress, { done, total })} data-testid="quiz-progress" />
      {lesson.questions.map((q, index) => (
        <QuestionCard
          key={`${lesson.seed}/${q.id}`}
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
            <Button onClick={props.onRetake} data-testid="quiz-retake">
              {t.result.retake}
            </Button>
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
