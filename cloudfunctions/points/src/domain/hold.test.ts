import { chargeBlocked, HOLD_GRACE_MS, isStale, newHold, orderOfHold, releasedFence, settleHold } from './hold'

const at = new Date('2026-11-01T00:00:00Z')
const later = (ms: number) => new Date(at.getTime() + ms)
const hold = newHold('od_x', 2, at, 'n1')

describe('stock holds', () => {
  test('a hold names its order; malformed ids name none', () => {
    expect(hold).toEqual({ id: 'od_x#n1', q: 2, at })
    expect(orderOfHold(hold.id)).toBe('od_x')
    expect(orderOfHold('od_a#b#c')).toBe('od_a#b')
    expect(orderOfHold('od_a')).toBeNull()
    expect(orderOfHold('#n1')).toBeNull()
    expect(orderOfHold('od_a#')).toBeNull()
  })

  test('a hold is stale after the grace period', () => {
    expect(isStale(hold, later(HOLD_GRACE_MS))).toBe(false)
    expect(isStale(hold, later(HOLD_GRACE_MS + 1))).toBe(true)
  })

  test('dropped once its order is made with it, kept while its call may run, released otherwise', () => {
    expect(settleHold(hold, { stockHold: hold.id }, at)).toBe('drop')
    expect(settleHold(hold, { stockHold: hold.id }, later(HOLD_GRACE_MS + 1))).toBe('drop')
    expect(settleHold(hold, null, later(HOLD_GRACE_MS))).toBe('keep')
    expect(settleHold(hold, null, later(HOLD_GRACE_MS + 1))).toBe('release')
    // The request's order was made with another hold (a double tap): this one's stock goes back at once.
    expect(settleHold(hold, { stockHold: 'od_x#n2' }, at)).toBe('release')
    expect(settleHold(hold, {}, at)).toBe('release')
  })

  test('a released hold cannot be charged; releasing keeps what the fence knew', () => {
    expect(chargeBlocked(null, hold.id)).toBeNull()
    const fence = releasedFence(null, hold.id)
    expect(fence).toEqual({ state: 'released', hold: null, released: [hold.id] })
    expect(chargeBlocked(fence, hold.id)).toBe('released')
    expect(chargeBlocked(fence, 'od_x#n2')).toBeNull()
    expect(releasedFence(fence, hold.id)).toEqual(fence)
    const done = { state: 'done' as const, hold: 'od_x#n2', released: [hold.id] }
    expect(releasedFence(done, 'od_x#n3')).toEqual({ state: 'done', hold: 'od_x#n2', released: [hold.id, 'od_x#n3'] })
  })
})
