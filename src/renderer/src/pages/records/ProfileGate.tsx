import { Button, Modal, Typography, message } from 'antd'
import { useState } from 'react'
import { api, describeApiError } from '../../api/client'
import { useAppState } from '../../app/app-state'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'
import { ProfileForm } from './ProfileForm'
import { notifyRecordsChanged, useRecordsOverview } from './use-records'

/**
 * Asks for the student profile on first start (a modal while none exists), and tells the student
 * once when the records file was damaged and kept aside.
 */
export function ProfileGate(): React.JSX.Element {
  const t = useMessages(recordsMessages)
  const { settings, updateSettings } = useAppState()
  const { overview } = useRecordsOverview()
  const [dismissed, setDismissed] = useState(false)
  const [recoverySeen, setRecoverySeen] = useState(false)
  const [toast, holder] = message.useMessage()
  const student = settings.settings.mode === 'student'
  const recovery = overview?.recovery ?? null
  const showRecovery = recovery !== null && !recoverySeen
  // With read-only records a profile could not be saved: do not ask for one.
  const askProfile = overview !== null && overview.profile === null && student && !dismissed && !showRecovery && !recovery?.readOnly

  return (
    <>
      {holder}
      <Modal
        open={askProfile}
        title={t.profile.firstStartTitle}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        footer={null}
        destroyOnHidden
        data-testid="profile-modal"
      >
        <Typography.Paragraph type="secondary">{t.profile.intro}</Typography.Paragraph>
        <ProfileForm
          initial={null}
          onSubmit={async (profile) => {
            try {
              await api().records.setProfile(profile)
              void toast.success(t.profile.saved)
              notifyRecordsChanged()
            } catch (error) {
              void toast.error(fmt(t.page.failed, { reason: describeApiError(error).message }))
            }
          }}
          extra={
            <>
              <Button onClick={() => setDismissed(true)} data-testid="profile-later">
                {t.profile.later}
              </Button>
              <Button type="link" onClick={() => void updateSettings({ mode: 'teacher' })} data-testid="profile-teacher">
                {t.profile.teacher}
              </Button>
            </>
          }
        />
      </Modal>
      <Modal
        open={showRecovery}
        title={recovery?.readOnly ? t.recovered.readOnlyTitle : t.recovered.title}
        onOk={() => setRecoverySeen(true)}
        onCancel={() => setRecoverySeen(true)}
        cancelButtonProps={{ style: { display: 'none' } }}
        data-testid="records-recovered-modal"
      >
        {recovery && <Typography.Paragraph>{fmt(recovery.readOnly ? t.recovered.readOnlyBody : t.recovered.body, { reason: recovery.reason, path: recovery.movedTo })}</Typography.Paragraph>}
      </Modal>
    </>
  )
}
