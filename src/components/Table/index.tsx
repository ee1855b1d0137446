// A data table with sortable columns and an optional text filter, e.g. the street comparison. On a phone
// it scrolls sideways with the first column kept in view; at PC width (≥ 1024 px) its columns share the
// width and the whole table shows without scrolling. Tapping a heading sorts by it (again: the other way);
// rows without a value go last in either order.
import { Input, ScrollView, Text, View } from '@tarojs/components'
import { useMemo, useState, type ReactNode } from 'react'
import './index.css'

export type SortOrder = 'asc' | 'desc'
export type CellValue = string | number | null

export interface TableColumn<T> {
  key: string
  title: string
  /** What the column sorts by and, without `render`, shows. */
  value: (row: T) => CellValue
  render?: (row: T) => ReactNode
  /** The order of the first tap on its heading: numbers usually largest first. */
  firstOrder?: SortOrder
  /** Not sortable (e.g. a column of buttons). */
  fixed?: boolean
  /** Its share of spare width against the other columns' 1, e.g. 2 for a column of buttons. */
  grow?: number
}

export interface TableProps<T> {
  columns: ReadonlyArray<TableColumn<T>>
  rows: readonly T[]
  rowKey: (row: T) => string
  /** Rows kept above the sorted ones and never filtered (a total). */
  pinned?: readonly T[]
  initialSort?: { key: string; order: SortOrder }
  /** A text box above the table keeping the rows whose text contains what is typed. */
  filter?: { placeholder: string; text: (row: T) => string }
  onOpen?: (row: T) => void
  /** Shown when the filter leaves no row. */
  emptyText?: string
}

/** Rows ordered by a value: no value last in either order, ties by key so the order never jumps. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => CellValue, order: SortOrder, key: (row: T) => string): T[] {
  const sign = order === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    if (va === null || vb === null) return va === vb ? key(a).localeCompare(key(b)) : va === null ? 1 : -1
    const diff = typeof va === 'string' ? va.localeCompare(String(vb), 'zh-Hans-CN') : va - Number(vb)
    return diff !== 0 ? sign * diff : key(a).localeCompare(key(b))
  })
}

const share = <T,>(c: TableColumn<T>) => (c.grow ? { flexGrow: c.grow } : undefined)

const arrow = (order: SortOrder) => (order === 'desc' ? ' ↓' : ' ↑')

export function Table<T>({
  columns,
  rows,
  rowKey,
  pinned = [],
  initialSort,
  filter,
  onOpen,
  emptyText = '没有符合条件的行'
}: TableProps<T>) {
  const [sort, setSort] = useState(initialSort ?? { key: columns[0].key, order: 'asc' as SortOrder })
  const [query, setQuery] = useState('')
  const column = columns.find((c) => c.key === sort.key) ?? columns[0]
  const shown = useMemo(() => {
    const q = query.trim()
    const kept = filter && q ? rows.filter((r) => filter.text(r).includes(q)) : rows
    return sortRows(kept, column.value, sort.order, rowKey)
  }, [rows, query, filter, column, sort.order, rowKey])

  const by = (c: TableColumn<T>) => {
    if (c.fixed) return
    setSort((s) =>
      s.key === c.key ? { key: c.key, order: s.order === 'asc' ? 'desc' : 'asc' } : { key: c.key, order: c.firstOrder ?? 'asc' }
    )
  }
  const cell = (c: TableColumn<T>, r: T, index: number) => (
    <View
      key={c.key}
      className={`llt-table__cell${index === 0 ? ' llt-table__cell--first' : ''}`}
      role={index === 0 ? 'rowheader' : 'cell'}
      style={share(c)}
    >
      {c.render ? c.render(r) : <Text>{c.value(r) ?? '—'}</Text>}
    </View>
  )
  const row = (r: T, kind: 'pinned' | 'body') => (
    <View
      key={`${kind}-${rowKey(r)}`}
      className={`llt-table__row${kind === 'pinned' ? ' llt-table__row--pinned' : ''}${onOpen && kind === 'body' ? ' llt-table__row--link' : ''}`}
      role="row"
      hoverClass={onOpen && kind === 'body' ? 'llt-table__row--pressed' : 'none'}
      onClick={onOpen && kind === 'body' ? () => onOpen(r) : undefined}
    >
      {columns.map((c, i) => cell(c, r, i))}
    </View>
  )

  return (
    <View className="llt-table-box">
      {filter && (
        <Input
          className="llt-table__filter"
          value={query}
          placeholder={filter.placeholder}
          aria-label={filter.placeholder}
          onInput={(e) => setQuery(e.detail.value)}
        />
      )}
      <ScrollView scrollX className="llt-table">
        <View className="llt-table__grid" role="table">
          <View className="llt-table__row llt-table__row--head" role="row">
            {columns.map((c, i) => (
              <View
                key={c.key}
                className={`llt-table__cell llt-table__sort${i === 0 ? ' llt-table__cell--first' : ''}${c.key === sort.key ? ' llt-table__sort--active' : ''}`}
                role="columnheader"
                style={share(c)}
                aria-sort={c.key === sort.key ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
                onClick={() => by(c)}
              >
                <Text>
                  {c.title}
                  {c.key === sort.key ? arrow(sort.order) : ''}
                </Text>
              </View>
            ))}
          </View>
          {pinned.map((r) => row(r, 'pinned'))}
          {shown.map((r) => row(r, 'body'))}
        </View>
      </ScrollView>
      {shown.length === 0 && <Text className="llt-table__empty">{emptyText}</Text>}
    </View>
  )
}
