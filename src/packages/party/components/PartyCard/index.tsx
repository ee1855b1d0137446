// 亮身份、亮承诺: the party member's card — the badge, the branch and the public pledge.
import { Text, View } from '@tarojs/components'
import './index.css'

export interface PartyCardProps {
  displayName: string
  branch: string
  pledge: string
  communityName?: string
  workUnit?: string
  gridName?: string | null
  /** A line under the pledge, e.g. "2026年下半年已续报到". */
  note?: string
}

export function PartyCard({ displayName, branch, pledge, communityName, workUnit, gridName, note }: PartyCardProps) {
  return (
    <View className="party-card" aria-label="党员身份">
      <View className="party-card__head">
        <Text className="party-card__emblem">★</Text>
        <Text className="party-card__title">共产党员</Text>
      </View>
      <Text className="party-card__name">{displayName}</Text>
      <Text className="party-card__branch">{branch}</Text>
      {(workUnit || communityName) && (
        <Text className="party-card__line">
          {[workUnit, communityName && `报到社区：${communityName}`, gridName].filter(Boolean).join(' · ')}
        </Text>
      )}
      <View className="party-card__pledge">
        <Text className="party-card__pledge-label">我的承诺</Text>
        <Text className="party-card__pledge-text">{pledge}</Text>
      </View>
      {note && <Text className="party-card__note">{note}</Text>}
    </View>
  )
}
