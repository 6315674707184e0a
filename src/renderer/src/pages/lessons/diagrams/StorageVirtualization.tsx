import { Descriptions, Segmented } from 'antd'
import { useState } from 'react'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { storageMessages } from '../../../i18n/messages/diagram-storage'
import { Arrow, ArrowDefs, Box, DiagramFrame, PALETTE } from './svg'

type Approach = 'host' | 'device' | 'network'
type NetworkForm = 'inband' | 'outband'

const SERVERS = [40, 300, 560]
const ARRAYS = [
  { x: 110, vendor: 'A' },
  { x: 460, vendor: 'B' },
]

/** Lesson 6: pick host-, device- or network-based storage virtualization and see where the mapping layer sits. */
export function StorageVirtualization(): React.JSX.Element {
  const t = useMessages(storageMessages)
  const [approach, setApproach] = useState<Approach>('host')
  const [form, setForm] = useState<NetworkForm>('inband')
  const key = approach === 'network' ? form : approach
  const info = t.info[key]
  const inband = approach === 'network' && form === 'inband'
  const outband = approach === 'network' && form === 'outband'
  const defs = 'sv'
  const arrayY = 262

  return (
    <DiagramFrame
      testId="diagram-storage-virtualization"
      title={t.title}
      label={t.label}
      viewBox="0 0 830 340"
      controls={
        <>
          <Segmented
            value={approach}
            onChange={(v) => setApproach(v as Approach)}
            options={[
              { value: 'host', label: t.approaches.host },
              { value: 'device', label: t.approaches.device },
              { value: 'network', label: t.approaches.network },
            ]}
            data-testid="storage-approach"
          />
          {approach === 'network' && (
            <Segmented
              value={form}
              onChange={(v) => setForm(v as NetworkForm)}
              options={[
                { value: 'inband', label: t.network.inband },
                { value: 'outband', label: t.network.outband },
              ]}
              data-testid="storage-network-form"
            />
          )}
        </>
      }
      caption={
        <Descriptions column={1} size="small" bordered data-testid="storage-info">
          <Descriptions.Item label={t.fields.where}>{info.where}</Descriptions.Item>
          <Descriptions.Item label={t.fields.gains}>{info.gains}</Descriptions.Item>
          <Descriptions.Item label={t.fields.costs}>{info.costs}</Descriptions.Item>
          <Descriptions.Item label={t.fields.failure}>{info.failure}</Descriptions.Item>
        </Descriptions>
      }
    >
      <ArrowDefs id={defs} />
      {/* Wiring. */}
      {SERVERS.map((x, i) => (
        <line key={x} x1={x + 115} y1={92} x2={300 + i * 115} y2={140} stroke="#b0b7c3" strokeWidth={1.5} />
      ))}
      {inband ? (
        <>
          <line x1={415} y1={180} x2={415} y2={198} stroke="#b0b7c3" strokeWidth={1.5} />
          <line x1={330} y1={244} x2={240} y2={arrayY} stroke="#b0b7c3" strokeWidth={1.5} />
          <line x1={500} y1={244} x2={590} y2={arrayY} stroke="#b0b7c3" strokeWidth={1.5} />
        </>
      ) : (
        <>
          <line x1={330} y1={180} x2={240} y2={arrayY} stroke="#b0b7c3" strokeWidth={1.5} />
          <line x1={500} y1={180} x2={590} y2={arrayY} stroke="#b0b7c3" strokeWidth={1.5} />
        </>
      )}

      {/* Servers. */}
      {SERVERS.map((x, i) => (
        <g key={x} data-testid={`storage-server-${i + 1}`}>
          <rect x={x} y={8} width={230} height={84} rx={8} fill="#f8fafc" stroke={PALETTE.hardware.stroke} />
          <text x={x + 12} y={28} fontSize={13} fontWeight={600} fill={PALETTE.text}>
            {fmt(t.server, { n: i + 1 })}
          </text>
          {approach === 'host' && <Box x={x + 12} y={38} w={206} h={44} label={t.lvm} tone="layer" active testId={`storage-layer-host-${i + 1}`} />}
          {outband && <Box x={x + 12} y={38} w={100} h={44} label={t.agent} tone="layer" fontSize={12} />}
        </g>
      ))}

      {/* The network. */}
      <Box x={250} y={140} w={330} h={40} label={t.switch} tone="os" />
      {inband && <Box x={250} y={198} w={330} h={46} label={t.appliance} tone="layer" active testId="storage-layer-appliance" />}
      {outband && (
        <g>
          <Box x={640} y={136} w={180} h={50} label={t.mds} tone="layer" active testId="storage-layer-mds" />
          <path d="M 82 92 V 116 H 730 V 132" fill="none" stroke={PALETTE.active} strokeWidth={2.5} strokeDasharray="6 4" markerEnd={`url(#${defs}-a)`} />
          <text x={440} y={111} fontSize={12} fontWeight={600} fill={PALETTE.active}>
            {t.lookup}
          </text>
        </g>
      )}

      {/* Arrays. */}
      {ARRAYS.map((a, i) => (
        <g key={a.vendor} data-testid={`storage-array-${i + 1}`}>
          <rect x={a.x} y={arrayY} width={260} height={72} rx={8} fill="#f8fafc" stroke={PALETTE.hardware.stroke} />
          <text x={a.x + 10} y={arrayY + 17} fontSize={12} fontWeight={600} fill={PALETTE.text}>
            {fmt(t.array, { n: i + 1, vendor: a.vendor })}
          </text>
          <Box
            x={a.x + 8}
            y={arrayY + 24}
            w={138}
            h={40}
            label={t.controller}
            tone={approach === 'device' ? 'layer' : 'neutral'}
            active={approach === 'device'}
            fontSize={11.5}
            testId={approach === 'device' ? `storage-layer-device-${i + 1}` : undefined}
          />
          {[0, 1, 2, 3].map((d) => (
            <g key={d}>
              <ellipse cx={a.x + 160 + d * 26} cy={arrayY + 32} rx={10} ry={4} fill="#e8eef7" stroke={PALETTE.hardware.stroke} />
              <rect x={a.x + 150 + d * 26} y={arrayY + 32} width={20} height={26} fill="#e8eef7" stroke="none" />
              <line x1={a.x + 150 + d * 26} y1={arrayY + 32} x2={a.x + 150 + d * 26} y2={arrayY + 58} stroke={PALETTE.hardware.stroke} />
              <line x1={a.x + 170 + d * 26} y1={arrayY + 32} x2={a.x + 170 + d * 26} y2={arrayY + 58} stroke={PALETTE.hardware.stroke} />
              <ellipse cx={a.x + 160 + d * 26} cy={arrayY + 58} rx={10} ry={4} fill="#e8eef7" stroke={PALETTE.hardware.stroke} />
            </g>
          ))}
        </g>
      ))}

      {/* One write from server 1. */}
      <g data-testid="storage-write-path">
        <Arrow defs={defs} x1={150} y1={92} x2={296} y2={138} kind="a" />
        {inband ? (
          <>
            <Arrow defs={defs} x1={400} y1={180} x2={400} y2={196} kind="a" />
            <Arrow defs={defs} x1={330} y1={244} x2={244} y2={arrayY - 2} kind="a" />
          </>
        ) : outband ? (
          <>
            <Arrow defs={defs} x1={500} y1={180} x2={586} y2={arrayY - 2} kind="a" />
            <text x={556} y={214} fontSize={12} fontWeight={600} fill={PALETTE.active}>
              {t.data}
            </text>
          </>
        ) : (
          <Arrow defs={defs} x1={330} y1={180} x2={244} y2={arrayY - 2} kind="a" />
        )}
      </g>
    </DiagramFrame>
  )
}
