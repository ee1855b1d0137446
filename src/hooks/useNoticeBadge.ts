// Keeps the 消息 tab's unread badge current: counted when a tab page first shows and every time one shows
// again (switching tabs, back from a page). PageShell runs it; it does nothing off the tab pages.
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { onTabPage, refreshUnread } from '@/services/notices'

export function useNoticeBadge(signedIn: boolean): void {
  useEffect(() => {
    if (signedIn && onTabPage()) void refreshUnread()
  }, [signedIn])
  useDidShow(() => {
    if (signedIn && onTabPage()) void refreshUnread()
  })
}
