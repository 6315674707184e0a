import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/main/lessons/load-lessons'
import { RESOURCES_DIR } from '../support/services'

/** docs/lecture-coverage.md names questions as evidence and the seeds by file name; both must stay true. */
const DOC = readFileSync(join(__dirname, '../../docs/lecture-coverage.md'), 'utf8')

describe('docs/lecture-coverage.md references', () => {
  it('names only questions that exist', async () => {
    const { lessons } = await loadLessons(join(RESOURCES_DIR, 'lessons'))
    const ids = new Set(lessons.flatMap((l) => l.questions.map((q) => q.id)))
    const named = [...DOC.matchAll(/`(l\d-[a-z0-9-]+)`/g)].map((m) => m[1]!)
    expect(named.length).toBeGreaterThan(20)
    expect(named.filter((id) => !ids.has(id))).toEqual([])
  })

  it('names the seeds by file name, not by a path outside the repository', () => {
    expect(DOC).not.toMatch(/\/work\/|\/home\/|[A-Z]:\\/)
    for (const n of ['000', '001', '002', '003', '004']) expect(DOC).toMatch(new RegExp(`\`${n}_[0-9a-f]{16}\\.txt\``))
  })
})
