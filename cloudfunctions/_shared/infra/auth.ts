// Who is calling, what roles they hold, and scope checks (their community, shop, unit, street).
import type { Role, RoleGrant } from '../../../types'
import type { UserDoc } from '../docs'
import { denied } from './errors'

export interface Caller {
  /** The WeChat openid from getWXContext(); empty for the system caller (the platform's timer triggers). */
  openid: string
  system: boolean
  user: UserDoc | null
  grants: RoleGrant[]
}

/** Every signed-in person is a resident; other roles come from their grants. */
export function rolesOf(caller: Caller): Set<Role> {
  const roles = new Set<Role>()
  if (caller.user && !caller.user.deletedAt) {
    roles.add('resident')
    for (const g of caller.grants) roles.add(g.role)
  }
  return roles
}

/** Who may call an action: 'system' (a timer trigger the function declares), 'anyone' signed in or not, or any of the roles. */
export type Allow = ReadonlyArray<Role | 'system' | 'anyone'>

export function allowed(caller: Caller, allow: Allow): boolean {
  if (allow.includes('anyone')) return true
  if (caller.system) return allow.includes('system')
  const roles = rolesOf(caller)
  return allow.some((r) => r !== 'system' && r !== 'anyone' && roles.has(r))
}

type Scope = Partial<Pick<RoleGrant, 'communityId' | 'streetId' | 'merchantId' | 'unitId'>>

export function hasGrant(caller: Caller, role: Role, scope: Scope = {}): boolean {
  if (caller.system) return true
  return caller.grants.some(
    (g) => g.role === role && Object.entries(scope).every(([key, value]) => value === undefined || g[key as keyof Scope] === value)
  )
}

/** Throws PERMISSION_DENIED unless the caller holds `role` within `scope`. */
export function requireGrant(caller: Caller, role: Role, scope: Scope = {}, message?: string): void {
  if (!hasGrant(caller, role, scope)) throw denied(message)
}

/** The communities a caller acts for as staff. */
export const staffCommunities = (caller: Caller): string[] =>
  caller.grants.filter((g) => g.role === 'staff' && g.communityId).map((g) => g.communityId as string)

export const isStaffOf = (caller: Caller, communityId: string) => hasGrant(caller, 'staff', { communityId })

export const requireStaffOf = (caller: Caller, communityId: string) =>
  requireGrant(caller, 'staff', { communityId }, '只有本社区工作人员可以操作')

/** The caller's openid, refusing system calls where a person is required. */
export function personOf(caller: Caller): string {
  if (!caller.openid) throw denied('此操作需要登录用户')
  return caller.openid
}
