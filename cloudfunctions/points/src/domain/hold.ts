// Stock holds: how a redemption takes stock from a popular item without a transaction on the goods
// document (docs/pillars/volunteer-points.md, "Hot-item redemption"). The conditional update that takes the
// stock also pushes the redemption's hold `{ id, q, at }` onto `goods.holds`, so "was the stock taken, and
// how much?" is answered by the goods document itself. The order records the hold its stock came from, and
// `stockHolds/<order id>` is the fence between the charge and a release. These rules decide what becomes of
// a hold found on the goods; the handlers and the recovery timer apply them.

/** A hold as it sits on `goods.holds` while its redemption is not settled. */
export interface StockHold {
  /** `<order id>#<nonce>`: one per call, so two calls of the same request never share one. */
  id: string
  /** The quantity taken. */
  q: number
  /** When the call that took it started. */
  at: Date
}

/** How long a hold may stay unsettled before the recovery pass settles it: twice the function timeout. */
export const HOLD_GRACE_MS = 120_000

export const newHold = (orderId: string, quantity: number, at: Date, nonce: string): StockHold => ({
  id: `${orderId}#${nonce}`,
  q: quantity,
  at
})

/** The order a hold was taken for; null for a malformed id. */
export function orderOfHold(holdId: string): string | null {
  const at = holdId.lastIndexOf('#')
  return at > 0 && at < holdId.length - 1 ? holdId.slice(0, at) : null
}

/** May the hold's call still be running? Past the grace period it is over (its function timed out). */
export const isStale = (hold: Pick<StockHold, 'at'>, now: Date) => now.getTime() - new Date(hold.at).getTime() > HOLD_GRACE_MS

/** What the fence `stockHolds/<order id>` records: the hold the order was made with, or the holds given back. */
export interface FenceRef {
  state: 'done' | 'released'
  /** With `done`: the hold the order took its stock from. */
  hold: string | null
  /** Holds of this request whose stock was (or is being) given back; their charge must refuse. */
  released: string[]
}

/**
 * What to do with a hold found on the goods, given the order of its request (if written): `drop` it when
 * the order was made with this hold (its stock is the order's), `keep` it while its call may still be
 * running, else `release` it (fence, then give the stock back).
 */
export function settleHold(hold: StockHold, order: { stockHold?: string } | null, now: Date): 'drop' | 'keep' | 'release' {
  if (order && order.stockHold === hold.id) return 'drop'
  if (order) return 'release'
  return isStale(hold, now) ? 'release' : 'keep'
}

/** Why a charge must not go ahead with `hold`, or null: the fence released it or the order exists already. */
export function chargeBlocked(fence: FenceRef | null, holdId: string): 'released' | null {
  return fence?.released.includes(holdId) ? 'released' : null
}

/** The fence after releasing `holdId`. */
export const releasedFence = (fence: FenceRef | null, holdId: string): FenceRef => ({
  state: fence?.state === 'done' ? 'done' : 'released',
  hold: fence?.hold ?? null,
  released: fence?.released.includes(holdId) ? fence.released : [...(fence?.released ?? []), holdId]
})
