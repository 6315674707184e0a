import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tempDir } from '../support/temp'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CapturePlatform, ProbeResult } from '../../src/shared/host/capture'
import { CheckContext } from '../../src/main/host/context'
import { parseVmdkDescriptor, parseVmx } from '../../src/main/host/interpret/vmware'
import { runProbe } from '../../src/main/host/probes/run-probe'
import type { ProbeEnvironment, ProbeSpec } from '../../src/main/host/probes/spec'
import { MAX_VMX, vmFolderProbe, vmwareStage1, vmwareStage2, vmwareStage3 } from '../../src/main/host/probes/vmware-probes'
import { decodeVmx } from '../../src/main/host/text/decode'

const FIXTURES = join(__dirname, '..', 'fixtures', 'vmware')
const fixture = (rel: string): string => join(FIXTURES, rel)
const text = (rel: string): string => readFileSync(fixture(rel), 'utf8')
const ok = (t: string): ProbeResult => ({ ok: true, text: t })

const WIN_ENV: ProbeEnvironment = {
  platform: 'win32',
  arch: 'x64',
  env: { APPDATA: 'C:\\Users\\student\\AppData\\Roaming', ProgramData: 'C:\\ProgramData', USERPROFILE: 'C:\\Users\\student' },
  homeDir: 'C:\\Users\\student',
  resourcesDir: 'C:\\Program Files\\VirtLab Companion\\resources',
}
const LINUX_ENV: ProbeEnvironment = { platform: 'linux', arch: 'x64', env: {}, homeDir: '/home/student', resourcesDir: '/opt/virtlab/resources' }
const ctxOf = (platform: CapturePlatform, probes: Record<string, ProbeResult>): CheckContext => new CheckContext(platform, 'x64', probes)

function byId(specs: ProbeSpec[]): Map<string, ProbeSpec> {
  return new Map(specs.map((s) => [s.id, s]))
}

describe('stage 1', () => {
  it('reads the Windows files from ProgramData and APPDATA (VMware’s own .encoding honoured)', () => {
    const specs = byId(vmwareStage1(WIN_ENV))
    expect([...specs.keys()].sort()).toEqual(
      ['vmware.dhcp-conf', 'vmware.dhcp-leases', 'vmware.inventory', 'vmware.nat-conf', 'vmware.preferences', 'vmware.vm-folder'].sort(),
    )
    expect(specs.get('vmware.nat-conf')).toMatchObject({ kind: 'file', path: 'C:\\ProgramData\\VMware\\vmnetnat.conf' })
    expect(specs.get('vmware.dhcp-conf')).toMatchObject({ path: 'C:\\ProgramData\\VMware\\vmnetdhcp.conf' })
    expect(specs.get('vmware.dhcp-leases')).toMatchObject({ path: 'C:\\ProgramData\\VMware\\vmnetdhcp.leases' })
    expect(specs.get('vmware.preferences')).toMatchObject({ path: 'C:\\Users\\student\\AppData\\Roaming\\VMware\\preferences.ini', decode: 'vmx' })
    expect(specs.get('vmware.inventory')).toMatchObject({ path: 'C:\\Users\\student\\AppData\\Roaming\\VMware\\inventory.vmls', decode: 'vmx' })
    expect(specs.get('vmware.vm-folder')?.kind).toBe('custom')
  })

  it('reads the Linux files and runs vmware -v and vmrun list', () => {
    const specs = byId(vmwareStage1(LINUX_ENV))
    expect(specs.get('vmware.version')).toMatchObject({ kind: 'command', command: 'vmware', args: ['-v'] })
    expect(specs.get('vmware.vmrun-list')).toMatchObject({ kind: 'command', command: 'vmrun', args: ['-T', 'ws', 'list'] })
    expect(specs.get('vmware.linux-networking')).toMatchObject({ path: '/etc/vmware/networking' })
    expect(specs.get('vmware.nat-conf')).toMatchObject({ path: '/etc/vmware/vmnet8/nat/nat.conf' })
    expect(specs.get('vmware.dhcp-conf')).toMatchObject({ path: '/etc/vmware/vmnet8/dhcpd/dhcpd.conf' })
    expect(specs.get('vmware.dhcp-leases')).toMatchObject({ path: '/etc/vmware/vmnet8/dhcpd/dhcpd.leases' })
    expect(specs.get('vmware.preferences')).toMatchObject({ path: '/home/student/.vmware/preferences' })
    expect(specs.get('vmware.inventory')).toMatchObject({ path: '/home/student/.vmware/inventory.vmls' })
  })

  it('has nothing to read on macOS', () => {
    expect(vmwareStage1({ platform: 'darwin', arch: 'arm64', env: {}, homeDir: '/Users/student', resourcesDir: '/Applications/VirtLab Companion.app/Contents/Resources' })).toEqual([])
  })
})

describe('vm-folder probe', () => {
  function home(): string {
    return tempDir('virtlab-vmware-')
  }

  it('lists .vmx one level down in ~/vmware and in prefvmx.defaultVMPath', async () => {
    const dir = home()
    mkdirSync(join(dir, 'vmware', 'CentOS 7 64 位'), { recursive: true })
    writeFileSync(join(dir, 'vmware', 'CentOS 7 64 位', 'CentOS 7 64 位.vmx'), '')
    writeFileSync(join(dir, 'vmware', 'CentOS 7 64 位', 'CentOS 7 64 位.vmdk'), '')
    mkdirSync(join(dir, 'vmware', 'empty'))
    mkdirSync(join(dir, 'other', 'Rocky'), { recursive: true })
    writeFileSync(join(dir, 'other', 'Rocky', 'Rocky.VMX'), '')
    mkdirSync(join(dir, '.vmware'))
    // The preferences file is read with its own .encoding, like the real ones.
    writeFileSync(join(dir, '.vmware', 'preferences'), `.encoding = "UTF-8"\nprefvmx.defaultVMPath = "${join(dir, 'other')}"\n`)
    const spec = vmFolderProbe({ ...LINUX_ENV, homeDir: dir })
    if (spec.kind !== 'custom') throw new Error('custom probe expected')
    const result = await spec.run(new AbortController().signal)
    expect(result.ok).toBe(true)
    const lines = result.ok ? result.text.split('\n').sort() : []
    expect(lines).toEqual([join(dir, 'other', 'Rocky', 'Rocky.VMX'), join(dir, 'vmware', 'CentOS 7 64 位', 'CentOS 7 64 位.vmx')].sort())
  })

  it('reports a missing folder as missing, not as an empty list', async () => {
    const spec = vmFolderProbe({ ...LINUX_ENV, homeDir: home() })
    if (spec.kind !== 'custom') throw new Error('custom probe expected')
    const result = await spec.run(new AbortController().signal)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.kind).toBe('missing')
  })
})

describe('stage 2', () => {
  it('probes every .vmx from preferences, inventory, the folder listing and vmrun list (Linux)', () => {
    const running = '/home/student/vmware/Mininet/Mininet.vmx'
    const ctx = ctxOf('linux', {
      'vmware.preferences': ok(text('config/linux-preferences')),
      'vmware.inventory': ok(text('config/linux-inventory.vmls')),
      'vmware.vm-folder': ok(`/home/student/vmware/Mininet/Mininet.vmx\n/home/student/vmware/Rocky/Rocky.vmx\n`),
      'vmware.vmrun-list': ok(`Total running VMs: 1\n${running}\n`),
    })
    const specs = vmwareStage2(LINUX_ENV, ctx)
    const vmx = specs.filter((s) => s.id.startsWith('vmware.vmx:'))
    expect(vmx.map((s) => s.id)).toEqual([
      `vmware.vmx:${running}`,
      'vmware.vmx:/home/student/vmware/Windows_10_LTSC_2019_x64/Windows_10_LTSC_2019_x64.vmx',
      'vmware.vmx:/home/student/vmware/Rocky/Rocky.vmx',
    ])
    expect(vmx[0]).toMatchObject({ kind: 'file', path: running, decode: 'vmx', maxBytes: 1024 * 1024 })
    const tools = byId(specs).get(`vmware.tools-state:${running}`)
    expect(tools).toMatchObject({ kind: 'command', command: 'vmrun', args: ['-T', 'ws', 'checkToolsState', running], timeoutMs: 5000 })
    const ip = byId(specs).get(`vmware.guest-ip:${running}`)
    expect(ip).toMatchObject({ command: 'vmrun', args: ['-T', 'ws', 'getGuestIPAddress', running], timeoutMs: 5000 })
    expect(specs.some((s) => s.kind === 'command' && s.args.includes('-wait'))).toBe(false)
    // Linux ran vmrun list in stage 1: not again.
    expect(specs.some((s) => s.id === 'vmware.vmrun-list')).toBe(false)
  })

  it('on Windows runs vmrun from the registry’s install path and de-duplicates paths case-insensitively', () => {
    const ctx = ctxOf('win32', {
      'win.vmware-registry': ok(JSON.stringify({ InstallPath: 'C:\\Program Files (x86)\\VMware\\VMware Workstation\\', ProductVersion: '17.6.4.24832109' })),
      'vmware.preferences': ok(decodeVmx(readFileSync(fixture('config/windows-preferences.ini')))),
      'vmware.vm-folder': ok('d:\\vmware\\gns3 vm\\GNS3 VM.vmx\r\nD:/VMWARE/GNS3 VM/GNS3 VM.vmx\r\nC:\\Users\\student\\Documents\\Virtual Machines\\Win11\\Win11.vmx\r\n'),
    })
    const specs = vmwareStage2(WIN_ENV, ctx)
    expect(byId(specs).get('vmware.vmrun-list')).toMatchObject({
      kind: 'command',
      command: 'C:\\Program Files (x86)\\VMware\\VMware Workstation\\vmrun.exe',
      args: ['-T', 'ws', 'list'],
    })
    expect(specs.filter((s) => s.id.startsWith('vmware.vmx:')).map((s) => s.id)).toEqual([
      'vmware.vmx:D:\\VMWARE\\GNS3 VM\\GNS3 VM.vmx',
      'vmware.vmx:C:\\Users\\student\\Documents\\Virtual Machines\\Win11\\Win11.vmx',
    ])
  })

  it('probes at most 20 .vmx files', () => {
    const listing = Array.from({ length: 30 }, (_, i) => `/home/student/vmware/vm${i}/vm${i}.vmx`).join('\n')
    const specs = vmwareStage2(LINUX_ENV, ctxOf('linux', { 'vmware.vm-folder': ok(listing) }))
    expect(specs.filter((s) => s.id.startsWith('vmware.vmx:'))).toHaveLength(MAX_VMX)
  })

  it('has no vmrun on Windows without Workstation', () => {
    const specs = vmwareStage2(WIN_ENV, ctxOf('win32', { 'win.vmware-registry': { ok: false, error: { kind: 'missing', message: 'no key' } }, 'win.uninstall': ok('[]') }))
    expect(specs).toEqual([])
  })
})

describe('stage 3', () => {
  it('reads each first disk beside its .vmx, and on Windows queries the VMs vmrun found running', () => {
    const vmxPath = 'C:\\Users\\student\\Documents\\Virtual Machines\\CentOS 7 64 位\\CentOS 7 64 位.vmx'
    const running = 'C:\\VMs\\Win10\\Windows 10 x64.vmx'
    const ctx = ctxOf('win32', {
      'win.vmware-registry': ok(JSON.stringify({ InstallPath: 'C:\\Program Files (x86)\\VMware\\VMware Workstation\\' })),
      [`vmware.vmx:${vmxPath}`]: ok(decodeVmx(readFileSync(fixture('vmx/centos7-nat-gbk-hw20-split-disk.vmx')))),
      'vmware.vmx:C:\\VMs\\Old\\Old.vmx': ok(decodeVmx(readFileSync(fixture('vmx/centos7-nat-gbk.vmx')))),
      'vmware.vmrun-list': ok(`Total running VMs: 1\r\n${running}\r\n`),
    })
    const specs = byId(vmwareStage3(WIN_ENV, ctx))
    expect(specs.get('vmware.vmdk:C:\\Users\\student\\Documents\\Virtual Machines\\CentOS 7 64 位\\CentOS 7 64 位.vmdk')).toMatchObject({
      kind: 'file',
      decode: 'vmdk-descriptor',
      maxBytes: 64 * 1024,
    })
    // A disk named by an absolute path (here D:\VM_backup\…) is not opened: only the VM's own folder is read.
    expect([...specs.keys()].filter((id) => id.startsWith('vmware.vmdk:'))).toHaveLength(1)
    const vmrun = 'C:\\Program Files (x86)\\VMware\\VMware Workstation\\vmrun.exe'
    expect(specs.get(`vmware.tools-state:${running}`)).toMatchObject({ command: vmrun, args: ['-T', 'ws', 'checkToolsState', running], timeoutMs: 5000 })
    expect(specs.get(`vmware.guest-ip:${running}`)).toMatchObject({ command: vmrun, timeoutMs: 5000 })
    expect(specs.has(`vmware.vmx:${running}`)).toBe(true)
    expect(specs.get('vmware.log:C:\\Users\\student\\Documents\\Virtual Machines\\CentOS 7 64 位\\vmware.log')).toMatchObject({ kind: 'file', maxBytes: 1024 * 1024 })
  })

  it('does not repeat probes that already ran', () => {
    const running = '/home/student/vmware/Mininet/Mininet.vmx'
    const ctx = ctxOf('linux', {
      'vmware.vmrun-list': ok(`Total running VMs: 1\n${running}\n`),
      [`vmware.vmx:${running}`]: ok(text('vmx/ubuntu-nat-packer-lowercase-keys.vmx')),
      [`vmware.tools-state:${running}`]: ok('running\n'),
      [`vmware.guest-ip:${running}`]: ok('192.168.135.129\n'),
    })
    // The VM's newest vmware.log is read beside its .vmx (evidence of how it last ran).
    expect(vmwareStage3(LINUX_ENV, ctx).map((s) => s.id)).toEqual(['vmware.log:/home/student/vmware/Mininet/vmware.log', 'vmware.vmdk:/home/student/vmware/Mininet/disk.vmdk'])
    const withLog = ctxOf('linux', { ...ctx.probes, 'vmware.log:/home/student/vmware/Mininet/vmware.log': { ok: false, error: { kind: 'missing', message: 'ENOENT' } } })
    expect(vmwareStage3(LINUX_ENV, withLog).map((s) => s.id)).toEqual(['vmware.vmdk:/home/student/vmware/Mininet/disk.vmdk'])
  })
})

describe('file probes on the real bytes', () => {
  it('decode the GBK .vmx and .vmdk as GBK', async () => {
    const vmx = await runProbe({ id: 'vmware.vmx:x', kind: 'file', path: fixture('vmx/centos7-nat-gbk.vmx'), decode: 'vmx', maxBytes: 1024 * 1024 })
    expect(vmx.ok && parseVmx(vmx.text).get('displayname')).toBe('CentOS 7 64 位')
    const vmdk = await runProbe({ id: 'vmware.vmdk:x', kind: 'file', path: fixture('vmdk/centos7-twoGbMaxExtentSparse-gbk.vmdk'), decode: 'vmdk-descriptor', maxBytes: 64 * 1024 })
    expect(vmdk.ok && vmdk.text).toContain('CentOS 7 64 位-s006.vmdk')
    expect(vmdk.ok && parseVmdkDescriptor(vmdk.text).sizeBytes).toBe(20 * 1024 ** 3)
  })
})
