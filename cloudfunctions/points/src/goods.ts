// Goods and services in the points supermarket: the merchant (or staff of its community) lists them;
// volunteers browse them.
import type { ParsedOf } from '../../../types/contract'
import { contract } from '../../../types'
import type { Page } from '../../../types/schemas/common'
import type { GoodsDetail, GoodsView } from '../../../types/schemas/points'
import { personOf } from '../../_shared/infra/auth'
import { coll, createOnce, cursor, getDoc } from '../../_shared/infra/db'
import { requestDocId } from '../../_shared/infra/ids'
import { denied, notFound, precondition } from '../../_shared/infra/errors'
import { transact } from '../../_shared/infra/ledger'
import type { Ctx } from '../../_shared/infra/router'
import type { GoodsDoc, QuotaDoc } from './docs'
import { editedStock, quotaId, quotaPeriod } from './domain/redeem'
import { canManageMerchant, loadMerchant, requireMerchantManager } from './merchants'
import { toGoodsView } from './views'

type Input<A extends keyof typeof contract.points> = ParsedOf<(typeof contract.points)[A]>

export async function loadGoods(id: string): Promise<GoodsDoc> {
  const g = await getDoc<GoodsDoc>('goods', id)
  if (!g) throw notFound('商品不存在或已删除')
  return g
}

export async function upsertGoods(input: Input<'upsertGoods'>, { caller, now }: Ctx): Promise<GoodsView> {
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
    const fresh: GoodsDoc = { _id: requestDocId('g', m._id, input.requestId!), ...fields, redeemed: 0, createdAt: now }
    const saved = await transact((tx) => createOnce('goods', fresh, tx))
    return toGoodsView(saved, now)
  }
  const goodsId = input.goodsId
  const saved = await transact(async (tx) => {
    const g = await getDoc<GoodsDoc>('goods', goodsId, tx)
    if (!g) throw notFound('商品不存在或已删除')
    if (g.merchantId !== m._id) throw denied('该商品不属于此商家')
    const edited = { ...fields, stock: editedStock(g.stock, input.stock, input.stockBefore) }
    await coll('goods', tx).doc(g._id).update({ data: edited })
    return { ...g, ...edited }
  })
  return toGoodsView(saved, now)
}

export async function listGoods(input: Input<'listGoods'>, { caller, now }: Ctx): Promise<Page<GoodsView>> {
  const offset = cursor.decode(input.cursor)
  const limit = input.limit ?? 20
  const manage = input.merchantId ? canManageMerchant(caller, await loadMerchant(input.merchantId)) : false
  const community = input.merchantId ? undefined : input.communityId ?? caller.user?.communityId ?? undefined
  const where: Record<string, unknown> = manage ? {} : { status: 'onSale' }
  if (input.merchantId) where.merchantId = input.merchantId
  if (community) where.communityId = community
  if (input.kind) where.kind = input.kind
  const { data } = await coll('goods').where(where).orderBy('updatedAt', 'desc').skip(offset).limit(limit).get()
  const items = (data as GoodsDoc[]).map((g) => toGoodsView(g, now))
  return { items, nextCursor: cursor.next(offset, items.length, limit) }
}

export async function goodsDetail(input: Input<'goods'>, { caller, now }: Ctx): Promise<GoodsDetail> {
  const g = await loadGoods(input.goodsId)
  const canManage = canManageMerchant(caller, { _id: g.merchantId, communityId: g.communityId })
  if (g.status !== 'onSale' && !canManage) throw notFound('该商品已下架')
  const quota = caller.openid ? await getDoc<QuotaDoc>('redemptionQuotas', quotaId(g._id, caller.openid, quotaPeriod(g.limitPeriod, now))) : null
  return { ...toGoodsView(g, now), myUsed: quota?.used ?? 0, canManage }
}
