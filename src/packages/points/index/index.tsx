// 积分超市: my points, the goods and services on offer in my community (items or services), and the ways
// to my orders, the points board and the merchant centre.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { GOODS_KIND_LABELS, GOODS_KINDS, type GoodsKind } from '@contract/schemas/points.labels'
import { LinkList } from '@/components/LinkList'
import { PageHeader } from '@/components/PageHeader'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { useOnReturn } from '@/hooks/useOnReturn'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { Chips } from '@/components/Chips'
import { GoodsCard } from '../components/GoodsCard'
import './index.css'

type Kind = GoodsKind | 'all'
const KIND_CHIPS: Array<{ value: Kind; label: string }> = [
  { value: 'all', label: '全部' },
  ...GOODS_KINDS.map((k) => ({ value: k, label: GOODS_KIND_LABELS[k] }))
]

function Mall() {
  const me = useSignedIn()
  const isVolunteer = me.roles.some((r) => r.role === 'volunteer')
  const [kind, setKind] = useState<Kind>('all')
  const balance = useRemote(() => call('points', 'balance'))
  useOnReturn(() => void balance.refresh())
  const paged = usePaged((cursor) => call('points', 'listGoods', { kind: kind === 'all' ? undefined : kind, cursor, limit: 10 }), [kind])
  return (
    <>
      <PageHeader title="积分超市" subtitle={me.communityName ? `${me.communityName}的商家和达人` : '志愿积分兑换生活用品和服务'}>
        <View className="points-home__balance" onClick={() => navigate(pageUrl('points', 'ledger'))}>
          <Text className="points-home__label">可用积分</Text>
          <Text className="points-home__value">{balance.data ? balance.data.balance : '—'}</Text>
          <Text className="points-home__label">明细 ›</Text>
        </View>
      </PageHeader>
      {!isVolunteer && (
        <Section>
          <Text className="llt-text-secondary">积分由参加志愿活动获得，登记成为志愿者后即可兑换。</Text>
        </Section>
      )}
      <Section>
        <LinkList
          items={[
            { title: '我的兑换', description: '取货码、取消兑换', url: pageUrl('points', 'orders') },
            { title: '积分榜', description: '本社区志愿者积分排名', url: pageUrl('points', 'board') },
            { title: '商家中心', description: '商家入驻、上架商品、扫码核销', url: pageUrl('points', 'merchant') }
          ]}
        />
      </Section>
      <View className="points-home__kinds">
        <Chips options={KIND_CHIPS} value={kind} onChange={setKind} />
      </View>
      <PagedList
        paged={paged}
        itemKey={(g) => g.id}
        renderItem={(g) => <GoodsCard goods={g} url={pageUrl('points', 'goods', { id: g.id })} />}
        emptyTitle="暂时没有可兑换的商品"
        emptyDescription="商家上架后会显示在这里"
      />
    </>
  )
}

export default function MallPage() {
  return (
    <PageShell className="points-home">
      <Mall />
    </PageShell>
  )
}
