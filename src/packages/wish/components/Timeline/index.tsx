// The wish's recorded transitions, newest last: when, what happened, by whom (a role, never a name),
// and why for the people involved.
import { Text, View } from '@tarojs/components'
import type { WishTimelineEntry } from '@contract/schemas/wish'
import { formatDateTime } from '@/utils/date'
import './index.css'

/** Any recorded steps (wishes, reports): when, what, by whom, why. */
export type TimelineStep = Pick<WishTimelineEntry, 'at' | 'label' | 'actor' | 'why'>

export function Timeline({ entries }: { entries: ReadonlyArray<TimelineStep> }) {
  return (
    <View className="wish-timeline">
      {entries.map((e, i) => (
        <View key={`${e.at}-${i}`} className={`wish-timeline__step${i === entries.length - 1 ? ' wish-timeline__step--last' : ''}`}>
          <View className="wish-timeline__dot" />
          <View className="wish-timeline__body">
            <Text className="wish-timeline__label">{e.label}</Text>
            <Text className="wish-timeline__meta">
              {formatDateTime(e.at)} · {e.actor}
            </Text>
            {e.why && <Text className="wish-timeline__why">{e.why}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
