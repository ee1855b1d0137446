// 生活圈 tab: the 15-minute life circle. Facilities within a 5/10/15-minute walk, nearest first, from the
// person's location — asked for only when they tap, behind the privacy consent — or, when they refuse or
// it is unavailable, from the centre of the community or compound they pick (and the screen says so).
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { FACILITY_CATEGORIES, type CircleTier, type FacilityCategory } from '@contract/enums'
import type { CategoriesResult, FacilitySummary } from '@contract/schemas/lifeCircle'
import { BigButton } from '@/components/BigButton'
import { ElderHome } from '@/components/ElderHome'
import { PageHeader } from '@/components/PageHeader'
import { PagedList } from '@/components/PagedList'
import { PlaceMap } from '@/components/PlaceMap'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useMe, useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call, errorMessage } from '@/services/cloud'
import { getLocation } from '@/services/device'
import { CategoryChips } from './components/CategoryChips'
import { FacilityItem } from './components/FacilityItem'
import { TierSwitch } from './components/TierSwitch'
import { originLabel, storedPlace, type Origin } from './origin'
import './index.css'

let categoriesCache: Promise<CategoriesResult> | null = null
const loadCategories = () =>
  (categoriesCache ??= call('lifeCircle', 'categories').catch((e) => {
    categoriesCache = null
    throw e
  }))

const openPicker = (communityId: string | null) => void Taro.navigateTo({ url: pageUrl('lifeCircle', 'place', { communityId }) })

function Results({ origin }: { origin: Origin }) {
  const [minutes, setMinutes] = useState<CircleTier>(15)
  const [category, setCategory] = useState<FacilityCategory | null>(null)
  const [openNow, setOpenNow] = useState(false)
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')
  const [view, setView] = useState<'list' | 'map'>('list')
  const tiers = useRemote(loadCategories, [])
  const { lat, lng } = origin.point

  const paged = usePaged<FacilitySummary>(
    (cursor) => {
      const common = { location: { lat, lng }, minutes, categories: category ? [category] : undefined, openNow, cursor, limit: 20 }
      return keyword ? call('lifeCircle', 'search', { ...common, keyword }) : call('lifeCircle', 'nearby', common)
    },
    [lat, lng, minutes, category, openNow, keyword]
  )
  // The rings up to the chosen walk: 5, 10 and 15 minutes on the 15-minute circle.
  const rings = (tiers.data?.tiers ?? []).filter((t) => t.minutes <= minutes)
  const open = (f: FacilitySummary) => void Taro.navigateTo({ url: pageUrl('lifeCircle', 'detail', { id: f.id, lat, lng }) })

  return (
    <View>
      <Section>
        <TierSwitch value={minutes} tiers={tiers.data?.tiers} onChange={setMinutes} />
        <View className="life-circle__filters">
          <CategoryChips value={category} onChange={setCategory} />
        </View>
        <View className="life-circle__search">
          <Input
            className="life-circle__search-input"
            value={draft}
            placeholder="搜索名称或服务，如“助餐”"
            confirmType="search"
            maxlength={20}
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={() => setKeyword(draft.trim())}
          />
          <View className="life-circle__search-button" role="button" onClick={() => setKeyword(draft.trim())}>
            搜索
          </View>
        </View>
        <View className="life-circle__toggles">
          <View
            role="switch"
            aria-checked={openNow}
            className={`life-circle__toggle${openNow ? ' life-circle__toggle--on' : ''}`}
            onClick={() => setOpenNow(!openNow)}
          >
            {openNow ? '✓ ' : ''}只看营业中
          </View>
          {keyword && (
            <View className="life-circle__toggle life-circle__toggle--on" role="button" onClick={() => (setKeyword(''), setDraft(''))}>
              “{keyword}” ✕
            </View>
          )}
          <View className="life-circle__toggle" role="button" onClick={() => setView(view === 'list' ? 'map' : 'list')}>
            {view === 'list' ? '看地图' : '收起地图'}
          </View>
        </View>
      </Section>
      {view === 'map' && (
        <Section>
          <PlaceMap
            title={`${minutes}分钟生活圈设施地图`}
            center={origin.point}
            centerLabel={origin.kind === 'located' ? '您的位置' : '所选位置'}
            rings={rings}
            markers={paged.items.map((f) => ({
              id: f.id,
              location: f.location,
              label: `${f.name} · 步行${f.walkMinutes}分钟`,
              glyph: FACILITY_CATEGORIES.find((c) => c.id === f.category)?.icon
            }))}
            onMarker={(m) => open(paged.items.find((f) => f.id === m.id)!)}
            showMyLocation={origin.kind === 'located'}
          />
        </Section>
      )}
      <View className="life-circle__list">
        <PagedList
          paged={paged}
          itemKey={(f) => f.id}
          renderItem={(f) => <FacilityItem facility={f} onOpen={open} />}
          emptyTitle={`${minutes}分钟步行范围内没有找到设施`}
          emptyDescription={
            (minutes < 15 ? '试试切换到更大的生活圈，或换个类别' : '试试换个类别或关键词') +
            (origin.kind === 'located' ? '；不在本街道时，请点上方“改为选择社区/小区”' : '')
          }
        />
      </View>
    </View>
  )
}

function OriginBar({
  origin,
  locating,
  onLocate,
  onPick
}: {
  origin: Origin
  locating: boolean
  onLocate: () => void
  onPick: () => void
}) {
  return (
    <Section>
      <View className="life-circle__origin">
        <Text className="life-circle__origin-label">从{originLabel(origin)}查找</Text>
        {origin.kind === 'place' && <Text className="llt-text-secondary">未使用您的定位，距离按所选位置的中心计算。</Text>}
      </View>
      <View className="life-circle__origin-actions">
        {origin.kind === 'place' && (
          <BigButton size="normal" fill="outline" loading={locating} onClick={onLocate}>
            改用我的位置
          </BigButton>
        )}
        <BigButton size="normal" fill="outline" onClick={onPick}>
          {origin.kind === 'place' ? '更换社区/小区' : '改为选择社区/小区'}
        </BigButton>
      </View>
    </Section>
  )
}

/** 随手拍 (pillar 5): a problem seen in the street is reported from here; the problems near me, on a map. */
function ReportStrip() {
  const go = (page: 'post' | 'nearby') => void Taro.navigateTo({ url: pageUrl('report', page) })
  return (
    <View className="life-circle__report">
      <View className="life-circle__report-go" role="button" hoverClass="life-circle__report-go--pressed" onClick={() => go('post')}>
        <Text className="life-circle__report-title">随手拍</Text>
        <Text className="life-circle__report-note">看到问题拍一拍，社区来办理</Text>
      </View>
      <View className="life-circle__report-go" role="button" hoverClass="life-circle__report-go--pressed" onClick={() => go('nearby')}>
        <Text className="life-circle__report-title">附近的问题</Text>
        <Text className="life-circle__report-note">看看身边问题办得怎样</Text>
      </View>
    </View>
  )
}

function CircleHome() {
  const me = useSignedIn()
  const { elderMode } = useMe()
  const [origin, setOrigin] = useState<Origin | null>(() => storedPlace())
  const [locating, setLocating] = useState(false)
  const [locationProblem, setLocationProblem] = useState<string | null>(null)
  const hasOrigin = useRef(origin !== null)
  hasOrigin.current = origin !== null

  // Back from the place page: a newly chosen community or compound replaces the origin.
  const seenPlace = useRef(origin?.kind === 'place' ? origin.chosenAt : 0)
  useDidShow(() => {
    const place = storedPlace()
    if (!place || place.chosenAt === seenPlace.current) return
    seenPlace.current = place.chosenAt
    setOrigin(place)
    setLocationProblem(null)
  })
  // The list handles pull-down refresh once there is an origin; before that there is nothing to refresh.
  usePullDownRefresh(() => {
    if (!hasOrigin.current) void Taro.stopPullDownRefresh()
  })

  const locate = async () => {
    setLocating(true)
    try {
      setOrigin({ kind: 'located', point: await getLocation() })
      setLocationProblem(null)
    } catch (e) {
      setLocationProblem(errorMessage(e))
    } finally {
      setLocating(false)
    }
  }
  const pick = () => openPicker(me.communityId)

  return (
    <View className="life-circle">
      {elderMode && (
        <ElderHome
          onFindService={() => void Taro.pageScrollTo({ selector: '#life-circle-services', duration: 300 }).catch(() => undefined)}
        />
      )}
      <View id="life-circle-services" />
      <PageHeader title="15分钟社区生活圈" subtitle="步行可达的养老、助餐、医疗、买菜等社区服务" />
      <ReportStrip />
      {locationProblem && (
        <Section className="life-circle__notice">
          <Text className="life-circle__notice-title">没有获取到您的位置</Text>
          <Text className="llt-text-secondary">{locationProblem}。您可以选择所在的社区或小区，我们从它的中心位置为您查找。</Text>
          <View className="llt-actions">
            <BigButton block onClick={pick}>
              选择社区/小区
            </BigButton>
          </View>
        </Section>
      )}
      {origin ? (
        <>
          <OriginBar origin={origin} locating={locating} onLocate={() => void locate()} onPick={pick} />
          <Results origin={origin} />
        </>
      ) : (
        !locationProblem && (
          <Section title="找附近的服务">
            <Text className="llt-text-secondary">
              我们需要您的位置，按步行时间由近到远列出附近的设施；位置只用于这次查找，不会保存。也可以不定位，直接选择您所在的社区或小区。
            </Text>
            <View className="llt-actions">
              <BigButton block loading={locating} onClick={() => void locate()}>
                使用我的位置
              </BigButton>
              <BigButton block fill="outline" onClick={pick}>
                选择社区/小区
              </BigButton>
            </View>
          </Section>
        )
      )}
    </View>
  )
}

export default function CirclePage() {
  return (
    <PageShell>
      <CircleHome />
    </PageShell>
  )
}
