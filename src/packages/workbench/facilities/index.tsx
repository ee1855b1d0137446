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

function Row({ row }: { row: StaffFacilityRow }) {
  return (
    <View
      className="wb-facility"
      hoverClass="wb-facility--pressed"
      onClick={() => void Taro.navigateTo({ url: pageUrl('workbench', 'facilityEdit', { id: row.id }) })}
    >
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

function FacilityList({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<FacilityStatus>('open')
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
