// 积分明细: the balance and every change to it (service credits, redemptions, refunds, adjustments), newest first.
import { Text, View } from '@tarojs/components'
import type { LedgerItem } from '@contract/schemas/points'
import { LEDGER_KIND_LABELS } from '@contract/schemas/points.labels'
import { PageHeader } from '@/components/PageHeader'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { signed } from '../../volunteer/format'
import './index.css'

function Entry({ e }: { e: LedgerItem }) {
  return (
    <View className="points-ledger__row">
      <View className="points-ledger__text">
        <Text className="points-ledger__reason">{e.reason}</Text>
        <Text className="points-ledger__meta">
          {LEDGER_KIND_LABELS[e.kind]} · {formatDateTime(e.at)} · 余额 {e.balanceAfter}
        </Text>
      </View>
      <Text className={e.amount >= 0 ? 'points-ledger__amount points-ledger__amount--in' : 'points-ledger__amount'}>
        {signed(e.amount)}
      </Text>
    </View>
  )
}

function Ledger() {
  const balance = useRemote(() => call('points', 'balance'))
  const paged = usePaged((cursor) => call('points', 'ledger', { cursor, limit: 20 }))
  const b = balance.data
  return (
    <>
      <PageHeader title={b ? `${b.balance} 积分` : '积分明细'} subtitle={b ? `累计获得 ${b.earned}，已兑换 ${b.spent}` : '正在加载…'} />
      <PagedList
        paged={paged}
        itemKey={(e) => e.id}
        renderItem={(e) => <Entry e={e} />}
        emptyTitle="还没有积分记录"
        emptyDescription="参加志愿活动签到签退后即可获得积分"
      />
    </>
  )
}

export default function LedgerPage() {
  return (
    <PageShell className="points-ledger">
      <Ledger />
    </PageShell>
  )
}
