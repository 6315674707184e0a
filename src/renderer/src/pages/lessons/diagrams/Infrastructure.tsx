import { Button, Segmented, Space, Statistic } from 'antd'
import { useState } from 'react'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { infrastructureMessages } from '../../../i18n/messages/diagram-infrastructure'
import { Box, DiagramFrame, Label, PALETTE } from './svg'

type Mode = 'traditional' | 'virtual'
type ServiceId = 'crm' | 'mail' | 'web' | 'erp' | 'file' | 'test' | 'oa' | 'ci' | 'wiki'

/** Each service's load, as a share of one server. */
const SERVICES: { id: ServiceId; load: number }[] = [
  { id: 'crm', load: 12 },
  { id: 'mail', load: 8 },
  { id: 'web', load: 20 },
  { id: 'erp', load: 15 },
  { id: 'file', load: 10 },
  { id: 'test', load: 5 },
  { id: 'oa', load: 14 },
  { id: 'ci', load: 9 },
  { id: 'wiki', load: 11 },
]
const BASE = 6
/** A host is filled to at most this share, leaving room to take over a failed host's VMs. */
const HOST_TARGET = 60

/** Puts every service on the least-loaded host. */
export function placeOnHosts(services: readonly { id: ServiceId; load: number }[]): { services: ServiceId[]; load: number }[] {
  const total = services.reduce((sum, s) => sum + s.load, 0)
  const hosts = Array.from({ length: Math.max(2, Math.ceil(total / HOST_TARGET)) }, () => ({ services: [] as ServiceId[], load: 0 }))
  for (const s of [...services].sort((a, b) => b.load - a.load)) {
    const host = hosts.reduce((min, h) => (h.load < min.load ? h : min))
    host.services.push(s.id)
    host.load += s.load
  }
  return hosts
}

function barColor(pct: number): string {
  return pct >= 45 ? '#52a46b' : pct >= 20 ? '#e8a33a' : '#e5484d'
}

function UtilBar(props: { x: number; y: number; w: number; pct: number; label: string; testId?: string }): React.JSX.Element {
  return (
    <g data-testid={props.testId}>
      <rect x={props.x} y={props.y} width={props.w} height={12} rx={6} fill="#eef0f3" />
      <rect x={props.x} y={props.y} width={Math.max(6, (props.w * props.pct) / 100)} height={12} rx={6} fill={barColor(props.pct)} />
      <text x={props.x + props.w / 2} y={props.y + 28} textAnchor="middle" fontSize={13} fontWeight={600} fill={PALETTE.text}>
        {props.label}
      </text>
    </g>
  )
}

/** Lesson 2: the same services on one-server-per-application versus on a pool of virtualized hosts. */
export function Infrastructure(): React.JSX.Element {
  const t = useMessages(infrastructureMessages)
  const [mode, setMode] = useState<Mode>('traditional')
  const [count, setCount] = useState(BASE)
  const services = SERVICES.slice(0, count)
  const name = (id: ServiceId): string => t.services[id]

  let drawing: React.JSX.Element
  let machines: number
  let avg: number
  if (mode === 'traditional') {
    machines = services.length
    avg = Math.round(services.reduce((sum, s) => sum + s.load, 0) / services.length)
    const gap = 12
    const w = Math.min(110, (780 - gap * (services.length - 1)) / services.length)
    const x0 = (800 - (w * services.length + gap * (services.length - 1))) / 2
    drawing = (
      <g data-testid="infra-traditional">
        <Box x={40} y={6} w={720} h={26} label={t.separate} tone="muted" dashed fontSize={12} />
        {services.map((s, i) => {
          const x = x0 + i * (w + gap)
          const added = i >= BASE
          return (
            <g key={s.id} data-testid={`infra-server-${s.id}`}>
              <rect x={x} y={40} width={w} height={190} rx={8} fill={added ? '#fffbe6' : '#f8fafc'} stroke={added ? '#d9b44a' : PALETTE.hardware.stroke} strokeDasharray={added ? '6 4' : undefined} />
              <text x={x + w / 2} y={60} textAnchor="middle" fontSize={12} fill={PALETTE.subtle}>
                {fmt(t.server, { n: i + 1 })}
              </text>
              <Box x={x + 8} y={72} w={w - 16} h={56} label={name(s.id)} tone="app" />
              <Box x={x + 8} y={136} w={w - 16} h={34} label="OS" tone="os" fontSize={12} />
              {added && <Label x={x + w / 2} y={192} width={w - 10} text={t.newServer} fontSize={11} color="#ad8b00" />}
              <UtilBar x={x + 8} y={248} w={w - 16} pct={s.load} label={fmt(t.util, { pct: s.load })} />
            </g>
          )
        })}
      </g>
    )
  } else {
    const hosts = placeOnHosts(services)
    machines = hosts.length
    avg = Math.round(hosts.reduce((sum, h) => sum + h.load, 0) / hosts.length)
    const gap = 24
    const w = (720 - gap * (hosts.length - 1)) / hosts.length
    const x0 = 40
    drawing = (
      <g data-testid="infra-virtual">
        <Box x={x0} y={6} w={720} h={30} label={t.mgmt} tone="layer" fontSize={12} />
        {hosts.map((h, i) => {
          const x = x0 + i * (w + gap)
          const vmW = (w - 16 - 8 * (Math.max(3, h.services.length) - 1)) / Math.max(3, h.services.length)
          return (
            <g key={i} data-testid={`infra-host-${i + 1}`}>
              <rect x={x} y={44} width={w} height={150} rx={8} fill="#f8fafc" stroke={PALETTE.hardware.stroke} />
              <text x={x + 10} y={62} fontSize={12} fill={PALETTE.subtle}>
                {fmt(t.host, { n: i + 1 })}
              </text>
              {h.services.map((id, j) => (
                <Box key={id} x={x + 8 + j * (vmW + 8)} y={70} w={vmW} h={72} label={name(id)} sub="VM" tone="guest" fontSize={12} />
              ))}
              <Box x={x + 8} y={152} w={w - 16} h={32} label={t.hypervisor} tone="os" fontSize={12} />
              <UtilBar x={x + 8} y={248} w={w - 16} pct={h.load} label={fmt(t.util, { pct: h.load })} />
            </g>
          )
        })}
        <Box x={x0} y={204} w={720} h={26} label={t.pool} tone="hardware" fontSize={12} rx={4} />
      </g>
    )
  }

  return (
    <DiagramFrame
      testId="diagram-infrastructure"
      title={t.title}
      label={t.label}
      viewBox="0 0 800 290"
      controls={
        <>
          <Segmented
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            options={[
              { value: 'traditional', label: t.modes.traditional },
              { value: 'virtual', label: t.modes.virtual },
            ]}
            data-testid="infra-mode"
          />
          <Space>
            <Button onClick={() => setCount((c) => Math.min(SERVICES.length, c + 1))} disabled={count >= SERVICES.length} data-testid="infra-add">
              {t.add}
            </Button>
            <Button onClick={() => setCount(BASE)} disabled={count === BASE}>
              {t.reset}
            </Button>
          </Space>
        </>
      }
      caption={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space size="large" wrap>
            <Statistic title={t.stats.machinesTitle} value={machines} data-testid="infra-machines" />
            <Statistic title={t.stats.avgTitle} value={avg} suffix="%" data-testid="infra-avg" />
          </Space>
          <span>{mode === 'traditional' ? t.stats.traditional : t.stats.virtual}</span>
          <span>{t.caption[mode]}</span>
        </Space>
      }
    >
      {drawing}
    </DiagramFrame>
  )
}
