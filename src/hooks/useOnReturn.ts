// Runs `action` when the page shows again after it was hidden — back from a page where the person acted —
// and not on the first show, which the page's own first load covers. Counting shows instead would go wrong
// when the component mounts after its page first showed (e.g. once sign-in finishes on a cold start).
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

export function useOnReturn(action: () => void): void {
  const hidden = useRef(false)
  const latest = useRef(action)
  latest.current = action
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    latest.current()
  })
}
