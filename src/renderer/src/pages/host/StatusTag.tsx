import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, ExclamationCircleFilled, LoadingOutlined, MinusCircleFilled, QuestionCircleFilled } from '@ant-design/icons'
import { Tag } from 'antd'
import type { CheckStatus } from '../../../../shared/host/report'
import { useMessages } from '../../i18n/locale-context'
import { hostMessages } from '../../i18n/messages/host'

const LOOK: Record<CheckStatus | 'pending', { color: string; icon: React.ReactNode }> = {
  pass: { color: 'success', icon: <CheckCircleFilled /> },
  warn: { color: 'warning', icon: <ExclamationCircleFilled /> },
  fail: { color: 'error', icon: <CloseCircleFilled /> },
  unknown: { color: 'purple', icon: <QuestionCircleFilled /> },
  skip: { color: 'default', icon: <MinusCircleFilled /> },
  todo: { color: 'default', icon: <ClockCircleOutlined /> },
  pending: { color: 'processing', icon: <LoadingOutlined /> },
}

export function StatusTag(props: { status: CheckStatus | 'pending' }): React.JSX.Element {
  const t = useMessages(hostMessages)
  const look = LOOK[props.status]
  return (
    <Tag color={look.color} icon={look.icon} style={{ width: 96, flex: '0 0 96px', textAlign: 'center', marginInlineEnd: 0 }} data-status={props.status}>
      {t.status[props.status]}
    </Tag>
  )
}
