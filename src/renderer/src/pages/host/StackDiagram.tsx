import { Card, Typography } from 'antd'
import type { HostReport } from '../../../../shared/host/report'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { hostMessages } from '../../i18n/messages/host'

interface Layer {
  key: string
  text: string
  fill: string
  stroke: string
  dashed?: boolean
  here?: boolean
}

/** Keeps a label inside its box (Windows captions can be long: "Microsoft Windows 11 家庭中文版 …"). */
function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Hardware → hypervisor(s) → host OS → VMware → guests, drawn for this machine. */
export function StackDiagram(props: { report: HostReport }): React.JSX.Element {
  const t = useMessages(hostMessages)
  const { report } = props
  const vt = report.checks.find((c) => c.id === 'cpu.vt-extensions')
  const firmware = report.checks.find((c) => c.id === 'firmware.vt-enabled')
  // Never a ✓ the verdict contradicts: VT present in the CPU but off in firmware is shown as off.
  const vtText =
    firmware?.status === 'fail'
      ? t.diagram.vtOffInFirmware
      : vt?.status === 'pass'
        ? 'VT-x/AMD-V ✓'
        : vt?.status === 'skip'
          ? 'ARM'
          : vt?.status === 'fail'
            ? 'VT-x/AMD-V ✗'
            : 'VT-x/AMD-V ?'
  const p = report.position
  const layers: Layer[] = [{ key: 'hw', text: fmt(t.diagram.hardware, { vt: vtText }), fill: '#e8eef7', stroke: '#8aa4c8' }]
  if (p.isGuest) layers.push({ key: 'outer', text: fmt(t.diagram.outer, { name: p.outerHypervisor ?? '?' }), fill: '#fff1e6', stroke: '#e8a87c' })
  if (p.windowsHypervisorRunning) layers.push({ key: 'winhv', text: t.diagram.winHv, fill: '#fff7d6', stroke: '#d9b44a' })
  layers.push({
    key: 'os',
    text: fmt(t.diagram.hostOs, { os: shorten(`${report.host.os} ${report.host.osVersion}`.trim(), 34) }),
    fill: '#e6f4ff',
    stroke: '#1f6feb',
    here: true,
  })
  layers.push(
    p.vmwareInstalled
      ? { key: 'vmware', text: t.diagram.vmware, fill: '#eaf7ee', stroke: '#52a46b' }
      : { key: 'vmware', text: t.diagram.vmwareMissing, fill: '#ffffff', stroke: '#b0b7c3', dashed: true },
  )
  for (const layer of layers) layer.text = shorten(layer.text, 46)
  layers.push({ key: 'guests', text: fmt(t.diagram.guests, { count: p.runningGuests }), fill: '#f4efff', stroke: '#8e7cc3', dashed: p.runningGuests === 0 })

  const width = 520
  const rowH = 40
  const gap = 8
  const height = layers.length * (rowH + gap) + 8
  const caption = p.isGuest ? t.diagram.nested : p.windowsHypervisorRunning ? t.diagram.hostedOnHv : t.diagram.hosted
  return (
    <Card size="small" title={t.diagram.title} data-testid="stack-diagram">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }} role="img" aria-label={t.diagram.title}>
        {[...layers].reverse().map((layer, i) => {
          const y = 4 + i * (rowH + gap)
          return (
            <g key={layer.key}>
              <rect
                x={layer.here ? 4 : 24}
                y={y}
                width={layer.here ? 392 : 352}
                height={rowH}
                rx={8}
                fill={layer.fill}
                stroke={layer.stroke}
                strokeWidth={layer.here ? 2.5 : 1.5}
                strokeDasharray={layer.dashed ? '6 4' : undefined}
              />
              <text x={200} y={y + rowH / 2 + 5} textAnchor="middle" fontSize={13} fill="#1f2937">
                {layer.text}
              </text>
              {layer.here && (
                <g>
                  <path d={`M ${404} ${y + rowH / 2} l 14 -8 v 16 z`} fill="#1f6feb" />
                  <text x={424} y={y + rowH / 2 + 5} fontSize={13} fontWeight={600} fill="#1f6feb">
                    {t.diagram.you}
                  </text>
                </g>
              )}
            </g>
          )
        })}
      </svg>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, marginTop: 8 }}>
        {caption}
      </Typography.Paragraph>
    </Card>
  )
}
