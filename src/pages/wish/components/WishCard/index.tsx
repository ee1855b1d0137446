// One wish as a card: category, title, the start of the story, the masked beneficiary, community,
// value, and its status. Used by the wall, "my wishes" and the staff queue.
import { Text, View } from '@tarojs/components'
import { CloudImage } from '@/components/CloudImage'
import type { ReactNode } from 'react'
import type { WishCard as Wish } from '@contract/schemas/wish'
import { categoryGlyph, categoryLabel, formatAgo, formatDesired, formatDistance, formatValue, statusLabel, statusTone } from '../../format'
import './index.css'

export function StatusTag({ status }: { status: Wish['status'] }) {
  return <Text className={`wish-status wish-status--${statusTone(status)}`}>{statusLabel(status)}</Text>
}

export interface WishCardProps {
  wish: Wish
  onOpen?: (wish: Wish) => void
  /** Extra lines under the card body (a deadline, a to-do, staff details). */
  children?: ReactNode
}

export function WishCard({ wish, onOpen, children }: WishCardProps) {
  const distance = formatDistance(wish.distance)
  const meta = [wish.communityName, distance && `距您${distance}`, formatAgo(wish.publishedAt ?? wish.submittedAt)]
    .filter(Boolean)
    .join(' · ')
  return (
    <View className="llt-card llt-card--raised wish-card" hoverClass={onOpen ? 'llt-card--pressed' : 'none'} onClick={() => onOpen?.(wish)}>
      <View className="wish-card__head">
        <Text className="llt-icon-badge" aria-label={categoryLabel(wish.category)}>
          {categoryGlyph(wish.category)}
        </Text>
        <View className="wish-card__heading">
          <Text className="wish-card__title">{wish.title}</Text>
          <Text className="wish-card__who">
            {wish.beneficiaryDisplay}的心愿 · {categoryLabel(wish.category)}
          </Text>
        </View>
        <StatusTag status={wish.status} />
      </View>
      <Text className="wish-card__story">{wish.story}</Text>
      {wish.photos.length > 0 && (
        <View className="wish-card__photos">
          {wish.photos.slice(0, 3).map((url) => (
            <CloudImage key={url} className="wish-card__photo" src={url} lazyLoad />
          ))}
        </View>
      )}
      <View className="wish-card__foot">
        <Text className="wish-card__value">{formatValue(wish.value)}</Text>
        {formatDesired(wish.desiredDate) && <Text className="wish-card__desired">{formatDesired(wish.desiredDate)}</Text>}
      </View>
      <Text className="wish-card__meta">{meta}</Text>
      {children}
    </View>
  )
}
