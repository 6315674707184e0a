import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleFilled, CloseCircleFilled, HolderOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Radio, Select, Space, Tag, Typography } from 'antd'
import { useState, type DragEvent, type ReactNode } from 'react'
import type { Locale } from '../../../../shared/i18n/locale'
import type { QuestionResult, QuestionView, TextItem } from '../../../../shared/lessons/view'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { lessonsMessages } from '../../i18n/messages/lessons'
import type { Draft } from './draft'
import './quiz.css'

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

function optionMark(result: QuestionResult | null, id: string, chosen: boolean, t: { rightAnswer: string; yourAnswer: string }): ReactNode {
  if (!result || (result.solution.type !== 'single' && result.solution.type !== 'multiple')) return null
  const right = result.solution.correct.includes(id)
  return (
    <span className="quiz-option-marks">
      {chosen && (
        <Tag color={right ? 'success' : 'error'} icon={right ? <CheckCircleFilled /> : <CloseCircleFilled />} data-testid={`your-answer-${id}`}>
          {t.yourAnswer}
        </Tag>
      )}
      {right && (
        <Tag color="success" icon={<CheckCircleFilled />} data-testid={`right-answer-${id}`}>
          {t.rightAnswer}
        </Tag>
      )}
    </span>
  )
}

/** The class of a judged option: right (green), a wrong choice (red), or neither. */
function optionClass(result: QuestionResult | null, id: string, chosen: boolean): string {
  if (!result || (result.solution.type !== 'single' && result.solution.type !== 'multiple')) return 'quiz-option'
  if (result.solution.correct.includes(id)) return 'quiz-option is-right'
  return chosen ? 'quiz-option is-wrong' : 'quiz-option is-other'
}

/** The answer controls of one question (options, ordering list, matching selects) and, once judged, the solution. */
export function QuestionInput(props: { q: QuestionView; draft: Draft; result: QuestionResult | null; locked: boolean; onChange: (draft: Draft) => void }): React.JSX.Element | null {
  const t = useMessages(lessonsMessages).quiz
  const { locale } = useLocale()
  const { q, draft, result, locked } = props
  const text = (item: TextItem): string => item.text[locale]
  if (q.type === 'single' && draft.type === 'single')
    return (
      <Radio.Group value={draft.choice} onChange={(e) => props.onChange({ type: 'single', choice: e.target.value as string })} disabled={locked} className={result ? 'quiz-options is-judged' : 'quiz-options'}>
        {q.options.map((o) => (
          <Radio key={o.id} value={o.id} className={optionClass(result, o.id, draft.choice === o.id)} data-testid={`option-${q.id}-${o.id}`}>
            {text(o)} {optionMark(result, o.id, draft.choice === o.id, t)}
          </Radio>
        ))}
      </Radio.Group>
    )
  if (q.type === 'multiple' && draft.type === 'multiple')
    return (
      <Checkbox.Group value={draft.choices} onChange={(values) => props.onChange({ type: 'multiple', choices: values as string[] })} disabled={locked} className={result ? 'quiz-options is-judged' : 'quiz-options'}>
        {q.options.map((o) => (
          <Checkbox key={o.id} value={o.id} className={optionClass(result, o.id, draft.choices.includes(o.id))} data-testid={`option-${q.id}-${o.id}`}>
            {text(o)} {optionMark(result, o.id, draft.choices.includes(o.id), t)}
          </Checkbox>
        ))}
      </Checkbox.Group>
    )
  if (q.type === 'ordering' && draft.type === 'ordering')
    return (
      <>
        <OrderingInput q={q} order={draft.order} locked={locked} onChange={(order) => props.onChange({ type: 'ordering', order })} locale={locale} />
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
  if (q.type === 'matching' && draft.type === 'matching')
    return <MatchingInput q={q} pairs={draft.pairs} locked={locked} result={result} onChange={(pairs) => props.onChange({ type: 'matching', pairs })} locale={locale} />
  return null
}

/**
 * One question as a card: number, kind, hint, prompt, the answer controls, whatever the caller adds
 * (a Check button), and after judging whether it was right with the explanation.
 */
export function QuestionCard(props: {
  q: QuestionView
  index: number
  draft: Draft
  result: QuestionResult | null
  locked: boolean
  onChange: (draft: Draft) => void
  children?: ReactNode
  /** A link back to where the lesson explains this (shown with the explanation). */
  reviewLink?: ReactNode
}): React.JSX.Element {
  const t = useMessages(lessonsMessages).quiz
  const { locale } = useLocale()
  const { q, result } = props
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
        <div className={result ? 'quiz-judged' : undefined}>
          <div>
            <QuestionInput q={q} draft={props.draft} result={result} locked={props.locked} onChange={props.onChange} />
            {props.children}
          </div>
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
                  {props.reviewLink}
                </div>
              }
            />
          )}
        </div>
      </Space>
    </Card>
  )
}
