import canonicalize from 'canonicalize'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportDigest, sealReport, serializeReport, verifyReportText } from '../../src/main/records/integrity'
import { verifyImportFile, verifyReportFile } from '../../src/main/records/report-files'
import { LAB_REPORT_SCHEMA, LabReportSchema, REPORT_MAX_BYTES, type LabReport } from '../../src/shared/records/report'
import { REPORTS_DIR, STUDENT, autoStep, manualStep, recordsService, replayReport, tempDir } from '../support/records'

async function studentReport(): Promise<LabReport> {
  const service = recordsService()
  await service.setProfile(STUDENT)
  await service.recordHostReport(replayReport())
  await service.recordStep(manualStep('create-vm', 'prepare-iso', '2026-03-02T01:00:00.000Z', true, '核对了 SHA-256'))
  await service.recordStep(autoStep('install-workstation', 'verify-install', '2026-03-02T01:10:00.000Z', false))
  await service.recordStep(autoStep('install-workstation', 'verify-install', '2026-03-02T01:20:00.000Z', true))
  await service.recordStep({ labId: 'create-vm', stepId: 'quiz', passed: true, verification: { kind: 'quiz', score: 3, total: 3 }, at: '2026-03-02T01:30:00.000Z' })
  await service.recordQuiz({ lessonId: 'what-is-virtualization', score: 4, total: 5, answers: [], at: '2026-03-02T02:00:00.000Z' })
  await service.recordQuiz({ lessonId: 'what-is-virtualization', score: 5, total: 5, answers: [], at: '2026-03-02T03:00:00.000Z' })
  return service.report()
}

describe('integrity digest (SHA-256 over RFC 8785)', () => {
  it('serializes canonically: sorted keys, no whitespace, ES number forms', () => {
    expect(canonicalize({ b: 2, a: [1, 'x'], c: { z: null, y: 1.5 } })).toBe('{"a":[1,"x"],"b":2,"c":{"y":1.5,"z":null}}')
    expect(canonicalize({ n: 1e21, m: 1.0, e: 0.000001, u: '€\u0007' })).toBe('{"e":0.000001,"m":1,"n":1e+21,"u":"€\\u0007"}')
    const value = { b: 2, a: '张三' }
    expect(reportDigest(value)).toBe(createHash('sha256').update('{"a":"张三","b":2}', 'utf8').digest('hex'))
  })

  it('a sealed report verifies, whatever its key order or indentation', async () => {
    const report = await studentReport()
    expect(report.schema).toBe(LAB_REPORT_SCHEMA)
    expect(LabReportSchema.safeParse(report).success).toBe(true)
    expect(verifyReportText(serializeReport(report))).toMatchObject({ ok: true })
    const reordered = Object.fromEntries(Object.entries(report).reverse())
    expect(verifyReportText(JSON.stringify(reordered))).toMatchObject({ ok: true })
    expect(verifyReportText(`\uFEFF${JSON.stringify(report)}`)).toMatchObject({ ok: true })
  })

  it('the report carries profile, machine, every lab’s steps with evidence and times, and quiz scores', async () => {
    const report = await studentReport()
    expect(report.student).toEqual(STUDENT)
    expect(report.machine?.verdict).toBe('ready')
    const install = report.labs.find((l) => l.id === 'install-workstation')!
    const verify = install.steps.find((s) => s.id === 'verify-install')!
    expect(verify).toMatchObject({ status: 'passed', attempts: 2, firstAt: '2026-03-02T01:10:00.000Z', passedAt: '2026-03-02T01:20:00.000Z' })
    expect(verify.verification).toMatchObject({ kind: 'auto', checkId: 'vmware.installed', evidence: [{ probe: 'vmware-version' }] })
    expect(verify.history).toEqual([
      { at: '2026-03-02T01:10:00.000Z', passed: false },
      { at: '2026-03-02T01:20:00.000Z', passed: true },
    ])
    expect(report.labs.find((l) => l.id === 'create-vm')!.steps.find((s) => s.id === 'prepare-iso')!.verification).toEqual({ kind: 'manual', note: '核对了 SHA-256' })
    expect(report.quizzes).toEqual([
      expect.objectContaining({ lessonId: 'what-is-virtualization', attempts: 2, best: { score: 5, total: 5, at: '2026-03-02T03:00:00.000Z' } }),
    ])
    expect(report.quizzes[0]!.title?.['zh-CN']).toBeTruthy()
  })

  it.each([
    ['a changed score', (r: LabReport) => void (r.quizzes[0]!.best.score = 1)],
    ['a changed name', (r: LabReport) => void (r.student.name = '李四')],
    ['a step marked passed', (r: LabReport) => void (r.labs[0]!.steps[0]!.status = 'passed')],
    ['a changed time', (r: LabReport) => void (r.generatedAt = '2020-01-01T00:00:00.000Z')],
    ['an extra space in a note', (r: LabReport) => void (r.labs.find((l) => l.id === 'create-vm')!.steps[0]!.verification = { kind: 'manual', note: '核对了 SHA-256 ' })],
  ])('a tampered report (%s) fails verification', async (_name, edit) => {
    const report = structuredClone(await studentReport())
    edit(report)
    const result = verifyReportText(serializeReport(report))
    expect(result).toMatchObject({ ok: false, code: 'digest-mismatch' })
  })

  it.each([
    ['not JSON', 'hello', 'not-json'],
    ['a JSON array', '[1,2]', 'not-a-report'],
    ['another schema', JSON.stringify({ schema: 'virtlab.host-report/1' }), 'not-a-report'],
    ['a future version', JSON.stringify({ schema: 'virtlab.lab-report/2' }), 'unsupported-version'],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'not-a-report'],
  ])('refuses %s with a reason', (_name, text, code) => {
    expect(verifyReportText(text)).toMatchObject({ ok: false, code })
  })

  it('refuses wrong types and a script in a name even when the digest was recomputed', async () => {
    const report = await studentReport()
    const reseal = (body: Record<string, unknown>) => {
      const { integrity: _i, ...rest } = body
      return JSON.stringify({ ...rest, integrity: { ...report.integrity, digest: reportDigest(rest) } })
    }
    const hostile = reseal({ ...report, student: { ...report.student, name: '<script>alert(1)</script>' } } as unknown as Record<string, unknown>)
    const hostileResult = verifyReportText(hostile)
    expect(hostileResult).toMatchObject({ ok: false, code: 'invalid' })
    expect(!hostileResult.ok && hostileResult.detail).toMatch(/student\.name/)
    expect(!hostileResult.ok && hostileResult.detail).not.toContain('<script>')
    const wrong = reseal({ ...report, labs: [{ ...report.labs[0], passedCount: 'all' }] } as unknown as Record<string, unknown>)
    expect(verifyReportText(wrong)).toMatchObject({ ok: false, code: 'invalid', detail: expect.stringMatching(/labs\.0\.passedCount/) })
    const extra = reseal({ ...report, onload: 'alert(1)' } as unknown as Record<string, unknown>)
    expect(verifyReportText(extra)).toMatchObject({ ok: false, code: 'invalid' })
    const noIntegrity: Record<string, unknown> = { ...report }
    delete noIntegrity.integrity
    expect(verifyReportText(JSON.stringify(noIntegrity))).toMatchObject({ ok: false, code: 'invalid', detail: expect.stringMatching(/integrity/) })
  })

  it('refuses a 50 MB file without reading it, from disk and from a drop', async () => {
    const dir = tempDir()
    const huge = join(dir, 'huge.virtlab-report.json')
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x20))
    const started = performance.now()
    expect(await verifyReportFile(huge)).toMatchObject({ ok: false, code: 'too-large', detail: expect.stringMatching(/50\.0 MB/) })
    expect(performance.now() - started).toBeLessThan(500)
    expect(verifyImportFile({ name: 'huge.json', size: 50 * 1024 * 1024, text: null })).toMatchObject({ ok: false, code: 'too-large' })
    expect(verifyReportText(' '.repeat(REPORT_MAX_BYTES + 1))).toMatchObject({ ok: false, code: 'too-large' })
    expect(verifyImportFile({ name: 'folder', size: 4096, text: null })).toMatchObject({ ok: false, code: 'unreadable' })
    expect(await verifyReportFile(join(dir, 'missing.json'))).toMatchObject({ ok: false, code: 'unreadable', detail: 'ENOENT' })
  })

  it('a report is sealed over exactly what is written', async () => {
    const report = await studentReport()
    const { integrity, ...body } = report
    expect(sealReport(body).integrity).toEqual(integrity)
  })
})

describe('sample reports in tests/fixtures/reports (made by scripts/make-sample-reports.mjs)', () => {
  const good = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.virtlab-report.json'))
  it.each(good)('%s verifies', async (file) => {
    const result = await verifyReportFile(join(REPORTS_DIR, file))
    expect(result.ok, JSON.stringify(result)).toBe(true)
  })
  it('there are at least four, from different students and states', async () => {
    expect(good.length).toBeGreaterThanOrEqual(4)
    const reports = good.map((f) => JSON.parse(readFileSync(join(REPORTS_DIR, f), 'utf8')) as LabReport)
    expect(new Set(reports.map((r) => r.student.studentNumber)).size).toBe(good.length)
    expect(new Set(reports.flatMap((r) => r.labs.map((l) => l.status)))).toEqual(new Set(['completed', 'in-progress', 'not-started']))
  })
  it.each([
    ['tampered.virtlab-report.json', 'digest-mismatch'],
    ['script-in-name.virtlab-report.json', 'invalid'],
    ['wrong-types.virtlab-report.json', 'invalid'],
    ['truncated.virtlab-report.json', 'not-json'],
    ['not-a-report.json', 'not-a-report'],
    ['future-version.virtlab-report.json', 'unsupported-version'],
  ])('bad/%s is refused as %s', async (file, code) => {
    expect(await verifyReportFile(join(REPORTS_DIR, 'bad', file))).toMatchObject({ ok: false, code })
  })
})

describe('docs/lab-report.schema.json', () => {
  it('is the JSON Schema of the zod schema the app validates with (regenerate with scripts/make-sample-reports.mjs)', async () => {
    const { labReportJsonSchema } = await import('../../src/main/records/json-schema')
    const committed = JSON.parse(readFileSync(join(__dirname, '../../docs/lab-report.schema.json'), 'utf8')) as unknown
    expect(committed).toEqual(labReportJsonSchema())
  })
})
