// MeProvider signs the person in when the app starts and shares who they are with every page.
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { Me } from '@contract'
import { session, setElderMode, setMe, signOut, startSession, type SessionState } from '@/services/session'

export interface MeValue extends SessionState {
  /** Signs in again (after an error, or on h5 with a newly chosen demo openid). */
  signIn: (openid?: string) => Promise<Me | null>
  setMe: (me: Me) => void
  setElderMode: (on: boolean) => Promise<void>
  signOut: () => void
}

const MeContext = createContext<MeValue | null>(null)

export interface MeProviderProps {
  children?: ReactNode
  /** Sign in on mount (the app does; tests may hand in `initialMe` instead). */
  autoSignIn?: boolean
  initialMe?: Me
}

const quietSignIn = (openid?: string) => startSession(openid).catch(() => null)

export function MeProvider({ children, autoSignIn = true, initialMe }: MeProviderProps) {
  // Seed the shared session before the first render, so nothing flashes a loading state.
  useState(() => initialMe && setMe(initialMe))
  const state = useSyncExternalStore(session.subscribe, session.get, session.get)

  useEffect(() => {
    if (autoSignIn && !initialMe) void quietSignIn()
  }, [autoSignIn, initialMe])

  const value = useMemo<MeValue>(() => ({ ...state, signIn: startSession, setMe, setElderMode, signOut }), [state])
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>
}

export function useMe(): MeValue {
  const value = useContext(MeContext)
  if (!value) throw new Error('useMe() needs <MeProvider> (src/app.tsx provides it)')
  return value
}

/** The signed-in person, for content inside <PageShell> (which renders its children only once signed in). */
export function useSignedIn(): Me {
  const { me } = useMe()
  if (!me) throw new Error('useSignedIn() is for content inside <PageShell>')
  return me
}
