import { describe, expect, it } from 'vitest'
import { sealReport, serializeReport, verifyReportText } from '../../src/main/records/integrity'
import { RECORDS_WORDS } from '../../src/shared/records/words'
import { REJECTION_CODES } from '../../src/shared/records/class-view'
import type { LabReport, ReportBody } from '../../src/shared/records/report'
import { STUDENT, autoStep, recordsService } from '../support/records'

async function report(): Promise<LabReport> {
  const service = recordsService()
  await service.setProfile(STUDENT)
  await service.recordStep(autoStep('install-workstation', 'verify-install', '2026-03-02T01:20:00.000Z', true))
  return service.report()
}

/** A tool that edits a report and recomputes the digest: the schema and the digest both pass. */
function resealed(original: LabReport, edit: (body: ReportBody) => void): string {
  const { integrity: _integrity, ...body } = structuredClone(original)
  edit(body)
  return serializeReport(sealReport(body))
}

const NOW = new Date('2026-03-05T00:00:00.000Z')

describe('reports that cannot be true are refused, with a reason in both languages', () => {
  it.each([
    ['more passed than total steps', (b: ReportBody) => void (b.labs[0]!.passedCount = b.labs[0]!.stepCount + 3), 'steps-mismatch'],
    ['a completed lab with 0 steps', (b: ReportBody) => void Object.assign(b.labs[0]!, { status: 'completed', stepCount: 0, passedCount: 0, steps: [] }), 'empty-completed'],
    ['generatedAt in year 9999', (b: ReportBody) => void (b.generatedAt = '9999-12-31T23:59:59.000Z'), 'future-date'],
    ['generatedAt two days ahead', (b: ReportBody) => void (b.generatedAt = '2026-03-07T00:00:00.000Z'), 'future-date'],
  ])('%s', async (_name, edit, code) => {
    const result = verifyReportText(resealed(await report(), edit), NOW)
    expect(result).toMatchObject({ ok: false, code })
    expect(RECORDS_WORDS['zh-CN'].rejection[code as keyof typeof RECORDS_WORDS.en.rejection]).toBeTruthy()
    expect(RECORDS_WORDS.en.rejection[code as keyof typeof RECORDS_WORDS.en.rejection]).toBeTruthy()
  })

  it('allows a clock a few hours ahead', async () => {
    const text = resealed(await report(), (b) => void (b.generatedAt = '2026-03-05T09:00:00.000Z'))
    expect(verifyReportText(text, NOW)).toMatchObject({ ok: true })
  })

  it('every rejection reason is worded in both languages', () => {
    for (const code of REJECTION_CODES) {
      expect(RECORDS_WORDS['zh-CN'].rejection[code], code).toMatch(/[\u4e00-\u9fff]/)
      expect(RECORDS_WORDS.en.rejection[code], code).toMatch(/^[A-Z]/)
    }
  })
})
