import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { recordedStatus, type HostReport } from '../../shared/host/report'
import type { StepAttempt, Verification } from '../../shared/records/events'
import type { StudentProfile } from '../../shared/records/profile'
import { LAB_REPORT_SUFFIX, type LabReport } from '../../shared/records/report'
import { parseCaptureText } from '../host/capture-file'
import { evaluateCapture } from '../host/evaluate'
import { createMemoryLogger } from '../logging/logger'
import { loadRecordsCatalog } from './catalog'
import { reportDigest, serializeReport } from './integrity'
import { labReportJsonSchema } from './json-schema'
import { createRecordsService } from './records-service'

export { labReportJsonSchema }

interface SampleStudent {
  readonly profile: StudentProfile
  readonly capture: string
  /** How many steps of each lab, in order, the student has passed (Infinity: all). */
  readonly progress: readonly number[]
  /** Failed attempts before passing, per step index. */
  readonly retries?: number
  readonly quizzes: readonly { lesson: string; score: number; total: number }[]
}

export const SAMPLE_STUDENTS: readonly SampleStudent[] = [
  {
    profile: { name: '张三', studentNumber: '2023010101', className: '计科2301', course: '云计算与虚拟化技术' },
    capture: 'win-zh-lenovo-20fw-ready.capture.json',
    progress: [Infinity, Infinity, Infinity, Infinity, Infinity],
    retries: 1,
    quizzes: [
      { lesson: 'what-is-virtualization', score: 5, total: 5 },
      { lesson: 'server-virtualization', score: 4, total: 5 },
    ],
  },
  {
    profile: { name: '李四', studentNumber: '2023010102', className: '计科2301', course: '云计算与虚拟化技术' },
    capture: 'win-en-findstr-firmware-off.capture.json',
    progress: [3, 0, 0, 0, 0],
    quizzes: [{ lesson: 'what-is-virtualization', score: 2, total: 5 }],
  },
  {
    profile: { name: 'Wang Fang', studentNumber: '2023010203', className: '计科2302', course: '云计算与虚拟化技术' },
    capture: 'mac-intel-mojave-haswell-vmx.capture.json',
    progress: [Infinity, Infinity, 2, 0, 0],
    quizzes: [],
  },
  {
    profile: { name: '欧阳·娜娜', studentNumber: '2023010204', className: '计科2302', course: '云计算与虚拟化技术' },
    capture: 'win-zh-lenovo-laptop-hypervisor-detected.capture.json',
    progress: [Infinity, Infinity, Infinity, Infinity, 1],
    retries: 2,
    quizzes: [{ lesson: 'cpu-memory-io', score: 3, total: 4 }],
  },
]

/** Each step's check kind and host-check source, read from the lab packs (samples only). */
function stepChecks(resourcesDir: string): Map<string, { kind: string; source: string | null }> {
  const out = new Map<string, { kind: string; source: string | null }>()
  const labsDir = join(resourcesDir, 'labs')
  for (const folder of readdirSync(labsDir)) {
    try {
      const doc = parse(readFileSync(join(labsDir, folder, 'lab.yaml'), 'utf8')) as { id: string; steps: { id: string; check?: { kind?: string; source?: string } }[] }
      for (const step of doc.steps) out.set(`${doc.id}/${step.id}`, { kind: step.check?.kind ?? 'manual', source: step.check?.source ?? null })
    } catch {
      /* a pack being edited: its steps become manual */
    }
  }
  return out
}

function verification(check: { kind: string; source: string | null } | undefined, host: HostReport, passed: boolean, note: string): Verification {
  if (check?.kind === 'quiz') return { kind: 'quiz', score: passed ? 3 : 1, total: 3 }
  const source = host.checks.find((c) => c.id === check?.source)
  if (check?.kind === 'auto' && source) {
    return {
      kind: 'auto',
      checkId: source.id,
      checkStatus: passed ? recordedStatus(source.status) : 'fail',
      criteria: [],
      evidence: source.evidence.slice(0, 3).map((e) => ({ probe: e.probe, excerpt: e.excerpt.slice(0, 600) })),
    }
  }
  return { kind: 'manual', note }
}

/**
 * Builds sample reports with the app's own records service (store, report builder, digest), on a
 * fixed clock, from the course's lab packs and recorded host captures. Returns the reports written.
 */
export async function writeSampleReports(outDir: string, resourcesDir: string, capturesDir: string): Promise<LabReport[]> {
  mkdirSync(outDir, { recursive: true })
  const catalog = loadRecordsCatalog(resourcesDir)
  const checks = stepChecks(resourcesDir)
  const written: LabReport[] = []
  for (const [index, student] of SAMPLE_STUDENTS.entries()) {
    let clock = Date.parse('2026-03-02T01:00:00.000Z') + index * 86_400_000
    const tick = (minutes: number): string => {
      clock += minutes * 60_000
      return new Date(clock).toISOString()
    }
    const dir = mkdtempSync(join(tmpdir(), 'virtlab-samples-'))
    try {
      const service = createRecordsService({
        userDataDir: dir,
        logger: createMemoryLogger(),
        appVersion: '0.1.0',
        catalog: () => catalog,
        xapiBaseIri: () => 'https://virtlab.example.edu/xapi',
        locale: () => 'zh-CN',
        chooseSavePath: async () => null,
        now: () => new Date(clock),
      })
      await service.setProfile(student.profile)
      const capture = parseCaptureText(readFileSync(join(capturesDir, student.capture), 'utf8'), student.capture)
      const host = evaluateCapture(capture, { source: 'replay', generatedAt: tick(5) })
      await service.recordHostReport(host)
      for (const [labIndex, lab] of catalog.labs.entries()) {
        const count = Math.min(student.progress[labIndex] ?? 0, lab.steps.length)
        for (const [stepIndex, step] of lab.steps.slice(0, count).entries()) {
          const check = checks.get(`${lab.id}/${step.id}`)
          const attempt = (passed: boolean, note: string): StepAttempt => ({
            labId: lab.id,
            stepId: step.id,
            passed,
            verification: verification(check, host, passed, note),
            at: tick(7),
          })
          if (stepIndex % 3 === 1) for (let r = 0; r < (student.retries ?? 0); r += 1) await service.recordStep(attempt(false, '第一次没有成功，重新做了一遍。'))
          await service.recordStep(attempt(true, `已按步骤完成（${step.id}）。`))
        }
      }
      for (const q of student.quizzes) {
        await service.recordQuiz({ lessonId: q.lesson, score: q.score, total: q.total, answers: [], at: tick(11) })
      }
      tick(30)
      const report = service.report()
      writeFileSync(join(outDir, `${student.profile.studentNumber}${LAB_REPORT_SUFFIX}`), serializeReport(report))
      written.push(report)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  writeBadSamples(join(outDir, 'bad'), written[0]!)
  return written
}

/** Reports that must be refused, made from a good one (the 50 MB file is made by the tests, not committed). */
export function writeBadSamples(dir: string, good: LabReport): void {
  mkdirSync(dir, { recursive: true })
  const tampered = structuredClone(good)
  const lab = tampered.labs.find((l) => l.status !== 'completed') ?? tampered.labs[0]
  if (lab) {
    lab.status = 'completed'
    lab.passedCount = lab.stepCount
  }
  tampered.quizzes = tampered.quizzes.map((q) => ({ ...q, best: { ...q.best, score: q.best.total } }))
  tampered.student = { ...tampered.student, name: '张三（改）' }
  writeFileSync(join(dir, 'tampered.virtlab-report.json'), serializeReport(tampered))

  // Script in a name, re-sealed so that only the content rules can catch it.
  const hostile = structuredClone(good) as unknown as Record<string, unknown> & { student: Record<string, string> }
  hostile.student.name = '<script>alert("x")</script>'
  hostile.student.studentNumber = '2023010199'
  const { integrity: _i, ...hostileBody } = hostile
  writeFileSync(join(dir, 'script-in-name.virtlab-report.json'), `${JSON.stringify({ ...hostileBody, integrity: { ...good.integrity, digest: reportDigest(hostileBody) } }, null, 2)}\n`)

  const wrongTypes = structuredClone(good) as unknown as Record<string, unknown>
  ;(wrongTypes.labs as Record<string, unknown>[])[0]!.passedCount = 'all'
  wrongTypes.generatedAt = 20260302
  const { integrity: _w, ...wrongBody } = wrongTypes
  writeFileSync(join(dir, 'wrong-types.virtlab-report.json'), `${JSON.stringify({ ...wrongBody, integrity: { ...good.integrity, digest: reportDigest(wrongBody) } }, null, 2)}\n`)

  writeFileSync(join(dir, 'truncated.virtlab-report.json'), serializeReport(good).slice(0, 700))
  writeFileSync(join(dir, 'not-a-report.json'), `${JSON.stringify({ schema: 'virtlab.host-report/1', hello: 'world' })}\n`)
  writeFileSync(join(dir, 'future-version.virtlab-report.json'), `${JSON.stringify({ ...good, schema: 'virtlab.lab-report/2' }, null, 2)}\n`)
}
