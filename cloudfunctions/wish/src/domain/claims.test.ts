import { type AppError } from '../../../_shared/infra/errors'
import { claimCapacity, claimerSnapshot, countedClaims, requireClaimSlot } from './claims'

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
