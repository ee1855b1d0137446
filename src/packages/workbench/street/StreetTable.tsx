// The street comparison: one row per community and the street total, a column per figure. Tapping a column
// heading sorts by it (again: the other way); tapping a community opens its dashboard.
import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { sortStreetRows, STREET_COLUMNS, type CommunityFigures, type SortOrder, type StreetSortKey } from '@contract/workbench'
import { formatFigure } from '../shared/format'

export interface StreetTableProps {
  rows: readonly CommunityFigures[]
  total: CommunityFigures
  onOpen?: (communityId: string) => void
}

const arrow = (active: boolean, order: SortOrder) => (active ? (order === 'desc' ? ' ↓' : ' ↑') : '')

export function StreetTable({ rows, total, onOpen }: StreetTableProps) {
  const [sort, setSort] = useState<{ key: StreetSortKey; order: SortOrder }>({ key: 'communityName', order: 'asc' })
  const by = (key: StreetSortKey) =>
    setSort((s) =>
      s.key === key ? { key, order: s.order === 'asc' ? 'desc' : 'asc' } : { key, order: key === 'communityName' ? 'asc' : 'desc' }
    )
  const sorted = sortStreetRows(rows, sort.key, sort.order)
  const cells = (r: CommunityFigures) =>
    STREET_COLUMNS.map((c) => (
      <Text key={c.key} className="wb-street__cell">
        {formatFigure(c.value(r), c.format)}
      </Text>
    ))
  return (
    <ScrollView scrollX className="wb-street">
      <View className="wb-street__table" role="table">
        <View className="wb-street__row wb-street__row--head" role="row">
          <View
            className={`wb-street__name wb-street__sort${sort.key === 'communityName' ? ' wb-street__sort--active' : ''}`}
            role="columnheader"
            onClick={() => by('communityName')}
          >
            <Text>社区{arrow(sort.key === 'communityName', sort.order)}</Text>
          </View>
          {STREET_COLUMNS.map((c) => (
            <View
              key={c.key}
              className={`wb-street__cell wb-street__sort${sort.key === c.key ? ' wb-street__sort--active' : ''}`}
              role="columnheader"
              onClick={() => by(c.key)}
            >
              <Text>
                {c.label}
                {arrow(sort.key === c.key, sort.order)}
              </Text>
            </View>
          ))}
        </View>
        <View className="wb-street__row wb-street__row--total" role="row">
          <Text className="wb-street__name">{total.communityName}</Text>
          {cells(total)}
        </View>
        {sorted.map((r) => (
          <View
            key={r.communityId}
            className="wb-street__row"
            role="row"
            hoverClass="wb-street__row--pressed"
            onClick={() => onOpen?.(r.communityId)}
          >
            <Text className="wb-street__name wb-street__link">{r.communityName}</Text>
            {cells(r)}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
