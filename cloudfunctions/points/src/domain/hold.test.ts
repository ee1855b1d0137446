import { holdToken, isStale, parseHoldToken, settleToken, HOLD_GRACE_MS, type HoldRef } from './hold'

const at = new Date('2026-11-01T00:00:00Z')
const hold = (state: HoldRef['state'], attempt = 1): HoldRef => ({ _id: 'ord_x', attempt, state, createdAt: at })

describe('hold tokens', () => {
  test('round-trip, even with # in the hold id; malformed tokens are null', () => {
    expect(parseHoldToken(holdToken('ord_a#b', 3))).toEqual({ holdId: 'ord_a#b', attempt: 3 })
    expect(parseHoldToken('ord_a')).toBeNull()
    expect(parseHoldToken('#1')).toBeNull()
    expect(parseHoldToken('ord_a#0')).toBeNull()
    expect(parseHoldToken('ord_a#x')).toBeNull()
  })

  test('a token is kept while its attempt is open, dropped once done, given back otherwise', () => {
    expect(settleToken(hold('open'), 1)).toBe('keep')
    expect(settleToken(hold('done'), 1)).toBe('drop')
    expect(settleToken(hold('released'), 1)).toBe('giveBack')
    expect(settleToken(hold('open', 2), 1)).toBe('giveBack')
    expect(settleToken(hold('done', 2), 1)).toBe('giveBack')
    expect(settleToken(null, 1)).toBe('giveBack')
  })

  test('a hold is stale after the grace period', () => {
    expect(isStale(hold('open'), new Date(at.getTime() + HOLD_GRACE_MS))).toBe(false)
    expect(isStale(hold('open'), new Date(at.getTime() + HOLD_GRACE_MS + 1))).toBe(true)
  })
})
