// h5 only: the title bar of a page that is not a tab, with a way back — the previous page, or the home
// tab when the page was opened directly. WeChat draws its own bar (and back button) on weapp.
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { goBack } from '@/services/navigation'
import './index.css'

/** The title in the page's index.config.ts (navigationBarTitleText), else the app's title. */
function configuredTitle(): string {
  const page = Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | null
  return page?.config?.navigationBarTitleText ?? APP_TITLE
}

/** Follows Taro.setNavigationBarTitle while the page shows (Taro's h5 router announces it on its event centre). */
function useTitle(initial: string): string {
  const [title, setTitle] = useState(initial)
  const shown = useRef(true)
  useDidShow(() => {
    shown.current = true
  })
  useDidHide(() => {
    shown.current = false
  })
  useEffect(() => {
    const events = Taro.eventCenter
    if (!events) return
    const follow = (next: unknown) => {
      if (shown.current && typeof next === 'string') setTitle(next)
    }
    events.on('__taroH5SetNavigationBarTitle', follow)
    return () => void events.off('__taroH5SetNavigationBarTitle', follow)
  }, [])
  return title
}

export interface NavBarProps {
  /** Defaults to the page's configured title. */
  title?: string
}

export function NavBar({ title }: NavBarProps) {
  const [initial] = useState(() => title ?? configuredTitle())
  const shown = useTitle(initial)
  return (
    <View className="llt-navbar" role="navigation">
      <View className="llt-navbar__back" hoverClass="llt-navbar__back--pressed" aria-label="返回" onClick={() => goBack()}>
        <Text className="llt-navbar__arrow">‹</Text>
        <Text>返回</Text>
      </View>
      <Text className="llt-navbar__title">{shown}</Text>
    </View>
  )
}
