import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { recordedStatus, type HostReport } from '../../shared/host/report'
import type { Locale } from '../../shared/i18n/locale'
import { IpcError } from '../../shared/ipc/errors'
import { evaluateStep, matchTroubleshooting } from '../../shared/labs/evaluate'
import { labQuizPassScore, type StepSpec } from '../../shared/labs/schema'
import {
  VerifyInputSchema,
  type CheckView,
  type LabList,
  type LabSummary,
  type LabView,
  type StepView,
  type VerifyInput,
  type VerifyResult,
} from '../../shared/labs/view'
import { scoreQuiz } from '../../shared/lessons/score'
import { questionView } from '../../shared/lessons/view'
import type { LabProgress, StepAttempt, Verification } from '../../shared/records/events'
import type { HostService } from '../host/host-service'
import type { Logger } from '../logging/logger'
import type { ProgressPort } from '../records/progress-port'
import { figureCandidates, loadLabs, type LoadedLab, type LoadedLabs, type LoadedStep } from './loader'
import { sanitizeSvg, SvgError } from './sanitize-svg'

/** A host report younger than this is reused by an auto check instead of probing again. */
export const FRESH_REPORT_MS = 60_000

export interface LabsServicePorts {
  readonly resourcesDir: string
  readonly host: Pick<HostService, 'runCheck' | 'lastReport'>
  readonly progress: ProgressPort
  readonly logger: Logger
  /** For tests: the clock. */
  readonly now?: () => Date
}

export interface LabsService {
  list(): Promise<LabList>
  get(labId: string): Promise<LabView>
  verifyStep(labId: string, stepId: string, input: VerifyInput): Promise<VerifyResult>
  figure(labId: string, name: string, locale: Locale): Promise<string>
  /** The loaded packs (loads them on first use). */
  loaded(): Promise<LoadedLabs>
}

/** The quiz seed: stable, so a student who comes back sees the same order. */
function quizSeed(labId: string, stepId: string): string {
  return `${labId}/${stepId}`
}

function checkView(lab: LoadedLab, step: LoadedStep): CheckView {
  const check = step.spec.check
  switch (check.kind) {
    case 'auto':
      return {
        kind: 'auto',
        source: check.source,
        acceptStatus: [...check.acceptStatus],
        forAny: check.forAny ?? null,
        criteria: check.criteria.map((c) => ({ id: c.id, fact: c.fact, op: c.op, ...(c.value === undefined ? {} : { value: c.value }), label: c.label })),
      }
    case 'manual':
      return { kind: 'manual', confirm: check.confirm, noteRequired: check.noteRequired }
    case 'quiz':
      return { kind: 'quiz', passScore: labQuizPassScore(check.passScore, check.questions.length), questions: check.questions.map((q) => questionView(q, quizSeed(lab.meta.id, step.spec.id))) }
  }
}

/** The first step not passed yet; the first step when every step has passed. */
export function resumeStep(lab: LoadedLab, progress: LabProgress): string {
  const done = progress[lab.meta.id] ?? {}
  const next = lab.steps.find((s) => done[s.spec.id]?.status !== 'passed') ?? lab.steps[0]
  return next!.spec.id
}

function summary(lab: LoadedLab, progress: LabProgress): LabSummary {
  const done = progress[lab.meta.id] ?? {}
  const passedCount = lab.steps.filter((s) => done[s.spec.id]?.status === 'passed').length
  const touched = lab.steps.some((s) => done[s.spec.id] !== undefined)
  const lastAt = lab.steps
    .map((s) => done[s.spec.id]?.lastAt)
    .filter((t): t is string => typeof t === 'string')
    .sort()
    .pop()
  return {
    id: lab.meta.id,
    order: lab.meta.order,
    demo: lab.meta.demo,
    estimatedMinutes: lab.meta.estimatedMinutes,
    title: lab.meta.title,
    summary: lab.meta.summary,
    stepCount: lab.steps.length,
    passedCount,
    status: passedCount === lab.steps.length ? 'done' : touched ? 'in-progress' : 'not-started',
    resumeStepId: resumeStep(lab, progress),
    lastAt: lastAt ?? null,
  }
}

export function createLabsService(ports: LabsServicePorts): LabsService {
  const now = ports.now ?? (() => new Date())
  let cache: Promise<LoadedLabs> | null = null
  const figures = new Map<string, string>()

  const reload = (): Promise<LoadedLabs> => {
    figures.clear()
    cache = loadLabs(ports.resourcesDir).then((loaded) => {
      for (const p of loaded.problems) ports.logger.warn(`Lab pack problem: ${p.file}${p.field ? ` ${p.field}` : ''}: ${p.message}`)
      return loaded
    })
    return cache
  }
  const loaded = (): Promise<LoadedLabs> => cache ?? reload()

  const findLab = async (labId: string): Promise<LoadedLab> => {
    const lab = (await loaded()).labs.find((l) => l.meta.id === labId)
    if (!lab) throw new IpcError('not-found', `No lab "${labId}"`)
    return lab
  }
  const findStep = (lab: LoadedLab, stepId: string): LoadedStep => {
    const step = lab.steps.find((s) => s.spec.id === stepId)
    if (!step) throw new IpcError('not-found', `No step "${stepId}" in lab "${lab.meta.id}"`)
    return step
  }

  /** A report younger than a minute, or a fresh check. */
  const hostReport = async (rerun: boolean): Promise<{ report: HostReport; reused: boolean }> => {
    const last = ports.host.lastReport()
    if (!rerun && last && !last.partial) {
      const age = now().getTime() - Date.parse(last.generatedAt)
      if (Number.isFinite(age) && age >= 0 && age < FRESH_REPORT_MS) return { report: last, reused: true }
    }
    return { report: await ports.host.runCheck(), reused: false }
  }

  const record = async (lab: LoadedLab, step: StepSpec, passed: boolean, verification: Verification, at: string): Promise<void> => {
    const attempt: StepAttempt = { labId: lab.meta.id, stepId: step.id, passed, verification, at }
    await ports.progress.recordStep(attempt)
  }

  return {
    loaded,

    async list() {
      const { labs, problems } = await reload()
      const progress = ports.progress.labProgress()
      return { labs: labs.map((lab) => summary(lab, progress)), problems: [...problems] }
    },

    async get(labId) {
      const lab = await findLab(labId)
      const progress = ports.progress.labProgress()
      const done = progress[lab.meta.id] ?? {}
      const report = ports.host.lastReport()
      const usable = report && !report.partial ? report : null
      const steps: StepView[] = lab.steps.map((step) => {
        const likely = new Set(usable ? matchTroubleshooting(step.spec.troubleshooting, usable, null) : [])
        return {
          id: step.spec.id,
          title: { 'zh-CN': step.text['zh-CN'].frontMatter.title, en: step.text.en.frontMatter.title },
          body: { 'zh-CN': step.text['zh-CN'].body, en: step.text.en.body },
          tips: { 'zh-CN': [...step.text['zh-CN'].frontMatter.tips], en: [...step.text.en.frontMatter.tips] },
          figures: [...step.spec.figures],
          diagram: step.spec.diagram ?? null,
          troubleshooting: step.spec.troubleshooting.map((ref) => ({
            id: ref.id,
            when: ref.when ?? null,
            symptom: { 'zh-CN': step.text['zh-CN'].frontMatter.troubleshooting[ref.id]!.symptom, en: step.text.en.frontMatter.troubleshooting[ref.id]!.symptom },
            fix: { 'zh-CN': step.text['zh-CN'].frontMatter.troubleshooting[ref.id]!.fix, en: step.text.en.frontMatter.troubleshooting[ref.id]!.fix },
            likely: likely.has(ref.id),
          })),
          check: checkView(lab, step),
          progress: done[step.spec.id] ?? null,
        }
      })
      return {
        id: lab.meta.id,
        order: lab.meta.order,
        demo: lab.meta.demo,
        estimatedMinutes: lab.meta.estimatedMinutes,
        title: lab.meta.title,
        summary: lab.meta.summary,
        steps,
        resumeStepId: resumeStep(lab, progress),
        hostReportAt: usable?.generatedAt ?? null,
      }
    },

    async verifyStep(labId, stepId, rawInput) {
      const lab = await findLab(labId)
      const step = findStep(lab, stepId)
      const input = VerifyInputSchema.parse(rawInput)
      const spec = step.spec.check
      if (input.kind !== spec.kind) throw new IpcError('invalid-input', `Step "${stepId}" is checked by ${spec.kind}, not ${input.kind}`)
      const base = { labId, stepId, kind: spec.kind, auto: null, quiz: null, manual: null }

      if (spec.kind === 'auto' && input.kind === 'auto') {
        const { report, reused } = await hostReport(input.rerun)
        const evaluation = evaluateStep(step.spec, report)
        const at = now().toISOString()
        await record(
          lab,
          step.spec,
          evaluation.passed,
          { kind: 'auto', checkId: evaluation.checkId, checkStatus: recordedStatus(evaluation.checkStatus), criteria: evaluation.criteria, evidence: evaluation.evidence },
          at,
        )
        ports.logger.info(`Lab ${labId}/${stepId}: ${evaluation.passed ? 'passed' : 'failed'} (${evaluation.checkId} ${evaluation.checkStatus})`)
        return {
          ...base,
          passed: evaluation.passed,
          at,
          progress: ports.progress.labProgress()[labId]?.[stepId] ?? null,
          auto: {
            checkId: evaluation.checkId,
            checkStatus: evaluation.checkStatus,
            statusAccepted: evaluation.statusAccepted,
            checkTitle: evaluation.checkTitle,
            checkSummary: evaluation.checkSummary,
            criteria: evaluation.criteria,
            evidence: evaluation.evidence,
            matchedTroubleshooting: evaluation.matchedTroubleshooting,
            element: evaluation.element,
            elementCount: evaluation.elementCount,
            reportAt: report.generatedAt,
            reused,
          },
        }
      }

      if (spec.kind === 'manual' && input.kind === 'manual') {
        const note = input.note.trim()
        if (spec.noteRequired && note === '') throw new IpcError('invalid-input', `Step "${stepId}" needs a note`)
        const at = now().toISOString()
        await record(lab, step.spec, true, { kind: 'manual', note }, at)
        return { ...base, passed: true, at, progress: ports.progress.labProgress()[labId]?.[stepId] ?? null, manual: { note } }
      }

      if (spec.kind === 'quiz' && input.kind === 'quiz') {
        const scored = scoreQuiz(spec.questions, input.answers)
        const required = labQuizPassScore(spec.passScore, spec.questions.length)
        const passed = scored.score >= required
        const at = now().toISOString()
        await record(lab, step.spec, passed, { kind: 'quiz', score: scored.score, total: scored.total }, at)
        return {
          ...base,
          passed,
          at,
          progress: ports.progress.labProgress()[labId]?.[stepId] ?? null,
          quiz: { score: scored.score, total: scored.total, passScore: required, results: scored.results },
        }
      }
      throw new IpcError('invalid-input', `Step "${stepId}" cannot be verified with ${input.kind}`)
    },

    async figure(labId, name, locale) {
      const lab = await findLab(labId)
      if (!lab.steps.some((s) => s.spec.figures.includes(name))) throw new IpcError('not-found', `Lab "${labId}" has no figure "${name}"`)
      const key = `${labId}/${name}/${locale}`
      const cached = figures.get(key)
      if (cached !== undefined) return cached
      for (const candidate of figureCandidates(name, locale)) {
        let text: string
        try {
          text = await readFile(join(lab.dir, 'figures', candidate), 'utf8')
        } catch {
          continue
        }
        try {
          const clean = sanitizeSvg(text)
          figures.set(key, clean)
          return clean
        } catch (error) {
          if (error instanceof SvgError) throw new IpcError('invalid-input', `labs/${lab.pack}/figures/${candidate}: ${error.message}`)
          throw error
        }
      }
      throw new IpcError('not-found', `labs/${lab.pack}/figures/${name} cannot be read`)
    },
  }
}
