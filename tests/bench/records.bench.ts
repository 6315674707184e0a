import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import { ClassRoster } from '../../src/main/records/class-roster'
import { serializeReport } from '../../src/main/records/integrity'
import { verifyReportFile } from '../../src/main/records/report-files'
import { REPORTS_DIR, STUDENT, autoStep, manualStep, recordsService, tempDir } from '../support/records'
import type { LabReport } from '../../src/shared/records/report'

// 1. Recording one lab step, durably: temp file, fsync, rename, folder fsync — on a store that
//    already holds a full course's worth of records (every step of every lab, with evidence).
const service = recordsService()
await service.setProfile(STUDENT)
for (const lab of service.overview().labs) {
  for (const [i, step] of lab.steps.entries()) {
    await service.recordStep(autoStep(lab.id, step.id, `2026-03-02T01:${String(i).padStart(2, '0')}:00.000Z`, false))
    await service.recordStep(autoStep(lab.id, step.id, `2026-03-02T02:${String(i).padStart(2, '0')}:00.000Z`, true))
  }
}
let n = 0

// 2. A class of 500 report files on disk, made from the sample reports (each a distinct student).
const classDir = tempDir('virtlab-bench-class-')
const samples = readdirSync(REPORTS_DIR)
  .filter((f) => f.endsWith('.virtlab-report.json'))
  .map((f) => JSON.parse(readFileSync(join(REPORTS_DIR, f), 'utf8')) as LabReport)
const { sealReport } = await import('../../src/main/records/integrity')
for (let i = 0; i < 500; i += 1) {
  const { integrity: _i, ...body } = samples[i % samples.length]!
  const report = sealReport({ ...body, student: { ...body.student, studentNumber: `2023${String(100000 + i)}`, name: `学生${i}` } })
  writeFileSync(join(classDir, `${i}.virtlab-report.json`), serializeReport(report))
}
const classFiles = readdirSync(classDir).map((f) => join(classDir, f))

describe('records', () => {
  bench(
    'record one lab step, fsync included (goal ≤ 20 ms median)',
    async () => {
      n += 1
      await service.recordStep(manualStep('create-vm', 'prepare-iso', new Date(Date.UTC(2026, 2, 3, 0, 0, n % 60)).toISOString(), n % 2 === 0))
    },
    { iterations: 200, time: 0 },
  )
  bench(
    `import 500 reports into the class table (goal ≤ 2 s; ${Math.round(readFileSync(classFiles[0]!).length / 1024)} KB each)`,
    async () => {
      const roster = new ClassRoster()
      for (const file of classFiles) roster.add(file, await verifyReportFile(file))
      if (roster.view().rows.length !== 500) throw new Error('not every report was imported')
    },
    { iterations: 5, time: 0 },
  )
})
