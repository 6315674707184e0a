import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { RecordsStore } from '../../src/main/records/records-store'
import { tempDir } from '../support/records'
import { ROOT } from './harness'

// The BUILT records store (out/main/records-writer.js, plain Node) writing without pause, killed
// with SIGKILL at random moments. After every kill the store must open cleanly and hold every write
// the child reported done. Run after `electron-vite build` (the e2e project always is).
const WRITER = join(ROOT, 'out/main/records-writer.js')
const ROUNDS = Number(process.env.KILL_ROUNDS ?? 36)

interface Round {
  readonly done: number[]
  readonly killedAfterMs: number
}

function runAndKill(dir: string, first: number, killAfterReadyMs: number | null, killAfterSpawnMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const done: number[] = []
    let buffer = ''
    let stderr = ''
    const started = Date.now()
    let killedAt = 0
    const kill = (): void => {
      if (killedAt) return
      killedAt = Date.now()
      child.kill('SIGKILL')
    }
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk
      let newline: number
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        if (line.startsWith('done ')) done.push(Number(line.slice(5)))
        else if (line.startsWith('recovered')) reject(new Error(`the writer found a damaged store: ${line}`))
        else if (line === 'ready' && killAfterReadyMs !== null) setTimeout(kill, killAfterReadyMs)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    if (killAfterReadyMs === null) setTimeout(kill, killAfterSpawnMs)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${code}): ${stderr}`))
      // A line cut by the kill is not a completed write: only whole lines count.
      else resolve({ done, killedAfterMs: killedAt - started })
    })
  })
}

describe('records store survives kill -9', () => {
  it(`keeps every completed write through ${ROUNDS} SIGKILLs at random moments`, async () => {
    expect(existsSync(WRITER), 'run `npx electron-vite build` first').toBe(true)
    const dir = tempDir('virtlab-kill-')
    const confirmed: number[] = []
    let next = 0
    let inFlightSeen = 0
    for (let round = 0; round < ROUNDS; round += 1) {
      // Mostly mid-stream; every sixth round while the store is still opening.
      const early = round % 6 === 5
      const { done } = await runAndKill(dir, next, early ? null : Math.floor(Math.random() * 150), Math.floor(Math.random() * 60))
      confirmed.push(...done)
      const last = done.length > 0 ? done[done.length - 1]! : next - 1
      const inFlight = last + 1

      const store = new RecordsStore({ userDataDir: dir, logger: createMemoryLogger() })
      expect(store.recovery, `round ${round}: the store must open cleanly`).toBeNull()
      const data = store.current
      const quizIds = new Set(data.quizzes.flatMap((q) => q.answers.map((a) => a.questionId)))
      const has = (i: number): boolean =>
        i % 5 === 4 ? quizIds.has(`w${i}`) : data.labs[`kill-lab-${Math.floor(i / 50)}`]?.[`step-${i}`] !== undefined
      const missing = confirmed.filter((i) => !has(i))
      expect(missing, `round ${round}: completed writes lost`).toEqual([])
      // The write cut by the kill is all or nothing: if it is there, it is whole.
      if (has(inFlight)) {
        inFlightSeen += 1
        if (inFlight % 5 !== 4) {
          const step = data.labs[`kill-lab-${Math.floor(inFlight / 50)}`]![`step-${inFlight}`]!
          expect(step.recent[0]!.verification).toEqual({ kind: 'manual', note: `write ${inFlight} ${'x'.repeat(inFlight % 300)}` })
        }
      }
      // Opening cleaned up the temp file a killed write may have left.
      expect(readdirSync(dir).filter((f) => /^records\.json\.\d+$/.test(f))).toEqual([])
      next = inFlight + 1
    }
    expect(confirmed.length, 'the writer got some writes done between kills').toBeGreaterThan(ROUNDS)
    expect(new Set(confirmed).size).toBe(confirmed.length)
    console.log(`kill -9: ${ROUNDS} kills, ${confirmed.length} completed writes all kept; the write cut by the kill was on disk ${inFlightSeen} times`)
  })
})
