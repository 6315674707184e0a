import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Capture } from '../../src/shared/host/capture'
import type { CheckId, FactValue, HostReport } from '../../src/shared/host/report'
import { criterionHolds, evaluateStep, factAt, formatFact, type StepEvaluation } from '../../src/shared/labs/evaluate'
import { FACTS_CATALOG, type FactShape } from '../../src/shared/labs/facts-catalog'
import { CriterionSchema, type Criterion, type StepSpec } from '../../src/shared/labs/schema'
import { loadLabs, type LoadedLabs } from '../../src/main/labs/loader'
import { RESOURCES_DIR } from '../support/services'
import {
  adaptersFromIpconfig,
  FIXTURES,
  hostCapture,
  IPCONFIG_EN,
  linuxWorkstation,
  ok,
  fail,
  report,
  SC_QUERY,
  servicesFromScQuery,
  text,
  vmdk,
  vmx,
  windowsWithoutVmware,
  windowsWorkstation,
  withProbes,
  type Probes,
} from '../support/vmware-evidence'

let packs: LoadedLabs
beforeAll(async () => {
  packs = await loadLabs(RESOURCES_DIR)
  expect(packs.problems).toEqual([])
})

function step(labId: string, stepId: string): StepSpec {
  const lab = packs.labs.find((l) => l.meta.id === labId)
  const found = lab?.steps.find((s) => s.spec.id === stepId)
  if (!found) throw new Error(`no step ${labId}/${stepId}`)
  return found.spec
}

/** criterion id → [passed, actual] */
const table = (e: StepEvaluation): Record<string, [boolean, string]> => Object.fromEntries(e.criteria.map((c) => [c.id, [c.passed, c.actual]]))
const failed = (e: StepEvaluation): string[] => e.criteria.filter((c) => !c.passed).map((c) => c.id)

// A real Windows 10 laptop capture (systeminfo), with real VMware files added.
const WIN = (): Capture => hostCapture('win-en-hp-elitebook-830g7-ready.capture.json')
const win = (probes: Probes): HostReport => report(withProbes(WIN(), probes))
const linux = (probes: Probes): HostReport => report(withProbes(hostCapture('linux-amd-ryzen7-2700x-baremetal.capture.json'), probes))

const WIN10_DIR = 'C:\\Users\\student\\Documents\\Virtual Machines\\Windows 10 x64'
/** The real Windows 10 VM: NAT, 2048 MB, 2 vCPU, EFI, LSI SAS, ISO on sata0:1, with its real 60 GiB split-disk descriptor. */
const WIN10_VM: Probes = {
  [`vmware.vmx:${WIN10_DIR}\\Windows 10 x64.vmx`]: vmx('win10-nat-lsisas-efi-sata-iso-windows1252.vmx'),
  [`vmware.vmdk:${WIN10_DIR}\\Windows 10 x64.vmdk`]: vmdk('win10-twoGbMaxExtentSparse-windows1252.vmdk'),
}
/** A real Workstation "in the wild" Debian 6 VM: bridged, 512 MB, 1 vCPU, disk not readable here. */
const DEBIAN_VM: Probes = { 'vmware.vmx:D:\\VMs\\Debian\\debian6.vmx': vmx('debian6-bridged-vmnet0-static-mac-ws-in-the-wild.vmx') }

describe('lab 3 (create a VM) on real .vmx files', () => {
  it('verify-vm passes for the real NAT / 2 GB / 2 vCPU / 60 GB VM, and shows its parsed settings', () => {
    const e = evaluateStep(step('create-vm', 'verify-vm'), win(windowsWorkstation(WIN10_VM)))
    expect(e.passed).toBe(true)
    expect(e.checkStatus).toBe('pass')
    expect(table(e)).toEqual({
      'guest-os': [true, 'windows9-64'],
      memory: [true, '2048'],
      vcpus: [true, '2'],
      nat: [true, 'nat'],
      disk: [true, '60'],
    })
    expect(e.element?.facts).toMatchObject({ displayName: 'Windows 10 x64', isoAttached: true, isoPath: 'C:\\Windows.iso', encoding: 'windows-1252' })
    expect(e.elementCount).toBe(1)
    expect(e.matchedTroubleshooting).toEqual([])
    expect(e.evidence.some((x) => /memsize/.test(x.excerpt))).toBe(true)
  })

  it('verify-vm fails the bridged 512 MB Debian VM for memory, vCPUs, NAT and disk — and points at those fixes', () => {
    const e = evaluateStep(step('create-vm', 'verify-vm'), win(windowsWorkstation(DEBIAN_VM)))
    expect(e.passed).toBe(false)
    expect(e.statusAccepted).toBe(true)
    expect(table(e)).toEqual({
      'guest-os': [true, 'debian6-64'],
      memory: [false, '512'],
      vcpus: [false, '1'],
      nat: [false, 'bridged'],
      disk: [false, '—'],
    })
    // The disk size is unknown (its .vmdk is not here), not too small: that entry is not pointed at.
    expect(e.matchedTroubleshooting).toEqual(['memory-too-small', 'too-few-cpus', 'not-nat'])
  })

  it('with several VMs, forAny judges the best match and reports its values', () => {
    const e = evaluateStep(step('create-vm', 'verify-vm'), win(windowsWorkstation({ ...DEBIAN_VM, ...WIN10_VM })))
    expect(e.passed).toBe(true)
    expect(e.elementCount).toBe(2)
    expect(e.element?.facts.displayName).toBe('Windows 10 x64')
  })

  it('a .vmx without connectionType is bridged (Workstation’s default): only the NAT criterion fails for that reason', () => {
    const e = evaluateStep(
      step('create-vm', 'verify-vm'),
      win(windowsWorkstation({ 'vmware.vmx:C:\\VMs\\WS2016\\Windows Server 2016.vmx': vmx('winserver2016-no-connectiontype-bridged-default-windows1252.vmx') })),
    )
    expect(table(e).nat).toEqual([false, 'bridged'])
    expect(table(e).memory).toEqual([true, '10000'])
    expect(e.matchedTroubleshooting).toEqual(['not-nat'])
  })

  it('attach-iso passes with the ISO on sata0:1 and fails for the Windows 11 VM whose CD drive is a host drive', () => {
    expect(evaluateStep(step('create-vm', 'attach-iso'), win(windowsWorkstation(WIN10_VM))).passed).toBe(true)
    const e = evaluateStep(
      step('create-vm', 'attach-iso'),
      win(windowsWorkstation({ 'vmware.vmx:C:\\VMs\\Win11\\Windows 11 x64.vmx': vmx('win11-nat-nvme-efi-vtpm-encrypted-hw21-windows1252.vmx') })),
    )
    expect(table(e)).toEqual({ 'iso-attached': [false, 'false'], memory: [true, '4096'] })
    expect(e.matchedTroubleshooting).toEqual(['iso-not-attached'])
  })

  it('with no VM at all, it fails on "a VM was found" and points at vm-not-found only', () => {
    const e = evaluateStep(step('create-vm', 'verify-vm'), linux(linuxWorkstation()))
    expect(e.checkStatus).toBe('todo')
    expect(e.passed).toBe(false)
    expect(e.elementCount).toBe(0)
    expect(e.element).toBeNull()
    expect(failed(e)).toEqual(['guest-os', 'memory', 'vcpus', 'nat', 'disk'])
    expect(e.matchedTroubleshooting).toEqual(['vm-not-found'])
  })
})

describe('lab 1 (install Workstation)', () => {
  it('without VMware, verify-install fails on "installed" — not on the version', () => {
    const r = win(windowsWithoutVmware())
    const e = evaluateStep(step('install-workstation', 'verify-install'), r)
    expect(e.passed).toBe(false)
    expect(e.checkStatus).toBe('todo')
    expect(e.statusAccepted).toBe(false)
    expect(e.checkSummary?.en).toBe('VMware Workstation Pro is not installed yet — Lab 1 installs it.')
    expect(table(e)).toEqual({ installed: [false, 'false'], version: [false, '—'] })
    expect(e.matchedTroubleshooting).toEqual(['not-detected'])
    const services = evaluateStep(step('install-workstation', 'services'), r)
    expect(services.passed).toBe(false)
    expect(services.checkSummary?.en).toMatch(/not installed/)
  })

  it('passes for 17.6.4 and for the calendar release 25H2, and fails an old 16.2.5 on the version although its build is higher than that of 17.0', () => {
    const verify = step('install-workstation', 'verify-install')
    const e = evaluateStep(verify, win(windowsWorkstation()))
    expect(e.passed).toBe(true)
    expect(table(e).version).toEqual([true, '17.6.4'])
    const calendar = win(windowsWorkstation({ 'win.vmware-registry': ok(JSON.stringify({ InstallPath: 'C:\\Program Files\\VMware\\VMware Workstation\\', ProductVersion: '25.0.0.24995812' })) }))
    expect(evaluateStep(verify, calendar).passed).toBe(true)
    const old = evaluateStep(verify, win(windowsWorkstation({ 'win.vmware-registry': ok(JSON.stringify({ InstallPath: 'C:\\VMware\\', ProductVersion: '16.2.5.20904516' })) })))
    expect(old.checkStatus).toBe('warn')
    expect(old.statusAccepted).toBe(true)
    expect(table(old)).toEqual({ installed: [true, 'true'], version: [false, '16.2.5'] })
    expect(old.matchedTroubleshooting).toEqual(['too-old'])
  })

  it('on Linux, the real `vmware -v` 15.5.2 output is too old; the services step reads the real lsmod/ip addr', () => {
    const r = linux(linuxWorkstation({ 'vmware.version': ok(text('commands/vmware-v-linux-15.5.2.txt'), 0) }))
    const e = evaluateStep(step('install-workstation', 'verify-install'), r)
    expect(e.passed).toBe(false)
    expect(failed(e)).toEqual(['version'])
    expect(evaluateStep(step('install-workstation', 'services'), linux(linuxWorkstation())).passed).toBe(true)
  })
})

describe('lab 2 (networks) on real Windows adapters, DHCP configuration and services', () => {
  // The real ipconfig renumbered to the real vmnetdhcp.conf's subnets (two different machines).
  const ipconfig = IPCONFIG_EN.replace(/192\.168\.179\./g, '192.168.193.').replace(/192\.168\.240\./g, '192.168.153.')
  const host = (extra: Probes = {}): HostReport =>
    win(windowsWorkstation({ 'win.netadapters': ok(adaptersFromIpconfig(ipconfig)), 'vmware.dhcp-conf': ok(text('config/windows-vmnetdhcp.conf')), ...extra }))

  it('adapters, NAT/DHCP settings and services all pass', () => {
    const r = host()
    const adapters = evaluateStep(step('network-configuration', 'host-adapters'), r)
    expect(table(adapters)).toEqual({
      'vmnet8-present': [true, 'true'],
      'vmnet8-up': [true, 'true'],
      'vmnet8-dot1': [true, '192.168.193.1'],
      'vmnet1-present': [true, 'true'],
      'vmnet1-up': [true, 'true'],
    })
    expect(adapters.passed).toBe(true)
    const nat = evaluateStep(step('network-configuration', 'nat-dhcp'), r)
    expect(table(nat)).toEqual({ 'vmnet8-nat': [true, 'nat'], 'nat-gateway': [true, '192.168.193.2'], 'dhcp-range': [true, '192.168.193.127'] })
    expect(nat.passed).toBe(true)
    expect(evaluateStep(step('network-configuration', 'services'), r).passed).toBe(true)
  })

  it('a disabled VMnet8 adapter fails "enabled" and points at vmnet8-disabled', () => {
    const r = host({ 'win.netadapters': ok(adaptersFromIpconfig(ipconfig, (name) => (/VMnet8/.test(name) ? { NetEnabled: false, NetConnectionStatus: 0 } : {}))) })
    const e = evaluateStep(step('network-configuration', 'host-adapters'), r)
    expect(e.passed).toBe(false)
    expect(failed(e)).toEqual(['vmnet8-up'])
    expect(e.matchedTroubleshooting).toEqual(['vmnet8-disabled'])
  })

  it('a stopped NAT service fails the services step on NAT only', () => {
    const e = evaluateStep(step('network-configuration', 'services'), host({ 'win.services': ok(servicesFromScQuery(SC_QUERY, ['VMware NAT Service'])) }))
    expect(e.checkStatus).toBe('fail')
    expect(table(e)).toEqual({ 'nat-running': [false, 'false'], 'dhcp-running': [true, 'true'] })
    expect(e.matchedTroubleshooting).toEqual(['nat-stopped'])
  })

  it('with the real ipconfig alone (no DHCP configuration read), NAT gateway and DHCP pool are missing', () => {
    const e = evaluateStep(step('network-configuration', 'nat-dhcp'), win(windowsWorkstation()))
    expect(table(e)).toEqual({ 'vmnet8-nat': [true, 'nat'], 'nat-gateway': [false, '—'], 'dhcp-range': [false, '—'] })
    expect(e.matchedTroubleshooting).toEqual(['no-gateway', 'dhcp-off'])
  })

  it('the real Linux networking / nat.conf / dhcpd.conf trio passes, and VMware missing fails every step', () => {
    const r = linux(linuxWorkstation())
    for (const id of ['host-adapters', 'nat-dhcp', 'services']) expect(evaluateStep(step('network-configuration', id), r).passed, id).toBe(true)
    const none = win(windowsWithoutVmware())
    const adapters = evaluateStep(step('network-configuration', 'host-adapters'), none)
    expect(adapters.passed).toBe(false)
    expect(adapters.checkSummary?.en).toMatch(/not installed/)
    expect(table(adapters)['vmnet8-present']).toEqual([false, 'false'])
  })
})

describe('lab 4 (install the OS) on real vmrun outputs', () => {
  const [a, b, c] = text('commands/vmrun-list-3-running-fusion.txt').trim().split('\n').slice(1).map((l) => l.trim())

  it('power-on fails with the real "Total running VMs: 0"', () => {
    const e = evaluateStep(step('install-os', 'power-on'), linux(linuxWorkstation()))
    expect(e.checkStatus).toBe('todo')
    expect(table(e)).toEqual({ running: [false, '0'] })
  })

  it('with the real list of three running VMs and Tools only "installed", power-on passes and vm-tools fails', () => {
    const r = linux(
      linuxWorkstation({
        'vmware.vmrun-list': ok(text('commands/vmrun-list-3-running-fusion.txt'), 0),
        [`vmware.tools-state:${a!}`]: ok(text('commands/vmrun-checkToolsState-installed.txt'), 0),
        [`vmware.guest-ip:${a!}`]: ok(text('commands/vmrun-getGuestIPAddress-error-tools-not-running.txt'), 255),
        [`vmware.tools-state:${b!}`]: ok(text('commands/vmrun-checkToolsState-unknown.txt'), 254),
        [`vmware.guest-ip:${b!}`]: ok(text('commands/vmrun-getGuestIPAddress-error-not-powered-on.txt'), 255),
        [`vmware.tools-state:${c!}`]: fail('timeout', 'vmrun timed out'),
      }),
    )
    expect(evaluateStep(step('install-os', 'power-on'), r).passed).toBe(true)
    const tools = evaluateStep(step('install-os', 'vm-tools'), r)
    expect(tools.passed).toBe(false)
    expect(table(tools)).toEqual({ 'tools-running': [false, 'installed'] })
    expect(tools.element?.facts.displayName).toBe('packer-fedora-20-x86_64')
    expect(tools.matchedTroubleshooting).toEqual(['tools-not-running'])
    const net = evaluateStep(step('install-os', 'network-test'), r)
    expect(table(net)).toEqual({ 'tools-running': [false, 'installed'], 'ip-in-pool': [false, '—'] })
    // No IP could be read: "not in the pool" is not the diagnosis.
    expect(net.matchedTroubleshooting).toEqual([])
  })

  it('vm-tools and network-test pass for the VM whose Tools run with an address in the real DHCP pool', () => {
    // No published Workstation output with Tools running exists (fixtures README): these two lines are ours.
    const r = linux(
      linuxWorkstation({
        'vmware.vmrun-list': ok(text('commands/vmrun-list-3-running-fusion.txt'), 0),
        [`vmware.vmx:${b!}`]: vmx('centos7-nat-gbk.vmx'),
        [`vmware.tools-state:${a!}`]: ok(text('commands/vmrun-checkToolsState-installed.txt'), 0),
        [`vmware.tools-state:${b!}`]: ok('running\n', 0),
        [`vmware.guest-ip:${b!}`]: ok('192.168.135.130\n', 0),
      }),
    )
    const net = evaluateStep(step('install-os', 'network-test'), r)
    expect(net.passed).toBe(true)
    expect(net.element?.facts).toMatchObject({ displayName: 'CentOS 7 64 位', guestIp: '192.168.135.130', ipInVmnet8Pool: true })
    // An address outside the pool (a static .50) fails on the pool only.
    const outside = linux(
      linuxWorkstation({
        'vmware.vmrun-list': ok(`Total running VMs: 1\n${b!}\n`, 0),
        [`vmware.tools-state:${b!}`]: ok('running\n', 0),
        [`vmware.guest-ip:${b!}`]: ok('192.168.135.50\n', 0),
      }),
    )
    const e = evaluateStep(step('install-os', 'network-test'), outside)
    expect(table(e)).toEqual({ 'tools-running': [true, 'running'], 'ip-in-pool': [false, 'false'] })
    expect(e.matchedTroubleshooting).toEqual(['not-in-pool'])
  })
})

describe('lab 0 (host readiness) on real host captures', () => {
  it('a KVM guest without nested VT-x fails the CPU step, pointing at "running inside a VM"', () => {
    const r = report(hostCapture('linux-kvm-guest-fedora29-ryzen-no-svm.capture.json'))
    expect(evaluateStep(step('host-readiness', 'run-check'), r).passed).toBe(true)
    const cpu = evaluateStep(step('host-readiness', 'cpu-support'), r)
    expect(cpu.passed).toBe(false)
    expect(cpu.checkStatus).toBe('fail')
    expect(cpu.matchedTroubleshooting).toContain('running-inside-vm')
    expect(cpu.matchedTroubleshooting).toContain('no-vt')
  })

  it('an Apple Silicon Mac fails the first step with the Apple Silicon entry', () => {
    const e = evaluateStep(step('host-readiness', 'run-check'), report(hostCapture('mac-apple-silicon-m3-max.capture.json')))
    expect(e.passed).toBe(false)
    expect(e.matchedTroubleshooting).toEqual(['apple-silicon'])
  })

  it('a ready Windows laptop passes CPU and firmware; a laptop with Hyper-V on still passes the hypervisor step (with a warning)', () => {
    const ready = report(WIN())
    expect(evaluateStep(step('host-readiness', 'cpu-support'), ready).passed).toBe(true)
    expect(evaluateStep(step('host-readiness', 'firmware'), ready).passed).toBe(true)
    const hv = report(hostCapture('win-zh-lenovo-laptop-hypervisor-detected.capture.json'))
    const e = evaluateStep(step('host-readiness', 'windows-hypervisor'), hv)
    expect(['pass', 'warn']).toContain(e.checkStatus)
    expect(e.passed).toBe(true)
  })
})

describe('the criteria language', () => {
  const c = (op: Criterion['op'], value?: Criterion['value']): Criterion =>
    CriterionSchema.parse({ id: 'x', fact: 'a', op, ...(value === undefined ? {} : { value }), label: { 'zh-CN': '甲', en: 'a' } })

  it('compares as documented', () => {
    expect(criterionHolds(c('==', 'nat'), 'nat')).toBe(true)
    expect(criterionHolds(c('==', 'nat'), 'NAT')).toBe(false)
    expect(criterionHolds(c('==', 2048), '2048')).toBe(true)
    expect(criterionHolds(c('==', null), undefined)).toBe(true)
    expect(criterionHolds(c('!=', 'bridged'), 'nat')).toBe(true)
    expect(criterionHolds(c('!=', 'bridged'), null)).toBe(true)
    expect(criterionHolds(c('>=', 2048), 2048)).toBe(true)
    expect(criterionHolds(c('>', 2048), 2048)).toBe(false)
    expect(criterionHolds(c('<', 10), 9.5)).toBe(true)
    expect(criterionHolds(c('<=', 10), null)).toBe(false)
    expect(criterionHolds(c('in', ['nat', 'hostonly']), 'hostonly')).toBe(true)
    expect(criterionHolds(c('in', ['nat', 'hostonly']), 'bridged')).toBe(false)
    expect(criterionHolds(c('exists'), 'x')).toBe(true)
    expect(criterionHolds(c('exists'), '')).toBe(false)
    expect(criterionHolds(c('exists'), null)).toBe(false)
    expect(criterionHolds(c('exists', false), null)).toBe(true)
    expect(criterionHolds(c('matches', '^rhel|^centos|^rocky'), 'rocky-64')).toBe(true)
    expect(criterionHolds(c('matches', '\\.1$'), '192.168.80.10')).toBe(false)
    expect(criterionHolds(c('matches', '\\.1$'), null)).toBe(false)
  })

  it('rejects criteria that cannot be judged', () => {
    const bad = (op: string, value?: unknown): string =>
      CriterionSchema.safeParse({ id: 'x', fact: 'a', op, value, label: { 'zh-CN': '甲', en: 'a' } }).error?.issues[0]?.message ?? 'accepted'
    expect(bad('>=', '2048')).toMatch(/needs a number/)
    expect(bad('in', 'nat')).toMatch(/list/)
    expect(bad('matches', '(')).toMatch(/regular expression/)
    expect(bad('==')).toMatch(/needs one value/)
    expect(bad('~=', 1)).not.toBe('accepted')
    expect(CriterionSchema.safeParse({ id: 'x', fact: 'a..b', op: 'exists', label: { 'zh-CN': '甲', en: 'a' } }).success).toBe(false)
  })

  it('reads dotted paths and formats what it found', () => {
    const facts: FactValue = { vmnet8: { subnet: '192.168.80.0', up: true }, list: [1, 2] }
    expect(factAt(facts, 'vmnet8.subnet')).toBe('192.168.80.0')
    expect(factAt(facts, 'vmnet8.missing')).toBeUndefined()
    expect(factAt(facts, 'vmnet8.subnet.deeper')).toBeUndefined()
    expect(factAt(facts, 'list.0')).toBeUndefined()
    expect([formatFact(undefined), formatFact(null), formatFact(true), formatFact(4096), formatFact([1, 2]), formatFact('x'.repeat(600)).length]).toEqual(['—', '—', 'true', '4096', '[1,2]', 500])
  })

  it('is "unknown" and fails when the report does not carry the check (a partial report)', () => {
    const r = { ...linux(linuxWorkstation()), partial: true }
    const e = evaluateStep(step('install-workstation', 'verify-install'), r)
    expect(e).toMatchObject({ passed: false, checkStatus: 'unknown', statusAccepted: false, checkTitle: null, checkSummary: null })
  })
})

describe('the facts catalog matches what the checks produce', () => {
  function keysOf(shape: FactShape): string[] | null {
    return shape === true || 'list' in shape ? null : Object.keys(shape).sort()
  }
  function compare(check: CheckId, facts: Record<string, FactValue>, where: string): void {
    const catalog = FACTS_CATALOG[check]!
    expect(Object.keys(facts).sort(), `${where} ${check}`).toEqual(Object.keys(catalog).sort())
    for (const [key, shape] of Object.entries(catalog)) {
      const value = facts[key]
      if (shape !== true && 'list' in shape && Array.isArray(value))
        for (const el of value) expect(Object.keys(el as object).sort(), `${where} ${check}.${key}[]`).toEqual(keysOf(shape.list as FactShape))
      else if (value && typeof value === 'object' && !Array.isArray(value)) expect(Object.keys(value).sort(), `${where} ${check}.${key}`).toEqual(keysOf(shape))
    }
  }

  it('for every recorded capture and every assembled VMware host', () => {
    const reports: [string, HostReport][] = readdirSync(join(FIXTURES, 'captures'))
      .filter((f) => f.endsWith('.capture.json'))
      .map((f) => [f, report(hostCapture(f))])
    reports.push(['windows + VMs', win(windowsWorkstation({ ...WIN10_VM, ...DEBIAN_VM }))], ['windows without VMware', win(windowsWithoutVmware())], ['linux', linux(linuxWorkstation())])
    for (const [where, r] of reports)
      for (const check of r.checks)
        if (FACTS_CATALOG[check.id] && Object.keys(check.facts).length > 0 && check.status !== 'skip') compare(check.id, check.facts, where)
  })
})
