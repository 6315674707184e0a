import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { createMemoryProgress } from '../../src/main/records/progress-port'
import { RECORDS_FILE, RecordsStore } from '../../src/main/records/records-store'
import type { StepAttempt } from '../../src/shared/records/events'
import { createTestApp } from '../support/services'
import { STUDENT, autoStep, manualStep, recordsService, replayReport, tempDir } from '../support/records'

const open = (dir: string) => new RecordsStore({ userDataDir: dir, logger: createMemoryLogger(), now: () => new Date('2026-01-02T03:04:05.678Z') })

describe('records store', () => {
  it('keeps profile, steps, quizzes and host checks across restarts', async () => {
    const dir = tempDir()
    const store = open(dir)
    expect(store.recovery).toBeNull()
    await store.setProfile(STUDENT)
    await store.recordStep(manualStep('create-vm', 'prepare-iso', '2026-03-02T01:00:00.000Z'))
    await store.recordStep(autoStep('install-workstation', 'verify-install', '2026-03-02T01:10:00.000Z', false))
    await store.recordStep(autoStep('install-workstation', 'verify-install', '2026-03-02T01:20:00.000Z', true))
    await store.recordQuiz({ lessonId: 'what-is-virtualization', score: 4, total: 5, answers: [{ questionId: 'q1', correct: true }], at: '2026-03-02T02:00:00.000Z' })
    await store.recordHostReport(replayReport())

    const again = open(dir)
    expect(again.recovery).toBeNull()
    expect(again.profile()).toEqual(STUDENT)
    expect(again.labProgress()).toEqual({
      'create-vm': { 'prepare-iso': { status: 'passed', attempts: 1, lastAt: '2026-03-02T01:00:00.000Z', passedAt: '2026-03-02T01:00:00.000Z' } },
      'install-workstation': {
        'verify-install': { status: 'passed', attempts: 2, lastAt: '2026-03-02T01:20:00.000Z', passedAt: '2026-03-02T01:20:00.000Z' },
      },
    })
    expect(again.quizResults()).toHaveLength(1)
    expect(again.current.hostChecks[0]?.verdict).toBe(replayReport().verdict.status)
    const envelope = JSON.parse(readFileSync(join(dir, RECORDS_FILE), 'utf8')) as { schemaVersion: number }
    expect(envelope.schemaVersion).toBe(1)
  })

  it('computes lab progress exactly like the in-memory ProgressPort the lab runner was built against', async () => {
    const durable = open(tempDir())
    const memory = createMemoryProgress()
    const attempts: StepAttempt[] = [
      manualStep('a', 's1', '2026-03-02T01:00:00.000Z', false),
      manualStep('a', 's1', '2026-03-02T01:01:00.000Z', true),
      manualStep('a', 's1', '2026-03-02T01:02:00.000Z', false),
      manualStep('a', 's2', '2026-03-02T01:03:00.000Z', false),
      autoStep('b', 's1', '2026-03-02T01:04:00.000Z', true),
    ]
    for (const a of attempts) {
      await durable.recordStep(a)
      await memory.recordStep(a)
    }
    expect(durable.labProgress()).toEqual(memory.labProgress())
  })

  it('keeps the passing attempt’s evidence although later attempts roll the history over', async () => {
    const store = open(tempDir())
    await store.recordStep(autoStep('a', 's', '2026-03-02T00:00:00.000Z', true))
    for (let i = 1; i <= 30; i += 1) await store.recordStep(manualStep('a', 's', `2026-03-02T01:${String(i).padStart(2, '0')}:00.000Z`, false))
    const step = store.current.labs.a!.s!
    expect(step.attempts).toBe(31)
    expect(step.recent).toHaveLength(20)
    expect(step.passedAttempt?.verification.kind).toBe('auto')
  })

  it('clips huge evidence so the file stays small', async () => {
    const store = open(tempDir())
    const attempt = autoStep('a', 's', '2026-03-02T00:00:00.000Z')
    if (attempt.verification.kind === 'auto') attempt.verification.evidence = [{ probe: 'p', excerpt: 'x'.repeat(1_000_000) }]
    await store.recordStep(attempt)
    const stored = store.current.labs.a!.s!.passedAttempt!.verification
    expect(stored.kind === 'auto' && stored.evidence[0]!.excerpt.length).toBe(4000)
  })

  it.each([
    ['truncated JSON', '{"schemaVersion": 1, "data": {"profile": ', /not valid JSON/],
    ['wrong types', JSON.stringify({ schemaVersion: 1, data: { profile: null, labs: [], quizzes: 'none', hostChecks: [] } }), /invalid content/],
    ['a newer app', JSON.stringify({ schemaVersion: 99, data: {} }), /newer version/],
    ['binary junk', '\u0000\u0001\u0002garbage', /not valid JSON/],
  ])('a store with %s is kept aside with a timestamp, reported, and never overwritten', async (_name, text, reason) => {
    const dir = tempDir()
    writeFileSync(join(dir, RECORDS_FILE), text)
    const store = open(dir)
    expect(store.recovery?.reason).toMatch(reason)
    expect(store.recovery?.movedTo).toBe(join(dir, 'records.corrupt-2026-01-02T03-04-05-678Z.json'))
    expect(readFileSync(store.recovery!.movedTo, 'utf8')).toBe(text)
    // New records go to a new file; the damaged one stays as it was.
    await store.recordStep(manualStep('a', 's', '2026-03-02T01:00:00.000Z'))
    expect(readFileSync(store.recovery!.movedTo, 'utf8')).toBe(text)
    expect(open(dir).recovery).toBeNull()
  })

  it('a damaged store reaches the UI through records:overview', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, RECORDS_FILE), '{ broken')
    const { router } = createTestApp({ userDataDir: dir, systemLocale: 'en' })
    const overview = (await router.invoke('records:overview', [])) as { recovery: { movedTo: string; reason: string } | null; profile: unknown }
    expect(overview.recovery?.movedTo).toMatch(/records\.corrupt-.*\.json$/)
    expect(overview.recovery?.reason).toMatch(/not valid JSON/)
    expect(overview.profile).toBeNull()
  })

  it('removes temp files left by a killed writer, and only those', async () => {
    const dir = tempDir()
    await open(dir).setProfile(STUDENT)
    writeFileSync(join(dir, `${RECORDS_FILE}.123456789`), '{"half')
    writeFileSync(join(dir, 'records.json.bak'), 'keep me')
    expect(open(dir).profile()).toEqual(STUDENT)
    expect(readdirSync(dir).sort()).toEqual(['records.json', 'records.json.bak'])
  })

  it('records host checks from the host service (the onReport port) and ignores partial ones', async () => {
    const app = createTestApp({ collectHost: async () => (await import('../../src/main/host/capture-file')).parseCaptureText(readFileSync(join(__dirname, '../fixtures/captures/win-zh-lenovo-20fw-ready.capture.json'), 'utf8')) })
    await app.router.invoke('host:runCheck', [])
    await new Promise((ok) => setTimeout(ok, 50))
    const overview = (await app.router.invoke('records:overview', [])) as { machine: { verdict: string; checks: unknown[] } | null }
    expect(overview.machine?.verdict).toBe('ready')
    expect(overview.machine?.checks.length).toBeGreaterThan(10)
    const store = app.services.records.store
    await store.recordHostReport({ ...replayReport(), partial: true })
    expect(store.current.hostChecks).toHaveLength(1)
  })

  it('the IPC refuses a profile with markup or control characters, and offers no way to write steps directly', async () => {
    const { router } = createTestApp({ profile: null })
    await expect(router.invoke('records:setProfile', [{ ...STUDENT, name: '<script>alert(1)</script>' }])).rejects.toThrow(/bad-arguments/)
    await expect(router.invoke('records:setProfile', [{ ...STUDENT, studentNumber: '2023 01' }])).rejects.toThrow(/bad-arguments/)
    // Steps and quiz results reach the store only through labs:verifyStep and lessons:submitQuiz.
    await expect(router.invoke('records:recordStep', [{ labId: 'a', stepId: 's', passed: true, verification: { kind: 'manual', note: '' }, at: '2026-03-02T01:00:00.000Z' }])).rejects.toThrow(/unknown-channel/)
    await expect(router.invoke('labs:verifyStep', ['A B', 's', { kind: 'manual', note: '' }])).rejects.toThrow(/bad-arguments/)
    expect(await router.invoke('records:setProfile', [STUDENT])).toEqual(STUDENT)
  })

  it('lab runner and lessons get the durable store as their ProgressPort', async () => {
    const app = createTestApp()
    expect(app.services.progress).toBe(app.services.records)
    await app.services.progress.recordQuiz({ lessonId: 'what-is-virtualization', score: 3, total: 3, answers: [], at: '2026-03-02T01:00:00.000Z' })
    expect(existsSync(join(app.userDataDir, RECORDS_FILE))).toBe(true)
    expect(createTestApp({ userDataDir: app.userDataDir }).services.records.quizResults()).toHaveLength(1)
  })

  it('service: records steps with a real recordsService and builds the overview in catalog order', async () => {
    const service = recordsService()
    await service.recordStep(manualStep('create-vm', 'prepare-iso', '2026-03-02T01:00:00.000Z'))
    const overview = service.overview()
    expect(overview.profile).toBeNull()
    const lab = overview.labs.find((l) => l.id === 'create-vm')!
    expect(lab.status).toBe('in-progress')
    expect(lab.steps[0]).toMatchObject({ id: 'prepare-iso', status: 'passed', attempts: 1 })
    expect(lab.steps.slice(1).every((s) => s.status === 'not-started')).toBe(true)
  })
})
