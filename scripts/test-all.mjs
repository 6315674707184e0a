#!/usr/bin/env node
// `npm test`: typecheck every tsconfig, lint, unit + component tests, build, end-to-end tests in
// Chromium. Prints the totals of all test runs as the last line: "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const artifacts = join(root, 'tests/artifacts')
mkdirSync(artifacts, { recursive: true })
const bin = (name) => join(root, 'node_modules/.bin', name)

let passed = 0
let failed = 0
const problems = []

function run(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  return result.status === 0
}

function gate(label, command, args) {
  if (run(label, command, args)) return true
  failed += 1
  problems.push(label)
  return false
}

function vitest(label, projects) {
  const out = join(artifacts, `vitest-${label}.json`)
  rmSync(out, { force: true })
  const ok = run(`vitest (${projects.join(', ')})`, bin('vitest'), [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ])
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests
    if (!ok && report.numFailedTests === 0) {
      failed += 1
      problems.push(`vitest ${label} (suite error)`)
    }
  } else {
    failed += 1
    problems.push(`vitest ${label} (no report)`)
  }
}

const typesOk = ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.tests.json']
  .map((config) => gate(`typecheck ${config}`, bin('tsc'), ['-p', config, '--noEmit']))
  .every(Boolean)
const lintOk = gate('lint', bin('eslint'), ['--max-warnings', '0', '.'])
vitest('unit', ['node', 'dom'])
if (gate('build (electron-vite)', bin('electron-vite'), ['build'])) vitest('e2e', ['e2e'])

const summary = `${passed} passed, ${failed} failed`
writeFileSync(join(artifacts, 'totals.txt'), `${summary}\n`)
if (problems.length > 0) process.stdout.write(`\nFailed steps: ${problems.join('; ')}\n`)
if (!typesOk || !lintOk) process.stdout.write('(typecheck/lint failures count as failed)\n')
process.stdout.write(`\n${summary}\n`)
process.exit(failed === 0 ? 0 : 1)
