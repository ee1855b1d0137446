import { reviewedStatus } from './vetting'

describe('reviewedStatus', () => {
  it('approves or rejects a pending registration', () => {
    expect(reviewedStatus('pending', 'approve')).toBe('approved')
    expect(reviewedStatus('pending', 'reject')).toBe('rejected')
  })

  it('refuses to review a registration twice', () => {
    expect(() => reviewedStatus('approved', 'reject')).toThrow(/已审核/)
    expect(() => reviewedStatus('rejected', 'approve')).toThrow(/已审核/)
  })
})
