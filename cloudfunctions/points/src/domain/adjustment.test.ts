import { adjustRulesOf, assertCanReview, assertUnderCap, DEFAULT_ADJUST_RULES, needsApproval } from './adjustment'

const rules = DEFAULT_ADJUST_RULES

describe('needsApproval', () => {
  it('is needed for one’s own account, whatever the amount', () => {
    expect(needsApproval({ amount: 1, staff: 's1', holder: 's1' }, rules)).toBe(true)
  })
  it('is needed above the threshold either way, not at it', () => {
    expect(needsApproval({ amount: 100, staff: 's1', holder: 'v1' }, rules)).toBe(false)
    expect(needsApproval({ amount: -100, staff: 's1', holder: 'v1' }, rules)).toBe(false)
    expect(needsApproval({ amount: 101, staff: 's1', holder: 'v1' }, rules)).toBe(true)
    expect(needsApproval({ amount: -101, staff: 's1', holder: 'v1' }, rules)).toBe(true)
  })
  it('follows the community’s threshold', () => {
    expect(
      needsApproval({ amount: 20, staff: 's1', holder: 'v1' }, adjustRulesOf({ adjustments: { threshold: 10, monthlyCap: 50 } }))
    ).toBe(true)
    expect(adjustRulesOf(undefined)).toEqual(DEFAULT_ADJUST_RULES)
  })
})

describe('assertUnderCap', () => {
  const cap = { threshold: 100, monthlyCap: 500 }
  it('lets an adjustment reach the cap and refuses one past it, counting deductions too', () => {
    expect(() => assertUnderCap(400, 100, cap)).not.toThrow()
    expect(() => assertUnderCap(400, -101, cap)).toThrow(/本月积分调整额度已用完/)
    expect(() => assertUnderCap(600, 1, cap)).toThrow(/剩余0分/)
  })
})

describe('assertCanReview', () => {
  const req = { status: 'pending' as const, requestedBy: 's1', openid: 'v1' }
  it('takes a second staff member who is not the holder, once', () => {
    expect(() => assertCanReview(req, 's2')).not.toThrow()
    expect(() => assertCanReview(req, 's1')).toThrow(/另一位工作人员/)
    expect(() => assertCanReview({ ...req, openid: 's2' }, 's2')).toThrow(/自己积分/)
    expect(() => assertCanReview({ ...req, status: 'approved' }, 's2')).toThrow(/已处理/)
  })
})
