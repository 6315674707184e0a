import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { collectCapture, currentEnvironment } from '../../src/main/host/collect'
import { evaluateCapture } from '../../src/main/host/evaluate'

const dir = join(__dirname, '../fixtures/captures')
const captures = readdirSync(dir)
  .filter((f) => f.endsWith('.capture.json'))
  .map((f) => parseCaptureText(readFileSync(join(dir, f), 'utf8'), f))

describe('host check engine', () => {
  bench(`replay every fixture (${captures.length} captures)`, () => {
    for (const capture of captures) evaluateCapture(capture, { source: 'replay' })
  })
  bench(
    'live check on this machine, in-process (goal ≤ 100 ms)',
    async () => {
      const capture = await collectCapture({ env: currentEnvironment(join(__dirname, '../../resources')), appVersion: 'bench' })
      evaluateCapture(capture, { source: 'live' })
    },
    { iterations: 10, time: 0 },
  )
})
