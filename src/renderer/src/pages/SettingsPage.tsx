import { Alert, Card, Descriptions, Form, Radio, Space, message } from 'antd'
import { useAppState } from '../app/app-state'
import { describeApiError } from '../api/client'
import { fmt } from '../i18n/define'
import { useMessages } from '../i18n/locale-context'
import { settingsMessages } from '../i18n/messages/settings'
import { RecordsSettings } from './records/RecordsSettings'

export function SettingsPage(): React.JSX.Element {
  const t = useMessages(settingsMessages)
  const { info, settings, updateSettings } = useAppState()
  const [toast, holder] = message.useMessage()
  const systemName = info.systemLocale === 'zh-CN' ? t.language.zhCN : t.language.en

  const save = async (patch: Parameters<typeof updateSettings>[0]): Promise<void> => {
    try {
      await updateSettings(patch)
      void toast.success(t.saved)
    } catch (error) {
      void toast.error(fmt(t.saveFailed, { reason: describeApiError(error).message }))
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 880 }}>
      {holder}
      {settings.recovery && (
        <Alert
          type="warning"
          showIcon
          message={fmt(settings.recovery.readOnly ? t.settingsReadOnly : t.settingsRecovered, { path: settings.recovery.movedTo })}
        />
      )}
      <Card title={t.title}>
        <Form layout="vertical">
          <Form.Item label={t.language.label} help={t.language.help}>
            <Radio.Group
              value={settings.settings.locale ?? 'system'}
              onChange={(event) => void save({ locale: event.target.value === 'system' ? null : event.target.value })}
              data-testid="settings-language"
            >
              <Radio.Button value="system">{fmt(t.language.system, { current: systemName })}</Radio.Button>
              <Radio.Button value="zh-CN">{t.language.zhCN}</Radio.Button>
              <Radio.Button value="en">{t.language.en}</Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Form>
      </Card>
      <RecordsSettings />
      <Card title={t.about.title}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t.about.version}>{info.version}</Descriptions.Item>
          <Descriptions.Item label={t.about.platform}>
            {info.platform} · {info.arch}
          </Descriptions.Item>
          <Descriptions.Item label={t.about.electron}>{info.electronVersion ?? t.about.none}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  )
}
