import { evidenceLabel } from '../../../shared/host/evidence-labels'
import type { Evidence } from '../../../shared/host/report'
import { useLocale } from '../i18n/locale-context'

/** Raw excerpts a conclusion rests on, each under the name of where it came from ("systeminfo 的输出", "/proc/cpuinfo"). */
export function EvidenceList(props: { evidence: readonly Evidence[]; testId?: string }): React.JSX.Element {
  const { locale } = useLocale()
  return (
    <div data-testid={props.testId}>
      {props.evidence.map((e, i) => (
        <pre key={i} className="evidence">
          <span className="evidence-probe" data-testid="evidence-source">
            {evidenceLabel(e.probe, locale)}
          </span>
          {e.excerpt}
        </pre>
      ))}
    </div>
  )
}
