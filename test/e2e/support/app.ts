// How a person uses the h5 app, in the words of the screen: visible Chinese text and the app's own
// class names. Taro keeps hidden tab pages in the DOM, so lookups are limited to what is visible.
import type { Locator, Page } from 'playwright-core'
import type { Harness } from './harness'

/** The page on screen (Taro's page roots carry PageShell's .llt-page). */
export const currentPage = (page: Page): Locator => page.locator('.llt-page:visible')

/** A NutUI/Taro button by its text; the click goes to the outer element, as a finger would. */
export const button = (page: Page, text: string): Locator =>
  currentPage(page).locator('.nut-button, taro-button-core').filter({ hasText: text }).first()

export async function signInAs(page: Page, name: string): Promise<void> {
  await page.locator('.login__user').filter({ hasText: name }).first().click()
  await page.locator('.llt-page:visible').first().waitFor()
}

export async function openTab(page: Page, label: '生活圈' | '心愿' | '志愿' | '我的'): Promise<void> {
  await page.locator('.weui-tabbar__item').filter({ hasText: label }).click()
}

/** The root font size of the page on screen, in CSS pixels. */
export const rootFontSize = (page: Page): Promise<number> =>
  currentPage(page).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

/** The root of a page on screen by its class; Taro's h5 keeps earlier pages in the DOM, hidden. */
export const within = (page: Page, root: string): Locator => page.locator(`${root}:visible`).last()

/** Presses a NutUI button inside `root` by its text. */
export const tap = (root: Locator, text: string) => root.locator('.nut-button').filter({ hasText: text }).first().click()

/** Taro's h5 modal: press its confirm button. */
export const confirmModal = (page: Page, text: string) => page.locator('.taro__modal .taro-model__confirm').filter({ hasText: text }).click()

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
 * Agrees to the privacy guide if it is asked (the first privacy-scoped action). `settled` is what shows
 * when no question comes; without it, the popup is given a few seconds to appear.
 */
export async function agreePrivacyIfAsked(page: Page, settled?: Locator): Promise<void> {
  // Every PageShell hosts the popup, and Taro's h5 keeps earlier pages in the DOM: the current one is last.
  const popup = page.locator('.llt-privacy:visible').last()
  if (settled) await popup.or(settled).first().waitFor()
  else await popup.waitFor({ timeout: 3_000 }).catch(() => undefined)
  if (await popup.count()) {
    await popup.locator('.llt-privacy__button--agree').click()
    await popup.waitFor({ state: 'detached' })
  }
}
