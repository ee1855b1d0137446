// One queue of the workbench as a card: what waits, how many, the item waiting longest and for how long.
// Tapping it opens the page where the work is done.
import { Text, View } from '@tarojs/components'
import { QUEUE_LABELS, type Queue } from '@contract/workbench'
import { navigate } from '@/services/navigation'
import { waitingFor } from '../shared/format'

export interface QueueCardProps {
  queue: Queue
  url?: string
  now: Date
}

export function QueueCard({ queue, url, now }: QueueCardProps) {
  const { title, unit } = QUEUE_LABELS[queue.kind]
  const [first, ...more] = queue.oldest
  const open = url ? () => navigate(url) : undefined
  const empty = queue.count === 0
  return (
    <View
      className={`wb-queue${empty ? ' wb-queue--empty' : ''}`}
      hoverClass={open ? 'wb-queue--pressed' : 'none'}
      onClick={open}
      role="button"
      aria-label={`${title}${queue.count}${unit}`}
    >
      <View className="wb-queue__head">
        <Text className="wb-queue__title">{title}</Text>
        <Text className="wb-queue__count">
          {queue.count}
          <Text className="wb-queue__unit">{unit}</Text>
        </Text>
      </View>
      {first ? (
        <View className="wb-queue__oldest">
          <Text className="wb-queue__item">{first.title}</Text>
          <Text className="wb-queue__since">{waitingFor(first.since, now)}</Text>
        </View>
      ) : (
        <Text className="wb-queue__none">暂无待办</Text>
      )}
      {more.map((item) => (
        <Text key={item.id} className="wb-queue__more">
          {item.title}
        </Text>
      ))}
      {open && !empty && <Text className="wb-queue__go">去处理 ›</Text>}
    </View>
  )
}
