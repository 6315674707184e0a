import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CaptureFileError, parseCaptureText, readCaptureFile, replayCaptureFile } from '../../src/main/host/capture-file'

const FIXTURE = join(__dirname, '../fixtures/captures/win-zh-lenovo-20fw-ready.capture.json')
const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'virtlab-capture-read-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('opening a capture file', () => {
  it('replays a real capture', async () => {
    const dir = tempDir()
    copyFileSync(FIXTURE, join(dir, 'student.json'))
    expect((await replayCaptureFile(join(dir, 'student.json'))).source).toBe('replay')
  })

  it.skipIf(process.platform === 'win32')('refuses a FIFO without opening it (no hang)', async () => {
    const fifo = join(tempDir(), 'pipe.json')
    execFileSync('mkfifo', [fifo])
    await expect(readCaptureFile(fifo)).rejects.toThrow(/pipe\.json: not a regular file/)
  })

  it.skipIf(process.platform === 'win32')('refuses a symlink to /dev/zero (no endless read)', async () => {
    const link = join(tempDir(), 'zero.json')
    symlinkSync('/dev/zero', link)
    await expect(readCaptureFile(link)).rejects.toThrow(/zero\.json: not a regular file/)
  })

  it('refuses a folder, a missing file and a file over the limit', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'folder.json'))
    await expect(readCaptureFile(join(dir, 'folder.json'))).rejects.toThrow(/not a regular file/)
    await expect(readCaptureFile(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot be read \(ENOENT\)/)
    writeFileSync(join(dir, 'big.json'), 'x'.repeat(2048))
    await expect(readCaptureFile(join(dir, 'big.json'), 1024)).rejects.toThrow(CaptureFileError)
    await expect(readCaptureFile(join(dir, 'big.json'), 1024)).rejects.toThrow(/larger than/)
    expect(await readCaptureFile(join(dir, 'big.json'), 2048)).toHaveLength(2048)
  })
})

describe('capture fields', () => {
  const base = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>
  it.each([
    ['capturedAt', 'yesterday', /capturedAt/],
    ['capturedAt', `2026-01-01T00:00:00Z${' '.repeat(5000)}`, /capturedAt/],
    ['capturedAt', '2026-13-45T99:00:00Z', /capturedAt/],
    ['appVersion', 'x'.repeat(41), /appVersion/],
    ['appVersion', '1.0 \u001b]0;pwned\u0007', /appVersion/],
    ['appVersion', '', /appVersion/],
  ])('refuses %s = %j', (field, value, message) => {
    expect(() => parseCaptureText(JSON.stringify({ ...base, [field]: value }), 'x.json')).toThrow(message)
  })
  it('accepts real versions and times', () => {
    for (const appVersion of ['0.1.0', '0.2.0-beta.1+build.5', 'fixture'])
      for (const capturedAt of ['2026-03-01T08:00:00Z', '2026-03-01T16:00:00.123+08:00'])
        expect(parseCaptureText(JSON.stringify({ ...base, appVersion, capturedAt })).appVersion).toBe(appVersion)
  })
})
