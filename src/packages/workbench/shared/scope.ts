// Which communities a person may look at in the workbench: staff their own, a street admin every community
// of their street (the list comes from user.communities). Pure.
import type { CommunityOption, Me } from '@contract'
import { staffCommunityIds, streetIdOf } from '@/utils/roles'

/** The communities to choose between, in the order of the district list. */
export function communityChoices(me: Me, district: readonly CommunityOption[]): Array<{ id: string; name: string }> {
  const street = streetIdOf(me)
  const own = new Set(staffCommunityIds(me))
  return district.filter((c) => own.has(c.id) || (street !== null && c.streetId === street)).map((c) => ({ id: c.id, name: c.name }))
}
