// 我的兑换: orders waiting for pickup (with the pickup code as digits and a QR code) and the rest, with
// cancel before pickup (points back, stock back).
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { OrderStatus } from '@contract'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { useAction } from '@/hooks/useAction'
import { usePaged } from '@/hooks/usePaged'
import { call, showError } from '@/services/cloud'
import { Chips } from '@/components/Chips'
import { OrderCard } from '../components/OrderCard'
import './index.css'

type Filter = OrderStatus | 'all'
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'pending', label: '待领取' },
  { value: 'all', label: '全部' }
]

function Orders() {
  const [filter, setFilter] = useState<Filter>('pending')
  const paged = usePaged(
    (cursor) => call('points', 'myRedemptions', { status: filter === 'all' ? undefined : filter, cursor, limit: 10 }),
    [filter]
  )
  const cancel = useAction(async (orderId: string) => {
    const { confirm } = await Taro.showModal({
      title: '取消兑换',
      content: '取消后积分退回您的账户，确定取消吗？',
      confirmText: '取消兑换',
      cancelText: '不取消'
    })
    if (!confirm) return
    await call('points', 'cancelRedemption', { orderId })
    void Taro.showToast({ title: '已取消，积分已退回', icon: 'none' })
    await paged.refresh().catch(showError)
  })
  return (
    <>
      <View className="points-orders__filters">
        <Chips options={FILTERS} value={filter} onChange={setFilter} />
      </View>
      <PagedList
        paged={paged}
        itemKey={(o) => o.id}
        renderItem={(o) => <OrderCard order={o} onCancel={() => void cancel.run(o.id)} cancelling={cancel.running} />}
        emptyTitle={filter === 'pending' ? '没有待领取的兑换' : '还没有兑换记录'}
        emptyDescription="在积分超市挑选商品兑换"
      />
    </>
  )
}

export default function OrdersPage() {
  return (
    <PageShell className="points-orders">
      <Orders />
    </PageShell>
  )
}
