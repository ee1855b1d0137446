// Every recorded change, oldest first: when, what, by whom (a role, never a name) and why.
import { Text, View } from '@tarojs/components'
import type { TimelineEntry } from '@contract/schemas/party'
import { formatDateTime } from '@/utils/date'
import './index.css'

export function Timeline({ entries }: { entries: ReadonlyArray<TimelineEntry> }) {
  return (
    <View className="party-timeline">
      {entries.map((e, i) => (
        <View key={`${e.at}-${i}`} className="party-timeline__step">
          <View className={`party-timeline__dot${i === entries.length - 1 ? ' party-timeline__dot--last' : ''}`} />
          <View className="party-timeline__body">
            <Text className="party-timeline__label">
              {e.label}
              {e.from !== e.to && e.from ? `（${e.from} → ${e.to}）` : ''}
            </Text>
            <Text className="party-timeline__meta">
              {formatDateTime(e.at)} · {e.actor}
            </Text>
            {e.why && <Text className="party-timeline__why">{e.why}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
