import { readFileSync, writeFileSync } from 'node:fs'
import { tempDir } from '../support/temp'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HostReportSchema } from '../../src/shared/host/report'
import { runCli } from '../../src/main/cli/run-cli'

const captures = join(__dirname, '../fixtures/captures')

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

describe('virtlab check', () => {
  it('--replay --json prints the documented report shape; exit 1 for action-needed', async () => {
    const { code, stdout } = await cli('check', '--replay', join(captures, 'linux-kvm-disabled-by-bios-dmesg-kvm-ok.capture.json'), '--json')
    const report = JSON.parse(stdout)
    expect(HostReportSchema.parse(report).schema).toBe('virtlab.host-report/1')
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['schema', 'generatedAt', 'host', 'checks', 'hypervisors', 'verdict']))
    expect(Object.keys(report.host)).toEqual(['os', 'osVersion', 'arch', 'cpu', 'memoryBytes', 'manufacturer', 'model'])
    expect(report.verdict.status).toBe('action-needed')
    expect(code).toBe(1)
  })

  it('exit 0 for a ready machine; the readable report in Chinese and English', async () => {
    const file = join(captures, 'win-zh-lenovo-20fw-ready.capture.json')
    const zh = await cli('check', '--replay', file, '--lang', 'zh-CN')
    expect(zh.code).toBe(0)
    expect(zh.stdout).toContain('结论: 已就绪')
    expect(zh.stdout).toContain('CPU 与固件')
    const en = await cli('check', '--replay', file, '--lang', 'en')
    expect(en.stdout).toContain('Verdict: Ready')
    expect(en.stdout).toContain('(replayed from a capture file)')
  })

  it('shows the firmware guide for this laptop when firmware is off', async () => {
    const { stdout } = await cli('check', '--replay', join(captures, 'win-en-findstr-firmware-off.capture.json'), '--lang', 'en')
    expect(stdout).toMatch(/Virtualization is turned off in BIOS\/UEFI/)
    expect(stdout).toMatch(/Entering BIOS\/UEFI/)
  })

  it('exit 2 with a clear message for bad input', async () => {
    const dir = tempDir('cli-')
    const truncated = join(dir, 'bad.json')
    writeFileSync(truncated, readFileSync(join(captures, 'mac-apple-silicon-m3-max.capture.json'), 'utf8').slice(0, 200))
    const bad = await cli('check', '--replay', truncated)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/truncated/)
    expect((await cli('check', '--replay', join(dir, 'missing.json'))).code).toBe(2)
    expect((await cli('check', '--lang', 'fr')).stderr).toMatch(/--lang must be zh-CN or en/)
    expect((await cli('frobnicate')).code).toBe(2)
    expect((await cli('check', '--capture', 'a', '--replay', 'b')).code).toBe(2)
  })

  it('Apple silicon is unsupported and says what to use instead', async () => {
    const { code, stdout } = await cli('check', '--replay', join(captures, 'mac-apple-silicon-m3-max.capture.json'), '--lang', 'en')
    expect(code).toBe(1)
    expect(stdout).toMatch(/Unsupported/)
    expect(stdout).toMatch(/VMware Fusion/)
  })
})
