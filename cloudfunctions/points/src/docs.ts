// Stored shapes of the points supermarket's documents.
import type { MerchantStatus } from '../../../types/enums'

export type { OrderDoc } from '../../_shared/docs/points'
import type { AdjustmentStatus, GoodsKind, GoodsStatus, LimitPeriod, MerchantKind } from '../../../types/schemas/points'
import type { LedgerEntryDoc } from '../../_shared/domain/ledgerRules'
import type { FenceRef, StockHold } from './domain/hold'

export interface MerchantDoc {
  _id: string
  name: string
  kind: MerchantKind
  communityId: string
  ownerId: string
  contactName: string
  contactPhone: string | null
  address: string
  description: string
  status: MerchantStatus
  reason: string | null
  appliedAt: Date
  reviewedAt: Date | null
  reviewedBy: string | null
  updatedAt: Date
}

export interface GoodsDoc {
  _id: string
  merchantId: string
  merchantName: string
  communityId: string
  name: string
  kind: GoodsKind
  description: string
  photo: string | null
  price: number
  stock: number
  redeemed: number
  limitCount: number
  limitPeriod: LimitPeriod
  pickupPlace: string
  pickupDays: number
  validUntil: Date | null
  status: GoodsStatus
  /** Holds of redemptions that took stock and are not settled yet (domain/hold.ts); absent when none ever did. */
  holds?: StockHold[]
  createdAt: Date
  updatedAt: Date
  updatedBy: string
}

/**
 * `stockHolds/<order id>`: the fence between a redemption's charge and the release of its stock. The charge
 * transaction writes it `done` with its hold; a release writes the hold into `released` (in a transaction
 * that finds no order made with it), and the charge of a released hold refuses. Removed by the recovery
 * timer once settled for the grace period.
 */
export interface FenceDoc extends FenceRef {
  _id: string
  updatedAt: Date
}

export interface QuotaDoc {
  _id: string // goodsId + "_" + openid + "_" + period
  goodsId: string
  openid: string
  period: string
  used: number
  updatedAt: Date
}

/** A staff points adjustment (four eyes): applied at once, or pending a second staff member's decision. */
export interface AdjustmentDoc {
  _id: string
  communityId: string
  /** The holder's openid, volunteer number and name when asked. */
  openid: string
  volunteerNo: string
  volunteerName: string
  amount: number
  reason: string
  requestId: string
  requestFingerprint: string
  requestedBy: string
  requestedAt: Date
  /** China-time month whose cap this adjustment counts against. */
  month: string
  status: AdjustmentStatus
  decidedBy: string | null
  decidedAt: Date | null
  decisionReason: string | null
  entry: LedgerEntryDoc | null
}

/** Points adjusted in a community in a month (applied and pending, either way): the cap's counter. */
export interface AdjustTotalDoc {
  _id: string
  communityId: string
  month: string
  used: number
  updatedAt: Date
}
