#!/usr/bin/env node
// `npm test`: finds (or installs) what the tests need, then typechecks every tsconfig, lints, runs
// the unit + component tests, builds, and runs the end-to-end tests in real Electron (when its
// binary is installed) or in Chromium. Every test process gets its own temp folder, which must be
// empty at the end. Prints the totals of all test runs as the last line: "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareTestEnvironment } from './test-env.mjs'

const root = join(import.meta.dirname, '..')
const artifacts = join(root, 'tests/artifacts')
mkdirSync(artifacts, { recursive: true })
// Each tool's own JS entry, run with this Node: the same on Linux, macOS and Windows (no .cmd shims).
const TOOLS = {
  tsc: 'typescript/bin/tsc',
  eslint: 'eslint/bin/eslint.js',
  vitest: 'vitest/vitest.mjs',
  'electron-vite': 'electron-vite/bin/electron-vite.js',
}
const bin = (name) => join(root, 'node_modules', TOOLS[name])

let passed = 0
let failed = 0
const problems = []

function finish() {
  const summary = `${passed} passed, ${failed} failed`
  writeFileSync(join(artifacts, 'totals.txt'), `${summary}\n`)
  if (problems.length > 0) process.stdout.write(`\nFailed steps: ${problems.join('; ')}\n`)
  process.stdout.write(`\n${summary}\n`)
  process.exit(failed === 0 ? 0 : 1)
}

const prepared = prepareTestEnvironment(root)
if (prepared.error) {
  process.stdout.write(`${prepared.error}\n`)
  failed += 1
  problems.push('test environment')
  finish()
}
process.stdout.write(`End-to-end tests: ${prepared.e2e.mode === 'electron' ? 'real Electron' : 'Chromium with the bridge stand-in'} (${prepared.e2e.path})\n`)
for (const note of prepared.notes) process.stdout.write(`Note: ${note}\n`)

// A temp folder of this run's own (other runs may share the machine's): whatever a test leaves
// behind is found there at the end, and counts as a failure.
const runTemp = mkdtempSync(join(tmpdir(), 'virtlab-npm-test-'))
const env = { ...process.env, ...prepared.env, TMPDIR: runTemp, TMP: runTemp, TEMP: runTemp }

/** Runs a Node script (a tool's entry or one of ours) with this Node. */
function run(label, script, args) {
  process.stdout.write(`\n▶ ${label}\n`)
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env })
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
if (gate('build (electron-vite)', bin('electron-vite'), ['build']) && gate('build (CLI bundle)', join(root, 'scripts/build-cli.mjs'), [])) vitest('e2e', ['e2e'])

if (!typesOk || !lintOk) process.stdout.write('(typecheck/lint failures count as failed)\n')

// Tests clean up what they create: the run's temp folder must be empty now.
const left = readdirSync(runTemp)
if (left.length > 0) {
  failed += 1
  problems.push(`tests left ${left.length} entries in the temp folder`)
  process.stdout.write(`\n▶ temp folder not empty: ${left.slice(0, 20).join(', ')}${left.length > 20 ? ', …' : ''}\n`)
}
rmSync(runTemp, { recursive: true, force: true, maxRetries: 5 })
finish()
