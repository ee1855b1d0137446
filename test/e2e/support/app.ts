// How a person uses the h5 app, in the words of the screen: visible Chinese text and the app's own
// class names. Taro keeps hidden tab pages in the DOM, so lookups are limited to what is visible.
// Tests wait for states (a text, a page that settled, a stored document), never for a fixed time: the
// machine running them may be slow.
import type { Locator, Page } from 'playwright-core'
import { TAB_PAGES, type Tab } from '../../../src/routes'
import type { Harness } from './harness'

/**
 * Runs `check` (an assertion or a read that throws until the app is ready) until it passes and returns
 * its result; after `timeout` ms it throws the last failure. For states the app reaches after a
 * transition or a load.
 */
export async function eventually<T>(check: () => T | Promise<T>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

/**
 * The page on screen (Taro's page roots carry PageShell's .llt-page). While a page or tab transition
 * runs, two are visible; use `settledPage` where that matters.
 */
export const currentPage = (page: Page): Locator => page.locator('.llt-page:visible')

/** The page on screen once no transition is running: exactly one page root is visible. */
export async function settledPage(page: Page): Promise<Locator> {
  await eventually(async () => expect(await currentPage(page).count()).toBe(1))
  return currentPage(page)
}

/** A NutUI/Taro button by its text; the click goes to the outer element, as a finger would. */
export const button = (page: Page, text: string): Locator =>
  currentPage(page).locator('.nut-button, taro-button-core').filter({ hasText: text }).first()

export async function signInAs(page: Page, name: string): Promise<void> {
  await page.locator('.login__user').filter({ hasText: name }).first().click()
  await page.locator('.llt-page:visible').first().waitFor()
}

const TAB_LABELS = { 生活圈: 'lifeCircle', 心愿: 'wish', 志愿: 'volunteer', 消息: 'notices', 我的: 'mine' } as const satisfies Record<
  string,
  Tab
>

/** Taps a tab and waits until the switch has finished: its route is open and only its page shows. */
export async function openTab(page: Page, label: keyof typeof TAB_LABELS): Promise<void> {
  await page.locator('.weui-tabbar__item').filter({ hasText: label }).click()
  await page.waitForURL((url) => url.hash.startsWith(`#/${TAB_PAGES[TAB_LABELS[label]]}`))
  await settledPage(page)
}

/** The root font size of the page on screen, in CSS pixels. */
export const rootFontSize = (page: Page): Promise<number> =>
  currentPage(page)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

/** The root of a page on screen by its class; Taro's h5 keeps earlier pages in the DOM, hidden. */
export const within = (page: Page, root: string): Locator => page.locator(`${root}:visible`).last()

/** Presses a NutUI button inside `root` by its text. */
export const tap = (root: Locator, text: string) => root.locator('.nut-button').filter({ hasText: text }).first().click()

/** Taro's h5 modal: press its confirm button. */
export const confirmModal = (page: Page, text: string) =>
  page.locator('.taro__modal .taro-model__confirm').filter({ hasText: text }).click()

/** Starts over on the demo login page (nothing remembered) and signs in as `name`, landing on the first tab. */
export async function signInFresh(h: Pick<Harness, 'open' | 'page'>, name: string): Promise<void> {
  await h.open()
  await h.page.evaluate(() => {
    localStorage.removeItem('llt.openid')
    localStorage.removeItem('llt.circle.place')
  })
  await h.page.reload()
  await h.page.getByText('选择一个身份进入', { exact: false }).waitFor()
  await signInAs(h.page, name)
  // Signing in relaunches to the first tab; open another route only once that has happened.
  await h.page.waitForURL(/pages\/lifeCircle\/index/)
  await h.page.locator('.weui-tabbar__item').first().waitFor()
}

/**
 * Agrees to the privacy guide if it is asked (the first privacy-scoped action). `settled` is what shows,
 * or what happens, when the action goes ahead without a question; whichever comes first decides.
 */
export async function agreePrivacyIfAsked(page: Page, settled: Locator | Promise<unknown>): Promise<void> {
  // Every PageShell hosts the popup, and Taro's h5 keeps earlier pages in the DOM: the current one is last.
  const popup = page.locator('.llt-privacy:visible').last()
  if (settled instanceof Promise) {
    const asked = popup.waitFor().then(
      () => true,
      () => false
    )
    await Promise.race([
      asked,
      settled.then(
        () => false,
        () => false
      )
    ])
  } else {
    await popup.or(settled).first().waitFor()
  }
  if (await popup.count()) {
    await popup.locator('.llt-privacy__button--agree').click()
    await popup.waitFor({ state: 'detached' })
  }
}
