// 附近的问题: public reports around the person — from their location (asked on tap, behind the privacy
// consent) or a compound they pick — on a map and as a list, nearest first, with each one's status. Never
// who reported them (the server sends only what the public may see). Tap one to follow its progress.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { REPORT_NEARBY_LIMITS, type ReportCard } from '@contract/schemas/report'
import { Chips, type Chip } from '@/components/Chips'
import { PlaceMap } from '@/components/PlaceMap'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { useRefreshOnChange } from '@/services/changes'
import { call, showError } from '@/services/cloud'
import { formatDistance } from '@/utils/distance'
import { ReportItem } from '../components/ReportItem'
import { SpotPicker, type Spot } from '../components/SpotPicker'
import { statusLabel } from '../format'
import { openReport } from '../navigation'
import './index.css'

type Status = 'open' | 'closed' | 'all'

const STATUS: Chip<Status>[] = [
  { value: 'open', label: '办理中' },
  { value: 'closed', label: '已办结' },
  { value: 'all', label: '全部' }
]
const RADII: Chip<number>[] = [500, 1000, 3000].map((r) => ({ value: r, label: `${formatDistance(r)}内` }))
const STEP = 20

function Results({ spot }: { spot: Spot }) {
  const [status, setStatus] = useState<Status>('open')
  const [radius, setRadius] = useState<number>(REPORT_NEARBY_LIMITS.radius.default)
  const [limit, setLimit] = useState(STEP)
  const [view, setView] = useState<'list' | 'map'>('list')
  const { lat, lng } = spot.location
  const nearby = useRemote(
    () => call('report', 'nearby', { location: { lat, lng }, radius, status, limit }),
    [lat, lng, radius, status, limit]
  )
  useRefreshOnChange(() => void nearby.refresh())
  usePullDownRefresh(() => {
    nearby
      .refresh()
      .catch(showError)
      .finally(() => void Taro.stopPullDownRefresh())
  })
  const items: ReportCard[] = nearby.data?.items ?? []

  let list
  if (!nearby.data) {
    list = nearby.error ? (
      <StateView state="error" error={nearby.error} onRetry={() => void nearby.refresh()} />
    ) : (
      <StateView state="loading" />
    )
  } else if (!items.length) {
    list = (
      <StateView
        state="empty"
        title={`${formatDistance(radius)}内没有${status === 'closed' ? '已办结的' : status === 'open' ? '正在办理的' : ''}公开问题`}
        description="看到问题，可以随手拍告诉社区"
      />
    )
  } else {
    const more = items.length >= limit && limit < REPORT_NEARBY_LIMITS.limit.max
    list = (
      <View className="llt-paged">
        {items.map((r) => (
          <View key={r.id} className="llt-paged__item">
            <ReportItem report={r} onOpen={openReport} />
          </View>
        ))}
        {more ? (
          <View
            className="llt-paged__footer llt-paged__footer--action"
            onClick={() => setLimit(Math.min(REPORT_NEARBY_LIMITS.limit.max, limit + STEP))}
          >
            {nearby.loading ? '正在加载更多…' : '加载更多'}
          </View>
        ) : (
          <View className="llt-paged__footer">没有更多了</View>
        )}
      </View>
    )
  }

  return (
    <>
      <Section>
        <Chips label="办理状态" options={STATUS} value={status} onChange={setStatus} />
        <View className="report-nearby__row">
          <Chips label="范围" options={RADII} value={radius} onChange={setRadius} />
          <View className="report-nearby__toggle" role="button" onClick={() => setView(view === 'list' ? 'map' : 'list')}>
            {view === 'list' ? '看地图' : '收起地图'}
          </View>
        </View>
      </Section>
      {view === 'map' && (
        <Section>
          <PlaceMap
            title="附近的问题地图"
            center={spot.location}
            centerLabel={spot.kind === 'located' ? '您的位置' : '所选位置'}
            markers={items.map((r) => ({
              id: r.id,
              location: r.location,
              label: `${r.categoryName} · ${statusLabel(r.status)}${r.overdue ? ' · 超期' : ''}`,
              glyph: r.categoryName.slice(0, 1),
              tone: r.status === 'closed' ? 'covered' : 'gap'
            }))}
            onMarker={(m) => openReport({ id: m.id })}
            showMyLocation={spot.kind === 'located'}
          />
        </Section>
      )}
      {list}
    </>
  )
}

function Nearby() {
  const me = useSignedIn()
  const [spot, setSpot] = useState<Spot | null>(null)
  return (
    <View className="report-nearby">
      <Section title="附近的问题">
        <Text className="llt-text-secondary">居民公开反映的问题和办理进度；不会显示反映人。</Text>
        <SpotPicker value={spot} onChange={setSpot} communityId={me.communityId} />
      </Section>
      {spot ? <Results spot={spot} /> : <StateView state="empty" title="定位或选择小区后查看附近的问题" />}
    </View>
  )
}

export default function NearbyReportsPage() {
  return (
    <PageShell>
      <Nearby />
    </PageShell>
  )
}
