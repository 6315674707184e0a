import { Collapse, Descriptions, Empty, Space, Typography } from 'antd'
import { isCheckPending } from '../../../../shared/host/check-inputs'
import { CHECK_GROUP_OF, CHECK_GROUPS, TODO_LAB, type Check, type HostReport } from '../../../../shared/host/report'
import { hrefFor } from '../../app/routes'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { hostMessages } from '../../i18n/messages/host'
import { EvidenceList } from '../../components/EvidenceList'
import { StatusTag } from './StatusTag'

function CheckBody(props: { check: Check }): React.JSX.Element {
  const t = useMessages(hostMessages)
  const { locale } = useLocale()
  const { check } = props
  // A detail with no value ("处理器：—", e.g. from pasted output that does not name the CPU) says nothing.
  const details = check.details.filter((d) => !/^\s*[—–-]?\s*$/.test(d.value))
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {details.length > 0 && (
        <Descriptions size="small" column={2} title={<Typography.Text type="secondary">{t.details}</Typography.Text>}>
          {details.map((d, i) => (
            <Descriptions.Item key={i} label={d.label[locale]}>
              {d.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {check.fix.length > 0 && (
        <div>
          <Typography.Text strong>{t.fix}</Typography.Text>
          <ol className="fix-steps" data-testid={`fix-${check.id}`}>
            {check.fix.map((step, i) => (
              <li key={i}>{step[locale]}</li>
            ))}
          </ol>
        </div>
      )}
      {check.evidence.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t.evidence}</Typography.Text>
          <EvidenceList evidence={check.evidence} />
        </div>
      )}
    </Space>
  )
}

/**
 * The checks by group. Each group's name is a heading one level under where the list sits: h2 on
 * the Host page (beside the verdict), deeper inside a teacher's student page.
 */
export function CheckList(props: { report: HostReport | null; pending: readonly string[]; headingLevel?: 2 | 3 | 4 | 5 }): React.JSX.Element {
  const t = useMessages(hostMessages)
  const { locale } = useLocale()
  const { report, pending } = props
  if (!report) return <Empty description={t.notRun} />
  const everythingPending = pending.includes('*')
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {CHECK_GROUPS.map((group) => {
        const checks = report.checks.filter((c) => CHECK_GROUP_OF[c.id] === group)
        return (
          <div key={group} data-testid={`group-${group}`}>
            <Typography.Title level={props.headingLevel ?? 2} className="check-group-title">
              {t.groups[group]}
            </Typography.Title>
            <Collapse
              size="small"
              items={checks.map((check) => {
                const isPending = everythingPending || isCheckPending(check.id, pending)
                return {
                  key: check.id,
                  label: (
                    <div className="check-row" data-testid={`check-${check.id}`} data-status={isPending ? 'pending' : check.status}>
                      <StatusTag status={isPending ? 'pending' : check.status} />
                      <div>
                        <Typography.Text strong>{check.title[locale]}</Typography.Text>
                        <div className="check-summary">{isPending ? '…' : check.summary[locale]}</div>
                        {!isPending && check.status === 'todo' && TODO_LAB[check.id] && (
                          <a className="check-todo-link" href={hrefFor('labs', TODO_LAB[check.id]!.labId)} onClick={(e) => e.stopPropagation()} data-testid={`todo-link-${check.id}`}>
                            {fmt(t.openLab, { n: TODO_LAB[check.id]!.order })}
                          </a>
                        )}
                      </div>
                    </div>
                  ),
                  children: <CheckBody check={check} />,
                  collapsible: isPending ? 'disabled' : undefined,
                }
              })}
            />
          </div>
        )
      })}
    </Space>
  )
}
