import { useRoute } from '../../app/routes'
import { LabList } from './LabList'
import { LabRunner } from './LabRunner'
import './labs.css'

/** #/labs → the list; #/labs/<labId>[/<stepId>] → the runner (resuming where the student left off). */
export function LabsPage(): React.JSX.Element {
  const route = useRoute()
  const [labId, stepId] = route.rest
  return labId ? <LabRunner key={labId} labId={labId} stepId={stepId ?? null} /> : <LabList />
}
