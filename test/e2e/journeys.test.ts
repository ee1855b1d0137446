// One journey per role at phone size (390×844) and at a desktop (1280×800): the role's main pages,
// reached as a person would (tabs, 我的 and its role centre first), the title bar's back button on every
// sub-page, a page opened directly going back home, the staff desk and the street table at PC width.
// A screenshot of every step goes to test-results/journeys/<role>-<width>/ (an artefact, not compared);
// any console error or uncaught exception fails the journey. One browser and one cloud for all of them.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Locator } from 'playwright-core'
import { TAB_PAGES } from '../../src/routes'
import { currentPage, eventually, openTab, settledPage } from './support/app'
import { RESULTS_DIR, useHarness, type Harness } from './support/harness'

jest.setTimeout(300_000)

let h: Harness
const problems: string[] = []

useHarness('e2e-journeys-last-screen', (started) => {
  h = started
  h.page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${h.page.url()}: ${message.text()}`)
  })
  h.page.on('pageerror', (error) => problems.push(`${h.page.url()}: ${error.message}`))
})

const WIDTHS = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 800 } }
] as const
type Width = (typeof WIDTHS)[number]

/** Screenshots of one journey, numbered in the order they were taken. */
class Journey {
  private step = 0
  readonly dir: string
  constructor(
    readonly role: string,
    readonly width: Width
  ) {
    this.dir = path.join(RESULTS_DIR, 'journeys', `${role}-${width.name}`)
    mkdirSync(this.dir, { recursive: true })
  }

  /** Once the page slid in (Taro's transitions) and nothing on it is still loading. */
  async shot(name: string): Promise<void> {
    this.step++
    const page = await routeOnScreen()
    await eventually(async () => {
      const sliding = await h.page.evaluate(() => document.getAnimations().filter((a) => a instanceof CSSTransition).length)
      expect(sliding).toBe(0)
      expect(await page.locator('.llt-state--loading').count()).toBe(0)
    })
    await h.page.screenshot({ path: path.join(this.dir, `${String(this.step).padStart(2, '0')}-${name}.png`) })
  }
}

const routeOf = (url: string) => url.split('#/')[1]?.split('?')[0] ?? ''

/**
 * Waits until the page of the URL's route is the one displayed: Taro changes the URL (and openTab's
 * check passes) before it creates a tab page seen for the first time, while the old one still shows.
 */
async function routeOnScreen(): Promise<Locator> {
  await eventually(async () => {
    const shown = await h.page.evaluate(() =>
      Array.from(document.querySelectorAll('.taro_page'))
        .filter((el) => getComputedStyle(el).display !== 'none')
        .map((el) => el.id.split('?')[0])
    )
    expect(shown).toEqual([`/${routeOf(h.page.url())}`])
  })
  return settledPage(h.page)
}

async function waitForRoute(route: string): Promise<Locator> {
  await h.page.waitForURL((url) => routeOf(url.toString()) === route)
  return routeOnScreen()
}

/** Starts a journey signed in as `openid` (as the demo login would leave it) on 我的. */
async function start(openid: string, width: Width): Promise<void> {
  await h.page.setViewportSize(width.viewport)
  if (!h.page.url().startsWith(h.cloud.url)) await h.open()
  await h.page.evaluate((id) => {
    localStorage.clear()
    localStorage.setItem('llt.openid', JSON.stringify({ data: id }))
  }, openid)
  await h.open(TAB_PAGES.mine)
  await (await settledPage(h.page)).locator('.mine__profile').waitFor()
}

/** Taps a row of 我的 or the workbench (LinkList) and waits for its page. */
async function openLink(title: string, route: string): Promise<Locator> {
  await currentPage(h.page).locator('.llt-links__row').filter({ hasText: title }).first().click()
  return waitForRoute(route)
}

/** The title bar's back button; lands on `route`. */
async function back(route: string): Promise<Locator> {
  const page = await settledPage(h.page)
  await page.locator('.llt-navbar__back').click()
  return waitForRoute(route)
}

/** The titles of 我的's sections and the first row under the first one. */
async function mineFirstEntry(): Promise<{ section: string; first: string }> {
  const mine = await settledPage(h.page)
  const section = (await mine.locator('.llt-section__title').first().textContent()) ?? ''
  const first = (await mine.locator('.llt-section').filter({ hasText: section }).locator('.llt-links__title').first().textContent()) ?? ''
  return { section, first }
}

/** The whole width of the page on screen is used without sideways scrolling. */
async function noSidewaysScroll(root: Locator): Promise<void> {
  const overflow = await root.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

const WISH_MINE = 'packages/wish/mine/index'
const WORKBENCH = 'packages/workbench/index/index'

describe.each(WIDTHS)('journeys at $name px', (width) => {
  afterEach(() => {
    const seen = problems.splice(0)
    expect(seen).toEqual([])
  })

  it('resident: the tabs, 我的心愿 and back, a wish to confirm opened directly', async () => {
    const j = new Journey('resident', width)
    await start('demo-resident', width)
    await j.shot('mine')
    for (const [tab, name] of [
      ['生活圈', 'life-circle'],
      ['心愿', 'wish-wall']
    ] as const) {
      await openTab(h.page, tab)
      await j.shot(name)
    }
    if (width.name === '1280') {
      // Phone-sized type and a capped column on a desktop, tab labels readable.
      const page = await settledPage(h.page)
      expect(parseFloat(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize))).toBeLessThanOrEqual(22)
      expect((await page.boundingBox())?.width ?? 0).toBeLessThanOrEqual(600)
      const label = h.page.locator('.weui-tabbar__label').first()
      expect(parseFloat(await label.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(13)
      // The first wish shows above the fold.
      const card = page.locator('.wish-card').first()
      await card.waitFor()
      expect((await card.boundingBox())?.y ?? 9999).toBeLessThan(800)
    }
    await openTab(h.page, '我的')
    await openLink('我的心愿', WISH_MINE)
    await j.shot('my-wishes')
    await back(TAB_PAGES.mine)

    // The wish waiting for her thanks, opened directly: it loads, and "back" goes home.
    const fulfilled = h.cloud.store.find('wishes', { submitterId: 'demo-resident', status: 'fulfilled' }) as unknown as Array<{
      _id: string
    }>
    const wishId = fulfilled[0]?._id ?? ''
    if (width.name === '390') {
      expect(wishId).not.toBe('')
      await h.open(`packages/wish/confirm/index?id=${wishId}`)
      const form = await waitForRoute('packages/wish/confirm/index')
      await form.getByText('您满意吗').waitFor()
      await j.shot('confirm-opened-directly')
      await form.locator('textarea').first().fill('谢谢，灯修好了，晚上看得清了。')
      await form.locator('.nut-button').filter({ hasText: '确认收到' }).first().click()
      // Opened directly there is no page to go back to: she lands on the wish, which shows her thanks.
      const detail = await waitForRoute('packages/wish/detail/index')
      await detail.getByText('感谢与评价').waitFor()
      await j.shot('confirmed-wish')
      await back(TAB_PAGES.lifeCircle)
      // 我的心愿 shows it confirmed (a fresh list).
      await openTab(h.page, '我的')
      const mine = await openLink('我的心愿', WISH_MINE)
      await eventually(async () => expect(await mine.locator('.wish-card').filter({ hasText: '待您确认' }).count()).toBe(0))
      await j.shot('my-wishes-after-confirming')
      await back(TAB_PAGES.mine)
    } else {
      await h.open(`packages/wish/mine/index`)
      await waitForRoute(WISH_MINE)
      await j.shot('my-wishes-opened-directly')
      await back(TAB_PAGES.lifeCircle)
      await j.shot('home-after-back')
    }
  })

  it('volunteer: 志愿, 我的活动 and back', async () => {
    const j = new Journey('volunteer', width)
    await start('demo-volunteer', width)
    await j.shot('mine')
    await openTab(h.page, '志愿')
    await j.shot('volunteer-tab')
    await openTab(h.page, '我的')
    await openLink('我的活动', 'packages/volunteer/mine/index')
    await j.shot('my-activities')
    await back(TAB_PAGES.mine)
  })

  it('party member: 心愿, 我的报到 and back', async () => {
    const j = new Journey('member', width)
    await start('demo-member', width)
    await j.shot('mine')
    await openTab(h.page, '心愿')
    await j.shot('wish-wall')
    await openTab(h.page, '我的')
    await openLink('我的报到', 'packages/party/mine/index')
    await j.shot('my-registration')
    await back(TAB_PAGES.mine)
  })

  it('merchant: 商家中心 first in 我的, and back', async () => {
    const j = new Journey('merchant', width)
    await start('demo-merchant', width)
    expect(await mineFirstEntry()).toEqual({ section: '我的工作', first: '商家中心' })
    await j.shot('mine')
    await openLink('商家中心', 'packages/points/merchant/index')
    await j.shot('merchant-centre')
    await back(TAB_PAGES.mine)
  })

  it('unit admin: 单位管理 first in 我的, the unit (not "not registered"), and back', async () => {
    const j = new Journey('unit', width)
    await start('demo-unit', width)
    expect(await mineFirstEntry()).toEqual({ section: '我的工作', first: '单位管理' })
    await j.shot('mine')
    const unit = await openLink('单位管理', 'packages/party/unit/index')
    await unit.locator('.llt-section').first().waitFor()
    expect(await unit.getByText('您还没有到社区报到', { exact: false }).count()).toBe(0)
    await j.shot('unit')
    await back(TAB_PAGES.mine)
  })

  it('staff: 工作台 first in 我的, a review page and back, the dashboard, the desk tables', async () => {
    const j = new Journey('staff', width)
    await start('demo-staff', width)
    expect(await mineFirstEntry()).toEqual({ section: '我的工作', first: '社区工作台' })
    await j.shot('mine')
    const bench = await openLink('社区工作台', WORKBENCH)
    await bench.getByText('待办审核').waitFor()
    await j.shot('workbench')
    const desk = bench.locator('.llt-desknav')
    expect(await desk.isVisible()).toBe(width.name === '1280')
    await openLink('心愿审核', 'packages/workbench/wish/index')
    await j.shot('wish-review')
    await back(WORKBENCH)
    const dashboard = await openLink('数据看板', 'packages/workbench/dashboard/index')
    const boards = dashboard.locator('.wb-dash > .llt-section')
    await boards.first().waitFor()
    await j.shot('dashboard')
    if (width.name === '1280') {
      // Side by side: the first two dashboards start on the same line.
      const [a, b] = [await boards.nth(0).boundingBox(), await boards.nth(1).boundingBox()]
      expect(Math.abs((a?.y ?? 0) - (b?.y ?? 1000))).toBeLessThan(2)
      // The desk navigation moves between workbench pages.
      await dashboard.locator('.llt-desknav__item').filter({ hasText: '活动管理' }).click()
      await waitForRoute('packages/workbench/activity/index')
      await j.shot('desk-nav-activities')
      // Staff lists are wide tables at PC width, the whole table in view.
      for (const [title, route, name] of [
        ['党员考评', 'packages/workbench/party/rate/index', 'desk-party-rate'],
        ['设施管理', 'packages/workbench/facilities/index', 'desk-facilities']
      ] as const) {
        const page = await settledPage(h.page)
        await page.locator('.llt-desknav__item').filter({ hasText: title }).click()
        const list = await waitForRoute(route)
        const table = list.locator('.llt-table')
        await table.locator('[role="row"]').nth(1).waitFor()
        await j.shot(name)
        expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1)
        await noSidewaysScroll(list)
      }
      // The attendance of the activity most people enrolled in, opened directly.
      const enrolled = h.cloud.store.find('enrollments', {}) as unknown as Array<{ activityId: string }>
      const counts = new Map<string, number>()
      for (const e of enrolled) counts.set(e.activityId, (counts.get(e.activityId) ?? 0) + 1)
      const [activityId] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['']
      await h.open(`packages/workbench/activity/attendance/index?id=${activityId}`)
      const attendance = await waitForRoute('packages/workbench/activity/attendance/index')
      const sheet = attendance.locator('.llt-table')
      await sheet.locator('[role="row"]').nth(1).waitFor()
      await j.shot('desk-attendance')
      expect(await sheet.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1)
      await noSidewaysScroll(attendance)
      // Opened directly, it goes back home.
      await back(TAB_PAGES.lifeCircle)
    } else {
      await back(WORKBENCH)
    }
  })

  it('street admin: 街道工作台 without queues, the street table and back', async () => {
    const j = new Journey('street', width)
    await start('demo-street', width)
    expect(await mineFirstEntry()).toEqual({ section: '我的工作', first: '街道工作台' })
    await j.shot('mine')
    const bench = await openLink('街道工作台', WORKBENCH)
    await bench.locator('.llt-header__title').filter({ hasText: '街道工作台' }).waitFor()
    expect(await bench.getByText('待办审核').count()).toBe(0)
    expect(await bench.getByText('社区工作台').count()).toBe(0)
    await j.shot('workbench')
    const street = await openLink('街道对比', 'packages/workbench/street/index')
    const table = street.locator('.llt-table')
    await table.locator('[role="row"]').nth(2).waitFor()
    await j.shot('street-table')
    await street.getByText('办结率').first().click()
    await street.getByText('办结率 ↓').waitFor()
    await street.locator('.llt-table__filter input, input.llt-table__filter').first().fill('青枫')
    await eventually(async () => expect(await table.locator('[role="row"]').count()).toBe(3))
    await j.shot('street-table-filtered')
    if (width.name === '1280') {
      expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1)
      await noSidewaysScroll(street)
    }
    await back(WORKBENCH)
  })
})
