// A randomized (seeded) workload of many callers against a running local cloud: wishes claimed, released,
// fulfilled, confirmed and expired; activities opened, enrolled, cancelled, started, checked in and out with
// the rotating code, closed and corrected; goods redeemed (retries with the same request id, double taps),
// cancelled, picked up and expired; staff adjustments; and reads in between. Callers choose what to do from
// what their answers told them (as an app would), so some operations are stale and get refused; that is
// part of the test. Every call lands in `log` as acknowledged (ok), refused, or unknown (no answer: the
// cloud died under it), for the invariants to check against the database.
//
// A person does one thing at a time (one phone): residents, volunteers and members are serialised; staff,
// the merchant and the timers are not. The only deliberate exception is the double tap: two identical
// redemptions sent at once.
import { enrollmentIdFor } from '../../../cloudfunctions/volunteer/src/docs'
import { orderIdFor } from '../../../cloudfunctions/points/src/domain/order'
import type { ActionOf, Envelope, FnName } from '../../../types'
import { typedClient, type Input, type Output } from '../../support/client'
import { createRandom, type Random } from '../../../demo/random'
import { VENUE, type Cast } from './world'
import { ReportTraffic } from './reportTraffic'

export interface Env {
  call(fn: string, action: string, data: unknown, openid: string): Promise<unknown>
  timer(fn: string, trigger: string): Promise<Envelope<unknown>>
  /** A direct database write standing for the passing of time (a deadline moved into the past). */
  update(collection: string, filter: object, update: object, multi?: boolean): Promise<void>
}

export type Outcome = 'ok' | 'refused' | 'unknown'

export interface Ack {
  /** Completion order. */
  n: number
  who: string
  fn: string
  action: string
  data: any
  outcome: Outcome
  code?: string
  message?: string
  result?: any
}

/** A logged call as its caller reads it: with the result of its action when ok. */
type Answered<R> =
  | (Omit<Ack, 'outcome' | 'result'> & { outcome: 'ok'; result: R })
  | (Omit<Ack, 'outcome' | 'result'> & { outcome: 'refused' | 'unknown'; result?: undefined })

/** Codes a well-formed call may meet when the world moved under it; anything else is a defect. */
export const EXPECTED_REFUSALS = new Set(['CONFLICT', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED', 'NOT_FOUND'])

const MIN = 60_000
const HOUR = 60 * MIN
const NEAR_VENUE = { lat: VENUE.lat + 0.0002, lng: VENUE.lng + 0.0001 }

type WishState = 'submitted' | 'published' | 'claimed' | 'fulfilled' | 'confirmed' | 'withdrawn'
type Phase = 'open' | 'running' | 'finished'
type EnrolState = 'enrolled' | 'checkedIn' | 'completed' | 'cancelled' | 'absent'

interface WishModel {
  id: string
  owner: string
  status: WishState
  claimer: string | null
}
interface ActivityModel {
  id: string
  phase: Phase
  opened: number
}
interface EnrolModel {
  id: string
  activityId: string
  who: string
  status: EnrolState
}
interface OrderModel {
  id: string
  who: string
  status: 'pending' | 'closed'
  /** The pickup QR text, given only while the order waits for pickup. */
  qr: string | null
}
interface RedeemRequest {
  requestId: string
  goodsId: string
  quantity: number
}
export interface GoodsModel {
  id: string
  /** Stock listed plus every restock the merchant was told succeeded. */
  initialStock: number
  /** A restock went unanswered: the initial stock is not known exactly. */
  uncertain: boolean
}

interface Plan {
  actors: string[]
  run: () => Promise<void>
}

interface OpKind {
  name: string
  weight: number
  plan: () => Plan | null
}

export interface RunOptions {
  operations: number
  concurrency: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export class Workload {
  readonly log: Ack[] = []
  readonly goods: GoodsModel[] = []
  /** Operations started, by kind. */
  readonly counts: Record<string, number> = {}
  private readonly r: Random
  private readonly wishes = new Map<string, WishModel>()
  private readonly activities = new Map<string, ActivityModel>()
  private readonly enrollments = new Map<string, EnrolModel>()
  private readonly orders = new Map<string, OrderModel>()
  private readonly requests = new Map<string, RedeemRequest[]>()
  private readonly adjustRequests: Array<{ staff: string; volunteerNo: string; requestId: string }> = []
  private readonly codes = new Map<string, { payload: string; at: number }>()
  private readonly busy = new Set<string>()
  private readonly volunteerNo = new Map<string, string>()
  private serial = 0
  private halted = false
  /** Called with every call's outcome as it is logged (the crash test kills the cloud from here). */
  onAck?: (ack: Ack) => void
  private readonly kinds: OpKind[]
  /** Grid-report operations, mixed into the run (reportTraffic.ts). */
  private readonly reports: ReportTraffic
  /** Calls through whichever cloud `env` is at the time (retarget changes it). */
  private readonly api = typedClient({ call: (fn, action, data, openid) => this.env.call(fn, action, data, openid as string) })

  constructor(
    readonly cast: Cast,
    readonly seed: number,
    private env: Env
  ) {
    this.r = createRandom(seed)
    cast.spenders.forEach((id, k) => this.volunteerNo.set(id, `ZY26${String(k + 1).padStart(6, '0')}`))
    this.reports = new ReportTraffic(
      {
        call: (fn, action, data, who) => this.call(fn, action, data, who),
        timer: (fn, trigger) => this.timer(fn, trigger),
        move: (collection, filter, update, multi) => this.move(collection, filter, update, multi),
        id: (prefix) => this.id(prefix),
        r: this.r,
        pickIdle: (ids) => this.pickIdle(ids),
        busy: (id) => this.busy.has(id)
      },
      cast
    )
    this.kinds = this.opKinds()
  }

  /** Points the workload at another cloud (after a restart). */
  retarget(env: Env): void {
    this.env = env
    this.halted = false
  }

  /** No new operations start; the ones in flight finish (or fail). */
  halt(): void {
    this.halted = true
  }

  get acknowledged(): number {
    return this.log.filter((a) => a.outcome === 'ok').length
  }

  /** Calls that no test should ever see: INTERNAL, bad input from a well-formed client, refused reads. */
  unexpected(): Ack[] {
    return this.log.filter((a) => a.outcome === 'refused' && !EXPECTED_REFUSALS.has(a.code as string))
  }

  // --- calls ------------------------------------------------------------------------------------------

  private id(prefix: string): string {
    return `${prefix}-${this.seed}-${String(++this.serial).padStart(6, '0')}`
  }

  private record(who: string, fn: string, action: string, data: unknown, outcome: Outcome, extra: Partial<Ack> = {}): Ack {
    const ack: Ack = { n: this.log.length + 1, who, fn, action, data, outcome, ...extra }
    this.log.push(ack)
    this.onAck?.(ack)
    return ack
  }

  private async call<F extends FnName, A extends ActionOf<F>>(
    fn: F,
    action: A,
    data: Input<F, A>,
    who: string
  ): Promise<Answered<Output<F, A>>> {
    let res: Envelope<Output<F, A>>
    try {
      res = await this.api.call(fn, action, data, who)
    } catch (e) {
      return this.record(who, fn, action, data, 'unknown', { message: (e as Error).message }) as Answered<Output<F, A>>
    }
    if (res.ok) return this.record(who, fn, action, data, 'ok', { result: res.data }) as Answered<Output<F, A>>
    return this.record(who, fn, action, data, 'refused', { code: res.error.code, message: res.error.message }) as Answered<Output<F, A>>
  }

  private async timer(fn: string, trigger: string): Promise<Ack> {
    try {
      const res = await this.env.timer(fn, trigger)
      if (res.ok) return this.record('timer', fn, trigger, {}, 'ok', { result: res.data })
      return this.record('timer', fn, trigger, {}, 'refused', { code: res.error.code, message: res.error.message })
    } catch (e) {
      return this.record('timer', fn, trigger, {}, 'unknown', { message: (e as Error).message })
    }
  }

  /** A clock move; a failure (the cloud died) just ends the operation. */
  private async move(collection: string, filter: object, update: object, multi = false): Promise<boolean> {
    try {
      await this.env.update(collection, filter, update, multi)
      return true
    } catch {
      return false
    }
  }

  /** What a client does when the cloud comes back: redemptions that got no answer are sent again, same request id. */
  async retryUnanswered(): Promise<number> {
    const lost = this.log.filter((a) => a.outcome === 'unknown' && a.action === 'redeem')
    const orderOf = (a: (typeof lost)[number]) => orderIdFor(a.who, a.data.requestId)
    const settled = new Set(this.log.filter((a) => a.action === 'redeem' && a.outcome !== 'unknown').map(orderOf))
    const again = new Map(lost.filter((a) => !settled.has(orderOf(a))).map((a) => [orderOf(a), a]))
    await Promise.all([...again.values()].map((a) => this.redeem(a.who, a.data)))
    return again.size
  }

  // --- setup ------------------------------------------------------------------------------------------

  /** Goods with scarce stock, a few activities and published wishes; sequential, before the run. */
  async setup(): Promise<void> {
    const { merchant, merchantId, staff, residents } = this.cast
    const goods = [
      { name: '东北大米5斤', price: 20, stock: 6, limitCount: 2 },
      { name: '洗衣液一瓶', price: 15, stock: 10, limitCount: 3 },
      { name: '理发券', price: 30, stock: 3, limitCount: 1 },
      { name: '鸡蛋一盒', price: 10, stock: 12, limitCount: 3 }
    ]
    for (const g of goods) {
      const ack = await this.call(
        'points',
        'upsertGoods',
        {
          requestId: this.id('goods'),
          merchantId,
          kind: 'item',
          description: '',
          limitPeriod: 'month',
          pickupPlace: '惠民便利店收银台',
          pickupDays: 7,
          ...g
        },
        merchant
      )
      if (ack.outcome !== 'ok') throw new Error(`setup: upsertGoods ${ack.code} ${ack.message}`)
      this.goods.push({ id: ack.result.id, initialStock: g.stock, uncertain: false })
    }
    for (let i = 0; i < 3; i++) await this.createActivity(staff[0])
    for (const res of residents) for (let i = 0; i < 2; i++) await this.submitWish(res)
    for (const w of [...this.wishes.values()]) await this.reviewWish(staff[i32(w.id) % staff.length], w)
  }

  // --- the run ------------------------------------------------------------------------------------------

  /** Runs `operations` operations with up to `concurrency` in flight (fewer when the caller pool is busy). */
  async run({ operations, concurrency }: RunOptions): Promise<void> {
    let started = 0
    const worker = async () => {
      while (!this.halted && started < operations) {
        const plan = this.nextPlan()
        if (!plan) {
          await sleep(5)
          continue
        }
        started++
        for (const a of plan.actors) this.busy.add(a)
        try {
          await plan.run()
        } finally {
          for (const a of plan.actors) this.busy.delete(a)
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
  }

  private nextPlan(): Plan | null {
    const total = this.kinds.reduce((s, k) => s + k.weight, 0)
    for (let attempt = 0; attempt < 8; attempt++) {
      let x = this.r.float(0, total)
      const kind = this.kinds.find((k) => (x -= k.weight) <= 0) ?? this.kinds[this.kinds.length - 1]
      const plan = kind.plan()
      if (plan) {
        this.counts[kind.name] = (this.counts[kind.name] ?? 0) + 1
        return plan
      }
    }
    return null
  }

  private idle = (ids: readonly string[]) => ids.filter((id) => !this.busy.has(id))
  private pickIdle(ids: readonly string[]): string | null {
    const free = this.idle(ids)
    return free.length ? this.r.pick(free) : null
  }

  private opKinds(): OpKind[] {
    const k = (name: string, weight: number, plan: () => Plan | null): OpKind => ({ name, weight, plan })
    return [
      k('submitWish', 3, () => this.planSubmit()),
      k('reviewWish', 3, () => this.planReview()),
      k('claim', 14, () => this.planClaim()),
      k('release', 4, () => this.planClaimerStep('release')),
      k('fulfil', 6, () => this.planClaimerStep('fulfil')),
      k('confirm', 5, () => this.planConfirm()),
      k('withdraw', 1, () => this.planWithdraw()),
      k('expireClaims', 2, () => this.planExpireClaim()),
      k('createActivity', 2, () => this.planCreateActivity()),
      k('enroll', 10, () => this.planEnroll()),
      k('cancelEnrollment', 3, () => this.planCancelEnrollment()),
      k('startActivity', 1.5, () => this.planStartActivity()),
      k('checkIn', 8, () => this.planCheck('checkIn')),
      k('checkOut', 7, () => this.planCheck('checkOut')),
      k('completeActivity', 1, () => this.planCompleteActivity()),
      k('correctHours', 2, () => this.planCorrectHours()),
      k('redeem', 14, () => this.planRedeem()),
      k('redeemRetry', 3, () => this.planRedeemRetry()),
      k('doubleTap', 2, () => this.planDoubleTap()),
      k('cancelRedemption', 4, () => this.planCancelOrder()),
      k('pickup', 5, () => this.planPickup()),
      k('expireRedemptions', 2, () => this.planExpireOrder()),
      k('editGoods', 2, () => this.planEditGoods()),
      k('adjust', 2, () => this.planAdjust()),
      k('read', 8, () => this.planRead()),
      ...this.reports.kinds()
    ]
  }

  // --- wishes -----------------------------------------------------------------------------------------

  private wishesIn(status: WishState): WishModel[] {
    return [...this.wishes.values()].filter((w) => w.status === status)
  }

  private async submitWish(who: string): Promise<void> {
    const data: Input<'wish', 'submit'> = {
      requestId: this.id('wish'),
      category: this.r.pick(['goods', 'service', 'company', 'study']),
      title: this.r.pick(['想要一盏护眼台灯', '需要有人帮忙修水龙头', '想找人陪着去医院复查', '孙子想要一个新书包']),
      story: '家里条件有限，希望邻居们帮帮忙，谢谢大家。',
      value: this.r.int(20, 150),
      photos: [],
      beneficiary: { name: '程桂芳', appellation: '奶奶' },
      delivery: this.r.chance(0.5) ? 'handover' : 'contact',
      consent: true
    }
    const ack = await this.call('wish', 'submit', data, who)
    if (ack.outcome === 'ok') this.wishes.set(ack.result.id, { id: ack.result.id, owner: who, status: 'submitted', claimer: null })
  }

  private planSubmit(): Plan | null {
    const who = this.pickIdle(this.cast.residents)
    if (!who || this.wishesIn('published').length > 8) return null
    return { actors: [who], run: () => this.submitWish(who) }
  }

  private async reviewWish(staff: string, w: WishModel): Promise<void> {
    const ack = await this.call('wish', 'review', { wishId: w.id, decision: 'publish' }, staff)
    if (ack.outcome === 'ok' && w.status === 'submitted') w.status = 'published'
  }

  private planReview(): Plan | null {
    const submitted = this.wishesIn('submitted')
    if (!submitted.length) return null
    const staff = this.r.pick(this.cast.staff)
    const w = this.r.pick(submitted)
    return { actors: [], run: () => this.reviewWish(staff, w) }
  }

  private planClaim(): Plan | null {
    const who = this.pickIdle(this.cast.members)
    const published = this.wishesIn('published').sort((a, b) => a.id.localeCompare(b.id))
    if (!who || !published.length) return null
    // Most claims go to the first few wishes, so several members press 认领 on the same wish at once.
    const w = this.r.chance(0.7) ? published[this.r.int(0, Math.min(2, published.length - 1))] : this.r.pick(published)
    return {
      actors: [who],
      run: async () => {
        const ack = await this.call('wish', 'claim', { wishId: w.id }, who)
        if (ack.outcome === 'ok') Object.assign(w, { status: 'claimed', claimer: who })
        else if (ack.code === 'CONFLICT' && w.status === 'published') w.status = 'claimed'
      }
    }
  }

  private planClaimerStep(step: 'release' | 'fulfil'): Plan | null {
    const held = this.wishesIn('claimed').filter((w) => w.claimer && !this.busy.has(w.claimer))
    if (!held.length) return null
    const w = this.r.pick(held)
    const who = w.claimer as string
    const data =
      step === 'release'
        ? { wishId: w.id, reason: '临时有事' }
        : { wishId: w.id, note: '东西已经送到，老人很满意', photos: [`cloud://local.6c6f-local-1300000000/users/${who}/done.jpg`] }
    return {
      actors: [who],
      run: async () => {
        const ack = await this.call('wish', step, data, who)
        if (ack.outcome === 'ok') Object.assign(w, step === 'release' ? { status: 'published', claimer: null } : { status: 'fulfilled' })
        else if (ack.code === 'CONFLICT' && w.claimer === who) Object.assign(w, { status: 'published', claimer: null })
      }
    }
  }

  private planConfirm(): Plan | null {
    const due = this.wishesIn('fulfilled').filter((w) => !this.busy.has(w.owner))
    if (!due.length) return null
    const w = this.r.pick(due)
    return {
      actors: [w.owner],
      run: async () => {
        const ack = await this.call('wish', 'confirm', { wishId: w.id, rating: this.r.int(3, 5), thanks: '谢谢你们的帮助' }, w.owner)
        if (ack.outcome === 'ok') w.status = 'confirmed'
      }
    }
  }

  /** The owner takes back a published wish while members may be pressing 认领 on it. */
  private planWithdraw(): Plan | null {
    const open = this.wishesIn('published').filter((w) => !this.busy.has(w.owner))
    if (open.length < 4) return null
    const w = this.r.pick(open)
    return {
      actors: [w.owner],
      run: async () => {
        const ack = await this.call('wish', 'withdraw', { wishId: w.id, reason: '已经解决了' }, w.owner)
        if (ack.outcome === 'ok') w.status = 'withdrawn'
      }
    }
  }

  private planExpireClaim(): Plan | null {
    const claimed = this.wishesIn('claimed')
    if (!claimed.length) return null
    const w = this.r.pick(claimed)
    return {
      actors: [],
      run: async () => {
        if (!(await this.move('wishes', { _id: w.id, status: 'claimed' }, { $set: { claimDeadline: new Date(Date.now() - MIN) } }))) return
        const ack = await this.timer('wish', 'expireClaims')
        if (ack.outcome === 'ok' && ack.result.released > 0 && w.status === 'claimed')
          Object.assign(w, { status: 'published', claimer: null })
      }
    }
  }

  // --- activities ---------------------------------------------------------------------------------------

  private activitiesIn(phase: Phase): ActivityModel[] {
    return [...this.activities.values()].filter((a) => a.phase === phase)
  }

  private enrollmentsIn(activityId: string, ...statuses: EnrolState[]): EnrolModel[] {
    return [...this.enrollments.values()].filter((e) => e.activityId === activityId && statuses.includes(e.status))
  }

  private async createActivity(staff: string): Promise<void> {
    const start = Date.now() + 20 * MIN
    const data = {
      requestId: this.id('act'),
      title: this.r.pick(['敬老院陪伴读报', '社区环境清洁', '助老送餐', '垃圾分类宣传']),
      content: '为社区居民提供志愿服务。',
      venue: '青枫社区日间照料中心',
      location: VENUE,
      start: new Date(start).toISOString(),
      end: new Date(start + 3 * HOUR).toISOString(),
      enrollDeadline: new Date(start - MIN).toISOString(),
      capacity: this.r.int(2, 5),
      pointsPerHour: 10,
      pointsCap: 40,
      radius: 300,
      checkinMode: 'venueCode' as const
    }
    const ack = await this.call('volunteer', 'createActivity', data, staff)
    if (ack.outcome === 'ok') this.activities.set(ack.result.id, { id: ack.result.id, phase: 'open', opened: this.log.length })
  }

  private planCreateActivity(): Plan | null {
    if (this.activitiesIn('open').length >= 3) return null
    const staff = this.r.pick(this.cast.staff)
    return { actors: [], run: () => this.createActivity(staff) }
  }

  private planEnroll(): Plan | null {
    const who = this.pickIdle(this.cast.spenders)
    const open = this.activitiesIn('open')
    if (!who || !open.length) return null
    const a = this.r.pick(open)
    const key = enrollmentIdFor(a.id, who)
    const mine = this.enrollments.get(key)
    if (mine && mine.status !== 'cancelled') return null
    return {
      actors: [who],
      run: async () => {
        const ack = await this.call('volunteer', 'enroll', { activityId: a.id }, who)
        if (ack.outcome === 'ok') this.enrollments.set(key, { id: key, activityId: a.id, who, status: 'enrolled' })
      }
    }
  }

  private planCancelEnrollment(): Plan | null {
    const candidates = this.activitiesIn('open')
      .flatMap((a) => this.enrollmentsIn(a.id, 'enrolled'))
      .filter((e) => !this.busy.has(e.who))
    if (!candidates.length) return null
    const e = this.r.pick(candidates)
    return {
      actors: [e.who],
      run: async () => {
        const ack = await this.call('volunteer', 'cancelEnrollment', { activityId: e.activityId }, e.who)
        if (ack.outcome === 'ok') e.status = 'cancelled'
      }
    }
  }

  /** The clock reaches the activity: it started two hours ago, and who checked in early did so at the start. */
  private planStartActivity(): Plan | null {
    const ready = this.activitiesIn('open').filter((a) => this.log.length - a.opened > 40)
    if (!ready.length) return null
    const a = this.r.pick(ready)
    a.phase = 'running'
    return {
      actors: [],
      run: async () => {
        const start = new Date(Date.now() - 2 * HOUR)
        const end = new Date(Date.now() + HOUR)
        await this.move('activities', { _id: a.id }, { $set: { start, end, enrollDeadline: new Date(start.getTime() - MIN) } })
        await this.move('enrollments', { activityId: a.id, status: 'checkedIn' }, { $set: { checkInAt: start } }, true)
        await this.move('enrollments', { activityId: a.id }, { $set: { activityStart: start, activityEnd: end } }, true)
      }
    }
  }

  private async checkinCode(activityId: string): Promise<string | null> {
    const cached = this.codes.get(activityId)
    if (cached && Date.now() - cached.at < 10_000) return cached.payload
    const ack = await this.call('volunteer', 'checkinCode', { activityId }, this.r.pick(this.cast.staff))
    if (ack.outcome !== 'ok') return null
    this.codes.set(activityId, { payload: ack.result.payload, at: Date.now() })
    return ack.result.payload
  }

  private planCheck(action: 'checkIn' | 'checkOut'): Plan | null {
    const phases: Phase[] = action === 'checkIn' ? ['open', 'running'] : ['running']
    const from: EnrolState = action === 'checkIn' ? 'enrolled' : 'checkedIn'
    const candidates = phases
      .flatMap((p) => this.activitiesIn(p))
      .flatMap((a) => this.enrollmentsIn(a.id, from))
      .filter((e) => !this.busy.has(e.who))
    if (!candidates.length) return null
    const e = this.r.pick(candidates)
    return {
      actors: [e.who],
      run: async () => {
        const token = await this.checkinCode(e.activityId)
        if (!token) return
        const ack = await this.call('volunteer', action, { activityId: e.activityId, token, location: NEAR_VENUE }, e.who)
        if (ack.outcome === 'ok') e.status = action === 'checkIn' ? 'checkedIn' : 'completed'
      }
    }
  }

  /** The activity ended a minute ago; staff close it (no-shows absent, missing check-outs completed at 0 h). */
  private planCompleteActivity(): Plan | null {
    const running = this.activitiesIn('running')
    if (!running.length) return null
    const a = this.r.pick(running)
    a.phase = 'finished'
    const staff = this.r.pick(this.cast.staff)
    return {
      actors: [],
      run: async () => {
        const end = new Date(Date.now() - MIN)
        const start = new Date(end.getTime() - 3 * HOUR)
        if (!(await this.move('activities', { _id: a.id }, { $set: { start, end } }))) return
        await this.move('enrollments', { activityId: a.id }, { $set: { activityStart: start, activityEnd: end } }, true)
        const ack = await this.call('volunteer', 'completeActivity', { activityId: a.id }, staff)
        if (ack.outcome !== 'ok') return
        for (const e of this.enrollmentsIn(a.id, 'enrolled')) e.status = 'absent'
        for (const e of this.enrollmentsIn(a.id, 'checkedIn')) e.status = 'completed'
      }
    }
  }

  private planCorrectHours(): Plan | null {
    const done = [...this.enrollments.values()].filter(
      (e) => e.status === 'completed' && this.activities.get(e.activityId)?.phase === 'finished'
    )
    if (!done.length) return null
    const e = this.r.pick(done)
    const staff = this.r.pick(this.cast.staff)
    const hours = this.r.pick([0.5, 1, 1.5, 2, 2.5, 3])
    return {
      actors: [],
      run: async () => void (await this.call('volunteer', 'correctHours', { enrollmentId: e.id, hours, reason: '现场核实后修正' }, staff))
    }
  }

  // --- the points supermarket ---------------------------------------------------------------------------

  private async redeem(who: string, req: RedeemRequest): Promise<Ack> {
    const ack = await this.call('points', 'redeem', { goodsId: req.goodsId, quantity: req.quantity, requestId: req.requestId }, who)
    if (ack.outcome === 'ok' && !this.orders.has(ack.result.id)) {
      this.orders.set(ack.result.id, {
        id: ack.result.id,
        who,
        status: ack.result.status === 'pending' ? 'pending' : 'closed',
        qr: ack.result.qrPayload
      })
    }
    return ack
  }

  private newRequest(who: string): RedeemRequest {
    const g = this.r.chance(0.3) ? this.goods[2] : this.r.pick(this.goods)
    const req = { requestId: this.id('rq'), goodsId: g.id, quantity: this.r.chance(0.8) ? 1 : 2 }
    this.requests.set(who, [...(this.requests.get(who) ?? []), req])
    return req
  }

  private planRedeem(): Plan | null {
    const who = this.pickIdle(this.cast.spenders)
    if (!who) return null
    return { actors: [who], run: async () => void (await this.redeem(who, this.newRequest(who))) }
  }

  /** The same request again (a retry after a lost answer): it finds the same order or makes it once. */
  private planRedeemRetry(): Plan | null {
    const who = this.pickIdle([...this.requests.keys()])
    if (!who) return null
    const req = this.r.pick(this.requests.get(who) as RedeemRequest[])
    return { actors: [who], run: async () => void (await this.redeem(who, req)) }
  }

  private planDoubleTap(): Plan | null {
    const who = this.pickIdle(this.cast.spenders)
    if (!who) return null
    const req = this.newRequest(who)
    return { actors: [who], run: async () => void (await Promise.all([this.redeem(who, req), this.redeem(who, req)])) }
  }

  private pendingOrders(): OrderModel[] {
    return [...this.orders.values()].filter((o) => o.status === 'pending')
  }

  private planCancelOrder(): Plan | null {
    const mine = this.pendingOrders().filter((o) => !this.busy.has(o.who))
    if (!mine.length) return null
    const o = this.r.pick(mine)
    return {
      actors: [o.who],
      run: async () => {
        const ack = await this.call('points', 'cancelRedemption', { orderId: o.id }, o.who)
        if (ack.outcome === 'ok' || ack.code === 'CONFLICT') o.status = 'closed'
      }
    }
  }

  private planPickup(): Plan | null {
    const pending = this.pendingOrders().filter((o): o is OrderModel & { qr: string } => Boolean(o.qr))
    if (!pending.length) return null
    const o = this.r.pick(pending)
    return {
      actors: [],
      run: async () => {
        const ack = await this.call('points', 'verifyPickup', { code: o.qr, merchantId: this.cast.merchantId }, this.cast.merchant)
        if (ack.outcome === 'ok' || ack.code === 'CONFLICT') o.status = 'closed'
      }
    }
  }

  private planExpireOrder(): Plan | null {
    const pending = this.pendingOrders()
    if (!pending.length) return null
    const o = this.r.pick(pending)
    return {
      actors: [],
      run: async () => {
        if (!(await this.move('redemptions', { _id: o.id, status: 'pending' }, { $set: { expiresAt: new Date(Date.now() - MIN) } }))) return
        const ack = await this.timer('points', 'expireRedemptions')
        if (ack.outcome === 'ok') o.status = 'closed'
      }
    }
  }

  /**
   * The merchant opens the goods form (loaded from the goods' detail), edits the description and maybe
   * restocks a few, and saves a moment later while residents keep redeeming.
   */
  private planEditGoods(): Plan | null {
    const g = this.r.pick(this.goods)
    const added = this.r.int(0, 3)
    const pause = this.r.int(50, 300)
    const { merchant, merchantId } = this.cast
    return {
      actors: [],
      run: async () => {
        const loaded = await this.call('points', 'goods', { goodsId: g.id }, merchant)
        if (loaded.outcome !== 'ok') return
        const d = loaded.result
        await sleep(pause)
        const form = {
          goodsId: g.id,
          merchantId,
          name: d.name,
          kind: d.kind,
          description: `${d.description.slice(0, 20)}新到货`,
          price: d.price,
          stock: d.stock + added,
          stockBefore: d.stock,
          limitCount: d.limitCount,
          limitPeriod: d.limitPeriod,
          pickupPlace: d.pickupPlace,
          pickupDays: d.pickupDays,
          onSale: d.onSale
        }
        const ack = await this.call('points', 'upsertGoods', form, merchant)
        if (ack.outcome === 'ok') g.initialStock += added
        if (ack.outcome === 'unknown') g.uncertain = true
      }
    }
  }

  /** Staff top up a volunteer (sometimes the same request again: credited once). */
  private planAdjust(): Plan | null {
    const repeat = this.adjustRequests.length > 0 && this.r.chance(0.3)
    const req = repeat
      ? this.r.pick(this.adjustRequests)
      : {
          staff: this.r.pick(this.cast.staff),
          volunteerNo: this.volunteerNo.get(this.r.pick(this.cast.spenders)) as string,
          requestId: this.id('adj')
        }
    if (!repeat) this.adjustRequests.push(req)
    return {
      actors: [],
      run: async () =>
        void (await this.call(
          'points',
          'adjust',
          { volunteerNo: req.volunteerNo, amount: 20, reason: '补录线下服务积分', requestId: req.requestId },
          req.staff
        ))
    }
  }

  // --- reads --------------------------------------------------------------------------------------------

  private planRead(): Plan | null {
    const everyone = [...this.cast.residents, ...this.cast.spenders]
    const who = this.pickIdle(everyone)
    if (!who) return null
    const spender = this.cast.spenders.includes(who)
    const reads: Array<() => Promise<unknown>> = [
      () => this.call('wish', 'wall', { communityId: 'cm01', limit: 20 }, who),
      () => this.call('wish', 'mine', { as: spender ? 'claimer' : 'beneficiary' }, who),
      () => this.call('volunteer', 'listActivities', { scope: 'upcoming', communityId: 'cm01' }, who),
      () => this.call('points', 'listGoods', { communityId: 'cm01' }, who),
      ...(spender
        ? [
            () => this.call('points', 'balance', {}, who),
            () => this.call('points', 'myRedemptions', {}, who),
            () => this.call('points', 'ledger', {}, who),
            () => this.call('volunteer', 'records', {}, who)
          ]
        : [])
    ]
    const read = this.r.pick(reads)
    return { actors: [who], run: async () => void (await read()) }
  }
}

/** A small stable hash, to spread setup work over the staff. */
function i32(s: string): number {
  let h = 0
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0
  return Math.abs(h)
}
