// 报到党员: the members of my unit who registered with the community (phone numbers masked).
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { UnitMember } from '@contract/schemas/party'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { usePaged } from '@/hooks/usePaged'
import { call } from '@/services/cloud'
import { formatDate } from '@/utils/date'
import { Chips } from '@/components/Chips'
import { StatusTag } from '../../components/StatusTag'
import '../../components/ReportRowCard/index.css'

type Filter = 'all' | 'approved' | 'pending'
const FILTERS = [
  { value: 'all' as const, label: '全部' },
  { value: 'approved' as const, label: '已通过' },
  { value: 'pending' as const, label: '待审核' }
]

function MemberRow({ m }: { m: UnitMember }) {
  return (
    <View className="llt-card party-report-row">
      <View className="party-report-row__head">
        <Text className="party-report-row__name">{m.name}</Text>
        <Text className="llt-text-secondary">{m.phone}</Text>
        <StatusTag status={m.status} />
      </View>
      <Text className="llt-text-secondary">
        {m.branch} · {m.communityName}
        {m.gridName ? ` · ${m.gridName}` : ''}
      </Text>
      <Text className="llt-text-secondary">
        {m.approvedAt ? `${formatDate(m.approvedAt)}通过` : '等待社区审核'}
        {m.status === 'approved' && !m.renewedThisHalf ? ' · 本半年度未续报到' : ''}
      </Text>
    </View>
  )
}

function MembersList() {
  const { params } = useRouter()
  const unitId = String(params.unitId ?? '')
  const [filter, setFilter] = useState<Filter>('all')
  const members = usePaged(
    (cursor) => call('party', 'unitMembers', { unitId, ...(filter === 'all' ? {} : { status: filter }), cursor, limit: 20 }),
    [unitId, filter]
  )
  return (
    <>
      <Section>
        <Chips label="状态" options={FILTERS} value={filter} onChange={setFilter} />
      </Section>
      <PagedList
        paged={members}
        itemKey={(m) => m.registrationId}
        emptyTitle="还没有本单位党员报到"
        renderItem={(m) => <MemberRow m={m} />}
      />
    </>
  )
}

export default function UnitMembersPage() {
  return (
    <PageShell>
      <MembersList />
    </PageShell>
  )
}
