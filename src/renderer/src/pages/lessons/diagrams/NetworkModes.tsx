import { Segmented, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { FactValue, HostReport } from '../../../../../shared/host/report'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { networkMessages } from '../../../i18n/messages/diagram-network'
import { Arrow, ArrowDefs, Box, DiagramFrame, PALETTE, StepControls, textWidth } from './svg'

type Mode = 'bridged' | 'nat' | 'hostonly'
type Spot = 'vm' | 'vswitch' | 'nat' | 'adapter' | 'nic' | 'lan' | 'internet' | 'blocked'

const HOPS: Record<Mode, Spot[]> = {
  bridged: ['vm', 'vswitch', 'nic', 'lan', 'internet'],
  nat: ['vm', 'vswitch', 'nat', 'nic', 'lan', 'internet'],
  hostonly: ['vm', 'vswitch', 'adapter', 'blocked'],
}
const WEBSITE = '93.184.215.14'
const LAN = { subnet: '10.20.5.0', prefix: 24, host: '10.20.5.31', vm: '10.20.5.77' }
/** Used when the last host report has no VMware networks. */
const EXAMPLE = {
  vmnet1: { subnet: '192.168.72.0', prefix: 24 },
  vmnet8: { subnet: '192.168.135.0', prefix: 24 },
}

export interface VmnetInfo {
  readonly name: string
  readonly subnet: string
  readonly prefix: number
  readonly host: string
  readonly gateway: string | null
  readonly dhcpStart: string
  readonly dhcpEnd: string
  readonly fromHost: boolean
}

function ipToInt(ip: string): number | null {
  const parts = ip.split('.').map(Number)
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null
  return (((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!) >>> 0
}
function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}
/** The n-th address of a subnet (n = 1 → .1 in a /24). */
export function hostIn(subnet: string, n: number): string {
  const base = ipToInt(subnet)
  return base === null ? subnet : intToIp((base + n) >>> 0)
}

const str = (v: FactValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null)
const num = (v: FactValue | undefined): number | null => (typeof v === 'number' ? v : null)

/** VMnet1 and VMnet8 as the last host report saw them, or labelled example subnets. */
export function vmnetsFrom(report: HostReport | null): { vmnet1: VmnetInfo; vmnet8: VmnetInfo; fromHost: boolean } {
  const facts = report?.checks.find((c) => c.id === 'vmware.networks')?.facts
  const read = (name: 'vmnet1' | 'vmnet8'): VmnetInfo => {
    const raw = facts?.[name]
    const net = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : null
    const subnet = str(net?.subnet)
    if (net && subnet && ipToInt(subnet) !== null) {
      const prefix = num(net.prefixLength) ?? 24
      const size = 2 ** (32 - prefix)
      return {
        name,
        subnet,
        prefix,
        host: str(net.hostAddress) ?? hostIn(subnet, 1),
        gateway: name === 'vmnet8' ? (str(net.natGateway) ?? hostIn(subnet, 2)) : null,
        dhcpStart: str(net.dhcpStart) ?? hostIn(subnet, Math.min(128, size - 2)),
        dhcpEnd: str(net.dhcpEnd) ?? hostIn(subnet, size - 2),
        fromHost: true,
      }
    }
    const ex = EXAMPLE[name]
    return {
      name,
      subnet: ex.subnet,
      prefix: ex.prefix,
      host: hostIn(ex.subnet, 1),
      gateway: name === 'vmnet8' ? hostIn(ex.subnet, 2) : null,
      dhcpStart: hostIn(ex.subnet, 128),
      dhcpEnd: hostIn(ex.subnet, 254),
      fromHost: false,
    }
  }
  const vmnet1 = read('vmnet1')
  const vmnet8 = read('vmnet8')
  return { vmnet1, vmnet8, fromHost: vmnet1.fromHost || vmnet8.fromHost }
}

/** Lesson 7: send a packet from a VM via bridged, NAT or host-only networking, with this machine's VMnet subnets. */
export function NetworkModes(props: { report?: HostReport | null }): React.JSX.Element {
  const t = useMessages(networkMessages)
  const [mode, setMode] = useState<Mode>('nat')
  const [step, setStep] = useState(0)
  const nets = vmnetsFrom(props.report ?? null)
  const hops = HOPS[mode]
  const at = hops[step] ?? 'vm'
  const defs = 'nm'

  const vmAddress = mode === 'bridged' ? LAN.vm : mode === 'nat' ? nets.vmnet8.dhcpStart : nets.vmnet1.dhcpStart
  const vnetName = mode === 'bridged' ? 'VMnet0' : mode === 'nat' ? 'VMnet8' : 'VMnet1'
  const values = { vm: vmAddress, web: WEBSITE, gw: nets.vmnet8.gateway ?? '', host: LAN.host, hostOnly: nets.vmnet1.host }
  const hopKey = `h${step + 1}` as keyof (typeof t.hop)[Mode]
  const text = fmt((t.hop[mode] as Record<string, string>)[hopKey] ?? '', values)
  // After the NAT device the source is the host's address.
  const rewritten = mode === 'nat' && hops.indexOf(at) >= hops.indexOf('nat')
  const src = rewritten ? LAN.host : vmAddress

  const spots: Record<Spot, { x: number; y: number }> = {
    vm: { x: 75, y: 150 },
    vswitch: { x: 240, y: 150 },
    nat: { x: 385, y: 150 },
    adapter: { x: 385, y: 246 },
    nic: { x: 530, y: 150 },
    lan: { x: 665, y: 150 },
    internet: { x: 780, y: 150 },
    blocked: { x: 530, y: 150 },
  }
  const lit = (spot: Spot): boolean => hops.indexOf(spot) !== -1 && hops.indexOf(spot) <= step
  const pathKind = (to: Spot) => (lit(to) ? 'a' : 'n')
  const packetAt = spots[at]

  const netLine = (net: VmnetInfo) =>
    fmt(t.facts.net, { name: net.name.replace('vmnet', 'VMnet'), subnet: net.subnet, prefix: net.prefix, host: net.host }) +
    (net.gateway ? fmt(t.facts.gateway, { gw: net.gateway }) : '') +
    fmt(t.facts.dhcp, { start: net.dhcpStart, end: net.dhcpEnd })

  return (
    <DiagramFrame
      testId="diagram-network-modes"
      title={t.title}
      label={t.label}
      viewBox="0 0 830 320"
      controls={
        <Segmented
          value={mode}
          onChange={(v) => {
            setMode(v as Mode)
            setStep(0)
          }}
          options={[
            { value: 'bridged', label: t.modes.bridged },
            { value: 'nat', label: t.modes.nat },
            { value: 'hostonly', label: t.modes.hostonly },
          ]}
          data-testid="network-mode"
        />
      }
      caption={<span data-testid="network-text">{text}</span>}
      footer={
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <StepControls step={step} total={hops.length} onStep={setStep} testId="network-steps" nextLabel={t.send} />
          <div className="network-facts" data-testid="network-facts" data-source={nets.fromHost ? 'host' : 'example'}>
            <Typography.Text type="secondary">{nets.fromHost ? t.facts.real : t.facts.example}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {[nets.vmnet1, nets.vmnet8].map((net) => (
                <li key={net.name}>
                  <Tag color={net.fromHost ? 'green' : 'default'}>{net.fromHost ? t.facts.realTag : t.facts.exampleTag}</Tag>
                  <code>{netLine(net)}</code>
                </li>
              ))}
              <li>
                <Tag>{t.facts.exampleTag}</Tag>
                <code>{fmt(t.facts.lanExample, { subnet: `${LAN.subnet}/${LAN.prefix}` })}</code>
              </li>
            </ul>
          </div>
        </Space>
      }
    >
      <ArrowDefs id={defs} />
      {/* The host. */}
      <rect x={160} y={14} width={440} height={296} rx={12} fill="#fbfcfe" stroke="#b0b7c3" strokeDasharray="6 4" />
      <text x={174} y={34} fontSize={12} fill={PALETTE.subtle}>
        {t.host}
      </text>

      <Box x={10} y={110} w={130} h={80} label={t.vm} sub={vmAddress} tone="guest" active={at === 'vm'} testId="network-vm" />
      <Box x={180} y={115} w={120} h={70} label={fmt(t.vswitch, { name: vnetName })} sub={mode === 'bridged' ? undefined : `${(mode === 'nat' ? nets.vmnet8 : nets.vmnet1).subnet}/${(mode === 'nat' ? nets.vmnet8 : nets.vmnet1).prefix}`} tone="layer" active={at === 'vswitch'} testId="network-vswitch" />
      {mode === 'nat' && <Box x={325} y={115} w={120} h={70} label={t.nat} sub={nets.vmnet8.gateway ?? ''} tone="os" active={at === 'nat'} testId="network-nat" />}
      {mode !== 'bridged' ? (
        <Box
          x={325}
          y={215}
          w={120}
          h={62}
          label={fmt(t.hostAdapter, { name: vnetName })}
          sub={mode === 'nat' ? nets.vmnet8.host : nets.vmnet1.host}
          tone="os"
          active={at === 'adapter'}
          testId="network-adapter"
        />
      ) : (
        <text x={385} y={250} textAnchor="middle" fontSize={11.5} fill={PALETTE.subtle}>
          {t.noAdapter}
        </text>
      )}
      <Box x={470} y={115} w={120} h={70} label={t.nic} sub={LAN.host} tone="hardware" active={at === 'nic'} dashed={mode === 'hostonly'} testId="network-nic" />
      <Box x={615} y={115} w={100} h={70} label={t.lan} sub={t.lanSub} tone="neutral" active={at === 'lan'} dashed={mode === 'hostonly'} />
      <Box x={735} y={115} w={88} h={70} label={t.internet} sub={t.website} tone="neutral" active={at === 'internet'} dashed={mode === 'hostonly'} rx={30} />

      {/* Links, lit as the packet passes. */}
      <Arrow defs={defs} x1={140} y1={150} x2={178} y2={150} kind={pathKind('vswitch')} />
      {mode === 'bridged' && <Arrow defs={defs} x1={300} y1={150} x2={468} y2={150} kind={pathKind('nic')} />}
      {mode === 'nat' && (
        <>
          <Arrow defs={defs} x1={300} y1={150} x2={323} y2={150} kind={pathKind('nat')} />
          <Arrow defs={defs} x1={445} y1={150} x2={468} y2={150} kind={pathKind('nic')} />
          <line x1={240} y1={185} x2={240} y2={246} stroke="#b0b7c3" strokeWidth={1.5} />
          <line x1={240} y1={246} x2={323} y2={246} stroke="#b0b7c3" strokeWidth={1.5} />
        </>
      )}
      {mode === 'hostonly' && (
        <>
          <polyline points="240,185 240,246 318,246" fill="none" stroke={lit('adapter') ? PALETTE.active : '#6b7280'} strokeWidth={lit('adapter') ? 3 : 1.8} markerEnd={`url(#${defs}-${pathKind('adapter')})`} />
          {lit('blocked') && (
            <g data-testid="network-blocked">
              <Arrow defs={defs} x1={300} y1={150} x2={440} y2={150} kind="d" dashed />
              <line x1={448} y1={136} x2={468} y2={164} stroke={PALETTE.danger.stroke} strokeWidth={4} />
              <line x1={468} y1={136} x2={448} y2={164} stroke={PALETTE.danger.stroke} strokeWidth={4} />
              <text x={458} y={126} textAnchor="middle" fontSize={13} fontWeight={600} fill={PALETTE.danger.stroke}>
                {t.blocked}
              </text>
            </g>
          )}
        </>
      )}
      {mode !== 'hostonly' && (
        <>
          <Arrow defs={defs} x1={590} y1={150} x2={613} y2={150} kind={pathKind('lan')} />
          <Arrow defs={defs} x1={715} y1={150} x2={733} y2={150} kind={pathKind('internet')} />
        </>
      )}

      {/* The packet, with its addresses. */}
      {at !== 'blocked' && (
        <g data-testid="network-packet" data-src={src}>
          {(() => {
            const lines = fmt(t.packet, { src, dst: WEBSITE }).split('\n')
            const w = Math.max(...lines.map((line) => textWidth(line, 12))) + 18
            const x = Math.max(4, Math.min(packetAt.x - w / 2, 826 - w))
            return (
              <>
                <rect x={x} y={packetAt.y - 92} width={w} height={40} rx={6} fill="#fff7e6" stroke={PALETTE.active} strokeWidth={2} />
                {lines.map((line, i) => (
                  <text key={i} x={x + 9} y={packetAt.y - 76 + i * 15} fontSize={11.5} fontFamily="ui-monospace, Menlo, Consolas, monospace" fill={PALETTE.text}>
                    {line}
                  </text>
                ))}
              </>
            )
          })()}
          <line x1={packetAt.x} y1={packetAt.y - 52} x2={packetAt.x} y2={packetAt.y - 38} stroke={PALETTE.active} strokeWidth={2} />
        </g>
      )}
    </DiagramFrame>
  )
}
