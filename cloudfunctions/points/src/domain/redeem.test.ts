import { checkRedemption, editedStock, quotaId, quotaPeriod, unavailableReason } from './redeem'

const now = new Date('2026-11-22T08:00:00Z')
const goods = (over = {}) => ({
  status: 'onSale' as const,
  stock: 5,
  price: 30,
  limitCount: 2,
  limitPeriod: 'month' as const,
  validUntil: null,
  ...over
})
const codeOf = (fn: () => void) => {
  try {
    fn()
    return null
  } catch (e) {
    return `${(e as { code: string }).code}:${(e as Error).message}`
  }
}

describe('quota period', () => {
  test('month, half-year and year keys in China time', () => {
    expect(quotaPeriod('month', now)).toBe('2026-11')
    expect(quotaPeriod('halfYear', now)).toBe('2026H2')
    expect(quotaPeriod('year', now)).toBe('2026')
    expect(quotaPeriod('month', new Date('2026-11-30T17:00:00Z'))).toBe('2026-12')
    expect(quotaId('g1', 'o1', '2026-11')).toBe('g1_o1_2026-11')
  })
})

describe('redemption', () => {
  test('costs price × quantity', () => {
    expect(checkRedemption(goods(), 2, 0, now)).toBe(60)
  })
  test('refuses off-shelf, expired, sold-out and short stock', () => {
    expect(unavailableReason(goods({ status: 'offShelf' }), now)).toBe('该商品已下架')
    expect(unavailableReason(goods({ validUntil: new Date('2026-11-01T00:00:00Z') }), now)).toBe('该商品已过兑换期')
    expect(codeOf(() => checkRedemption(goods({ stock: 0 }), 1, 0, now))).toBe('FAILED_PRECONDITION:已兑完')
    expect(codeOf(() => checkRedemption(goods({ stock: 1 }), 2, 0, now))).toBe('FAILED_PRECONDITION:库存不足，仅剩1件')
  })
  test('per-person limit per period', () => {
    expect(codeOf(() => checkRedemption(goods(), 1, 1, now))).toBeNull()
    expect(codeOf(() => checkRedemption(goods(), 2, 1, now))).toBe('RESOURCE_EXHAUSTED:每月每人限兑2件，您还可兑1件')
    expect(codeOf(() => checkRedemption(goods(), 1, 2, now))).toBe('RESOURCE_EXHAUSTED:每月每人限兑2件，您已兑满')
  })
})

describe('editing stock', () => {
  test('a form loaded with 5 and saved with 8 restocks 3 on top of what is left now', () => {
    expect(editedStock(2, 8, 5)).toBe(5)
    expect(editedStock(5, 8, 5)).toBe(8)
  })
  test('a form saved unchanged keeps the redemptions made meanwhile', () => {
    expect(editedStock(1, 5, 5)).toBe(1)
  })
  test('taking off more than is left empties the shelf, never below zero', () => {
    expect(editedStock(1, 0, 5)).toBe(0)
  })
  test('without the loaded stock the typed stock is taken as it is', () => {
    expect(editedStock(1, 5)).toBe(5)
  })
})
