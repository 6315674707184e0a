import iconv from 'iconv-lite'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run-cli'
import { importArchive, importPath } from '../../src/main/records/class-import'
import { ClassRoster } from '../../src/main/records/class-roster'
import { readReportArchive } from '../../src/main/records/report-archive'
import { listReportFiles } from '../../src/main/records/report-files'
import type { ClassView } from '../../src/shared/records/class-view'
import { describeRejection } from '../../src/shared/records/words'
import { REPORTS_DIR, tempDir } from '../support/records'
import { buildZip, deflatedZeros } from '../support/zip'

const made: string[] = []
const dir = (): string => {
  const d = tempDir('virtlab-archive-')
  made.push(d)
  return d
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true })
})

const samples = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.virtlab-report.json'))
const sample = (f: string): Buffer => readFileSync(join(REPORTS_DIR, f))
const bad = readdirSync(join(REPORTS_DIR, 'bad'))

function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  return runCli(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }).then((code) => ({ code, out, err }))
}

/** The sample folder as a zip: the same paths, `bad/` included. */
function samplesZip(): Buffer {
  // bad/ first and reversed: zip tools write entries in any order; the import reads them sorted.
  return buildZip([
    ...[...bad].reverse().map((f) => ({ name: `bad/${f}`, data: readFileSync(join(REPORTS_DIR, 'bad', f)) })),
    ...samples.map((f) => ({ name: f, data: sample(f) })),
  ])
}

describe('class archives (.zip)', () => {
  it('reads nested folders, Chinese names in UTF-8 (flag set) and GBK (no flag), and zips inside the zip', async () => {
    const inner = buildZip([{ name: '作业/李四.virtlab-report.json', data: sample(samples[1]!) }])
    const zip = buildZip([
      { name: '计科2301/张三_2023010101/报告.virtlab-report.json', data: sample(samples[0]!) },
      { name: iconv.encode('计科2301/王五_2023010203/实验报告.virtlab-report.json', 'gbk'), utf8: false, data: sample(samples[2]!) },
      { name: '计科2301/李四/提交.zip', data: inner },
      { name: '__MACOSX/计科2301/._报告.virtlab-report.json', data: Buffer.from('junk') },
      { name: '计科2301/说明.txt', data: Buffer.from('not a report') },
    ])
    const read = await readReportArchive(zip)
    // In folder-walk order (names sorted), whatever order the zip holds them in.
    expect(read.entries.map((e) => e.name)).toEqual([
      '计科2301/张三_2023010101/报告.virtlab-report.json',
      '计科2301/李四/提交.zip/作业/李四.virtlab-report.json',
      '计科2301/王五_2023010203/实验报告.virtlab-report.json',
    ])
    expect(read.entries.every((e) => e.result.ok)).toBe(true)
    const roster = new ClassRoster()
    await importArchive(roster, zip, '全班.zip')
    // One top folder shared by every entry is dropped from the names.
    expect(roster.view().rows.map((r) => r.file)).toEqual([
      '全班.zip/张三_2023010101/报告.virtlab-report.json',
      '全班.zip/李四/提交.zip/作业/李四.virtlab-report.json',
      '全班.zip/王五_2023010203/实验报告.virtlab-report.json',
    ])
  })

  it('refuses a zip bomb (1 GiB of zeros) from its directory, before inflating, in well under a second', async () => {
    const zeros = deflatedZeros(1024 * 1024 * 1024)
    const zip = buildZip([{ name: 'report.virtlab-report.json', data: Buffer.alloc(0), compressed: zeros.compressed, realSize: 1024 * 1024 * 1024, crc: zeros.crc }])
    expect(zip.length).toBeLessThan(2 * 1024 * 1024)
    const started = performance.now()
    const roster = new ClassRoster()
    await importArchive(roster, zip, 'bomb.zip')
    expect(performance.now() - started).toBeLessThan(1000)
    const [refused] = roster.view().rejected
    expect(refused).toMatchObject({ file: 'bomb.zip', code: 'archive-refused', facts: { limit: 'ratio' } })
    expect(describeRejection(refused!, 'zh-CN')).toMatch(/^压缩包被拒绝：压缩比 \d+:1，超过上限 200:1/)
    expect(describeRejection(refused!, 'en')).toMatch(/^Archive refused: compression ratio/)
  })

  it('refuses by total size, by entry count and by nesting depth; and when the headers lie, while streaming', async () => {
    const many = buildZip(Array.from({ length: 30 }, (_, i) => ({ name: `${i}.json`, data: Buffer.from('{}') })))
    await expect(readReportArchive(many, { limits: { maxEntries: 20 } })).rejects.toMatchObject({ code: 'archive-refused', facts: { limit: 'entries', count: 30, max: 20 } })
    const big = buildZip([{ name: 'a.json', data: Buffer.alloc(4096, 0x20), method: 0 }])
    await expect(readReportArchive(big, { limits: { maxTotalBytes: 1000 } })).rejects.toMatchObject({ facts: { limit: 'total-size' } })
    const zipIn = (name: string, inner: Buffer): Buffer => buildZip([{ name, data: inner }])
    const level3 = zipIn('b.zip', zipIn('c.zip', zipIn('d.zip', buildZip([{ name: 'e.json', data: Buffer.from('{}') }]))))
    await expect(readReportArchive(level3)).rejects.toMatchObject({ facts: { limit: 'nesting', max: 2 } })
    // The directory says 100 bytes; the data inflates to 8 MiB of zeros.
    const zeros = deflatedZeros(8 * 1024 * 1024)
    const liar = buildZip([{ name: 'small.json', data: Buffer.alloc(0), compressed: zeros.compressed, claimSize: 100, crc: zeros.crc }])
    await expect(readReportArchive(liar)).rejects.toMatchObject({ code: 'archive-refused', facts: { limit: 'entry-size' } })
  })

  it('files that are not reports (screenshots, PDFs) are never inflated and do not count toward the size limit', async () => {
    const { randomBytes } = await import('node:crypto')
    const zip = buildZip([
      { name: 'a/screenshot.png', data: randomBytes(2 * 1024 * 1024), method: 0 },
      { name: 'a/report.virtlab-report.json', data: sample(samples[0]!) },
    ])
    const read = await readReportArchive(zip, { limits: { maxTotalBytes: 1024 * 1024 } })
    expect(read.entries.map((e) => [e.name, e.result.ok])).toEqual([['a/report.virtlab-report.json', true]])
  })

  it('an archive that is not a zip, or a damaged one, is one rejected line in the reader’s words', async () => {
    const roster = new ClassRoster()
    await importArchive(roster, Buffer.from('PK\u0003\u0004 not really'), 'broken.zip')
    const [r] = roster.view().rejected
    expect(r).toMatchObject({ file: 'broken.zip', code: 'archive-unreadable', facts: { read: 'not-zip' } })
    expect(describeRejection(r!, 'zh-CN')).toBe('无法打开压缩包：不是有效的 .zip 文件，或文件已损坏')
  })
})

describe('through IPC', () => {
  it('a dropped zip (bytes) imports; the Excel export writes the rows shown', async () => {
    const { createTestApp } = await import('../support/services')
    const app = createTestApp({ systemLocale: 'zh-CN' })
    made.push(app.userDataDir)
    const view = (await app.router.invoke('records:importArchive', ['班级.zip', new Uint8Array(samplesZip())])) as ClassView
    expect(view.rows).toHaveLength(samples.length)
    expect(view.rejected).toHaveLength(bad.length)
    const out = join(dir(), 'class.xlsx')
    app.savePaths.push(out)
    expect(await app.router.invoke('records:exportClassXlsx', [[view.rows[0]!.id]])).toEqual({ path: out })
    const { default: ExcelJS } = await import('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(book.worksheets[0]!.name).toBe('班级汇总')
    expect(book.worksheets[0]!.rowCount).toBe(2)
    expect(book.worksheets[0]!.getRow(1).getCell(5).value).toBe('实验 0 状态')
    // Not bytes: refused at the IPC boundary.
    await expect(app.router.invoke('records:importArchive', ['x.zip', 'PK'])).rejects.toThrow()
  })
})

describe('virtlab class summary on a zip', () => {
  it('gives the same rows and rejections as on the folder', async () => {
    const zipPath = join(dir(), 'reports.zip')
    writeFileSync(zipPath, samplesZip())
    const folder = await cli(['class', 'summary', REPORTS_DIR, '--lang', 'zh-CN'])
    const zipped = await cli(['class', 'summary', zipPath, '--lang', 'zh-CN'])
    expect(folder.code).toBe(1)
    expect(zipped.code).toBe(folder.code)
    expect(zipped.out).toBe(folder.out)
    expect(folder.out).toContain(`${samples.length} 名学生, ${bad.length} 个文件未导入`)
  })

  it('writes the same CSV from the zip as from the folder, and an .xlsx with a frozen header', async () => {
    const d = dir()
    writeFileSync(join(d, 'reports.zip'), samplesZip())
    await cli(['class', 'summary', REPORTS_DIR, '--csv', join(d, 'a.csv'), '--lang', 'en'])
    const r = await cli(['class', 'summary', join(d, 'reports.zip'), '--csv', join(d, 'b.csv'), '--xlsx', join(d, 'b.xlsx'), '--lang', 'en'])
    expect(r.err).toContain('Excel file written: b.xlsx')
    expect(readFileSync(join(d, 'b.csv'), 'utf8')).toBe(readFileSync(join(d, 'a.csv'), 'utf8'))
    const { default: ExcelJS } = await import('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(d, 'b.xlsx'))
    const ws = book.worksheets[0]!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.getRow(1).getCell(5).value).toBe('Lab 0 status')
    expect(ws.rowCount).toBe(samples.length + 1)
    expect(typeof ws.getRow(2).getCell(6).value).toBe('number')
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(6)
  })

  it('a zip bomb: one clear line, exit 2, no stack trace, in under a second', async () => {
    const zeros = deflatedZeros(1024 * 1024 * 1024)
    const bomb = join(dir(), 'bomb.zip')
    writeFileSync(bomb, buildZip([{ name: 'zeros.bin', data: Buffer.alloc(0), compressed: zeros.compressed, realSize: 1024 * 1024 * 1024, crc: zeros.crc }]))
    const started = performance.now()
    const r = await cli(['class', 'summary', bomb, '--lang', 'zh-CN'])
    expect(performance.now() - started).toBeLessThan(1000)
    expect(r.code).toBe(2)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/^virtlab: .*bomb\.zip: 压缩包被拒绝：压缩比/)
    expect(r.err).not.toMatch(/\bat \w|Error/)
  })

  it('an unwritable --csv is one line, exit 2', async () => {
    const r = await cli(['class', 'summary', REPORTS_DIR, '--csv', join(dir(), 'no/such/folder/x.csv'), '--lang', 'en'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^virtlab: cannot write .*x\.csv: the folder does not exist\n$/)
  })
})

describe('folder walks say what they leave out', () => {
  it('counts files too deep and beyond the file limit, and the roster lists them', async () => {
    const d = dir()
    const deep = join(d, 'a/b/c')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(deep, { recursive: true })
    writeFileSync(join(deep, 'x.json'), '{}')
    for (let i = 0; i < 3; i += 1) writeFileSync(join(d, `${i}.json`), '{}')
    const list = await listReportFiles(d, { maxDepth: 2, maxFiles: 2 })
    expect(list.files).toHaveLength(2)
    expect(list.overLimit).toBe(1)
    expect(list.tooDeep).toBe(1)
    const roster = new ClassRoster()
    await importPath(roster, d, { label: 'class' })
    expect(roster.view().rejected.filter((r) => r.code === 'too-deep' || r.code === 'too-many')).toEqual([])
    expect(describeRejection({ code: 'too-deep', facts: { count: 3, max: 8 } }, 'zh-CN')).toBe('文件夹层级过深：3 个文件在超过 8 层的子文件夹里，没有读取')
  })

  it('virtlab class summary says how many files lay too deep instead of dropping them silently', async () => {
    const d = dir()
    const deep = join(d, '1/2/3/4/5/6/7/8/9')
    const { mkdirSync, copyFileSync } = await import('node:fs')
    mkdirSync(deep, { recursive: true })
    copyFileSync(join(REPORTS_DIR, samples[0]!), join(deep, samples[0]!))
    copyFileSync(join(REPORTS_DIR, samples[1]!), join(d, samples[1]!))
    const r = await cli(['class', 'summary', d, '--lang', 'zh-CN'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('1 名学生, 1 个文件未导入')
    expect(r.out).toMatch(/FAIL {2}\S+ {2}文件夹层级过深：1 个文件在超过 8 层的子文件夹里，没有读取/)
  })
})

describe('rejection reasons in Chinese', () => {
  it('follow the Chinese typography rules and carry no English from JSON.parse or zod', async () => {
    const { checkZh } = await import('../../src/shared/i18n/zh-typography')
    const { verifyReportText } = await import('../../src/main/records/integrity')
    const texts = [
      ...bad.map((f) => verifyReportText(readFileSync(join(REPORTS_DIR, 'bad', f), 'utf8'))),
      verifyReportText('{"a": [1, 2 3]}'),
      verifyReportText('x'.repeat(6 * 1024 * 1024)),
    ].map((r) => (r.ok ? '' : describeRejection({ code: r.code, facts: r.facts ?? {} }, 'zh-CN')))
    const facts = [
      { code: 'archive-refused', facts: { limit: 'total-size', sizeBytes: 2 ** 31, limitBytes: 2 ** 29 } },
      { code: 'archive-refused', facts: { limit: 'entries', count: 30000, max: 20000 } },
      { code: 'archive-refused', facts: { limit: 'nesting', max: 2 } },
      { code: 'archive-unreadable', facts: { read: 'encrypted' } },
      { code: 'unreadable', facts: { read: 'not-a-file' } },
      { code: 'duplicate-student', facts: { studentNumber: '2023010101', other: 'a.json', otherAt: '2026-03-02T01:00:00.000Z', replaced: true } },
      { code: 'duplicate-file', facts: { other: 'a.json' } },
      { code: 'too-many', facts: { count: 3, max: 10000 } },
    ] as const
    for (const f of facts) texts.push(describeRejection(f, 'zh-CN'))
    for (const text of texts) {
      expect(checkZh(text), text).toEqual([])
      expect(text).not.toMatch(/Expected|Unexpected|Invalid|position|received/)
    }
  })
})
