import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Capture, ProbeResult } from '../../src/shared/host/capture'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { GUEST_STRING, identifyWindowsGuest } from '../../src/main/host/interpret/windows-guest'

/**
 * Issue 12: "physical" needs positive evidence. Windows captures are generated from the parts a VM,
 * a physical PC with Windows' own hypervisor, or anything in between can show; whatever the maker
 * string says, a machine without positive evidence of real hardware (or of Windows' own hypervisor)
 * must never be called physical, never pass VT-x or the firmware check, never be ready.
 */

const ok = (value: unknown): ProbeResult => ({ ok: true, text: JSON.stringify(value, null, 2), durationMs: 1 })
const denied: ProbeResult = { ok: false, error: { kind: 'denied', message: 'Access is denied.' }, durationMs: 1 }

const OEM = ['LENOVO', 'HP', 'Dell Inc.', 'ASUSTeK COMPUTER INC.', 'HUAWEI', 'Micro-Star International Co., Ltd.', 'Acer', 'Microsoft Corporation']
const UNLISTED = ['Sangfor Technologies', 'Alibaba Cloud', 'Tencent Cloud', 'ZStack', 'H3C', 'Ruijie', 'Inspur', 'Huawei Cloud', 'To Be Filled By O.E.M.', 'System manufacturer']
const GUEST_MAKER = ['VMware, Inc.', 'innotek GmbH', 'QEMU', 'Xen', 'Parallels Software International Inc.', 'Amazon EC2', 'Google']
const GENERIC_DEVICES = ['Intel(R) Ethernet Connection (7) I219-LM', 'Realtek PCIe GbE Family Controller', 'Samsung SSD 970 EVO Plus 1TB', 'NVIDIA GeForce RTX 3060 Laptop GPU', 'Microsoft Basic Display Adapter', 'VMware Virtual Ethernet Adapter for VMnet8', 'VirtualBox Host-Only Ethernet Adapter', 'Hyper-V Virtual Ethernet Adapter']
const RADIOS = ['Intel(R) Wi-Fi 6 AX201 160MHz', 'Bluetooth Device (Personal Area Network)', 'Qualcomm Atheros QCA9377 Wireless Network Adapter', 'Realtek 8822CE Wireless LAN 802.11ac PCI-E NIC']
const GUEST_DEVICES = ['vmxnet3 Ethernet Adapter', 'VMware SVGA 3D', 'Red Hat VirtIO Ethernet Adapter', 'Microsoft Hyper-V Network Adapter', 'VBOX HARDDISK', 'QEMU HARDDISK']
const FEATURES = ['Microsoft-Hyper-V-All', 'VirtualMachinePlatform', 'HypervisorPlatform', 'Containers-DisposableClientVM']

const maker = fc.oneof(fc.constantFrom(...OEM, ...UNLISTED), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[vV][mM]|box|qemu|kvm|xen|virtual|hyper|parallels|bochs|seabios|ovmf|edk|nutanix|ahv|utm|amazon|google|openstack/i.test(s) && !GUEST_STRING.test(s)))
const model = fc.oneof(fc.constantFrom('20FWA020CD', 'HP EliteBook 840 G3', 'aDesk VDI', 'Cloud PC', 'ECS', 'CVM', 'Standard PC', 'NBLB-WAX9N', 'To Be Filled By O.E.M.'), fc.string({ maxLength: 16 }).filter((s) => !/virtual|vm|kvm|box|hyper|xen/i.test(s) && !GUEST_STRING.test(s)))
const featureStates = fc.array(fc.constantFrom(1, 2, 3), { minLength: FEATURES.length, maxLength: FEATURES.length })

interface Parts {
  maker: string
  model: string
  hypervisorPresent: boolean | null
  pcSystemType: number | null
  chassis: number[]
  devices: string[]
  vbs: number | null
  hypervisorSupport: boolean
  features: number[] | null
  launchType: 'Off' | 'Auto' | null
  vmx: boolean
  firmware: boolean
  slat: boolean
}

function capture(p: Parts): Capture {
  const probes: Record<string, ProbeResult> = {
    'win.computersystem': ok({ Manufacturer: p.maker, Model: p.model, HypervisorPresent: p.hypervisorPresent, PCSystemType: p.pcSystemType, TotalPhysicalMemory: 16 * 2 ** 30, SystemType: 'x64-based PC' }),
    'win.processor': ok([{ Name: 'Intel(R) Core(TM) i5-10210U CPU @ 1.60GHz', Manufacturer: 'GenuineIntel', NumberOfCores: 4, NumberOfLogicalProcessors: 8, VMMonitorModeExtensions: p.vmx, VirtualizationFirmwareEnabled: p.firmware, SecondLevelAddressTranslationExtensions: p.slat, Architecture: 9 }]),
    'win.os': ok({ Caption: 'Microsoft Windows 11 家庭中文版', Version: '10.0.22631', BuildNumber: '22631', OSArchitecture: '64 位' }),
    'win.bios': ok({ Manufacturer: p.maker, SMBIOSBIOSVersion: '1.0.3' }),
    'win.enclosure': ok([{ ChassisTypes: p.chassis }]),
    'win.devices': ok(p.devices.map((Name) => ({ Class: 'disk', Name }))),
    'win.deviceguard': p.vbs === null ? denied : ok({ VirtualizationBasedSecurityStatus: p.vbs, SecurityServicesRunning: p.vbs === 2 ? [2] : [0], AvailableSecurityProperties: p.hypervisorSupport ? [1, 2, 3] : [2] }),
    'win.optional-features': p.features === null ? denied : ok(FEATURES.map((Name, i) => ({ Name, InstallState: p.features![i] }))),
    'win.bcdedit': p.launchType === null ? denied : { ok: true, text: `Windows Boot Loader\nidentifier              {current}\n${p.launchType === 'Off' ? 'hypervisorlaunchtype    Off\n' : ''}`, durationMs: 1 },
    'win.hyperv-guest': ok({ Present: false }),
    'win.wsl': ok([]),
    'win.uninstall': ok([]),
  }
  return { format: 'virtlab.capture', version: 1, capturedAt: '2026-12-05T00:00:00Z', appVersion: 'test', platform: 'win32', arch: 'x64', redacted: false, probes }
}

const READY = ['ready', 'ready-with-caveats']
const statusOf = (report: ReturnType<typeof evaluateCapture>, id: string): string | undefined => report.checks.find((c) => c.id === id)?.status

/** A VM without nested virtualization, from any maker: what Windows inside it can show. */
const vm: fc.Arbitrary<Parts> = fc.record({
  maker: fc.oneof(maker, fc.constantFrom(...GUEST_MAKER)),
  model,
  hypervisorPresent: fc.constant(true),
  pcSystemType: fc.constantFrom(0, 1, 3, null),
  chassis: fc.constantFrom<number[]>([1], [3], [17], []),
  devices: fc.array(fc.constantFrom(...GENERIC_DEVICES, ...GUEST_DEVICES), { maxLength: 4 }),
  // No nested VT-x: Windows' hypervisor cannot start, so VBS is at most configured, and Device Guard
  // sees no hypervisor support; features may still have been ticked by the student.
  vbs: fc.constantFrom(0, 1, null),
  hypervisorSupport: fc.constant(false),
  features: fc.option(featureStates, { nil: null }),
  launchType: fc.constantFrom('Off' as const, 'Auto' as const, null),
  vmx: fc.constant(false),
  firmware: fc.boolean(),
  slat: fc.constant(false),
})

/** Anything at all. */
const anything: fc.Arbitrary<Parts> = fc.record({
  maker: fc.oneof(maker, fc.constantFrom(...GUEST_MAKER)),
  model,
  hypervisorPresent: fc.constantFrom(true, false, null),
  pcSystemType: fc.constantFrom(0, 1, 2, 3, 8, null),
  chassis: fc.constantFrom<number[]>([1], [3], [9], [10], [31], []),
  devices: fc.array(fc.constantFrom(...GENERIC_DEVICES, ...RADIOS, ...GUEST_DEVICES), { maxLength: 5 }),
  vbs: fc.constantFrom(0, 1, 2, null),
  hypervisorSupport: fc.boolean(),
  features: fc.option(featureStates, { nil: null }),
  launchType: fc.constantFrom('Off' as const, 'Auto' as const, null),
  vmx: fc.boolean(),
  firmware: fc.boolean(),
  slat: fc.boolean(),
})

/** What counts as positive evidence of real hardware, or of Windows' own hypervisor. */
function positiveEvidence(p: Parts): boolean {
  const featureRoot = p.features !== null && p.features.some((s) => s === 1) && p.launchType !== 'Off' && p.hypervisorSupport && p.vbs !== null
  return (
    p.hypervisorPresent === false ||
    p.pcSystemType === 2 ||
    p.pcSystemType === 8 ||
    p.chassis.some((c) => [8, 9, 10, 11, 14, 30, 31, 32].includes(c)) ||
    p.devices.some((d) => RADIOS.includes(d)) ||
    p.vbs === 2 ||
    featureRoot
  )
}

describe('Windows guest identification (issue 12)', () => {
  // 6,000 + 4,000 + 1,000 generated captures, run in slices of 2,000 so no single test nears the timeout on a loaded machine.
  it.each([1, 2, 3])('a VM without nested virtualization is never physical, never passes VT-x or firmware, never ready — whatever its maker (slice %i of 3 × 2,000)', (slice) => {
    fc.assert(
      fc.property(vm, (parts) => {
        const report = evaluateCapture(capture(parts), { source: 'replay', generatedAt: 'x' })
        expect(statusOf(report, 'host.virtual-machine')).not.toBe('pass')
        expect(statusOf(report, 'cpu.vt-extensions')).not.toBe('pass')
        expect(statusOf(report, 'firmware.vt-enabled')).not.toBe('pass')
        expect(READY).not.toContain(report.verdict.status)
      }),
      { numRuns: 2000, seed: 1200 + slice },
    )
  })

  it.each([1, 2])('"physical" and a ready verdict always rest on positive evidence and on no sign of a VM (slice %i of 2 × 2,000)', (slice) => {
    fc.assert(
      fc.property(anything, (parts) => {
        const report = evaluateCapture(capture(parts), { source: 'replay', generatedAt: 'x' })
        const guestSign = /VMware|innotek|QEMU|Xen|Parallels|Amazon|Google/.test(parts.maker) || parts.devices.some((d) => GUEST_DEVICES.includes(d))
        if (statusOf(report, 'host.virtual-machine') === 'pass') {
          expect(positiveEvidence(parts)).toBe(true)
          expect(guestSign).toBe(false)
        }
        if (READY.includes(report.verdict.status)) {
          // Physical, or a guest whose hypervisor visibly passes VT-x through (nested virtualization).
          expect(['pass', 'warn']).toContain(statusOf(report, 'host.virtual-machine'))
          if (statusOf(report, 'host.virtual-machine') === 'warn') expect(report.checks.find((c) => c.id === 'host.virtual-machine')?.facts.nestedExposed).toBe(true)
        }
        // A hypervisor present and guest status unknown: CPU and firmware may not pass.
        if (parts.hypervisorPresent === true && report.checks.find((c) => c.id === 'host.virtual-machine')?.facts.isGuest === null) {
          expect(statusOf(report, 'cpu.vt-extensions')).not.toBe('pass')
          expect(statusOf(report, 'firmware.vt-enabled')).not.toBe('pass')
        }
      }),
      { numRuns: 2000, seed: 2200 + slice },
    )
  })

  it('a physical laptop with VBS running stays ready-with-caveats (1,000 captures)', () => {
    const laptop: fc.Arbitrary<Parts> = fc.record({
      maker: fc.oneof(maker),
      model,
      hypervisorPresent: fc.constant(true),
      pcSystemType: fc.constant(2),
      chassis: fc.constantFrom<number[]>([9], [10], [31]),
      devices: fc.array(fc.constantFrom(...GENERIC_DEVICES), { maxLength: 3 }).map((d) => [...d, RADIOS[0]!]),
      vbs: fc.constant(2),
      hypervisorSupport: fc.constant(true),
      features: fc.option(featureStates, { nil: null }),
      launchType: fc.constantFrom('Auto' as const, null),
      vmx: fc.constant(false),
      firmware: fc.constant(false),
      slat: fc.constant(false),
    })
    fc.assert(
      fc.property(laptop, (parts) => {
        const report = evaluateCapture(capture(parts), { source: 'replay', generatedAt: 'x' })
        expect(statusOf(report, 'host.virtual-machine')).toBe('pass')
        expect(statusOf(report, 'cpu.vt-extensions')).toBe('pass')
        expect(statusOf(report, 'firmware.vt-enabled')).toBe('pass')
        expect(report.verdict.status).toBe('ready-with-caveats')
      }),
      { numRuns: 1000, seed: 3200 },
    )
  })

  it('the hand-made VDI desktop from a maker no list names, HypervisorPresent = True, is neither ready nor ready-with-caveats', () => {
    const file = join(__dirname, '../fixtures/handmade/win-unlisted-maker-vdi-hypervisor-present.capture.json')
    const report = evaluateCapture(parseCaptureText(readFileSync(file, 'utf8'), file), { source: 'replay', generatedAt: 'x' })
    expect(READY).not.toContain(report.verdict.status)
    expect(statusOf(report, 'host.virtual-machine')).toBe('unknown')
    expect(statusOf(report, 'cpu.vt-extensions')).toBe('unknown')
    expect(statusOf(report, 'firmware.vt-enabled')).toBe('unknown')
    expect(report.checks.find((c) => c.id === 'host.virtual-machine')?.summary.en).toMatch(/Windows did not start/)
  })

  it('reads each kind of evidence', () => {
    const base = {
      manufacturer: 'Sangfor', model: 'aDesk', hypervisorPresent: true, pcSystemType: 1, biosStrings: [], baseboardStrings: [], chassisTypes: [],
      hypervGuestKey: false, deviceNames: [], vbsStatus: 0, hypervisorSupportAvailable: false, features: null, launchType: null,
    }
    expect(identifyWindowsGuest(base).isGuest).toBeNull()
    expect(identifyWindowsGuest({ ...base, hypervGuestKey: true })).toMatchObject({ isGuest: true, hypervisor: 'Microsoft Hyper-V' })
    expect(identifyWindowsGuest({ ...base, baseboardStrings: ['Intel Corporation', '440BX Desktop Reference Platform'] })).toMatchObject({ isGuest: true, hypervisor: 'VMware' })
    expect(identifyWindowsGuest({ ...base, biosStrings: ['SeaBIOS'] })).toMatchObject({ isGuest: true })
    expect(identifyWindowsGuest({ ...base, deviceNames: ['VMware Virtual Ethernet Adapter for VMnet1'] }).isGuest).toBeNull()
    expect(identifyWindowsGuest({ ...base, deviceNames: ['Intel(R) Wireless-AC 9560 160MHz'] }).isGuest).toBe(false)
    expect(identifyWindowsGuest({ ...base, chassisTypes: [10] }).isGuest).toBe(false)
    expect(identifyWindowsGuest({ ...base, vbsStatus: 2 })).toMatchObject({ isGuest: false, rootPartition: true })
    // A feature ticked inside a VM whose CPU cannot start Windows' hypervisor is no root partition.
    const vmp = new Map([['VirtualMachinePlatform', 'enabled' as const]])
    expect(identifyWindowsGuest({ ...base, features: vmp }).rootPartition).toBe(false)
    expect(identifyWindowsGuest({ ...base, features: vmp, hypervisorSupportAvailable: true }).rootPartition).toBe(true)
    const off = new Map([['VirtualMachinePlatform', 'disabled' as const], ['Microsoft-Hyper-V-All', 'disabled' as const]])
    expect(identifyWindowsGuest({ ...base, features: off }).foreignHypervisor).toBe(true)
  })
})
