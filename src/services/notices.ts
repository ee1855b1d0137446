// The unread count of the message centre (消息) on its tab's badge. Best-effort: a failed count leaves the
// badge as it was. The tab bar APIs work on tab pages only, so callers check `onTabPage()` first.
import Taro from '@tarojs/taro'
import { NOTICE_PAGES, type NoticeTarget } from '@contract/enums'
import { TAB_PAGES } from '@/routes'
import { call } from './cloud'

export const NOTICES_TAB_INDEX = Object.keys(TAB_PAGES).indexOf('notices')
const TAB_PATHS = new Set<string>(Object.values(TAB_PAGES))

/** Whether the page on screen is a tab page (where the tab bar and its badges exist). */
export function onTabPage(): boolean {
  const path = Taro.getCurrentInstance().router?.path ?? ''
  return TAB_PATHS.has(path.split('?')[0].replace(/^\//, ''))
}

/** Shows `unread` on the 消息 tab ("99+" above 99), or no badge at all at 0. */
export function showUnread(unread: number): void {
  const done =
    unread > 0
      ? Taro.setTabBarBadge({ index: NOTICES_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) })
      : Taro.removeTabBarBadge({ index: NOTICES_TAB_INDEX })
  void Promise.resolve(done).catch(() => undefined)
}

/** Asks the server for the unread count and shows it. */
export async function refreshUnread(): Promise<void> {
  try {
    showUnread((await call('user', 'unreadCount', {})).unread)
  } catch {
    // The badge waits for the next show; the page itself reports errors.
  }
}

/** The URL a notice opens, or null for a page this version of the app does not know. */
export function targetUrl({ page, params }: NoticeTarget): string | null {
  if (!(NOTICE_PAGES as readonly string[]).includes(page)) return null
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return `/${page}${query ? `?${query}` : ''}`
}
