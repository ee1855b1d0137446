// Redemption orders. `redeem` takes the stock with one conditional update of the goods, then the points and
// the per-period quota and creates the order in one transaction; the order's id is buyer + request id, so a
// retry finds the same order. Cancel and expiry
// refund and restock in one transaction each, under the same refund entry id, so an order is refunded
// once even when both happen at the same moment.
import { requireLiveAccount } from '../../../_shared/infra/account'
import { randomBytes, randomInt } from 'node:crypto'
import type { OrderStatus } from '../../../../types'
import { asDate } from '../../../_shared/domain/dates'
import { hasGrant, isStaffOf, personOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, denied, invalid, notFound, precondition } from '../../../_shared/infra/errors'
import { ledgerId } from '../../../_shared/infra/ledger'
import { keepNotices, sendNotices, type Notice } from '../../../_shared/infra/notify'
import { assertSameRequest } from '../../../_shared/infra/ids'
import type { Handler } from '../../../_shared/infra/router'
import type { OrderDoc } from '../docs'
import { chargeBlocked, HOLD_GRACE_MS, newHold, orderOfHold, releasedFence, settleHold, type StockHold } from '../domain/hold'
import { assertMove, assertPickable, orderIdFor, parsePickup, pickupCode } from '../domain/order'
import { checkRedemption, quotaId, quotaPeriod } from '../domain/redeem'
import {
  applyPosting,
  dropHold,
  findFence,
  findGoods,
  findOrder,
  findQuota,
  findUser,
  findVolunteer,
  GOODS_GONE,
  goodsWithHolds,
  loadMerchant,
  loadOrder,
  ordersPage,
  overdueOrderIds,
  pendingOrdersWithCode,
  post,
  readPosting,
  removeFencesBefore,
  restock,
  returnStock,
  saveFence,
  saveOrder,
  saveQuota,
  startTransaction,
  takeStock,
  transact,
  updateOrder,
  bumpChange,
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

const INFLIGHT = '该兑换正在处理，请稍后查看我的兑换'

/**
 * Hot-item redemption (docs/pillars/volunteer-points.md): the stock is taken with one conditional update of
 * the goods that also records the hold (no transaction on the goods, so buyers of a popular item never
 * conflict), alongside reading the goods and beginning the transaction; then the points, the quota, the
 * order and the fence go in one transaction of the buyer's own documents. If that refuses, the hold is
 * released and the stock given back; a crash in between is settled by `recoverRedemptions`.
 */
export const redeem: Handler<'points', 'redeem'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const id = orderIdFor(openid, input.requestId)
  const answer = (o: OrderDoc) => {
    assertSameRequest(o, fingerprint)
    return toOrderView(o, 'buyer')
  }
  const hold = newHold(id, input.quantity, now, randomBytes(6).toString('hex'))
  // One round trip: the goods (prices and rules), the transaction and the stock.
  const started = startTransaction()
  const [g, taken] = await Promise.all([findGoods(input.goodsId), takeStock(input.goodsId, hold)]).catch(async (e) => {
    await abandon(started)
    throw e
  })
  if (!taken) {
    await abandon(started)
    return answer(await refusedStock(id, input.goodsId, input.quantity, now))
  }
  if (!g) {
    // Created between the read and the take: not for this call.
    await abandon(started)
    await release(id, input.goodsId, hold, now)
    throw notFound(GOODS_GONE)
  }

  const period = quotaPeriod(g.limitPeriod, now)
  const qid = quotaId(g._id, openid, period)
  const code = pickupCode(randomInt)
  let made: { order: OrderDoc; fresh: boolean }
  try {
    // The refusals that need no stock come after taking it: they are rare, and giving it back is one update.
    const cost = checkRedemption(rulesOf(g), input.quantity, 0, now)
    made = await transact(async (tx) => {
      const [fence, counted, , charge] = await Promise.all([
        findFence(id, tx),
        findQuota(qid, tx),
        requireLiveAccount(tx, openid),
        readPosting(tx, {
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
      ])
      // Charged before (a double tap, or a retry after an unanswered call): answer that order.
      if (charge.existing) return { order: await loadOrder(id, tx), fresh: false }
      if (chargeBlocked(fence, hold.id)) throw conflict(INFLIGHT)
      const used = counted?.used ?? 0
      checkRedemption({ ...rulesOf(g), stock: input.quantity }, input.quantity, used, now)
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
        requestFingerprint: fingerprint,
        stockHold: hold.id
      }
      // The writes go out together; if the charge is refused the transaction is rolled back, writes and all.
      await Promise.all([
        applyPosting(tx, charge),
        saveQuota(tx, { _id: qid, goodsId: g._id, openid, period, used: used + input.quantity, updatedAt: now }),
        saveOrder(tx, o),
        saveFence(tx, { _id: id, state: 'done', hold: hold.id, released: fence?.released ?? [], updatedAt: now }),
        keepNotices(tx, [pickupNotice(o)], now, { fresh: true })
      ])
      return { order: o, fresh: true }
    }, started)
  } catch (e) {
    // Left to the recovery pass if this fails too.
    await release(id, g._id, hold, now).catch(() => undefined)
    throw e
  }
  if (!made.fresh) {
    await release(id, g._id, hold, now)
    return answer(made.order)
  }
  await Promise.all([dropHold(g._id, hold.id), sendNotices([pickupNotice(made.order)])])
  return answer(made.order)
}

/** Rolls back a transaction begun for a redemption that will not use it. */
const abandon = (started: Promise<Tx>) =>
  started
    .then(
      (tx) => tx.rollback(),
      () => undefined
    )
    .catch(() => undefined)

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
const SIBLING_WAIT_MS = 10_000

/**
 * The stock was not taken: the order of an earlier call of the same request if there is one (while
 * another call of it holds stock — a double tap on the last item — its order is waited for); else the
 * reason (off sale, out of date, not enough left).
 */
async function refusedStock(id: string, goodsId: string, quantity: number, now: Date): Promise<OrderDoc> {
  const until = Date.now() + SIBLING_WAIT_MS
  for (;;) {
    const [earlier, fresh] = await Promise.all([findOrder(id), findGoods(goodsId)])
    if (earlier) return earlier
    if (!fresh) throw notFound(GOODS_GONE)
    if (!fresh.holds?.some((h) => orderOfHold(h.id) === id)) {
      checkRedemption(rulesOf(fresh), quantity, 0, now)
      throw precondition(`库存不足，仅剩${fresh.stock}件`)
    }
    if (Date.now() > until) throw conflict(INFLIGHT)
    await sleep(20 + Math.random() * 30)
  }
}

/**
 * Settles a hold whose call will not (or did not) make an order with it: in one transaction with the
 * fence, drop it if the order was made with it after all, else record it released (a late charge with it
 * then refuses); then give its stock back, once, while it is on the goods. Answers what was done.
 */
async function release(orderId: string, goodsId: string, hold: Pick<StockHold, 'id' | 'q'>, now: Date): Promise<'drop' | 'giveBack'> {
  const fate = await transact(async (tx) => {
    const [order, fence] = await Promise.all([findOrder(orderId, tx), findFence(orderId, tx)])
    if (order?.stockHold === hold.id) return 'drop' as const
    await saveFence(tx, { _id: orderId, ...releasedFence(fence, hold.id), updatedAt: now })
    return 'giveBack' as const
  })
  if (fate === 'drop') await dropHold(goodsId, hold.id)
  else await returnStock(goodsId, hold)
  return fate
}

export const RECOVER_BATCH = 100

/**
 * Timer: settles redemptions a crash left half done. A hold on the goods whose order was made with it is
 * dropped; one past the grace period without its order is released and its stock given back. Fences
 * settled for the grace period are removed.
 */
export const recoverRedemptions: Handler<'points', 'recoverRedemptions'> = async (_input, { now }) => {
  let released = 0
  let settled = 0
  for (const g of await goodsWithHolds(RECOVER_BATCH)) {
    for (const hold of g.holds ?? []) {
      const orderId = orderOfHold(hold.id)
      if (!orderId) {
        console.warn('[recoverRedemptions] malformed hold', g._id, hold.id)
        continue
      }
      const what = settleHold(hold, await findOrder(orderId), now)
      if (what === 'keep') continue
      const done = what === 'drop' ? (await dropHold(g._id, hold.id), 'drop') : await release(orderId, g._id, hold, now)
      if (done === 'drop') settled++
      else released++
    }
  }
  const cleaned = await removeFencesBefore(new Date(now.getTime() - HOLD_GRACE_MS))
  return { released, settled, cleaned }
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
  if (g) await restock(tx, g._id, o.quantity, now)
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
    await bumpChange(tx, 'redemptions', o, { ...o, ...closed }, o._id)
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
