// Picks one community of the district (user.communities), e.g. in 我的, or when location is refused.
// With `locatable`, a second button picks the nearest one from the person's location (asked on tap,
// behind the privacy consent).
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CommunityOption } from '@contract'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { call, errorMessage } from '@/services/cloud'
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

  // What the last "按我的位置选择" did, said under the button; after a refusal the button offers to try again.
  const [located, setLocated] = useState<{ ok: boolean; text: string } | null>(null)
  const locate = useAction(async () => {
    setLocated(null)
    let here
    try {
      here = await getLocation()
    } catch (e) {
      setLocated({ ok: false, text: `${errorMessage(e)}。可以再试一次，或在上方直接选择。` })
      return
    }
    const nearest = nearestCommunity(options, here)
    if (!nearest) {
      setLocated({ ok: false, text: '没有找到您附近的社区，请在上方直接选择。' })
      return
    }
    setLocated({ ok: true, text: nearest.id === value ? `您就在${nearest.name}附近，不用更改。` : `已按您的位置选择${nearest.name}。` })
    if (nearest.id !== value) onChange(nearest)
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
          {locate.running ? '正在获取位置…' : located && !located.ok ? '重新获取位置' : '按我的位置选择'}
        </BigButton>
      )}
      {locatable && located && (
        <View
          className={`llt-community-picker__status${located.ok ? '' : ' llt-community-picker__status--problem'}`}
          role={located.ok ? 'status' : 'alert'}
        >
          {located.text}
        </View>
      )}
    </View>
  )
}
