import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Radio, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { CheckView, VerifyResult } from '../../../../shared/labs/view'
import type { Answer, QuestionResult, QuestionView } from '../../../../shared/lessons/view'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'

type QuizView = Extract<CheckView, { kind: 'quiz' }>

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

/** The answer, or null while the question has not been answered. */
function toAnswer(q: QuestionView, draft: Draft): Answer | null {
  if (draft.type === 'single') return draft.choice ? { questionId: q.id, type: 'single', choice: draft.choice } : null
  if (draft.type === 'multiple') return draft.choices.length > 0 ? { questionId: q.id, type: 'multiple', choices: draft.choices } : null
  if (draft.type === 'ordering') return { questionId: q.id, type: 'ordering', order: draft.order }
  if (q.type !== 'matching') return null
  return q.left.every((l) => draft.pairs[l.id]) ? { questionId: q.id, type: 'matching', pairs: draft.pairs } : null
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list]
  const [item] = out.splice(from, 1)
  out.splice(to, 0, item as T)
  return out
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRST'

function Question(props: { q: QuestionView; index: number; draft: Draft; result: QuestionResult | null; onChange: (d: Draft) => void }): React.JSX.Element {
  const t = useMessages(labsMessages).quiz
  const { locale } = useLocale()
  const { q, draft, result } = props
  const locked = result !== null
  const correctIds = result && (result.solution.type === 'single' || result.solution.type === 'multiple') ? result.solution.correct : []
  const mark = (id: string, chosen: boolean): React.ReactNode =>
    !result ? null : correctIds.includes(id) ? <Tag color="success">{t.rightAnswer}</Tag> : chosen ? <Tag color="error">{t.yourAnswer}</Tag> : null

  let input: React.ReactNode = null
  if (q.type === 'single' && draft.type === 'single')
    input = (
      <Radio.Group value={draft.choice} disabled={locked} onChange={(e) => props.onChange({ type: 'single', choice: e.target.value as string })} className="lab-quiz-options">
        {q.options.map((o) => (
          <Radio key={o.id} value={o.id} data-testid={`option-${q.id}-${o.id}`}>
            {o.text[locale]} {mark(o.id, draft.choice === o.id)}
          </Radio>
        ))}
      </Radio.Group>
    )
  else if (q.type === 'multiple' && draft.type === 'multiple')
    input = (
      <Checkbox.Group value={draft.choices} disabled={locked} onChange={(v) => props.onChange({ type: 'multiple', choices: v as string[] })} className="lab-quiz-options">
        {q.options.map((o) => (
          <Checkbox key={o.id} value={o.id} data-testid={`option-${q.id}-${o.id}`}>
            {o.text[locale]} {mark(o.id, draft.choices.includes(o.id))}
          </Checkbox>
        ))}
      </Checkbox.Group>
    )
  else if (q.type === 'ordering' && draft.type === 'ordering') {
    const byId = new Map(q.items.map((i) => [i.id, i.text[locale]]))
    input = (
      <>
        <ol className="lab-quiz-order" data-testid={`order-${q.id}`}>
          {draft.order.map((id, i) => (
            <li key={id} data-testid={`order-item-${id}`}>
              <span className="lab-quiz-order-text">{byId.get(id) ?? id}</span>
              <Space size={4}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={fmt(t.moveUp, { item: byId.get(id) ?? id })}
                  disabled={locked || i === 0}
                  onClick={() => props.onChange({ type: 'ordering', order: move(draft.order, i, i - 1) })}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={fmt(t.moveDown, { item: byId.get(id) ?? id })}
                  disabled={locked || i === draft.order.length - 1}
                  onClick={() => props.onChange({ type: 'ordering', order: move(draft.order, i, i + 1) })}
                />
              </Space>
            </li>
          ))}
        </ol>
        {result && !result.correct && result.solution.type === 'ordering' && (
          <div className="lab-quiz-solution">
            <Typography.Text strong>{t.rightAnswer}</Typography.Text>
            <ol>
              {result.solution.order.map((id) => (
                <li key={id}>{byId.get(id) ?? id}</li>
              ))}
            </ol>
          </div>
        )}
      </>
    )
  } else if (q.type === 'matching' && draft.type === 'matching') {
    const letter = new Map(q.right.map((r, i) => [r.id, LETTERS[i] ?? '?']))
    const solution = result?.solution.type === 'matching' ? result.solution.pairs : null
    input = (
      <div className="lab-quiz-matching">
        <ol type="A" className="lab-quiz-right">
          {q.right.map((r) => (
            <li key={r.id}>{r.text[locale]}</li>
          ))}
        </ol>
        {q.left.map((l) => {
          const right = solution?.[l.id]
          const wrong = solution !== null && draft.pairs[l.id] !== right
          return (
            <div key={l.id} className="lab-quiz-match-row" data-testid={`match-row-${l.id}`}>
              <Typography.Text strong className="lab-quiz-left">
                {l.text[locale]}
              </Typography.Text>
              <Select
                value={draft.pairs[l.id]}
                placeholder={t.choose}
                disabled={locked}
                status={wrong ? 'error' : undefined}
                onChange={(value: string) => props.onChange({ type: 'matching', pairs: { ...draft.pairs, [l.id]: value } })}
                options={q.right.map((r) => ({ value: r.id, label: `${letter.get(r.id)}. ${r.text[locale]}` }))}
                style={{ width: '100%' }}
                data-testid={`match-select-${l.id}`}
              />
              {solution && (wrong ? <Tag color="success">{`${t.rightAnswer}: ${right ? letter.get(right) : '—'}`}</Tag> : <CheckCircleFilled style={{ color: '#52c41a' }} />)}
            </div>
          )
        })}
      </div>
    )
  }

  return (
    <Card size="small" className="lab-quiz-question" data-testid={`question-${q.id}`} data-state={result ? (result.correct ? 'correct' : 'incorrect') : 'open'}>
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space size="small" wrap>
          <Tag>{props.index + 1}</Tag>
          <Tag color="blue">{t.kinds[q.type]}</Tag>
          <Typography.Text type="secondary">{t.hints[q.type]}</Typography.Text>
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {q.prompt[locale]}
        </Typography.Paragraph>
        {input}
        {result && (
          <Alert
            type={result.correct ? 'success' : 'error'}
            showIcon
            icon={result.correct ? <CheckCircleFilled /> : <CloseCircleFilled />}
            title={result.correct ? t.correct : t.incorrect}
            description={
              <div data-testid={`explanation-${q.id}`}>
                <Typography.Text strong>{t.explanation}</Typography.Text>
                {result.explanation[locale]}
              </div>
            }
          />
        )}
      </Space>
    </Card>
  )
}

/** The step's quiz: answered as a whole, scored in main, recorded as a step attempt. */
export function QuizCheck(props: { check: QuizView; result: VerifyResult | null; running: boolean; onSubmit: (answers: Answer[]) => void; onRetry: () => void }): React.JSX.Element {
  const t = useMessages(labsMessages).quiz
  const { check, result } = props
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(check.questions.map((q) => [q.id, initialDraft(q)])))
  const answers = check.questions.flatMap((q) => {
    const a = toAnswer(q, drafts[q.id] ?? initialDraft(q))
    return a ? [a] : []
  })
  const missing = check.questions.length - answers.length
  const outcome = result?.quiz ?? null
  const resultOf = (id: string): QuestionResult | null => outcome?.results.find((r) => r.questionId === id) ?? null

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quiz-check">
      <Typography.Text type="secondary">{fmt(t.intro, { pass: check.passScore })}</Typography.Text>
      {check.questions.map((q, i) => (
        <Question key={q.id} q={q} index={i} draft={drafts[q.id] ?? initialDraft(q)} result={resultOf(q.id)} onChange={(d) => setDrafts((prev) => ({ ...prev, [q.id]: d }))} />
      ))}
      {outcome && result ? (
        <Alert
          type={result.passed ? 'success' : 'warning'}
          showIcon
          data-testid="quiz-result"
          data-passed={String(result.passed)}
          title={`${result.passed ? t.passed : t.failed} · ${fmt(t.score, { score: outcome.score, total: outcome.total, pass: outcome.passScore })}`}
          action={
            <Button
              onClick={() => {
                setDrafts(Object.fromEntries(check.questions.map((q) => [q.id, initialDraft(q)])))
                props.onRetry()
              }}
              data-testid="quiz-retry"
            >
              {t.retry}
            </Button>
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
