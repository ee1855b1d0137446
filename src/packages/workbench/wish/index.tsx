// The staff review queue for wishes: what waits (to review, to confirm for 代录 wishes), everything else
// by status, and the community's wish figures (办结率, time to claim and fulfil, satisfaction).
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { WishStatus } from '@contract/enums'
import type { WishStats } from '@contract/schemas/wish'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { Chips, type Chip } from '@/components/Chips'
import { openPostForm } from '../../../pages/wish/navigation'
import { ReviewItem } from './ReviewItem'
import './index.css'

const QUEUES: Chip<WishStatus>[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'fulfilled', label: '待确认' },
  { value: 'claimed', label: '认领中' },
  { value: 'published', label: '待认领' },
  { value: 'confirmed', label: '已完成' },
  { value: 'rejected', label: '已驳回' },
  { value: 'withdrawn', label: '已撤回' }
]

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`)
const hours = (h: number | null) => (h === null ? '—' : h < 48 ? `${h}小时` : `${Math.round((h / 24) * 10) / 10}天`)

export function StatsBoard({ stats }: { stats: WishStats }) {
  const figures = [
    { label: '办结率', value: percent(stats.completionRate) },
    { label: '认领率', value: percent(stats.claimRate) },
    { label: '认领用时（中位）', value: hours(stats.medianHoursToClaim) },
    { label: '实现用时（中位）', value: hours(stats.medianHoursToFulfil) },
    { label: '满意度', value: stats.averageRating === null ? '—' : `${stats.averageRating}分` },
    { label: '公开心愿', value: String(stats.total) }
  ]
  return (
    <View className="wish-stats">
      {figures.map((f) => (
        <View key={f.label} className="wish-stats__figure">
          <Text className="wish-stats__value">{f.value}</Text>
          <Text className="wish-stats__label">{f.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** The queue a link asked for (`?status=claimed` from 认领超期未实现), else 待审核. */
const queueOf = (asked: string | undefined): WishStatus => QUEUES.find((q) => q.value === asked)?.value ?? 'submitted'

function ReviewQueue({ communityId }: { communityId: string }) {
  const { params } = useRouter()
  const [status, setStatus] = useState<WishStatus>(() => queueOf(params.status))
  const stats = useRemote(() => call('wish', 'stats', { communityId }), [communityId])
  const paged = usePaged((cursor) => call('wish', 'reviewQueue', { communityId, status, cursor, limit: 10 }), [communityId, status])
  const reload = () => {
    void paged.refresh().catch(() => undefined)
    void stats.refresh()
  }
  return (
    <View className="wish-review">
      <Section title="心愿数据" extra={<Text className="llt-text-secondary">{stats.data ? `评价${stats.data.ratings}条` : ''}</Text>}>
        {stats.data ? (
          <StatsBoard stats={stats.data} />
        ) : (
          <StateView state={stats.error ? 'error' : 'loading'} error={stats.error} onRetry={() => void stats.refresh()} />
        )}
      </Section>
      <Section>
        <Chips scroll label="心愿状态" options={QUEUES} value={status} onChange={setStatus} />
        <View className="llt-actions">
          <BigButton fill="outline" onClick={openPostForm}>
            代录心愿
          </BigButton>
        </View>
      </Section>
      <PagedList
        paged={paged}
        itemKey={(w) => w.id}
        renderItem={(w) => <ReviewItem wish={w} onDone={reload} />}
        emptyTitle={status === 'submitted' ? '没有待审核的心愿' : '暂无心愿'}
      />
    </View>
  )
}

function WishWorkbench() {
  const me = useSignedIn()
  const communityId = me.roles.find((r) => r.role === 'staff')?.communityId
  if (!communityId) return <StateView state="empty" title="心愿审核仅对社区工作人员开放" fullPage />
  return <ReviewQueue communityId={communityId} />
}

export default function WishReviewPage() {
  return (
    <PageShell>
      <WishWorkbench />
    </PageShell>
  )
}
