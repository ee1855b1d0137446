// 需求清单: the community's needs, and the ones I (or my unit) took, with claiming right here.
import { View } from '@tarojs/components'
import { useState } from 'react'
import { NEED_STATUSES, NEED_STATUS_LABELS, type NeedStatus } from '@contract/enums'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { Chips } from '@/components/Chips'
import './index.css'
import { NeedCard } from '../components/NeedCard'
import { adminUnitIdsOf, isMemberOf } from '@/utils/roles'
import { useClaim } from '../shared/useClaim'

type Scope = 'community' | 'mine'
type StatusFilter = NeedStatus | 'all'

const SCOPES = [
  { value: 'community' as const, label: '社区需求' },
  { value: 'mine' as const, label: '我认领的' }
]
const STATUS_OPTIONS = [{ value: 'all' as const, label: '全部' }, ...NEED_STATUSES.map((s) => ({ value: s, label: NEED_STATUS_LABELS[s] }))]

function NeedsList() {
  const me = useSignedIn()
  const [scope, setScope] = useState<Scope>('community')
  const [status, setStatus] = useState<StatusFilter>('open')
  const needs = usePaged(
    (cursor) => call('party', 'listNeeds', { mine: scope === 'mine', ...(status === 'all' ? {} : { status }), cursor, limit: 10 }),
    [scope, status]
  )
  const claim = useClaim(() => void needs.refresh())

  return (
    <>
      <Section>
        <Chips label="范围" options={SCOPES} value={scope} onChange={setScope} />
        <View className="party-needs__filters">
          <Chips label="状态" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        </View>
      </Section>
      <PagedList
        paged={needs}
        itemKey={(n) => n.id}
        emptyTitle={scope === 'mine' ? '您还没有认领需求' : '暂时没有这类需求'}
        emptyDescription={scope === 'mine' ? '到“社区需求”里看看有什么可以帮忙的' : undefined}
        renderItem={(need) => (
          <NeedCard need={need} onOpen={() => navigate(pageUrl('party', 'need', { id: need.id }))}>
            {need.can.claim && (
              <BigButton
                loading={claim.running}
                onClick={() => void claim.run(need, isMemberOf(me, need.communityId) ? undefined : adminUnitIdsOf(me)[0])}
              >
                认领
              </BigButton>
            )}
          </NeedCard>
        )}
      />
    </>
  )
}

export default function NeedsPage() {
  return (
    <PageShell>
      <NeedsList />
    </PageShell>
  )
}
