import { Result } from 'antd'
import { fmt } from '../i18n/define'
import { useMessages } from '../i18n/locale-context'
import { shellMessages } from '../i18n/messages/shell'

/** A page whose feature has not landed yet — and says so. */
export function Placeholder(props: { page: string }): React.JSX.Element {
  const t = useMessages(shellMessages)
  return (
    <Result
      status="info"
      title={t.placeholder.title}
      subTitle={fmt(t.placeholder.body, { page: props.page })}
      data-testid="placeholder"
    />
  )
}
