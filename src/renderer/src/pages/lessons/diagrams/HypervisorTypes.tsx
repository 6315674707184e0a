import { Segmented, Typography } from 'antd'
import { useState } from 'react'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { hypervisorMessages } from '../../../i18n/messages/diagram-hypervisor'
import { Arrow, ArrowDefs, Box, DiagramFrame, PALETTE, StepControls } from './svg'

type Arch = 'hosted' | 'bare'
type Tech = 'full' | 'para' | 'hw'
type Lane = 'g' | 'v' | 'c'

/** Who hands the sensitive instruction to whom, step by step (lanes: guest kernel, VMM, CPU). */
const FLOWS: Record<Tech, { key: 's1' | 's2' | 's3' | 's4' | 's5'; from: Lane; to: Lane }[]> = {
  full: [
    { key: 's1', from: 'v', to: 'g' },
    { key: 's2', from: 'v', to: 'v' },
    { key: 's3', from: 'v', to: 'c' },
    { key: 's4', from: 'v', to: 'g' },
  ],
  para: [
    { key: 's1', from: 'g', to: 'g' },
    { key: 's2', from: 'g', to: 'v' },
    { key: 's3', from: 'v', to: 'c' },
    { key: 's4', from: 'v', to: 'g' },
  ],
  hw: [
    { key: 's1', from: 'v', to: 'g' },
    { key: 's2', from: 'g', to: 'c' },
    { key: 's3', from: 'c', to: 'v' },
    { key: 's4', from: 'v', to: 'v' },
    { key: 's5', from: 'v', to: 'g' },
  ],
}
const LANE_X: Record<Lane, number> = { g: 480, v: 625, c: 760 }

/** Lesson 3: hosted versus bare-metal stacks, and how full, para- and hardware-assisted virtualization handle a sensitive instruction. */
export function HypervisorTypes(): React.JSX.Element {
  const t = useMessages(hypervisorMessages)
  const [arch, setArch] = useState<Arch>('hosted')
  const [tech, setTech] = useState<Tech>('hw')
  const [step, setStep] = useState(0)
  const flow = FLOWS[tech]
  const steps = t.steps[tech] as Record<string, { short: string; text: string }>
  const s = t.stack
  const defs = 'hv'

  // Left: the stack, bottom up.
  const stack =
    arch === 'hosted' ? (
      <g data-testid="hv-stack-hosted">
        <Box x={40} y={20} w={110} h={40} label={s.guestApp} tone="app" />
        <Box x={158} y={20} w={110} h={40} label={s.guestApp} tone="app" />
        <Box x={40} y={66} w={110} h={44} label={fmt(s.guestOs, { n: 1 })} tone="guest" />
        <Box x={158} y={66} w={110} h={44} label={fmt(s.guestOs, { n: 2 })} tone="guest" />
        <Box x={40} y={116} w={228} h={50} label={s.vmm} sub={s.vmmSub} tone="layer" active />
        <Box x={276} y={66} w={104} h={100} label={s.otherApps} tone="app" />
        <Box x={40} y={172} w={340} h={50} label={s.hostOs} sub={s.hostOsSub} tone="os" />
        <Box x={40} y={228} w={340} h={44} label={s.hardware} tone="hardware" />
      </g>
    ) : (
      <g data-testid="hv-stack-bare">
        <Box x={40} y={66} w={110} h={44} label={s.guestApp} tone="app" />
        <Box x={158} y={66} w={110} h={44} label={s.guestApp} tone="app" />
        <Box x={276} y={66} w={104} h={44} label={s.guestApp} tone="app" />
        <Box x={40} y={116} w={110} h={50} label={fmt(s.guestOs, { n: 1 })} tone="guest" />
        <Box x={158} y={116} w={110} h={50} label={fmt(s.guestOs, { n: 2 })} tone="guest" />
        <Box x={276} y={116} w={104} h={50} label={fmt(s.guestOs, { n: 3 })} tone="guest" />
        <Box x={40} y={172} w={340} h={50} label={s.hypervisor} sub={s.hypervisorSub} tone="layer" active />
        <Box x={40} y={228} w={340} h={44} label={s.hardware} tone="hardware" />
      </g>
    )
  const crossings = arch === 'hosted' ? [88, 141, 197] : [141, 197]
  const pathTop = arch === 'hosted' ? 40 : 88
  const layersText = fmt(s.layers, { count: crossings.length, path: arch === 'hosted' ? s.pathHosted : s.pathBare })

  // Right: the instruction as a sequence diagram.
  const lanes = t.lanes[tech]
  const rows = flow.slice(0, step + 1).map((f, i) => {
    const y = 110 + i * 46
    const current = i === step
    const kind = current ? 'a' : 'n'
    const label = steps[f.key]?.short ?? ''
    const x1 = LANE_X[f.from]
    const x2 = LANE_X[f.to]
    const self = f.from === f.to
    const labelX = self ? x1 + 36 : (x1 + x2) / 2
    return (
      <g key={f.key} data-testid={`hv-flow-${i + 1}`} opacity={current ? 1 : 0.55}>
        <circle cx={418} cy={y - 4} r={10} fill={current ? PALETTE.active : '#9ca3af'} />
        <text x={418} y={y} textAnchor="middle" fontSize={11} fill="#fff" fontWeight={600}>
          {i + 1}
        </text>
        {self ? (
          <path d={`M ${x1} ${y - 10} h 28 v 16 h -24`} fill="none" stroke={current ? PALETTE.active : '#6b7280'} strokeWidth={current ? 3 : 1.8} markerEnd={`url(#${defs}-${kind})`} />
        ) : (
          <Arrow defs={defs} x1={x1 + (x2 > x1 ? 6 : -6)} y1={y} x2={x2 + (x2 > x1 ? -6 : 6)} y2={y} kind={kind} />
        )}
        <text x={labelX} y={self ? y + 2 : y - 10} textAnchor={self ? 'start' : 'middle'} fontSize={12} fill={current ? PALETTE.text : PALETTE.subtle} fontWeight={current ? 600 : 400}>
          {label}
        </text>
      </g>
    )
  })

  return (
    <DiagramFrame
      testId="diagram-hypervisor-types"
      title={t.title}
      label={t.label}
      viewBox="0 0 830 360"
      controls={
        <>
          <Segmented
            value={arch}
            onChange={(v) => setArch(v as Arch)}
            options={[
              { value: 'hosted', label: t.arch.hosted },
              { value: 'bare', label: t.arch.bare },
            ]}
            data-testid="hv-arch"
          />
          <Segmented
            value={tech}
            onChange={(v) => {
              setTech(v as Tech)
              setStep(0)
            }}
            options={[
              { value: 'full', label: t.tech.full },
              { value: 'para', label: t.tech.para },
              { value: 'hw', label: t.tech.hw },
            ]}
            data-testid="hv-tech"
          />
        </>
      }
      caption={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="hv-layers">
            <strong>{layersText}</strong>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {arch === 'hosted' ? s.prosHosted : s.prosBare}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="hv-step-text">
            <strong>{step + 1}.</strong> {steps[flow[step]?.key ?? 's1']?.text}
          </Typography.Paragraph>
        </>
      }
      footer={<StepControls step={step} total={flow.length} onStep={setStep} testId="hv-steps" />}
    >
      <ArrowDefs id={defs} />
      {stack}
      <g data-testid="hv-disk-path">
        <path d={`M 40 ${pathTop} H 18 V 250 H 36`} fill="none" stroke={PALETTE.active} strokeWidth={3} strokeDasharray="2 5" strokeLinecap="round" markerEnd={`url(#${defs}-a)`} />
        {crossings.map((y, i) => (
          <g key={y}>
            <circle cx={18} cy={y} r={9} fill={PALETTE.active} />
            <text x={18} y={y + 4} textAnchor="middle" fontSize={11} fill="#fff" fontWeight={600}>
              {i + 1}
            </text>
          </g>
        ))}
        <text x={40} y={292} fontSize={12} fill={PALETTE.active} fontWeight={600}>
          {s.path}
        </text>
      </g>
      <line x1={392} y1={12} x2={392} y2={340} stroke="#e5e7eb" />
      {(['g', 'v', 'c'] as const).map((lane) => (
        <g key={lane}>
          <Box x={LANE_X[lane] - 62} y={14} w={124} h={50} label={lanes[lane === 'g' ? 'guest' : lane === 'v' ? 'vmm' : 'cpu']} tone={lane === 'g' ? 'guest' : lane === 'v' ? 'layer' : 'hardware'} fontSize={12} />
          <line x1={LANE_X[lane]} y1={64} x2={LANE_X[lane]} y2={345} stroke="#d0d5dd" strokeDasharray="4 4" />
        </g>
      ))}
      {rows}
    </DiagramFrame>
  )
}
