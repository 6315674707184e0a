import { Button, Modal, Typography } from 'antd'
import { shellMessages } from '../i18n/messages/shell'
import { useMessages } from '../i18n/locale-context'

export interface CrashInfo {
  readonly message: string
  readonly stack?: string
}

/** Shows an uncaught error with details the student can copy. */
export function CrashDialog(props: { crash: CrashInfo | null; onClose: () => void }): React.JSX.Element {
  const t = useMessages(shellMessages)
  const { crash, onClose } = props
  const details = crash ? [crash.message, crash.stack ?? ''].filter(Boolean).join('\n\n') : ''
  return (
    <Modal
      open={crash !== null}
      title={t.crash.title}
      onCancel={onClose}
      width={720}
      footer={[
        <Button key="reload" onClick={() => window.location.reload()}>
          {t.crash.reload}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t.crash.close}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t.crash.intro}</Typography.Paragraph>
      <Typography.Paragraph
        data-testid="crash-details"
        copyable={{ text: details, tooltips: [t.crash.copy, t.crash.copied] }}
        style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: 12, maxHeight: 320, overflow: 'auto' }}
      >
        {details}
      </Typography.Paragraph>
    </Modal>
  )
}
