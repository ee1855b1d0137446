// The pure rules of the points ledger: document shapes, deterministic entry ids and how an entry moves an
// account's totals. Used by the ledger (ledger.ts), which alone writes balances, and by the demo seed.
import type { LedgerKind } from '../../../types/enums'
import { precondition } from '../infra/errors'
import { opaqueId } from '../infra/ids'

export interface PointsAccountDoc {
  _id: string // openid
  /** The holder's home community (the board ranks per community). */
  communityId: string
  balance: number
  /** Service credits and staff adjustments; balance = earned - spent. */
  earned: number
  /** Redemptions minus refunds. */
  spent: number
  createdAt: Date
  updatedAt: Date
}

export interface LedgerEntryDoc {
  _id: string
  openid: string
  /** Where the points were earned or spent (activity's or goods' community). */
  communityId: string
  kind: LedgerKind
  amount: number
  balanceAfter: number
  reason: string
  /** The enrollment, order or request this entry comes from. */
  sourceId: string
  /** Who caused it when not the holder (staff adjustment, hours correction). */
  by: string | null
  at: Date
  /** For entries whose id comes from a client request id: the payload's fingerprint (infra/ids.ts). */
  requestFingerprint?: string
}

const creditId = (enrollmentId: string) => opaqueId('credit', enrollmentId)

/**
 * Deterministic entry ids: one per source, so an entry can only be written once. Sources that hold an openid
 * (enrollment ids, the adjusting staff member) are hashed; order ids are already opaque.
 */
export const ledgerId = {
  credit: creditId,
  correction: (enrollmentId: string, n: number) => `${creditId(enrollmentId)}_c${n}`,
  redemption: (orderId: string) => `redeem_${orderId}`,
  refund: (orderId: string) => `refund_${orderId}`,
  adjust: (staffOpenid: string, requestId: string) => opaqueId('adjust', staffOpenid, requestId)
}

export type Totals = Pick<PointsAccountDoc, 'balance' | 'earned' | 'spent'>

export const INSUFFICIENT_POINTS = '积分不足'

/**
 * Pure: the account totals after an entry. Credits and adjustments move `earned`, redemptions and
 * refunds move `spent`; a result below zero is refused.
 */
export function nextTotals(current: Totals | null, kind: LedgerKind, amount: number): Totals {
  if (!Number.isInteger(amount)) throw new RangeError(`points must be whole numbers, got ${amount}`)
  const base = current ?? { balance: 0, earned: 0, spent: 0 }
  const earns = kind === 'credit' || kind === 'adjust'
  const next = {
    balance: base.balance + amount,
    earned: earns ? base.earned + amount : base.earned,
    spent: earns ? base.spent : base.spent - amount
  }
  if (next.balance < 0) throw precondition(INSUFFICIENT_POINTS, { balance: base.balance, needed: -amount })
  return next
}
