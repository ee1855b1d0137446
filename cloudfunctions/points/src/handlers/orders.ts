// Redemption orders. `redeem` takes the points, the stock and the per-period quota and creates the order
// in ONE transaction; its id is buyer + request id, so a retry finds the same order. Cancel and expiry
// refund and restock in one transaction each, under the same refund entry id, so an order is refunded
// once even when both happen at the same moment.
import { requireLiveAccount } from '../../../_shared/infra/account'
import { randomInt } from 'node:crypto'
import type { OrderStatus } from '../../../../types'
import { asDate } from '../../../_shared/domain/dates'
import { hasGrant, isStaffOf, personOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, denied, invalid, notFound } from '../../../_shared/infra/errors'
import { ledgerId } from '../../../_shared/infra/ledger'
import { keepNotices, sendNotices, type Notice } from '../../../_shared/infra/notify'
import { assertSameRequest } from '../../../_shared/infra/ids'
import type { Handler } from '../../../_shared/infra/router'
import type { OrderDoc } from '../docs'
import { assertMove, assertPickable, orderIdFor, parsePickup, pickupCode } from '../domain/order'
import { checkRedemption, quotaId, quotaPeriod } from '../domain/redeem'
import {
  findGoods,
  findOrder,
  findQuota,
  findUser,
  findVolunteer,
  loadGoods,
  loadMerchant,
  ordersPage,
  overdueOrderIds,
  pendingOrdersWithCode,
  post,
  saveOrder,
  saveQuota,
  transact,
  updateGoods,
  updateOrder,
  updateQuota,
  volunteersShown,
  type Tx
} from '../repo'
import { rulesOf, toOrderView } from '../views'
import { requireMerchantManager } from './merchants'

const DAY_MS = 86_400_000

/** The buyer's notice of a new order: its pickup code and place go to WeChat, the app shows the order. */
const pickupNotice = (o: OrderDoc): Notice => ({
  touser: o.openid,
  kind: 'pickupReady',
  event: `order:${o._id}`,
  reason: 'pickupReady',
  target: { page: 'packages/points/orders/index', params: {} },
  data: { thing1: o.goodsName, character_string2: o.pickupCode, thing3: o.pickupPlace }
})

export const redeem: Handler<'points', 'redeem'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const id = orderIdFor(openid, input.requestId)
  const earlier = await findOrder(id)
  if (earlier) {
    assertSameRequest(earlier, fingerprint)
    return toOrderView(earlier, 'buyer')
  }
  const code = pickupCode(randomInt)
  const { order, created } = await transact(async (tx) => {
    const again = await findOrder(id, tx)
    if (again) {
      assertSameRequest(again, fingerprint)
      return { order: again, created: false }
    }
    await requireLiveAccount(tx, openid)
    const g = await loadGoods(input.goodsId, tx)
    const qid = quotaId(g._id, openid, quotaPeriod(g.limitPeriod, now))
    const used = (await findQuota(qid, tx))?.used ?? 0
    const cost = checkRedemption(rulesOf(g), input.quantity, used, now)
    await post(tx, {
      id: ledgerId.redemption(id),
      openid,
      // Only used when the account is created, which a redemption never does (no account, no points).
      homeCommunityId: caller.user?.communityId ?? g.communityId,
      communityId: g.communityId,
      kind: 'redemption',
      amount: -cost,
      reason: `兑换：${g.name}×${input.quantity}`,
      sourceId: id,
      at: now
    })
    await updateGoods(tx, g._id, { stock: g.stock - input.quantity, redeemed: (g.redeemed ?? 0) + input.quantity, updatedAt: now })
    await saveQuota(tx, {
      _id: qid,
      goodsId: g._id,
      openid,
      period: quotaPeriod(g.limitPeriod, now),
      used: used + input.quantity,
      updatedAt: now
    })
    const o: OrderDoc = {
      _id: id,
      openid,
      requestId: input.requestId,
      goodsId: g._id,
      goodsName: g.name,
      merchantId: g.merchantId,
      merchantName: g.merchantName,
      communityId: g.communityId,
      quantity: input.quantity,
      points: cost,
      status: 'pending',
      pickupCode: code,
      pickupPlace: g.pickupPlace,
      quotaId: qid,
      createdAt: now,
      expiresAt: new Date(now.getTime() + g.pickupDays * DAY_MS),
      closedAt: null,
      closedBy: null,
      requestFingerprint: fingerprint
    }
    await saveOrder(tx, o)
    await keepNotices(tx, [pickupNotice(o)], now)
    return { order: o, created: true }
  })
  if (created) await sendNotices([pickupNotice(order)])
  return toOrderView(order, 'buyer')
}

/** Gives the points back, restocks and frees the quota; inside `tx`, for an order read in it. */
async function closeWithRefund(
  tx: Tx,
  o: OrderDoc,
  to: Extract<OrderStatus, 'cancelled' | 'expired'>,
  now: Date,
  by: string | null
): Promise<OrderDoc> {
  assertMove(o.status, to)
  const refund = await post(tx, {
    id: ledgerId.refund(o._id),
    openid: o.openid,
    homeCommunityId: o.communityId,
    communityId: o.communityId,
    kind: 'refund',
    amount: o.points,
    reason: `${to === 'cancelled' ? '取消兑换' : '逾期未领'}退还：${o.goodsName}×${o.quantity}`,
    sourceId: o._id,
    at: now
  })
  if (!refund.applied) throw conflict('该订单已退还积分')
  const g = await findGoods(o.goodsId, tx)
  if (g)
    await updateGoods(tx, g._id, { stock: g.stock + o.quantity, redeemed: Math.max(0, (g.redeemed ?? 0) - o.quantity), updatedAt: now })
  const quota = await findQuota(o.quotaId, tx)
  if (quota) await updateQuota(tx, o.quotaId, { used: Math.max(0, quota.used - o.quantity), updatedAt: now })
  const closed = { status: to, closedAt: now, closedBy: by }
  await updateOrder(tx, o._id, closed)
  return { ...o, ...closed }
}

export const cancelRedemption: Handler<'points', 'cancelRedemption'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const order = await transact(async (tx) => {
    const o = await findOrder(input.orderId, tx)
    if (!o) throw notFound('订单不存在')
    if (o.openid !== openid) throw denied('只能取消自己的兑换订单')
    return closeWithRefund(tx, o, 'cancelled', now, openid)
  })
  return toOrderView(order, 'buyer')
}

export const EXPIRE_BATCH = 100
export const EXPIRE_MAX_PER_RUN = 2000

/** Timer: every pending order past its pickup date expires, with refund and restock. */
export const expireRedemptions: Handler<'points', 'expireRedemptions'> = async (_input, { now }) => {
  let expired = 0
  for (let seen = 0; seen < EXPIRE_MAX_PER_RUN; seen += EXPIRE_BATCH) {
    const ids = await overdueOrderIds(now, EXPIRE_BATCH)
    let progressed = 0
    for (const _id of ids) {
      const done = await transact(async (tx) => {
        const o = await findOrder(_id, tx)
        if (!o || o.status !== 'pending' || asDate(o.expiresAt).getTime() >= now.getTime()) return false
        await closeWithRefund(tx, o, 'expired', now, null)
        return true
      }).catch((e) => {
        console.warn('[expireRedemptions] skipped', _id, (e as Error)?.message)
        return false
      })
      if (done) expired++
      progressed++
    }
    if (ids.length < EXPIRE_BATCH || progressed === 0) break
  }
  return { expired }
}

/** May the caller hand over this order: its own shop, or staff of the goods' community. */
const canVerify = (caller: Caller, o: Pick<OrderDoc, 'merchantId' | 'communityId'>) =>
  hasGrant(caller, 'merchant', { merchantId: o.merchantId }) || isStaffOf(caller, o.communityId)

async function findPickup(caller: Caller, text: string, merchantId?: string): Promise<OrderDoc> {
  const ref = parsePickup(text)
  if (!ref) throw invalid('取货码格式不正确')
  let candidates: OrderDoc[]
  if (ref.orderId) {
    const o = await findOrder(ref.orderId)
    candidates = o && o.pickupCode === ref.code ? [o] : []
  } else {
    candidates = await pendingOrdersWithCode(ref.code)
  }
  if (!candidates.length) throw notFound('未找到该取货码对应的订单')
  const mine = candidates.filter((o) => canVerify(caller, o) && (!merchantId || o.merchantId === merchantId))
  if (!mine.length) throw denied('该取货码不属于本店')
  if (mine.length > 1) throw conflict('取货码重复，请扫描顾客的取货二维码')
  return mine[0]
}

export const verifyPickup: Handler<'points', 'verifyPickup'> = async (input, { caller, now }) => {
  const found = await findPickup(caller, input.code, input.merchantId)
  const by = personOf(caller)
  const order = await transact(async (tx) => {
    const o = await findOrder(found._id, tx)
    if (!o) throw notFound('订单不存在')
    assertPickable(o.status, asDate(o.expiresAt), now)
    const closed = { status: 'pickedUp' as const, closedAt: now, closedBy: by }
    await updateOrder(tx, o._id, closed)
    return { ...o, ...closed }
  })
  const buyer = await findVolunteer(order.openid)
  return toOrderView(order, 'shop', buyer?.realName ?? (await findUser(order.openid))?.realName)
}

export const myRedemptions: Handler<'points', 'myRedemptions'> = async (input, { caller }) => {
  const openid = personOf(caller)
  const page = await ordersPage(input.status ? { openid, status: input.status } : { openid }, input)
  return { items: page.items.map((o) => toOrderView(o, 'buyer')), nextCursor: page.nextCursor }
}

export const merchantOrders: Handler<'points', 'merchantOrders'> = async (input, { caller }) => {
  requireMerchantManager(caller, await loadMerchant(input.merchantId))
  const page = await ordersPage(
    input.status ? { merchantId: input.merchantId, status: input.status } : { merchantId: input.merchantId },
    input
  )
  const buyers = new Map(
    (
      await volunteersShown(
        page.items.map((o) => o.openid),
        { realName: true }
      )
    ).map((v) => [v._id, v.realName])
  )
  return { items: page.items.map((o) => toOrderView(o, 'shop', buyers.get(o.openid) ?? null)), nextCursor: page.nextCursor }
}
