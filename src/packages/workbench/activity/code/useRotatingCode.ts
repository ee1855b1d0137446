// The staff's check-in code, fetched again whenever the server says the current one rotates (every
// 30 s), with a seconds countdown; paused while the page is hidden. A failed fetch is retried after 5 s.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinCode } from '@contract/schemas/volunteer'
import { call } from '@/services/cloud'

export interface RotatingCode {
  code: CheckinCode | null
  error: unknown
  /** Seconds until the next code. */
  secondsLeft: number
  pause: () => void
  resume: () => void
}

const RETRY_MS = 5_000

export function useRotatingCode(activityId: string): RotatingCode {
  const [code, setCode] = useState<CheckinCode | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [secondsLeft, setSecondsLeft] = useState(0)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const ticker = useRef<ReturnType<typeof setInterval>>()
  const active = useRef(true)

  const stop = () => {
    clearTimeout(timer.current)
    clearInterval(ticker.current)
  }

  const load = useCallback(async () => {
    stop()
    if (!active.current) return
    try {
      const next = await call('volunteer', 'checkinCode', { activityId })
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
      timer.current = setTimeout(() => void load(), RETRY_MS)
    }
  }, [activityId])

  useEffect(() => {
    active.current = true
    void load()
    return () => {
      active.current = false
      stop()
    }
  }, [load])

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
