import { ApiOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Radio, Space, Spin, Typography, message } from 'antd'
import { useState } from 'react'
import { SettingsSchema } from '../../../../shared/settings/settings'
import { api, describeApiError } from '../../api/client'
import { useAppState } from '../../app/app-state'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'
import { runExport } from './export-actions'
import { ProfileForm } from './ProfileForm'
import { notifyRecordsChanged, useRecordsOverview } from './use-records'

/** Settings, first card: the student's own details (what the report carries). */
export function ProfileSettings(): React.JSX.Element {
  const t = useMessages(recordsMessages)
  const { overview, error } = useRecordsOverview()
  const [toast, holder] = message.useMessage()
  return (
    <Card title={t.settings.you} data-testid="settings-profile">
      {holder}
      <Typography.Paragraph type="secondary">{t.settings.youHelp}</Typography.Paragraph>
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
  )
}

/** Settings, “教师 / 高级”: who uses this computer, and the LMS (xAPI) options and export. */
export function TeacherSettings(): React.JSX.Element {
  const t = useMessages(recordsMessages)
  const { settings, updateSettings } = useAppState()
  const { overview } = useRecordsOverview()
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
    <Card title={t.settings.title} data-testid="settings-teacher">
      {holder}
      <Typography.Paragraph type="secondary">{t.settings.intro}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t.settings.mode} htmlFor="settings-mode-group">
          <Radio.Group
            id="settings-mode-group"
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
          htmlFor="settings-xapi-input"
          help={iriValid ? t.settings.xapiHelp : t.settings.xapiInvalid}
          validateStatus={iriValid ? undefined : 'error'}
        >
          <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
            <Input id="settings-xapi-input" value={iri} onChange={(e) => setIri(e.target.value.trim())} maxLength={500} data-testid="settings-xapi" />
            <Button type="primary" disabled={!iriValid || iri === settings.settings.xapiBaseIri} onClick={() => void save({ xapiBaseIri: iri })}>
              {t.settings.save}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t.settings.exports}>
          <Button icon={<ApiOutlined />} disabled={!overview?.profile} onClick={() => void runExport('exportXapi', t, toast)} data-testid="export-xapi">
            {t.page.exportXapi}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  )
}
