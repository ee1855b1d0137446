// Whether the h5 window is at PC width (≥ 1024 CSS px), following resizes. Always false on weapp and
// where the browser has no matchMedia. The staff desk layout (PageShell, DeskNav) shows only then, so a
// phone's page holds no hidden desk navigation.
import { useEffect, useState } from 'react'
import { isH5 } from '@/services/platform'

export const DESK_QUERY = '(min-width: 1024px)'

const media = (): MediaQueryList | null =>
  isH5() && typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DESK_QUERY) : null

export function useDeskWidth(): boolean {
  const [wide, setWide] = useState(() => media()?.matches ?? false)
  useEffect(() => {
    const list = media()
    if (!list) return
    const follow = () => setWide(list.matches)
    follow()
    list.addEventListener('change', follow)
    return () => list.removeEventListener('change', follow)
  }, [])
  return wide
}
