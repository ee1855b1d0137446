// Stored shapes of the points supermarket's documents.
import type { MerchantStatus } from '../../../types/enums'

export type { OrderDoc } from '../../_shared/docs/points'
import type { GoodsKind, GoodsStatus, LimitPeriod, MerchantKind } from '../../../types/schemas/points'

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
  createdAt: Date
  updatedAt: Date
  updatedBy: string
}

export interface QuotaDoc {
  _id: string // goodsId + "_" + openid + "_" + period
  goodsId: string
  openid: string
  period: string
  used: number
  updatedAt: Date
}
