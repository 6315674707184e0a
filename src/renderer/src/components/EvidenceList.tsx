import type { Evidence } from '../../../shared/host/report'

/** Raw excerpts a conclusion rests on, each under the probe it came from. */
export function EvidenceList(props: { evidence: readonly Evidence[]; testId?: string }): React.JSX.Element {
  return (
    <div data-testid={props.testId}>
      {props.evidence.map((e, i) => (
        <pre key={i} className="evidence">
          <span className="evidence-probe">[{e.probe}]</span>
          {'\n'}
          {e.excerpt}
        </pre>
      ))}
    </div>
  )
}
