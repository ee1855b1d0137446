// The street comparison: one row per community under the street total, a column per figure (Table:
// sortable, filtered by the community's name); tapping a community opens its dashboard.
import { STREET_COLUMNS, type CommunityFigures } from '@contract/workbench'
import { Table, type TableColumn } from '@/components/Table'
import { formatFigure } from '../shared/format'

export interface StreetTableProps {
  rows: readonly CommunityFigures[]
  total: CommunityFigures
  onOpen?: (communityId: string) => void
}

const COLUMNS: ReadonlyArray<TableColumn<CommunityFigures>> = [
  { key: 'communityName', title: '社区', value: (r) => r.communityName },
  ...STREET_COLUMNS.map((c): TableColumn<CommunityFigures> => ({
    key: c.key,
    title: c.label,
    value: c.value,
    render: (r) => formatFigure(c.value(r), c.format),
    firstOrder: 'desc'
  }))
]

const byName = { placeholder: '输入社区名筛选', text: (r: CommunityFigures) => r.communityName }

export function StreetTable({ rows, total, onOpen }: StreetTableProps) {
  return (
    <Table
      columns={COLUMNS}
      rows={rows}
      pinned={[total]}
      rowKey={(r) => r.communityId}
      initialSort={{ key: 'communityName', order: 'asc' }}
      filter={byName}
      onOpen={onOpen && ((r) => onOpen(r.communityId))}
    />
  )
}
