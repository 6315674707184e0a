import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HostReportSchema } from '../../src/shared/host/report'
import { collectCapture, currentEnvironment } from '../../src/main/host/collect'
import { evaluateCapture } from '../../src/main/host/evaluate'

const linux = process.platform === 'linux'

describe.runIf(linux)('the live check on this Linux machine', () => {
  it('reads the machine and concludes what the machine itself shows', async () => {
    const progress: number[] = []
    const capture = await collectCapture({
      env: currentEnvironment(join(__dirname, '../../resources')),
      appVersion: 'test',
      onProgress: ({ pending }) => progress.push(pending.length),
    })
    const report = HostReportSchema.parse(evaluateCapture(capture, { source: 'live' }))
    const status = (id: string) => report.checks.find((c) => c.id === id)?.status

    // Progress arrived while probes were still pending, and ended with none pending.
    expect(progress.length).toBeGreaterThan(3)
    expect(progress.some((n) => n > 0)).toBe(true)

    // An independent reading of /proc/cpuinfo decides what the CPU checks must say.
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
    const flags = new Set((/^flags\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? '').split(/\s+/))
    const vt = flags.has('vmx') || flags.has('svm')
    expect(status('host.arch')).toBe(process.arch === 'x64' ? 'pass' : 'fail')
    expect(status('cpu.vt-extensions')).toBe(vt ? 'pass' : 'fail')
    if (flags.has('hypervisor')) {
      expect(report.position.isGuest).toBe(true)
      expect(status('host.virtual-machine')).toBe(vt ? 'warn' : 'fail')
      if (!vt) expect(report.verdict.status).toBe('action-needed')
    }
    expect(status('windows.hypervisor')).toBe('skip')
    // /dev/kvm: the check agrees with the device itself.
    const kvm = report.checks.find((c) => c.id === 'kvm.available')!
    expect(kvm.facts.exists).toBe(existsSync('/dev/kvm'))
    // No VMware here: installed is "to do" (Lab 1) with a fix, and no VMware item fails or passes.
    if (!existsSync('/usr/bin/vmware') && !existsSync('/etc/vmware')) {
      expect(status('vmware.installed')).toBe('todo')
      expect(report.checks.filter((c) => c.id.startsWith('vmware.') && c.status === 'fail')).toEqual([])
      expect(report.checks.find((c) => c.id === 'vmware.installed')!.fix.length).toBeGreaterThan(0)
    }
    expect(report.checks.find((c) => c.id === 'memory')!.facts.totalBytes).toBeGreaterThan(0)
  })
})

describe('a failing probe is unknown, never a pass', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('%s: every probe timed out', async (platform) => {
    const ids = {
      linux: ['linux.cpuinfo', 'linux.dmesg', 'linux.modules', 'linux.kvm-device', 'linux.detect-virt', 'linux.dmi', 'linux.os-release', 'si.cpu', 'si.mem', 'host.vm-folder', 'vmware.version'],
      win32: ['win.computersystem', 'win.processor', 'win.os', 'win.deviceguard', 'win.optional-features', 'win.services', 'win.netadapters', 'win.vmware-registry', 'si.cpu', 'si.mem', 'host.vm-folder'],
      darwin: ['mac.sysctl', 'mac.sw_vers', 'mac.applications', 'si.cpu', 'si.mem', 'host.vm-folder'],
    }[platform]
    const probes = Object.fromEntries(ids.map((id) => [id, { ok: false as const, error: { kind: 'timeout' as const, message: 'deadline' } }]))
    const report = evaluateCapture(
      { format: 'virtlab.capture', version: 1, capturedAt: '2026-01-01T00:00:00Z', appVersion: 't', platform, arch: 'x64', redacted: false, probes },
      { source: 'replay' },
    )
    const passing = report.checks.filter((c) => c.status === 'pass' && c.id !== 'host.arch').map((c) => c.id)
    expect(passing).toEqual([])
    expect(['unknown', 'action-needed']).toContain(report.verdict.status)
    expect(report.verdict.status).not.toBe('ready')
  })
})
