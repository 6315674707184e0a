import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Capture, CapturePlatform, ProbeResult } from '../../src/shared/host/capture'
import type { HostReport } from '../../src/shared/host/report'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { decodeVmx, extractVmdkDescriptor } from '../../src/main/host/text/decode'

/**
 * Captures assembled from the REAL VMware files under tests/fixtures/vmware (see its README):
 * a real host capture from tests/fixtures/captures with VMware probes added, so lab criteria can be
 * judged on evidence that came from real machines.
 */

export const FIXTURES = join(__dirname, '..', 'fixtures')
export const VMWARE = join(FIXTURES, 'vmware')

export const bytes = (rel: string): Buffer => readFileSync(join(VMWARE, rel))
export const text = (rel: string): string => bytes(rel).toString('utf8')
export const ok = (t: string, exitCode?: number): ProbeResult => ({ ok: true, text: t, ...(exitCode === undefined ? {} : { exitCode }) })
export const fail = (kind: 'missing' | 'denied' | 'timeout' | 'failed', message: string): ProbeResult => ({ ok: false, error: { kind, message } })
export const vmx = (rel: string): ProbeResult => ok(decodeVmx(bytes(`vmx/${rel}`)))
export const vmdk = (rel: string): ProbeResult => ok(extractVmdkDescriptor(bytes(`vmdk/${rel}`)) ?? '')

export type Probes = Record<string, ProbeResult>

/** A recorded host capture from tests/fixtures/captures. */
export function hostCapture(file: string): Capture {
  return parseCaptureText(readFileSync(join(FIXTURES, 'captures', file), 'utf8'), file)
}

/** The capture with extra probes (VMware ones) added, on the capture's own platform. */
export function withProbes(base: Capture, probes: Probes, platform?: CapturePlatform): Capture {
  return { ...base, platform: platform ?? base.platform, probes: { ...base.probes, ...probes } }
}

export function report(capture: Capture): HostReport {
  return evaluateCapture(capture, { source: 'replay', generatedAt: '2025-03-01T10:00:00.000Z' })
}

/**
 * `win.netadapters` in the shape the PowerShell probe writes (Win32_NetworkAdapter joined with its
 * configuration), built from a real `ipconfig` output: names, addresses and masks come from it.
 */
export function adaptersFromIpconfig(ipconfig: string, override: (name: string) => Record<string, unknown> = () => ({})): string {
  const records: Record<string, unknown>[] = []
  let current: Record<string, unknown> | null = null
  for (const line of ipconfig.split(/\r?\n/)) {
    const head = /^(?:\S.*?)?(?:adapter|适配器)\s+(.+):\s*$/.exec(line)
    if (head) {
      current = { Name: head[1], NetConnectionID: head[1], NetEnabled: true, NetConnectionStatus: 2, IPAddress: [], IPSubnet: [] }
      records.push(current)
      continue
    }
    if (!current) continue
    const value = /:\s*(.*?)\s*(\(首选\))?$/.exec(line)?.[1] ?? ''
    if (/^\s+(Description|描述)/.test(line)) current.Name = value
    else if (/^\s+IPv4/.test(line)) (current.IPAddress as string[]).push(value)
    else if (/^\s+(Subnet Mask|子网掩码)/.test(line)) (current.IPSubnet as string[]).push(value)
    else if (/Media disconnected|媒体已断开/.test(line)) current.NetConnectionStatus = 7
  }
  return JSON.stringify(
    records.map((r) => ({ ...r, ...override(String(r.NetConnectionID)) })),
    null,
    2,
  )
}

/** `win.services` (Win32_Service) built from the real `sc query` excerpt; `stop` lists services to show as stopped. */
export function servicesFromScQuery(sc: string, stop: readonly string[] = []): string {
  const out: Record<string, unknown>[] = []
  for (const block of sc.split(/\r?\n\s*\r?\n/)) {
    const name = /SERVICE_NAME:\s*(.+)/.exec(block)?.[1]?.trim()
    if (!name) continue
    const running = /STATE\s*:\s*4\s+RUNNING/.test(block) && !stop.includes(name)
    out.push({ Name: name, DisplayName: /DISPLAY_NAME:\s*(.+)/.exec(block)?.[1]?.trim() ?? null, State: running ? 'Running' : 'Stopped', StartMode: 'Auto' })
  }
  return JSON.stringify(out, null, 2)
}

export const REGISTRY_17_6_4 = JSON.stringify({ InstallPath: 'C:\\Program Files (x86)\\VMware\\VMware Workstation\\', ProductVersion: '17.6.4.24832109' })
export const IPCONFIG_EN = text('commands/ipconfig-en-windows-vmnet1-vmnet8-cyrillic-adapters.txt')
export const SC_QUERY = text('commands/sc-query-vmware-and-hyperv-services-excerpt.txt')

/** A Windows host with Workstation 17.6.4, its services running and VMnet1/VMnet8 from a real ipconfig. */
export function windowsWorkstation(extra: Probes = {}): Probes {
  return {
    'win.vmware-registry': ok(REGISTRY_17_6_4),
    'win.uninstall': ok(JSON.stringify([{ DisplayName: 'VMware Workstation', DisplayVersion: '17.6.4', Publisher: 'VMware, Inc.' }])),
    'win.services': ok(servicesFromScQuery(SC_QUERY)),
    'win.netadapters': ok(adaptersFromIpconfig(IPCONFIG_EN)),
    'vmware.vmrun-list': ok(text('commands/vmrun-list-0-running.txt'), 0),
    ...extra,
  }
}

/** A Windows host without VMware: registry key absent, uninstall list without it, adapters without VMnets. */
export function windowsWithoutVmware(extra: Probes = {}): Probes {
  return {
    'win.vmware-registry': fail('missing', 'registry key not found'),
    'win.uninstall': ok(JSON.stringify([{ DisplayName: 'Oracle VM VirtualBox 7.0.14', DisplayVersion: '7.0.14', Publisher: 'Oracle Corporation' }])),
    'win.services': ok('[]'),
    'win.netadapters': ok(
      adaptersFromIpconfig(IPCONFIG_EN.replace(/Ethernet adapter VMware Network Adapter VMnet\d+:[\s\S]*?(?=\r?\n\S|$)/g, '')),
    ),
    'vmware.vmrun-list': fail('missing', "'vmrun' is not recognized as an internal or external command"),
    ...extra,
  }
}

/** Linux: the real config trio of one machine (192.168.135.0/24), its modules and its `ip addr` renumbered to match. */
export function linuxWorkstation(extra: Probes = {}): Probes {
  const ipAddr = text('commands/ip-addr-linux-host-vmnet1-vmnet8.txt').replace(/192\.168\.202\./g, '192.168.135.').replace(/172\.16\.189\./g, '172.16.78.')
  return {
    'vmware.version': ok(text('commands/vmware-v-linux-17.5.2.txt'), 0),
    'vmware.linux-networking': ok(text('config/linux-etc-vmware-networking')),
    'vmware.nat-conf': ok(text('config/linux-vmnet8-nat.conf')),
    'vmware.dhcp-conf': ok(text('config/linux-vmnet8-dhcpd.conf')),
    'vmware.dhcp-leases': ok(text('config/linux-vmnet8-dhcpd.leases')),
    'linux.modules': ok(text('commands/lsmod-grep-vm-linux.txt')),
    'linux.ip-addr': ok(ipAddr),
    'vmware.vmrun-list': ok(text('commands/vmrun-list-0-running.txt'), 0),
    ...extra,
  }
}
