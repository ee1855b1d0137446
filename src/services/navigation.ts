// Opens any page by URL: tab pages need switchTab (without query), the rest navigateTo. `goBack` is the
// way back from a page (the title bar's back button, after a save): the previous page when there is one,
// otherwise — a page opened directly from a link — the page the person expects instead.
import Taro from '@tarojs/taro'
import { TAB_PAGES, tabUrl } from '@/routes'

const TAB_URLS = new Set<string>(Object.values(TAB_PAGES).map((p) => `/${p}`))

const pathOf = (url: string) => url.split('?')[0]

export const isTabUrl = (url: string): boolean => TAB_URLS.has(`/${pathOf(url).replace(/^\//, '')}`)

export function navigate(url: string): void {
  if (isTabUrl(url)) void Taro.switchTab({ url: pathOf(url) })
  else void Taro.navigateTo({ url })
}

/** The home page, where a person lands with nowhere to go back to. */
export const HOME_URL = tabUrl('lifeCircle')

/** Whether the page on screen was opened from another page of the app (so navigateBack has somewhere to go). */
export const canGoBack = (): boolean => (Taro.getCurrentPages?.() ?? []).length > 1

/**
 * Back to the previous page, or — opened directly — to `fallback` (a list the person expects to see the
 * change in), replacing the current page so that "back" from there does not return to a finished form.
 */
export function goBack(fallback: string = HOME_URL): void {
  if (canGoBack()) void Taro.navigateBack()
  else if (isTabUrl(fallback)) void Taro.switchTab({ url: pathOf(fallback) })
  else void Taro.redirectTo({ url: fallback })
}
