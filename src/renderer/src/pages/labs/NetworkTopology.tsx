import { ApartmentOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Typography } from 'antd'
import type { FactValue, HostReport } from '../../../../shared/host/report'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'
import { formatTime } from './format'

/** One VMnet as the diagram needs it; `example` when the value is a placeholder, not this machine's. */
export interface NetDrawing {
  readonly subnet: string
  readonly host: string | null
  readonly gateway: string | null
  readonly dhcp: string | null
  readonly example: boolean
}

function str(value: FactValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

/** "192.168.80.128–.254" when both ends share the first three parts. */
export function shortRange(start: string | null, end: string | null): string | null {
  if (!start) return null
  if (!end) return start
  const a = start.split('.')
  const b = end.split('.')
  return a.length === 4 && b.length === 4 && a.slice(0, 3).join('.') === b.slice(0, 3).join('.') ? `${start}–.${b[3]}` : `${start}–${end}`
}

function lastOctetOf(subnet: string, n: number): string {
  const parts = subnet.split('.')
  return parts.length === 4 ? `${parts.slice(0, 3).join('.')}.${n}` : subnet
}

/**
 * VMnet1 and VMnet8 from the report's `vmware.networks` facts; placeholders (192.168.x.0/24) for
 * whatever this machine does not have, marked as examples.
 */
export function networksFromReport(report: HostReport | null): { nat: NetDrawing; hostonly: NetDrawing } {
  const facts = report?.checks.find((c) => c.id === 'vmware.networks')?.facts ?? {}
  const read = (key: 'vmnet1' | 'vmnet8', placeholder: string, nat: boolean): NetDrawing => {
    const net = facts[key]
    const n = net && typeof net === 'object' && !Array.isArray(net) ? net : null
    const subnet = str(n?.subnet)
    if (!n || !subnet) {
      return {
        subnet: `${placeholder}.0/24`,
        host: `${placeholder}.1`,
        gateway: nat ? `${placeholder}.2` : null,
        dhcp: `${placeholder}.128–.254`,
        example: true,
      }
    }
    const prefix = typeof n.prefixLength === 'number' ? n.prefixLength : null
    return {
      subnet: `${subnet}${prefix !== null ? `/${prefix}` : ''}`,
      host: n.adapterPresent === false ? null : (str(n.hostAddress) ?? lastOctetOf(subnet, 1)),
      gateway: nat ? (str(n.natGateway) ?? null) : null,
      dhcp: shortRange(str(n.dhcpStart), str(n.dhcpEnd)),
      example: false,
    }
  }
  return { nat: read('vmnet8', '192.168.x', true), hostonly: read('vmnet1', '192.168.y', false) }
}

const W = 236
const GAP = 12
const PAD = 14
const BOX_W = W - 2 * PAD
/** Ports hang off a bus line on the left of the switch. */
const BUS = 16
const PORT_W = BOX_W - BUS - 10
const ORANGE = '#c2410c'

function Box(props: {
  x: number
  y: number
  w?: number
  text: string
  sub?: string | null
  stroke: string
  dashed?: boolean
  example?: boolean
  /** The sub line is an address (monospace). */
  mono?: boolean
  textColor?: string
  testId?: string
}): React.JSX.Element {
  const w = props.w ?? BOX_W
  const h = props.sub ? 42 : 30
  return (
    <g data-testid={props.testId} data-example={props.example ? 'true' : 'false'}>
      <rect x={props.x} y={props.y} width={w} height={h} rx={7} fill={props.dashed ? '#fafafa' : '#ffffff'} stroke={props.stroke} strokeWidth={1.4} strokeDasharray={props.dashed ? '5 4' : undefined} />
      <text x={props.x + w / 2} y={props.y + (props.sub ? 17 : 19.5)} textAnchor="middle" fontSize={12.5} fill={props.textColor ?? '#1f2937'}>
        {props.text}
      </text>
      {props.sub && (
        <text
          x={props.x + w / 2}
          y={props.y + 34}
          textAnchor="middle"
          fontSize={12}
          fill={props.example ? ORANGE : '#374151'}
          fontStyle={props.example ? 'italic' : undefined}
          fontFamily={props.mono ? 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' : undefined}
        >
          {props.sub}
        </text>
      )}
    </g>
  )
}

const COLORS = { bridged: '#2f6fb3', nat: '#2f8a4c', hostonly: '#b7791f' }
const FILLS = { bridged: '#f0f5ff', nat: '#f0faf3', hostonly: '#fdf6ec' }

type Kind = keyof typeof COLORS

/** Bridged / NAT / host-only side by side, with this computer's subnets and addresses. */
export function NetworkTopology(props: { report: HostReport | null; reading: boolean; onRead: () => void }): React.JSX.Element {
  const t = useMessages(labsMessages).topology
  const { locale } = useLocale()
  const { nat, hostonly } = networksFromReport(props.report)
  const anyExample = nat.example || hostonly.example
  const allExample = nat.example && hostonly.example
  const H = 384

  const column = (index: number, kind: Kind, example: boolean, body: (x: number) => React.ReactNode): React.JSX.Element => {
    const x = index * (W + GAP)
    return (
      <g data-testid={`topology-${kind}`}>
        <rect x={x + 1} y={1} width={W - 2} height={H - 2} rx={10} fill={FILLS[kind]} stroke={COLORS[kind]} strokeOpacity={0.35} />
        <text x={x + W / 2} y={24} textAnchor="middle" fontSize={14} fontWeight={700} fill={COLORS[kind]}>
          {kind === 'bridged' ? t.bridged : kind === 'nat' ? t.nat : t.hostonly}
        </text>
        {example && (
          <text x={x + W / 2} y={40} textAnchor="middle" fontSize={11} fill={ORANGE} fontStyle="italic" data-testid={`topology-${kind}-example`}>
            {t.example}
          </text>
        )}
        <g transform="translate(0, 12)">{body(x + PAD)}</g>
      </g>
    )
  }
  const vline = (x: number, y1: number, y2: number, color: string, dashed = false): React.JSX.Element => (
    <line x1={x} y1={y1} x2={x} y2={y2} stroke={color} strokeWidth={2} strokeDasharray={dashed ? '4 4' : undefined} />
  )
  /** The switch with its ports: host adapter, DHCP, VM. */
  const ports = (x: number, color: string, items: { text: string; sub: string | null; example: boolean; mono?: boolean; testId?: string }[]): React.ReactNode => {
    const busX = x + BUS
    const ys = [196, 250, 304]
    return (
      <>
        {vline(busX, 182, ys[ys.length - 1]! + 21, color)}
        {items.map((item, i) => (
          <g key={i}>
            <line x1={busX} y1={ys[i]! + 21} x2={busX + 10} y2={ys[i]! + 21} stroke={color} strokeWidth={2} />
            <Box x={busX + 10} y={ys[i]!} w={PORT_W} text={item.text} sub={item.sub} example={item.example} mono={item.mono} stroke={color} testId={item.testId} />
          </g>
        ))}
      </>
    )
  }

  return (
    <Card
      size="small"
      className="lab-topology"
      data-testid="topology"
      data-example={allExample ? 'all' : anyExample ? 'some' : 'none'}
      title={
        <Space size="small">
          <ApartmentOutlined />
          {t.title}
        </Space>
      }
      extra={
        <Button size="small" loading={props.reading} onClick={props.onRead} data-testid="topology-read">
          {props.reading ? t.reading : t.read}
        </Button>
      }
    >
      <svg viewBox={`0 0 ${3 * W + 2 * GAP} ${H}`} className="lab-topology-svg" role="img" aria-label={t.title}>
        {column(0, 'bridged', false, (x) => (
          <>
            <Box x={x} y={40} text={t.lan} stroke="#8c8c8c" />
            {vline(x + BOX_W / 2, 70, 84, '#8c8c8c')}
            <Box x={x} y={84} text={t.router} stroke="#8c8c8c" />
            {vline(x + BOX_W / 2, 114, 140, COLORS.bridged)}
            <Box x={x} y={140} text={fmt(t.switchName, { name: 'VMnet0' })} sub={t.hostNic} stroke={COLORS.bridged} />
            {ports(x, COLORS.bridged, [
              { text: t.hostAdapter, sub: t.noAdapter, example: false },
              { text: 'DHCP', sub: t.noDhcp, example: false },
              { text: t.vm, sub: t.vmBridged, example: false },
            ])}
          </>
        ))}
        {column(1, 'nat', nat.example, (x) => (
          <>
            <Box x={x} y={40} text={t.internet} stroke="#8c8c8c" />
            {vline(x + BOX_W / 2, 70, 84, '#8c8c8c')}
            <Box x={x} y={84} text={t.natDevice} sub={nat.gateway ?? '—'} mono example={nat.example} stroke={COLORS.nat} testId="topology-nat-gateway" />
            {vline(x + BOX_W / 2, 126, 140, COLORS.nat)}
            <Box x={x} y={140} text={fmt(t.switchName, { name: 'VMnet8' })} sub={nat.subnet} mono example={nat.example} stroke={COLORS.nat} testId="topology-nat-subnet" />
            {ports(x, COLORS.nat, [
              { text: t.hostAdapter, sub: nat.host ?? t.noAdapter, example: nat.example, mono: nat.host !== null, testId: 'topology-nat-host' },
              { text: t.dhcp, sub: nat.dhcp ?? '—', example: nat.example, mono: true, testId: 'topology-nat-dhcp' },
              { text: t.vm, sub: nat.dhcp ? t.vmFrom : '—', example: false },
            ])}
          </>
        ))}
        {column(2, 'hostonly', hostonly.example, (x) => (
          <>
            <Box x={x} y={40} text={`✕ ${t.noWayOut}`} stroke="#bfbfbf" textColor="#b91c1c" dashed />
            {vline(x + BOX_W / 2, 70, 140, '#bfbfbf', true)}
            <Box x={x} y={140} text={fmt(t.switchName, { name: 'VMnet1' })} sub={hostonly.subnet} mono example={hostonly.example} stroke={COLORS.hostonly} testId="topology-hostonly-subnet" />
            {ports(x, COLORS.hostonly, [
              { text: t.hostAdapter, sub: hostonly.host ?? t.noAdapter, example: hostonly.example, mono: hostonly.host !== null, testId: 'topology-hostonly-host' },
              { text: t.dhcp, sub: hostonly.dhcp ?? '—', example: hostonly.example, mono: true },
              { text: t.vm, sub: hostonly.dhcp ? t.vmFrom : '—', example: false },
            ])}
          </>
        ))}
      </svg>
      {anyExample ? (
        <Alert type="info" showIcon title={allExample ? t.exampleNote : t.partialNote} className="lab-topology-note" data-testid="topology-note" />
      ) : (
        props.report && (
          <Typography.Text type="secondary" data-testid="topology-note">
            {fmt(t.live, { time: formatTime(props.report.generatedAt, locale) })}
          </Typography.Text>
        )
      )}
    </Card>
  )
}
