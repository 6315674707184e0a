import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { uuidFromKey } from '../../src/main/records/records-service'
import type { LabReport } from '../../src/shared/records/report'
import { XAPI_VERBS, buildXapiStatements, type XapiStatement } from '../../src/shared/records/xapi'
import { STUDENT, autoStep, manualStep, recordsService, replayReport, tempDir } from '../support/records'
import { join } from 'node:path'

const IRI = /^https?:\/\/[^\s]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

async function exported(): Promise<{ statements: XapiStatement[]; report: LabReport }> {
  const dir = tempDir()
  const service = recordsService({ userDataDir: dir, savePaths: [join(dir, 'out.xapi.json')] })
  await service.setProfile(STUDENT)
  await service.recordHostReport(replayReport())
  // Every step of install-workstation passes: that lab is completed.
  const lab = service.overview().labs.find((l) => l.id === 'install-workstation')!
  for (const [i, step] of lab.steps.entries()) await service.recordStep(autoStep(lab.id, step.id, `2026-03-02T01:${String(i + 10).padStart(2, '0')}:00.000Z`))
  await service.recordStep(manualStep('create-vm', 'prepare-iso', '2026-03-02T02:00:00.000Z', false))
  await service.recordStep({ labId: 'create-vm', stepId: 'quiz', passed: true, verification: { kind: 'quiz', score: 2, total: 3 }, at: '2026-03-02T02:10:00.000Z' })
  await service.recordQuiz({ lessonId: 'what-is-virtualization', score: 5, total: 5, answers: [], at: '2026-03-02T03:00:00.000Z' })
  await service.recordQuiz({ lessonId: 'migration', score: 1, total: 5, answers: [], at: '2026-03-02T03:10:00.000Z' })
  const saved = await service.exportXapi()
  expect(saved?.path).toBe(join(dir, 'out.xapi.json'))
  return { statements: JSON.parse(readFileSync(saved!.path, 'utf8')) as XapiStatement[], report: service.report() }
}

describe('xAPI 1.0.3 export', () => {
  it('every statement is well formed: account actor, ADL verb, activity under the base IRI, timestamp, version', async () => {
    const { statements } = await exported()
    expect(statements.length).toBeGreaterThan(5)
    const ids = new Set<string>()
    for (const s of statements) {
      expect(s.id).toMatch(UUID)
      ids.add(s.id!)
      expect(s.version).toBe('1.0.3')
      expect(s.actor).toEqual({ objectType: 'Agent', name: '张三', account: { homePage: 'https://lrs.example.edu/virtlab', name: '2023010101' } })
      expect(Object.values(XAPI_VERBS).map((v) => v.id)).toContain(s.verb.id)
      expect(s.verb.display['en-US']).toBeTruthy()
      expect(s.object.objectType).toBe('Activity')
      expect(s.object.id.startsWith('https://lrs.example.edu/virtlab/')).toBe(true)
      expect(s.object.id).toMatch(IRI)
      expect(s.object.definition.type).toMatch(/^http:\/\/adlnet\.gov\/expapi\/activities\//)
      expect(new Date(s.timestamp).toISOString()).toBe(s.timestamp)
      expect(s.context.contextActivities.grouping[0]!.id).toBe('https://lrs.example.edu/virtlab')
      for (const key of Object.keys(s.context.extensions)) expect(key).toMatch(IRI)
      if (s.result?.score) {
        expect(s.result.score.scaled).toBeGreaterThanOrEqual(0)
        expect(s.result.score.scaled).toBeLessThanOrEqual(1)
        expect(s.result.score.raw).toBeLessThanOrEqual(s.result.score.max)
      }
    }
    expect(ids.size).toBe(statements.length)
  })

  it('uses completed for passed steps and completed labs, attempted for steps not passed, passed/attempted for quizzes', async () => {
    const { statements } = await exported()
    const find = (verb: keyof typeof XAPI_VERBS, suffix: string) => statements.filter((s) => s.verb.id === XAPI_VERBS[verb].id && s.object.id.endsWith(suffix))
    expect(find('completed', '/labs/install-workstation')).toHaveLength(1)
    expect(find('completed', '/labs/install-workstation/steps/verify-install')).toHaveLength(1)
    expect(find('attempted', '/labs/create-vm/steps/prepare-iso')[0]?.result).toEqual({ success: false, completion: false })
    expect(find('completed', '/labs/create-vm/steps/quiz')[0]?.result?.score).toEqual({ raw: 2, min: 0, max: 3, scaled: 0.6667 })
    expect(find('passed', '/lessons/what-is-virtualization/quiz')[0]?.result).toMatchObject({ success: true, score: { raw: 5, max: 5, scaled: 1 } })
    expect(find('attempted', '/lessons/migration/quiz')[0]?.result).toMatchObject({ success: false, score: { scaled: 0.2 } })
    expect(statements.some((s) => s.object.id.endsWith('/labs/create-vm') && s.verb.id === XAPI_VERBS.completed.id)).toBe(false)
  })

  it('the same event gets the same statement id in every export (an LRS can de-duplicate)', async () => {
    const { report } = await exported()
    const a = buildXapiStatements(report, 'https://lrs.example.edu/virtlab', uuidFromKey)
    const b = buildXapiStatements({ ...report, generatedAt: '2030-01-01T00:00:00.000Z' }, 'https://lrs.example.edu/virtlab/', uuidFromKey)
    expect(a.map((s) => s.id)).toEqual(b.map((s) => s.id))
  })
})
