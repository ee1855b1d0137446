// A rotating check-in code (the venue code staff show, or a volunteer's own code), fetched again whenever
// the server says the current one rotates (every 30 s), with a seconds countdown; paused while the page is
// hidden. A failed fetch is retried after 5 s (30 s when the server says the window is not open).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinCode } from '@contract/schemas/volunteer'
import { CloudError } from '@/services/cloud'

export interface RotatingCode {
  code: CheckinCode | null
  error: unknown
  /** Seconds until the next code. */
  secondsLeft: number
  pause: () => void
  resume: () => void
}

const RETRY_MS = 5_000
const CLOSED_RETRY_MS = 30_000

/** `fetch` gets the current code; a new `key` (e.g. the activity id) starts over. */
export function useRotatingCode(fetch: () => Promise<CheckinCode>, key: string): RotatingCode {
  const [code, setCode] = useState<CheckinCode | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [secondsLeft, setSecondsLeft] = useState(0)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const ticker = useRef<ReturnType<typeof setInterval>>()
  const active = useRef(true)
  const fetcher = useRef(fetch)
  useEffect(() => {
    fetcher.current = fetch
  })

  const stop = () => {
    clearTimeout(timer.current)
    clearInterval(ticker.current)
  }

  const load = useCallback(async () => {
    stop()
    if (!active.current) return
    try {
      const next = await fetcher.current()
      if (!active.current) return
      setCode(next)
      setError(null)
      setSecondsLeft(next.refreshInSeconds)
      const due = Date.now() + next.refreshInSeconds * 1000
      ticker.current = setInterval(() => setSecondsLeft(Math.max(0, Math.ceil((due - Date.now()) / 1000))), 1000)
      timer.current = setTimeout(() => void load(), next.refreshInSeconds * 1000)
    } catch (e) {
      if (!active.current) return
      setError(e)
      const closed = e instanceof CloudError && e.code === 'FAILED_PRECONDITION'
      timer.current = setTimeout(() => void load(), closed ? CLOSED_RETRY_MS : RETRY_MS)
    }
  }, [])

  useEffect(() => {
    active.current = true
    void load()
    return () => {
      active.current = false
      stop()
    }
  }, [load, key])

  const pause = useCallback(() => {
    active.current = false
    stop()
  }, [])
  const resume = useCallback(() => {
    if (active.current) return
    active.current = true
    void load()
  }, [load])

  return { code, error, secondsLeft, pause, resume }
}
