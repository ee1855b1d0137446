import { assertCanApply, assertCanReview, merchantIdFor } from './merchant'
import { setIdKey } from '../../../_shared/infra/ids'

beforeAll(() => setIdKey('unit-test-id-key'))

const codeOf = (fn: () => void) => {
  try {
    fn()
    return null
  } catch (e) {
    return (e as Error).message
  }
}

describe('merchant application', () => {
  test('one per person, again after a rejection', () => {
    expect(merchantIdFor('o1')).toBe(merchantIdFor('o1'))
    expect(merchantIdFor('o1')).toMatch(/^m_[0-9a-f]{24}$/)
    expect(codeOf(() => assertCanApply(null))).toBeNull()
    expect(codeOf(() => assertCanApply('rejected'))).toBeNull()
    expect(codeOf(() => assertCanApply('pending'))).toBe('您的申请正在审核中')
    expect(codeOf(() => assertCanApply('approved'))).toBe('您已是积分超市商家')
  })
  test('only a pending application is reviewed', () => {
    expect(codeOf(() => assertCanReview('pending'))).toBeNull()
    expect(codeOf(() => assertCanReview('approved'))).toBe('该商家已通过审核')
  })
})
