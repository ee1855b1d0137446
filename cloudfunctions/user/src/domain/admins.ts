// The first administrators of a production environment come from the function's configuration:
// ADMIN_OPENIDS="openidA@cm01,openidB@street:st01" grants openidA staff of community cm01 and openidB
// street admin of st01 when they sign in. Locally the demo seed grants these roles instead.
import type { RoleGrant } from '../../../../types'

export function parseAdminGrants(config: string | undefined): Map<string, RoleGrant[]> {
  const grants = new Map<string, RoleGrant[]>()
  for (const entry of (config ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9_-]+)@(street:)?([A-Za-z0-9_-]+)$/.exec(entry)
    if (!m) continue
    const grant: RoleGrant = m[2] ? { role: 'streetAdmin', streetId: m[3] } : { role: 'staff', communityId: m[3] }
    grants.set(m[1], [...(grants.get(m[1]) ?? []), grant])
  }
  return grants
}

/** The grants to add to a person's roles: configured ones they do not hold yet. */
export function missingGrants(held: RoleGrant[], configured: RoleGrant[] = []): RoleGrant[] {
  const same = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.communityId === b.communityId && a.streetId === b.streetId
  return configured.filter((g) => !held.some((h) => same(h, g)))
}
