import { describe, expect, it } from 'vitest'
import type { CapturePlatform, ProbeResult } from '../../src/shared/host/capture'
import { CheckSchema, type Check, type CheckId, type FactValue } from '../../src/shared/host/report'
import { CheckContext } from '../../src/main/host/context'
import { vmwareChecks } from '../../src/main/host/checks/vmware'
import { decodeVmx, extractVmdkDescriptor } from '../../src/main/host/text/decode'
import { adaptersFromIpconfig, bytes, fail, IPCONFIG_EN, ok, REGISTRY_17_6_4, SC_QUERY, servicesFromScQuery, text } from '../support/vmware-evidence'


type Probes = Record<string, ProbeResult>

function run(platform: CapturePlatform, probes: Probes): Record<string, Check> {
  const checks = vmwareChecks(new CheckContext(platform, 'x64', probes))
  expect(checks.map((c) => c.id)).toEqual(['vmware.installed', 'vmware.services', 'vmware.networks', 'vmware.vms', 'vmware.running'])
  for (const check of checks) {
    // Valid report entries: bilingual, and a fix whenever the status is not pass/skip.
    expect(() => CheckSchema.parse(check)).not.toThrow()
    expect(check.summary['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
    // English text is English, apart from names that come from the data (a GBK display name).
    expect(check.summary.en.replace(/CentOS 7 64 位/g, '')).not.toMatch(/[\u4e00-\u9fff]/)
    if (check.status !== 'pass' && check.status !== 'skip') expect(check.fix.length).toBeGreaterThan(0)
  }
  return Object.fromEntries(checks.map((c) => [c.id, c]))
}

const get = (checks: Record<string, Check>, id: CheckId): Check => checks[id]!
const facts = (checks: Record<string, Check>, id: CheckId): Record<string, FactValue> => get(checks, id).facts
const obj = (value: FactValue | undefined): Record<string, FactValue> => value as Record<string, FactValue>
const list = (value: FactValue | undefined): FactValue[] => value as FactValue[]
const fixText = (check: Check): string => check.fix.map((f) => `${f['zh-CN']} ${f.en}`).join('\n')


function windowsHost(extra: Probes = {}): Probes {
  return {
    'win.vmware-registry': ok(REGISTRY_17_6_4),
    'win.uninstall': ok(JSON.stringify([{ DisplayName: 'VMware Workstation', DisplayVersion: '17.6.4', Publisher: 'VMware, Inc.' }])),
    'win.services': ok(servicesFromScQuery(SC_QUERY)),
    'win.netadapters': ok(adaptersFromIpconfig(IPCONFIG_EN)),
    'vmware.vmrun-list': ok(text('commands/vmrun-list-0-running.txt'), 0),
    ...extra,
  }
}

// --- Linux: the real config trio from one machine (192.168.135.0/24) ------------------------------

const LINUX_CONFIG: Probes = {
  'vmware.version': ok(text('commands/vmware-v-linux-17.5.2.txt'), 0),
  'vmware.linux-networking': ok(text('config/linux-etc-vmware-networking')),
  'vmware.nat-conf': ok(text('config/linux-vmnet8-nat.conf')),
  'vmware.dhcp-conf': ok(text('config/linux-vmnet8-dhcpd.conf')),
  'vmware.dhcp-leases': ok(text('config/linux-vmnet8-dhcpd.leases')),
  'linux.modules': ok(text('commands/lsmod-grep-vm-linux.txt')),
}
const IP_ADDR = text('commands/ip-addr-linux-host-vmnet1-vmnet8.txt')
/** The real `ip addr` output with its vmnet subnets renumbered to the config trio's (different machines). */
const IP_ADDR_MATCHING = IP_ADDR.replace(/192\.168\.202\./g, '192.168.135.').replace(/172\.16\.189\./g, '172.16.78.')

describe('vmware checks on Windows', () => {
  it('passes with Workstation 17.6.4, running services and VMnet1/VMnet8 up', () => {
    const c = run('win32', windowsHost())
    expect(get(c, 'vmware.installed').status).toBe('pass')
    expect(facts(c, 'vmware.installed')).toEqual({
      installed: true,
      product: 'workstation-pro',
      version: '17.6.4',
      build: 24832109,
      installPath: 'C:\\Program Files (x86)\\VMware\\VMware Workstation\\',
    })
    expect(get(c, 'vmware.services').status).toBe('pass')
    expect(facts(c, 'vmware.services')).toMatchObject({ natRunning: true, dhcpRunning: true, authRunning: true, modules: null })
    expect(list(facts(c, 'vmware.services').services).map((s) => obj(s).name)).toContain('VMware NAT Service')
    const net = get(c, 'vmware.networks')
    expect(net.status).toBe('pass')
    expect(facts(c, 'vmware.networks').vmnet8).toEqual({
      name: 'vmnet8',
      type: 'nat',
      subnet: '192.168.179.0',
      mask: '255.255.255.0',
      prefixLength: 24,
      hostAddress: '192.168.179.1',
      adapterPresent: true,
      adapterUp: true,
      natGateway: null,
      dhcpStart: null,
      dhcpEnd: null,
    })
    expect(obj(facts(c, 'vmware.networks').vmnet1)).toMatchObject({ type: 'hostonly', hostAddress: '192.168.240.1' })
    expect(net.evidence[0]!.excerpt).toContain('VMnet8')
  })

  it('names calendar releases from the registry build (25H2)', () => {
    const c = run('win32', windowsHost({ 'win.vmware-registry': ok(JSON.stringify({ InstallPath: 'C:\\Program Files\\VMware\\VMware Workstation\\', ProductVersion: '25.0.0.24995812' })) }))
    expect(get(c, 'vmware.installed').status).toBe('pass')
    expect(facts(c, 'vmware.installed')).toMatchObject({ version: '25H2', build: 24995812 })
  })

  it('tells Workstation Pro from a Player-only install by the registry key the probe names', () => {
    const both = JSON.stringify([
      { Key: 'HKLM:\\SOFTWARE\\WOW6432Node\\VMware, Inc.\\VMware Workstation', InstallPath: 'C:\\VMware\\', ProductVersion: '17.6.4.24832109', ProductCode: '{X}' },
      { Key: 'HKLM:\\SOFTWARE\\WOW6432Node\\VMware, Inc.\\VMware Player', InstallPath: 'C:\\VMware\\', ProductVersion: '17.6.4.24832109', ProductCode: '{X}' },
    ])
    expect(facts(run('win32', windowsHost({ 'win.vmware-registry': ok(both) })), 'vmware.installed').product).toBe('workstation-pro')
    const player = JSON.stringify({ Key: 'HKLM:\\SOFTWARE\\WOW6432Node\\VMware, Inc.\\VMware Player', InstallPath: 'C:\\VMware Player\\', ProductVersion: '16.2.5.20904516' })
    const c = run('win32', windowsHost({ 'win.vmware-registry': ok(player) }))
    expect(facts(c, 'vmware.installed')).toMatchObject({ product: 'workstation-player', version: '16.2.5' })
    expect(get(c, 'vmware.installed').status).toBe('warn')
  })

  it('reads an empty registry section as “not installed”', () => {
    const c = run('win32', { 'win.vmware-registry': ok(''), 'win.uninstall': ok('') })
    expect(get(c, 'vmware.installed').status).toBe('todo')
  })

  it('warns for a version older than 17', () => {
    const c = run('win32', windowsHost({ 'win.vmware-registry': ok(JSON.stringify({ InstallPath: 'C:\\VMware\\', ProductVersion: '16.2.5.20904516' })) }))
    expect(get(c, 'vmware.installed').status).toBe('warn')
    expect(facts(c, 'vmware.installed').version).toBe('16.2.5')
  })

  it('fails when VMnet8 is missing, with the Repair fix', () => {
    const withoutVmnet8 = IPCONFIG_EN.split('Ethernet adapter VMware Network Adapter VMnet8:')[0]!
    const c = run('win32', windowsHost({ 'win.netadapters': ok(adaptersFromIpconfig(withoutVmnet8)) }))
    const net = get(c, 'vmware.networks')
    expect(net.status).toBe('fail')
    expect(net.summary.en).toMatch(/no VMnet8/)
    expect(fixText(net)).toMatch(/Restore Defaults/)
    expect(fixText(net)).toMatch(/Repair/)
    expect(fixText(net)).toMatch(/修复/)
    expect(obj(facts(c, 'vmware.networks').vmnet8)).toMatchObject({ adapterPresent: false, adapterUp: false, hostAddress: null })
  })

  it('fails when the VMnet8 adapter is disabled, pointing at ncpa.cpl', () => {
    const disabled = adaptersFromIpconfig(IPCONFIG_EN, (name) =>
      name.endsWith('VMnet8') ? { NetEnabled: false, NetConnectionStatus: 0, IPAddress: null, IPSubnet: null } : {},
    )
    const net = get(run('win32', windowsHost({ 'win.netadapters': ok(disabled) })), 'vmware.networks')
    expect(net.status).toBe('fail')
    expect(fixText(net)).toMatch(/ncpa\.cpl/)
  })

  it('reads the Chinese ipconfig adapters (描述 / (首选)) the same way', () => {
    const zh = adaptersFromIpconfig(text('commands/ipconfig-all-zh-windows-vmnet1-vmnet8-excerpt.txt'))
    const c = run('win32', windowsHost({ 'win.netadapters': ok(zh) }))
    expect(get(c, 'vmware.networks').status).toBe('pass')
    expect(obj(facts(c, 'vmware.networks').vmnet8)).toMatchObject({ hostAddress: '192.168.124.1', subnet: '192.168.124.0' })
    expect(obj(facts(c, 'vmware.networks').vmnet1)).toMatchObject({ hostAddress: '192.168.72.1' })
  })

  it('warns when the adapter and the real vmnetdhcp.conf disagree, and reads DHCP per segment', () => {
    const c = run('win32', windowsHost({ 'vmware.dhcp-conf': ok(text('config/windows-vmnetdhcp.conf')) }))
    const net = get(c, 'vmware.networks')
    expect(net.status).toBe('warn')
    expect(net.summary.en).toMatch(/192\.168\.179\.0.*192\.168\.193\.0/)
    // The DHCP range belongs to VMnet8's own segment, and the gateway falls back to `option routers`.
    expect(obj(facts(c, 'vmware.networks').vmnet8)).toMatchObject({ natGateway: '192.168.193.2', dhcpStart: '192.168.193.127', dhcpEnd: '192.168.193.254' })
    expect(obj(facts(c, 'vmware.networks').vmnet1)).toMatchObject({ dhcpStart: '192.168.153.128', natGateway: null })
  })

  it('fails the services check when the NAT service is stopped', () => {
    const c = run('win32', windowsHost({ 'win.services': ok(servicesFromScQuery(SC_QUERY, ['VMware NAT Service'])) }))
    const s = get(c, 'vmware.services')
    expect(s.status).toBe('fail')
    expect(s.facts).toMatchObject({ natRunning: false, dhcpRunning: true, authRunning: true })
    expect(fixText(s)).toMatch(/net start "VMware NAT Service"/)
  })

  it('reports Workstation not installed, and every dependent check says so', () => {
    const c = run('win32', {
      'win.vmware-registry': fail('missing', 'registry key not found'),
      'win.uninstall': ok('[]'),
      'win.services': ok(JSON.stringify([{ Name: 'vmcompute', DisplayName: 'Hyper-V Host Compute Service', State: 'Running', StartMode: 'Manual' }])),
      'win.netadapters': ok(adaptersFromIpconfig(IPCONFIG_EN.split('Ethernet adapter VMware')[0]!)),
    })
    const installed = get(c, 'vmware.installed')
    // Not installed yet is the labs' to-do list, not a failure.
    expect(installed.status).toBe('todo')
    expect(installed.summary.en).toMatch(/Lab 1 installs it/)
    expect(installed.facts).toEqual({ installed: false, product: null, version: null, build: null, installPath: null })
    expect(fixText(installed)).toMatch(/Broadcom/)
    expect(fixText(installed)).toMatch(/17\.6\.2/)
    expect(fixText(installed)).toMatch(/重启|Restart/)
    for (const id of ['vmware.services', 'vmware.networks', 'vmware.vms', 'vmware.running'] as const) {
      expect(get(c, id).status).toBe('todo')
      expect(get(c, id).summary.en).toMatch(/not installed yet.*Lab [134]/)
    }
    expect(facts(c, 'vmware.running')).toEqual({ running: [], count: 0 })
  })

  it('finds the installation from the uninstall entry when the registry key cannot be read', () => {
    const c = run('win32', windowsHost({ 'win.vmware-registry': fail('denied', 'access denied') }))
    expect(facts(c, 'vmware.installed')).toMatchObject({ installed: true, version: '17.6.4', installPath: null })
  })

  it('turns failed probes into unknown, never a pass', () => {
    const c = run('win32', {
      'win.vmware-registry': fail('timeout', 'powershell timed out'),
      'win.uninstall': fail('timeout', 'powershell timed out'),
      'win.services': fail('timeout', 'powershell timed out'),
      'win.netadapters': fail('failed', 'exit 1: Get-CimInstance failed'),
      'vmware.vmrun-list': fail('missing', 'spawn vmrun.exe ENOENT'),
    })
    for (const id of ['vmware.installed', 'vmware.services', 'vmware.networks', 'vmware.running'] as const) expect(get(c, id).status).toBe('unknown')
    expect(get(c, 'vmware.installed').summary.en).toMatch(/timeout: powershell timed out/)
    expect(get(c, 'vmware.networks').summary.en).toMatch(/Get-CimInstance failed/)
    expect(get(c, 'vmware.running').summary.en).toMatch(/ENOENT/)
  })
})

describe('vmware checks: VMs', () => {
  const CENTOS_DIR = 'C:\\Users\\student\\Documents\\Virtual Machines\\CentOS 7 64 位'

  it('lists the GBK VM with its disk size from the vmdk, in exactly the contract’s fields', () => {
    const vmx = `${CENTOS_DIR}\\CentOS 7 64 位.vmx`
    const c = run(
      'win32',
      windowsHost({
        [`vmware.vmx:${vmx}`]: ok(decodeVmx(bytes('vmx/centos7-nat-gbk-hw20-split-disk.vmx'))),
        // Found case-insensitively, as Windows paths are.
        [`vmware.vmdk:${CENTOS_DIR.toUpperCase()}\\CENTOS 7 64 位.VMDK`]: ok(extractVmdkDescriptor(bytes('vmdk/centos7-twoGbMaxExtentSparse-gbk.vmdk')) ?? ''),
        'vmware.vmx:C:\\VMs\\Win10\\Windows 10 x64.vmx': ok(decodeVmx(bytes('vmx/win10-nat-lsisas-efi-sata-iso-windows1252.vmx'))),
        'vmware.vmx:C:\\VMs\\Gone\\Gone.vmx': fail('missing', 'ENOENT: no such file or directory'),
      }),
    )
    const vms = get(c, 'vmware.vms')
    expect(vms.status).toBe('pass')
    const [centos, win10] = list(vms.facts.vms).map(obj)
    expect(Object.keys(centos!).sort()).toEqual(
      ['path', 'displayName', 'guestOS', 'guestFamily', 'memsizeMB', 'numvcpus', 'virtualHW', 'connectionType', 'vnet', 'diskGB', 'diskType', 'isoAttached', 'isoPath', 'firmware', 'encoding', 'log'].sort(),
    )
    expect(centos).toMatchObject({ path: vmx, displayName: 'hh', guestOS: 'centos7-64', guestFamily: 'linux', memsizeMB: 13304, numvcpus: 4, virtualHW: 20, connectionType: 'nat', diskGB: 20, diskType: 'scsi', encoding: 'GBK' })
    expect(win10).toMatchObject({ guestFamily: 'windows', firmware: 'efi', isoAttached: true, isoPath: 'C:\\Windows.iso', diskGB: null })
    expect(vms.details.some((d) => d.label.en.includes('Gone.vmx') && d.value.includes('ENOENT'))).toBe(true)
  })

  it('lists "create a VM" as to do when Workstation is installed but no VM exists yet', () => {
    const c = run('win32', windowsHost({ 'vmware.preferences': fail('missing', 'ENOENT'), 'vmware.vm-folder': fail('missing', 'no VM folder') }))
    const vms = get(c, 'vmware.vms')
    expect(vms.status).toBe('todo')
    expect(vms.facts).toEqual({ vms: [] })
    expect(fixText(vms)).toMatch(/New Virtual Machine/)
  })

  it('is unknown, not “none found”, when no VM source was collected at all', () => {
    const c = run('linux', { 'vmware.version': ok(text('commands/vmware-v-linux-17.5.2.txt')) })
    expect(get(c, 'vmware.vms').status).toBe('unknown')
  })

  it('is unknown when the only .vmx found could not be read', () => {
    const c = run('win32', windowsHost({ 'vmware.vmx:C:\\VMs\\A\\A.vmx': fail('denied', 'EACCES: permission denied') }))
    expect(get(c, 'vmware.vms').status).toBe('unknown')
  })
})

describe('vmware checks on Linux', () => {
  it('passes with the real config trio and a host whose vmnet8 matches it', () => {
    const c = run('linux', { ...LINUX_CONFIG, 'linux.ip-addr': ok(IP_ADDR_MATCHING), 'vmware.vmrun-list': ok(text('commands/vmrun-list-0-running.txt'), 0) })
    expect(get(c, 'vmware.installed').status).toBe('pass')
    expect(facts(c, 'vmware.installed')).toMatchObject({ version: '17.5.2', build: 23775571, product: 'workstation-pro' })
    expect(get(c, 'vmware.services').status).toBe('pass')
    expect(facts(c, 'vmware.services')).toMatchObject({ modules: { vmmon: true, vmnet: true }, natRunning: true, dhcpRunning: true, authRunning: null, services: [] })
    expect(get(c, 'vmware.networks').status).toBe('pass')
    expect(facts(c, 'vmware.networks').vmnet8).toEqual({
      name: 'vmnet8',
      type: 'nat',
      subnet: '192.168.135.0',
      mask: '255.255.255.0',
      prefixLength: 24,
      hostAddress: '192.168.135.1',
      adapterPresent: true,
      adapterUp: true,
      natGateway: '192.168.135.2',
      dhcpStart: '192.168.135.128',
      dhcpEnd: '192.168.135.254',
    })
    expect(obj(facts(c, 'vmware.networks').vmnet1)).toMatchObject({ type: 'hostonly', subnet: '172.16.78.0', hostAddress: '172.16.78.1' })
    // 0 running VMs is not an error, but there is something to do.
    expect(get(c, 'vmware.running').status).toBe('todo')
    expect(facts(c, 'vmware.running')).toEqual({ running: [], count: 0 })
  })

  it('warns when the host adapter and the configuration files are from different subnets (the real, unmatched files)', () => {
    const c = run('linux', { ...LINUX_CONFIG, 'linux.ip-addr': ok(IP_ADDR) })
    const net = get(c, 'vmware.networks')
    expect(net.status).toBe('warn')
    expect(net.summary.en).toMatch(/192\.168\.202\.0.*192\.168\.135\.0/)
    // The NAT gateway (.2 of its own subnet) is fine: the mismatch is reported once, not twice.
    expect(fixText(net)).not.toMatch(/NAT Settings/)
    expect(obj(facts(run('linux', { ...LINUX_CONFIG, 'linux.ip-addr': ok(IP_ADDR) }), 'vmware.networks').vmnet8)).toMatchObject({ natGateway: '192.168.135.2' })
  })

  it('warns when the NAT gateway is not .2', () => {
    const nat = text('config/linux-vmnet8-nat.conf').replace('ip = 192.168.135.2', 'ip = 192.168.135.254')
    const net = get(run('linux', { ...LINUX_CONFIG, 'linux.ip-addr': ok(IP_ADDR_MATCHING), 'vmware.nat-conf': ok(nat) }), 'vmware.networks')
    expect(net.status).toBe('warn')
    expect(net.summary.en).toMatch(/gateway is 192\.168\.135\.254/)
    expect(fixText(net)).toMatch(/NAT Settings/)
  })

  it('fails the services check without vmmon/vmnet, and warns without vmnet8', () => {
    const noModules = run('linux', { ...LINUX_CONFIG, 'linux.modules': ok('kvm_intel 368640 0 - Live 0x0\nkvm 1146880 1 kvm_intel, Live 0x0\n'), 'linux.ip-addr': ok(IP_ADDR_MATCHING) })
    const s = get(noModules, 'vmware.services')
    expect(s.status).toBe('fail')
    expect(s.facts.modules).toEqual({ vmmon: false, vmnet: false })
    expect(fixText(s)).toMatch(/vmware-modconfig --console --install-all/)
    expect(fixText(s)).toMatch(/mokutil/)
    const noVmnet8 = run('linux', { ...LINUX_CONFIG, 'linux.ip-addr': ok(IP_ADDR.split('5: vmnet8')[0]!) })
    expect(get(noVmnet8, 'vmware.services').status).toBe('warn')
    expect(get(noVmnet8, 'vmware.services').facts).toMatchObject({ natRunning: false, dhcpRunning: false })
    expect(get(noVmnet8, 'vmware.networks').status).toBe('fail')
    expect(fixText(get(noVmnet8, 'vmware.networks'))).toMatch(/vmware-networks --start/)
  })

  it('reads ip -j JSON as well as plain `ip addr` text', () => {
    const json = JSON.stringify([
      { ifname: 'vmnet8', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], operstate: 'UNKNOWN', addr_info: [{ family: 'inet', local: '192.168.135.1', prefixlen: 24 }] },
      { ifname: 'vmnet1', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], operstate: 'UNKNOWN', addr_info: [{ family: 'inet', local: '172.16.78.1', prefixlen: 24 }] },
    ])
    expect(get(run('linux', { ...LINUX_CONFIG, 'linux.ip-addr': ok(json) }), 'vmware.networks').status).toBe('pass')
  })

  it('reports not installed when `vmware` does not exist', () => {
    const c = run('linux', { 'vmware.version': fail('missing', 'spawn vmware ENOENT'), 'linux.modules': ok('kvm 1 0\n'), 'linux.ip-addr': ok(IP_ADDR.split('4: vmnet1')[0]!) })
    expect(get(c, 'vmware.installed').status).toBe('todo')
    expect(get(c, 'vmware.installed').facts.installed).toBe(false)
    expect(get(c, 'vmware.services').status).toBe('todo')
    expect(get(c, 'vmware.running').status).toBe('todo')
  })

  it('falls back to /etc/vmware/config when `vmware -v` fails, and warns for that old version', () => {
    const c = run('linux', { ...LINUX_CONFIG, 'vmware.version': fail('failed', 'exit 1: cannot open display'), 'vmware.linux-config': ok(text('config/linux-etc-vmware-config')) })
    expect(get(c, 'vmware.installed').status).toBe('warn')
    expect(facts(c, 'vmware.installed')).toMatchObject({ installed: true, version: '12.1.0', build: 3272444 })
  })

  it('is unknown when probes fail', () => {
    const c = run('linux', {
      'vmware.version': fail('timeout', 'vmware -v timed out'),
      'linux.modules': fail('denied', 'EACCES'),
      'linux.ip-addr': fail('missing', 'spawn ip ENOENT'),
      'vmware.vmrun-list': ok('Error: Unable to connect to host.\n', 255),
    })
    for (const id of ['vmware.installed', 'vmware.services', 'vmware.networks', 'vmware.running'] as const) expect(get(c, id).status).toBe('unknown')
    expect(get(c, 'vmware.running').summary.en).toMatch(/Unable to connect to host/)
    expect(get(c, 'vmware.installed').evidence[0]!.excerpt).toMatch(/timed out/)
  })

  it('lists running VMs with Tools state, guest IP and whether the IP is in the VMnet8 pool', () => {
    const [a, b, c3] = text('commands/vmrun-list-3-running-fusion.txt').trim().split('\n').slice(1)
    const c = run('linux', {
      ...LINUX_CONFIG,
      'linux.ip-addr': ok(IP_ADDR_MATCHING),
      'vmware.vmrun-list': ok(text('commands/vmrun-list-3-running-fusion.txt'), 0),
      [`vmware.vmx:${b!}`]: ok(decodeVmx(bytes('vmx/centos7-nat-gbk.vmx'))),
      [`vmware.tools-state:${a!}`]: ok(text('commands/vmrun-checkToolsState-installed.txt'), 0),
      [`vmware.guest-ip:${a!}`]: ok(text('commands/vmrun-getGuestIPAddress-error-tools-not-running.txt'), 255),
      // No published Workstation output with Tools running exists (see the fixtures README): these two are ours.
      [`vmware.tools-state:${b!}`]: ok('running\n', 0),
      [`vmware.guest-ip:${b!}`]: ok('192.168.135.130\n', 0),
      [`vmware.tools-state:${c3!}`]: fail('timeout', 'vmrun timed out'),
    })
    const running = get(c, 'vmware.running')
    expect(running.status).toBe('warn')
    expect(running.facts.count).toBe(3)
    const rows = list(running.facts.running).map(obj)
    expect(rows[0]).toEqual({ path: a, displayName: 'packer-fedora-20-x86_64', toolsState: 'installed', guestIp: null, ipInVmnet8Pool: null, hostReachesGuest: null })
    expect(rows[1]).toEqual({ path: b, displayName: 'CentOS 7 64 位', toolsState: 'running', guestIp: '192.168.135.130', ipInVmnet8Pool: true, hostReachesGuest: null })
    expect(rows[2]).toMatchObject({ toolsState: 'unknown', guestIp: null })
    expect(fixText(running)).toMatch(/open-vm-tools/)
  })

  it('passes when the one running VM has Tools and a pooled address', () => {
    const path = '/home/student/vmware/Mininet/Mininet.vmx'
    const c = run('linux', {
      ...LINUX_CONFIG,
      'linux.ip-addr': ok(IP_ADDR_MATCHING),
      'vmware.vmrun-list': ok(`Total running VMs: 1\n${path}\n`, 0),
      [`vmware.vmx:${path}`]: ok(decodeVmx(bytes('vmx/ubuntu-nat-packer-lowercase-keys.vmx'))),
      [`vmware.tools-state:${path}`]: ok('running\n', 0),
      [`vmware.guest-ip:${path}`]: ok('192.168.135.129\n', 0),
    })
    expect(get(c, 'vmware.running').status).toBe('pass')
    expect(get(c, 'vmware.running').facts).toEqual({
      running: [{ path, displayName: 'packer-vmware-iso', toolsState: 'running', guestIp: '192.168.135.129', ipInVmnet8Pool: true, hostReachesGuest: null }],
      count: 1,
    })
    expect(get(c, 'vmware.vms').status).toBe('pass')
  })

  it('warns when a NAT guest’s address is outside VMnet8', () => {
    const path = '/home/student/vmware/Mininet/Mininet.vmx'
    const c = run('linux', {
      ...LINUX_CONFIG,
      'linux.ip-addr': ok(IP_ADDR_MATCHING),
      'vmware.vmrun-list': ok(`Total running VMs: 1\n${path}\n`, 0),
      [`vmware.vmx:${path}`]: ok(decodeVmx(bytes('vmx/ubuntu-nat-packer-lowercase-keys.vmx'))),
      [`vmware.tools-state:${path}`]: ok('running\n', 0),
      [`vmware.guest-ip:${path}`]: ok('169.254.10.20\n', 0),
    })
    expect(get(c, 'vmware.running').status).toBe('warn')
    expect(fixText(get(c, 'vmware.running'))).toMatch(/BOOTPROTO=dhcp/)
  })
})

describe('vmware checks on macOS', () => {
  it('skips all five, and reports Fusion when /Applications has it', () => {
    const c = run('darwin', { 'mac.applications': ok('Safari.app\nVMware Fusion.app\nUTM.app\n') })
    for (const check of Object.values(c)) expect(check.status).toBe('skip')
    expect(get(c, 'vmware.installed').facts).toEqual({ installed: true, product: 'fusion', version: null, build: null, installPath: '/Applications/VMware Fusion.app' })
    expect(get(c, 'vmware.installed').summary.en).toMatch(/VMware Fusion/)
    const none = run('darwin', { 'mac.applications': ok('Safari.app\n') })
    expect(get(none, 'vmware.installed').facts).toMatchObject({ installed: false, product: null })
    expect(get(none, 'vmware.installed').summary['zh-CN']).toMatch(/Windows 和 Linux/)
  })
})
