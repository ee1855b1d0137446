// 活动管理 (staff): the community's activities, newest first, and the staff tools of pillar 3 —
// publishing an activity, reviewing merchants, adjusting points.
import { View } from '@tarojs/components'
import { LinkList } from '@/components/LinkList'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { useOnReturn } from '@/hooks/useOnReturn'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { ActivityCard } from '../../../pages/volunteer/components/ActivityCard'

function Activities() {
  const paged = usePaged((cursor) => call('volunteer', 'listActivities', { scope: 'managed', cursor, limit: 10 }))
  useOnReturn(() => void paged.refresh().catch(() => undefined))
  return (
    <>
      <Section>
        <LinkList
          items={[
            { title: '发布活动', description: '时间、地点、名额、积分和签到范围', url: pageUrl('workbench', 'activityCreate') },
            { title: '商家审核', description: '积分超市的入驻申请', url: pageUrl('workbench', 'merchantReview') },
            { title: '积分调整', description: '按志愿者编号加减积分，须写明原因', url: pageUrl('workbench', 'pointsAdjust') }
          ]}
        />
      </Section>
      <Section title="本社区的活动" />
      <PagedList
        paged={paged}
        itemKey={(a) => a.id}
        renderItem={(a) => <ActivityCard activity={a} url={pageUrl('workbench', 'activityAttendance', { id: a.id })} />}
        emptyTitle="还没有发布活动"
      />
    </>
  )
}

function StaffOnly() {
  const me = useSignedIn()
  if (!me.roles.some((r) => r.role === 'staff')) return <StateView state="empty" title="仅社区工作人员可用" fullPage />
  return (
    <View>
      <Activities />
    </View>
  )
}

export default function ActivityManagementPage() {
  return (
    <PageShell className="wb-activities">
      <StaffOnly />
    </PageShell>
  )
}
