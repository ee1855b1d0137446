// 志愿服务记录 (《志愿服务记录与证明出具办法》): who (name, volunteer number), and for every completed service
// its content, time, hours and organiser, newest first, paged.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RecordItem, ServiceRecords } from '@contract/schemas/volunteer'
import { BigButton } from '@/components/BigButton'
import { PageHeader } from '@/components/PageHeader'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { usePaged } from '@/hooks/usePaged'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { formatHours, formatSpan } from '../format'
import './index.css'

function Record({ r }: { r: RecordItem }) {
  return (
    <View className="llt-card llt-card--item vol-record">
      <View className="llt-card__head">
        <Text className="llt-card__title">{r.title}</Text>
        <Text className="vol-record__hours">{formatHours(r.hours)}</Text>
      </View>
      <Text className="llt-card__line">{formatSpan(r.start, r.end)}</Text>
      <Text className="llt-card__line">组织单位：{r.organiser}</Text>
      <Text className="llt-card__line">{r.content}</Text>
    </View>
  )
}

function Records() {
  const [summary, setSummary] = useState<Omit<ServiceRecords, 'items' | 'nextCursor'> | null>(null)
  const paged = usePaged(async (cursor) => {
    const page = await call('volunteer', 'records', { cursor, limit: 10 })
    setSummary({ identity: page.identity, totalHours: page.totalHours, activityCount: page.activityCount })
    return page
  })
  return (
    <>
      <PageHeader
        title="志愿服务记录"
        subtitle={
          summary
            ? `${summary.identity.realName} · 编号 ${summary.identity.volunteerNo} · 累计${formatHours(summary.totalHours)}，${summary.activityCount}次`
            : '正在加载…'
        }
      />
      <View className="vol-record__certificate">
        <BigButton block fill="outline" onClick={() => navigate(pageUrl('volunteer', 'certificate'))}>
          开具服务记录证明
        </BigButton>
      </View>
      <PagedList
        paged={paged}
        itemKey={(r) => r.enrollmentId}
        renderItem={(r) => <Record r={r} />}
        emptyTitle="还没有服务记录"
        emptyDescription="参加活动并签到签退后，服务记录会出现在这里"
      />
    </>
  )
}

export default function VolunteerRecordsPage() {
  return (
    <PageShell className="vol-records">
      <Records />
    </PageShell>
  )
}
