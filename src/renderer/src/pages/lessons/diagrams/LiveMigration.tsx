import { Segmented } from 'antd'
import { useState } from 'react'
import { seededShuffle } from '../../../../../shared/lessons/shuffle'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { migrationMessages } from '../../../i18n/messages/diagram-migration'
import { Arrow, ArrowDefs, DiagramFrame, PALETTE, StepControls } from './svg'

type Workload = 'normal' | 'busy'
type PageState = 'unsent' | 'sent' | 'dirty' | 'empty' | 'fresh' | 'stale'

const PAGES = 64
const PAGE_IDS = Array.from({ length: PAGES }, (_, i) => i)
/** Pages dirtied during each pre-copy round. */
const DIRTY: Record<Workload, number[]> = { normal: [18, 7, 3], busy: [40, 38, 41] }
const MAC = '00:50:56:3a:1c:07'
/** prepare, three rounds, stop-and-copy, resume + ARP, release. */
const STEPS = 7

export interface MigrationState {
  readonly phase: 'prepare' | 'round' | 'stop' | 'arp' | 'done'
  readonly round: number
  readonly source: PageState[]
  readonly destination: PageState[]
  /** Pages crossing the link in this step (null: nothing moves). */
  readonly inFlight: number | null
  readonly dirty: number
  /** Pages sent in each round so far (the last entry is stop-and-copy when reached). */
  readonly sentPerRound: number[]
  readonly downtimeMs: number | null
}

/** The whole migration at a given step; deterministic, so the diagram and its tests agree. */
export function migrationAt(workload: Workload, step: number): MigrationState {
  const counts = DIRTY[workload]
  const dirtySets = counts.map((n, r) => new Set(seededShuffle(PAGE_IDS, `${workload}-${r}`).slice(0, n)))
  const sentPerRound = [PAGES, ...counts.slice(0, 2)].slice(0, Math.min(step, 3))
  const last = counts[counts.length - 1] ?? 0
  if (step <= 0)
    return { phase: 'prepare', round: 0, source: PAGE_IDS.map(() => 'unsent'), destination: PAGE_IDS.map(() => 'empty'), inFlight: null, dirty: PAGES, sentPerRound: [], downtimeMs: null }
  if (step <= 3) {
    const dirty = dirtySets[step - 1] ?? new Set<number>()
    return {
      phase: 'round',
      round: step,
      source: PAGE_IDS.map((p) => (dirty.has(p) ? 'dirty' : 'sent')),
      destination: PAGE_IDS.map((p) => (dirty.has(p) ? 'stale' : 'fresh')),
      inFlight: sentPerRound[step - 1] ?? 0,
      dirty: dirty.size,
      sentPerRound,
      downtimeMs: null,
    }
  }
  const downtimeMs = 10 + last * 10
  const withStop = [...sentPerRound, last]
  if (step === 4) return { phase: 'stop', round: 3, source: PAGE_IDS.map(() => 'sent'), destination: PAGE_IDS.map(() => 'fresh'), inFlight: last, dirty: last, sentPerRound: withStop, downtimeMs }
  return {
    phase: step === 5 ? 'arp' : 'done',
    round: 3,
    source: PAGE_IDS.map(() => (step === 5 ? 'sent' : 'empty')),
    destination: PAGE_IDS.map(() => 'fresh'),
    inFlight: null,
    dirty: 0,
    sentPerRound: withStop,
    downtimeMs,
  }
}

const CELL_COLORS: Record<PageState, { fill: string; stroke: string }> = {
  unsent: { fill: '#e5e7eb', stroke: '#cbd0d8' },
  sent: { fill: '#b7e4c7', stroke: '#52a46b' },
  dirty: { fill: '#ffc069', stroke: '#e8883a' },
  empty: { fill: '#ffffff', stroke: '#e5e7eb' },
  fresh: { fill: '#bae0ff', stroke: '#4a8fe7' },
  stale: { fill: '#fff1b8', stroke: '#d9b44a' },
}

function Grid(props: { x: number; y: number; pages: PageState[]; testId: string }): React.JSX.Element {
  const size = 20
  const gap = 3
  return (
    <g data-testid={props.testId} data-dirty={props.pages.filter((p) => p === 'dirty' || p === 'stale').length}>
      {props.pages.map((state, i) => (
        <rect
          key={i}
          x={props.x + (i % 8) * (size + gap)}
          y={props.y + Math.floor(i / 8) * (size + gap)}
          width={size}
          height={size}
          rx={3}
          fill={CELL_COLORS[state].fill}
          stroke={CELL_COLORS[state].stroke}
        />
      ))}
    </g>
  )
}

/** Lesson 5: step through pre-copy rounds (dirty pages shrinking), stop-and-copy with its downtime, and the ARP announcement. */
export function LiveMigration(): React.JSX.Element {
  const t = useMessages(migrationMessages)
  const [workload, setWorkload] = useState<Workload>('normal')
  const [step, setStep] = useState(0)
  const state = migrationAt(workload, step)
  const busy = workload === 'busy'
  const downtime = state.downtimeMs !== null ? fmt(t.downtime, { ms: state.downtimeMs }) : ''
  const sent = state.sentPerRound[state.round - 1] ?? 0
  const phaseText =
    state.phase === 'prepare'
      ? t.phase.prepare
      : state.phase === 'round'
        ? fmt(busy ? t.phase.roundBusy : t.phase.round, { n: state.round, sent, dirty: state.dirty })
        : state.phase === 'stop'
          ? fmt(busy ? t.phase.stopBusy : t.phase.stop, { dirty: state.dirty, downtime })
          : state.phase === 'arp'
            ? t.phase.arp
            : t.phase.done
  const srcVm = step <= 3 ? t.vm.running : step <= 5 ? t.vm.paused : t.vm.none
  const dstVm = step === 0 || (step >= 1 && step <= 3) ? t.vm.reserved : step === 4 ? t.vm.paused : t.vm.running
  const srcRunning = step <= 3
  const dstRunning = step >= 5
  const port = step >= 5 ? 2 : 1
  const defs = 'lm'
  const maxBar = PAGES

  const host = (x: number, title: string, vm: string, running: boolean, pages: PageState[], testId: string) => (
    <g>
      <rect x={x} y={78} width={290} height={224} rx={10} fill="#f8fafc" stroke={PALETTE.hardware.stroke} />
      <text x={x + 14} y={100} fontSize={14} fontWeight={600} fill={PALETTE.text}>
        {title}
      </text>
      <rect x={x + 150} y={86} width={128} height={22} rx={11} fill={running ? '#d9f7be' : '#f0f0f0'} stroke={running ? '#52a46b' : '#b0b7c3'} />
      <text x={x + 214} y={101} textAnchor="middle" fontSize={12} fill={PALETTE.text} data-testid={`${testId}-vm`}>
        {vm}
      </text>
      <Grid x={x + 53} y={114} pages={pages} testId={testId} />
    </g>
  )

  return (
    <DiagramFrame
      testId="diagram-live-migration"
      title={t.title}
      label={t.label}
      viewBox="0 0 830 345"
      controls={
        <Segmented
          value={workload}
          onChange={(v) => {
            setWorkload(v as Workload)
            setStep(0)
          }}
          options={[
            { value: 'normal', label: t.workload.normal },
            { value: 'busy', label: t.workload.busy },
          ]}
          data-testid="migration-workload"
        />
      }
      caption={<span data-testid="migration-text">{phaseText}</span>}
      footer={<StepControls step={step} total={STEPS} onStep={setStep} testId="migration-steps" />}
    >
      <ArrowDefs id={defs} />
      {/* The switch and its MAC table. */}
      <rect x={300} y={6} width={230} height={50} rx={8} fill="#ffffff" stroke={step === 5 ? PALETTE.active : '#b0b7c3'} strokeWidth={step === 5 ? 3 : 1.5} />
      <text x={415} y={25} textAnchor="middle" fontSize={12} fill={PALETTE.subtle}>
        {t.switch}
      </text>
      <text x={415} y={45} textAnchor="middle" fontSize={12.5} fontFamily="ui-monospace, Menlo, Consolas, monospace" fill={PALETTE.text} data-testid="migration-mac">
        {fmt(t.port, { mac: MAC, port })}
      </text>
      <polyline points="300,31 155,31 155,78" fill="none" stroke="#b0b7c3" strokeWidth={1.5} />
      <polyline points="530,31 675,31 675,78" fill="none" stroke="#b0b7c3" strokeWidth={1.5} />
      <text x={163} y={58} fontSize={11} fill={PALETTE.subtle}>
        1
      </text>
      <text x={683} y={58} fontSize={11} fill={PALETTE.subtle}>
        2
      </text>
      {step === 5 && (
        <g data-testid="migration-arp">
          <Arrow defs={defs} x1={690} y1={76} x2={540} y2={48} kind="a" />
          <text x={640} y={72} fontSize={12} fontWeight={600} fill={PALETTE.active}>
            {t.arp}
          </text>
        </g>
      )}

      {host(10, t.source, srcVm, srcRunning, state.source, 'migration-source')}
      {host(530, t.destination, dstVm, dstRunning, state.destination, 'migration-destination')}

      {/* The link and what crosses it. */}
      <line x1={302} y1={150} x2={528} y2={150} stroke="#d0d5dd" strokeWidth={6} strokeLinecap="round" />
      {state.inFlight !== null && (
        <g data-testid="migration-link">
          <Arrow defs={defs} x1={306} y1={150} x2={522} y2={150} kind="a" width={4} />
          <text x={415} y={138} textAnchor="middle" fontSize={13} fontWeight={600} fill={PALETTE.text}>
            {state.phase === 'stop' ? fmt(t.linkState, { pages: state.inFlight }) : fmt(t.link, { pages: state.inFlight })}
          </text>
        </g>
      )}

      {/* Pages sent per round. */}
      <text x={415} y={186} textAnchor="middle" fontSize={12} fill={PALETTE.subtle}>
        {t.chart}
      </text>
      {[0, 1, 2, 3].map((i) => {
        const value = state.sentPerRound[i]
        const x = 330 + i * 44
        const h = value === undefined ? 0 : Math.max(2, (value / maxBar) * 70)
        const isStop = i === 3
        return (
          <g key={i} data-testid={`migration-bar-${i}`} data-value={value ?? ''}>
            <rect x={x} y={196} width={30} height={70} fill="#fafafa" stroke="#f0f0f0" />
            {value !== undefined && <rect x={x} y={266 - h} width={30} height={h} fill={isStop ? '#ff7875' : PALETTE.link} />}
            {value !== undefined && (
              <text x={x + 15} y={262 - h} textAnchor="middle" fontSize={11} fill={PALETTE.text}>
                {value}
              </text>
            )}
            <text x={x + 15} y={282} textAnchor="middle" fontSize={11} fill={PALETTE.subtle}>
              {isStop ? t.stop : fmt(t.round, { n: i + 1 })}
            </text>
          </g>
        )
      })}
      {state.downtimeMs !== null && (
        <text x={415} y={304} textAnchor="middle" fontSize={13} fontWeight={600} fill={busy ? PALETTE.danger.stroke : PALETTE.text} data-testid="migration-downtime">
          {downtime}
        </text>
      )}

      {/* Legend. */}
      {(['sent', 'dirty', 'unsent', 'fresh', 'stale'] as const).map((key, i) => (
        <g key={key}>
          <rect x={40 + i * 155} y={322} width={14} height={14} rx={3} fill={CELL_COLORS[key].fill} stroke={CELL_COLORS[key].stroke} />
          <text x={60 + i * 155} y={334} fontSize={12} fill={PALETTE.subtle}>
            {t.legend[key]}
          </text>
        </g>
      ))}
    </DiagramFrame>
  )
}
