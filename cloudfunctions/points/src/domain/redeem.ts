// Redemption rules: what can be redeemed now, how much it costs, and the per-person limit per period,
// counted in a quota document `redemptionQuotas/<goodsId>_<openid>_<period>` read inside the transaction.
import type { GoodsStatus, LimitPeriod } from '../../../../types/schemas/points'
import { exhausted, precondition } from '../../../_shared/infra/errors'
import { assessmentPeriod, halfYear, monthOf } from '../../../_shared/domain/period'

export interface GoodsRules {
  status: GoodsStatus
  stock: number
  price: number
  limitCount: number
  limitPeriod: LimitPeriod
  validUntil?: Date | null
}

export const LIMIT_PERIOD_NAMES: Record<LimitPeriod, string> = { month: '每月', halfYear: '每半年', year: '每年' }

/** The quota period key of `now`: "2026-11", "2026H2" or "2026" (China time). */
export function quotaPeriod(limitPeriod: LimitPeriod, now: Date): string {
  if (limitPeriod === 'month') return monthOf(now)
  if (limitPeriod === 'halfYear') return halfYear(now)
  return assessmentPeriod(now)
}

export const quotaId = (goodsId: string, openid: string, period: string) => `${goodsId}_${openid}_${period}`

/** Why the goods cannot be redeemed at all now, or null. */
export function unavailableReason(g: GoodsRules, now: Date): string | null {
  if (g.status !== 'onSale') return '该商品已下架'
  if (g.validUntil && now.getTime() > g.validUntil.getTime()) return '该商品已过兑换期'
  if (g.stock <= 0) return '已兑完'
  return null
}

/**
 * Checks a redemption of `quantity` by someone who already redeemed `used` in this period; answers the
 * points it costs. The balance is checked by the ledger when the points are taken.
 */
export function checkRedemption(g: GoodsRules, quantity: number, used: number, now: Date): number {
  const reason = unavailableReason(g, now)
  if (reason) throw precondition(reason)
  if (g.stock < quantity) throw precondition(`库存不足，仅剩${g.stock}件`)
  if (used + quantity > g.limitCount) {
    const left = Math.max(0, g.limitCount - used)
    throw exhausted(`${LIMIT_PERIOD_NAMES[g.limitPeriod]}每人限兑${g.limitCount}件${left ? `，您还可兑${left}件` : '，您已兑满'}`)
  }
  return g.price * quantity
}

/**
 * The stock after a merchant saves the goods form. With the stock the form was loaded with, the save
 * applies the merchant's change (restocked 3, took 2 off) to the stock as it is now, so redemptions made
 * while the form was open are not undone; without it, the stock typed in is taken as it is.
 */
export function editedStock(current: number, typed: number, loadedWith?: number): number {
  if (loadedWith === undefined) return typed
  return Math.max(0, current + typed - loadedWith)
}
