import { Descriptions, Typography } from 'antd'
import { Fragment, useState } from 'react'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { layersMessages } from '../../../i18n/messages/diagram-layers'
import { Box, DiagramFrame, PALETTE, clickable, type Tone } from './svg'

const LEVELS = ['lang', 'lib', 'os', 'hal'] as const
type Level = (typeof LEVELS)[number]

interface Cell {
  label: string
  sub?: string
  tone: Tone
  layer?: boolean
}

/** Lesson 1: click one of the four levels to see where the virtualization layer sits and what runs on it. */
export function VirtualizationLayers(): React.JSX.Element {
  const t = useMessages(layersMessages)
  const [level, setLevel] = useState<Level>('hal')
  const s = t.scene
  const hw: Cell[] = [{ label: s.hardware, tone: 'hardware' }]

  const scenes: Record<Level, { rows: Cell[][]; groups?: string[]; note?: string }> = {
    hal: {
      rows: [
        [
          { label: s.apps, tone: 'app' },
          { label: s.apps, tone: 'app' },
        ],
        [
          { label: s.winKernel, tone: 'guest' },
          { label: s.linuxKernel, tone: 'guest' },
        ],
        [{ label: s.hypervisor, tone: 'layer', layer: true }],
        hw,
      ],
      groups: [fmt(s.vm, { n: 1 }), fmt(s.vm, { n: 2 })],
    },
    os: {
      rows: [
        [
          { label: s.web, sub: fmt(s.container, { n: 1 }), tone: 'app' },
          { label: s.db, sub: fmt(s.container, { n: 2 }), tone: 'app' },
          { label: s.cache, sub: fmt(s.container, { n: 3 }), tone: 'app' },
        ],
        [{ label: s.containerLayer, tone: 'layer', layer: true }],
        [{ label: s.hostKernel, tone: 'os' }],
        hw,
      ],
    },
    lib: {
      rows: [[{ label: s.winApp, tone: 'app' }], [{ label: s.wine, tone: 'layer', layer: true }], [{ label: s.linuxLibs, tone: 'os' }], [{ label: s.linuxKernel, tone: 'os' }], hw],
    },
    lang: {
      rows: [[{ label: s.bytecode, tone: 'app' }], [{ label: s.jvm, tone: 'layer', layer: true }], [{ label: s.anyOs, tone: 'os' }], hw],
      note: s.process,
    },
  }
  const scene = scenes[level]
  const info = t.levels[level]

  // The ladder: four clickable bands over the hardware.
  const bandH = 52
  const ladder = LEVELS.map((id, i) => {
    const y = 36 + i * (bandH + 8)
    const selected = id === level
    return (
      // Named by its visible text (level and examples): what a student sees is what a screen reader says.
      <g key={id} {...clickable(fmt(t.select, { level: t.levels[id].name }), () => setLevel(id), selected)} aria-label={undefined} data-testid={`layers-level-${id}`}>
        <Box x={10} y={y} w={250} h={bandH} label={t.levels[id].name} sub={t.levels[id].short} tone={selected ? 'layer' : 'neutral'} active={selected} bold />
      </g>
    )
  })

  // The scene: rows from the top, the last one at the bottom.
  const sx = 310
  const sw = 480
  const rowH = 48
  const gap = 10
  const bottom = 334
  const top = bottom - scene.rows.length * (rowH + gap) + gap
  const rows = scene.rows.map((cells, r) => {
    const y = top + r * (rowH + gap)
    const cw = (sw - (cells.length - 1) * 12) / cells.length
    return cells.map((cell, c) => (
      <Box key={`${r}-${c}`} x={sx + c * (cw + 12)} y={y} w={cw} h={rowH} label={cell.label} sub={cell.sub} tone={cell.tone} active={cell.layer} testId={cell.layer ? 'layers-virt-layer' : undefined} />
    ))
  })
  const groups = scene.groups?.map((name, c) => {
    const cw = (sw - 12) / 2
    const x = sx + c * (cw + 12) - 5
    return (
      <g key={name}>
        <rect x={x} y={top - 22} width={cw + 10} height={2 * rowH + gap + 28} rx={10} fill="none" stroke={PALETTE.guest.stroke} strokeDasharray="6 4" />
        <text x={x + 10} y={top - 8} fontSize={12} fill={PALETTE.guest.stroke} fontWeight={600}>
          {name}
        </text>
      </g>
    )
  })

  return (
    <DiagramFrame
      testId="diagram-virtualization-layers"
      title={t.title}
      label={t.label}
      viewBox="0 0 800 345"
      caption={
        <Fragment>
          <Typography.Title level={3} style={{ marginTop: 0, fontSize: 16 }} data-testid="layers-selected">
            {info.name}
          </Typography.Title>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t.fields.what}>{info.what}</Descriptions.Item>
            <Descriptions.Item label={t.fields.example}>{info.example}</Descriptions.Item>
            <Descriptions.Item label={t.fields.shared}>{info.shared}</Descriptions.Item>
          </Descriptions>
        </Fragment>
      }
    >
      <text x={10} y={24} fontSize={13} fontWeight={600} fill={PALETTE.text}>
        {t.ladder}
      </text>
      {ladder}
      <Box x={10} y={286} w={250} h={48} label={s.hardware} tone="hardware" />
      <line x1={285} y1={30} x2={285} y2={336} stroke="#e5e7eb" />
      <rect x={sx} y={12} width={14} height={14} rx={3} fill={PALETTE.layer.fill} stroke={PALETTE.active} strokeWidth={2} />
      <text x={sx + 20} y={24} fontSize={12} fill={PALETTE.subtle}>
        {s.legend}
      </text>
      {groups}
      {rows}
      {scene.note && (
        <text x={sx + sw} y={top - 8} fontSize={12} textAnchor="end" fill={PALETTE.subtle}>
          {scene.note}
        </text>
      )}
    </DiagramFrame>
  )
}
