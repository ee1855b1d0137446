// Goods and services in the points supermarket: the merchant (or staff of its community) lists them;
// volunteers browse them.
import { personOf } from '../../../_shared/infra/auth'
import { denied, notFound, precondition } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import { opaqueId } from '../../../_shared/infra/ids'
import type { Handler } from '../../../_shared/infra/router'
import type { GoodsDoc } from '../docs'
import { editedStock, quotaId, quotaPeriod } from '../domain/redeem'
import { createGoods, findGoods, findQuota, goodsPage, loadGoods, loadMerchant, transact, updateGoods } from '../repo'
import { toGoodsView } from '../views'
import { canManageMerchant, requireMerchantManager } from './merchants'

export const upsertGoods: Handler<'points', 'upsertGoods'> = async (input, { caller, now, fingerprint }) => {
  const m = await loadMerchant(input.merchantId)
  requireMerchantManager(caller, m)
  if (m.status !== 'approved') throw precondition('商家尚未通过审核，暂不能上架')
  const fields = {
    merchantId: m._id,
    merchantName: m.name,
    communityId: m.communityId,
    name: input.name,
    kind: input.kind,
    description: input.description,
    photo: input.photo ?? null,
    price: input.price,
    stock: input.stock,
    limitCount: input.limitCount,
    limitPeriod: input.limitPeriod,
    pickupPlace: input.pickupPlace,
    pickupDays: input.pickupDays,
    validUntil: input.validUntil === undefined ? null : new Date(input.validUntil),
    status: input.onSale ? ('onSale' as const) : ('offShelf' as const),
    updatedAt: now,
    updatedBy: personOf(caller)
  }
  if (!input.goodsId) {
    requireOwnFiles([input.photo], caller.openid, { path: 'photo' })
    // `holds` from the start: a redemption refused after taking stock gives it back leaving the goods as they were.
    const fresh: GoodsDoc = { _id: opaqueId('g', m._id, input.requestId!), ...fields, redeemed: 0, holds: [], createdAt: now }
    const saved = await transact((tx) => createGoods(tx, fresh, fingerprint))
    return toGoodsView(saved, now)
  }
  const goodsId = input.goodsId
  const saved = await transact(async (tx) => {
    const g = await findGoods(goodsId, tx)
    if (!g) throw notFound('商品不存在或已删除')
    if (g.merchantId !== m._id) throw denied('该商品不属于此商家')
    requireOwnFiles([input.photo], caller.openid, { path: 'photo', kept: [g.photo] })
    const edited = { ...fields, stock: editedStock(g.stock, input.stock, input.stockBefore) }
    await updateGoods(tx, g._id, edited)
    return { ...g, ...edited }
  })
  return toGoodsView(saved, now)
}

export const listGoods: Handler<'points', 'listGoods'> = async (input, { caller, now }) => {
  const manage = input.merchantId ? canManageMerchant(caller, await loadMerchant(input.merchantId)) : false
  const community = input.merchantId ? undefined : (input.communityId ?? caller.user?.communityId ?? undefined)
  const where: Parameters<typeof goodsPage>[0] = manage ? {} : { status: 'onSale' }
  if (input.merchantId) where.merchantId = input.merchantId
  if (community) where.communityId = community
  if (input.kind) where.kind = input.kind
  const page = await goodsPage(where, input)
  return { items: page.items.map((g) => toGoodsView(g, now)), nextCursor: page.nextCursor }
}

export const goodsDetail: Handler<'points', 'goods'> = async (input, { caller, now }) => {
  const g = await loadGoods(input.goodsId)
  const canManage = canManageMerchant(caller, { _id: g.merchantId, communityId: g.communityId })
  if (g.status !== 'onSale' && !canManage) throw notFound('该商品已下架')
  const quota = caller.openid ? await findQuota(quotaId(g._id, caller.openid, quotaPeriod(g.limitPeriod, now))) : null
  return { ...toGoodsView(g, now), myUsed: quota?.used ?? 0, canManage }
}
