// The signed-in person, kept outside React so services (privacy, cloud) and every page share one copy.
// React reads it through MeProvider/useMe (src/hooks/useMe.tsx).
import type { Me } from '@contract'
import { call } from './cloud'
import { isH5 } from './platform'
import { forgetOpenid, storedElderMode, storedOpenid, storeElderMode, storeOpenid } from './storage'

export type SessionStatus = 'loading' | 'ready' | 'signedOut' | 'error'

export interface SessionState {
  status: SessionStatus
  me: Me | null
  error: unknown
  /** Known before the server answers (local storage), so the first paint already has the right size. */
  elderMode: boolean
}

const initialState = (): SessionState => ({ status: 'loading', me: null, error: null, elderMode: storedElderMode() })

let state: SessionState = initialState()
const listeners = new Set<() => void>()

function update(patch: Partial<SessionState>): void {
  state = { ...state, ...patch }
  listeners.forEach((listener) => listener())
}

export const session = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
}

/** Records a fresh `Me` from any user action's answer. */
export function setMe(me: Me): void {
  storeElderMode(me.elderMode)
  update({ status: 'ready', me, error: null, elderMode: me.elderMode })
}

/**
 * Signs in: on weapp WeChat supplies the identity; on h5 the openid chosen on the demo login page.
 * Resolves to null when h5 has no stored identity yet (the login page takes over).
 */
export async function startSession(openid?: string): Promise<Me | null> {
  if (openid) storeOpenid(openid)
  if (isH5() && !storedOpenid()) {
    update({ status: 'signedOut', me: null, error: null })
    return null
  }
  update({ status: 'loading', error: null })
  try {
    const me = await call('user', 'login')
    setMe(me)
    return me
  } catch (error) {
    update({ status: 'error', error })
    throw error
  }
}

/** Switches elder mode at once on this device, then on the server; rolls back if the server refuses. */
export async function setElderMode(on: boolean): Promise<void> {
  const before = state.elderMode
  storeElderMode(on)
  update({ elderMode: on })
  try {
    setMe(await call('user', 'setElderMode', { on }))
  } catch (error) {
    storeElderMode(before)
    update({ elderMode: before })
    throw error
  }
}

/** h5 only: forgets the demo identity. */
export function signOut(): void {
  forgetOpenid()
  update({ status: 'signedOut', me: null, error: null })
}

/** For tests: start from a known state. */
export function resetSession(patch: Partial<SessionState> = {}): void {
  state = { ...initialState(), ...patch }
  listeners.forEach((listener) => listener())
}
