import type { Localized } from '../i18n/locale'
import type { Verification } from './events'
import {
  LIMITS,
  type LabStatus,
  type RecordsCatalog,
  type RecordsContent,
  type ReportLab,
  type ReportQuiz,
  type ReportStep,
  type ReportVerification,
} from './report'
import type { RecordsData, StoredStep } from './store-data'

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Cuts a string to `max` UTF-16 units and replaces lone surrogates, so it serializes canonically. */
export function clip(text: string, max: number): string {
  return (text.length > max ? text.slice(0, max) : text).replace(LONE_SURROGATES, '\uFFFD')
}

function clipTitle(title: Localized): Localized {
  return { 'zh-CN': clip(title['zh-CN'], 300) || '—', en: clip(title.en, 300) || '—' }
}

/** A verification as the report carries it: bounded and clean. */
export function reportVerification(v: Verification): ReportVerification {
  switch (v.kind) {
    case 'auto':
      return {
        kind: 'auto',
        checkId: v.checkId,
        checkStatus: v.checkStatus,
        criteria: v.criteria.slice(0, LIMITS.criteria).map((c) => ({
          id: c.id,
          label: clipTitle(c.label),
          passed: c.passed,
          actual: clip(c.actual, LIMITS.actual),
        })),
        evidence: v.evidence.slice(0, LIMITS.evidence).map((e) => ({
          probe: clip(e.probe, LIMITS.probe),
          excerpt: clip(e.excerpt, LIMITS.excerpt),
        })),
      }
    case 'manual':
      return { kind: 'manual', note: clip(v.note, LIMITS.note) }
    case 'quiz':
      return { kind: 'quiz', score: Math.min(v.score, v.total), total: v.total }
  }
}

function stepReport(id: string, title: Localized | null, stored: StoredStep | undefined): ReportStep {
  if (!stored) {
    return { id, title, status: 'not-started', attempts: 0, firstAt: null, lastAt: null, passedAt: null, verification: null, history: [] }
  }
  const shown = stored.passedAttempt ?? stored.recent[stored.recent.length - 1] ?? null
  return {
    id,
    title,
    status: stored.passedAt ? 'passed' : 'failed',
    attempts: stored.attempts,
    firstAt: stored.firstAt,
    lastAt: stored.lastAt,
    passedAt: stored.passedAt,
    verification: shown ? reportVerification(shown.verification) : null,
    history: stored.recent.slice(-LIMITS.history).map((a) => ({ at: a.at, passed: a.passed })),
  }
}

function labStatus(steps: readonly ReportStep[]): LabStatus {
  if (steps.length > 0 && steps.every((s) => s.status === 'passed')) return 'completed'
  return steps.some((s) => s.status !== 'not-started') ? 'in-progress' : 'not-started'
}

function latest(times: readonly (string | null)[]): string | null {
  let best: string | null = null
  for (const t of times) if (t && (best === null || t > best)) best = t
  return best
}

/**
 * Turns the stored records into what the Records page and the report show: every lab of the
 * catalog in order (then any recorded lab the catalog does not know), each with all its steps.
 */
export function buildRecordsContent(data: RecordsData, catalog: RecordsCatalog): RecordsContent {
  const labs: ReportLab[] = []
  const seen = new Set<string>()
  const addLab = (id: string, title: Localized | null, catalogSteps: readonly { id: string; title: Localized | null }[]): void => {
    seen.add(id)
    const stored = data.labs[id] ?? {}
    const stepIds = new Set<string>()
    const steps: ReportStep[] = []
    for (const step of catalogSteps) {
      if (stepIds.has(step.id)) continue
      stepIds.add(step.id)
      steps.push(stepReport(step.id, step.title ? clipTitle(step.title) : null, stored[step.id]))
    }
    for (const [stepId, step] of Object.entries(stored)) {
      if (!stepIds.has(stepId)) steps.push(stepReport(stepId, null, step))
    }
    const kept = steps.slice(0, LIMITS.steps)
    const status = labStatus(kept)
    labs.push({
      id,
      title: title ? clipTitle(title) : null,
      status,
      stepCount: kept.length,
      passedCount: kept.filter((s) => s.status === 'passed').length,
      completedAt: status === 'completed' ? latest(kept.map((s) => s.passedAt)) : null,
      steps: kept,
    })
  }
  for (const lab of catalog.labs) if (!seen.has(lab.id)) addLab(lab.id, lab.title, lab.steps)
  for (const labId of Object.keys(data.labs).sort()) if (!seen.has(labId)) addLab(labId, null, [])

  const lessonTitles = new Map(catalog.lessons.map((l) => [l.id, l.title]))
  const byLesson = new Map<string, ReportQuiz>()
  for (const q of data.quizzes) {
    const score = { score: Math.min(q.score, q.total), total: q.total, at: q.at }
    const prev = byLesson.get(q.lessonId)
    if (!prev) {
      const title = lessonTitles.get(q.lessonId)
      byLesson.set(q.lessonId, { lessonId: q.lessonId, title: title ? clipTitle(title) : null, attempts: 1, best: score, last: score })
      continue
    }
    prev.attempts += 1
    if (score.score / score.total > prev.best.score / prev.best.total) prev.best = score
    if (score.at >= prev.last.at) prev.last = score
  }
  const lessonOrder = new Map(catalog.lessons.map((l, i) => [l.id, i]))
  const quizzes = [...byLesson.values()].sort(
    (a, b) => (lessonOrder.get(a.lessonId) ?? 1e9) - (lessonOrder.get(b.lessonId) ?? 1e9) || a.lessonId.localeCompare(b.lessonId),
  )

  const checks = data.hostChecks.slice(-LIMITS.hostChecks)
  return {
    machine: checks[checks.length - 1] ?? null,
    hostCheckHistory: checks.map((c) => ({ at: c.at, verdict: c.verdict })),
    labs: labs.slice(0, LIMITS.labs),
    quizzes: quizzes.slice(0, LIMITS.quizzes),
  }
}
