// Facility management for staff: the community's facilities (open or closed), create, edit, import.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FACILITY_CATEGORIES, type FacilityStatus } from '@contract/enums'
import type { StaffFacilityRow } from '@contract/schemas/lifeCircle'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { Table, type TableColumn } from '@/components/Table'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { useOnReturn } from '@/hooks/useOnReturn'
import { usePaged } from '@/hooks/usePaged'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { ScopeTabs } from './ScopeTabs'
import { useStaffScopes } from './useStaffScopes'
import './index.css'

const CATEGORY_NAMES = new Map<string, string>(FACILITY_CATEGORIES.map((c) => [c.id, c.name]))
const STATUS_TABS: Array<{ status: FacilityStatus; label: string }> = [
  { status: 'open', label: '开放中' },
  { status: 'closed', label: '已关闭' }
]

const STATUS_LABELS = new Map<string, string>(STATUS_TABS.map((t) => [t.status, t.label]))
const edit = (row: StaffFacilityRow) => void Taro.navigateTo({ url: pageUrl('workbench', 'facilityEdit', { id: row.id }) })

function Row({ row }: { row: StaffFacilityRow }) {
  return (
    <View className="wb-facility" hoverClass="wb-facility--pressed" onClick={() => edit(row)}>
      <View className="wb-facility__body">
        <Text className="wb-facility__name">{row.name}</Text>
        <Text className="wb-facility__meta">{CATEGORY_NAMES.get(row.category)}</Text>
        <Text className="wb-facility__meta">
          {row.address || '未填写地址'} · 更新于{formatDateTime(row.updatedAt)}
        </Text>
      </View>
      <Text className="wb-facility__arrow">›</Text>
    </View>
  )
}

const COLUMNS: Array<TableColumn<StaffFacilityRow>> = [
  { key: 'name', title: '名称', value: (r) => r.name },
  { key: 'category', title: '类别', value: (r) => CATEGORY_NAMES.get(r.category) ?? r.category },
  { key: 'address', title: '地址', value: (r) => r.address || '未填写地址' },
  { key: 'status', title: '状态', value: (r) => STATUS_LABELS.get(r.status) ?? r.status },
  {
    key: 'updatedAt',
    title: '更新于',
    value: (r) => Date.parse(r.updatedAt),
    render: (r) => formatDateTime(r.updatedAt),
    firstOrder: 'desc'
  },
  {
    key: 'actions',
    title: '操作',
    fixed: true,
    value: () => null,
    render: (r) => (
      <BigButton size="small" fill="outline" onClick={() => edit(r)}>
        编辑
      </BigButton>
    )
  }
]

/** At PC width: the facilities as a table, by category, filtered by name or address. */
function FacilityTable({ rows }: { rows: StaffFacilityRow[] }) {
  return (
    <Table
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => r.id}
      initialSort={{ key: 'category', order: 'asc' }}
      filter={{ placeholder: '输入设施名称或地址筛选', text: (r) => `${r.name} ${r.address}` }}
    />
  )
}

function FacilityList({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<FacilityStatus>('open')
  const desk = useDeskWidth()
  const paged = usePaged(
    (cursor) => call('lifeCircle', 'listFacilities', { communityId, status, cursor, limit: 20 }),
    [communityId, status]
  )
  // Back from the edit page: show what changed.
  useOnReturn(() => void paged.refresh().catch(() => undefined))
  return (
    <>
      <Section>
        <View className="wb-facilities__actions">
          <BigButton size="normal" onClick={() => void Taro.navigateTo({ url: pageUrl('workbench', 'facilityEdit', { communityId }) })}>
            新增设施
          </BigButton>
          <BigButton
            size="normal"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: pageUrl('workbench', 'facilityImport', { communityId }) })}
          >
            表格批量导入
          </BigButton>
        </View>
        <View className="wb-facilities__tabs">
          {STATUS_TABS.map((t) => (
            <Text
              key={t.status}
              className={`wb-facilities__tab${t.status === status ? ' wb-facilities__tab--active' : ''}`}
              onClick={() => setStatus(t.status)}
            >
              {t.label}
            </Text>
          ))}
        </View>
      </Section>
      <View className="wb-facilities__list">
        <PagedList
          paged={paged}
          itemKey={(r) => r.id}
          renderItem={(r) => <Row row={r} />}
          renderAll={desk ? (rows) => <FacilityTable rows={rows} /> : undefined}
          emptyTitle={status === 'open' ? '还没有开放中的设施' : '没有已关闭的设施'}
          emptyDescription={status === 'open' ? '点“新增设施”或用表格批量导入' : undefined}
        />
      </View>
    </>
  )
}

function Facilities() {
  const { scopes, current, select } = useStaffScopes({ streets: false })
  if (!current) return <StateView state="empty" title="只有社区工作人员可以管理设施" fullPage />
  return (
    <View>
      <ScopeTabs scopes={scopes} current={current} onSelect={select} />
      <FacilityList communityId={current.id} />
    </View>
  )
}

export default function FacilitiesPage() {
  return (
    <PageShell>
      <Facilities />
    </PageShell>
  )
}
