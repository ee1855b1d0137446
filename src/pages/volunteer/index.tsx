// 志愿 tab: volunteer activities (upcoming in my community, nearby, mine), my points at a glance, and the
// ways into registration, the points supermarket and dual registration. Location is asked for only when
// "附近" is chosen; refusing it keeps the community list.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActivityScope } from '@contract/schemas/volunteer'
import { BigButton } from '@/components/BigButton'
import { LinkList } from '@/components/LinkList'
import { PageHeader } from '@/components/PageHeader'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call, errorMessage } from '@/services/cloud'
import { getLocation, type LatLng } from '@/services/device'
import { navigate } from '@/services/navigation'
import { Chips } from '@/components/Chips'
import { ActivityCard } from './components/ActivityCard'
import './index.css'

type Tab = Exclude<ActivityScope, 'managed'>

const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'upcoming', label: '近期活动' },
  { value: 'nearby', label: '附近' },
  { value: 'mine', label: '我的报名' }
]

function PointsStrip() {
  const balance = useRemote(() => call('points', 'balance'))
  return (
    <View className="vol-home__points" onClick={() => navigate(pageUrl('points', 'ledger'))}>
      <Text className="vol-home__points-label">我的积分</Text>
      <Text className="vol-home__points-value">{balance.data ? balance.data.balance : '—'}</Text>
      <Text className="vol-home__points-link">积分明细 ›</Text>
    </View>
  )
}

function Activities({ isVolunteer }: { isVolunteer: boolean }) {
  const [tab, setTab] = useState<Tab>('upcoming')
  const [here, setHere] = useState<LatLng | null>(null)
  const [locationProblem, setLocationProblem] = useState<string | null>(null)
  const scope: Tab = tab === 'nearby' && !here ? 'upcoming' : tab
  const paged = usePaged(
    (cursor) =>
      call('volunteer', 'listActivities', { scope, location: scope === 'nearby' ? (here ?? undefined) : undefined, cursor, limit: 10 }),
    [scope, here?.lat, here?.lng]
  )

  const choose = async (next: Tab) => {
    setTab(next)
    setLocationProblem(null)
    if (next !== 'nearby' || here) return
    try {
      setHere(await getLocation())
    } catch (e) {
      setLocationProblem(`${errorMessage(e)}，先为您显示本社区的活动`)
    }
  }

  const tabs = isVolunteer ? TABS : TABS.filter((t) => t.value !== 'mine')
  return (
    <>
      <View className="vol-home__tabs">
        <Chips options={tabs} value={tab} onChange={(t) => void choose(t)} />
      </View>
      {locationProblem && <Text className="vol-home__notice">{locationProblem}</Text>}
      <PagedList
        paged={paged}
        itemKey={(a) => a.id}
        renderItem={(a) => <ActivityCard activity={a} url={pageUrl('volunteer', 'activity', { id: a.id })} />}
        emptyTitle={scope === 'mine' ? '您还没有报名活动' : '暂时没有活动'}
        emptyDescription={scope === 'mine' ? '在“近期活动”里挑一个报名吧' : '社区发布新活动后会显示在这里'}
      />
    </>
  )
}

function VolunteerHome() {
  const me = useSignedIn()
  const isVolunteer = me.roles.some((r) => r.role === 'volunteer')
  return (
    <View>
      <PageHeader title="志愿服务" subtitle="参加活动攒积分，积分超市换好物">
        {isVolunteer && <PointsStrip />}
      </PageHeader>
      {!isVolunteer && (
        <Section title="成为志愿者">
          <Text className="llt-text-secondary">登记姓名和手机号即可成为社区志愿者，参加活动获得服务时长和积分。</Text>
          <View className="llt-actions">
            <BigButton block onClick={() => navigate(pageUrl('volunteer', 'register'))}>
              登记成为志愿者
            </BigButton>
          </View>
        </Section>
      )}
      <Section>
        <LinkList
          items={[
            isVolunteer && { title: '我的志愿', description: '服务记录、证明、扫码签到', url: pageUrl('volunteer', 'mine') },
            { title: '积分超市', description: '用志愿积分兑换生活用品和服务', url: pageUrl('points', 'home') },
            me.isStaff && { title: '活动管理', description: '发布活动、出示签到码、考勤', url: pageUrl('workbench', 'activities') },
            { title: '在职党员双报到', description: '单位和党员到社区报到、亮身份', url: pageUrl('party', 'mine') }
          ]}
        />
      </Section>
      <Activities isVolunteer={isVolunteer} />
    </View>
  )
}

export default function VolunteerPage() {
  return (
    <PageShell className="vol-tab">
      <VolunteerHome />
    </PageShell>
  )
}
