import { Button, Card, Space, Typography } from 'antd'
import { useId, type KeyboardEvent, type ReactNode } from 'react'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { lessonsMessages } from '../../../i18n/messages/lessons'

/** Shared drawing pieces for the lesson diagrams: boxes with wrapped bilingual text, arrows, a frame. */

export const PALETTE = {
  hardware: { fill: '#e8eef7', stroke: '#8aa4c8' },
  layer: { fill: '#fff1e6', stroke: '#e8883a' },
  os: { fill: '#e6f4ff', stroke: '#4a8fe7' },
  guest: { fill: '#f4efff', stroke: '#8e7cc3' },
  app: { fill: '#eaf7ee', stroke: '#52a46b' },
  neutral: { fill: '#ffffff', stroke: '#b0b7c3' },
  muted: { fill: '#f5f5f5', stroke: '#d0d5dd' },
  danger: { fill: '#fff1f0', stroke: '#e5484d' },
  active: '#fa8c16',
  text: '#1f2937',
  subtle: '#6b7280',
  link: '#1f6feb',
} as const

export type Tone = Exclude<keyof typeof PALETTE, 'active' | 'text' | 'subtle' | 'link'>

const isWide = (ch: string): boolean => /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch)

/** Rough text width in px: CJK characters are one em, others a little over half. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0
  for (const ch of text) w += isWide(ch) ? fontSize : /[A-Z0-9]/.test(ch) ? fontSize * 0.64 : fontSize * 0.54
  return w
}

/** Breaks text into lines no wider than `width`: at spaces for Latin text, anywhere between CJK characters. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f][，。、：；）》」]?|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|\s+/g) ?? []
  const lines: string[] = []
  let line = ''
  for (const token of tokens) {
    const candidate = line + token
    if (line !== '' && textWidth(candidate.trimEnd(), fontSize) > width) {
      lines.push(line.trim())
      line = /^\s+$/.test(token) ? '' : token
    } else line = candidate
  }
  if (line.trim() !== '') lines.push(line.trim())
  return lines
}

export interface BoxProps {
  x: number
  y: number
  w: number
  h: number
  label: string
  sub?: string
  tone?: Tone
  /** Drawn with the accent outline. */
  active?: boolean
  dashed?: boolean
  fontSize?: number
  bold?: boolean
  rx?: number
  testId?: string
}

/** A rounded box with its label centred and wrapped to fit (and an optional smaller second line). */
export function Box(props: BoxProps): React.JSX.Element {
  const { x, y, w, h, label, sub, tone = 'neutral', active, dashed, fontSize = 13, bold, rx = 8 } = props
  const colors = PALETTE[tone]
  const lines = wrapText(label, w - 12, fontSize)
  const subLines = sub ? wrapText(sub, w - 12, fontSize - 2) : []
  const lineH = fontSize * 1.25
  const subH = (fontSize - 2) * 1.25
  const total = lines.length * lineH + subLines.length * subH
  const top = y + h / 2 - total / 2 + fontSize * 0.9
  return (
    <g data-testid={props.testId}>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={rx}
        fill={colors.fill}
        stroke={active ? PALETTE.active : colors.stroke}
        strokeWidth={active ? 3 : 1.5}
        strokeDasharray={dashed ? '6 4' : undefined}
      />
      <text textAnchor="middle" fontSize={fontSize} fill={PALETTE.text} fontWeight={bold || active ? 600 : 400}>
        {lines.map((line, i) => (
          <tspan key={i} x={x + w / 2} y={top + i * lineH}>
            {line}
          </tspan>
        ))}
        {subLines.map((line, i) => (
          <tspan key={`s${i}`} x={x + w / 2} y={top + lines.length * lineH + i * subH} fontSize={fontSize - 2} fill={PALETTE.subtle} fontWeight={400}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  )
}

/** Multi-line free text (no box). */
export function Label(props: { x: number; y: number; text: string; width: number; fontSize?: number; anchor?: 'start' | 'middle' | 'end'; color?: string; bold?: boolean }): React.JSX.Element {
  const { x, y, text, width, fontSize = 12, anchor = 'middle', color = PALETTE.subtle, bold } = props
  const lines = wrapText(text, width, fontSize)
  return (
    <text textAnchor={anchor} fontSize={fontSize} fill={color} fontWeight={bold ? 600 : 400}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} y={y + i * fontSize * 1.25}>
          {line}
        </tspan>
      ))}
    </text>
  )
}

/** The arrowhead markers a diagram's arrows use; put once inside each <svg>. */
export function ArrowDefs(props: { id: string }): React.JSX.Element {
  const colors = { n: '#6b7280', a: PALETTE.active, d: PALETTE.danger.stroke, l: PALETTE.link }
  return (
    <defs>
      {Object.entries(colors).map(([key, color]) => (
        <marker key={key} id={`${props.id}-${key}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
        </marker>
      ))}
    </defs>
  )
}

export function Arrow(props: {
  defs: string
  x1: number
  y1: number
  x2: number
  y2: number
  kind?: 'n' | 'a' | 'd' | 'l'
  dashed?: boolean
  both?: boolean
  width?: number
}): React.JSX.Element {
  const { defs, x1, y1, x2, y2, kind = 'n', dashed, both, width } = props
  const color = { n: '#6b7280', a: PALETTE.active, d: PALETTE.danger.stroke, l: PALETTE.link }[kind]
  return (
    <line
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      stroke={color}
      strokeWidth={width ?? (kind === 'a' ? 3 : 1.8)}
      strokeDasharray={dashed ? '5 4' : undefined}
      markerEnd={`url(#${defs}-${kind})`}
      markerStart={both ? `url(#${defs}-${kind})` : undefined}
    />
  )
}

/** Makes an SVG group behave as a button for mouse and keyboard. */
export function clickable(label: string, onActivate: () => void, pressed?: boolean) {
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': label,
    'aria-pressed': pressed,
    style: { cursor: 'pointer', outline: 'none' },
    className: 'diagram-hit',
    onClick: onActivate,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        onActivate()
      }
    },
  } as const
}

/** The frame every diagram sits in: title, controls, the drawing (with an accessible name), a live caption. */
export function DiagramFrame(props: {
  testId: string
  title: string
  controls?: ReactNode
  /** What the drawing shows, for screen readers. */
  label: string
  viewBox: string
  maxWidth?: number
  children: ReactNode
  caption?: ReactNode
  footer?: ReactNode
}): React.JSX.Element {
  const titleId = useId()
  return (
    <Card size="small" title={props.title} data-testid={props.testId} className="lesson-diagram">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {props.controls && <div className="diagram-controls">{props.controls}</div>}
        <svg
          viewBox={props.viewBox}
          width="100%"
          role="group"
          aria-labelledby={titleId}
          style={{ display: 'block', maxWidth: props.maxWidth ?? 900, margin: '0 auto', fontFamily: 'inherit' }}
        >
          <title id={titleId}>{props.label}</title>
          {props.children}
        </svg>
        {props.caption && (
          <div className="diagram-caption" aria-live="polite" data-testid={`${props.testId}-caption`}>
            {props.caption}
          </div>
        )}
        {props.footer}
      </Space>
    </Card>
  )
}

/** Previous / next / start-over buttons with "step n of N". */
export function StepControls(props: { step: number; total: number; onStep: (step: number) => void; testId: string; nextLabel?: string }): React.JSX.Element {
  const t = useMessages(lessonsMessages).diagram
  return (
    <Space wrap>
      <Button onClick={() => props.onStep(props.step - 1)} disabled={props.step <= 0} data-testid={`${props.testId}-prev`}>
        {t.prev}
      </Button>
      <Button type="primary" onClick={() => props.onStep(props.step + 1)} disabled={props.step >= props.total - 1} data-testid={`${props.testId}-next`}>
        {props.nextLabel ?? t.next}
      </Button>
      <Button onClick={() => props.onStep(0)} disabled={props.step === 0} data-testid={`${props.testId}-reset`}>
        {t.reset}
      </Button>
      <Typography.Text type="secondary" data-testid={`${props.testId}-step`}>
        {fmt(t.step, { n: props.step + 1, total: props.total })}
      </Typography.Text>
    </Space>
  )
}
