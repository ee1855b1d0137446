// What the signed-in person can do in the party pages, from their role grants.
import type { Me } from '@contract'

/** The community a staff member works for (the first staff grant). */
export const staffCommunityOf = (me: Me): string | null => me.roles.find((r) => r.role === 'staff' && r.communityId)?.communityId ?? null

/** Units the person administers. */
export const adminUnitIdsOf = (me: Me): string[] =>
  me.roles.filter((r) => r.role === 'unitAdmin' && r.unitId).map((r) => r.unitId as string)

export const isMemberOf = (me: Me, communityId: string | null) =>
  Boolean(communityId && me.roles.some((r) => r.role === 'member' && r.communityId === communityId))
