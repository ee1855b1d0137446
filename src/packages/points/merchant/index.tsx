// 商家中心: apply to join the supermarket, see the review, and once approved list goods, scan pickup codes
// and see the shop's orders.
import { Text, View } from '@tarojs/components'
import type { MerchantView } from '@contract/schemas/points'
import { MERCHANT_KIND_LABELS, MERCHANT_STATUS_LABELS } from '@contract/schemas/points.labels'
import { BigButton } from '@/components/BigButton'
import { LinkList } from '@/components/LinkList'
import { PageHeader } from '@/components/PageHeader'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { useOnReturn } from '@/hooks/useOnReturn'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { GoodsCard } from '../components/GoodsCard'

function Shop({ m }: { m: MerchantView }) {
  const goods = usePaged((cursor) => call('points', 'listGoods', { merchantId: m.id, cursor, limit: 10 }), [m.id])
  useOnReturn(() => void goods.refresh().catch(() => undefined))
  return (
    <>
      <PageHeader title={m.name} subtitle={`${MERCHANT_KIND_LABELS[m.kind]} · ${m.communityName}`} />
      <Section>
        <LinkList
          items={[
            {
              title: '扫码核销',
              description: '扫顾客的取货二维码，或输入6位取货码',
              url: pageUrl('points', 'pickup', { merchantId: m.id })
            },
            {
              title: '上架新商品',
              description: '实物或服务，设置积分、库存和每人限兑',
              url: pageUrl('points', 'goodsEdit', { merchantId: m.id })
            }
          ]}
        />
      </Section>
      <Section title="我的商品" />
      <PagedList
        paged={goods}
        itemKey={(g) => g.id}
        renderItem={(g) => <GoodsCard goods={g} url={pageUrl('points', 'goodsEdit', { merchantId: m.id, goodsId: g.id })} />}
        emptyTitle="还没有上架商品"
      />
    </>
  )
}

function Application({ m }: { m: MerchantView | null }) {
  return (
    <>
      <PageHeader title="商家入驻" subtitle="商户捐赠商品、达人提供服务，志愿者用积分兑换" />
      <Section>
        {m ? (
          <View>
            <Text className="llt-field__label">
              「{m.name}」{MERCHANT_STATUS_LABELS[m.status]}
            </Text>
            {m.status === 'pending' && <Text className="llt-text-secondary">社区工作人员审核后会通知您。</Text>}
            {m.reason && <Text className="llt-text-secondary">原因：{m.reason}</Text>}
          </View>
        ) : (
          <Text className="llt-text-secondary">理发、家电维修、辅导等手艺人也可以作为“达人”入驻。</Text>
        )}
        {(!m || m.status === 'rejected') && (
          <View className="llt-actions">
            <BigButton block onClick={() => navigate(pageUrl('points', 'merchantApply'))}>
              {m ? '重新申请' : '申请入驻'}
            </BigButton>
          </View>
        )}
      </Section>
    </>
  )
}

function MerchantCenter() {
  const mine = useRemote(() => call('points', 'myMerchant'))
  useOnReturn(() => void mine.refresh())
  if (mine.data === undefined)
    return mine.error ? (
      <StateView state="error" error={mine.error} onRetry={() => void mine.refresh()} fullPage />
    ) : (
      <StateView state="loading" fullPage />
    )
  return mine.data?.status === 'approved' ? <Shop m={mine.data} /> : <Application m={mine.data} />
}

export default function MerchantCenterPage() {
  return (
    <PageShell className="points-merchant">
      <MerchantCenter />
    </PageShell>
  )
}
