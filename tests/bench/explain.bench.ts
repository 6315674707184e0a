import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import { explainTexts } from '../../src/main/host/explain/explain'

// A 200 KB vmware.log: the real Workstation 17 excerpt, its body lines repeated the way a long
// session's log grows (device and DICT lines between the facts), as a student would paste it.
const excerpt = readFileSync(join(__dirname, '../fixtures/explain/vmware-log-ws17-win11home-ryzen-hyperv-ulm.log'), 'utf8')
const [head, ...rest] = excerpt.split('\n')
const body = rest.filter((l) => !/Monitor Mode|Log for VMware|Host is/.test(l))
const lines = [head!, ...rest]
for (let i = 0; lines.join('\n').length < 200 * 1024; i += 1) lines.push(body[i % body.length]!)
const log = lines.join('\n').slice(0, 200 * 1024)

describe('explain', () => {
  bench(`explain a ${Math.round(log.length / 1024)} KB vmware.log (goal ≤ 100 ms)`, () => {
    explainTexts([{ name: 'vmware.log', text: log, encoding: null }])
  })
})
