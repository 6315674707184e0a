import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/main/lessons/load-lessons'

/**
 * docs/lecture-coverage.md maps every seed heading to lessons; each lesson's `seedSections` lists
 * the seed sections it covers. The two must agree:
 *  - every seedSections entry names a row of the table (a " / " path names a row and its parent rows),
 *    and that row or one of the rows under it is mapped to the lesson;
 *  - every row mapped to a lesson is named in that lesson's seedSections: itself, a parent row, or
 *    (for a heading over several items) one of the rows under it.
 * The hierarchy comes from the table's own order and heading markers (# levels; bold items,
 * numbered items and bullets sit under the headings before them).
 */

const ROOT = join(__dirname, '../..')

interface Row {
  readonly seed: string
  readonly heading: string
  readonly key: string
  readonly level: number
  readonly lessons: readonly string[]
  parent: Row | null
}

const normalize = (text: string): string =>
  text
    .replace(/\s\([^()]*\)/g, '')
    .replace(/[#□■•*[\]“”"\s]/g, '')
    .replace(/[：:]$/, '')

function levelOf(heading: string): number {
  const hashes = /^(#{1,6})\s/.exec(heading)
  if (hashes) return hashes[1]!.length
  if (/^[•[]/.test(heading)) return 8
  return 7
}

function coverageRows(): Row[] {
  const rows: Row[] = []
  let seed: string | null = null
  const stack: Row[] = []
  for (const line of readFileSync(join(ROOT, 'docs/lecture-coverage.md'), 'utf8').split('\n')) {
    const section = /^## (\d{3}) /.exec(line)
    if (section || /^## /.test(line)) {
      seed = section ? section[1]! : null
      stack.length = 0
      continue
    }
    if (!seed || !line.startsWith('|') || /^\|\s*(-|Seed heading)/.test(line)) continue
    const cells = line.split('|').map((c) => c.trim())
    const heading = cells[1]!
    const row: Row = { seed, heading, key: normalize(heading), level: levelOf(heading), lessons: cells[2]!.match(/\b\d{2}\b/g) ?? [], parent: null }
    while (stack.length > 0 && stack[stack.length - 1]!.level >= row.level) stack.pop()
    row.parent = stack[stack.length - 1] ?? null
    stack.push(row)
    rows.push(row)
  }
  return rows
}

const ancestors = (row: Row): Row[] => (row.parent ? [row.parent, ...ancestors(row.parent)] : [])

describe('lesson seedSections agree with docs/lecture-coverage.md', async () => {
  const rows = coverageRows()
  const { lessons, problems } = await loadLessons(join(ROOT, 'resources/lessons'))

  it('reads the table: five seeds, every row with a lesson or a reason', () => {
    expect(problems).toEqual([])
    expect(new Set(rows.map((r) => r.seed))).toEqual(new Set(['000', '001', '002', '003', '004']))
    expect(rows.length).toBeGreaterThan(100)
  })

  it.each(lessons.map((l) => [l.dir, l] as const))('%s', (dir, lesson) => {
    const num = dir.slice(0, 2)
    const named = new Set<Row>()
    const errors: string[] = []
    for (const entry of lesson.meta.seedSections) {
      const seed = entry.slice(0, 3)
      const path = entry.slice(4).split(' / ').map(normalize)
      let scope = rows.filter((r) => r.seed === seed)
      let row: Row | undefined
      for (const part of path) {
        row = scope.find((r) => r.key === part) ?? scope.find((r) => r.key.startsWith(part))
        if (!row) break
        const parent = row
        scope = rows.filter((r) => ancestors(r).includes(parent))
      }
      if (!row) {
        errors.push(`"${entry}" names no row of the table`)
        continue
      }
      named.add(row)
      const target = row
      const underIt = rows.filter((r) => r === target || ancestors(r).includes(target))
      if (!underIt.some((r) => r.lessons.includes(num))) errors.push(`"${entry}" is not mapped to lesson ${num} in the table`)
    }
    for (const row of rows.filter((r) => r.lessons.includes(num))) {
      const related = [row, ...ancestors(row), ...rows.filter((r) => ancestors(r).includes(row))]
      if (!related.some((r) => named.has(r))) errors.push(`table row "${row.seed} ${row.heading}" → ${num} is missing from seedSections`)
    }
    expect(errors).toEqual([])
  })
})
