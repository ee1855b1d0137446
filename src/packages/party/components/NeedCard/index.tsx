// One need in a list: what, where, until when, its status and who took it (with the party badge).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { NEED_CATEGORY_LABELS, type Need } from '@contract/schemas/party'
import { formatDateTime } from '@/utils/date'
import { StatusTag } from '../StatusTag'
import './index.css'

export interface NeedCardProps {
  need: Need
  onOpen?: () => void
  /** Buttons under the card (认领 …). */
  children?: ReactNode
}

export function NeedCard({ need, onOpen, children }: NeedCardProps) {
  return (
    <View className="llt-card llt-card--raised party-need">
      <View className="party-need__main" onClick={onOpen} hoverClass={onOpen ? 'party-need__main--pressed' : 'none'}>
        <View className="party-need__head">
          <Text className="party-need__category">{NEED_CATEGORY_LABELS[need.category]}</Text>
          <Text className="party-need__title">{need.title}</Text>
          <StatusTag kind="need" status={need.status} />
        </View>
        <Text className="party-need__description">{need.description}</Text>
        <Text className="party-need__meta">
          {[need.place, need.deadline && `截止 ${formatDateTime(need.deadline)}`, need.communityName].filter(Boolean).join(' · ')}
        </Text>
        {need.claimant && (
          <Text className="party-need__claimant">
            {need.claimant.kind === 'unit' ? '认领单位' : '认领党员'}：{need.claimant.displayName}
            {need.claimant.badge ? ` · ${need.claimant.badge.branch}` : ''}
            {need.claimedByMe ? '（我）' : ''}
          </Text>
        )}
      </View>
      {children}
    </View>
  )
}
