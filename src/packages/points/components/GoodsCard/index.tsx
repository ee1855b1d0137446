// One item or service in the supermarket: picture, name, shop, points price and what is left.
import { Text, View } from '@tarojs/components'
import { CloudImage } from '@/components/CloudImage'
import type { GoodsView } from '@contract/schemas/points'
import { GOODS_KIND_LABELS } from '@contract/schemas/points.labels'
import { navigate } from '@/services/navigation'
import './index.css'

export function GoodsCard({ goods: g, url }: { goods: GoodsView; url: string }) {
  return (
    <View className="points-goods" hoverClass="points-goods--pressed" onClick={() => navigate(url)}>
      {g.photo ? (
        <CloudImage className="points-goods__photo" src={g.photo} label={g.name} />
      ) : (
        <View className="points-goods__photo points-goods__photo--none">{GOODS_KIND_LABELS[g.kind]}</View>
      )}
      <View className="points-goods__text">
        <Text className="points-goods__name">{g.name}</Text>
        <Text className="points-goods__shop">{g.merchantName}</Text>
        <View className="points-goods__foot">
          <Text className="points-goods__price">{g.price} 积分</Text>
          <Text className={g.available ? 'points-goods__stock' : 'points-goods__stock points-goods__stock--out'}>
            {!g.onSale ? '已下架' : g.stock > 0 ? `剩 ${g.stock}` : '已兑完'}
          </Text>
        </View>
      </View>
    </View>
  )
}
