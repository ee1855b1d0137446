// Who belongs to a topic's scope: a verified household binding in the topic's community, compound or building.
import type { HouseholdMemberDoc, TopicDoc } from '../docs'

export type Scope = Pick<TopicDoc, 'communityId' | 'scope' | 'compoundId' | 'building'>

export function inScope(
  binding: Pick<HouseholdMemberDoc, 'communityId' | 'compoundId' | 'building' | 'status'> | null,
  scope: Scope
): boolean {
  if (!binding || binding.status !== 'verified' || binding.communityId !== scope.communityId) return false
  if (scope.scope === 'community') return true
  if (binding.compoundId !== scope.compoundId) return false
  return scope.scope === 'compound' || binding.building === scope.building
}

/**
 * The frozen electorate: per resident one entry per verified resident in scope; per household one entry per
 * household with the residents bound to it (who alone may cast its one ballot). Sorted by key.
 */
export function electorate(
  bindings: ReadonlyArray<HouseholdMemberDoc>,
  scope: Scope,
  per: 'resident' | 'household'
): Array<{ key: string; members: string[] | null }> {
  const inside = bindings.filter((b) => inScope(b, scope))
  if (per === 'resident') return [...new Set(inside.map((b) => b.openid))].sort().map((key) => ({ key, members: null }))
  const byHousehold = new Map<string, string[]>()
  for (const b of inside) byHousehold.set(b.householdId, [...(byHousehold.get(b.householdId) ?? []), b.openid])
  return [...byHousehold.keys()].sort().map((key) => ({ key, members: [...new Set(byHousehold.get(key))].sort() }))
}

/** The key a resident votes under. */
export const voterKey = (binding: Pick<HouseholdMemberDoc, 'openid' | 'householdId'>, per: 'resident' | 'household') =>
  per === 'resident' ? binding.openid : binding.householdId
