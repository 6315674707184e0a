import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import type { Check, CheckId, CheckStatus, FactValue, HostReport } from '../../src/shared/host/report'
import type { Locale } from '../../src/shared/i18n/locale'
import { LocaleContext } from '../../src/renderer/src/i18n/locale-context'
import { AddressTranslation } from '../../src/renderer/src/pages/lessons/diagrams/AddressTranslation'
import { HypervisorTypes } from '../../src/renderer/src/pages/lessons/diagrams/HypervisorTypes'
import { Infrastructure, placeOnHosts } from '../../src/renderer/src/pages/lessons/diagrams/Infrastructure'
import { IoStacks } from '../../src/renderer/src/pages/lessons/diagrams/IoStacks'
import { LiveMigration, migrationAt } from '../../src/renderer/src/pages/lessons/diagrams/LiveMigration'
import { NetworkModes, hostIn, vmnetsFrom } from '../../src/renderer/src/pages/lessons/diagrams/NetworkModes'
import { StorageVirtualization } from '../../src/renderer/src/pages/lessons/diagrams/StorageVirtualization'
import { VirtualizationLayers } from '../../src/renderer/src/pages/lessons/diagrams/VirtualizationLayers'
import { textWidth, wrapText } from '../../src/renderer/src/pages/lessons/diagrams/svg'

function inLocale(locale: Locale, node: ReactNode) {
  return render(<LocaleContext.Provider value={{ locale, setLocale: async () => undefined }}>{node}</LocaleContext.Provider>)
}

const click = async (element: Element) => {
  await act(async () => {
    fireEvent.click(element)
  })
}
const next = (prefix: string) => click(screen.getByTestId(`${prefix}-next`))
const segment = (testId: string, label: string) => click(within(screen.getByTestId(testId)).getByText(label))

/** A host report with just the checks a diagram reads. */
function report(checks: { id: CheckId; status: CheckStatus; facts: Record<string, FactValue> }[]): HostReport {
  const full: Check[] = checks.map((c) => ({ ...c, title: { 'zh-CN': c.id, en: c.id }, summary: { 'zh-CN': '', en: '' }, details: [], evidence: [], fix: [] }))
  return { checks: full } as unknown as HostReport
}

describe('virtualization-layers', () => {
  it('shows what each level virtualizes when it is clicked or chosen with the keyboard', async () => {
    inLocale('zh-CN', <VirtualizationLayers />)
    expect(screen.getByTestId('layers-selected').textContent).toBe('硬件抽象层')
    expect(screen.getByTestId('layers-level-hal').getAttribute('aria-pressed')).toBe('true')
    await click(screen.getByTestId('layers-level-os'))
    expect(screen.getByTestId('layers-selected').textContent).toBe('操作系统层')
    expect(screen.getByTestId('layers-virt-layer').textContent).toContain('命名空间 + cgroups')
    expect(screen.getByTestId('diagram-virtualization-layers-caption').textContent).toContain('宿主机的内核')
    const lib = screen.getByTestId('layers-level-lib')
    await act(async () => {
      fireEvent.keyDown(lib, { key: 'Enter' })
    })
    expect(screen.getByTestId('layers-selected').textContent).toBe('库函数层')
    expect(screen.getByTestId('layers-virt-layer').textContent).toContain('Wine')
    // Every level is a button named by what it shows (level and examples).
    for (const name of ['硬件抽象层', '操作系统层', '库函数层', '编程语言层']) expect(screen.getByRole('button', { name: new RegExp(`^${name}`) })).toBeTruthy()
  })

  it('speaks English too', async () => {
    inLocale('en', <VirtualizationLayers />)
    await click(screen.getByTestId('layers-level-lang'))
    expect(screen.getByTestId('layers-selected').textContent).toBe('Programming-language level')
    expect(screen.getByTestId('layers-virt-layer').textContent).toContain('JVM')
  })
})

describe('live-migration', () => {
  it('steps through pre-copy rounds with shrinking dirty pages, a short stop-and-copy, then the ARP announcement', async () => {
    inLocale('en', <LiveMigration />)
    const dirty = () => Number(screen.getByTestId('migration-source').getAttribute('data-dirty'))
    expect(screen.getByTestId('migration-source-vm').textContent).toBe('VM running')
    const seen: number[] = []
    for (let round = 1; round <= 3; round += 1) {
      await next('migration-steps')
      seen.push(dirty())
      expect(screen.getByTestId('migration-text').textContent).toContain(`Pre-copy round ${round}`)
    }
    expect(seen).toEqual([18, 7, 3])
    expect(['0', '1', '2'].map((i) => screen.getByTestId(`migration-bar-${i}`).getAttribute('data-value'))).toEqual(['64', '18', '7'])
    await next('migration-steps')
    expect(screen.getByTestId('migration-source-vm').textContent).toBe('VM paused')
    expect(screen.getByTestId('migration-link').textContent).toContain('3 pages + CPU/device state')
    expect(screen.getByTestId('migration-downtime').textContent).toBe('Downtime about 40 ms')
    expect(screen.getByTestId('migration-mac').textContent).toContain('port 1')
    await next('migration-steps')
    screen.getByTestId('migration-arp')
    expect(screen.getByTestId('migration-mac').textContent).toContain('port 2')
    expect(screen.getByTestId('migration-destination-vm').textContent).toBe('VM running')
    await next('migration-steps')
    expect((screen.getByTestId('migration-steps-next') as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows a write-heavy VM that does not converge and pays with a long pause', async () => {
    inLocale('zh-CN', <LiveMigration />)
    await segment('migration-workload', '写内存很频繁的数据库')
    for (let i = 0; i < 4; i += 1) await next('migration-steps')
    expect(screen.getByTestId('migration-downtime').textContent).toBe('停机时间约 420 毫秒')
    expect(screen.getByTestId('migration-text').textContent).toContain('后拷贝')
    expect([1, 2, 3].map((s) => migrationAt('busy', s).dirty)).toEqual([40, 38, 41])
    // The model is deterministic.
    expect(migrationAt('normal', 2)).toEqual(migrationAt('normal', 2))
  })
})

describe('network-modes', () => {
  const withVmnets = report([
    {
      id: 'vmware.networks',
      status: 'pass',
      facts: {
        networks: [],
        vmnet1: { name: 'vmnet1', type: 'hostonly', subnet: '172.16.78.0', mask: '255.255.255.0', prefixLength: 24, hostAddress: '172.16.78.1', adapterPresent: true, adapterUp: true, natGateway: null, dhcpStart: null, dhcpEnd: null },
        vmnet8: { name: 'vmnet8', type: 'nat', subnet: '192.168.23.0', mask: '255.255.255.0', prefixLength: 24, hostAddress: '192.168.23.1', adapterPresent: true, adapterUp: true, natGateway: '192.168.23.2', dhcpStart: '192.168.23.128', dhcpEnd: '192.168.23.254' },
      },
    },
  ])

  it('uses this machine’s VMnet subnets and shows the NAT device rewriting the source', async () => {
    inLocale('zh-CN', <NetworkModes report={withVmnets} />)
    expect(screen.getByTestId('network-facts').getAttribute('data-source')).toBe('host')
    expect(screen.getByTestId('network-facts').textContent).toContain('VMnet8：192.168.23.0/24')
    expect(screen.getByTestId('network-vm').textContent).toContain('192.168.23.128')
    expect(screen.getByTestId('network-packet').getAttribute('data-src')).toBe('192.168.23.128')
    await next('network-steps')
    await next('network-steps')
    expect(screen.getByTestId('network-text').textContent).toContain('NAT 设备 192.168.23.2 把源地址从 192.168.23.128 改写为主机的地址')
    expect(screen.getByTestId('network-packet').getAttribute('data-src')).toBe('10.20.5.31')
  })

  it('host-only reaches the host adapter and no further; bridged keeps the VM’s own address', async () => {
    inLocale('en', <NetworkModes report={withVmnets} />)
    await segment('network-mode', 'Host-only (VMnet1)')
    expect(screen.getByTestId('network-adapter').textContent).toContain('172.16.78.1')
    for (let i = 0; i < 3; i += 1) await next('network-steps')
    screen.getByTestId('network-blocked')
    expect(screen.getByTestId('network-text').textContent).toContain('no NAT device')
    await segment('network-mode', 'Bridged (VMnet0)')
    for (let i = 0; i < 4; i += 1) await next('network-steps')
    expect(screen.getByTestId('network-packet').getAttribute('data-src')).toBe('10.20.5.77')
    expect(screen.queryByTestId('network-nat')).toBeNull()
  })

  it('labels example subnets when there is no report', () => {
    inLocale('en', <NetworkModes report={null} />)
    expect(screen.getByTestId('network-facts').getAttribute('data-source')).toBe('example')
    expect(screen.getByTestId('network-facts').textContent).toContain('Example subnets')
    expect(vmnetsFrom(null).vmnet8).toMatchObject({ subnet: '192.168.135.0', gateway: '192.168.135.2', fromHost: false })
    expect(hostIn('10.0.0.0', 258)).toBe('10.0.1.2')
  })
})

describe('address-translation', () => {
  it('steps an address with EPT, then with shadow tables where page-table writes trap', async () => {
    inLocale('en', <AddressTranslation report={null} />)
    await next('address-steps')
    expect(screen.getByTestId('address-step-text').textContent).toContain('guest frame 0x001F2, giving GPA 0x001F2A10')
    await next('address-steps')
    expect(screen.getByTestId('address-step-text').textContent).toContain('HPA 0x08C41A10')
    await click(screen.getByTestId('address-write'))
    expect(screen.getByTestId('address-traps').textContent).toBe('Traps into the VMM for page-table changes: 0')
    await segment('address-mode', 'Shadow page tables (software)')
    screen.getByTestId('address-shadow')
    await click(screen.getByTestId('address-write'))
    await click(screen.getByTestId('address-write'))
    expect(screen.getByTestId('address-traps').textContent).toBe('Traps into the VMM for page-table changes: 2')
    await segment('address-pick', '0x7FFE1234')
    await next('address-steps')
    expect(screen.getByTestId('address-step-text').textContent).toContain('host frame 0x02B17, giving HPA 0x02B17234')
    expect(screen.getByTestId('address-machine').textContent).toContain('No host check yet')
  })

  it('tells what this machine uses, from the last host report', () => {
    const noSlat = report([
      { id: 'cpu.vt-extensions', status: 'pass', facts: { present: true, vendor: 'intel', name: 'Intel VT-x' } },
      { id: 'cpu.slat', status: 'warn', facts: { present: false, name: 'Intel EPT' } },
    ])
    const { unmount } = inLocale('zh-CN', <AddressTranslation report={noSlat} />)
    expect(screen.getByTestId('address-machine').textContent).toContain('这台电脑没有 Intel EPT：VMware 只能用“影子页表”模式')
    unmount()
    const arm = report([
      { id: 'cpu.vt-extensions', status: 'skip', facts: { present: null, vendor: 'arm', name: 'VT-x / AMD-V' } },
      { id: 'cpu.slat', status: 'skip', facts: { present: null, name: 'EPT / RVI' } },
    ])
    inLocale('en', <AddressTranslation report={arm} />)
    expect(screen.getByTestId('address-machine').textContent).toContain('This is an ARM computer')
  })
})

describe('the other diagrams', () => {
  it('hypervisor-types: fewer layers on bare metal; a VM exit under VT-x, a hypercall under para-virtualization', async () => {
    inLocale('en', <HypervisorTypes />)
    expect(screen.getByTestId('hv-layers').textContent).toContain('crosses 3 software layers')
    await segment('hv-arch', 'Bare-metal (type 1)')
    expect(screen.getByTestId('hv-layers').textContent).toContain('crosses 2 software layers')
    await next('hv-steps')
    await next('hv-steps')
    expect(screen.getByTestId('hv-step-text').textContent).toContain('VM exit')
    await segment('hv-tech', 'Para-virtualization (hypercall)')
    await next('hv-steps')
    expect(screen.getByTestId('hv-step-text').textContent).toContain('hypercall')
  })

  it('infrastructure: the same services on fewer, busier hosts', async () => {
    inLocale('en', <Infrastructure />)
    expect(screen.getByTestId('infra-machines').textContent).toContain('6')
    await click(screen.getByTestId('infra-add'))
    expect(screen.getByTestId('infra-machines').textContent).toContain('7')
    await segment('infra-mode', 'Virtual: VMs on a resource pool')
    expect(screen.getByTestId('infra-machines').textContent).toContain('2')
    expect(placeOnHosts([{ id: 'crm', load: 50 }, { id: 'web', load: 50 }, { id: 'erp', load: 50 }]).length).toBe(3)
  })

  it('storage-virtualization: the mapping layer moves from hosts to arrays to the network', async () => {
    inLocale('zh-CN', <StorageVirtualization />)
    expect(screen.getAllByTestId(/^storage-layer-host-/)).toHaveLength(3)
    await segment('storage-approach', '基于存储设备')
    expect(screen.getAllByTestId(/^storage-layer-device-/)).toHaveLength(2)
    await segment('storage-approach', '基于网络')
    screen.getByTestId('storage-layer-appliance')
    await segment('storage-network-form', '带外（非对称）')
    screen.getByTestId('storage-layer-mds')
    expect(screen.getByTestId('storage-info').textContent).toContain('元数据服务器')
  })

  it('io-stacks: Xen crosses two boundaries to reach Dom0’s drivers, ESXi one', async () => {
    inLocale('en', <IoStacks />)
    await segment('io-product', 'Xen')
    for (let i = 0; i < 4; i += 1) await next('io-steps')
    expect(screen.getByTestId('io-crossings').textContent).toBe('Boundary crossings on the way: 2')
    await segment('io-product', 'ESX / ESXi')
    for (let i = 0; i < 3; i += 1) await next('io-steps')
    expect(screen.getByTestId('io-crossings').textContent).toBe('Boundary crossings on the way: 1')
    expect(screen.getByTestId('io-driver').textContent).toContain('vmkernel')
  })
})

describe('svg text helpers', () => {
  it('wraps Latin text at spaces and CJK text anywhere, within the width', () => {
    expect(wrapText('Hypervisor (virtualization layer)', 120, 13)).toEqual(['Hypervisor', '(virtualization', 'layer)'])
    const zh = wrapText('命名空间 + cgroups（虚拟化层）', 100, 13)
    expect(zh.join('').replace(/\s/g, '')).toBe('命名空间+cgroups（虚拟化层）')
    expect(zh.length).toBeGreaterThan(1)
    for (const line of zh) expect(textWidth(line, 13)).toBeLessThanOrEqual(100)
  })
})
