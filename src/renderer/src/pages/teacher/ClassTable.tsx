import { Button, Input, Space, Table, Tooltip, Typography } from 'antd'
import type { ColumnType, SortOrder } from 'antd/es/table/interface'
import { useEffect, useMemo, useState } from 'react'
import type { Locale } from '../../../../shared/i18n/locale'
import { VERDICT_STATUSES } from '../../../../shared/host/report'
import type { ClassRow, ClassView } from '../../../../shared/records/class-view'
import { LAB_STATUSES } from '../../../../shared/records/report'
import { fmt } from '../../i18n/define'
import { useMessages } from '../../i18n/locale-context'
import { recordsMessages } from '../../i18n/messages/records'
import { teacherMessages } from '../../i18n/messages/teacher'
import { QUIZ_BANDS, attentionList, quizBand, type Filters } from './class-model'
import { formatTime } from './format'
import { labShort } from './lab-label'
import './teacher.css'

type Column = ColumnType<ClassRow> & { key: string; width: number; match?: (value: string, row: ClassRow) => boolean }

/** Past this many rows the table renders only the rows in view. */
export const VIRTUAL_FROM = 100

const collator = (locale: Locale): Intl.Collator => new Intl.Collator(locale === 'zh-CN' ? 'zh-CN' : 'en', { numeric: true })

/** A short header with its full text in a tooltip (and for screen readers). */
function Head(props: { short: string; full: string }): React.JSX.Element {
  return (
    <Tooltip title={props.full}>
      <span aria-label={props.full}>{props.short}</span>
    </Tooltip>
  )
}

/**
 * The class table: one row per student, sortable and filterable on every column, searchable by
 * name or number. Filters are the page's (the overview sets them too). The rows it shows, in its
 * order, are what the exports write.
 */
export function ClassTable(props: {
  view: ClassView
  locale: Locale
  filters: Filters
  onFiltersChange: (filters: Filters) => void
  onOpen: (row: ClassRow) => void
  onVisibleChange?: (ids: string[]) => void
}): React.JSX.Element {
  const t = useMessages(teacherMessages)
  const r = useMessages(recordsMessages)
  const { view, locale, filters, onFiltersChange, onOpen, onVisibleChange } = props
  const [search, setSearch] = useState('')
  const [sorter, setSorter] = useState<{ key: string; order: SortOrder } | null>(null)
  const cmp = useMemo(() => collator(locale), [locale])
  const attention = useMemo(() => new Set(attentionList(view).map((a) => a.row.id)), [view])
  const multiple = useMemo(
    () => new Set(view.rejected.filter((x) => x.code === 'duplicate-student').map((x) => x.facts.studentNumber?.toLowerCase() ?? '')),
    [view.rejected],
  )

  const columns = useMemo<Column[]>(() => {
    const classes = [...new Set(view.rows.map((row) => row.student.className))].sort(cmp.compare)
    const time = (get: (row: ClassRow) => string | null) => (a: ClassRow, b: ClassRow) => (get(a) ?? '\uffff').localeCompare(get(b) ?? '\uffff')
    return [
      {
        key: 'name',
        title: t.columns.student,
        fixed: 'left',
        width: 132,
        sorter: (a, b) => cmp.compare(a.student.name, b.student.name) || cmp.compare(a.student.studentNumber, b.student.studentNumber),
        filters: [
          { text: t.filters.attention, value: 'attention' },
          { text: t.filters.others, value: 'others' },
          { text: t.filters.multiple, value: 'multiple' },
          ...classes.map((c) => ({ text: `${t.columns.className}：${c}`, value: `class:${c}` })),
        ],
        match: (value, x) =>
          value === 'attention'
            ? attention.has(x.id)
            : value === 'others'
              ? !attention.has(x.id)
              : value === 'multiple'
                ? multiple.has(x.student.studentNumber.toLowerCase())
                : x.student.className === value.slice('class:'.length),
        render: (_, x) => (
          <div className="student-cell" title={x.file}>
            <Button type="link" size="small" onClick={() => onOpen(x)} aria-label={fmt(t.open, { name: x.student.name })} data-testid="class-open">
              <span data-testid="class-name">{x.student.name}</span>
            </Button>
            <div className="student-meta">
              {x.student.studentNumber} · {x.student.className}
            </div>
          </div>
        ),
      },
      ...view.labs.map<Column>((lab, i) => {
        const short = labShort(i, locale)
        const full = fmt(t.columns.labFull, { label: short, title: lab.title ? lab.title[locale] : lab.id })
        return {
          key: `lab:${lab.id}`,
          title: <Head short={short} full={full} />,
          width: locale === 'zh-CN' ? 74 : 70,
          align: 'center',
          sorter: (a, b) => {
            const ca = a.labs[lab.id]
            const cb = b.labs[lab.id]
            return (ca && ca.total ? ca.passed / ca.total : -1) - (cb && cb.total ? cb.passed / cb.total : -1)
          },
          filters: LAB_STATUSES.map((s) => ({ text: r.labStatus[s], value: s })),
          match: (value, x) => (x.labs[lab.id]?.status ?? 'not-started') === value,
          render: (_, x) => {
            const cell = x.labs[lab.id]
            if (!cell) return <span aria-label={`${short}：${r.labStatus['not-started']}`}>{t.missing}</span>
            const label = fmt(t.cellLabel, { lab: short, status: r.labStatus[cell.status], passed: cell.passed, total: cell.total })
            return (
              <span className="lab-cell" data-status={cell.status} title={label} aria-label={label} role="img">
                {cell.passed}/{cell.total}
              </span>
            )
          },
        }
      }),
      {
        key: 'done',
        title: <Head short={t.columns.done} full={t.columns.doneTitle} />,
        width: locale === 'zh-CN' ? 64 : 70,
        align: 'center',
        sorter: (a, b) => a.labsCompleted - b.labsCompleted || time((x) => x.completedAt)(b, a),
        filters: [...new Set(view.rows.map((x) => x.labsCompleted))].sort((a, b) => a - b).map((n) => ({ text: String(n), value: String(n) })),
        match: (value, x) => String(x.labsCompleted) === value,
        render: (_, x) => (
          <span title={x.completedAt ? fmt(t.columns.allDoneAt, { time: formatTime(x.completedAt, locale) }) : undefined}>{`${x.labsCompleted}/${Object.keys(x.labs).length}`}</span>
        ),
      },
      {
        key: 'verdict',
        title: t.columns.verdict,
        width: locale === 'zh-CN' ? 104 : 132,
        sorter: (a, b) => VERDICT_STATUSES.indexOf(a.verdict ?? 'unknown') - VERDICT_STATUSES.indexOf(b.verdict ?? 'unknown'),
        filters: [...VERDICT_STATUSES.map((v) => ({ text: r.verdict[v], value: v })), { text: t.notChecked, value: 'none' }],
        match: (value, x) => (x.verdict ?? 'none') === value,
        render: (_, x) => (
          <span className="verdict-cell" data-verdict={x.verdict ?? 'none'} title={x.checkedAt ? formatTime(x.checkedAt, locale) : undefined}>
            <span className="dot" style={{ background: 'currentColor' }} aria-hidden="true" />
            {x.verdict ? r.verdict[x.verdict] : t.notChecked}
          </span>
        ),
      },
      {
        key: 'quiz',
        title: <Head short={t.columns.quiz} full={t.columns.quizTitle} />,
        width: 64,
        align: 'right',
        sorter: (a, b) => (a.quizAverage ?? -1) - (b.quizAverage ?? -1),
        filters: QUIZ_BANDS.map((b) => ({ text: t.overview.quizBands[b], value: b })),
        match: (value, x) => quizBand(x.quizAverage) === value,
        render: (_, x) => (x.quizAverage === null ? t.missing : `${x.quizAverage}%`),
      },
    ]
  }, [view, locale, t, r, cmp, onOpen, attention, multiple])

  // Search, then the column filters, then the sort: the same rows the table shows, for the exports.
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase()
    let rows = view.rows.filter((x) => !needle || x.student.name.toLowerCase().includes(needle) || x.student.studentNumber.toLowerCase().includes(needle))
    for (const column of columns) {
      const values = filters[column.key]
      if (values && values.length > 0 && column.match) rows = rows.filter((x) => values.some((v) => column.match!(v, x)))
    }
    const active = sorter?.order ? columns.find((c) => c.key === sorter.key) : undefined
    if (active && typeof active.sorter === 'function') {
      const compare = active.sorter as (a: ClassRow, b: ClassRow) => number
      rows = [...rows].sort((a, b) => (sorter?.order === 'descend' ? -compare(a, b) : compare(a, b)))
    }
    return rows
  }, [view.rows, columns, filters, sorter, search])

  useEffect(() => onVisibleChange?.(shown.map((x) => x.id)), [shown, onVisibleChange])

  const width = columns.reduce((sum, c) => sum + c.width, 0)
  const virtual = shown.length > VIRTUAL_FROM
  const filtered = search.trim() !== '' || Object.values(filters).some((v) => v && v.length > 0)

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <div className="teacher-toolbar">
        <Space wrap size={8}>
          <Input.Search
            allowClear
            placeholder={t.search}
            aria-label={t.searchLabel}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 220 }}
            className="teacher-search"
            data-testid="class-search"
          />
          <Typography.Text className="muted-aa" data-testid="class-shown">
            {fmt(t.shown, { shown: shown.length, total: view.rows.length })}
          </Typography.Text>
          {filtered && (
            <Button size="small" onClick={() => onFiltersChange({})} data-testid="class-clear-filters">
              {t.clearFilters}
            </Button>
          )}
        </Space>
      </div>
      <Table<ClassRow>
        className="class-table"
        size="small"
        rowKey="id"
        data-testid="class-table"
        dataSource={shown}
        virtual={virtual}
        sticky={!virtual}
        scroll={virtual ? { x: width, y: 560 } : { x: width }}
        pagination={false}
        locale={{ emptyText: view.rows.length === 0 ? t.empty : t.emptyFiltered }}
        columns={columns.map(({ match: _match, ...c }) => ({
          ...c,
          // Filtering and sorting are applied above (so the exports see them too): the table only shows the state.
          filteredValue: filters[c.key] ?? null,
          sorter: c.sorter ? true : undefined,
          sortOrder: sorter?.key === c.key ? sorter.order : null,
        }))}
        onChange={(_pagination, nextFilters, nextSorter) => {
          onFiltersChange(Object.fromEntries(Object.entries(nextFilters).map(([k, v]) => [k, v ? v.map(String) : null])))
          const s = Array.isArray(nextSorter) ? nextSorter[0] : nextSorter
          setSorter(s && s.columnKey ? { key: String(s.columnKey), order: s.order ?? null } : null)
        }}
      />
    </Space>
  )
}
