// 5 / 10 / 15 分钟: the walk tier, with the radius it means (from the server's walking rule).
import { Text, View } from '@tarojs/components'
import { CIRCLE_TIERS, type CircleTier } from '@contract/enums'
import type { TierInfo } from '@contract/schemas/lifeCircle'
import { formatDistance } from '../../format'
import './index.css'

export interface TierSwitchProps {
  value: CircleTier
  tiers?: TierInfo[]
  onChange: (tier: CircleTier) => void
}

export function TierSwitch({ value, tiers, onChange }: TierSwitchProps) {
  return (
    <View className="life-circle-tiers" role="tablist">
      {CIRCLE_TIERS.map((tier) => {
        const radius = tiers?.find((t) => t.minutes === tier)?.radius
        const active = tier === value
        return (
          <View
            key={tier}
            role="tab"
            aria-selected={active}
            className={`life-circle-tiers__tab${active ? ' life-circle-tiers__tab--active' : ''}`}
            onClick={() => !active && onChange(tier)}
          >
            <Text className="life-circle-tiers__minutes">{tier}分钟</Text>
            {radius !== undefined && <Text className="life-circle-tiers__radius">约{formatDistance(radius)}</Text>}
          </View>
        )
      })}
    </View>
  )
}
