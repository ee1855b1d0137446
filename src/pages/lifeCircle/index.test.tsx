import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { FacilitySummary, NearbyPage } from '@contract/schemas/lifeCircle'
import { callsOf, makeMe, ok, stubFetch, type Recorded } from '../../../test/components/fetch-stub'
import { taroTest } from '../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import CirclePage from '.'

const facility = (id: string, distance: number, over: Partial<FacilitySummary> = {}): FacilitySummary => ({
  id,
  name: `设施${id}`,
  category: 'canteen',
  address: '青枫路18号',
  phone: '0553-2123456',
  location: { lat: 31.335, lng: 118.375 },
  distance,
  walkMinutes: Math.max(1, Math.ceil((distance * 1.2) / 80)),
  open: true,
  openLabel: '营业中 · 至18:30',
  ...over
})

const CATEGORIES = ok({
  categories: [],
  tiers: [
    { minutes: 5, radius: 300 },
    { minutes: 10, radius: 500 },
    { minutes: 15, radius: 1000 }
  ]
})

function answer(req: Recorded) {
  if (req.body.action === 'categories') return CATEGORIES
  const page: NearbyPage = {
    items: [facility('a', 120), facility('b', 460, { open: false, openLabel: '休息中 · 明天08:00开门', category: 'pharmacy' })],
    nextCursor: null,
    minutes: req.body.data.minutes,
    radius: 1000
  }
  return ok(page)
}

function renderPage() {
  render(
    <MeProvider initialMe={makeMe({ needsConsent: false, communityId: 'cm01' })}>
      <CirclePage />
    </MeProvider>
  )
}

const realGetLocation = Taro.getLocation
beforeEach(() => resetSession())
afterEach(() => {
  Taro.getLocation = realGetLocation
})

describe('生活圈 tab', () => {
  it('asks for nothing until the resident taps, then lists what is near with distance and walk', async () => {
    const calls = stubFetch(answer)
    renderPage()
    expect(screen.getByText('使用我的位置')).toBeTruthy()
    expect(callsOf(calls, 'lifeCircle', 'nearby')).toHaveLength(0)

    fireEvent.click(screen.getByText('使用我的位置'))
    await screen.findByText('设施a')
    expect(screen.getByText('120米 · 步行约2分钟')).toBeTruthy()
    expect(screen.getByText('休息中 · 明天08:00开门')).toBeTruthy()
    expect(screen.getByText('从我的当前位置查找')).toBeTruthy()
    expect(callsOf(calls, 'lifeCircle', 'nearby')[0].body.data).toMatchObject({
      location: { lat: 31.3526, lng: 118.4331 },
      minutes: 15,
      openNow: false
    })
  })

  it('switches tier, category and open-now, and opens the detail with the origin', async () => {
    const calls = stubFetch(answer)
    renderPage()
    fireEvent.click(screen.getByText('使用我的位置'))
    await screen.findByText('设施a')

    fireEvent.click(screen.getByText('5分钟'))
    await waitFor(() => expect(callsOf(calls, 'lifeCircle', 'nearby').at(-1)!.body.data.minutes).toBe(5))
    expect(screen.getByText('约300米')).toBeTruthy()

    fireEvent.click(screen.getByText('老年助餐点'))
    await waitFor(() => expect(callsOf(calls, 'lifeCircle', 'nearby').at(-1)!.body.data.categories).toEqual(['canteen']))

    fireEvent.click(screen.getByText('只看营业中'))
    await waitFor(() => expect(callsOf(calls, 'lifeCircle', 'nearby').at(-1)!.body.data.openNow).toBe(true))

    fireEvent.change(screen.getByPlaceholderText('搜索名称或服务，如“助餐”'), { target: { value: '助浴' } })
    fireEvent.click(screen.getByText('搜索'))
    await waitFor(() => expect(callsOf(calls, 'lifeCircle', 'search').at(-1)!.body.data).toMatchObject({ keyword: '助浴', minutes: 5 }))

    fireEvent.click(await screen.findByText('设施a'))
    expect(taroTest.navigations.at(-1)).toEqual({
      kind: 'navigateTo',
      url: '/packages/lifeCircle/detail/index?id=a&lat=31.3526&lng=118.4331'
    })
  })

  it('shows the places on a drawn map in the browser: rings per walk, a tap on a marker opens it (issue 19)', async () => {
    stubFetch(answer)
    renderPage()
    fireEvent.click(screen.getByText('使用我的位置'))
    await screen.findByText('设施a')
    fireEvent.click(screen.getByText('看地图'))
    const map = screen.getByRole('img', { name: '15分钟生活圈设施地图' })
    expect(map.tagName.toLowerCase()).toBe('svg')
    expect(map.querySelectorAll('.llt-map__ring')).toHaveLength(3)
    expect(screen.getByText('您的位置')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '设施b · 步行7分钟' }))
    expect(taroTest.navigations.at(-1)).toEqual({
      kind: 'navigateTo',
      url: '/packages/lifeCircle/detail/index?id=b&lat=31.3526&lng=118.4331'
    })
    fireEvent.click(screen.getByText('收起地图'))
    expect(screen.queryByRole('img', { name: '15分钟生活圈设施地图' })).toBeNull()
  })

  it('when location is refused, says so and offers the community picker', async () => {
    Taro.getLocation = (async () => {
      throw new Error('getLocation:fail auth deny')
    }) as typeof Taro.getLocation
    const calls = stubFetch(answer)
    renderPage()
    fireEvent.click(screen.getByText('使用我的位置'))
    await screen.findByText('没有获取到您的位置')
    expect(callsOf(calls, 'lifeCircle', 'nearby')).toHaveLength(0)
    fireEvent.click(screen.getByText('选择社区/小区'))
    expect(taroTest.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/lifeCircle/place/index?communityId=cm01' })
  })

  it('searches from a chosen community centre and says the location is not used', async () => {
    taroTest.storage.set('llt.circle.place', {
      kind: 'place',
      point: { lat: 31.331, lng: 118.357 },
      label: '青枫社区',
      communityId: 'cm01',
      chosenAt: 1
    })
    const calls = stubFetch(answer)
    renderPage()
    await screen.findByText('设施a')
    expect(screen.getByText('从青枫社区（中心位置）查找')).toBeTruthy()
    expect(screen.getByText('未使用您的定位，距离按所选位置的中心计算。')).toBeTruthy()
    expect(callsOf(calls, 'lifeCircle', 'nearby')[0].body.data.location).toEqual({ lat: 31.331, lng: 118.357 })
  })

  it('pull-down refresh reloads the list', async () => {
    const calls = stubFetch(answer)
    renderPage()
    fireEvent.click(screen.getByText('使用我的位置'))
    await screen.findByText('设施a')
    const before = callsOf(calls, 'lifeCircle', 'nearby').length
    act(() => taroTest.pullDownRefresh())
    await waitFor(() => expect(callsOf(calls, 'lifeCircle', 'nearby').length).toBe(before + 1))
    await waitFor(() => expect(taroTest.stopPullDownRefreshCalls).toBeGreaterThan(0))
  })
})
