import { Alert, Button, Card, Form, Input, Radio, Space, Spin, message } from 'antd'
import { useState } from 'react'
import { SettingsSchema } from '../../../../shared/settings/settings'
import { api, describeApiError } from '../../api/client'
import { useAppState } from '../../app/app-state'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'
import { ProfileForm } from './ProfileForm'
import { notifyRecordsChanged, useRecordsOverview } from './use-records'

/** The records' part of Settings: the student profile, student/teacher mode and the xAPI base IRI. */
export function RecordsSettings(): React.JSX.Element {
  const t = useMessages(recordsMessages)
  const { settings, updateSettings } = useAppState()
  const { overview, error } = useRecordsOverview()
  const [toast, holder] = message.useMessage()
  const [iri, setIri] = useState(settings.settings.xapiBaseIri)
  const iriValid = SettingsSchema.shape.xapiBaseIri.safeParse(iri).success && /^https?:\/\//.test(iri)

  const save = async (patch: Parameters<typeof updateSettings>[0]): Promise<void> => {
    try {
      await updateSettings(patch)
      void toast.success(t.settings.saved)
    } catch (e) {
      void toast.error(fmt(t.page.failed, { reason: describeApiError(e).message }))
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {holder}
      <Card title={t.profile.title} data-testid="settings-profile">
        {error && <Alert type="error" showIcon title={fmt(t.page.loadFailed, { reason: error })} />}
        {!overview && !error && <Spin />}
        {overview && (
          <ProfileForm
            key={overview.profile ? JSON.stringify(overview.profile) : 'none'}
            initial={overview.profile}
            defaultCourse={overview.defaultCourse}
            onSubmit={async (profile) => {
              try {
                await api().records.setProfile(profile)
                void toast.success(t.profile.saved)
                notifyRecordsChanged()
              } catch (e) {
                void toast.error(fmt(t.page.failed, { reason: describeApiError(e).message }))
              }
            }}
          />
        )}
      </Card>
      <Card title={t.settings.title} data-testid="settings-teacher">
        <Form layout="vertical">
          <Form.Item label={t.settings.mode}>
            <Radio.Group
              value={settings.settings.mode}
              onChange={(event) => void save({ mode: event.target.value as 'student' | 'teacher' })}
              data-testid="settings-mode"
            >
              <Radio.Button value="student">{t.settings.student}</Radio.Button>
              <Radio.Button value="teacher" data-testid="settings-mode-teacher">
                {t.settings.teacher}
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            label={t.settings.xapi}
            help={iriValid ? t.settings.xapiHelp : t.settings.xapiInvalid}
            validateStatus={iriValid ? undefined : 'error'}
          >
            <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
              <Input value={iri} onChange={(e) => setIri(e.target.value.trim())} maxLength={500} data-testid="settings-xapi" />
              <Button type="primary" disabled={!iriValid || iri === settings.settings.xapiBaseIri} onClick={() => void save({ xapiBaseIri: iri })}>
                {t.settings.save}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Card>
    </Space>
  )
}
