// A redemption order's life: pending → pickedUp (the merchant scans the code), cancelled (the volunteer,
// before pickup) or expired (not picked up in time). Cancel and expiry refund and restock; nothing else
// leaves a final state.
import type { OrderStatus } from '../../../../types/enums'
import { conflict, precondition } from '../../../_shared/infra/errors'
import { opaqueId } from '../../../_shared/infra/ids'

const NEXT: Record<OrderStatus, OrderStatus[]> = {
  pending: ['pickedUp', 'cancelled', 'expired'],
  pickedUp: [],
  cancelled: [],
  expired: []
}

const ALREADY: Record<OrderStatus, string> = {
  pending: '订单待领取',
  pickedUp: '该订单已领取',
  cancelled: '该订单已取消',
  expired: '该订单已过期'
}

export const canMove = (from: OrderStatus, to: OrderStatus) => NEXT[from].includes(to)

export function assertMove(from: OrderStatus, to: OrderStatus): void {
  if (!canMove(from, to)) throw conflict(ALREADY[from])
}

/** Moves that give the points back and put the goods back on the shelf. */
export const refunds = (to: OrderStatus) => to === 'cancelled' || to === 'expired'

/** Whether a pending order may still be picked up at `now`. */
export function assertPickable(status: OrderStatus, expiresAt: Date, now: Date): void {
  assertMove(status, 'pickedUp')
  if (now.getTime() > expiresAt.getTime()) throw precondition('取货码已过期')
}

/**
 * An order is keyed by its buyer and request id, so a retried redeem finds the same order; hashed, as the
 * merchant sees the id (list, pickup QR) and must not see the buyer's openid.
 */
export const orderIdFor = (openid: string, requestId: string) => opaqueId('od', openid, requestId)

export const PICKUP_PREFIX = 'LLT-PICKUP:'

/** Six digits from a uniform integer source (crypto.randomInt in the function). */
export const pickupCode = (randomBelow: (max: number) => number) => String(randomBelow(1_000_000)).padStart(6, '0')

export const pickupPayload = (orderId: string, code: string) => `${PICKUP_PREFIX}${orderId}.${code}`

export type PickupRef = { orderId: string; code: string } | { orderId: null; code: string }

/**
 * What the merchant scanned or typed: the QR text (order and code) or the six digits alone, typed as shown
 * ("682 250") or with full-width digits and spaces from a Chinese keyboard.
 */
export function parsePickup(text: string): PickupRef | null {
  const s = text.normalize('NFKC').trim()
  const digits = s.replace(/[\s-]/g, '')
  if (/^\d{6}$/.test(digits)) return { orderId: null, code: digits }
  if (!s.startsWith(PICKUP_PREFIX)) return null
  const m = /^([A-Za-z0-9_-]{1,120})\.(\d{6})$/.exec(s.slice(PICKUP_PREFIX.length))
  return m ? { orderId: m[1], code: m[2] } : null
}
