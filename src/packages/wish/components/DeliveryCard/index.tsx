// The claimer's view: who to contact and where, or the community's hand-over point, and the deadline.
// Only the claimer and the community's staff ever receive these details.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { WishDelivery } from '@contract/schemas/wish'
import { BigButton } from '@/components/BigButton'
import { formatDeadline } from '../../../../pages/wish/format'
import './index.css'

const dial = (phoneNumber: string) => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)

export interface DeliveryCardProps {
  delivery: WishDelivery
  claimDeadline: string | null
}

export function DeliveryCard({ delivery: d, claimDeadline }: DeliveryCardProps) {
  const deadline = formatDeadline(claimDeadline)
  const phone = d.mode === 'contact' ? d.phone : d.communityPhone
  return (
    <View className="wish-delivery">
      {deadline && <Text className="wish-delivery__deadline">{deadline}</Text>}
      {d.mode === 'handover' ? (
        <>
          <Text className="wish-delivery__mode">经社区转交</Text>
          <Text className="wish-delivery__line">请把物品送到：{d.handoverPoint}</Text>
          {d.communityPhone && <Text className="wish-delivery__line">社区电话：{d.communityPhone}</Text>}
        </>
      ) : (
        <>
          <Text className="wish-delivery__mode">联系受助人</Text>
          {d.name && <Text className="wish-delivery__line">联系人：{d.name}</Text>}
          {d.phone && <Text className="wish-delivery__line">电话：{d.phone}</Text>}
          {d.address && <Text className="wish-delivery__line">地址：{d.address}</Text>}
        </>
      )}
      {phone && (
        <BigButton size="normal" fill="outline" onClick={() => dial(phone)}>
          {d.mode === 'handover' ? '致电社区' : '拨打电话'}
        </BigButton>
      )}
      <Text className="llt-text-secondary">这些信息只有您和社区工作人员能看到，仅用于实现这个心愿，请勿外传。</Text>
    </View>
  )
}
