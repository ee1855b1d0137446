// The 15-minute life circle in the h5 build against the seeded demo district: a resident (王秀英) shares
// her location, sees what is near with distances and walking minutes, switches tier and category and opens
// a facility; then, with location refused, she picks her community and still gets results.
import type { Locator } from 'playwright-core'
import { agreePrivacyIfAsked, button, currentPage, signInFresh } from './support/app'
import { waitForList } from './support/lifeCircle'
import { useHarness, type Harness } from './support/harness'

jest.setTimeout(180_000)

let h: Harness
const screen = (): Locator => currentPage(h.page)
/** Inside 青枫社区, the resident's community in the demo district. */
const AT_HOME = { latitude: 31.3312, longitude: 118.3575 }

useHarness('e2e-lifecircle-last-screen', async (started) => {
  h = started
  await h.context.setGeolocation(AT_HOME)
})

describe('the 15-minute life circle', () => {
  it('a resident who shares her location sees nearby facilities, nearest first, with distance and walking minutes', async () => {
    await signInFresh(h, '王秀英')
    await screen().getByText('15分钟社区生活圈').waitFor()
    await button(h.page, '使用我的位置').click()
    await agreePrivacyIfAsked(h.page, screen().locator('.life-circle-item, .life-circle__notice'))
    await screen().getByText('从我的当前位置查找').waitFor()
    const rows = await waitForList(h.page, (r) => r.length > 3)
    expect(rows.every((r) => r.meters <= 1000 && r.minutes <= 15)).toBe(true)
    const meters = rows.map((r) => r.meters)
    expect(meters).toEqual([...meters].sort((a, b) => a - b))
  })

  it('switches to the 5-minute circle and one category', async () => {
    await screen()
      .locator('.life-circle-tiers__tab')
      .filter({ hasText: /^5分钟/ })
      .click()
    await screen().getByText('约300米').waitFor()
    await waitForList(h.page, (r) => r.every((x) => x.meters <= 300 && x.minutes <= 5))

    await screen()
      .locator('.life-circle-tiers__tab')
      .filter({ hasText: /^15分钟/ })
      .click()
    await screen().locator('.life-circle-chips__chip').filter({ hasText: '便利店' }).click()
    const shops = await waitForList(h.page, (r) => r.every((x) => x.category === '便利店'))
    expect(shops.length).toBeGreaterThan(0)
  })

  it('opens a facility with its hours, a call button and navigation', async () => {
    const first = screen().locator('.life-circle-item').first()
    const name = (await first.locator('.life-circle-item__name').textContent()) ?? ''
    await first.click()
    await screen().locator('.facility__name').filter({ hasText: name }).waitFor()
    await screen().getByText('开放时间').waitFor()
    await screen()
      .getByText(/^距您 \d+(\.\d)?(米|公里)内? · 步行约\d+分钟$/)
      .waitFor()
    await button(h.page, '拨打电话').waitFor()
    // The browser has no WeChat map: 导航前往 opens the drawn map with a hand-off link (issue 19, defect 8).
    await button(h.page, '导航前往').click()
    const map = screen().locator('svg.llt-map')
    await map.waitFor()
    const link = screen().getByText('用高德地图导航前往')
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=118\.\d+%2C31\.\d+&name=/)
    await h.screenshot('e2e-lifecircle-navigation-map')
    await h.page.goBack()
    await h.page.goBack()
  })

  it('shows the facilities on a drawn map with the 5/10/15-minute rings; a marker opens its facility', async () => {
    await screen().locator('.life-circle__toggle').filter({ hasText: '看地图' }).click()
    const map = screen().locator('svg.llt-map')
    await map.waitFor()
    expect(await map.locator('.llt-map__ring').count()).toBe(3)
    const marker = map.locator('.llt-map__marker').first()
    const label = (await marker.getAttribute('aria-label')) ?? ''
    await h.screenshot('e2e-lifecircle-map')
    await marker.click()
    await screen()
      .locator('.facility__name')
      .filter({ hasText: label.split(' · ')[0] })
      .waitFor()
    await h.page.goBack()
  })

  it('a resident who refuses location picks her community and still gets results', async () => {
    await h.context.clearPermissions()
    await signInFresh(h, '王秀英')
    await button(h.page, '使用我的位置').click()
    await agreePrivacyIfAsked(h.page, screen().locator('.life-circle-item, .life-circle__notice'))
    await screen().getByText('没有获取到您的位置').waitFor()
    await button(h.page, '选择社区/小区').click()

    await screen().getByText('从青枫社区中心查找').click()
    await screen().getByText('从青枫社区（中心位置）查找').waitFor()
    await screen().getByText('未使用您的定位，距离按所选位置的中心计算。').waitFor()
    const rows = await waitForList(h.page, (r) => r.length > 3)
    expect(rows.every((r) => r.meters <= 1000)).toBe(true)
    await h.screenshot('e2e-lifecircle-picked-community')
  })
})
