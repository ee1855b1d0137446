import { ENROLLMENT_STATUSES, ORDER_STATUSES } from '../types'
import type { LedgerEntryDoc, PointsAccountDoc } from '../cloudfunctions/_shared/domain/ledgerRules'
import type { GoodsDoc, MerchantDoc, OrderDoc, QuotaDoc } from '../cloudfunctions/points/src/docs'
import type { ActivityDoc, EnrollmentDoc, VolunteerDoc } from '../cloudfunctions/volunteer/src/docs'
import { toHalfHours } from '../cloudfunctions/volunteer/src/domain/hours'
import { seedDemo } from './index'
import { memoryStore } from './memoryStore'

const now = new Date('2026-11-22T08:00:00Z')

async function seeded() {
  const { store, data } = memoryStore()
  await seedDemo(store, now)
  const all = <T>(c: string) => (data[c] ?? []) as unknown as T[]
  return {
    data,
    volunteers: all<VolunteerDoc>('volunteers'),
    activities: all<ActivityDoc>('activities'),
    enrollments: all<EnrollmentDoc>('enrollments'),
    accounts: all<PointsAccountDoc>('pointsAccounts'),
    ledger: all<LedgerEntryDoc>('pointsLedger'),
    merchants: all<MerchantDoc>('merchants'),
    goods: all<GoodsDoc>('goods'),
    orders: all<OrderDoc>('redemptions'),
    quotas: all<QuotaDoc>('redemptionQuotas'),
    users: all<{ _id: string; roles: { role: string }[] }>('users')
  }
}

describe('demo volunteers and points', () => {
  let s: Awaited<ReturnType<typeof seeded>>
  beforeAll(async () => {
    s = await seeded()
  })

  test('a profile with a unique volunteer number for every seeded volunteer, some on the board', () => {
    const volunteerUsers = s.users.filter((u) => u.roles.some((g) => g.role === 'volunteer'))
    expect(s.volunteers.map((v) => v._id).sort()).toEqual(volunteerUsers.map((u) => u._id).sort())
    expect(new Set(s.volunteers.map((v) => v.volunteerNo)).size).toBe(s.volunteers.length)
    for (const v of s.volunteers) expect(v.volunteerNo).toMatch(/^ZY\d{8}$/)
    expect(s.volunteers.some((v) => v.boardOptIn)).toBe(true)
    expect(s.volunteers.some((v) => !v.boardOptIn)).toBe(true)
    expect(s.data.sequences).toEqual([{ _id: 'volunteerNo', value: s.volunteers.length }])
  })

  test('activities past, ongoing and upcoming, with enrollments in every status and counters that match', () => {
    const phases = new Set(
      s.activities.map((a) => (a.finishedAt ? 'closed' : a.start > now ? 'upcoming' : a.end < now ? 'ended' : 'ongoing'))
    )
    expect([...phases].sort()).toEqual(['closed', 'ended', 'ongoing', 'upcoming'])
    expect(new Set(s.enrollments.map((e) => e.status))).toEqual(new Set(ENROLLMENT_STATUSES))
    for (const a of s.activities) {
      const taken = s.enrollments.filter((e) => e.activityId === a._id && e.status !== 'cancelled').length
      expect(a.enrolled).toBe(taken)
      expect(a.enrolled).toBeLessThanOrEqual(a.capacity)
    }
  })

  test('every completed enrollment is credited once and counted in the volunteer totals', () => {
    const credited = new Set(s.ledger.filter((e) => e.kind === 'credit').map((e) => e.sourceId))
    for (const e of s.enrollments.filter((x) => x.status === 'completed' && x.points > 0)) expect(credited.has(e._id)).toBe(true)
    for (const v of s.volunteers) {
      const done = s.enrollments.filter((e) => e.openid === v._id && e.status === 'completed' && e.hours > 0)
      expect(v.halfHours).toBe(done.reduce((sum, e) => sum + toHalfHours(e.hours), 0))
      expect(v.activityCount).toBe(done.length)
    }
    const memberHours = (s.data.assessmentEntries as { source: string; openid: string }[]).filter((e) => e.source === 'hours')
    expect(memberHours.length).toBeGreaterThan(0)
    expect(memberHours.every((e) => e.openid === 'demo-member')).toBe(true)
  })

  test('every balance equals the sum of its ledger, and no prefix ever goes below zero', () => {
    const ids = s.ledger.map((e) => e._id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const a of s.accounts) {
      const entries = s.ledger.filter((e) => e.openid === a._id).sort((x, y) => x.at.getTime() - y.at.getTime())
      let running = 0
      for (const e of entries) {
        running += e.amount
        expect(running).toBeGreaterThanOrEqual(0)
        expect(e.balanceAfter).toBe(running)
      }
      expect(a.balance).toBe(running)
      expect(a.balance).toBe(a.earned - a.spent)
    }
    expect(new Set(s.ledger.map((e) => e.kind))).toEqual(new Set(['credit', 'redemption', 'refund', 'adjust']))
  })

  test('merchants approved with m01 run by demo-merchant, one application pending', () => {
    expect(s.merchants.find((m) => m._id === 'm01')).toMatchObject({ ownerId: 'demo-merchant', status: 'approved' })
    expect(s.merchants.filter((m) => m.status === 'pending')).toHaveLength(1)
    expect(s.merchants.filter((m) => m.status === 'approved')).toHaveLength(6)
  })

  test('orders in every status; stock, quotas and refunds agree with them', () => {
    expect(new Set(s.orders.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES))
    expect(new Set(s.orders.filter((o) => o.openid === 'demo-volunteer').map((o) => o.status))).toEqual(new Set(ORDER_STATUSES))
    expect(s.goods.some((g) => g.stock === 0)).toBe(true)
    for (const g of s.goods) {
      const held = s.orders.filter((o) => o.goodsId === g._id && (o.status === 'pending' || o.status === 'pickedUp'))
      expect(g.redeemed).toBe(held.length)
      expect(g.stock).toBeGreaterThanOrEqual(0)
    }
    for (const q of s.quotas) {
      expect(q.used).toBe(s.orders.filter((o) => o.quotaId === q._id && (o.status === 'pending' || o.status === 'pickedUp')).length)
    }
    const refunded = new Set(s.ledger.filter((e) => e.kind === 'refund').map((e) => e.sourceId))
    for (const o of s.orders) expect(refunded.has(o._id)).toBe(o.status === 'cancelled' || o.status === 'expired')
    for (const o of s.orders.filter((x) => x.status === 'pending')) expect(o.expiresAt.getTime()).toBeGreaterThan(now.getTime())
    const codes = s.orders.map((o) => o.pickupCode)
    expect(new Set(codes).size).toBe(codes.length)
  })
})
