// One activity in a list: title, time, place, seats and points, and the caller's enrollment.
import { Text, View } from '@tarojs/components'
import type { ActivitySummary } from '@contract/schemas/volunteer'
import { navigate } from '@/services/navigation'
import { enrollmentLabel, formatDistance, formatSpan, phaseLabel } from '../../../../packages/volunteer/format'
import './index.css'

export interface ActivityCardProps {
  activity: ActivitySummary
  /** Where a tap goes (the volunteer's detail page by default). */
  url: string
}

export function ActivityCard({ activity: a, url }: ActivityCardProps) {
  const full = a.enrolled >= a.capacity
  return (
    <View className="llt-card llt-card--item vol-card" hoverClass="llt-card--pressed" onClick={() => navigate(url)}>
      <View className="vol-card__top">
        <Text className={`vol-card__phase vol-card__phase--${a.phase}`}>{phaseLabel(a.phase)}</Text>
        {a.myStatus && <Text className="vol-card__mine">{enrollmentLabel(a.myStatus)}</Text>}
      </View>
      <Text className="llt-card__title">{a.title}</Text>
      <Text className="llt-card__line">{formatSpan(a.start, a.end)}</Text>
      <Text className="llt-card__line">
        {a.venue}
        {a.distance !== null ? ` · 距您${formatDistance(a.distance)}` : ''}
      </Text>
      <View className="vol-card__facts">
        <Text className={full ? 'vol-card__full' : ''}>{full ? '名额已满' : `已报 ${a.enrolled}/${a.capacity} 人`}</Text>
        <Text>
          每小时 {a.pointsPerHour} 积分 · {a.communityName}
        </Text>
      </View>
    </View>
  )
}
