import fc from 'fast-check'
import { ledgerId, nextTotals } from './ledgerRules'
import { setIdKey } from '../infra/ids'

beforeAll(() => setIdKey('unit-test-id-key'))

describe('ledger totals', () => {
  test('credits and adjustments move earned, redemptions and refunds move spent', () => {
    let t = nextTotals(null, 'credit', 50)
    expect(t).toEqual({ balance: 50, earned: 50, spent: 0 })
    t = nextTotals(t, 'redemption', -30)
    expect(t).toEqual({ balance: 20, earned: 50, spent: 30 })
    t = nextTotals(t, 'refund', 30)
    expect(t).toEqual({ balance: 50, earned: 50, spent: 0 })
    t = nextTotals(t, 'adjust', -5)
    expect(t).toEqual({ balance: 45, earned: 45, spent: 0 })
  })

  test('a negative balance is refused with 积分不足', () => {
    expect(() => nextTotals({ balance: 10, earned: 10, spent: 0 }, 'redemption', -11)).toThrow('积分不足')
    expect(() => nextTotals(null, 'adjust', -1)).toThrow('积分不足')
  })

  test('balance = earned − spent = sum of the entries, never below zero', () => {
    const kinds = ['credit', 'redemption', 'refund', 'adjust'] as const
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: -100, max: 100 }))), (entries) => {
        let t = null as ReturnType<typeof nextTotals> | null
        let sum = 0
        for (const [kind, amount] of entries) {
          try {
            t = nextTotals(t, kind, amount)
            sum += amount
          } catch {
            /* refused: nothing changes */
          }
        }
        const final = t ?? { balance: 0, earned: 0, spent: 0 }
        return final.balance === sum && final.balance === final.earned - final.spent && final.balance >= 0
      })
    )
  })

  test('entry ids follow from their source', () => {
    expect(ledgerId.credit('a1_o1')).toBe(ledgerId.credit('a1_o1'))
    expect(ledgerId.credit('a1_o1')).toMatch(/^credit_[0-9a-f]{24}$/)
    expect(ledgerId.correction('a1_o1', 2)).toBe(`${ledgerId.credit('a1_o1')}_c2`)
    expect(ledgerId.adjust('staffOpenid', 'req-1')).toMatch(/^adjust_[0-9a-f]{24}$/)
    expect(ledgerId.adjust('staffOpenid', 'req-1')).not.toBe(ledgerId.adjust('staffOpenid', 'req-2'))
    expect(ledgerId.redemption('o1_r1')).toBe('redeem_o1_r1')
    expect(ledgerId.refund('o1_r1')).toBe('refund_o1_r1')
  })
})
