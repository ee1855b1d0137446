import { type AppError } from '../../../_shared/infra/errors'
import {
  claimCapacity,
  claimerSnapshot,
  coolingOffUntil,
  countedClaims,
  requireApprovedVolunteer,
  requireClaimSlot,
  requireMayClaim,
  suspensionIn,
  withRelease,
  withSuspension
} from './claims'

const at = new Date('2026-11-01T00:00:00Z')

describe('who may claim', () => {
  it('lets approved members of the community claim, volunteers only where opened', () => {
    const member = [{ role: 'member' as const, communityId: 'cm01' }]
    const volunteer = [{ role: 'volunteer' as const, communityId: 'cm01' }]
    expect(claimCapacity(member, 'cm01', { openWishesToVolunteers: false })).toBe('member')
    expect(claimCapacity(member, 'cm02', { openWishesToVolunteers: true })).toBeNull()
    expect(claimCapacity(volunteer, 'cm01', { openWishesToVolunteers: false })).toBeNull()
    expect(claimCapacity(volunteer, 'cm01', { openWishesToVolunteers: true })).toBe('volunteer')
    expect(claimCapacity([{ role: 'staff', communityId: 'cm01' }], 'cm01', { openWishesToVolunteers: true })).toBeNull()
  })

  it('refuses a claim beyond the limit with FAILED_PRECONDITION', () => {
    expect(() => requireClaimSlot(null, 3)).not.toThrow()
    expect(() => requireClaimSlot({ open: 2 }, 3)).not.toThrow()
    try {
      requireClaimSlot({ open: 3 }, 3)
      throw new Error('not refused')
    } catch (e) {
      expect((e as AppError).code).toBe('FAILED_PRECONDITION')
    }
  })

  it('counts open claims and never goes below zero', () => {
    const one = countedClaims(null, 'm1', 1, at)
    expect(one).toEqual({ _id: 'm1', open: 1, total: 1, updatedAt: at })
    expect(countedClaims(one, 'm1', -1, at)).toMatchObject({ open: 0, total: 1 })
    expect(countedClaims({ ...one, open: 0 }, 'm1', -1, at).open).toBe(0)
  })

  it('shows a member’s badge with a masked name, only for an approved registration', () => {
    expect(claimerSnapshot('member', '陈建国', '建国', { status: 'approved', branch: '税务局支部', pledge: '服务群众' })).toEqual({
      kind: 'member',
      displayName: '陈**',
      branch: '税务局支部',
      pledge: '服务群众'
    })
    expect(claimerSnapshot('member', '陈建国', null, { status: 'pending', branch: 'x', pledge: 'y' })).toMatchObject({
      branch: null,
      pledge: null
    })
    expect(claimerSnapshot('volunteer', null, '小李', null)).toEqual({ kind: 'volunteer', displayName: '小*', branch: null, pledge: null })
  })
})

const DAY = 86_400_000
const rules = { releaseLimit: 2, releaseWindowDays: 30, releaseCooldownDays: 7 }
const daysAfter = (n: number) => new Date(at.getTime() + n * DAY)

describe('releases and the cooling-off', () => {
  it('starts a cooling-off at the second release within 30 days, and ends it 7 days later', () => {
    let c = withRelease(countedClaims(null, 'v1', 1, at), rules, at)
    expect(coolingOffUntil(c, rules, at)).toBeNull()
    c = withRelease(c, rules, daysAfter(10))
    expect(coolingOffUntil(c, rules, daysAfter(10))).toEqual(daysAfter(17))
    expect(coolingOffUntil(c, rules, daysAfter(16))).toEqual(daysAfter(17))
    expect(coolingOffUntil(c, rules, daysAfter(17))).toBeNull()
  })

  it('forgets releases older than the window', () => {
    let c = withRelease(countedClaims(null, 'v1', 1, at), rules, at)
    c = withRelease(c, rules, daysAfter(31))
    expect(coolingOffUntil(c, rules, daysAfter(31))).toBeNull()
    expect(c.releases).toEqual([daysAfter(31)])
  })

  it('refuses a claim during the cooling-off with a clear message and the date it ends', () => {
    const c = withRelease(withRelease(countedClaims(null, 'v1', 1, at), rules, at), rules, daysAfter(1))
    expect(() => requireMayClaim(c, 'cm01', rules, daysAfter(2))).toThrow('您30天内已放弃2次认领，2026-11-09之后可再认领')
    expect(() => requireMayClaim(c, 'cm01', rules, daysAfter(9))).not.toThrow()
    expect(() => requireMayClaim(c, 'cm01', { ...rules, releaseLimit: 3 }, daysAfter(2))).not.toThrow()
  })
})

describe('suspension', () => {
  it('stops claims in the one community until lifted, and records both steps', () => {
    const base = countedClaims(null, 'v1', 1, at)
    const suspended = withSuspension(base, { communityId: 'cm01', reason: '多次放弃', by: 's1', at, suspended: true })
    expect(suspensionIn(suspended, 'cm01')).toMatchObject({ reason: '多次放弃', by: 's1' })
    expect(() => requireMayClaim(suspended, 'cm01', rules, at)).toThrow(/已被暂停/)
    expect(() => requireMayClaim(suspended, 'cm02', rules, at)).not.toThrow()
    const lifted = withSuspension(suspended, { communityId: 'cm01', reason: '已核实', by: 's2', at: daysAfter(1), suspended: false })
    expect(() => requireMayClaim(lifted, 'cm01', rules, daysAfter(1))).not.toThrow()
    expect(lifted.suspensionLog?.map((e) => [e.suspended, e.by])).toEqual([
      [true, 's1'],
      [false, 's2']
    ])
  })

  it('keeps releases and suspensions when the open count moves', () => {
    const suspended = withSuspension(countedClaims(null, 'v1', 1, at), { communityId: 'cm01', reason: 'x', by: 's1', at, suspended: true })
    expect(suspensionIn(countedClaims(suspended, 'v1', -1, at), 'cm01')).not.toBeNull()
  })
})

describe('vetting', () => {
  it('lets only an approved volunteer claim', () => {
    expect(() => requireApprovedVolunteer('approved')).not.toThrow()
    for (const status of ['pending', 'rejected', null, undefined] as const) expect(() => requireApprovedVolunteer(status)).toThrow(/审核/)
  })
})
