import type { Check, Hypervisor } from '../../../shared/host/report'
import type { CheckContext } from '../context'
import { detail, L, makeCheck } from './build'

function firstLine(text: string | null): string | null {
  const line = text?.split(/\r?\n/).map((l) => l.trim()).find(Boolean)
  return line ? line.slice(0, 120) : null
}

function versionIn(text: string | null): string | null {
  const match = text ? /(\d+\.\d+(?:\.\d+)?(?:[\w.+-]*)?)/.exec(text) : null
  return match ? match[1]! : null
}

/** Other virtualization software found on the host. */
export function findHypervisors(ctx: CheckContext): Hypervisor[] {
  const out: Hypervisor[] = []
  const add = (id: string, name: string, installed: boolean, version: string | null, detailText: string | null): void => {
    if (!out.some((h) => h.id === id)) out.push({ id, name, installed, version, detail: detailText })
  }
  const cmd = (probe: string, id: string, name: string): void => {
    const text = ctx.text(probe)
    if (text !== null && text.trim() !== '' && !/not found|no such|command not/i.test(text)) add(id, name, true, versionIn(text), firstLine(text))
  }
  cmd('hv.virtualbox', 'virtualbox', 'Oracle VirtualBox')
  cmd('hv.qemu', 'qemu', 'QEMU')
  cmd('hv.libvirt', 'libvirt', 'libvirt (virsh)')
  cmd('hv.docker', 'docker', 'Docker')
  cmd('hv.podman', 'podman', 'Podman')
  const xen = ctx.text('hv.xen')
  if (xen !== null && /xen/i.test(xen)) add('xen', 'Xen', true, versionIn(xen), firstLine(xen))
  const modules = ctx.modules()
  if (modules?.has('kvm_intel') || modules?.has('kvm_amd')) add('kvm', 'KVM', true, null, modules.has('kvm_intel') ? 'kvm_intel' : 'kvm_amd')
  if (modules?.has('vboxdrv')) add('virtualbox', 'Oracle VirtualBox', true, null, 'vboxdrv')

  if (ctx.platform === 'win32') {
    for (const entry of ctx.winUninstall() ?? []) {
      const n = entry.displayName
      if (/VirtualBox/i.test(n)) add('virtualbox', 'Oracle VirtualBox', true, entry.displayVersion, n)
      else if (/Docker Desktop/i.test(n)) add('docker', 'Docker Desktop', true, entry.displayVersion, n)
      else if (/Podman/i.test(n)) add('podman', 'Podman Desktop', true, entry.displayVersion, n)
      else if (/QEMU/i.test(n)) add('qemu', 'QEMU', true, entry.displayVersion, n)
      else if (/VMware Player/i.test(n)) add('vmware-player', 'VMware Workstation Player', true, entry.displayVersion, n)
      else if (/Parallels/i.test(n)) add('parallels', 'Parallels', true, entry.displayVersion, n)
    }
    const features = ctx.winFeatures()
    if (features?.get('Microsoft-Hyper-V-All') === 'enabled' || features?.get('Microsoft-Hyper-V') === 'enabled')
      add('hyper-v', 'Microsoft Hyper-V', true, null, 'Windows feature Microsoft-Hyper-V')
    if (features?.get('Containers-DisposableClientVM') === 'enabled') add('sandbox', 'Windows Sandbox', true, null, 'Windows feature Containers-DisposableClientVM')
    const wsl = ctx.winWsl()
    if (wsl && wsl.length > 0)
      add('wsl', 'WSL', true, wsl.some((d) => d.version === 2) ? '2' : '1', wsl.map((d) => `${d.name} (WSL${d.version ?? '?'})`).join(', '))
  }
  if (ctx.platform === 'darwin') {
    const apps = ctx.applications() ?? []
    const app = (pattern: RegExp, id: string, name: string): void => {
      const found = apps.find((a) => pattern.test(a))
      if (found) add(id, name, true, null, found)
    }
    app(/^VMware Fusion/i, 'vmware-fusion', 'VMware Fusion')
    app(/^UTM/i, 'utm', 'UTM')
    app(/^Parallels Desktop/i, 'parallels', 'Parallels Desktop')
    app(/^VirtualBox/i, 'virtualbox', 'Oracle VirtualBox')
    app(/^Docker/i, 'docker', 'Docker Desktop')
  }
  return out
}

const PROBES = ['hv.virtualbox', 'hv.qemu', 'hv.libvirt', 'hv.docker', 'hv.podman', 'hv.xen', 'win.uninstall', 'win.optional-features', 'win.wsl', 'mac.applications', 'linux.modules']

export function checkOtherHypervisors(ctx: CheckContext, found: Hypervisor[]): Check {
  const collected = PROBES.filter((id) => ctx.probe(id) !== undefined)
  // A version command that is missing still answers the question ("not installed").
  const read = collected.filter((id) => {
    const result = ctx.probe(id)
    return result !== undefined && (result.ok || result.error.kind === 'missing')
  })
  const facts = { found: found.map((h) => ({ id: h.id, name: h.name, version: h.version })) }
  const evidence = found.slice(0, 6).map((h) => ({ probe: 'hypervisors', excerpt: `${h.name}${h.version ? ` ${h.version}` : ''}${h.detail ? ` — ${h.detail}` : ''}` }))
  const details = found.map((h) => detail('已安装', 'Installed', `${h.name}${h.version ? ` ${h.version}` : ''}`))
  if (read.length === 0)
    return makeCheck('hypervisors.other', 'unknown', { summary: L('没有收集到其他虚拟化软件的信息。', 'No information about other virtualization software was collected.'), facts })
  if (found.length === 0)
    return makeCheck('hypervisors.other', 'pass', {
      summary: L('没有发现其他虚拟化软件。', 'No other virtualization software found.'),
      facts,
    })
  const conflicts = found.filter((h) => ['hyper-v', 'sandbox', 'wsl', 'docker'].includes(h.id) && ctx.platform === 'win32')
  const names = found.map((h) => h.name).join(ctx.platform === 'win32' ? ', ' : ', ')
  return makeCheck('hypervisors.other', 'pass', {
    summary: L(
      `还装有：${found.map((h) => h.name).join('、')}。${conflicts.length ? '其中基于 Hyper-V 的软件会让 VMware 进入主机 VBS 模式（见上文）。' : '它们可以与 VMware 共存，但不要同时运行两种虚拟机软件的虚拟机。'}`,
      `Also installed: ${names}. ${conflicts.length ? 'The Hyper-V based ones put VMware into Host VBS mode (see above).' : 'They can live alongside VMware, but do not run VMs from two products at the same time.'}`,
    ),
    details,
    evidence,
    facts,
  })
}
