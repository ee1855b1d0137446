// 需求清单 (staff): the community's needs by status; a need opens its page, where staff confirm, send
// back or cancel; "发布需求" posts a new one.
import { View } from '@tarojs/components'
import { useState } from 'react'
import { NEED_STATUSES, NEED_STATUS_LABELS, type NeedStatus } from '@contract/enums'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { usePaged } from '@/hooks/usePaged'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { Chips } from '@/components/Chips'
import { NeedCard } from '../../../party/components/NeedCard'
import { StaffOnly } from '../StaffOnly'

const STATUS_OPTIONS = NEED_STATUSES.map((s) => ({ value: s, label: NEED_STATUS_LABELS[s] }))

function StaffNeeds({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<NeedStatus>('completed')
  const needs = usePaged((cursor) => call('party', 'listNeeds', { communityId, status, cursor, limit: 10 }), [communityId, status])
  return (
    <>
      <Section>
        <Chips label="状态" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        <View className="llt-actions">
          <BigButton onClick={() => navigate(pageUrl('workbench', 'partyNeedPost'))}>发布需求</BigButton>
        </View>
      </Section>
      <PagedList
        paged={needs}
        itemKey={(n) => n.id}
        emptyTitle={status === 'completed' ? '没有等待确认的需求' : '暂无需求'}
        renderItem={(need) => <NeedCard need={need} onOpen={() => navigate(pageUrl('party', 'need', { id: need.id }))} />}
      />
    </>
  )
}

export default function StaffNeedsPage() {
  return (
    <PageShell>
      <StaffOnly>{(communityId) => <StaffNeeds communityId={communityId} />}</StaffOnly>
    </PageShell>
  )
}
