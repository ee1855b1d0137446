// The promises the database must keep whatever happened to it (many callers at once, a crash mid-way, an
// account deleted): written once, checked by the soak, the crash test and the privacy audit. Each check
// answers a list of violations (sentences naming the documents), empty when the database is sound.
//
//   ledger      every balance equals the sum of its ledger, earned − spent, and is ≥ 0; entries are whole
//   orders      one redemption entry per order, one refund exactly for cancelled/expired orders, no orphans
//   stock       stock ≥ 0 and = initial − picked-up − pending; `redeemed` and every quota agree with orders;
//               no redemption left half done (a hold on the goods), no order made with a released hold
//   credits     no points credited twice: an enrollment's credit entries add up to its points
//   wishes      valid histories (so never two claimers), claimer fields match the status, every open-claim
//               counter equals the person's claimed wishes and respects the limit
//   enrollments  the enrolled counter equals the active enrollments and never exceeds capacity
//   assessment  entries unique per source (id = source_sourceId) and each backed by its source
//   volunteers  a volunteer's service totals equal their completed enrollments (fixtures starting at 0)
//
// `checkAcknowledged` compares the log of a workload with the database: every acknowledged success is
// there, and nothing a refused call would have written is.
import { enrollmentIdFor } from '../../../cloudfunctions/volunteer/src/docs'
import { orderIdFor } from '../../../cloudfunctions/points/src/domain/order'
import { ledgerId } from '../../../cloudfunctions/_shared/domain/ledgerRules'
import { isValidHistory } from '../../../cloudfunctions/wish/src/domain/stateMachine'
import { servicePoints, toHalfHours } from '../../../cloudfunctions/volunteer/src/domain/hours'
import type { Ack } from './workload'

export type Doc = Record<string, any>
/** All documents of a collection. */
export type Reader = (collection: string) => Doc[]

export const storeReader =
  (store: { find(collection: string): Doc[] }): Reader =>
  (collection) =>
    store.find(collection)

/** Reads each collection once (the checks look at some several times). */
export function cachedReader(read: Reader): Reader {
  const cache = new Map<string, Doc[]>()
  return (c) => cache.get(c) ?? (cache.set(c, read(c)), cache.get(c) as Doc[])
}

/** Every collection the checks read (what to copy out of a cloud in another process). */
export const INVARIANT_COLLECTIONS = [
  'pointsLedger',
  'pointsAccounts',
  'redemptions',
  'redemptionQuotas',
  'stockHolds',
  'goods',
  'enrollments',
  'activities',
  'wishes',
  'wishClaimers',
  'assessmentEntries',
  'volunteers'
] as const

export const INVARIANTS = ['ledger', 'orders', 'stock', 'credits', 'wishes', 'enrollments', 'assessment', 'volunteers'] as const
export type Invariant = (typeof INVARIANTS)[number]

export interface InvariantOptions {
  only?: readonly Invariant[]
  /** Stock each goods started with; without it, stock is checked against `redeemed` only. */
  initialStock?: Record<string, number>
  /** The open-claim limit (community settings); default 3. */
  claimLimit?: number
}

const groupBy = <T>(items: T[], key: (t: T) => string) => {
  const m = new Map<string, T[]>()
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t])
  return m
}
const sum = (docs: Doc[], f: (d: Doc) => number) => docs.reduce((s, d) => s + f(d), 0)
const HOLDS_STOCK = new Set(['pending', 'pickedUp'])

export function checkInvariants(reader: Reader, opts: InvariantOptions = {}): string[] {
  const read = cachedReader(reader)
  const run = (name: Invariant) => !opts.only || opts.only.includes(name)
  const out: string[] = []
  if (run('ledger')) out.push(...ledgerBalances(read))
  if (run('orders')) out.push(...orderEntries(read))
  if (run('stock')) out.push(...stockLevels(read, opts.initialStock))
  if (run('credits')) out.push(...creditsOnce(read))
  if (run('wishes')) out.push(...wishClaims(read, opts.claimLimit ?? 3))
  if (run('enrollments')) out.push(...enrollmentCounters(read))
  if (run('assessment')) out.push(...assessmentOnce(read))
  if (run('volunteers')) out.push(...volunteerTotals(read))
  return out
}

function ledgerBalances(read: Reader): string[] {
  const out: string[] = []
  const byOwner = groupBy(read('pointsLedger'), (e) => e.openid)
  const accounts = new Map(read('pointsAccounts').map((a) => [a._id as string, a]))
  for (const [openid, entries] of byOwner)
    if (!accounts.has(openid)) out.push(`ledger: ${openid} has ${entries.length} entries but no account`)
  for (const e of read('pointsLedger')) {
    if (!Number.isInteger(e.amount)) out.push(`ledger: entry ${e._id} has a fractional amount ${e.amount}`)
    if (!(e.balanceAfter >= 0)) out.push(`ledger: entry ${e._id} left a negative balance ${e.balanceAfter}`)
  }
  for (const a of accounts.values()) {
    const total = sum(byOwner.get(a._id) ?? [], (e) => e.amount)
    if (a.balance !== total) out.push(`ledger: ${a._id} balance ${a.balance} ≠ sum of its ledger ${total}`)
    if (a.balance < 0) out.push(`ledger: ${a._id} balance ${a.balance} < 0`)
    if (a.earned - a.spent !== a.balance) out.push(`ledger: ${a._id} earned ${a.earned} − spent ${a.spent} ≠ balance ${a.balance}`)
  }
  return out
}

function orderEntries(read: Reader): string[] {
  const out: string[] = []
  const ledger = new Map(read('pointsLedger').map((e) => [e._id as string, e]))
  const orders = new Map(read('redemptions').map((o) => [o._id as string, o]))
  for (const o of orders.values()) {
    const taken = ledger.get(ledgerId.redemption(o._id))
    if (!taken || taken.amount !== -o.points || taken.openid !== o.openid)
      out.push(`orders: ${o._id} (${o.status}) lacks its redemption entry of −${o.points}`)
    const refund = ledger.get(ledgerId.refund(o._id))
    const refunds = o.status === 'cancelled' || o.status === 'expired'
    if (refunds && (!refund || refund.amount !== o.points)) out.push(`orders: ${o._id} is ${o.status} but was not refunded ${o.points}`)
    if (!refunds && refund) out.push(`orders: ${o._id} is ${o.status} yet has a refund entry`)
  }
  for (const e of ledger.values()) {
    if ((e.kind === 'redemption' || e.kind === 'refund') && !orders.has(e.sourceId))
      out.push(`orders: ledger entry ${e._id} belongs to no order`)
    if (e.kind === 'redemption' && e._id !== ledgerId.redemption(e.sourceId))
      out.push(`orders: redemption entry ${e._id} is not keyed by its order`)
    if (e.kind === 'refund' && e._id !== ledgerId.refund(e.sourceId)) out.push(`orders: refund entry ${e._id} is not keyed by its order`)
  }
  return out
}

function stockLevels(read: Reader, initial?: Record<string, number>): string[] {
  const out: string[] = []
  const holding = read('redemptions').filter((o) => HOLDS_STOCK.has(o.status))
  const byGoods = groupBy(holding, (o) => o.goodsId)
  for (const g of read('goods')) {
    const held = sum(byGoods.get(g._id) ?? [], (o) => o.quantity)
    if (g.stock < 0) out.push(`stock: goods ${g._id} stock ${g.stock} < 0`)
    if (g.holds?.length) out.push(`stock: goods ${g._id} carries ${g.holds.length} unsettled holds`)
    if ((g.redeemed ?? 0) !== held) out.push(`stock: goods ${g._id} redeemed ${g.redeemed} ≠ picked-up + pending ${held}`)
    const start = initial?.[g._id]
    if (start !== undefined && g.stock !== start - held)
      out.push(`stock: goods ${g._id} stock ${g.stock} ≠ initial ${start} − picked-up − pending ${held}`)
  }
  const orderById = new Map(read('redemptions').map((o) => [o._id, o]))
  for (const f of read('stockHolds')) {
    const o = orderById.get(f._id)
    if (o?.stockHold && f.released?.includes(o.stockHold)) out.push(`stock: order ${o._id} was made with a released hold`)
    if (f.state === 'done' && (!o || o.stockHold !== f.hold)) out.push(`stock: fence ${f._id} is done without its order`)
  }
  const byQuota = groupBy(holding, (o) => o.quotaId)
  for (const q of read('redemptionQuotas')) {
    const held = sum(byQuota.get(q._id) ?? [], (o) => o.quantity)
    if (q.used !== held) out.push(`stock: quota ${q._id} used ${q.used} ≠ its picked-up + pending orders ${held}`)
  }
  return out
}

function creditsOnce(read: Reader): string[] {
  const out: string[] = []
  const enrollments = new Map(read('enrollments').map((e) => [e._id as string, e]))
  const credits = read('pointsLedger').filter((e) => e.kind === 'credit' && enrollments.has(e.sourceId))
  const bySource = groupBy(credits, (e) => e.sourceId)
  for (const e of credits) {
    if (e._id !== ledgerId.credit(e.sourceId) && !e._id.startsWith(`${ledgerId.credit(e.sourceId)}_c`))
      out.push(`credits: entry ${e._id} is not keyed by its enrollment`)
  }
  for (const e of enrollments.values()) {
    const credited = sum(bySource.get(e._id) ?? [], (c) => c.amount)
    const due = e.status === 'completed' ? e.points : 0
    if (credited !== due) out.push(`credits: enrollment ${e._id} (${e.status}) is worth ${due} points but was credited ${credited}`)
  }
  return out
}

function wishClaims(read: Reader, limit: number): string[] {
  const out: string[] = []
  const open = new Map<string, number>()
  for (const w of read('wishes')) {
    const history = w.history ?? []
    if (!isValidHistory(history)) out.push(`wishes: ${w._id} has an impossible history ${history.map((h: Doc) => h.to).join('→')}`)
    if (history.length && history[history.length - 1].to !== w.status)
      out.push(`wishes: ${w._id} is ${w.status} but its history ends ${history[history.length - 1].to}`)
    const held = w.status === 'claimed' || w.status === 'fulfilled' || w.status === 'confirmed'
    if (held !== Boolean(w.claimerId)) out.push(`wishes: ${w._id} is ${w.status} with claimer ${w.claimerId}`)
    const lastClaim = [...history].reverse().find((h: Doc) => h.to === 'claimed')
    if (held && lastClaim?.who !== w.claimerId)
      out.push(`wishes: ${w._id} claimer ${w.claimerId} is not who claimed it last (${lastClaim?.who})`)
    if (w.status === 'claimed') open.set(w.claimerId, (open.get(w.claimerId) ?? 0) + 1)
  }
  const counters = new Map(read('wishClaimers').map((c) => [c._id as string, c.open as number]))
  for (const id of new Set([...open.keys(), ...counters.keys()])) {
    const claimed = open.get(id) ?? 0
    if ((counters.get(id) ?? 0) !== claimed)
      out.push(`wishes: ${id} open-claim counter ${counters.get(id) ?? 0} ≠ claimed wishes ${claimed}`)
    if (claimed > limit) out.push(`wishes: ${id} holds ${claimed} claims, above the limit ${limit}`)
  }
  return out
}

function enrollmentCounters(read: Reader): string[] {
  const out: string[] = []
  const active = groupBy(
    read('enrollments').filter((e) => e.status !== 'cancelled'),
    (e) => e.activityId
  )
  for (const a of read('activities')) {
    const n = active.get(a._id)?.length ?? 0
    if (a.enrolled !== n) out.push(`enrollments: activity ${a._id} counter ${a.enrolled} ≠ active enrollments ${n}`)
    if (n > a.capacity) out.push(`enrollments: activity ${a._id} has ${n} enrollments for ${a.capacity} places`)
  }
  const activities = new Map(read('activities').map((a) => [a._id as string, a]))
  for (const e of read('enrollments')) {
    const a = activities.get(e.activityId)
    if (e.status === 'completed' && a && e.points !== servicePoints(e.hours, a.pointsPerHour, a.pointsCap)) {
      out.push(`enrollments: ${e._id} completed with ${e.hours} h but ${e.points} points`)
    }
  }
  return out
}

function assessmentOnce(read: Reader): string[] {
  const out: string[] = []
  const wishes = new Map(read('wishes').map((w) => [w._id as string, w]))
  const enrollments = new Map(read('enrollments').map((e) => [e._id as string, e]))
  const entries = read('assessmentEntries')
  for (const a of entries) {
    if (a._id !== `${a.source}_${a.sourceId}`) out.push(`assessment: entry ${a._id} is not keyed by its source ${a.source}_${a.sourceId}`)
    if (a.source === 'wish') {
      const w = wishes.get(a.sourceId)
      if (w && (w.status !== 'confirmed' || w.claimerId !== a.openid))
        out.push(`assessment: ${a._id} credits ${a.openid} for wish ${w._id} (${w.status}, claimer ${w.claimerId})`)
    }
    if (a.source === 'hours') {
      const e = enrollments.get(a.sourceId)
      if (e && (e.status !== 'completed' || e.openid !== a.openid || e.hours !== a.hours))
        out.push(`assessment: ${a._id} records ${a.hours} h for enrollment ${e._id} (${e.status}, ${e.hours} h)`)
    }
  }
  const credited = new Set(entries.map((a) => a._id as string))
  for (const w of wishes.values()) {
    if (w.status === 'confirmed' && w.claimer?.kind === 'member' && !credited.has(`wish_${w._id}`))
      out.push(`assessment: confirmed wish ${w._id} of member ${w.claimerId} has no assessment entry`)
  }
  return out
}

function volunteerTotals(read: Reader): string[] {
  const out: string[] = []
  const served = groupBy(
    read('enrollments').filter((e) => e.status === 'completed' && e.hours > 0),
    (e) => e.openid
  )
  for (const v of read('volunteers')) {
    const mine = served.get(v._id) ?? []
    const halfHours = sum(mine, (e) => toHalfHours(e.hours))
    if ((v.halfHours ?? 0) !== halfHours) out.push(`volunteers: ${v._id} total ${v.halfHours} half-hours ≠ completed service ${halfHours}`)
    if ((v.activityCount ?? 0) !== mine.length)
      out.push(`volunteers: ${v._id} activity count ${v.activityCount} ≠ completed activities ${mine.length}`)
  }
  return out
}

// --- the log against the database --------------------------------------------------------------------------

const WISH_STEPS: Record<string, string> = {
  claim: 'published>claimed',
  release: 'claimed>published',
  fulfil: 'claimed>fulfilled',
  confirm: 'fulfilled>confirmed',
  review: 'submitted>published',
  withdraw: 'published>withdrawn'
}

/**
 * Every acknowledged success is in the database and nothing refused left a trace. `unknown` calls (no
 * answer: the cloud was killed under them) may have happened or not.
 */
export function checkAcknowledged(reader: Reader, log: readonly Ack[]): string[] {
  const read = cachedReader(reader)
  return [...wishAcks(read, log), ...orderAcks(read, log), ...enrollmentAcks(read, log), ...adjustAcks(read, log)]
}

const within = (found: number, ok: number, unknown: number) => found >= ok && found <= ok + unknown

function wishAcks(read: Reader, log: readonly Ack[]): string[] {
  const out: string[] = []
  const wishes = new Map(read('wishes').map((w) => [w._id as string, w]))
  const expected = new Map<string, { ok: number; unknown: number }>()
  const bump = (key: string, outcome: Ack['outcome']) => {
    const e = expected.get(key) ?? { ok: 0, unknown: 0 }
    if (outcome === 'ok') e.ok++
    if (outcome === 'unknown') e.unknown++
    expected.set(key, e)
  }
  let expiredOk = 0
  let expiryUnknown = 0
  for (const a of log.filter((a) => a.fn === 'wish')) {
    if (a.action === 'submit' && a.outcome === 'ok' && !wishes.has(a.result.id)) out.push(`acks: submitted wish ${a.result.id} is missing`)
    if (a.action === 'expireClaims') {
      if (a.outcome === 'ok') expiredOk += a.result.released
      if (a.outcome === 'unknown') expiryUnknown++
    }
    const step = WISH_STEPS[a.action]
    if (step) bump(`${a.data.wishId}|${step}|${a.who}`, a.outcome)
  }
  let expiredFound = 0
  for (const w of wishes.values()) {
    for (const h of (w.history ?? []).slice(1)) {
      if (h.who === 'system') {
        expiredFound++
        continue
      }
      const key = `${w._id}|${h.from}>${h.to}|${h.who}`
      if (!expected.has(key)) out.push(`acks: wish ${w._id} went ${h.from}→${h.to} by ${h.who}, which no call acknowledged`)
    }
  }
  for (const [key, e] of expected) {
    const [wishId, step, who] = key.split('|')
    const [from, to] = step.split('>')
    const found = (wishes.get(wishId)?.history ?? []).filter((h: Doc) => h.from === from && h.to === to && h.who === who).length
    if (!within(found, e.ok, e.unknown))
      out.push(`acks: wish ${wishId} ${step} by ${who}: ${e.ok} acknowledged (${e.unknown} unanswered) but ${found} recorded`)
  }
  // An unanswered timer run may have released any number of claims.
  if (expiredFound < expiredOk || (expiryUnknown === 0 && expiredFound !== expiredOk))
    out.push(`acks: timers released ${expiredOk} claims (${expiryUnknown} runs unanswered) but ${expiredFound} expiries are recorded`)
  return out
}

function orderAcks(read: Reader, log: readonly Ack[]): string[] {
  const out: string[] = []
  const orders = new Map(read('redemptions').map((o) => [o._id as string, o]))
  const points = log.filter((a) => a.fn === 'points')
  const possible = new Set<string>()
  const byRequest = new Map<string, string>()
  for (const a of points.filter((a) => a.action === 'redeem')) {
    const id = orderIdFor(a.who, a.data.requestId)
    if (a.outcome !== 'refused') possible.add(id)
    if (a.outcome !== 'ok') continue
    if (a.result.id !== id) out.push(`acks: redeem ${a.data.requestId} by ${a.who} answered order ${a.result.id}`)
    const o = orders.get(a.result.id)
    if (!o) out.push(`acks: acknowledged order ${a.result.id} is missing`)
    else if (o.openid !== a.who || o.goodsId !== a.data.goodsId || o.quantity !== a.data.quantity)
      out.push(`acks: order ${o._id} does not match its acknowledged redemption`)
    const earlier = byRequest.get(id)
    if (earlier && earlier !== a.result.id) out.push(`acks: the same request ${id} answered two orders`)
    byRequest.set(id, a.result.id)
  }
  for (const o of orders.values()) if (!possible.has(o._id)) out.push(`acks: order ${o._id} exists but its redemption was refused`)
  const closedBy = new Map<string, string>()
  for (const a of points) {
    if (a.outcome !== 'ok') continue
    if (a.action === 'cancelRedemption') closedBy.set(a.data.orderId, 'cancelled')
    if (a.action === 'verifyPickup') closedBy.set(a.result.id, 'pickedUp')
  }
  for (const [id, status] of closedBy)
    if (orders.get(id)?.status !== status) out.push(`acks: order ${id} was acknowledged ${status} but is ${orders.get(id)?.status}`)
  const timers = points.filter((a) => a.action === 'expireRedemptions')
  const expiredOk = sum(
    timers.filter((a) => a.outcome === 'ok'),
    (a) => a.result.expired
  )
  const unanswered = timers.filter((a) => a.outcome === 'unknown').length
  const expiredFound = [...orders.values()].filter((o) => o.status === 'expired').length
  if (expiredFound < expiredOk || (unanswered === 0 && expiredFound !== expiredOk))
    out.push(`acks: timers expired ${expiredOk} orders (${unanswered} runs unanswered) but ${expiredFound} are expired`)
  return out
}

/** What an enrollment may be after the last thing its volunteer was told succeeded (staff may close it). */
const AFTER: Record<string, string[]> = {
  enroll: ['enrolled', 'absent'],
  cancelEnrollment: ['cancelled'],
  checkIn: ['checkedIn', 'completed'],
  checkOut: ['completed']
}

function enrollmentAcks(read: Reader, log: readonly Ack[]): string[] {
  const out: string[] = []
  const enrollments = new Map(read('enrollments').map((e) => [e._id as string, e]))
  const ledger = new Map(read('pointsLedger').map((e) => [e._id as string, e]))
  const own = log.filter((a) => a.fn === 'volunteer' && AFTER[a.action] && a.outcome !== 'refused')
  for (const [key, acks] of groupBy(own, (a) => enrollmentIdFor(a.data.activityId, a.who))) {
    const last = acks[acks.length - 1]
    if (last.outcome === 'unknown') continue
    const e = enrollments.get(key)
    if (!e) {
      out.push(`acks: enrollment ${key} was acknowledged (${last.action}) but is missing`)
      continue
    }
    if (!AFTER[last.action].includes(e.status)) out.push(`acks: enrollment ${key} is ${e.status} after an acknowledged ${last.action}`)
    if (last.action === 'checkOut' && !e.checkOutAt) out.push(`acks: enrollment ${key} was checked out but has no check-out time`)
    if (last.action === 'checkOut' && last.result.credited > 0 && ledger.get(ledgerId.credit(key))?.amount !== last.result.credited) {
      out.push(`acks: check-out of ${key} credited ${last.result.credited} but the ledger says ${ledger.get(ledgerId.credit(key))?.amount}`)
    }
  }
  const corrections = log.filter((a) => a.fn === 'volunteer' && a.action === 'correctHours' && a.outcome === 'ok')
  for (const [id, acks] of groupBy(corrections, (a) => a.data.enrollmentId)) {
    const recorded = enrollments.get(id)?.corrections?.length ?? 0
    if (recorded < acks.length) out.push(`acks: ${acks.length} corrections of ${id} acknowledged but ${recorded} recorded`)
  }
  return out
}

function adjustAcks(read: Reader, log: readonly Ack[]): string[] {
  const ledger = new Map(read('pointsLedger').map((e) => [e._id as string, e]))
  return log
    .filter((a) => a.fn === 'points' && a.action === 'adjust' && a.outcome === 'ok')
    .filter((a) => !ledger.has(ledgerId.adjust(a.who, a.data.requestId)))
    .map((a) => `acks: adjustment ${a.data.requestId} by ${a.who} was acknowledged but is not in the ledger`)
}
