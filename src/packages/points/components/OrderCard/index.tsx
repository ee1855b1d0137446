// One redemption order. The buyer sees the pickup code (digits and QR) while it waits for pickup and can
// cancel it; the shop sees the masked buyer.
import { Text, View } from '@tarojs/components'
import type { OrderView } from '@contract/schemas/points'
import { BigButton } from '@/components/BigButton'
import { formatDateTime } from '@/utils/date'
import { orderLabel } from '../../../volunteer/format'
import { QrCode } from '../QrCode'
import './index.css'

export interface OrderCardProps {
  order: OrderView
  onCancel?: () => void
  cancelling?: boolean
}

export function OrderCard({ order: o, onCancel, cancelling }: OrderCardProps) {
  return (
    <View className="llt-card llt-card--item points-order">
      <View className="llt-card__head">
        <Text className="llt-card__title">
          {o.goodsName} × {o.quantity}
        </Text>
        <Text className={`points-order__status points-order__status--${o.status}`}>{orderLabel(o.status)}</Text>
      </View>
      <Text className="llt-card__line">
        {o.merchantName} · {o.points} 积分{o.buyer ? ` · ${o.buyer}` : ''}
      </Text>
      <Text className="llt-card__line">下单：{formatDateTime(o.createdAt)}</Text>
      {o.status === 'pending' && (
        <Text className="llt-card__line">
          领取地点：{o.pickupPlace}，{formatDateTime(o.expiresAt)} 前有效
        </Text>
      )}
      {o.closedAt && o.status !== 'pending' && (
        <Text className="llt-card__line">
          {orderLabel(o.status)}：{formatDateTime(o.closedAt)}
        </Text>
      )}
      {o.qrPayload && o.pickupCode && (
        <>
          <Text className="points-order__hint">到店出示二维码，或报取货码</Text>
          <QrCode text={o.qrPayload} digits={o.pickupCode} label="取货二维码" />
        </>
      )}
      {onCancel && o.status === 'pending' && (
        <BigButton block fill="outline" loading={cancelling} onClick={onCancel}>
          取消兑换（积分退回）
        </BigButton>
      )}
    </View>
  )
}
