// Documents → answers. Personal data is masked for everyone but its owner and the community's staff.
import type { AdjustmentView, GoodsView, LedgerItem, MerchantView, OrderView } from '../../../types/schemas/points'
import { isStaffOf, type Caller } from '../../_shared/infra/auth'
import type { LedgerEntryDoc } from '../../_shared/infra/ledger'
import { maskName, maskPhone } from '../../_shared/domain/masking'
import { asDate, iso, isoOrNull } from '../../_shared/domain/dates'
import type { AdjustmentDoc, GoodsDoc, MerchantDoc, OrderDoc } from './docs'
import { pickupPayload } from './domain/order'
import { unavailableReason } from './domain/redeem'

export function toMerchantView(m: MerchantDoc, caller: Caller, names: Map<string, string>): MerchantView {
  const mine = m.ownerId === caller.openid
  const full = mine || isStaffOf(caller, m.communityId)
  return {
    id: m._id,
    name: m.name,
    kind: m.kind,
    communityId: m.communityId,
    communityName: names.get(m.communityId) ?? '',
    status: m.status,
    contactName: full ? m.contactName : maskName(m.contactName),
    contactPhone: (full ? m.contactPhone : maskPhone(m.contactPhone)) ?? '',
    address: m.address,
    description: m.description,
    reason: m.reason ?? null,
    appliedAt: iso(m.appliedAt),
    reviewedAt: isoOrNull(m.reviewedAt),
    mine
  }
}

export const rulesOf = (g: GoodsDoc) => ({ ...g, validUntil: g.validUntil ? asDate(g.validUntil) : null })

export function toGoodsView(g: GoodsDoc, now: Date): GoodsView {
  return {
    id: g._id,
    merchantId: g.merchantId,
    merchantName: g.merchantName,
    communityId: g.communityId,
    name: g.name,
    kind: g.kind,
    description: g.description ?? '',
    photo: g.photo ?? null,
    price: g.price,
    stock: g.stock,
    redeemed: g.redeemed ?? 0,
    limitCount: g.limitCount,
    limitPeriod: g.limitPeriod,
    pickupPlace: g.pickupPlace,
    pickupDays: g.pickupDays,
    validUntil: isoOrNull(g.validUntil),
    onSale: g.status === 'onSale',
    available: unavailableReason(rulesOf(g), now) === null
  }
}

/** The buyer sees the pickup code while it can be used; the merchant and staff see a masked buyer name. */
export function toOrderView(o: OrderDoc, viewer: 'buyer' | 'shop', buyerName?: string | null): OrderView {
  const buyerSees = viewer === 'buyer' && o.status === 'pending'
  return {
    id: o._id,
    goodsId: o.goodsId,
    goodsName: o.goodsName,
    merchantId: o.merchantId,
    merchantName: o.merchantName,
    quantity: o.quantity,
    points: o.points,
    status: o.status,
    pickupPlace: o.pickupPlace,
    pickupCode: buyerSees ? o.pickupCode : null,
    qrPayload: buyerSees ? pickupPayload(o._id, o.pickupCode) : null,
    buyer: viewer === 'shop' ? maskName(buyerName ?? null) : null,
    createdAt: iso(o.createdAt),
    expiresAt: iso(o.expiresAt),
    closedAt: isoOrNull(o.closedAt)
  }
}

export function toLedgerItem(e: LedgerEntryDoc): LedgerItem {
  return { id: e._id, kind: e.kind, amount: e.amount, balanceAfter: e.balanceAfter, reason: e.reason, at: iso(e.at) }
}

export function toAdjustmentView(a: AdjustmentDoc, caller: Caller): AdjustmentView {
  return {
    id: a._id,
    communityId: a.communityId,
    volunteerNo: a.volunteerNo,
    volunteerName: a.volunteerName,
    amount: a.amount,
    reason: a.reason,
    status: a.status,
    requestedAt: iso(a.requestedAt),
    mine: a.requestedBy === caller.openid,
    decidedAt: isoOrNull(a.decidedAt),
    decisionReason: a.decisionReason,
    entry: a.entry ? toLedgerItem(a.entry) : null
  }
}
