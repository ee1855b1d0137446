// How a person uses the h5 app, in the words of the screen: visible Chinese text and the app's own
// class names. Taro keeps hidden tab pages in the DOM, so lookups are limited to what is visible.
import type { Locator, Page } from 'playwright-core'

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
