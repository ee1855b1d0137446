import { assertMove, assertPickable, canMove, orderIdFor, parsePickup, pickupCode, pickupPayload, refunds } from './order'
import { setIdKey } from '../../../_shared/infra/ids'

beforeAll(() => setIdKey('unit-test-id-key'))

const codeOf = (fn: () => void) => {
  try {
    fn()
    return null
  } catch (e) {
    return `${(e as { code: string }).code}:${(e as Error).message}`
  }
}

describe('order state machine', () => {
  test('only a pending order moves, to picked up, cancelled or expired', () => {
    expect(canMove('pending', 'pickedUp')).toBe(true)
    expect(canMove('pending', 'cancelled')).toBe(true)
    expect(canMove('pending', 'expired')).toBe(true)
    for (const from of ['pickedUp', 'cancelled', 'expired'] as const)
      for (const to of ['pending', 'pickedUp', 'cancelled', 'expired'] as const) expect(canMove(from, to)).toBe(false)
  })
  test('refusals say what already happened', () => {
    expect(codeOf(() => assertMove('cancelled', 'expired'))).toBe('CONFLICT:该订单已取消')
    expect(codeOf(() => assertMove('expired', 'cancelled'))).toBe('CONFLICT:该订单已过期')
    expect(codeOf(() => assertMove('pickedUp', 'cancelled'))).toBe('CONFLICT:该订单已领取')
  })
  test('cancel and expiry refund; pickup does not', () => {
    expect(refunds('cancelled')).toBe(true)
    expect(refunds('expired')).toBe(true)
    expect(refunds('pickedUp')).toBe(false)
  })
  test('a pending order past its date cannot be picked up', () => {
    const now = new Date('2026-11-22T08:00:00Z')
    expect(codeOf(() => assertPickable('pending', new Date('2026-11-22T09:00:00Z'), now))).toBeNull()
    expect(codeOf(() => assertPickable('pending', new Date('2026-11-22T07:00:00Z'), now))).toBe('FAILED_PRECONDITION:取货码已过期')
  })
})

describe('pickup code', () => {
  test('six digits, zero-padded', () => {
    expect(pickupCode(() => 42)).toBe('000042')
    expect(pickupCode(() => 999_999)).toBe('999999')
  })
  test('the QR payload carries order and code; both forms parse, junk does not', () => {
    const id = orderIdFor('o-1', 'req_12345678')
    expect(id).toMatch(/^od_[0-9a-f]{24}$/)
    expect(orderIdFor('o-1', 'req_12345678')).toBe(id)
    expect(orderIdFor('o-2', 'req_12345678')).not.toBe(id)
    expect(parsePickup(pickupPayload(id, '012345'))).toEqual({ orderId: id, code: '012345' })
    expect(parsePickup(' 012345 ')).toEqual({ orderId: null, code: '012345' })
    // Typed as the buyer's screen shows it, or from a full-width keyboard.
    for (const typed of ['012 345', '０１２３４５', '０１２　３４５', '012-345', ' 0 1 2 3 4 5 '])
      expect(parsePickup(typed)).toEqual({ orderId: null, code: '012345' })
    for (const junk of ['12345', '1234567', '012 34', '0123 456', 'LLT-PICKUP:abc', 'LLT-PICKUP:a.b.12345x', 'LLT-CHECKIN:a.1.x'])
      expect(parsePickup(junk)).toBeNull()
  })
})
