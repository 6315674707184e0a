import { existsSync } from 'node:fs'
import { statfs } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import si from 'systeminformation'
import { customProbe } from './run-probe'
import type { ProbeEnvironment, ProbeSpec } from './spec'

function siProbe(id: string, read: () => Promise<unknown>): ProbeSpec {
  return customProbe(id, async () => JSON.stringify(await read()))
}

/** Where VMware puts new VMs by default on this platform. */
export function defaultVmFolder(env: ProbeEnvironment): string {
  if (env.platform === 'win32') return join(env.env.USERPROFILE ?? env.homeDir, 'Documents', 'Virtual Machines')
  if (env.platform === 'darwin') return join(env.homeDir, 'Virtual Machines.localized')
  return join(env.homeDir, 'vmware')
}

/** Free space of the folder VMs go to, or of its nearest existing parent. */
export function vmFolderProbe(folder: string): ProbeSpec {
  return customProbe('host.vm-folder', async () => {
    let path = folder
    while (!existsSync(path) && dirname(path) !== path) path = dirname(path)
    const stats = await statfs(path)
    return JSON.stringify({ path, requested: folder, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize })
  })
}

export function commonProbes(env: ProbeEnvironment): ProbeSpec[] {
  const probes: ProbeSpec[] = [
    siProbe('si.cpu', () => si.cpu()),
    siProbe('si.mem', async () => ({ total: (await si.mem()).total })),
    siProbe('si.os', () => si.osInfo()),
  ]
  // On Windows these two would each start a PowerShell; the host probe already reads the same classes.
  if (env.platform !== 'win32') probes.push(siProbe('si.system', () => si.system()), siProbe('si.bios', () => si.bios()))
  probes.push(vmFolderProbe(defaultVmFolder(env)))
  const versions: [string, string, string[]][] = [
    ['hv.virtualbox', 'VBoxManage', ['--version']],
    ['hv.docker', 'docker', ['--version']],
    ['hv.podman', 'podman', ['--version']],
  ]
  if (env.platform !== 'win32') {
    versions.push(['hv.qemu', env.arch === 'arm64' ? 'qemu-system-aarch64' : 'qemu-system-x86_64', ['--version']])
    versions.push(['hv.libvirt', 'virsh', ['--version']])
  }
  for (const [id, command, args] of versions) probes.push({ id, kind: 'command', command, args, timeoutMs: 4000 })
  return probes
}
