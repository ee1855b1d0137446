// Picks one community of the district (user.communities), e.g. in 我的, or when location is refused.
// With `locatable`, a second button picks the nearest one from the person's location (asked on tap,
// behind the privacy consent).
import { Picker, Text, View } from '@tarojs/components'
import type { CommunityOption } from '@contract'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { getLocation } from '@/services/device'
import { BigButton } from '../BigButton'
import { nearestCommunity } from './nearest'
import './index.css'

export interface CommunityPickerProps {
  value?: string | null
  /** Shown before a community is chosen. */
  placeholder?: string
  /** The row's own label; null inside a Field that already names it. */
  label?: string | null
  disabled?: boolean
  /** Offer "按我的位置选择" as well. */
  locatable?: boolean
  onChange: (community: CommunityOption) => void
}

export function CommunityPicker({
  value,
  placeholder = '请选择',
  label = '所在社区',
  disabled = false,
  locatable = false,
  onChange
}: CommunityPickerProps) {
  const communities = useRemote(() => call('user', 'communities'))
  const options = communities.data ?? []
  const index = options.findIndex((c) => c.id === value)
  const current = index >= 0 ? options[index].name : communities.loading ? '正在加载…' : placeholder

  const locate = useAction(async () => {
    const nearest = nearestCommunity(options, await getLocation())
    if (nearest && nearest.id !== value) onChange(nearest)
  })

  return (
    <View className="llt-community-picker">
      <Picker
        mode="selector"
        range={options.map((c) => c.name)}
        value={Math.max(index, 0)}
        disabled={disabled || options.length === 0}
        onChange={(e) => {
          const picked = options[Number(e.detail.value)]
          if (picked && picked.id !== value) onChange(picked)
        }}
      >
        <View className="llt-community-picker__row">
          {label !== null && <Text className="llt-community-picker__label">{label}</Text>}
          <Text className="llt-community-picker__value">{current}</Text>
          <Text className="llt-community-picker__arrow">›</Text>
        </View>
      </Picker>
      {locatable && (
        <BigButton
          className="llt-community-picker__locate"
          size="normal"
          fill="outline"
          block
          loading={locate.running}
          disabled={disabled || options.length === 0}
          onClick={() => void locate.run()}
        >
          按我的位置选择
        </BigButton>
      )}
    </View>
  )
}
