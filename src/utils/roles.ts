// What the signed-in person may act for, from their role grants. Pure.
import type { Me } from '@contract'

type Grants = Pick<Me, 'roles'>

/** The community a staff member works for (the first staff grant). */
export const staffCommunityOf = (me: Grants): string | null =>
  me.roles.find((r) => r.role === 'staff' && r.communityId)?.communityId ?? null

/** Every community the person is staff of. */
export const staffCommunityIds = (me: Grants): string[] =>
  me.roles.filter((r) => r.role === 'staff' && r.communityId).map((r) => r.communityId as string)

/** The street the person administers. */
export const streetIdOf = (me: Grants): string | null => me.roles.find((r) => r.role === 'streetAdmin' && r.streetId)?.streetId ?? null

/** Units the person administers. */
export const adminUnitIdsOf = (me: Grants): string[] =>
  me.roles.filter((r) => r.role === 'unitAdmin' && r.unitId).map((r) => r.unitId as string)

export const isMemberOf = (me: Grants, communityId: string | null) =>
  Boolean(communityId && me.roles.some((r) => r.role === 'member' && r.communityId === communityId))

/** The name of the person's workbench: a street admin's (who is not also community staff) covers the street. */
export const workbenchTitle = (me: Grants): string =>
  !me.roles.some((r) => r.role === 'staff') && streetIdOf(me) ? '街道工作台' : '社区工作台'
