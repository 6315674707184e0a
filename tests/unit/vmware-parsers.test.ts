import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  guestFamilyOf,
  ipInRange,
  nameOfBuild,
  parseDhcpConf,
  parseDhcpLeases,
  parseGuestIp,
  parseInventory,
  parseIpAddrText,
  parseLinuxNetworking,
  parseLinuxVmwareConfig,
  parseNatConf,
  parsePreferences,
  parseProductVersion,
  parseToolsState,
  parseVmdkDescriptor,
  parseVmrunList,
  parseVmwareV,
  parseVmx,
  prefixFromMask,
  resolveBesideVmx,
  vmSettings,
} from '../../src/main/host/interpret/vmware'
import { decodeVmx, extractVmdkDescriptor } from '../../src/main/host/text/decode'

const FIXTURES = join(__dirname, '..', 'fixtures', 'vmware')
const bytes = (rel: string): Buffer => readFileSync(join(FIXTURES, rel))
/** A fixture as the probes deliver it: .vmx through decodeVmx, descriptors through extractVmdkDescriptor. */
const vmxText = (name: string): string => decodeVmx(bytes(`vmx/${name}`))
const vmdkText = (name: string): string => extractVmdkDescriptor(bytes(`vmdk/${name}`)) ?? ''
const text = (rel: string): string => bytes(rel).toString('utf8')
const settings = (name: string, path = `C:\\VMs\\${name}`) => vmSettings(path, parseVmx(vmxText(name)))

describe('.vmx decoding and parsing (real files)', () => {
  it('decodes the GBK file as GBK: 位, not the λ a UTF-8 decoder silently produces', () => {
    const raw = bytes('vmx/centos7-nat-gbk.vmx')
    // The trap is real: the same bytes are valid UTF-8.
    expect(raw.toString('utf8')).toContain('CentOS 7 64 λ')
    const map = parseVmx(decodeVmx(raw))
    expect(map.get('displayname')).toBe('CentOS 7 64 位')
    expect(map.get('scsi0:0.filename')).toBe('D:\\VM_backup\\mini_linux\\CentOS 7 64 位-0.vmdk')
    expect(map.get('.encoding')).toBe('GBK')
  })

  it('keeps UTF-8 Chinese values and other declared charsets', () => {
    expect(parseVmx(vmxText('win10-nat-nvme-sata-iso-utf8-chinese-sharedfolder.vmx')).get('sharedfolder0.guestname')).toBe('共享文件夹')
    expect(parseVmx(vmxText('win7-nat-lsisas-sata-iso-shiftjis.vmx')).get('displayname')).toBe('Windows 7 x64')
    expect(parseVmx(vmxText('ubuntu-nat-sata-iso-autoinst-windows949.vmx')).get('guestos')).toBe('ubuntu-64')
  })

  it('lower-cases keys, so Packer’s lower-case and Workstation’s camelCase files read alike', () => {
    const packer = settings('ubuntu-nat-packer-lowercase-keys.vmx')
    expect(packer.displayName).toBe('packer-vmware-iso')
    expect(packer.guestOS).toBe('ubuntu-64')
    expect(packer.connectionType).toBe('nat')
    expect(packer.virtualHW).toBe(9)
    expect(packer.isoAttached).toBe(true)
    expect(packer.macAddress).toBe('00:0c:29:00:00:01')
    const upper = settings('fedora11-uppercase-keys-and-values-esx.vmx')
    expect(upper.guestOS).toBe('rhel5')
    expect(upper.guestFamily).toBe('linux')
    expect(upper.diskType).toBe('scsi')
    expect(upper.diskFile).toBe('FEDORA11.VMDK')
    expect(upper.isoAttached).toBe(false)
  })

  it('does not treat a backslash before the closing quote as an escape', () => {
    const map = parseVmx(vmxText('ubuntu-nat-sharedfolder-trailing-backslash-windows1252.vmx'))
    expect(map.get('sharedfolder0.hostpath')).toBe('C:\\')
    expect(map.get('sharedfolder0.guestname')).toBe('C')
  })

  it('handles CRLF, comments, unquoted values, a shebang, |0A escapes and a free-text line', () => {
    const win10 = parseVmx(vmxText('win10-nat-lsisas-efi-sata-iso-windows1252.vmx'))
    expect(win10.get('displayname')).toBe('Windows 10 x64')
    expect([...win10.values()].some((v) => v.includes('\r'))).toBe(false)
    const fusion = parseVmx(vmxText('fusion-winserver2016-comments-unquoted-value.vmx'))
    expect(fusion.get('scsi0:0.virtualssd')).toBe('1')
    expect(fusion.has('#uuid.bios')).toBe(false)
    expect(fusion.has('mainmem.usenamedfile')).toBe(false)
    const msf = parseVmx(vmxText('metasploitable2-nat-plus-hostonly-trailing-garbage.vmx'))
    expect(msf.get('.encoding')).toBe('UTF-8')
    expect(msf.get('annotation')).toContain('This is Metasploitable2 (Linux)\n\nMetasploitable is')
    expect([...msf.keys()].some((k) => k.startsWith('this'))).toBe(false)
    expect(msf.get('ethernet1.connectiontype')).toBe('hostonly')
  })

  it('turns |22 into a quote and lets the last duplicate win', () => {
    const map = parseVmx('\uFEFFdisplayName = "a"\r\nDisplayName = "say |22hi|22 |7C x"\r\n')
    expect(map.get('displayname')).toBe('say "hi" | x')
  })

  it('reads NAT vs bridged, including the missing connectionType that means bridged', () => {
    expect(settings('centos7-nat-gbk.vmx').connectionType).toBe('nat')
    expect(settings('debian6-bridged-vmnet0-static-mac-ws-in-the-wild.vmx').connectionType).toBe('bridged')
    expect(settings('debian6-bridged-vmnet0-static-mac-ws-in-the-wild.vmx').macAddress).toBe('00:50:56:00:00:01')
    expect(settings('winserver2016-no-connectiontype-bridged-default-windows1252.vmx').connectionType).toBe('bridged')
    expect(settings('esx-rhel6-pvscsi-vmxnet3-vcuuid.vmx').connectionType).toBe('bridged')
    // ethernet0 is NAT; the custom VMnet5 NIC is ethernet1 and does not change ethernet0's facts.
    const custom = settings('ubuntu-nat-custom-vmnet5-sata-iso-gbk.vmx')
    expect(custom.connectionType).toBe('nat')
    expect(custom.vnet).toBeNull()
    expect(custom.displayName).toBe('Ubuntu 64 位')
  })

  it('finds disks, ISOs, firmware and guest families', () => {
    const win10 = settings('win10-nat-nvme-sata-iso-utf8-chinese-sharedfolder.vmx')
    expect(win10).toMatchObject({
      guestOS: 'windows9-64',
      guestFamily: 'windows',
      memsizeMB: 4096,
      numvcpus: 4,
      virtualHW: 19,
      diskType: 'nvme',
      diskFile: 'Windows 10 x64.vmdk',
      isoAttached: true,
      isoPath: 'C:\\Users\\student\\Downloads\\Windows.iso',
      firmware: 'bios',
      encoding: 'UTF-8',
    })
    const win11 = settings('win11-nat-nvme-efi-vtpm-encrypted-hw21-windows1252.vmx')
    expect(win11).toMatchObject({ guestOS: 'windows11-64', firmware: 'efi', diskType: 'nvme', isoAttached: false, virtualHW: 21 })
    // Easy Install's autoinst.iso sits on sata0:0; the student's ISO on sata0:1 is the one reported.
    const autoinst = settings('ubuntu-nat-sata-iso-autoinst-windows949.vmx')
    expect(autoinst.isoPath).toBe('C:\\Users\\student\\Downloads\\ubuntu-22.04.3-desktop-amd64.iso')
    expect(autoinst.diskType).toBe('scsi')
    // cdrom-raw "auto detect" is not an ISO.
    expect(settings('centos7-nat-gbk-hw20-split-disk.vmx').isoAttached).toBe(false)
    // A passthrough CD on scsi0:1 is not the disk.
    expect(settings('esx-rhel6-pvscsi-vmxnet3-vcuuid.vmx').diskFile).toBe('esx-rhel6-mini.vmdk')
    // numvcpus missing → 1.
    const msf = settings('metasploitable2-nat-plus-hostonly-trailing-garbage.vmx')
    expect(msf.numvcpus).toBe(1)
    expect(msf.guestFamily).toBe('linux')
    expect(settings('win7-nat-lsisas-sata-iso-shiftjis.vmx').numvcpus).toBe(1)
    expect(guestFamilyOf('centos7-64')).toBe('linux')
    expect(guestFamilyOf('other5xlinux-64')).toBe('linux')
    expect(guestFamilyOf('almalinux-64')).toBe('linux')
    expect(guestFamilyOf('winNetEnterprise')).toBe('windows')
    expect(guestFamilyOf('darwin21-64')).toBe('other')
    expect(guestFamilyOf(null)).toBe('other')
  })

  it('takes the disk size from the vmdk descriptor', () => {
    const vmx = parseVmx(vmxText('centos7-nat-gbk-hw20-split-disk.vmx'))
    const disk = parseVmdkDescriptor(vmdkText('centos7-twoGbMaxExtentSparse-gbk.vmdk'))
    expect(disk.createType).toBe('twoGbMaxExtentSparse')
    expect(disk.extents).toBe(6)
    expect(disk.sizeBytes).toBe(20 * 1024 ** 3)
    const s = vmSettings('/home/student/vmware/CentOS/CentOS 7 64 位.vmx', vmx, disk)
    expect(s.diskGB).toBe(20)
    expect(s.displayName).toBe('hh')
    expect(resolveBesideVmx(s.path, s.diskFile ?? '')).toBe('/home/student/vmware/CentOS/CentOS 7 64 位.vmdk')
  })

  it('sums every extent, also when the short one is in the middle, and reads flat descriptors', () => {
    expect(parseVmdkDescriptor(vmdkText('win10-twoGbMaxExtentSparse-utf8-22-extents-grown.vmdk')).sizeBytes).toBe(80 * 1024 ** 3)
    expect(parseVmdkDescriptor(vmdkText('win10-twoGbMaxExtentSparse-windows1252.vmdk')).sizeBytes).toBe(60 * 1024 ** 3)
    const flat = parseVmdkDescriptor(vmdkText('esxi-vmfs-flat-descriptor.vmdk'))
    expect(flat).toMatchObject({ createType: 'vmfs', sizeBytes: 36 * 1024 ** 3, extents: 1, adapterType: 'ide' })
    expect(parseVmdkDescriptor('not a descriptor').sizeBytes).toBeNull()
  })

  it('decodes a vmdk descriptor in the charset it declares', () => {
    expect(vmdkText('centos7-twoGbMaxExtentSparse-gbk.vmdk')).toContain('"CentOS 7 64 位-s001.vmdk"')
    // Embedded in a sparse file: the descriptor follows binary data and ends at the first NUL.
    const sparse = Buffer.concat([Buffer.from([0x4b, 0x44, 0x4d, 0x56, 0, 0]), bytes('vmdk/win10-twoGbMaxExtentSparse-windows1252.vmdk'), Buffer.alloc(16)])
    expect(parseVmdkDescriptor(extractVmdkDescriptor(sparse) ?? '').sizeBytes).toBe(60 * 1024 ** 3)
  })

  it('resolves disk paths beside the .vmx in the path’s own style', () => {
    expect(resolveBesideVmx('C:\\Users\\s\\Documents\\Virtual Machines\\A\\A.vmx', 'A.vmdk')).toBe('C:\\Users\\s\\Documents\\Virtual Machines\\A\\A.vmdk')
    expect(resolveBesideVmx('C:\\VMs\\A.vmx', 'D:\\VM_backup\\x.vmdk')).toBe('D:\\VM_backup\\x.vmdk')
    expect(resolveBesideVmx('/data/a.vmx', '/data/vmware/disk.vmdk')).toBe('/data/vmware/disk.vmdk')
    expect(resolveBesideVmx('/data/a.vmx', './disk.vmdk')).toBe('/data/disk.vmdk')
  })
})

describe('network configuration files (real files)', () => {
  it('reads /etc/vmware/networking', () => {
    const nets = parseLinuxNetworking(text('config/linux-etc-vmware-networking'))
    expect(nets.find((n) => n.vnet === 8)).toEqual({ vnet: 8, dhcp: true, nat: true, virtualAdapter: true, subnet: '192.168.135.0', netmask: '255.255.255.0' })
    expect(nets.find((n) => n.vnet === 1)).toMatchObject({ nat: null, dhcp: true, subnet: '172.16.78.0' })
    expect(nets.find((n) => n.vnet === 0)).toMatchObject({ nat: false, virtualAdapter: false, subnet: null })
  })

  it('reads nat.conf: gateway, device (both spellings) and port forwards', () => {
    const linux = parseNatConf(text('config/linux-vmnet8-nat.conf'))
    expect(linux).toMatchObject({ gateway: '192.168.135.2', netmask: '255.255.255.0', device: '/dev/vmnet8', vnet: 8, forwards: [] })
    const forward = parseNatConf(text('config/vmnet8-nat-portforward-linux-or-fusion.conf'))
    expect(forward.vnet).toBe(8)
    expect(forward.forwards).toEqual([{ protocol: 'tcp', hostPort: 8080, guestIp: '192.168.120.111', guestPort: 80 }])
  })

  it('reads the Windows vmnetdhcp.conf: two subnets labelled by segment, and the hand-edited .127 start', () => {
    const conf = parseDhcpConf(text('config/windows-vmnetdhcp.conf'))
    expect(conf.subnets).toEqual([
      {
        vnet: 1,
        subnet: '192.168.153.0',
        netmask: '255.255.255.0',
        rangeStart: '192.168.153.128',
        rangeEnd: '192.168.153.254',
        routers: null,
        dnsServers: '192.168.153.1',
      },
      {
        vnet: 8,
        subnet: '192.168.193.0',
        netmask: '255.255.255.0',
        rangeStart: '192.168.193.127',
        rangeEnd: '192.168.193.254',
        routers: '192.168.193.2',
        dnsServers: '192.168.193.2',
      },
    ])
    expect(conf.hosts.filter((h) => h.name === 'VMnet8').map((h) => h.fixedAddress)).toEqual(['192.168.193.1', '192.168.193.128', '192.168.193.129'])
  })

  it('reads the Linux dhcpd.conf and its leases', () => {
    const conf = parseDhcpConf(text('config/linux-vmnet8-dhcpd.conf'))
    expect(conf.subnets).toHaveLength(1)
    expect(conf.subnets[0]).toMatchObject({ vnet: 8, subnet: '192.168.135.0', rangeStart: '192.168.135.128', rangeEnd: '192.168.135.254', routers: '192.168.135.2' })
    expect(conf.hosts[0]).toEqual({ name: 'vmnet8', mac: '00:50:56:c0:00:08', fixedAddress: '192.168.135.1' })
    const leases = parseDhcpLeases(text('config/linux-vmnet8-dhcpd.leases'))
    expect(leases.map((l) => l.ip)).toEqual(['192.168.135.130', '192.168.135.129', '192.168.135.128'])
    expect(leases[0]).toEqual({ ip: '192.168.135.130', mac: '00:0c:29:00:00:03', hostname: 'DESKTOP-35TICJG', starts: '2016/01/01 14:38:53', ends: '2016/01/01 15:08:53' })
    expect(ipInRange(leases[0]!.ip, conf.subnets[0]!.rangeStart, conf.subnets[0]!.rangeEnd)).toBe(true)
  })

  it('reads `ip addr` text when the capture is not JSON', () => {
    const ifaces = parseIpAddrText(text('commands/ip-addr-linux-host-vmnet1-vmnet8.txt'))
    expect(ifaces.map((i) => i.name)).toEqual(['lo', 'enp3s0', 'wlp1s0', 'vmnet1', 'vmnet8'])
    expect(ifaces.find((i) => i.name === 'vmnet8')).toEqual({ name: 'vmnet8', up: true, ipv4: [{ address: '192.168.202.1', prefixLength: 24 }] })
    expect(ifaces.find((i) => i.name === 'wlp1s0')?.up).toBe(false)
    expect(prefixFromMask('255.255.255.0')).toBe(24)
    expect(prefixFromMask('255.0.255.0')).toBeNull()
  })
})

describe('preferences, inventory and vmrun (real files)', () => {
  it('finds the MRU VM and the lower-case defaultvmpath on Windows', () => {
    expect(parsePreferences(decodeVmx(bytes('config/windows-preferences.ini')))).toEqual({
      recentVms: ['D:\\VMWARE\\GNS3 VM\\GNS3 VM.vmx'],
      defaultVMPath: 'D:\\VMWARE',
    })
  })

  it('finds the open VM in session tabs when Linux preferences have no MRU list', () => {
    expect(parsePreferences(text('config/linux-preferences')).recentVms).toEqual([
      '/home/student/vmware/Windows_10_LTSC_2019_x64/Windows_10_LTSC_2019_x64.vmx',
    ])
  })

  it('skips empty inventory slots and keeps numeric order', () => {
    expect(parseInventory(text('config/linux-inventory.vmls'))).toEqual([
      { config: '/home/student/vmware/Mininet/Mininet.vmx', displayName: 'Mininet', state: 'normal' },
    ])
    expect(parseInventory(text('config/linux-inventory-empty-slots-paused.vmls'))).toEqual([
      { config: '/home/student/vmware/Windows_10_LTSC_2019_x64/Windows_10_LTSC_2019_x64.vmx', displayName: 'Windows_10_LTSC_2019_x64', state: 'paused' },
    ])
  })

  it('reads vmrun list, checkToolsState and getGuestIPAddress', () => {
    expect(parseVmrunList(text('commands/vmrun-list-0-running.txt'))).toEqual({ total: 0, paths: [], error: null })
    const three = parseVmrunList(text('commands/vmrun-list-3-running-fusion.txt'))
    expect(three.total).toBe(3)
    expect(three.paths[1]).toBe('/Users/student/.virtualmachines/5c1821dc-a004-484d-9440-35b3b401c369/centos-7.0-x86_64.vmx')
    expect(parseVmrunList('Error: Unable to connect to host.\n').error).toBe('Error: Unable to connect to host.')
    expect(parseToolsState(text('commands/vmrun-checkToolsState-installed.txt'))).toBe('installed')
    expect(parseToolsState(text('commands/vmrun-checkToolsState-unknown.txt'))).toBe('unknown')
    expect(parseToolsState('running\n')).toBe('running')
    expect(parseGuestIp(text('commands/vmrun-getGuestIPAddress-error-not-powered-on.txt'))).toEqual({ ip: null, error: 'Error: The virtual machine is not powered on' })
    expect(parseGuestIp(text('commands/vmrun-getGuestIPAddress-error-tools-not-running.txt')).ip).toBeNull()
    expect(parseGuestIp('192.168.193.130\r\n')).toEqual({ ip: '192.168.193.130', error: null })
  })
})

describe('versions', () => {
  it('reads `vmware -v` (real outputs) and names builds from the table', () => {
    expect(parseVmwareV(text('commands/vmware-v-linux-17.5.2.txt'))).toEqual({ product: 'workstation-pro', version: '17.5.2', build: 23775571, major: 17 })
    expect(parseVmwareV(text('commands/vmware-v-linux-16.2.5.txt'))?.major).toBe(16)
    expect(parseVmwareV(text('commands/vmware-v-linux-15.5.2.txt'))?.build).toBe(15785246)
    expect(parseVmwareV('VMware Workstation 25H2 build-24995812')).toEqual({ product: 'workstation-pro', version: '25H2', build: 24995812, major: 25 })
    expect(parseVmwareV('VMware Player 12.1.0 build-3272444')?.product).toBe('workstation-player')
    expect(parseVmwareV('bash: vmware: command not found')).toBeNull()
  })

  it('reads registry ProductVersion, naming calendar builds', () => {
    expect(parseProductVersion('17.6.4.24832109')).toEqual({ version: '17.6.4', build: 24832109, major: 17 })
    expect(parseProductVersion('25.0.0.24995812')).toEqual({ version: '25H2', build: 24995812, major: 25 })
    expect(parseProductVersion('26.1.0.25388281')).toEqual({ version: '26H1', build: 25388281, major: 26 })
    expect(parseProductVersion('17.6.3')).toEqual({ version: '17.6.3', build: null, major: 17 })
    expect(nameOfBuild(20800274)).toBe('17.0.0')
    expect(nameOfBuild(25219725)).toBe('25H2u1')
  })

  it('reads /etc/vmware/config (real file) as a fallback', () => {
    expect(parseLinuxVmwareConfig(text('config/linux-etc-vmware-config'))).toEqual({ product: 'workstation-pro', version: '12.1.0', build: 3272444, major: 12 })
  })
})
