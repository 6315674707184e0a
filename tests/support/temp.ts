import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []

/**
 * A fresh folder in the temp folder, removed after the test file that made it (by
 * tests/support/cleanup.ts, a setup file of every vitest project). `npm test` fails if any test
 * leaves something in the temp folder (scripts/test-all.mjs).
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Removes every folder tempDir made so far (retrying briefly: Windows keeps files busy a moment). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
}
