// 商家审核 (staff): applications to the points supermarket from this community; approve, or reject with
// a reason the applicant will read.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MerchantView } from '@contract/schemas/points'
import { MERCHANT_KIND_LABELS, MERCHANT_STATUS_LABELS } from '@contract/schemas/points.labels'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { useAction } from '@/hooks/useAction'
import { usePaged } from '@/hooks/usePaged'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { Table, type TableColumn } from '@/components/Table'
import { call, showError } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { Chips } from '@/components/Chips'
import { ReviewActions } from '../../components/ReviewActions'
import './index.css'

type Filter = 'pending' | 'approved' | 'rejected'
const FILTERS: Array<{ value: Filter; label: string }> = (['pending', 'approved', 'rejected'] as const).map((s) => ({
  value: s,
  label: MERCHANT_STATUS_LABELS[s]
}))

/** Approve, or reject with a reason, an application still pending. */
function Decision({ m, onReviewed }: { m: MerchantView; onReviewed: () => void }) {
  const [reason, setReason] = useState('')
  const review = useAction(async (approve: boolean) => {
    await call('points', 'reviewMerchant', { merchantId: m.id, approve, reason: approve ? undefined : reason })
    void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'none' })
    onReviewed()
  })
  if (m.status !== 'pending') return null
  return (
    <ReviewActions
      running={review.running}
      onDecide={(approve) => void review.run(approve)}
      reason={{ value: reason, placeholder: '驳回时请填写原因', onChange: setReason }}
    />
  )
}

function Application({ m, onReviewed }: { m: MerchantView; onReviewed: () => void }) {
  return (
    <View className="llt-card llt-card--item wb-merchant">
      <Text className="llt-card__title">
        {m.name}（{MERCHANT_KIND_LABELS[m.kind]}）
      </Text>
      <Text className="llt-card__line">
        联系人：{m.contactName} {m.contactPhone}
      </Text>
      <Text className="llt-card__line">地址：{m.address}</Text>
      <Text className="llt-card__line">{m.description}</Text>
      <Text className="llt-card__line">申请时间：{formatDateTime(m.appliedAt)}</Text>
      {m.reason && <Text className="llt-card__line">驳回原因：{m.reason}</Text>}
      <Decision m={m} onReviewed={onReviewed} />
    </View>
  )
}

/** At PC width: the applications as a table, oldest first, filtered by name or contact, the decision last. */
function ApplicationTable({ rows, onReviewed }: { rows: MerchantView[]; onReviewed: () => void }) {
  const columns: Array<TableColumn<MerchantView>> = [
    {
      key: 'name',
      title: '商家',
      value: (m) => m.name,
      render: (m) => (
        <View className="wb-merchant__cell">
          <Text>{m.name}</Text>
          <Text className="llt-text-secondary">{m.description}</Text>
        </View>
      )
    },
    { key: 'kind', title: '类型', value: (m) => MERCHANT_KIND_LABELS[m.kind] },
    { key: 'contact', title: '联系人', value: (m) => `${m.contactName} ${m.contactPhone}` },
    { key: 'address', title: '地址', value: (m) => m.address },
    { key: 'at', title: '申请时间', value: (m) => Date.parse(m.appliedAt), render: (m) => formatDateTime(m.appliedAt) },
    {
      key: 'status',
      title: '状态',
      value: (m) => (m.reason ? `${MERCHANT_STATUS_LABELS[m.status]}：${m.reason}` : MERCHANT_STATUS_LABELS[m.status])
    },
    { key: 'actions', title: '操作', fixed: true, grow: 1.5, value: () => null, render: (m) => <Decision m={m} onReviewed={onReviewed} /> }
  ]
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(m) => m.id}
      initialSort={{ key: 'at', order: 'asc' }}
      filter={{ placeholder: '输入商家名或联系人筛选', text: (m) => `${m.name} ${m.contactName}` }}
    />
  )
}

function Review() {
  const [filter, setFilter] = useState<Filter>('pending')
  const paged = usePaged((cursor) => call('points', 'listMerchants', { status: filter, cursor, limit: 10 }), [filter])
  const desk = useDeskWidth()
  const reviewed = () => void paged.refresh().catch(showError)
  return (
    <>
      <View className="wb-merchant__filters">
        <Chips options={FILTERS} value={filter} onChange={setFilter} />
      </View>
      <PagedList
        paged={paged}
        itemKey={(m) => m.id}
        renderItem={(m) => <Application m={m} onReviewed={reviewed} />}
        renderAll={desk ? (rows) => <ApplicationTable rows={rows} onReviewed={reviewed} /> : undefined}
        emptyTitle="没有需要处理的申请"
      />
    </>
  )
}

export default function MerchantReviewPage() {
  return (
    <PageShell className="wb-merchants">
      <Review />
    </PageShell>
  )
}
