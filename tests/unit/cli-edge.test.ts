import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run-cli'
import { terminalField, terminalOutput, terminalText } from '../../src/main/cli/terminal-text'

const CAPTURES = join(__dirname, '../fixtures/captures')
const REPORTS = join(__dirname, '../fixtures/reports')
const ESC = '\u001b'
// eslint-disable-next-line no-control-regex -- what must never reach the terminal
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/
const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'virtlab-cli-edge-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

/** One line, no stack trace. */
function oneClearLine(text: string): void {
  expect(text.trim().split('\n')).toHaveLength(1)
  expect(text).not.toMatch(/\n\s+at /)
}

/** A folder with one valid report, for `class summary`. */
function classFolder(): string {
  const dir = tempDir()
  const report = readFileSync(join(REPORTS, readdirFirst(REPORTS)), 'utf8')
  writeFileSync(join(dir, 'a.virtlab-report.json'), report)
  return dir
}
function readdirFirst(dir: string): string {
  const name = readdirSync(dir).find((n) => n.endsWith('.virtlab-report.json'))
  if (!name) throw new Error(`no report in ${dir}`)
  return name
}

describe('CLI write errors: one clear line in the CLI language, exit 2', () => {
  it('--csv into a folder that does not exist (ENOENT)', async () => {
    const dir = classFolder()
    const zh = await cli('class', 'summary', dir, '--csv', join(dir, 'no-such-folder', 'x.csv'), '--lang', 'zh-CN')
    expect(zh.code).toBe(2)
    oneClearLine(zh.stderr)
    expect(zh.stderr).toMatch(/无法写入 .*x\.csv：所在文件夹不存在/)
    const en = await cli('class', 'summary', dir, '--csv', join(dir, 'no-such-folder', 'x.csv'), '--lang', 'en')
    expect(en.stderr).toMatch(/cannot write .*x\.csv: the folder does not exist/)
  })

  it('--csv onto a folder (EISDIR)', async () => {
    const dir = classFolder()
    mkdirSync(join(dir, 'out.csv'))
    const { code, stderr } = await cli('class', 'summary', dir, '--csv', join(dir, 'out.csv'), '--lang', 'en')
    expect(code).toBe(2)
    oneClearLine(stderr)
    expect(stderr).toMatch(/it is a folder/)
  })

  it.skipIf(process.platform !== 'linux')('--csv onto a full disk (ENOSPC, /dev/full)', async () => {
    const { code, stderr } = await cli('class', 'summary', classFolder(), '--csv', '/dev/full', '--lang', 'zh-CN')
    expect(code).toBe(2)
    oneClearLine(stderr)
    expect(stderr).toMatch(/磁盘空间已满/)
  })

  it('--capture into a missing folder or onto a folder fails before probing', async () => {
    const dir = tempDir()
    const missing = await cli('check', '--capture', join(dir, 'nope', 'c.json'), '--lang', 'en')
    expect(missing.code).toBe(2)
    oneClearLine(missing.stderr)
    expect(missing.stderr).toMatch(/cannot write .*c\.json: the folder does not exist/)
    const folder = await cli('check', '--capture', dir, '--lang', 'zh-CN')
    expect(folder.code).toBe(2)
    expect(folder.stderr).toMatch(/这是一个文件夹/)
  })
})

describe('text from hostile files never reaches the terminal raw', () => {
  const hostile = `${ESC}]0;pwned${'\u0007'}${ESC}[2J${ESC}[H\u009b31m\u202e`

  it('the sanitiser removes escape sequences, C1 controls and bidi overrides', () => {
    expect(terminalText(`a${hostile}b\nc`)).toBe('a]0;pwned[2J[H31mb\nc')
    expect(terminalField('a\nb\r\tc')).toBe('a b c')
    // Only the CLI's own colours pass the last guard.
    expect(terminalOutput(`${ESC}[1;32mOK${ESC}[0m ${ESC}]0;t${'\u0007'}`)).toBe(`${ESC}[1;32mOK${ESC}[0m ]0;t`)
  })

  it('report verify: a file name and content with escape sequences', async () => {
    const dir = tempDir()
    const name = join(dir, `evil${hostile}.json`)
    writeFileSync(name, `${hostile} not json`)
    const { code, stdout, stderr } = await cli('report', 'verify', name, '--lang', 'en')
    expect(code).toBe(1)
    for (const text of [stdout, stderr]) {
      expect(text).not.toMatch(UNSAFE)
    }
    expect(stdout).toMatch(/^FAIL {2}.*evil\]0;pwned/)
  })

  it('check --replay: probe text with escape sequences', async () => {
    const capture = JSON.parse(readFileSync(join(CAPTURES, 'linux-amd-ryzen7-2700x-baremetal.capture.json'), 'utf8'))
    for (const id of ['linux.cpuinfo', 'linux.lscpu']) capture.probes[id].text = capture.probes[id].text.replace('Ryzen', `Ryzen${hostile}`)
    const file = join(tempDir(), 'hostile.json')
    writeFileSync(file, JSON.stringify(capture))
    for (const extra of [[], ['--verbose'], ['--json']]) {
      const { stdout, stderr } = await cli('check', '--replay', file, '--lang', 'en', ...extra)
      expect(stdout).toMatch(/Ryzen/)
      expect(stdout + stderr).not.toMatch(UNSAFE)
    }
  })

  it('a folder name with escape sequences is printed clean, on one line', async () => {
    const dir = tempDir()
    const { code, stderr } = await cli('class', 'summary', join(dir, `x${ESC}[2J`))
    expect(code).toBe(2)
    oneClearLine(stderr)
    expect(stderr).not.toContain(ESC)
  })
})
