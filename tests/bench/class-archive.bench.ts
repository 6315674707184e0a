import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, bench, describe } from 'vitest'
import { importArchive } from '../../src/main/records/class-import'
import { ClassRoster } from '../../src/main/records/class-roster'
import { classZip } from '../support/class-reports'
import { tempDir } from '../support/records'

// A class of 200 students as one .zip (a folder per student), as a course platform exports it.
const dir = tempDir('virtlab-bench-zip-')
const zip = join(dir, 'class.zip')
writeFileSync(zip, classZip(200))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('class archive', () => {
  bench(
    'import 200 reports from one zip into the class table (goal ≤ 2 s)',
    async () => {
      const roster = new ClassRoster()
      await importArchive(roster, zip, 'class.zip')
      if (roster.view().rows.length !== 200) throw new Error(`imported ${roster.view().rows.length} of 200`)
    },
    { iterations: 5, time: 0 },
  )
})
