// One item or service: picture, description, price, stock, the per-person limit and pickup, and redeeming
// it. The request id is kept until the redemption succeeds, so a retry after a lost answer gives the same
// order instead of a second one.
import { Text, View } from '@tarojs/components'
import { CloudImage } from '@/components/CloudImage'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { GoodsDetail } from '@contract/schemas/points'
import { GOODS_KIND_LABELS, LIMIT_PERIOD_LABELS, MAX_QUANTITY } from '@contract/schemas/points.labels'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call, CloudError } from '@/services/cloud'
import { formatDate } from '@/utils/date'
import { newRequestId } from '@/utils/form'
import './index.css'

/** How many the caller may still take now: stock, the per-period limit and the 10-per-order cap. */
export const maxQuantity = (g: GoodsDetail) => Math.max(0, Math.min(g.stock, g.limitCount - g.myUsed, MAX_QUANTITY))

function Stepper({ value, max, onChange }: { value: number; max: number; onChange: (n: number) => void }) {
  return (
    <View className="points-stepper">
      <Text className="points-stepper__button" aria-label="减少" onClick={() => value > 1 && onChange(value - 1)}>
        −
      </Text>
      <Text className="points-stepper__value">{value}</Text>
      <Text className="points-stepper__button" aria-label="增加" onClick={() => value < max && onChange(value + 1)}>
        ＋
      </Text>
    </View>
  )
}

function Redeem({ g, onDone }: { g: GoodsDetail; onDone: () => void }) {
  const me = useSignedIn()
  const [quantity, setQuantity] = useState(1)
  const requestId = useRef(newRequestId())
  const max = maxQuantity(g)
  const isVolunteer = me.roles.some((r) => r.role === 'volunteer')
  const balance = useRemote(() => call('points', 'balance'), [], { enabled: isVolunteer })
  const redeem = useAction(async () => {
    // Too few points is said before the confirmation, not after it.
    const have = (balance.data ?? (await call('points', 'balance'))).balance
    const need = g.price * quantity
    if (have < need) throw new CloudError({ code: 'FAILED_PRECONDITION', message: `积分不足：兑换需要 ${need} 积分，您现有 ${have} 积分` })
    const { confirm } = await Taro.showModal({
      title: '确认兑换',
      content: `用 ${g.price * quantity} 积分兑换「${g.name}」${quantity} 件？`,
      confirmText: '兑换',
      cancelText: '再想想'
    })
    if (!confirm) return
    await call('points', 'redeem', { goodsId: g.id, quantity, requestId: requestId.current })
    requestId.current = newRequestId()
    void balance.refresh()
    void Taro.showToast({ title: '兑换成功，请凭取货码领取', icon: 'none', duration: 2500 })
    onDone()
    void Taro.navigateTo({ url: pageUrl('points', 'orders') })
  })
  if (!isVolunteer)
    return (
      <View className="llt-actions">
        <Text className="points-detail__blocked">登记成为志愿者并参加活动获得积分后即可兑换</Text>
        <BigButton block onClick={() => void Taro.navigateTo({ url: pageUrl('volunteer', 'register') })}>
          注册志愿者
        </BigButton>
      </View>
    )
  if (!g.available)
    return (
      <Text className="points-detail__blocked">
        {!g.onSale ? '该商品已下架' : g.stock <= 0 ? '已兑完，请留意商家补货' : '该商品已过兑换期'}
      </Text>
    )
  if (max === 0) return <Text className="points-detail__blocked">您本期已兑满，下期再来</Text>
  return (
    <View className="llt-actions">
      <View className="points-detail__quantity">
        <Text>数量</Text>
        <Stepper value={Math.min(quantity, max)} max={max} onChange={setQuantity} />
        <Text className="points-detail__total">共 {g.price * Math.min(quantity, max)} 积分</Text>
      </View>
      {balance.data && <Text className="points-detail__line">您现有 {balance.data.balance} 积分</Text>}
      <BigButton block loading={redeem.running} onClick={() => void redeem.run()}>
        立即兑换
      </BigButton>
    </View>
  )
}

function GoodsPage() {
  const { params } = useRouter()
  const goods = useRemote(() => call('points', 'goods', { goodsId: params.id ?? '' }), [params.id])
  if (!goods.data) {
    return goods.error ? (
      <StateView state="error" error={goods.error} onRetry={() => void goods.refresh()} fullPage />
    ) : (
      <StateView state="loading" fullPage />
    )
  }
  const g = goods.data
  return (
    <>
      {g.photo && <CloudImage className="points-detail__photo" src={g.photo} label={g.name} />}
      <Section>
        <Text className="points-detail__kind">{GOODS_KIND_LABELS[g.kind]}</Text>
        <Text className="points-detail__name">{g.name}</Text>
        <Text className="points-detail__price">{g.price} 积分</Text>
        {g.description && <Text className="points-detail__line">{g.description}</Text>}
        <Text className="points-detail__line">商家：{g.merchantName}</Text>
        <Text className="points-detail__line">
          领取地点：{g.pickupPlace}，兑换后 {g.pickupDays} 天内有效
        </Text>
        <Text className="points-detail__line">
          {LIMIT_PERIOD_LABELS[g.limitPeriod]}每人限兑 {g.limitCount} 件{g.myUsed ? `，您本期已兑 ${g.myUsed} 件` : ''}；剩余 {g.stock} 件
        </Text>
        {g.validUntil && <Text className="points-detail__line">兑换截止：{formatDate(g.validUntil)}</Text>}
        <Redeem g={g} onDone={() => void goods.refresh()} />
      </Section>
    </>
  )
}

export default function GoodsDetailPage() {
  return (
    <PageShell className="points-goods-page">
      <GoodsPage />
    </PageShell>
  )
}
