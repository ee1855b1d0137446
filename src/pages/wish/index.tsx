// 心愿 tab: the wish wall. Published wishes, newest or nearest first, by category and community, paged
// with pull-down refresh. Only public fields reach this page (masked names, no phone or address).
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { WISH_CATEGORIES, WISH_CATEGORY_LABELS, type PublicWishStatus, type WishCategory } from '@contract/enums'
import { BigButton } from '@/components/BigButton'
import { PageHeader } from '@/components/PageHeader'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { call, errorMessage } from '@/services/cloud'
import { getLocation, type LatLng } from '@/services/device'
import { Chips, type Chip } from '@/components/Chips'
import { WishCard } from './components/WishCard'
import { openMyWishes, openPostForm, openWish } from './navigation'
import './index.css'

type Sort = 'newest' | 'nearest'
type Scope = 'community' | 'street'

const CATEGORY_CHIPS: Chip<WishCategory | null>[] = [
  { value: null, label: '全部' },
  ...WISH_CATEGORIES.map((c) => ({ value: c, label: WISH_CATEGORY_LABELS[c] }))
]
const STATUS_CHIPS: Chip<PublicWishStatus>[] = [
  { value: 'published', label: '待认领' },
  { value: 'claimed', label: '认领中' },
  { value: 'confirmed', label: '已完成' }
]
const SORT_CHIPS: Chip<Sort>[] = [
  { value: 'newest', label: '最新发布' },
  { value: 'nearest', label: '离我最近' }
]

function WishWall() {
  const me = useSignedIn()
  const [category, setCategory] = useState<WishCategory | null>(null)
  const [status, setStatus] = useState<PublicWishStatus>('published')
  const [sort, setSort] = useState<Sort>('newest')
  const [scope, setScope] = useState<Scope>(me.communityId ? 'community' : 'street')
  const [here, setHere] = useState<LatLng | null>(null)
  const [locating, setLocating] = useState(false)
  const [locationProblem, setLocationProblem] = useState<string | null>(null)

  const communityId = scope === 'community' ? (me.communityId ?? undefined) : undefined
  const nearest = sort === 'nearest' && here !== null
  const paged = usePaged(
    (cursor) =>
      call('wish', 'wall', {
        communityId,
        category: category ?? undefined,
        status,
        sort: nearest ? 'nearest' : 'newest',
        location: here ?? undefined,
        cursor,
        limit: 10
      }),
    [communityId, category, status, nearest, here?.lat, here?.lng]
  )

  const chooseSort = async (next: Sort) => {
    setSort(next)
    if (next === 'newest' || here) return
    setLocating(true)
    try {
      setHere(await getLocation())
      setLocationProblem(null)
    } catch (e) {
      setSort('newest')
      setLocationProblem(`${errorMessage(e)}。已按最新发布排序。`)
    } finally {
      setLocating(false)
    }
  }

  const scopeChips: Chip<Scope>[] = me.communityId
    ? [
        { value: 'community', label: me.communityName ?? '本社区' },
        { value: 'street', label: '全部社区' }
      ]
    : [{ value: 'street', label: '全部社区' }]

  return (
    <View className="wish-wall">
      <PageHeader title="心愿墙" subtitle="每一个小心愿，都有邻里来帮忙">
        <View className="wish-wall__header-actions">
          <BigButton className="wish-wall__post" type="default" onClick={openPostForm}>
            许个心愿
          </BigButton>
          <BigButton className="wish-wall__mine" fill="outline" onClick={openMyWishes}>
            我的心愿
          </BigButton>
        </View>
      </PageHeader>
      <Section className="wish-wall__filters">
        <Chips scroll label="心愿状态" options={STATUS_CHIPS} value={status} onChange={setStatus} />
        <Chips scroll label="心愿类别" options={CATEGORY_CHIPS} value={category} onChange={setCategory} />
        <View className="wish-wall__row">
          <Chips scroll label="范围" options={scopeChips} value={scope} onChange={setScope} />
        </View>
        <Chips scroll label="排序" options={SORT_CHIPS} value={sort} onChange={(s) => void chooseSort(s)} />
        {locating && <Text className="llt-text-secondary">正在获取您的位置…</Text>}
        {locationProblem && <Text className="wish-wall__notice">{locationProblem}</Text>}
        {nearest && <Text className="llt-text-secondary">距离按心愿所在小区或社区计算，不显示具体住址。</Text>}
      </Section>
      <PagedList
        paged={paged}
        itemKey={(w) => w.id}
        renderItem={(w) => <WishCard wish={w} onOpen={openWish} />}
        emptyTitle={status === 'published' ? '暂时没有待认领的心愿' : '这里还没有心愿'}
        emptyDescription="换个类别或范围看看，也可以许下自己的心愿"
      />
    </View>
  )
}

export default function WishPage() {
  return (
    <PageShell>
      <WishWall />
    </PageShell>
  )
}
