// Stored shapes of the points pillar's documents that other functions read too (the workbench's exports).
// The points function's src/docs.ts re-exports them.
import type { OrderStatus } from '../../../types/enums'

export interface OrderDoc {
  _id: string // openid + "_" + requestId
  openid: string
  requestId: string
  goodsId: string
  goodsName: string
  merchantId: string
  merchantName: string
  /** The goods' community (its staff may verify the pickup). */
  communityId: string
  quantity: number
  points: number
  status: OrderStatus
  pickupCode: string
  pickupPlace: string
  quotaId: string
  createdAt: Date
  expiresAt: Date
  closedAt: Date | null
  closedBy: string | null
  /** The redeem request's payload fingerprint (infra/ids.ts); absent on older orders. */
  requestFingerprint?: string
  /** The stock hold (points/src/domain/hold.ts) the order took its stock from; absent on older orders. */
  stockHold?: string
}
