// A button's action: runs once at a time (no double submit), shows any failure as a toast and, once it
// succeeded, tells the lists that data changed (services/changes), e.g.
//   const claim = useAction(() => call('wish', 'claim', { wishId }))
//   <Button loading={claim.running} onClick={() => claim.run()}>认领</Button>
import { useCallback, useRef, useState } from 'react'
import { announceChange } from '@/services/changes'
import { showError } from '@/services/cloud'

export interface Action<A extends unknown[], T> {
  /** Resolves to the result, or to undefined when it failed (the toast is already shown) or was busy. */
  run: (...args: A) => Promise<T | undefined>
  running: boolean
}

export function useAction<A extends unknown[], T>(fn: (...args: A) => Promise<T>): Action<A, T> {
  const [running, setRunning] = useState(false)
  const fnRef = useRef(fn)
  fnRef.current = fn
  const busy = useRef(false)

  const run = useCallback(async (...args: A) => {
    if (busy.current) return undefined
    busy.current = true
    setRunning(true)
    try {
      const result = await fnRef.current(...args)
      // Lists elsewhere reload (services/changes).
      announceChange()
      return result
    } catch (error) {
      showError(error)
      return undefined
    } finally {
      busy.current = false
      setRunning(false)
    }
  }, [])

  return { run, running }
}
