import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run-cli'
import { classCsv, csvCell } from '../../src/main/records/class-export'
import { ClassRoster } from '../../src/main/records/class-roster'
import { serializeReport, verifyReportText } from '../../src/main/records/integrity'
import type { ClassView, ImportFile } from '../../src/shared/records/class-view'
import type { LabReport } from '../../src/shared/records/report'
import { createTestApp } from '../support/services'
import { REPORTS_DIR, STUDENT, manualStep, recordsService, tempDir } from '../support/records'

const samples = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.virtlab-report.json'))
const sample = (f: string) => readFileSync(join(REPORTS_DIR, f), 'utf8')

async function reportOf(profile = STUDENT, at = '2026-03-02T01:00:00.000Z'): Promise<LabReport> {
  const service = recordsService({ now: () => new Date(at) })
  await service.setProfile(profile)
  await service.recordStep(manualStep('create-vm', 'prepare-iso', at))
  return service.report()
}

function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  return runCli(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }).then((code) => ({ code, out, err }))
}

describe('class roster (Teacher view)', () => {
  it('imports the samples, one row per student, with lab cells, completion time and verdict', () => {
    const roster = new ClassRoster()
    for (const f of samples) roster.add(f, verifyReportText(sample(f)))
    const view = roster.view()
    expect(view.rows).toHaveLength(samples.length)
    expect(view.rejected).toEqual([])
    expect(view.labs.map((l) => l.id)).toEqual(['host-readiness', 'install-workstation', 'network-configuration', 'create-vm', 'install-os'])
    const zhang = view.rows.find((r) => r.student.studentNumber === '2023010101')!
    expect(zhang.labsCompleted).toBe(5)
    expect(zhang.completedAt).not.toBeNull()
    expect(zhang.verdict).toBe('ready')
    const li = view.rows.find((r) => r.student.studentNumber === '2023010102')!
    expect(li.labs['host-readiness']).toMatchObject({ status: 'in-progress', passed: 3 })
    expect(li.completedAt).toBeNull()
    expect(li.verdict).toBe('action-needed')
  })

  it('one bad file never stops the import, and every bad file is listed with its reason', () => {
    const roster = new ClassRoster()
    const files: [string, string][] = [
      [samples[0]!, sample(samples[0]!)],
      ['garbage.json', '{oops'],
      ...readdirSync(join(REPORTS_DIR, 'bad')).map((f): [string, string] => [`bad/${f}`, readFileSync(join(REPORTS_DIR, 'bad', f), 'utf8')]),
      [samples[1]!, sample(samples[1]!)],
    ]
    for (const [name, text] of files) roster.add(name, verifyReportText(text))
    const view = roster.view()
    expect(view.rows.map((r) => r.file)).toEqual([samples[0], samples[1]])
    expect(view.rejected.map((r) => [r.file, r.code])).toEqual([
      ['garbage.json', 'not-json'],
      ['bad/future-version.virtlab-report.json', 'unsupported-version'],
      ['bad/not-a-report.json', 'not-a-report'],
      ['bad/script-in-name.virtlab-report.json', 'invalid'],
      ['bad/tampered.virtlab-report.json', 'digest-mismatch'],
      ['bad/truncated.virtlab-report.json', 'not-json'],
      ['bad/wrong-types.virtlab-report.json', 'invalid'],
    ])
  })

  it('a second report of the same student keeps the newer one; the same file twice is a duplicate', async () => {
    const older = await reportOf(STUDENT, '2026-03-02T01:00:00.000Z')
    const newer = await reportOf(STUDENT, '2026-03-09T01:00:00.000Z')
    const roster = new ClassRoster()
    roster.add('new.json', verifyReportText(serializeReport(newer)))
    roster.add('old.json', verifyReportText(serializeReport(older)))
    roster.add('new-copy.json', verifyReportText(serializeReport(newer)))
    let view = roster.view()
    expect(view.rows.map((r) => r.file)).toEqual(['new.json'])
    expect(view.rejected.map((r) => [r.file, r.code])).toEqual([
      ['old.json', 'duplicate-student'],
      ['new-copy.json', 'duplicate-file'],
    ])
    // In the other order the newer one replaces the older row.
    roster.clear()
    roster.add('old.json', verifyReportText(serializeReport(older)))
    roster.add('new.json', verifyReportText(serializeReport(newer)))
    view = roster.view()
    expect(view.rows.map((r) => r.file)).toEqual(['new.json'])
    expect(view.rejected.map((r) => [r.file, r.code])).toEqual([['old.json', 'duplicate-student']])
  })
})

describe('class CSV', () => {
  it('is UTF-8 with a BOM, CRLF, localized headers, four columns per lab (status, passed, total, completed at), rows in the order asked', () => {
    const roster = new ClassRoster()
    for (const f of samples) roster.add(f, verifyReportText(sample(f)))
    const view = roster.view()
    const ids = [...view.rows].reverse().map((r) => r.id)
    const csv = classCsv(view, 'zh-CN', ids)
    expect(csv.startsWith('\uFEFF学号,姓名,班级,课程,')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines.at(-1)).toBe('')
    expect(lines).toHaveLength(view.rows.length + 2)
    const header = lines[0]!.split(',')
    expect(header.slice(4, 8)).toEqual(['实验 0 状态', '实验 0 已通过步骤', '实验 0 总步骤', '实验 0 完成时间'])
    expect(header).toContain('实验 4 完成时间')
    expect(header.length).toBe(4 + 5 * 4 + 9)
    expect(lines[1]!.startsWith(`${view.rows.at(-1)!.student.studentNumber},`)).toBe(true)
    const zhang = lines.find((l) => l.startsWith('2023010101,'))!.split(',')
    expect(zhang.slice(4, 8)).toEqual(['已完成', expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/)])
    expect(zhang[5]).toBe(zhang[6])
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(classCsv(view, 'en').slice(1).split('\r\n')[0]).toMatch(/^Student number,Name,Class,Course,/)
  })

  it('quotes what needs quoting and never lets a cell become a formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('a;b')).toBe('"a;b"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('=1;2')).toBe(`"'=1;2"`)
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(null)).toBe('')
    expect(csvCell(87.5)).toBe('87.5')
  })

  it('through IPC: import dropped files, export the CSV to where the teacher chose', async () => {
    const app = createTestApp({ systemLocale: 'en' })
    const files: ImportFile[] = samples.map((name) => ({ name, size: Buffer.byteLength(sample(name)), text: sample(name) }))
    files.push({ name: '<img src=x onerror=alert(1)>.json', size: 12, text: '{"schema":1}' })
    files.push({ name: 'huge.json', size: 50 * 1024 * 1024, text: null })
    const view = (await app.router.invoke('records:importReports', [files])) as ClassView
    expect(view.rows).toHaveLength(samples.length)
    expect(view.rejected.map((r) => r.code)).toEqual(['not-a-report', 'too-large'])
    const out = join(tempDir(), 'class.csv')
    app.savePaths.push(out)
    expect(await app.router.invoke('records:exportClassCsv', [null])).toEqual({ path: out })
    expect(readFileSync(out, 'utf8').startsWith('\uFEFFStudent number,')).toBe(true)
    const report = (await app.router.invoke('records:classReport', [view.rows[0]!.id])) as LabReport
    expect(report.student.studentNumber).toBe(view.rows[0]!.student.studentNumber)
    expect(((await app.router.invoke('records:clearClass', [])) as ClassView).rows).toEqual([])
  })

  it('through IPC: a folder chosen in the dialog is walked (sub-folders too)', async () => {
    const app = createTestApp()
    const dir = tempDir()
    mkdirSync(join(dir, 'student-a'))
    copyFileSync(join(REPORTS_DIR, samples[0]!), join(dir, 'student-a', samples[0]!))
    copyFileSync(join(REPORTS_DIR, samples[1]!), join(dir, samples[1]!))
    writeFileSync(join(dir, 'notes.txt'), 'not a report')
    app.openPaths.push([dir])
    const view = (await app.router.invoke('records:pickReports', ['folder'])) as ClassView
    expect(view.rows.map((r) => r.file).sort()).toEqual([samples[1], `student-a/${samples[0]!}`].sort())
    app.openPaths.push([])
    expect(await app.router.invoke('records:pickReports', ['files'])).toBeNull()
  })
})

describe('virtlab CLI', () => {
  it('report verify: one line per file, exit 0 when all are valid', async () => {
    const files = samples.map((f) => join(REPORTS_DIR, f))
    const { code, out } = await cli(['report', 'verify', '--lang', 'en', ...files])
    expect(code).toBe(0)
    const lines = out.trim().split('\n')
    expect(lines).toHaveLength(files.length)
    for (const line of lines) expect(line).toMatch(/^OK {4}.*virtlab-report\.json {2}.+ \(\d+\) · \d\/5 labs completed · sha256 [0-9a-f]{16}$/)
  })

  it('report verify: a tampered report fails, exit 1, and the valid ones still say OK', async () => {
    const { code, out } = await cli(['report', 'verify', '--lang', 'en', join(REPORTS_DIR, samples[0]!), join(REPORTS_DIR, 'bad/tampered.virtlab-report.json'), join(REPORTS_DIR, 'bad/script-in-name.virtlab-report.json')])
    expect(code).toBe(1)
    const lines = out.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^OK /)
    expect(lines[1]).toMatch(/^FAIL .*tampered.*Integrity check failed/)
    expect(lines[2]).toMatch(/^FAIL .*script-in-name.*student details/)
  })

  it('report verify with no file is a usage error (2); an unknown subcommand too', async () => {
    expect((await cli(['report', 'verify'])).code).toBe(2)
    expect((await cli(['report', 'sign', 'x'])).code).toBe(2)
  })

  it('class summary DIR --csv OUT: the table, the rejected files, the CSV; exit 1 when any file was refused', async () => {
    const dir = tempDir()
    for (const f of samples) copyFileSync(join(REPORTS_DIR, f), join(dir, f))
    const csv = join(tempDir(), 'out.csv')
    const clean = await cli(['class', 'summary', dir, '--csv', csv, '--lang', 'zh-CN'])
    expect(clean.code).toBe(0)
    expect(clean.out).toContain('张三')
    expect(clean.out).toContain(`${samples.length} 名学生, 0 个文件未导入`)
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFF学号')).toBe(true)
    copyFileSync(join(REPORTS_DIR, 'bad/tampered.virtlab-report.json'), join(dir, 'tampered.virtlab-report.json'))
    const dirty = await cli(['class', 'summary', dir, '--lang', 'en'])
    expect(dirty.code).toBe(1)
    expect(dirty.out).toMatch(/FAIL {2}tampered\.virtlab-report\.json {2}Integrity check failed/)
    expect((await cli(['class', 'summary', join(dir, 'nope')])).code).toBe(2)
  })
})
