import { Alert } from 'antd'
import type { HostReport } from '../../../../../shared/host/report'
import type { DiagramId } from '../../../../../shared/lessons/lesson'
import { fmt } from '../../../i18n/define'
import { useMessages } from '../../../i18n/locale-context'
import { lessonsMessages } from '../../../i18n/messages/lessons'
import { AddressTranslation } from './AddressTranslation'
import { HypervisorTypes } from './HypervisorTypes'
import { Infrastructure } from './Infrastructure'
import { IoStacks } from './IoStacks'
import { LiveMigration } from './LiveMigration'
import { NetworkModes } from './NetworkModes'
import { StorageVirtualization } from './StorageVirtualization'
import { VirtualizationLayers } from './VirtualizationLayers'

/** Diagrams that show this machine's facts from the last host report. */
export const DIAGRAMS_USING_HOST: readonly DiagramId[] = ['address-translation', 'network-modes']

/** The interactive diagram a lesson names in its lesson.yaml. */
export function LessonDiagram(props: { id: string; report: HostReport | null }): React.JSX.Element {
  const t = useMessages(lessonsMessages).diagram
  switch (props.id as DiagramId) {
    case 'virtualization-layers':
      return <VirtualizationLayers />
    case 'infrastructure':
      return <Infrastructure />
    case 'hypervisor-types':
      return <HypervisorTypes />
    case 'address-translation':
      return <AddressTranslation report={props.report} />
    case 'live-migration':
      return <LiveMigration />
    case 'storage-virtualization':
      return <StorageVirtualization />
    case 'network-modes':
      return <NetworkModes report={props.report} />
    case 'io-stacks':
      return <IoStacks />
    default:
      return <Alert type="warning" showIcon title={fmt(t.unknown, { id: props.id })} />
  }
}
