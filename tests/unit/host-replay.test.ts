import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HostReportSchema } from '../../src/shared/host/report'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { evaluateCapture } from '../../src/main/host/evaluate'

const dir = join(__dirname, '../fixtures/captures')
interface Entry {
  file: string
  title: string
  sources: string[]
  expected: { verdict: string; checks: Record<string, string> }
}
// One manifest per area (manifest.json, manifest.<area>.json) so that fixtures can be added side by side.
const manifest = readdirSync(dir)
  .filter((f) => /^manifest(\.[a-z0-9-]+)?\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Entry[])

describe('replaying real published outputs', () => {
  it('has at least 15 fixtures, each with a source', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(15)
    for (const entry of manifest) expect(entry.sources.length, entry.file).toBeGreaterThan(0)
  })

  it.each(manifest.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const capture = parseCaptureText(readFileSync(join(dir, entry.file), 'utf8'), entry.file)
    const report = evaluateCapture(capture, { source: 'replay', generatedAt: capture.capturedAt })
    expect(HostReportSchema.safeParse(report).success).toBe(true)
    const statuses = Object.fromEntries(Object.keys(entry.expected.checks).map((id) => [id, report.checks.find((c) => c.id === id)?.status]))
    expect({ verdict: report.verdict.status, checks: statuses }).toEqual(entry.expected)
    // Every non-pass check carries a fix; every check says what it rests on or why it cannot.
    for (const check of report.checks) {
      if (check.status !== 'pass' && check.status !== 'skip') expect(check.fix.length, `${check.id} fix`).toBeGreaterThan(0)
      expect(check.summary['zh-CN'].length).toBeGreaterThan(0)
      expect(check.summary.en.length).toBeGreaterThan(0)
    }
    // The replay of the same capture is the same report.
    expect(evaluateCapture(capture, { source: 'replay', generatedAt: capture.capturedAt })).toEqual(report)
  })
})
