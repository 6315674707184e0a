import { CheckCircleFilled } from '@ant-design/icons'
import { Alert, Button, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import type { CheckView, StepView, VerifyResult } from '../../../../shared/labs/view'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'
import { formatTime } from './format'

type ManualView = Extract<CheckView, { kind: 'manual' }>

/** The student confirms a step done by hand, with an optional (or required) note. */
export function ManualCheck(props: {
  step: StepView
  check: ManualView
  result: VerifyResult | null
  running: boolean
  onConfirm: (note: string) => void
}): React.JSX.Element {
  const t = useMessages(labsMessages).manual
  const { locale } = useLocale()
  const [note, setNote] = useState('')
  const [warned, setWarned] = useState(false)
  const passed = props.result?.passed ?? props.step.progress?.status === 'passed'
  const when = props.result?.at ?? props.step.progress?.passedAt ?? null

  const confirm = (): void => {
    if (props.check.noteRequired && note.trim() === '') {
      setWarned(true)
      return
    }
    setWarned(false)
    props.onConfirm(note)
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="manual-check">
      <Typography.Text type="secondary">{t.intro}</Typography.Text>
      <div className="lab-confirm-text" data-testid="confirm-text">
        {props.check.confirm[locale]}
      </div>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={props.check.noteRequired ? t.noteRequired : t.note}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        status={warned ? 'error' : undefined}
        data-testid="manual-note"
      />
      {warned && <Typography.Text type="danger">{t.needNote}</Typography.Text>}
      <Space wrap>
        <Button type={passed ? 'default' : 'primary'} size="large" loading={props.running} onClick={confirm} data-testid="confirm-button">
          {passed ? t.again : t.confirm}
        </Button>
        {passed && when && (
          <Typography.Text type="success" data-testid="confirmed">
            <CheckCircleFilled /> {t.confirmed} · {formatTime(when, locale)}
          </Typography.Text>
        )}
      </Space>
      {props.result?.manual && props.result.manual.note !== '' && (
        <Alert type="success" showIcon title={t.confirmed} description={fmt('{note}', { note: props.result.manual.note })} />
      )}
    </Space>
  )
}
