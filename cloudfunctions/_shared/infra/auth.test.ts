import { allowed, hasGrant, requireStaffOf, rolesOf, type Caller } from './auth'
import type { UserDoc } from '../docs'

const user = (roles: UserDoc['roles'], deleted = false): UserDoc => ({
  _id: 'o1',
  nickName: 'x',
  roles,
  elderMode: false,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  deletedAt: deleted ? new Date(0) : null
})
const caller = (u: UserDoc | null, system = false): Caller => ({ openid: system ? '' : 'o1', system, user: u, grants: u?.roles ?? [] })

describe('auth', () => {
  test('every signed-in person is a resident, grants add roles', () => {
    expect([...rolesOf(caller(user([{ role: 'staff', communityId: 'c1' }])))].sort()).toEqual(['resident', 'staff'])
    expect(rolesOf(caller(null)).size).toBe(0)
    expect(rolesOf(caller(user([], true))).size).toBe(0)
  })

  test('allow lists: anyone, roles, system', () => {
    const staff = caller(user([{ role: 'staff', communityId: 'c1' }]))
    expect(allowed(staff, ['staff'])).toBe(true)
    expect(allowed(staff, ['merchant'])).toBe(false)
    expect(allowed(caller(null), ['resident'])).toBe(false)
    expect(allowed(caller(null), ['anyone'])).toBe(true)
    expect(allowed(caller(null, true), ['system'])).toBe(true)
    expect(allowed(caller(null, true), ['staff'])).toBe(false)
  })

  test('scope: staff of one community cannot act for another', () => {
    const staff = caller(user([{ role: 'staff', communityId: 'c1' }]))
    expect(hasGrant(staff, 'staff', { communityId: 'c1' })).toBe(true)
    expect(hasGrant(staff, 'staff', { communityId: 'c2' })).toBe(false)
    expect(() => requireStaffOf(staff, 'c2')).toThrow(expect.objectContaining({ code: 'PERMISSION_DENIED' }))
  })
})
