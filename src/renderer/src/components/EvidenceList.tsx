import { evidenceExcerpt, evidenceLabel, isNotCollected } from '../../../shared/host/evidence-labels'
import type { Evidence } from '../../../shared/host/report'
import { useLocale } from '../i18n/locale-context'

/** Raw excerpts a conclusion rests on, each under the name of where it came from ("systeminfo 的输出", "/proc/cpuinfo"). */
export function EvidenceList(props: { evidence: readonly Evidence[]; testId?: string }): React.JSX.Element {
  const { locale } = useLocale()
  // A source never read says nothing when another one speaks (e.g. lscpu beside a pasted kvm-ok).
  const read = props.evidence.filter((e) => !isNotCollected(e.excerpt))
  const shown = read.length > 0 ? read : props.evidence
  return (
    <div data-testid={props.testId}>
      {shown.map((e, i) => (
        <pre key={i} className="evidence">
          <span className="evidence-probe" data-testid="evidence-source">
            {evidenceLabel(e.probe, locale)}
          </span>
          {evidenceExcerpt(e.excerpt, locale)}
        </pre>
      ))}
    </div>
  )
}
