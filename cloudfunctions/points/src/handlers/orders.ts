// Redemption orders. `redeem` takes the points, the stock and the per-period quota and creates the order
// in ONE transaction; its id is buyer + request id, so a retry finds the same order. Cancel and expiry
// refund and restock in one transaction each, under the same refund entry id, so an order is refunded
// once even when both happen at the same moment.
import { requireLiveAccount } from '../../../_shared/infra/account'
import { randomInt } from 'node:crypto'
import type { OrderStatus } from '../../../../types'
import { asDate } from '../../../_shared/domain/dates'
import { hasGrant, isStaffOf, personOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, denied, invalid, notFound, precondition } from '../../../_shared/infra/errors'
import { INSUFFICIENT_POINTS, ledgerId } from '../../../_shared/infra/ledger'
import { keepNotices, sendNotices, type Notice } from '../../../_shared/infra/notify'
import { assertSameRequest } from '../../../_shared/infra/ids'
import type { Handler } from '../../../_shared/infra/router'
import type { HoldDoc, OrderDoc } from '../docs'
import { HOLD_GRACE_MS, holdToken, parseHoldToken, settleToken } from '../domain/hold'
import { assertMove, assertPickable, orderIdFor, parsePickup, pickupCode } from '../domain/order'
import { checkRedemption, quotaId, quotaPeriod } from '../domain/redeem'
import {
  balanceOf,
  createHold,
  dropHoldToken,
  findGoods,
  findHold,
  GOODS_GONE,
  goodsWithHolds,
  openHoldsBefore,
  reopenHold,
  restock,
  returnStock,
  takeStock,
  updateHold,
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

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
const HOLD_WAIT_MS = 15_000
const INFLIGHT = '该兑换正在处理，请稍后查看我的兑换'

/**
 * Hot-item redemption (docs/pillars/volunteer-points.md): the hold `stockHolds/<order id>` is written first; the stock is
 * taken with one conditional update of the goods (no transaction, so callers of a popular item never
 * conflict); then the points, the quota, the order and the hold's `done` go in one transaction of the
 * buyer's own documents. If that refuses, the hold is released and the stock given back; a crash in
 * between is settled by `recoverRedemptions`.
 */
export const redeem: Handler<'points', 'redeem'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const id = orderIdFor(openid, input.requestId)
  const answer = (o: OrderDoc) => {
    assertSameRequest(o, fingerprint)
    return toOrderView(o, 'buyer')
  }
  // Independent reads at once: a popular item's buyers wait on round trips, not on each other.
  const [earlier, g, { balance }] = await Promise.all([findOrder(id), findGoods(input.goodsId), balanceOf(openid)])
  if (earlier) return answer(earlier)
  if (!g) throw notFound(GOODS_GONE)

  // Refusals that need no stock are given before any is taken (the transaction checks them again).
  const period = quotaPeriod(g.limitPeriod, now)
  const qid = quotaId(g._id, openid, period)
  const cost = checkRedemption(rulesOf(g), input.quantity, 0, now)
  if (balance < cost) throw precondition(INSUFFICIENT_POINTS, { balance, needed: cost })

  const [attempt, quota] = await Promise.all([
    startAttempt({
      _id: id,
      openid,
      goodsId: g._id,
      quantity: input.quantity,
      attempt: 1,
      state: 'open',
      createdAt: now,
      updatedAt: now,
      requestFingerprint: fingerprint
    }),
    findQuota(qid)
  ])
  if ('n' in attempt && quota && quota.used + input.quantity > g.limitCount) {
    await releaseHold(id, attempt.n, g._id, input.quantity, now)
    checkRedemption(rulesOf(g), input.quantity, quota.used, now)
  }
  if ('order' in attempt) return answer(attempt.order)
  const token = holdToken(id, attempt.n)
  if (!(await takeStock(g._id, input.quantity, token, now))) {
    await releaseHold(id, attempt.n, g._id, input.quantity, now)
    const fresh = await loadGoods(g._id)
    checkRedemption(rulesOf(fresh), input.quantity, 0, now)
    throw precondition(`库存不足，仅剩${fresh.stock}件`)
  }

  const code = pickupCode(randomInt)
  let order: OrderDoc
  try {
    order = await transact(async (tx) => {
      const [hold, counted] = await Promise.all([findHold(id, tx), findQuota(qid, tx), requireLiveAccount(tx, openid)])
      if (!hold || hold.state !== 'open' || hold.attempt !== attempt.n) throw conflict(INFLIGHT)
      const used = counted?.used ?? 0
      checkRedemption({ ...rulesOf(g), stock: input.quantity }, input.quantity, used, now)
      const charged = post(tx, {
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
      // The writes go out together; if the charge is refused the transaction is rolled back, writes and all.
      await Promise.all([
        charged,
        saveQuota(tx, { _id: qid, goodsId: g._id, openid, period, used: used + input.quantity, updatedAt: now }),
        saveOrder(tx, o),
        updateHold(tx, id, { state: 'done', updatedAt: now })
      ])
      await keepNotices(tx, [pickupNotice(o)], now)
      return o
    })
  } catch (e) {
    // Left to the recovery pass if this fails too.
    await releaseHold(id, attempt.n, g._id, input.quantity, now).catch(() => undefined)
    throw e
  }
  await Promise.all([dropHoldToken(g._id, token), sendNotices([pickupNotice(order)])])
  return answer(order)
}

/**
 * Starts an attempt at the hold: a new hold, or the next attempt at a released one. While another attempt
 * at the same request runs (a double tap), waits for it and answers its order.
 */
async function startAttempt(fresh: HoldDoc): Promise<{ n: number } | { order: OrderDoc }> {
  if (await createHold(fresh)) return { n: 1 }
  const until = Date.now() + HOLD_WAIT_MS
  for (;;) {
    const h = await findHold(fresh._id)
    if (h) assertSameRequest(h, fresh.requestFingerprint)
    if (h?.state === 'released' && (await reopenHold(h, fresh.createdAt))) return { n: h.attempt + 1 }
    if (h?.state === 'done') {
      const o = await findOrder(fresh._id)
      if (o) return { order: o }
    }
    if (!h && (await createHold(fresh))) return { n: 1 }
    if (Date.now() > until) throw conflict(INFLIGHT)
    await sleep(20 + Math.random() * 30)
  }
}

/**
 * Releases an attempt and gives its stock back. The release commits first, so no order can be written for
 * the attempt afterwards; giving back happens once, while the token is on the goods.
 */
async function releaseHold(id: string, attempt: number, goodsId: string, quantity: number, now: Date): Promise<void> {
  await transact(async (tx) => {
    const h = await findHold(id, tx)
    if (h && h.state === 'open' && h.attempt === attempt) await updateHold(tx, id, { state: 'released', updatedAt: now })
  })
  const h = await findHold(id)
  if (settleToken(h, attempt) === 'giveBack') await returnStock(goodsId, quantity, holdToken(id, attempt))
}

export const RECOVER_BATCH = 100

/**
 * Timer: settles redemptions a crash left half done. Holds open past the grace period are released and
 * their stock given back; tokens on goods whose attempt is over are dropped (order written) or given back.
 */
export const recoverRedemptions: Handler<'points', 'recoverRedemptions'> = async (_input, { now }) => {
  let released = 0
  let settledTokens = 0
  const cutoff = new Date(now.getTime() - HOLD_GRACE_MS)
  for (const h of await openHoldsBefore(cutoff, RECOVER_BATCH)) {
    await releaseHold(h._id, h.attempt, h.goodsId, h.quantity, now)
    released++
  }
  for (const g of await goodsWithHolds(RECOVER_BATCH)) {
    for (const token of g.holds ?? []) {
      const ref = parseHoldToken(token)
      const h = ref ? await findHold(ref.holdId) : null
      const what = ref ? settleToken(h, ref.attempt) : 'giveBack'
      if (what === 'keep') continue
      if (what === 'drop') await dropHoldToken(g._id, token)
      // A token without a hold cannot be: holds are written first and never removed.
      else if (h) await returnStock(g._id, h.quantity, token)
      else console.warn('[recoverRedemptions] token without its hold', g._id, token)
      settledTokens++
    }
  }
  return { released, settled: settledTokens }
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
