import { ArrowRightOutlined } from '@ant-design/icons'
import { Button, Card, Space, Steps, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { HostReport, VerdictStatus } from '../../../shared/host/report'
import type { LabSummary } from '../../../shared/labs/view'
import { api } from '../api/client'
import { hostMessages } from '../i18n/messages/host'
import { useAppState } from '../app/app-state'
import { navigate } from '../app/routes'
import { fmt } from '../i18n/define'
import { useLocale, useMessages } from '../i18n/locale-context'
import { homeMessages } from '../i18n/messages/home'
import { formatDateTime } from '../../../shared/i18n/format'

type StepKey = 'host' | 'labs' | 'lessons' | 'records'

/** Step 1 is done only when the machine is ready (with or without caveats). */
export function hostDone(verdict: VerdictStatus | null): boolean {
  return verdict === 'ready' || verdict === 'ready-with-caveats'
}

export function HomePage(): React.JSX.Element {
  const t = useMessages(homeMessages)
  const th = useMessages(hostMessages)
  const { locale } = useLocale()
  const { info } = useAppState()
  const [last, setLast] = useState<HostReport | null>(null)
  const [labs, setLabs] = useState<LabSummary[] | null>(null)
  const [progress, setProgress] = useState<{ labsDone: number; labs: number; lessonsDone: number; lessons: number } | null>(null)
  // The last check kept in the records (it survives a restart; the full report does not).
  const [kept, setKept] = useState<{ at: string; verdict: VerdictStatus } | null>(null)
  useEffect(() => {
    void api()
      .host.lastReport()
      .then(setLast)
      .catch(() => undefined)
    void api()
      .labs.list()
      .then((list) => setLabs([...list.labs].sort((a, b) => a.order - b.order)))
      .catch(() => undefined)
    void Promise.all([api().records.overview(), api().lessons.list()])
      .then(([overview, lessons]) => {
        if (overview.machine) setKept({ at: overview.machine.at, verdict: overview.machine.verdict })
        setProgress({
          labsDone: overview.labs.filter((l) => l.status === 'completed').length,
          labs: overview.labs.length,
          lessonsDone: lessons.lessons.filter((l) => l.attempts > 0).length,
          lessons: lessons.lessons.length,
        })
      })
      .catch(() => undefined)
  }, [])
  const report = last && !last.partial ? last : null
  const verdict: VerdictStatus | null = report?.verdict.status ?? kept?.verdict ?? null
  const nextLab = labs?.find((l) => l.status !== 'done') ?? null
  const labsDone = progress ? progress.labsDone >= progress.labs && progress.labs > 0 : false
  const lessonsDone = progress ? progress.lessonsDone >= progress.lessons && progress.lessons > 0 : false
  // Where the student is: the host first (until it is ready), then the labs, the lessons, the report.
  const current = !hostDone(verdict) ? 0 : !labsDone ? 1 : !lessonsDone ? 2 : 3
  const hostBlocked = verdict !== null && !hostDone(verdict)

  const hostBody = (
    <div data-testid="home-last-check">
      {verdict && <div className="home-step-status">{fmt(t.progress.host, { verdict: th.verdict[verdict] })}</div>}
      {hostBlocked && report?.verdict.firstFix && (
        <div className="home-step-fix" data-testid="home-first-fix">
          {t.firstFixLabel}
          {report.verdict.firstFix[locale]}
        </div>
      )}
      {current === 0 && (
        <Button
          type="primary"
          danger={hostBlocked}
          size="small"
          className="home-step-button"
          icon={<ArrowRightOutlined />}
          onClick={() => navigate('host')}
          data-testid="home-start"
        >
          {!verdict ? t.start : t.fixIt}
        </Button>
      )}
      {!current && kept && !report && <div className="home-step-meta">{formatDateTime(kept.at, locale)}</div>}
    </div>
  )
  const labsBody = (
    <div>
      {progress && <div className="home-step-status">{fmt(t.progress.labs, { done: progress.labsDone, total: progress.labs })}</div>}
      {nextLab && (
        <div className="home-step-next" data-testid="home-next-lab">
          {fmt(t.nextLab, { n: nextLab.order, title: nextLab.title[locale] })}
        </div>
      )}
      {nextLab && current === 1 && (
        <Button type="primary" size="small" className="home-step-button" icon={<ArrowRightOutlined />} onClick={() => navigate('labs', nextLab.id)} data-testid="home-open-lab">
          {fmt(t.openLab, { n: nextLab.order })}
        </Button>
      )}
    </div>
  )
  const lessonsBody = (
    <div>
      {progress && <div className="home-step-status">{fmt(t.progress.lessons, { done: progress.lessonsDone, total: progress.lessons })}</div>}
      {current === 2 && (
        <Button type="primary" size="small" className="home-step-button" onClick={() => navigate('lessons')}>
          {t.openLessons}
        </Button>
      )}
    </div>
  )
  const recordsBody = (
    <div>
      <div className="home-step-status">{t.progress.records}</div>
      {current === 3 && (
        <Button type="primary" size="small" className="home-step-button" onClick={() => navigate('records')}>
          {t.openRecords}
        </Button>
      )}
    </div>
  )
  const bodies: Record<StepKey, React.ReactNode> = { host: hostBody, labs: labsBody, lessons: lessonsBody, records: recordsBody }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
          {t.title}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15, maxWidth: 820, marginBottom: 0 }}>{t.intro}</Typography.Paragraph>
      </Card>
      <Card>
        <Steps
          current={current}
          status={current === 0 && hostBlocked ? 'error' : 'process'}
          direction="vertical"
          data-testid="home-steps"
          items={(['host', 'labs', 'lessons', 'records'] as const).map((key, i) => ({
            title: <span data-testid={`home-step-${key}`} data-state={i < current ? 'done' : i === current ? (hostBlocked && i === 0 ? 'blocked' : 'current') : 'waiting'}>{t.steps[key].title}</span>,
            description: (
              <>
                <div>{t.steps[key].body}</div>
                {bodies[key]}
              </>
            ),
          }))}
        />
      </Card>
      <Typography.Text type="secondary">
        {t.machine}{locale === 'zh-CN' ? '：' : ': '}{info.platform} · {info.arch} · {fmt(t.version, { version: info.version })}
      </Typography.Text>
    </Space>
  )
}
