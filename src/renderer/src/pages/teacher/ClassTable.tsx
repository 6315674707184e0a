import { Button, Input, Space, Table, Tag, Typography } from 'antd'
import type { ColumnType, SortOrder } from 'antd/es/table/interface'
import { useEffect, useMemo, useState } from 'react'
import type { Locale } from '../../../../shared/i18n/locale'
import { VERDICT_STATUSES } from '../../../../shared/host/report'
import type { ClassRow, ClassView } from '../../../../shared/records/class-view'
import { LAB_STATUSES } from '../../../../shared/records/report'
import { useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'
import { teacherMessages } from '../../i18n/messages/teacher'
import { formatTime } from '../records/format'
import { LAB_COLOR, LabStatusTag, VerdictTag } from '../records/parts'

type Column = ColumnType<ClassRow> & { key: string }
type Filters = Record<string, (string | number | boolean)[] | null>

const collator = (locale: Locale): Intl.Collator => new Intl.Collator(locale === 'zh-CN' ? 'zh-CN' : 'en', { numeric: true })

/**
 * The class table: one row per student, a column per lab, sortable and filterable. The rows it
 * shows (filters and order included) are what "Export CSV" writes.
 */
export function ClassTable(props: {
  view: ClassView
  locale: Locale
  onOpen: (row: ClassRow) => void
  onVisibleChange?: (ids: string[]) => void
}): React.JSX.Element {
  const t = useMessages(teacherMessages)
  const r = useMessages(recordsMessages)
  const { view, locale, onOpen, onVisibleChange } = props
  const [search, setSearch] = useState('')
  const [filters, setFilters] = useState<Filters>({})
  const [sorter, setSorter] = useState<{ key: string; order: SortOrder } | null>(null)
  const cmp = useMemo(() => collator(locale), [locale])

  const columns = useMemo<Column[]>(() => {
    const classes = [...new Set(view.rows.map((row) => row.student.className))].sort(cmp.compare)
    const text = (get: (row: ClassRow) => string) => (a: ClassRow, b: ClassRow) => cmp.compare(get(a), get(b))
    const time = (get: (row: ClassRow) => string | null) => (a: ClassRow, b: ClassRow) => (get(a) ?? '\uffff').localeCompare(get(b) ?? '\uffff')
    return [
      {
        key: 'name',
        title: t.columns.name,
        fixed: 'left',
        width: 124,
        sorter: text((x) => x.student.name),
        render: (_, x) => (
          <div title={x.file}>
            <div data-testid="class-name">{x.student.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {x.student.studentNumber}
            </Typography.Text>
          </div>
        ),
      },
      {
        key: 'class',
        title: t.columns.className,
        width: 92,
        sorter: text((x) => x.student.className),
        filters: classes.map((c) => ({ text: c, value: c })),
        onFilter: (value, x) => x.student.className === value,
        render: (_, x) => x.student.className,
      },
      ...view.labs.map<Column>((lab) => {
        const title = lab.title ? lab.title[locale] : lab.id
        return {
          key: `lab:${lab.id}`,
          title: (
            <span className="lab-column-title" title={title}>
              {title}
            </span>
          ),
          width: 96,
          sorter: (a, b) => {
            const ca = a.labs[lab.id]
            const cb = b.labs[lab.id]
            return (ca && ca.total ? ca.passed / ca.total : -1) - (cb && cb.total ? cb.passed / cb.total : -1)
          },
          filters: LAB_STATUSES.map((s) => ({ text: r.labStatus[s], value: s })),
          onFilter: (value, x) => (x.labs[lab.id]?.status ?? 'not-started') === value,
          render: (_, x) => {
            const cell = x.labs[lab.id]
            if (!cell) return t.missing
            return (
              <Tag color={LAB_COLOR[cell.status]} title={r.labStatus[cell.status]} data-status={cell.status} className="lab-cell">
                {cell.passed}/{cell.total}
              </Tag>
            )
          },
        }
      }),
      {
        key: 'done',
        title: t.columns.labs,
        width: 132,
        sorter: (a, b) => a.labsCompleted - b.labsCompleted || time((x) => x.completedAt)(b, a),
        render: (_, x) => (
          <div>
            <div>{`${x.labsCompleted}/${Object.keys(x.labs).length}`}</div>
            {x.completedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t.columns.completedAt}>
                {formatTime(x.completedAt, locale)}
              </Typography.Text>
            )}
          </div>
        ),
      },
      {
        key: 'verdict',
        title: t.columns.verdict,
        width: 120,
        sorter: (a, b) => VERDICT_STATUSES.indexOf(a.verdict ?? 'unknown') - VERDICT_STATUSES.indexOf(b.verdict ?? 'unknown'),
        filters: [...VERDICT_STATUSES.map((v) => ({ text: r.verdict[v], value: v })), { text: t.notChecked, value: 'none' }],
        onFilter: (value, x) => (x.verdict ?? 'none') === value,
        render: (_, x) => (x.verdict ? <VerdictTag verdict={x.verdict} locale={locale} /> : <Typography.Text type="secondary">{t.notChecked}</Typography.Text>),
      },
      {
        key: 'quiz',
        title: t.columns.quiz,
        width: 76,
        align: 'right',
        sorter: (a, b) => (a.quizAverage ?? -1) - (b.quizAverage ?? -1),
        render: (_, x) => (x.quizAverage === null ? t.missing : `${x.quizAverage}%`),
      },
      {
        key: 'actions',
        title: t.columns.actions,
        fixed: 'right',
        width: 72,
        render: (_, x) => (
          <Button size="small" type="link" onClick={() => onOpen(x)} data-testid="class-open">
            {t.view}
          </Button>
        ),
      },
    ]
  }, [view, locale, t, r, cmp, onOpen])

  // Search, then the column filters, then the sort: the same rows the table shows, for the CSV.
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase()
    let rows = view.rows.filter((x) => !needle || x.student.name.toLowerCase().includes(needle) || x.student.studentNumber.toLowerCase().includes(needle))
    for (const column of columns) {
      const values = filters[column.key]
      if (values && values.length > 0 && column.onFilter) rows = rows.filter((x) => values.some((v) => column.onFilter!(v, x)))
    }
    const active = sorter?.order ? columns.find((c) => c.key === sorter.key) : undefined
    if (active && typeof active.sorter === 'function') {
      const compare = active.sorter as (a: ClassRow, b: ClassRow) => number
      rows = [...rows].sort((a, b) => (sorter?.order === 'descend' ? -compare(a, b) : compare(a, b)))
    }
    return rows
  }, [view.rows, columns, filters, sorter, search])

  useEffect(() => onVisibleChange?.(shown.map((x) => x.id)), [shown, onVisibleChange])

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Input.Search allowClear placeholder={t.search} onChange={(e) => setSearch(e.target.value)} style={{ width: 280 }} data-testid="class-search" />
        <Space size={4} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.legend}
          </Typography.Text>
          {LAB_STATUSES.map((s) => (
            <LabStatusTag key={s} status={s} locale={locale} />
          ))}
        </Space>
      </Space>
      <Table<ClassRow>
        size="small"
        rowKey="id"
        data-testid="class-table"
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{ emptyText: t.empty }}
        columns={columns.map((c) => ({
          ...c,
          // Filtering and sorting are applied above (so the CSV sees them too): the table only shows the state.
          onFilter: undefined,
          filteredValue: filters[c.key] ?? null,
          sorter: c.sorter ? true : undefined,
          sortOrder: sorter?.key === c.key ? sorter.order : null,
        }))}
        onChange={(_pagination, nextFilters, nextSorter) => {
          setFilters(nextFilters as Filters)
          const s = Array.isArray(nextSorter) ? nextSorter[0] : nextSorter
          setSorter(s && s.columnKey ? { key: String(s.columnKey), order: s.order ?? null } : null)
        }}
      />
    </Space>
  )
}
