import type { Answer, QuestionView } from '../../../../shared/lessons/view'

/** What the student has put down for one question so far. */
export type Draft =
  | { type: 'single'; choice: string | null }
  | { type: 'multiple'; choices: string[] }
  | { type: 'ordering'; order: string[] }
  | { type: 'matching'; pairs: Record<string, string> }

export function initialDraft(q: QuestionView): Draft {
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

