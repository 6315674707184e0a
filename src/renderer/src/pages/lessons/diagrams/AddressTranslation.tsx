import { Alert, Button, Descriptions, Segmented, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { CheckStatus, HostReport } from '../../../../../shared/host/report'
import { hrefFor } from '../../../app/routes'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { addressMessages } from '../../../i18n/messages/diagram-address'
import { Arrow, ArrowDefs, Box, DiagramFrame, Label, PALETTE, StepControls, wrapText } from './svg'

type Mode = 'ept' | 'shadow'

/** Three example mappings: virtual page → guest frame → host frame. */
const MAPPINGS = [
  { gva: 0x00403a10, gframe: 0x001f2, hframe: 0x08c41 },
  { gva: 0x7ffe1234, gframe: 0x003a0, hframe: 0x02b17 },
  { gva: 0x00400010, gframe: 0x000b5, hframe: 0x051c2 },
] as const

const hex = (value: number, digits: number): string => `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`

function addresses(index: number) {
  const m = MAPPINGS[index] ?? MAPPINGS[0]
  const off = m.gva & 0xfff
  const vpage = m.gva >>> 12
  return {
    gva: hex(m.gva, 8),
    vpage: hex(vpage, 5),
    off: hex(off, 3),
    gframe: hex(m.gframe, 5),
    hframe: hex(m.hframe, 5),
    gpa: hex(m.gframe * 0x1000 + off, 8),
    hpa: hex(m.hframe * 0x1000 + off, 8),
  }
}

/** A page table drawn as a box with its rows; the row of the chosen address is marked. */
function Table(props: { x: number; y: number; w: number; h: number; title: string; sub: string; rows: string[]; selected: number; active: boolean; tone: 'os' | 'layer' | 'guest'; dashed?: boolean; testId: string }): React.JSX.Element {
  const { x, y, w, rows } = props
  const titleLines = wrapText(props.title, w - 12, 13)
  const subLines = wrapText(props.sub, w - 12, 10.5)
  const rowsTop = y + 10 + titleLines.length * 16 + subLines.length * 13 + 4
  return (
    <g data-testid={props.testId}>
      <Box x={x} y={y} w={w} h={props.h} label="" tone={props.tone} active={props.active} dashed={props.dashed} />
      <Label x={x + w / 2} y={y + 20} width={w - 12} text={props.title} fontSize={13} color={PALETTE.text} bold />
      <Label x={x + w / 2} y={y + 18 + titleLines.length * 16} width={w - 12} text={props.sub} fontSize={10.5} />
      {rows.map((row, i) => {
        const ry = rowsTop + i * 22
        const on = i === props.selected
        return (
          <g key={row}>
            <rect x={x + 8} y={ry} width={w - 16} height={19} rx={4} fill={on && props.active ? '#ffe7ba' : '#ffffff'} stroke={on ? PALETTE.active : '#e5e7eb'} />
            <text x={x + w / 2} y={ry + 14} textAnchor="middle" fontSize={11.5} fontFamily="ui-monospace, Menlo, Consolas, monospace" fill={PALETTE.text}>
              {row}
            </text>
          </g>
        )
      })}
    </g>
  )
}

function AddressBox(props: { x: number; y: number; w: number; short: string; name: string; value: string; active: boolean; dim?: boolean; testId: string }): React.JSX.Element {
  return (
    <g data-testid={props.testId} opacity={props.dim ? 0.55 : 1}>
      <text x={props.x + props.w / 2} y={props.y - 8} textAnchor="middle" fontSize={13} fontWeight={600} fill={PALETTE.text}>
        {props.short}
      </text>
      <rect x={props.x} y={props.y} width={props.w} height={44} rx={8} fill={props.active ? '#fff7e6' : '#ffffff'} stroke={props.active ? PALETTE.active : '#b0b7c3'} strokeWidth={props.active ? 3 : 1.5} strokeDasharray={props.dim ? '5 4' : undefined} />
      <text x={props.x + props.w / 2} y={props.y + 28} textAnchor="middle" fontSize={15} fontWeight={600} fontFamily="ui-monospace, Menlo, Consolas, monospace" fill={PALETTE.text}>
        {props.value}
      </text>
      <Label x={props.x + props.w / 2} y={props.y + 60} width={props.w + 10} text={props.name} fontSize={11} />
    </g>
  )
}

function MachinePanel(props: { report: HostReport | null }): React.JSX.Element {
  const t = useMessages(addressMessages).machine
  const report = props.report
  if (!report)
    return (
      <Alert
        type="info"
        showIcon
        title={t.title}
        description={
          <Space orientation="vertical" size={4}>
            <span>{t.none}</span>
            <Button size="small" href={hrefFor('host')}>
              {t.goHost}
            </Button>
          </Space>
        }
        data-testid="address-machine"
      />
    )
  const vt = report.checks.find((c) => c.id === 'cpu.vt-extensions')
  const slat = report.checks.find((c) => c.id === 'cpu.slat')
  const vtName = typeof vt?.facts.name === 'string' ? vt.facts.name : 'VT-x / AMD-V'
  const slatName = typeof slat?.facts.name === 'string' ? slat.facts.name : 'EPT / NPT'
  const status = (s: CheckStatus | undefined): React.JSX.Element => (
    <Tag color={s === 'pass' ? 'success' : s === 'skip' || s === 'unknown' || !s ? 'default' : s === 'warn' ? 'warning' : 'error'}>{t.status[s ?? 'unknown']}</Tag>
  )
  const conclusion =
    vt?.status === 'skip'
      ? t.conclusion.arm
      : vt?.status === 'fail'
        ? fmt(t.conclusion.noVt, { vt: vtName })
        : slat?.status === 'pass'
          ? fmt(t.conclusion.ept, { slat: slatName })
          : slat?.status === 'warn' || slat?.facts.present === false
            ? fmt(t.conclusion.shadow, { slat: slatName })
            : t.conclusion.unknown
  return (
    <Alert
      type={slat?.status === 'pass' ? 'success' : 'info'}
      showIcon
      title={t.title}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" colon={false}>
            <Descriptions.Item label={t.vt}>
              {vtName} {status(vt?.status)}
            </Descriptions.Item>
            <Descriptions.Item label={t.slat}>
              {slatName} {status(slat?.status)}
            </Descriptions.Item>
          </Descriptions>
          <span>{conclusion}</span>
        </Space>
      }
      data-testid="address-machine"
    />
  )
}

/** Lesson 4: one guest virtual address stepped to a host physical address, with shadow page tables or EPT/NPT. */
export function AddressTranslation(props: { report?: HostReport | null }): React.JSX.Element {
  const t = useMessages(addressMessages)
  const [mode, setMode] = useState<Mode>('ept')
  const [which, setWhich] = useState(0)
  const [step, setStep] = useState(0)
  const [traps, setTraps] = useState(0)
  const [lastWrite, setLastWrite] = useState<'trap' | 'none' | null>(null)
  const a = addresses(which)
  const all = MAPPINGS.map((_, i) => addresses(i))
  const stepKey = (['s1', 's2', 's3', 's4'] as const)[step] ?? 's1'
  const text = fmt(t.steps[mode][stepKey], a)
  const defs = 'at'
  const shadow = mode === 'shadow'

  // What each step lights up.
  const on = {
    gva: step === 0,
    guestPt: shadow ? step === 2 || step === 3 : step === 1,
    gpa: !shadow && step === 1,
    second: shadow ? step === 2 : step === 2,
    hpa: shadow ? step === 1 : step === 2,
    shadowPt: shadow && (step === 1 || step === 2),
  }
  const top = 44
  const pathKind = (lit: boolean) => (lit ? 'a' : 'n')

  return (
    <DiagramFrame
      testId="diagram-address-translation"
      title={t.title}
      label={t.label}
      viewBox="0 0 830 300"
      controls={
        <>
          <Segmented
            value={mode}
            onChange={(v) => {
              setMode(v as Mode)
              setStep(0)
              setLastWrite(null)
            }}
            options={[
              { value: 'shadow', label: t.modes.shadow },
              { value: 'ept', label: t.modes.ept },
            ]}
            data-testid="address-mode"
          />
          <Space size="small">
            <Typography.Text type="secondary">{t.address}</Typography.Text>
            <Segmented
              value={which}
              onChange={(v) => {
                setWhich(v as number)
                setStep(0)
              }}
              options={all.map((x, i) => ({ value: i, label: <code>{x.gva}</code> }))}
              data-testid="address-pick"
            />
          </Space>
        </>
      }
      caption={<span data-testid="address-step-text">{text}</span>}
      footer={
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <StepControls step={step} total={4} onStep={setStep} testId="address-steps" />
          <Space wrap>
            <Button
              onClick={() => {
                if (shadow) setTraps((n) => n + 1)
                setLastWrite(shadow ? 'trap' : 'none')
              }}
              data-testid="address-write"
            >
              {t.write}
            </Button>
            {lastWrite && <Tag color={lastWrite === 'trap' ? 'orange' : 'green'}>{lastWrite === 'trap' ? t.trapped : t.noTrap}</Tag>}
            <Typography.Text data-testid="address-traps">{fmt(t.traps, { count: traps })}</Typography.Text>
          </Space>
          <MachinePanel report={props.report ?? null} />
        </Space>
      }
    >
      <ArrowDefs id={defs} />
      <AddressBox x={10} y={top} w={140} short={t.gvaShort} name={t.gva} value={a.gva} active={on.gva || (shadow && step === 1)} testId="address-gva" />
      <Table
        x={180}
        y={top - 24}
        w={150}
        h={136}
        title={shadow ? t.guestPtLocked : t.guestPt}
        sub={t.guestPtSub}
        rows={all.map((x) => `${x.vpage} → ${x.gframe}`)}
        selected={which}
        active={on.guestPt}
        dashed={shadow}
        tone="guest"
        testId="address-guest-pt"
      />
      <AddressBox x={360} y={top} w={140} short={t.gpaShort} name={t.gpa} value={a.gpa} active={on.gpa} dim={shadow} testId="address-gpa" />
      <Table
        x={530}
        y={top - 24}
        w={150}
        h={136}
        title={shadow ? t.p2m : t.ept}
        sub={shadow ? t.p2mSub : t.eptSub}
        rows={all.map((x) => `${x.gframe} → ${x.hframe}`)}
        selected={which}
        active={on.second}
        tone="layer"
        testId="address-second"
      />
      <AddressBox x={705} y={top} w={118} short={t.hpaShort} name={t.hpa} value={a.hpa} active={on.hpa} testId="address-hpa" />
      <Arrow defs={defs} x1={150} y1={top + 22} x2={178} y2={top + 22} kind={shadow ? 'n' : pathKind(step >= 1)} dashed={shadow} />
      <Arrow defs={defs} x1={330} y1={top + 22} x2={358} y2={top + 22} kind={shadow ? 'n' : pathKind(step >= 1)} dashed={shadow} />
      <Arrow defs={defs} x1={500} y1={top + 22} x2={528} y2={top + 22} kind={shadow ? 'n' : pathKind(step >= 2)} dashed={shadow} />
      <Arrow defs={defs} x1={680} y1={top + 22} x2={703} y2={top + 22} kind={shadow ? 'n' : pathKind(step >= 2)} dashed={shadow} />
      {shadow ? (
        <g data-testid="address-shadow">
          <Table x={300} y={170} w={260} h={122} title={t.shadowPt} sub={t.shadowPtSub} rows={all.map((x) => `${x.vpage} → ${x.hframe}`)} selected={which} active={on.shadowPt} tone="os" testId="address-shadow-pt" />
          <path d={`M 80 ${top + 84} V 231 H 296`} fill="none" stroke={step >= 1 ? PALETTE.active : '#6b7280'} strokeWidth={step >= 1 ? 3 : 1.8} markerEnd={`url(#${defs}-${pathKind(step >= 1)})`} />
          <path d={`M 560 231 H 764 V ${top + 88}`} fill="none" stroke={step >= 1 ? PALETTE.active : '#6b7280'} strokeWidth={step >= 1 ? 3 : 1.8} markerEnd={`url(#${defs}-${pathKind(step >= 1)})`} />
          <text x={88} y={222} fontSize={12} fill={PALETTE.subtle}>
            {t.mmu}
          </text>
          {step === 2 && (
            <>
              <Arrow defs={defs} x1={255} y1={top + 112} x2={380} y2={168} kind="a" dashed />
              <Arrow defs={defs} x1={605} y1={top + 112} x2={480} y2={168} kind="a" dashed />
            </>
          )}
        </g>
      ) : (
        <g data-testid="address-ept-note">
          <Box x={180} y={196} w={500} h={44} label={t.mmuBoth} tone="hardware" active={step === 1 || step === 2} />
          <text x={430} y={266} textAnchor="middle" fontSize={12} fill={PALETTE.subtle}>
            {`${a.gva} → ${a.gpa} → ${a.hpa}`}
          </text>
        </g>
      )}
    </DiagramFrame>
  )
}
