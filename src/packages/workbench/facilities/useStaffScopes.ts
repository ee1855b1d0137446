// The signed-in staff member's scopes, named, with the one they are looking at.
import { useMemo, useState } from 'react'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { scopesOf, type StaffScope } from './scopes'

export function useStaffScopes({ streets = true } = {}): {
  scopes: StaffScope[]
  current: StaffScope | null
  select: (scope: StaffScope) => void
} {
  const me = useSignedIn()
  const places = useRemote(() => call('lifeCircle', 'places', {}), [])
  const names = useMemo(() => new Map((places.data?.communities ?? []).map((c) => [c.id, c.name])), [places.data])
  const scopes = useMemo(() => scopesOf(me, names, { streets }), [me, names, streets])
  const [chosen, setChosen] = useState<{ kind: string; id: string } | null>(null)
  const current = scopes.find((s) => chosen && s.kind === chosen.kind && s.id === chosen.id) ?? scopes[0] ?? null
  return { scopes, current, select: setChosen }
}
