import { Segmented, Typography } from 'antd'
import { useState } from 'react'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { ioStacksMessages } from '../../../i18n/messages/diagram-iostacks'
import { Arrow, ArrowDefs, Box, DiagramFrame, PALETTE, StepControls, type Tone } from './svg'

type Product = 'kvm' | 'esx' | 'xen' | 'hyperv'
type Part = keyof (typeof ioStacksMessages)['en']['parts']

interface Piece {
  part: Part
  x: number
  y: number
  w: number
  h: number
  tone: Tone
  /** Holds the real device drivers. */
  driver?: boolean
  /** An outer box: its label sits at the top-left and other pieces are drawn inside. */
  frame?: boolean
  /** A frame whose label sits at the top-right. */
  labelRight?: boolean
  dim?: boolean
}
interface Hop {
  from: [number, number]
  to: [number, number]
  /** Crosses a protection boundary (VM exit, kernel ↔ user, domain or partition switch). */
  cross: boolean
}

const LAYOUTS: Record<Product, { pieces: Piece[]; hops: Hop[]; diskX: number }> = {
  kvm: {
    pieces: [
      { part: 'qemu', x: 20, y: 6, w: 430, h: 136, tone: 'app', frame: true },
      { part: 'kvmVm', x: 36, y: 32, w: 398, h: 44, tone: 'guest' },
      { part: 'qemuBackend', x: 236, y: 86, w: 198, h: 46, tone: 'neutral' },
      { part: 'hostProcs', x: 470, y: 30, w: 350, h: 80, tone: 'app', dim: true },
      { part: 'linux', x: 20, y: 154, w: 800, h: 102, tone: 'os', frame: true, labelRight: true },
      { part: 'kvmko', x: 40, y: 182, w: 170, h: 58, tone: 'layer' },
      { part: 'block', x: 470, y: 182, w: 330, h: 58, tone: 'layer', driver: true },
    ],
    hops: [
      { from: [100, 76], to: [100, 180], cross: true },
      { from: [200, 188], to: [300, 134], cross: true },
      { from: [434, 122], to: [560, 180], cross: true },
      { from: [735, 240], to: [755, 274], cross: false },
    ],
    diskX: 690,
  },
  esx: {
    pieces: [
      { part: 'esxVm', x: 40, y: 20, w: 330, h: 76, tone: 'guest' },
      { part: 'esxVm', x: 420, y: 20, w: 330, h: 76, tone: 'guest', dim: true },
      { part: 'vmkernel', x: 20, y: 132, w: 800, h: 104, tone: 'layer', driver: true },
    ],
    hops: [
      { from: [205, 96], to: [205, 152], cross: true },
      { from: [230, 218], to: [600, 218], cross: false },
      { from: [720, 236], to: [755, 274], cross: false },
    ],
    diskX: 690,
  },
  xen: {
    pieces: [
      { part: 'dom0', x: 20, y: 8, w: 480, h: 134, tone: 'os', frame: true },
      { part: 'dom0Driver', x: 40, y: 44, w: 180, h: 56, tone: 'layer', driver: true },
      { part: 'backend', x: 300, y: 44, w: 180, h: 56, tone: 'neutral' },
      { part: 'domU', x: 530, y: 8, w: 290, h: 134, tone: 'guest' },
      { part: 'xen', x: 20, y: 160, w: 800, h: 84, tone: 'hardware' },
    ],
    hops: [
      { from: [675, 142], to: [675, 200], cross: true },
      { from: [640, 200], to: [390, 102], cross: true },
      { from: [300, 72], to: [222, 72], cross: false },
      { from: [110, 100], to: [75, 274], cross: false },
    ],
    diskX: 10,
  },
  hyperv: {
    pieces: [
      { part: 'parent', x: 20, y: 8, w: 480, h: 124, tone: 'os', frame: true },
      { part: 'winDriver', x: 40, y: 44, w: 180, h: 56, tone: 'layer', driver: true },
      { part: 'vsp', x: 300, y: 44, w: 180, h: 56, tone: 'neutral' },
      { part: 'child', x: 530, y: 8, w: 290, h: 124, tone: 'guest' },
      { part: 'vmbus', x: 20, y: 142, w: 800, h: 26, tone: 'app' },
      { part: 'hv', x: 20, y: 178, w: 800, h: 66, tone: 'hardware' },
    ],
    hops: [
      { from: [675, 132], to: [675, 205], cross: true },
      { from: [640, 205], to: [390, 102], cross: true },
      { from: [300, 72], to: [222, 72], cross: false },
      { from: [110, 100], to: [75, 274], cross: false },
    ],
    diskX: 10,
  },
}

/** Lesson 8: pick KVM, ESX, Xen or Hyper-V, see where the real drivers live and follow one disk write. */
export function IoStacks(): React.JSX.Element {
  const t = useMessages(ioStacksMessages)
  const [product, setProduct] = useState<Product>('kvm')
  const [step, setStep] = useState(0)
  const layout = LAYOUTS[product]
  const hops = layout.hops
  const total = hops.length + 1
  const crossings = hops.slice(0, step).filter((h) => h.cross).length
  const allCrossings = hops.filter((h) => h.cross).length
  const hopTexts = t.hops[product] as Record<string, string>
  const text =
    step === 0 ? (
      <>
        {t.notes[product]}
        <br />
        {t.start}
      </>
    ) : (
      (hopTexts[`h${step}`] ?? '')
    )
  const defs = 'io'

  return (
    <DiagramFrame
      testId="diagram-io-stacks"
      title={t.title}
      label={t.label}
      viewBox="0 0 830 348"
      controls={
        <Segmented
          value={product}
          onChange={(v) => {
            setProduct(v as Product)
            setStep(0)
          }}
          options={(['kvm', 'esx', 'xen', 'hyperv'] as const).map((p) => ({ value: p, label: t.products[p] }))}
          data-testid="io-product"
        />
      }
      caption={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="io-text">
            {step > 0 && <strong>{step}. </strong>}
            {text}
          </Typography.Paragraph>
          {step === total - 1 && (
            <Typography.Text strong data-testid="io-crossings">
              {fmt(t.crossings, { count: allCrossings })}
            </Typography.Text>
          )}
        </>
      }
      footer={<StepControls step={step} total={total} onStep={setStep} testId="io-steps" />}
    >
      <ArrowDefs id={defs} />
      <g data-testid={`io-stack-${product}`}>
        {layout.pieces.map((p, i) =>
          p.frame ? (
            <g key={i}>
              <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={10} fill={`${toneFill(p.tone)}`} stroke={toneStroke(p.tone)} strokeWidth={1.5} />
              <text x={p.labelRight ? p.x + p.w - 12 : p.x + 12} y={p.y + 19} textAnchor={p.labelRight ? 'end' : 'start'} fontSize={13} fontWeight={600} fill={PALETTE.text}>
                {t.parts[p.part]}
              </text>
            </g>
          ) : (
            <g key={i} opacity={p.dim ? 0.5 : 1} data-testid={p.driver ? 'io-driver' : undefined}>
              <Box x={p.x} y={p.y} w={p.w} h={p.h} label={t.parts[p.part]} tone={p.tone} active={p.driver} fontSize={13} />
            </g>
          ),
        )}
        <Box x={layout.diskX === 10 ? 150 : 10} y={276} w={670} h={42} label={t.hardware} tone="hardware" />
        <Box x={layout.diskX} y={276} w={130} h={42} label={t.disk} tone="hardware" active={step === total - 1} />
      </g>
      <text x={820} y={340} textAnchor="end" fontSize={12} fontWeight={600} fill={PALETTE.active}>
        {t.driver}
      </text>
      {hops.slice(0, step).map((hop, i) => {
        const current = i === step - 1
        const mx = (hop.from[0] + hop.to[0]) / 2
        const my = (hop.from[1] + hop.to[1]) / 2
        return (
          <g key={i} data-testid={`io-hop-${i + 1}`} opacity={current ? 1 : 0.6}>
            <Arrow defs={defs} x1={hop.from[0]} y1={hop.from[1]} x2={hop.to[0]} y2={hop.to[1]} kind={current ? 'a' : 'n'} dashed={hop.cross} />
            <circle cx={mx} cy={my} r={11} fill={current ? PALETTE.active : '#6b7280'} stroke="#fff" strokeWidth={2} />
            <text x={mx} y={my + 4} textAnchor="middle" fontSize={11} fontWeight={600} fill="#fff">
              {i + 1}
            </text>
          </g>
        )
      })}
      {step > 0 && (
        <text x={10} y={340} fontSize={12} fill={PALETTE.subtle} data-testid="io-crossings-so-far">
          {fmt(t.crossings, { count: crossings })}
        </text>
      )}
    </DiagramFrame>
  )
}

function toneFill(tone: Tone): string {
  return PALETTE[tone].fill
}
function toneStroke(tone: Tone): string {
  return PALETTE[tone].stroke
}
