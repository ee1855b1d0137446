// The h5 build in Chromium against the seeded local cloud: demo login, the four tabs, elder mode,
// and the privacy consent asked once. One person's journey, so the tests run in order.
import type { CommunityOption } from '@contract'
import type { Locator } from 'playwright-core'
import { button, currentPage, openTab, rootFontSize, settledPage, signInAs } from './support/app'
import { useHarness, type Harness } from './support/harness'

jest.setTimeout(120_000)

let h: Harness

useHarness('e2e-last-screen', (started) => {
  h = started
})

const privacyPopup = (): Locator => h.page.locator('.llt-privacy:visible')

/** The locate button is enabled once the communities are in (the picker no longer says 正在加载…). */
async function locateButton(): Promise<Locator> {
  await currentPage(h.page).locator('.llt-community-picker__value').filter({ hasNotText: '正在加载' }).waitFor()
  return button(h.page, '按我的位置选择')
}

/** Two communities other than the resident's own, so that each "locate me" visibly moves her. */
async function twoOtherCommunities(): Promise<[CommunityOption, CommunityOption]> {
  const answer = await h.cloud.call('user', 'communities', {}, 'demo-resident')
  const others = (answer.data as CommunityOption[]).filter((c) => c.id !== 'cm01')
  return [others[0], others[1]]
}

/** Taps 按我的位置选择 standing at `community`'s centre. */
async function locateAt(community: CommunityOption): Promise<void> {
  await h.context.setGeolocation({ latitude: community.center.lat, longitude: community.center.lng })
  await (await locateButton()).click()
}

/** The picker shows `community`: the locate finished (a privacy question would have held it up). */
const pickerShows = (community: CommunityOption) =>
  currentPage(h.page)
    .locator('.llt-community-picker__value')
    .filter({ hasText: new RegExp(`^${community.name}$`) })
    .waitFor()

describe('邻里通 h5', () => {
  it('sends a visitor without a demo identity to the demo login, grouped by role', async () => {
    await h.open()
    await h.page.getByText('选择一个身份进入', { exact: false }).waitFor()
    const groups = await currentPage(h.page).locator('.llt-section__title').allTextContents()
    expect(groups).toEqual(expect.arrayContaining(['居民', '志愿者', '在职党员', '社区工作者', '街道管理员']))
    expect(groups.indexOf('居民')).toBeLessThan(groups.indexOf('社区工作者'))
  })

  it('signs in as a resident and lands on 生活圈', async () => {
    await signInAs(h.page, '王秀英')
    await h.page.waitForURL(/#\/pages\/lifeCircle\/index/)
    await currentPage(h.page).getByText('生活圈').first().waitFor()
    expect(await h.page.evaluate(() => localStorage.getItem('llt.openid'))).toContain('demo-resident')
  })

  it('renders the four tabs', async () => {
    const tabs = [
      ['心愿', '心愿'],
      ['志愿', '志愿'],
      ['我的', '王秀英'],
      ['生活圈', '生活圈']
    ] as const
    for (const [tab, text] of tabs) {
      // openTab returns once the switch has finished: assertions during the transition would see two pages.
      await openTab(h.page, tab)
      await (await settledPage(h.page)).getByText(text).first().waitFor()
      expect(await currentPage(h.page).count()).toBe(1)
    }
  })

  it('我的 shows roles and no staff workbench for a resident', async () => {
    await openTab(h.page, '我的')
    const mine = currentPage(h.page)
    await mine.getByText('居民', { exact: true }).waitFor()
    await mine.getByText('长辈模式', { exact: true }).waitFor()
    expect(await mine.getByText('社区工作台').count()).toBe(0)
  })

  it('elder mode makes the type at least 1.25× larger, and is remembered after a reload', async () => {
    // Relative to <html>'s rem size, which Taro sets from the width (a scroll bar appearing changes it).
    const relativeSize = async () =>
      (await rootFontSize(h.page)) / (await h.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)))
    await openTab(h.page, '我的')
    const before = await relativeSize()
    await currentPage(h.page).locator('.llt-elder-switch').click()
    await currentPage(h.page).and(h.page.locator('.llt-elder')).waitFor()
    const after = await relativeSize()
    expect(after / before).toBeGreaterThanOrEqual(1.24)

    await h.page.reload()
    await currentPage(h.page).and(h.page.locator('.llt-elder')).waitFor()
    expect(await relativeSize()).toBeCloseTo(after, 2)

    await currentPage(h.page).locator('.llt-elder-switch').click()
    await h.page.locator('.llt-page:visible:not(.llt-elder)').waitFor()
    expect(await relativeSize()).toBeCloseTo(before, 2)
  })

  it('asks for privacy consent once: at the first privacy-scoped action, not again, not after a reload', async () => {
    await h.open('pages/mine/index')
    await currentPage(h.page).getByText('长辈模式').first().waitFor()
    expect(await privacyPopup().count()).toBe(0) // never at start-up

    const [first, second] = await twoOtherCommunities()
    await locateAt(first)
    await privacyPopup().getByText('用户隐私保护提示').waitFor()
    await privacyPopup().locator('.llt-privacy__button--agree').click()
    await privacyPopup().waitFor({ state: 'detached' })
    await pickerShows(first)

    const me = await h.cloud.call('user', 'me', {}, 'demo-resident')
    expect(me).toMatchObject({ ok: true, data: { needsConsent: false } })

    await locateAt(second)
    await pickerShows(second)
    expect(await privacyPopup().count()).toBe(0)

    await h.page.reload()
    await currentPage(h.page).getByText('长辈模式').first().waitFor()
    await locateAt(first)
    await pickerShows(first)
    expect(await privacyPopup().count()).toBe(0)
  })
})
