// One remote read with its loading / error state and a refresh, e.g.
//   const board = useRemote(() => call('points', 'board', {}), [communityId])
import { useCallback, useEffect, useRef, useState } from 'react'

export interface Remote<T> {
  data: T | undefined
  loading: boolean
  error: unknown
  /** Loads again; the current data stays on screen meanwhile. */
  refresh: () => Promise<void>
}

export interface RemoteOptions {
  /** Skip loading until true (e.g. until the person's community is known). */
  enabled?: boolean
}

export function useRemote<T>(load: () => Promise<T>, deps: ReadonlyArray<unknown> = [], { enabled = true }: RemoteOptions = {}): Remote<T> {
  const [data, setData] = useState<T>()
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<unknown>(null)
  const loadRef = useRef(load)
  loadRef.current = load
  // Only the latest request may write its answer (an older one can finish last).
  const latest = useRef(0)

  const refresh = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    try {
      const value = await loadRef.current()
      if (ticket === latest.current) setData(value)
    } catch (e) {
      if (ticket === latest.current) setError(e)
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (enabled) void refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the values that reload
  }, [enabled, refresh, ...deps])

  return { data, loading, error, refresh }
}
