// Reads and writes of the points pillar's documents: the only module of this function that touches the
// database. Handlers run their transactions through `transact` and hand its `tx` to the functions here;
// balances change only through the ledger's `post`.
import type { RoleGrant } from '../../../types'
import type { CommunityDoc, UserDoc } from '../../_shared/docs'
import type { VolunteerDoc } from '../../_shared/docs/volunteer'
import { _ } from '../../_shared/infra/cloud'
import { coll, createOnce, getDoc, loadDoc, pageOf, putDoc, updateDoc, type PageInput, type Tx } from '../../_shared/infra/db'
import type { LedgerEntryDoc, PointsAccountDoc } from '../../_shared/infra/ledger'
import type { AdjustmentDoc, AdjustTotalDoc, FenceDoc, GoodsDoc, MerchantDoc, OrderDoc, QuotaDoc } from './docs'
import type { StockHold } from './domain/hold'

export { applyPosting, balanceOf, post, readPosting, transact } from '../../_shared/infra/ledger'
export { startTransaction } from '../../_shared/infra/db'
export { bumpChange } from '../../_shared/infra/rollups'
export { communityNames } from '../../_shared/infra/communities'
export type { PageInput, Tx }

export const findCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)
export const findUser = (openid: string) => getDoc<UserDoc>('users', openid)

/** Adds a role grant (unless held already) to a person inside `tx`. */
export async function grantRole(tx: Tx, openid: string, grant: RoleGrant, now: Date): Promise<void> {
  const owner = await getDoc<UserDoc>('users', openid, tx)
  if (!owner) return
  const roles = owner.roles ?? []
  const held = roles.some((g) => g.role === grant.role && g.merchantId === grant.merchantId)
  await coll('users', tx)
    .doc(owner._id)
    .update({ data: { roles: held ? roles : [...roles, grant], updatedAt: now } })
}

// --- merchants ---------------------------------------------------------------------------------------

export const findMerchant = (id: string, tx?: Tx) => getDoc<MerchantDoc>('merchants', id, tx)

export const loadMerchant = (id: string, tx?: Tx) => loadDoc<MerchantDoc>('merchants', id, '商家不存在', tx)

export const saveMerchant = (tx: Tx, m: MerchantDoc) => putDoc('merchants', m, tx)
export const updateMerchant = (tx: Tx, id: string, patch: Partial<MerchantDoc>) => updateDoc('merchants', id, patch, tx)

export const merchantsPage = (communityId: string, status: MerchantDoc['status'] | undefined, page: PageInput) =>
  pageOf<MerchantDoc>(
    coll('merchants')
      .where(status ? { communityId, status } : { communityId })
      .orderBy('appliedAt', 'desc'),
    page
  )

// --- goods -------------------------------------------------------------------------------------------

export const findGoods = (id: string, tx?: Tx) => getDoc<GoodsDoc>('goods', id, tx)

export const GOODS_GONE = '商品不存在或已删除'
export const loadGoods = (id: string, tx?: Tx) => loadDoc<GoodsDoc>('goods', id, GOODS_GONE, tx)

export const createGoods = (tx: Tx, g: GoodsDoc, fingerprint?: string) => createOnce('goods', g, tx, fingerprint)
export const updateGoods = (tx: Tx, id: string, patch: Partial<GoodsDoc>) => coll('goods', tx).doc(id).update({ data: patch })

export const goodsPage = (where: Partial<Pick<GoodsDoc, 'status' | 'merchantId' | 'communityId' | 'kind'>>, page: PageInput) =>
  pageOf<GoodsDoc>(coll('goods').where(where).orderBy('updatedAt', 'desc'), page)

/** Puts `quantity` back on the shelf inside `tx` (a cancelled or expired order). */
export const restock = (tx: Tx, id: string, quantity: number, now: Date) =>
  coll('goods', tx)
    .doc(id)
    .update({ data: { stock: _.inc(quantity), redeemed: _.inc(-quantity), updatedAt: now } })

/**
 * Takes the hold's quantity from the stock if that much is left and the goods are on sale, pushing the hold
 * in the same single-document update (atomic in the database): true when taken. `updatedAt` is the
 * merchant's last edit (the shelf is listed by it), so a take leaves it.
 */
export async function takeStock(goodsId: string, hold: StockHold): Promise<boolean> {
  const res = await coll('goods')
    .where({ _id: goodsId, status: 'onSale', stock: _.gte(hold.q) })
    .update({ data: { stock: _.inc(-hold.q), redeemed: _.inc(hold.q), holds: _.push([hold]) } })
  return res.stats.updated === 1
}

/** Puts the stock of a hold back, once: only while the hold is still on the goods. */
export async function returnStock(goodsId: string, hold: Pick<StockHold, 'id' | 'q'>): Promise<void> {
  await coll('goods')
    .where({ _id: goodsId, 'holds.id': hold.id })
    .update({ data: { stock: _.inc(hold.q), redeemed: _.inc(-hold.q), holds: _.pull({ id: hold.id }) } })
}

/** Removes the hold of a redemption whose order was written (its stock stays taken). */
export async function dropHold(goodsId: string, holdId: string): Promise<void> {
  await coll('goods')
    .where({ _id: goodsId, 'holds.id': holdId })
    .update({ data: { holds: _.pull({ id: holdId }) } })
}

/** Goods carrying unsettled holds, a batch at a time. */
export async function goodsWithHolds(limit: number): Promise<Pick<GoodsDoc, '_id' | 'holds'>[]> {
  const { data } = await coll('goods')
    .where({ 'holds.0': _.exists(true) })
    .field({ _id: true, holds: true })
    .limit(limit)
    .get()
  return data as Pick<GoodsDoc, '_id' | 'holds'>[]
}

// --- stock hold fences ---------------------------------------------------------------------------------

export const findFence = (orderId: string, tx?: Tx) => getDoc<FenceDoc>('stockHolds', orderId, tx)
export const saveFence = (tx: Tx, f: FenceDoc) => putDoc('stockHolds', f, tx)

/** Removes fences settled before `before` (no call of theirs can still be running). */
export async function removeFencesBefore(before: Date): Promise<number> {
  const res = await coll('stockHolds')
    .where({ updatedAt: _.lt(before) })
    .remove()
  return res.stats.removed
}

// --- quotas ------------------------------------------------------------------------------------------

export const findQuota = (id: string, tx?: Tx) => getDoc<QuotaDoc>('redemptionQuotas', id, tx)
export const saveQuota = (tx: Tx, quota: QuotaDoc) => putDoc('redemptionQuotas', quota, tx)
export const updateQuota = (tx: Tx, id: string, patch: Partial<QuotaDoc>) => coll('redemptionQuotas', tx).doc(id).update({ data: patch })

// --- orders ------------------------------------------------------------------------------------------

export const findOrder = (id: string, tx?: Tx) => getDoc<OrderDoc>('redemptions', id, tx)
export const loadOrder = (id: string, tx?: Tx) => loadDoc<OrderDoc>('redemptions', id, '订单不存在', tx)
export const saveOrder = (tx: Tx, o: OrderDoc) => putDoc('redemptions', o, tx)
export const updateOrder = (tx: Tx, id: string, patch: Partial<OrderDoc>) => coll('redemptions', tx).doc(id).update({ data: patch })

/** Ids of pending orders past their pickup date, a batch at a time. */
export async function overdueOrderIds(now: Date, limit: number): Promise<string[]> {
  const { data } = await coll('redemptions')
    .where({ status: 'pending', expiresAt: _.lt(now) })
    .field({ _id: true })
    .limit(limit)
    .get()
  return (data as { _id: string }[]).map((o) => o._id)
}

export async function pendingOrdersWithCode(code: string): Promise<OrderDoc[]> {
  const { data } = await coll('redemptions').where({ pickupCode: code, status: 'pending' }).limit(20).get()
  return data as OrderDoc[]
}

export const ordersPage = (where: Partial<Pick<OrderDoc, 'openid' | 'merchantId' | 'status'>>, page: PageInput) =>
  pageOf<OrderDoc>(coll('redemptions').where(where).orderBy('createdAt', 'desc'), page)

// --- volunteers and accounts -------------------------------------------------------------------------

export const findVolunteer = (openid: string) => getDoc<VolunteerDoc>('volunteers', openid)

export async function volunteerByNo(volunteerNo: string): Promise<VolunteerDoc | null> {
  const { data } = await coll('volunteers').where({ volunteerNo }).limit(1).get()
  return (data as VolunteerDoc[])[0] ?? null
}

/** The given volunteers' names and board choice (nothing else of them). */
export async function volunteersShown(openids: string[], fields: { realName: true; boardOptIn?: true }): Promise<VolunteerDoc[]> {
  if (!openids.length) return []
  return (
    await coll('volunteers')
      .where({ _id: _.in([...new Set(openids)]) })
      .field(fields)
      .limit(100)
      .get()
  ).data as VolunteerDoc[]
}

export const ledgerPage = (openid: string, page: PageInput) =>
  pageOf<LedgerEntryDoc>(coll('pointsLedger').where({ openid }).orderBy('at', 'desc'), page)

export const findAccount = (openid: string, tx?: Tx) => getDoc<PointsAccountDoc>('pointsAccounts', openid, tx)

/** The community's accounts that earned points, most first. */
export async function topEarners(communityId: string, limit: number): Promise<PointsAccountDoc[]> {
  const { data } = await coll('pointsAccounts')
    .where({ communityId, earned: _.gt(0) })
    .orderBy('earned', 'desc')
    .limit(limit)
    .get()
  return data as PointsAccountDoc[]
}

export async function countEarningMore(communityId: string, earned: number): Promise<number> {
  return (
    await coll('pointsAccounts')
      .where({ communityId, earned: _.gt(earned) })
      .count()
  ).total
}

// --- staff adjustments (four eyes) ---------------------------------------------------------------------

export const findAdjustment = (id: string, tx?: Tx) => getDoc<AdjustmentDoc>('pointsAdjustments', id, tx)
export const loadAdjustment = (id: string, tx?: Tx) => loadDoc<AdjustmentDoc>('pointsAdjustments', id, '调整申请不存在', tx)
export const saveAdjustment = (tx: Tx, a: AdjustmentDoc) => putDoc('pointsAdjustments', a, tx)

export const adjustTotalId = (communityId: string, month: string) => `${communityId}_${month}`
export const findAdjustTotal = (id: string, tx: Tx) => getDoc<AdjustTotalDoc>('pointsAdjustTotals', id, tx)
export const saveAdjustTotal = (tx: Tx, t: AdjustTotalDoc) => putDoc('pointsAdjustTotals', t, tx)

export const adjustmentsPage = (communityId: string, status: AdjustmentDoc['status'] | undefined, page: PageInput) =>
  pageOf<AdjustmentDoc>(
    coll('pointsAdjustments')
      .where(status ? { communityId, status } : { communityId })
      .orderBy('requestedAt', 'desc'),
    page
  )
