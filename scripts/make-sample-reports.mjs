#!/usr/bin/env node
// Writes the sample lab reports under tests/fixtures/reports/ with the app's own records code
// (src/main/records/samples.ts, loaded through Vite's module runner — no build needed), and the
// report's JSON Schema to docs/lab-report.schema.json.
//   node scripts/make-sample-reports.mjs
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runnerImport } from 'vite'

const root = join(import.meta.dirname, '..')
const { module } = await runnerImport(join(root, 'src/main/records/samples.ts'), { root, configFile: false, logLevel: 'error' })
const out = join(root, 'tests/fixtures/reports')
const reports = await module.writeSampleReports(out, join(root, 'resources'), join(root, 'tests/fixtures/captures'))
for (const r of reports) console.log(`${r.student.studentNumber}  ${r.student.name}  ${r.integrity.digest}`)
console.log(`${reports.length} sample reports (and the bad ones in bad/) written to ${out}`)
writeFileSync(join(root, 'docs/lab-report.schema.json'), `${JSON.stringify(module.labReportJsonSchema(), null, 2)}\n`)
console.log('JSON Schema written to docs/lab-report.schema.json')
