// The communities (and street) a staff member works for, named, for the facility and coverage pages.
import type { Me } from '@contract'

export interface StaffScope {
  kind: 'community' | 'street'
  id: string
  label: string
}

export function scopesOf(me: Me, communityNames: ReadonlyMap<string, string>, { streets = true } = {}): StaffScope[] {
  const scopes: StaffScope[] = []
  for (const grant of me.roles) {
    if (grant.role === 'streetAdmin' && grant.streetId && streets) scopes.push({ kind: 'street', id: grant.streetId, label: '全街道' })
    if (grant.role === 'staff' && grant.communityId) {
      scopes.push({ kind: 'community', id: grant.communityId, label: communityNames.get(grant.communityId) ?? grant.communityId })
    }
  }
  return scopes.filter((s, i) => scopes.findIndex((t) => t.kind === s.kind && t.id === s.id) === i)
}
