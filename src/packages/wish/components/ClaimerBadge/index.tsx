// 亮身份: who claimed the wish — a party member's branch and pledge, or a volunteer — name masked.
import { Text, View } from '@tarojs/components'
import type { ClaimerBadge as Badge } from '@contract/schemas/wish'
import './index.css'

export function ClaimerBadge({ claimer }: { claimer: Badge }) {
  const member = claimer.kind === 'member'
  return (
    <View className={`wish-claimer${member ? ' wish-claimer--member' : ''}`}>
      <Text className="wish-claimer__who">
        {member ? '共产党员' : '志愿者'} {claimer.displayName} 认领了这个心愿
      </Text>
      {claimer.branch && <Text className="wish-claimer__line">{claimer.branch}</Text>}
      {claimer.pledge && <Text className="wish-claimer__line">承诺：{claimer.pledge}</Text>}
    </View>
  )
}
