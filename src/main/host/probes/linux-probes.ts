import { constants, existsSync } from 'node:fs'
import { access, open, readdir, readFile, stat } from 'node:fs/promises'
import { customProbe } from './run-probe'
import type { ProbeSpec } from './spec'

const DMI_FIELDS = ['sys_vendor', 'product_name', 'product_version', 'board_vendor', 'board_name', 'bios_vendor', 'bios_version', 'bios_date']

const custom = customProbe

/** /dev/kvm: does it exist, may this user use it, and does it open. */
async function kvmDevice(): Promise<string> {
  try {
    await stat('/dev/kvm')
  } catch (error) {
    return JSON.stringify({ exists: false, readable: false, writable: false, opened: false, error: (error as Error).message })
  }
  const can = async (mode: number): Promise<boolean> => access('/dev/kvm', mode).then(() => true, () => false)
  const readable = await can(constants.R_OK)
  const writable = await can(constants.W_OK)
  let opened = false
  let error: string | undefined
  try {
    const handle = await open('/dev/kvm', constants.O_RDWR)
    await handle.close()
    opened = true
  } catch (e) {
    error = (e as Error).message
  }
  return JSON.stringify({ exists: true, readable, writable, opened, ...(error ? { error } : {}) })
}

/** WSL's marks: the interop binfmt entry (WSL1 and 2), /run/WSL (WSL2), the distro variable. */
async function wslMarks(): Promise<string> {
  const exists = async (path: string): Promise<boolean> => stat(path).then(() => true, () => false)
  return JSON.stringify({
    interop: (await exists('/proc/sys/fs/binfmt_misc/WSLInterop')) || (await exists('/proc/sys/fs/binfmt_misc/WSLInterop-late')),
    runWsl: await exists('/run/WSL'),
    distro: process.env.WSL_DISTRO_NAME ?? null,
  })
}

/** kvm-ok lives in /usr/sbin, which a student's PATH often lacks. */
function kvmOkCommand(): string {
  return ['/usr/sbin/kvm-ok', '/usr/bin/kvm-ok'].find((path) => existsSync(path)) ?? 'kvm-ok'
}

export function linuxProbes(): ProbeSpec[] {
  return [
    { id: 'linux.cpuinfo', kind: 'file', path: '/proc/cpuinfo' },
    { id: 'linux.proc-version', kind: 'file', path: '/proc/version', maxBytes: 4096 },
    custom('linux.wsl', wslMarks),
    { id: 'linux.lscpu', kind: 'command', command: 'lscpu', args: [], timeoutMs: 4000 },
    // Exits 1 when KVM can NOT be used; its words are kept either way. Missing when cpu-checker is not installed.
    { id: 'linux.kvm-ok', kind: 'command', command: kvmOkCommand(), args: [], timeoutMs: 4000 },
    { id: 'linux.meminfo', kind: 'file', path: '/proc/meminfo', maxBytes: 16 * 1024 },
    { id: 'linux.modules', kind: 'file', path: '/proc/modules' },
    { id: 'linux.os-release', kind: 'file', path: '/etc/os-release', maxBytes: 16 * 1024 },
    custom('linux.kvm-device', kvmDevice),
    {
      id: 'linux.dmesg',
      kind: 'command',
      command: 'dmesg',
      args: [],
      timeoutMs: 4000,
      keepLines: /kvm|vmx|svm|virtualiz|hypervisor|DMAR|AMD-Vi|IOMMU/i,
    },
    { id: 'linux.detect-virt', kind: 'command', command: 'systemd-detect-virt', args: ['--vm'], timeoutMs: 4000 },
    custom('linux.dmi', async () => {
      const lines: string[] = []
      for (const field of DMI_FIELDS) {
        try {
          lines.push(`${field}: ${(await readFile(`/sys/class/dmi/id/${field}`, 'utf8')).trim()}`)
        } catch {
          /* a missing field is simply absent */
        }
      }
      if (lines.length === 0) throw Object.assign(new Error('no /sys/class/dmi/id'), { code: 'ENOENT' })
      return lines.join('\n')
    }),
    custom('linux.iommu', async () => (await readdir('/sys/class/iommu')).join('\n')),
    { id: 'linux.ip-addr', kind: 'command', command: 'ip', args: ['-j', 'addr', 'show'], timeoutMs: 4000 },
    custom('hv.xen', async () => (await readFile('/sys/hypervisor/type', 'utf8')).trim()),
  ]
}
