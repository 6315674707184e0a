import type { LabReport } from './report'

/** ADL's verb IRIs (xAPI 1.0.3 vocabulary). */
export const XAPI_VERBS = {
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed', 'zh-CN': '通过' } },
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted', 'zh-CN': '尝试' } },
} as const
export type XapiVerb = keyof typeof XAPI_VERBS

export const XAPI_ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lab: 'http://adlnet.gov/expapi/activities/module',
  step: 'http://adlnet.gov/expapi/activities/performance',
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
} as const

/** A quiz at or above this share of points counts as passed. */
export const QUIZ_PASS_RATIO = 0.6

type LanguageMap = Record<string, string>

export interface XapiActivity {
  objectType: 'Activity'
  id: string
  definition: { name: LanguageMap; type: string }
}

export interface XapiStatement {
  id?: string
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } }
  verb: { id: string; display: LanguageMap }
  object: XapiActivity
  result?: {
    success?: boolean
    completion?: boolean
    score?: { raw: number; min: number; max: number; scaled: number }
  }
  context: {
    platform: string
    contextActivities: { parent?: XapiActivity[]; grouping: XapiActivity[] }
    extensions: Record<string, unknown>
  }
  timestamp: string
  version: '1.0.3'
}

function names(title: { 'zh-CN': string; en: string } | null, fallback: string): LanguageMap {
  return title ? { 'zh-CN': title['zh-CN'], 'en-US': title.en } : { 'en-US': fallback }
}

/** Trims trailing slashes so ids read `${base}/labs/x`. */
export function normalizeBaseIri(base: string): string {
  return base.replace(/\/+$/, '')
}

/**
 * The report as xAPI 1.0.3 statements for a school's LRS: the student is an account on the base
 * IRI named by the student number; each passed step and each completed lab is `completed`, a step
 * tried but not passed is `attempted`, a lesson quiz is `passed` (≥ 60 %) or `attempted`, with its score.
 * `idFor` gives each statement a stable UUID from a key (main derives it with SHA-256).
 */
export function buildXapiStatements(report: LabReport, baseIri: string, idFor?: (key: string) => string): XapiStatement[] {
  const base = normalizeBaseIri(baseIri)
  const actor = {
    objectType: 'Agent' as const,
    name: report.student.name,
    account: { homePage: base, name: report.student.studentNumber },
  }
  const course: XapiActivity = {
    objectType: 'Activity',
    id: base,
    definition: { name: { 'zh-CN': report.student.course, 'en-US': report.student.course }, type: XAPI_ACTIVITY_TYPES.course },
  }
  const extensions = (more: Record<string, unknown>): Record<string, unknown> => ({
    [`${base}/extensions/report-digest`]: report.integrity.digest,
    [`${base}/extensions/class`]: report.student.className,
    ...more,
  })
  const statements: XapiStatement[] = []
  const push = (verb: XapiVerb, object: XapiActivity, timestamp: string, rest: Pick<XapiStatement, 'result'> & { parent?: XapiActivity; ext?: Record<string, unknown> }): void => {
    const statement: XapiStatement = {
      actor,
      verb: { id: XAPI_VERBS[verb].id, display: { ...XAPI_VERBS[verb].display } },
      object,
      ...(rest.result ? { result: rest.result } : {}),
      context: {
        platform: report.generator.name,
        contextActivities: { ...(rest.parent ? { parent: [rest.parent] } : {}), grouping: [course] },
        extensions: extensions(rest.ext ?? {}),
      },
      timestamp,
      version: '1.0.3',
    }
    if (idFor) statement.id = idFor(`${actor.account.name}|${verb}|${object.id}|${timestamp}`)
    statements.push(statement)
  }

  for (const lab of report.labs) {
    const labActivity: XapiActivity = {
      objectType: 'Activity',
      id: `${base}/labs/${lab.id}`,
      definition: { name: names(lab.title, lab.id), type: XAPI_ACTIVITY_TYPES.lab },
    }
    for (const step of lab.steps) {
      if (step.status === 'not-started') continue
      const stepActivity: XapiActivity = {
        objectType: 'Activity',
        id: `${base}/labs/${lab.id}/steps/${step.id}`,
        definition: { name: names(step.title, step.id), type: XAPI_ACTIVITY_TYPES.step },
      }
      const v = step.verification
      const score = v?.kind === 'quiz' ? { raw: v.score, min: 0, max: v.total, scaled: round(v.score / v.total) } : undefined
      const ext = { [`${base}/extensions/attempts`]: step.attempts, [`${base}/extensions/verified-by`]: v?.kind ?? null }
      if (step.status === 'passed' && step.passedAt) {
        push('completed', stepActivity, step.passedAt, { result: { success: true, completion: true, ...(score ? { score } : {}) }, parent: labActivity, ext })
      } else if (step.lastAt) {
        push('attempted', stepActivity, step.lastAt, { result: { success: false, completion: false, ...(score ? { score } : {}) }, parent: labActivity, ext })
      }
    }
    if (lab.status === 'completed' && lab.completedAt) {
      push('completed', labActivity, lab.completedAt, { result: { completion: true, success: true } })
    }
  }

  for (const quiz of report.quizzes) {
    const activity: XapiActivity = {
      objectType: 'Activity',
      id: `${base}/lessons/${quiz.lessonId}/quiz`,
      definition: { name: names(quiz.title, quiz.lessonId), type: XAPI_ACTIVITY_TYPES.quiz },
    }
    const scaled = round(quiz.best.score / quiz.best.total)
    const passed = scaled >= QUIZ_PASS_RATIO
    push(passed ? 'passed' : 'attempted', activity, quiz.best.at, {
      result: { success: passed, completion: true, score: { raw: quiz.best.score, min: 0, max: quiz.best.total, scaled } },
      ext: { [`${base}/extensions/attempts`]: quiz.attempts },
    })
  }
  return statements
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000
}
