// Crash safety: the local cloud runs as a child process over a data folder; the soak's workload drives it
// through the HTTP gateway (24 calls in flight) and, at a seeded point, the process is killed with SIGKILL
// in the middle of the work — transactions open, writes half-way. It is restarted on the same folder and
// the database must keep every invariant (no partial transaction), hold everything that was acknowledged
// before the kill (orders, enrollments, claims, credits), and show nothing a refused call would have
// written. Unanswered redemptions are then retried with their request ids, as the app does, and must find
// or make their order exactly once. Twice over, then a clean stop. Redemptions cut between their steps
// (docs/pillars/volunteer-points.md, hot-item redemption) are settled by the recovery timer, run after each
// restart once the holds are past their grace period.
//
// CRASH_SEED=<n> replays a seed (operations and kill points; the interleaving is the machine's).
import { enrollmentIdFor } from '../../cloudfunctions/volunteer/src/docs'
import { HOLD_GRACE_MS, newHold, type StockHold } from '../../cloudfunctions/points/src/domain/hold'
import { orderIdFor } from '../../cloudfunctions/points/src/domain/order'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRandom } from '../../demo/random'
import { typedClient } from '../support/client'
import { ok } from '../support/envelope'
import { ChildCloud } from './support/child-cloud'
import { CRASH_CAST } from './support/cloud-process'
import { checkAcknowledged, checkInvariants, INVARIANT_COLLECTIONS, type Reader } from './support/invariants'
import { Workload } from './support/workload'
import { castWorld } from './support/world'

const SEED = Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 1_000_000)
const CONCURRENCY = 24
const r = createRandom(SEED)
/** How many calls into each phase the process is killed (the phase ends there). */
const KILL_AFTER = [r.int(100, 200), r.int(100, 200)]
const AFTER_CRASHES = 60

jest.setTimeout(300_000)

let dataDir: string
let cloud: ChildCloud | undefined

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'crash-cloud-'))
})

afterAll(async () => {
  await cloud?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The time passing that lets the recovery pass settle what the crash left open, then the pass itself. */
async function recover(cloud: ChildCloud): Promise<{ released: number; settled: number; cleaned: number }> {
  const past = new Date(Date.now() - HOLD_GRACE_MS - 60_000)
  const read = await cloud.snapshot(['goods'])
  for (const g of read('goods')) {
    const holds = (g.holds ?? []) as StockHold[]
    if (holds.length) await cloud.update('goods', { _id: g._id }, { $set: { holds: holds.map((h) => ({ ...h, at: past })) } })
  }
  const res = await cloud.env().timer('points', 'recoverRedemptions')
  if (!res.ok) throw new Error(`recovery failed: ${JSON.stringify(res)}`)
  return res.data as { released: number; settled: number; cleaned: number }
}

function expectSound(read: Reader, w: Workload) {
  const initialStock = Object.fromEntries(w.goods.filter((g) => !g.uncertain).map((g) => [g.id, g.initialStock]))
  expect(checkInvariants(read, { initialStock })).toEqual([])
  expect(checkAcknowledged(read, w.log)).toEqual([])
}

it(`keeps every acknowledged write and every invariant across SIGKILL (seed ${SEED})`, async () => {
  console.log(`crash seed ${SEED} (replay with CRASH_SEED=${SEED})`)
  const started = Date.now()
  cloud = await ChildCloud.start(dataDir, true)
  const cast = castWorld({ insert: () => [] }, CRASH_CAST)
  const w = new Workload(cast, SEED, cloud.env())
  await w.setup()
  const report: string[] = [`start and setup ${((Date.now() - started) / 1000).toFixed(1)} s`]

  for (const [i, killAfter] of KILL_AFTER.entries()) {
    const from = w.log.length
    const phaseStarted = Date.now()
    const current = cloud
    let killed: Promise<void> | undefined
    w.onAck = () => {
      if (killed || w.log.length - from < killAfter) return
      w.halt()
      killed = current.kill()
    }
    await w.run({ operations: Number.MAX_SAFE_INTEGER, concurrency: CONCURRENCY })
    w.onAck = undefined
    expect(killed).toBeDefined()
    await killed

    const ran = (Date.now() - phaseStarted) / 1000
    const calls = w.log.slice(from)
    const unanswered = calls.filter((a) => a.outcome === 'unknown')
    expect(unanswered.length).toBeGreaterThan(0)
    const restarting = Date.now()
    cloud = await ChildCloud.start(dataDir, false)
    w.retarget(cloud.env())
    const recovered = await recover(cloud)
    expectSound(await cloud.snapshot(INVARIANT_COLLECTIONS), w)
    const restarted = (Date.now() - restarting) / 1000

    const retried = await w.retryUnanswered()
    expectSound(await cloud.snapshot(INVARIANT_COLLECTIONS), w)
    report.push(
      `kill ${i + 1}: after ${killAfter} calls of phase ${i + 1} (${calls.filter((a) => a.outcome === 'ok').length} acknowledged), ` +
        `${unanswered.length} calls unanswered (${[...new Set(unanswered.map((a) => a.action))].join(', ')}), ` +
        `recovery released ${recovered.released} holds and settled ${recovered.settled}, ${retried} redemptions retried; ` +
        `phase ${ran.toFixed(1)} s, restart and checks ${restarted.toFixed(1)} s`
    )
  }

  // The cloud keeps working after the crashes, and a clean stop loses nothing either.
  await w.run({ operations: AFTER_CRASHES, concurrency: CONCURRENCY })
  await cloud.stop()
  cloud = await ChildCloud.start(dataDir, false)
  expectSound(await cloud.snapshot(INVARIANT_COLLECTIONS), w)

  const outcomes = { ok: 0, refused: 0, unknown: 0 }
  for (const a of w.log) outcomes[a.outcome]++
  console.log(
    [
      `crash seed ${SEED}: ${w.log.length} calls in ${((Date.now() - started) / 1000).toFixed(1)} s, outcomes ${JSON.stringify(outcomes)}`,
      ...report
    ].join('\n')
  )
  expect(w.unexpected().map((a) => `${a.fn}.${a.action} by ${a.who}: ${a.code} ${a.message}`)).toEqual([])
  expect(outcomes.unknown).toBeGreaterThan(0)
  await cloud.stop()
})

// --- batch jobs killed half-way ------------------------------------------------------------------------

const HOUR = 3_600_000
const CROWD = 160

/** `n` enrollments in one activity, half checked in, written as the enroll and check-in actions write them. */
function crowdEnrollments(activity: { _id: string; communityId: string; title: string }, start: Date, end: Date) {
  return Array.from({ length: CROWD }, (_, i) => {
    const openid = `crowd${String(i + 1).padStart(3, '0')}`
    const checkedIn = i % 2 === 0
    return {
      _id: enrollmentIdFor(activity._id, openid),
      activityId: activity._id,
      openid,
      communityId: activity.communityId,
      activityTitle: activity.title,
      activityStart: start,
      activityEnd: end,
      status: checkedIn ? 'checkedIn' : 'enrolled',
      enrolledAt: start,
      cancelledAt: null,
      checkInAt: checkedIn ? start : null,
      checkOutAt: null,
      checkInDistance: checkedIn ? 20 : null,
      checkOutDistance: null,
      tokens: { checkIn: checkedIn ? 'used' : null, checkOut: null },
      hours: 0,
      points: 0,
      missingCheckout: false,
      corrections: [],
      completedAt: null,
      updatedAt: start
    }
  })
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

// Defect found here: closing an activity marks it finished, then closes its enrollments one transaction
// each; killed in between, the enrollments left open could never be closed (a second 结项 was refused).
it('an activity close and the expiry timer killed half-way finish their work when run again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-batch-'))
  let batch = await ChildCloud.start(dir, true)
  try {
    const cast = castWorld({ insert: () => [] }, CRASH_CAST)
    const env = batch.env()
    const api = typedClient(env)
    // An activity with a crowd enrolled, that ended an hour ago.
    const start = Date.now() + HOUR
    const created = await ok(
      api.volunteer.createActivity(
        {
          requestId: `crash-act-${Date.now()}`,
          title: '社区大扫除',
          content: '清理楼道杂物。',
          venue: '青枫社区广场',
          location: { lat: 31.335, lng: 118.375 },
          start: new Date(start).toISOString(),
          end: new Date(start + 3 * HOUR).toISOString(),
          enrollDeadline: new Date(start - HOUR / 2).toISOString(),
          capacity: 500,
          pointsPerHour: 10,
          pointsCap: 40,
          radius: 300
        },
        cast.staff[0]
      )
    )
    const [s, e] = [new Date(Date.now() - 4 * HOUR), new Date(Date.now() - HOUR)]
    await batch.insert('enrollments', crowdEnrollments({ _id: created.id, communityId: 'cm01', title: '社区大扫除' }, s, e))
    await batch.update(
      'activities',
      { _id: created.id },
      { $set: { start: s, end: e, enrollDeadline: new Date(s.getTime() - HOUR), enrolled: CROWD } }
    )
    // Orders past their pickup date.
    const goods = await ok(
      api.points.upsertGoods(
        {
          requestId: 'crash-goods-towel',
          merchantId: cast.merchantId,
          name: '毛巾一条',
          kind: 'item',
          price: 1,
          stock: 500,
          limitCount: 10,
          limitPeriod: 'month',
          pickupPlace: '收银台',
          pickupDays: 7
        },
        cast.merchant
      )
    )
    await Promise.all(
      cast.spenders.map(async (who) => {
        for (let k = 0; k < 3; k++) await ok(api.points.redeem({ goodsId: goods.id, quantity: 1, requestId: `batch-${who}-${k}` }, who))
      })
    )
    await batch.update('redemptions', { status: 'pending' }, { $set: { expiresAt: new Date(Date.now() - HOUR) } }, true)
    expect(checkInvariants(await batch.snapshot(INVARIANT_COLLECTIONS))).toEqual([])

    // Both jobs start; the process is killed once each has done part of its work.
    const closing = api.volunteer.completeActivity({ activityId: created.id }, cast.staff[0]).catch(() => null)
    const expiring = env.timer('points', 'expireRedemptions').catch(() => null)
    for (;;) {
      const read = await batch.snapshot(['enrollments', 'redemptions'])
      const closed = read('enrollments').filter((x) => x.status === 'absent' || x.status === 'completed').length
      const expired = read('redemptions').filter((x) => x.status === 'expired').length
      if (closed > 0 && expired > 0) break
      await sleep(5)
    }
    await batch.kill()
    await Promise.all([closing, expiring])

    batch = await ChildCloud.start(dir, false)
    const after = await batch.snapshot(INVARIANT_COLLECTIONS)
    expect(checkInvariants(after)).toEqual([])
    const open = after('enrollments').filter((x) => x.status === 'enrolled' || x.status === 'checkedIn').length
    const pending = after('redemptions').filter((x) => x.status === 'pending').length
    console.log(
      `batch kill: ${CROWD - open} of ${CROWD} enrollments closed and ${after('redemptions').length - pending} of ${after('redemptions').length} orders expired when killed`
    )
    expect(open).toBeGreaterThan(0)
    expect(pending).toBeGreaterThan(0)

    // Run again, they finish: no enrollment left open, no order left past its date, everything still sound.
    const again = batch.env()
    const againApi = typedClient(again)
    expect(await againApi.volunteer.completeActivity({ activityId: created.id }, cast.staff[0])).toMatchObject({ ok: true })
    expect(await again.timer('points', 'expireRedemptions')).toMatchObject({ ok: true })
    const done = await batch.snapshot(INVARIANT_COLLECTIONS)
    expect(done('enrollments').filter((x) => x.status === 'enrolled' || x.status === 'checkedIn')).toEqual([])
    expect(done('enrollments').filter((x) => x.status === 'absent')).toHaveLength(CROWD / 2)
    expect(done('redemptions').filter((x) => x.status !== 'expired')).toEqual([])
    expect(checkInvariants(done)).toEqual([])
    // Once everything is closed, a further 结项 is refused as before.
    expect(await againApi.volunteer.completeActivity({ activityId: created.id }, cast.staff[0])).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
  } finally {
    await batch.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})

// --- a redemption cut between its steps ------------------------------------------------------------------

// Each state a crash can leave a redemption in (after the take, after the charge, half-way through giving
// back), as the steps write it; the recovery pass settles them, invariants hold, and the requests retried
// afterwards make or find their one order.
it('the recovery pass finishes or undoes redemptions a crash left between their steps', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-holds-'))
  const hot = await ChildCloud.start(dir, true)
  try {
    const cast = castWorld({ insert: () => [] }, CRASH_CAST)
    const api = typedClient(hot.env())
    const STOCK = 10
    const goods = await ok(
      api.points.upsertGoods(
        {
          requestId: 'crash-goods-rice',
          merchantId: cast.merchantId,
          name: '大米一袋',
          kind: 'item',
          price: 1,
          stock: STOCK,
          limitCount: 10,
          limitPeriod: 'month',
          pickupPlace: '收银台',
          pickupDays: 7
        },
        cast.merchant
      )
    )
    const [a, b, c, d] = cast.spenders
    const request = (who: string) => ({ who, requestId: `cut-${who}`, id: orderIdFor(who, `cut-${who}`) })
    const take = (hold: StockHold) =>
      hot.update('goods', { _id: goods.id }, { $inc: { stock: -hold.q, redeemed: hold.q }, $push: { holds: hold } })
    // a: killed after taking the stock, its call still within the grace period.
    const ra = request(a)
    await take(newHold(ra.id, 1, new Date(), 'a1'))
    // b: killed after taking the stock, long ago.
    const rb = request(b)
    await take(newHold(rb.id, 1, new Date(Date.now() - HOLD_GRACE_MS - 1000), 'b1'))
    // c: killed after the charge committed, before its hold was dropped (a real redemption, hold put back).
    const rc = request(c)
    const made = await ok(api.points.redeem({ goodsId: goods.id, quantity: 1, requestId: rc.requestId }, c))
    const charged = (await hot.snapshot(['redemptions']))('redemptions').find((o) => o._id === rc.id)
    await hot.update('goods', { _id: goods.id }, { $push: { holds: { id: charged?.stockHold, q: 1, at: new Date() } } })
    // c again: a double tap whose call took stock too and died before giving it back.
    await take(newHold(rc.id, 1, new Date(), 'c2'))
    // d: killed after releasing (the fence written), before giving the stock back.
    const rd = request(d)
    const dHold = newHold(rd.id, 1, new Date(), 'd1')
    await hot.insert('stockHolds', [{ _id: rd.id, state: 'released', hold: null, released: [dHold.id], updatedAt: new Date() }])
    await take(dHold)

    const before = await hot.snapshot(INVARIANT_COLLECTIONS)
    expect(checkInvariants(before, { only: ['stock'] }).length).toBeGreaterThan(0)
    // Within the grace period the pass leaves holds without an order alone (their call may still be
    // running): it drops c's (its order is made) and gives back c's second (the order was made with the
    // first) and b's (stale); a's and d's once the grace period is over.
    const early = await hot.env().timer('points', 'recoverRedemptions')
    expect(early).toMatchObject({ ok: true, data: { released: 2, settled: 1 } })
    expect(await recover(hot)).toMatchObject({ released: 2, settled: 0 })
    const after = await hot.snapshot(INVARIANT_COLLECTIONS)
    expect(checkInvariants(after, { initialStock: { [goods.id]: STOCK } })).toEqual([])
    expect(after('goods').find((g) => g._id === goods.id)).toMatchObject({ stock: STOCK - 1, redeemed: 1, holds: [] })

    // Retried, each request makes or finds exactly one order.
    for (const r of [ra, rb, rc, rd]) {
      const order = await ok(api.points.redeem({ goodsId: goods.id, quantity: 1, requestId: r.requestId }, r.who))
      expect(order.id).toBe(r.id)
    }
    expect((await ok(api.points.redeem({ goodsId: goods.id, quantity: 1, requestId: rc.requestId }, c))).pickupCode).toBe(made.pickupCode)
    const done = await hot.snapshot(INVARIANT_COLLECTIONS)
    expect(checkInvariants(done, { initialStock: { [goods.id]: STOCK } })).toEqual([])
    expect(done('redemptions').filter((o) => o.goodsId === goods.id)).toHaveLength(4)
  } finally {
    await hot.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})
