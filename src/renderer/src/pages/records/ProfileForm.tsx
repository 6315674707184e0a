import { Button, Form, Input, Space } from 'antd'
import type { ReactNode } from 'react'
import { PROFILE_LIMITS, profileFieldProblem, type ProfileField, type StudentProfile } from '../../../../shared/records/profile'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'

const FIELDS: readonly ProfileField[] = ['name', 'studentNumber', 'className', 'course']

/** The four profile fields, checked with the same rules main applies. */
export function ProfileForm(props: {
  initial: StudentProfile | null
  /** The course a new profile starts with (the course pack's canonical name). */
  defaultCourse: string
  onSubmit: (profile: StudentProfile) => Promise<void>
  extra?: ReactNode
}): React.JSX.Element {
  const t = useMessages(recordsMessages)
  const [form] = Form.useForm<StudentProfile>()
  const initial = props.initial ?? { name: '', studentNumber: '', className: '', course: props.defaultCourse }
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) =>
        props.onSubmit({
          name: values.name.trim(),
          studentNumber: values.studentNumber.trim(),
          className: values.className.trim(),
          course: values.course.trim(),
        })
      }
      data-testid="profile-form"
    >
      {FIELDS.map((field) => (
        <Form.Item
          key={field}
          name={field}
          label={t.profile[field]}
          rules={[
            {
              validator: async (_rule, value: unknown) => {
                const problem = profileFieldProblem(field, typeof value === 'string' ? value.trim() : '')
                if (problem) throw new Error(fmt(t.profile.problem[problem], { max: PROFILE_LIMITS[field] }))
              },
            },
          ]}
        >
          <Input maxLength={PROFILE_LIMITS[field]} data-testid={`profile-${field}`} autoComplete="off" />
        </Form.Item>
      ))}
      <Space>
        <Button type="primary" htmlType="submit" data-testid="profile-save">
          {t.profile.save}
        </Button>
        {props.extra}
      </Space>
    </Form>
  )
}
