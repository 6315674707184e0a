import { createMemoryLogger } from '../logging/logger'
import { RecordsStore } from './records-store'

// A records writer on plain Node (built to out/main/records-writer.js), for the crash test: it
// opens the store in DIR and records without pause, printing `done N` after each write is durable.
// The test kills it with SIGKILL at random moments and checks that every `done` write survived.
//   node out/main/records-writer.js DIR FIRST
async function main(): Promise<void> {
  const [dir, firstArg] = process.argv.slice(2)
  if (!dir) throw new Error('usage: records-writer DIR FIRST')
  const store = new RecordsStore({ userDataDir: dir, logger: createMemoryLogger() })
  if (store.recovery) process.stdout.write(`recovered ${store.recovery.reason}\n`)
  process.stdout.write('ready\n')
  for (let i = Number(firstArg ?? 0); ; i += 1) {
    const at = new Date().toISOString()
    if (i % 5 === 4) {
      await store.recordQuiz({ lessonId: 'kill-test', score: i % 10, total: 10, answers: [{ questionId: `w${i}`, correct: true }], at })
    } else {
      await store.recordStep({
        labId: `kill-lab-${Math.floor(i / 50)}`,
        stepId: `step-${i}`,
        passed: i % 3 !== 0,
        verification: { kind: 'manual', note: `write ${i} ${'x'.repeat(i % 300)}` },
        at,
      })
    }
    process.stdout.write(`done ${i}\n`)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(3)
})
