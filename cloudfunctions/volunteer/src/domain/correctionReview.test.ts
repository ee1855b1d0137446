import type { CorrectionRequestDoc } from '../../../_shared/docs/volunteer'
import { assertNoPendingRequest, decide, needsSecondStaff, requestToDecide } from './correctionReview'

const AT = new Date('2026-03-01T00:00:00Z')
const asked: CorrectionRequestDoc = {
  hours: 3,
  reason: '补录',
  by: 's1',
  at: AT,
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  decisionReason: null
}

describe('four eyes on hours', () => {
  it('asks a second staff member only for one’s own enrollment', () => {
    expect(needsSecondStaff('s1', 's1')).toBe(true)
    expect(needsSecondStaff('v1', 's1')).toBe(false)
  })

  it('allows one pending request at a time', () => {
    expect(() => assertNoPendingRequest(undefined)).not.toThrow()
    expect(() => assertNoPendingRequest([asked])).toThrow(/待审批/)
  })

  it('lets another staff member decide, not the asker, once', () => {
    expect(requestToDecide([asked], 's1', 's2', true)).toBe(asked)
    expect(() => requestToDecide([asked], 's1', 's1', true)).toThrow(/另一位工作人员/)
    const decided = decide([asked], { approve: true, by: 's2', at: AT, reason: null })
    expect(decided[0]).toMatchObject({ status: 'approved', decidedBy: 's2', decidedAt: AT })
    expect(requestToDecide(decided, 's1', 's2', true)).toBeNull()
    expect(() => requestToDecide(decided, 's1', 's3', true)).toThrow(/已处理/)
    expect(() => requestToDecide(decided, 's1', 's2', false)).toThrow(/已处理/)
    expect(() => requestToDecide(undefined, 's1', 's2', true)).toThrow(/已处理/)
  })

  it('refuses the holder as reviewer', () => {
    expect(() => requestToDecide([{ ...asked, by: 's3' }], 's2', 's2', true)).toThrow(/本人报名/)
  })
})
