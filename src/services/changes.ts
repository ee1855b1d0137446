// A tiny change bus. Every write through useAction announces that data changed; every PagedList (and
// whatever uses `useRefreshOnChange`) then reloads — at once if its page is on screen, or when its page
// shows again (Taro keeps earlier pages alive and hidden). So "my wishes" shows a confirmation made on
// the confirm page, and the wish wall a claim made on the wish's page, without a pull-down.
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

const listeners = new Set<() => void>()

/** Says that something was written; lists reload. */
export function announceChange(): void {
  listeners.forEach((listener) => listener())
}

/** Calls `reload` after a change was announced: right away while its page shows, else when it shows again. */
export function useRefreshOnChange(reload: () => void): void {
  const latest = useRef(reload)
  latest.current = reload
  const shown = useRef(true)
  const pending = useRef(false)

  useDidHide(() => {
    shown.current = false
  })
  useDidShow(() => {
    shown.current = true
    if (!pending.current) return
    pending.current = false
    latest.current()
  })

  useEffect(() => {
    const listener = () => {
      if (shown.current) latest.current()
      else pending.current = true
    }
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }, [])
}
