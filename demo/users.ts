// The demo accounts: which users the demo login page offers and how it labels them. They live in their own
// collection (demoUsers), so the product's `users` documents carry nothing of the demo, and a label holds
// no name: the name shown is the user document's, so an erased account shows none.
import type { GatewayRoute, RouteRequest } from '../local-cloud'

export const DEMO_USERS = 'demoUsers'

export interface DemoUserDoc {
  _id: string // openid
  /** The role as the login page names it, e.g. 在职党员. */
  title: string
  /** A hint after the name, e.g. the unit or the community. */
  note?: string
  order: number
}

/** One row of GET /api/demo/users (src/services/demo.ts reads it). */
export interface DemoLogin {
  openid: string
  nickName: unknown
  label: string
  order: number
  roles: unknown
}

/** Demo accounts whose user still exists and is not deleted, in their display order. */
export function demoLogins({ store }: Pick<RouteRequest, 'store'>): DemoLogin[] {
  if (!store.collections().includes(DEMO_USERS)) return []
  const logins: DemoLogin[] = []
  for (const demo of store.find(DEMO_USERS, {}, { sort: { order: 1 } }) as unknown as DemoUserDoc[]) {
    const user = store.get('users', demo._id)
    if (!user || user.deletedAt) continue
    const label = `${demo.title} · ${String(user.nickName)}${demo.note ? `（${demo.note}）` : ''}`
    logins.push({ openid: demo._id, nickName: user.nickName, label, order: demo.order, roles: user.roles ?? [] })
  }
  return logins
}

export const demoUsersRoute: GatewayRoute = { method: 'GET', path: '/api/demo/users', handle: demoLogins }
