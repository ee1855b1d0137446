// h5 only: the demo users the local cloud seeds, one per role, for the demo login page.
import type { Role } from '@contract'
import { ROLE_LABELS, ROLES } from '@contract/enums'

export interface DemoUser {
  openid: string
  nickName: string
  label: string
  order: number
  roles: Array<Role | { role: Role }>
}

export async function fetchDemoUsers(): Promise<DemoUser[]> {
  const res = await fetch('/api/demo/users')
  if (!res.ok) throw new Error(`demo users: HTTP ${res.status}`)
  return (await res.json()) as DemoUser[]
}

/** The most specific role a demo user holds (街道管理员 before 社区工作者 … before 居民). */
export function primaryRole(user: DemoUser): Role {
  const held = new Set(user.roles.map((r) => (typeof r === 'string' ? r : r.role)))
  return [...ROLES].reverse().find((role) => held.has(role)) ?? 'resident'
}

export interface DemoGroup {
  role: Role
  label: string
  users: DemoUser[]
}

/** Groups in the order of ROLES, users in their seeded order. */
export function groupByRole(users: ReadonlyArray<DemoUser>): DemoGroup[] {
  return ROLES.map((role) => ({
    role,
    label: ROLE_LABELS[role],
    users: users.filter((u) => primaryRole(u) === role).sort((a, b) => a.order - b.order)
  })).filter((g) => g.users.length > 0)
}
