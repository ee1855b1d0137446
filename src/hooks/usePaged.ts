// Cursor paging over `{ items, nextCursor }` answers, e.g.
//   const wall = usePaged((cursor) => call('wish', 'wall', { cursor, limit: 20 }), [category])
// Render it with <PagedList paged={wall} … />, which wires pull-down refresh and reach-bottom.
import { useCallback, useEffect, useRef, useState } from 'react'

export interface PageAnswer<T> {
  items: T[]
  nextCursor: string | null
}

export type PagedStatus = 'loading' | 'ready' | 'error'

export interface Paged<T> {
  items: T[]
  /** State of the first page: loading, ready or error (nothing to show). */
  status: PagedStatus
  error: unknown
  refreshing: boolean
  loadingMore: boolean
  /** A failed "load more"; the list stays and offers a retry. */
  moreError: unknown
  hasMore: boolean
  /**
   * Reloads from the first page (pull-down refresh, retry). Rejects only when a list is already
   * on screen, so the caller can say the refresh failed while the old items stay.
   */
  refresh: () => Promise<void>
  /** Loads the next page, if there is one and nothing else is loading. */
  loadMore: () => Promise<void>
}

export function usePaged<T>(load: (cursor?: string) => Promise<PageAnswer<T>>, deps: ReadonlyArray<unknown> = []): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [status, setStatus] = useState<PagedStatus>('loading')
  const [error, setError] = useState<unknown>(null)
  const [refreshing, setRefreshing] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<unknown>(null)
  const [nextCursor, setNextCursor] = useState<string | null>(null)

  const loadRef = useRef(load)
  loadRef.current = load
  const cursorRef = useRef<string | null>(null)
  const statusRef = useRef<PagedStatus>('loading')
  // Every (re)load starts a new generation; answers of older generations are dropped.
  const generation = useRef(0)
  const busy = useRef(false)

  const moveTo = (s: PagedStatus) => {
    statusRef.current = s
    setStatus(s)
  }
  const setCursor = (c: string | null) => {
    cursorRef.current = c
    setNextCursor(c)
  }

  const refresh = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setRefreshing(true)
    setMoreError(null)
    try {
      const page = await loadRef.current(undefined)
      if (gen !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      setError(null)
      moveTo('ready')
    } catch (e) {
      if (gen !== generation.current) return
      setError(e)
      if (statusRef.current === 'ready') throw e
      moveTo('error')
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setRefreshing(false)
      }
    }
  }, [])

  const loadMore = useCallback(async () => {
    const cursor = cursorRef.current
    if (busy.current || cursor === null || statusRef.current !== 'ready') return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await loadRef.current(cursor)
      if (gen !== generation.current) return
      setItems((prev) => [...prev, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      if (gen === generation.current) setMoreError(e)
    } finally {
      if (gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [])

  useEffect(() => {
    moveTo('loading')
    setItems([])
    setCursor(null)
    refresh().catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the values that restart paging
  }, deps)

  return { items, status, error, refreshing, loadingMore, moreError, hasMore: nextCursor !== null, refresh, loadMore }
}
