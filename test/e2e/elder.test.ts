// Elder mode (适老化) in Chromium at phone size (issue 19, defect 11): one switch enlarges everything — tab
// labels, typed text in inputs and text areas, the date picker's 取消/确定 — to at least 18 CSS px (MIIT's
// minimum for the main text of an elder interface), and the first tab becomes four big tiles.
import type { Locator } from 'playwright-core'
import { TAB_PAGES } from '../../src/routes'
import { currentPage, openTab, settledPage, signInFresh } from './support/app'
import { useHarness, type Harness } from './support/harness'

jest.setTimeout(180_000)

/** MIIT 移动互联网应用适老化通用设计规范: main text ≥ 18 dp in an elder interface; tap targets ≥ 60×60 dp. */
const ELDER_MIN_FONT = 18
const ELDER_MIN_TARGET = 60

let h: Harness

useHarness('e2e-elder-last-screen', (started) => {
  h = started
})

const fontSize = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
const height = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().height)

describe('elder mode', () => {
  it('turns on from 我的 and enlarges the tab labels', async () => {
    await signInFresh(h, '王秀英')
    await openTab(h.page, '我的')
    const normalLabel = await fontSize(h.page.locator('.weui-tabbar__label').first())
    await currentPage(h.page).locator('.llt-elder-switch').click()
    await h.page.locator('html.llt-elder').waitFor({ state: 'attached' })
    const labels = h.page.locator('.weui-tabbar__label')
    expect(await labels.count()).toBe(Object.keys(TAB_PAGES).length)
    for (let i = 0; i < Object.keys(TAB_PAGES).length; i++) expect(await fontSize(labels.nth(i))).toBeGreaterThanOrEqual(ELDER_MIN_FONT)
    expect(normalLabel).toBeLessThan(ELDER_MIN_FONT)
    await h.screenshot('elder-1-mine')
  })

  it('shows the big-tile home on the first tab', async () => {
    await openTab(h.page, '生活圈')
    const page = await settledPage(h.page)
    const tiles = page.locator('.llt-elder-home__tile')
    await tiles.first().waitFor()
    expect(await tiles.allTextContents()).toEqual([
      expect.stringContaining('找服务'),
      expect.stringContaining('许心愿'),
      expect.stringContaining('我的心愿'),
      expect.stringContaining('打电话给社区')
    ])
    for (let i = 0; i < 4; i++) expect(await height(tiles.nth(i))).toBeGreaterThanOrEqual(ELDER_MIN_TARGET)
    expect(await fontSize(page.locator('.llt-elder-home__label').first())).toBeGreaterThanOrEqual(ELDER_MIN_FONT)
    await page.getByText('青枫社区', { exact: false }).first().waitFor()
    await h.screenshot('elder-2-home')
  })

  it('enlarges typed text in inputs and text areas, and the quick phrases fill the title', async () => {
    await (await settledPage(h.page)).locator('.llt-elder-home__tile--post').click()
    await h.page.waitForURL(/packages\/wish\/post\/index/)
    const page = await settledPage(h.page)
    const title = page.locator('input[placeholder="如：想要一盏护眼台灯"]')
    const story = page.locator('textarea[placeholder="写下您的心愿故事"]')
    await title.waitFor()
    await page.getByText('想学用智能手机', { exact: true }).click()
    expect(await title.inputValue()).toBe('想学用智能手机')
    await story.fill('想学会视频通话，和外地的孙子说说话。')
    expect(await fontSize(title)).toBeGreaterThanOrEqual(ELDER_MIN_FONT)
    expect(await fontSize(story)).toBeGreaterThanOrEqual(ELDER_MIN_FONT)
    expect(await fontSize(page.locator('.llt-field__label').first())).toBeGreaterThanOrEqual(ELDER_MIN_FONT)
    await h.screenshot('elder-3-post')
  })

  it('enlarges the date picker, its 取消 and 确定 included', async () => {
    const page = await settledPage(h.page)
    await page.locator('.wish-post__picker').click()
    // Taro draws the picker on <body>, outside the page.
    const actions = h.page.locator('.weui-picker__action:visible')
    await actions.first().waitFor()
    expect(await actions.allTextContents()).toEqual(['取消', '确定'])
    for (let i = 0; i < 2; i++) {
      expect(await fontSize(actions.nth(i))).toBeGreaterThanOrEqual(ELDER_MIN_FONT)
      expect(await height(actions.nth(i))).toBeGreaterThanOrEqual(ELDER_MIN_TARGET)
    }
    expect(await fontSize(h.page.locator('.weui-picker__item:visible').first())).toBeGreaterThanOrEqual(ELDER_MIN_FONT)
    await h.screenshot('elder-4-picker')
    await actions.first().click()
  })
})
