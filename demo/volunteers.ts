// Pillar 3 demo data: a volunteer profile for every seeded volunteer; activities past (closed), ongoing and
// upcoming in every community with enrollments in every status; completed service credited through the
// same rules the functions use (hours, points, ledger ids, member assessment entries); the six shops and
// talents of MERCHANTS approved plus one application waiting for review; goods with stock (one sold out);
// orders picked up, waiting, cancelled and expired; ledgers whose sums equal the balances exactly.
import type { EnrollmentStatus, OrderStatus } from '../types'
import type { GoodsKind, LimitPeriod } from '../types/schemas/points'
import { assessmentEntry, assessmentRules, type AssessmentEntryDoc } from '../cloudfunctions/_shared/domain/assessment'
import type { CommunityDoc } from '../cloudfunctions/_shared/docs'
import { ledgerId, nextTotals, type LedgerEntryDoc, type PointsAccountDoc } from '../cloudfunctions/_shared/domain/ledgerRules'
import type { GoodsDoc, MerchantDoc, OrderDoc, QuotaDoc } from '../cloudfunctions/points/src/docs'
import { merchantIdFor } from '../cloudfunctions/points/src/domain/merchant'
import { orderIdFor } from '../cloudfunctions/points/src/domain/order'
import { quotaId, quotaPeriod } from '../cloudfunctions/points/src/domain/redeem'
import { enrollmentIdFor, type ActivityDoc, type EnrollmentDoc, type VolunteerDoc } from '../cloudfunctions/volunteer/src/docs'
import { serviceHours, servicePoints, toHalfHours } from '../cloudfunctions/volunteer/src/domain/hours'
import { volunteerNumber } from '../cloudfunctions/volunteer/src/domain/identity'
import type { PillarSeeder, SeedContext, SeedFiles } from './index'
import { MERCHANTS, type SeedPerson } from './people'
import { goodsPicture } from './pictures'
import type { Random } from './random'
import type { SeedStore } from './store'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const HOME = 'cm01'

const SKILLS = [
  '助老陪伴',
  '环境清洁',
  '文明劝导',
  '理发',
  '家电维修',
  '心理疏导',
  '法律咨询',
  '医疗护理',
  '教育辅导',
  '文艺表演',
  '摄影',
  '驾驶'
]

const ACTIVITY_PLANS = [
  {
    title: '敬老院陪伴读报',
    content: '为社区敬老院的老人读报、聊天、陪伴散步，帮助老人了解时事。',
    venue: '社区日间照料中心',
    tag: '助老'
  },
  {
    title: '小区垃圾分类督导',
    content: '在小区投放点指导居民正确分类投放，宣传垃圾分类知识。',
    venue: '各小区垃圾分类投放点',
    tag: '环保'
  },
  { title: '文明交通劝导', content: '在路口协助交警劝导行人和非机动车文明出行。', venue: '青枫路与柳岸街路口', tag: '文明' },
  { title: '义务理发进社区', content: '为行动不便的老人和残疾人提供免费理发服务。', venue: '党群服务中心一楼', tag: '便民' },
  { title: '反诈宣传进楼栋', content: '入户发放反诈宣传资料，帮助老人安装国家反诈中心App。', venue: '社区各楼栋', tag: '宣传' },
  { title: '河道清洁行动', content: '清理河道两岸垃圾，守护身边的绿水青山。', venue: '滨江路河堤', tag: '环保' },
  { title: '四点半课堂辅导', content: '为双职工家庭的小学生辅导作业、开展阅读活动。', venue: '社区图书室', tag: '教育' },
  { title: '家电义务维修', content: '免费检修小家电，讲解家庭用电安全。', venue: '党群服务中心广场', tag: '便民' }
]

const GOODS_PLANS: Record<
  string,
  Array<{ name: string; kind: GoodsKind; price: number; stock: number; limitCount: number; limitPeriod: LimitPeriod; description: string }>
> = {
  m01: [
    { name: '东北大米5斤', kind: 'item', price: 120, stock: 30, limitCount: 1, limitPeriod: 'month', description: '新米，真空包装' },
    { name: '食用油1.8升', kind: 'item', price: 150, stock: 20, limitCount: 1, limitPeriod: 'month', description: '非转基因压榨菜籽油' },
    { name: '抽纸一提', kind: 'item', price: 40, stock: 60, limitCount: 2, limitPeriod: 'month', description: '三层加厚，6包一提' },
    { name: '洗衣液2公斤', kind: 'item', price: 80, stock: 0, limitCount: 1, limitPeriod: 'month', description: '本月已兑完，下月补货' }
  ],
  m02: [
    { name: '土鸡蛋一盒', kind: 'item', price: 60, stock: 25, limitCount: 2, limitPeriod: 'month', description: '15枚装' },
    { name: '时令水果一份', kind: 'item', price: 50, stock: 40, limitCount: 2, limitPeriod: 'month', description: '当日新鲜水果约2斤' }
  ],
  m03: [
    {
      name: '理发一次',
      kind: 'service',
      price: 50,
      stock: 20,
      limitCount: 1,
      limitPeriod: 'month',
      description: '男女均可，行动不便可上门'
    }
  ],
  m04: [
    { name: '图书借阅月卡', kind: 'service', price: 30, stock: 50, limitCount: 1, limitPeriod: 'month', description: '当月不限次借阅' },
    { name: '精装笔记本', kind: 'item', price: 25, stock: 80, limitCount: 3, limitPeriod: 'month', description: 'A5 尺寸' }
  ],
  m05: [
    {
      name: '书法辅导一节',
      kind: 'service',
      price: 80,
      stock: 12,
      limitCount: 2,
      limitPeriod: 'halfYear',
      description: '每节60分钟，适合老人和小学生'
    }
  ],
  m06: [
    {
      name: '小家电检修一次',
      kind: 'service',
      price: 60,
      stock: 15,
      limitCount: 1,
      limitPeriod: 'month',
      description: '电饭煲、电风扇、电水壶等'
    }
  ]
}

interface Seeding {
  r: Random
  now: Date
  store: SeedStore
  communities: Map<string, CommunityDoc>
  volunteers: VolunteerDoc[]
  memberCommunity: Map<string, string>
  ledger: LedgerEntryDoc[]
  accounts: Map<string, PointsAccountDoc>
}

const jitter = (r: Random, x: number, spread: number) => Math.round((x + r.float(-spread, spread)) * 1e6) / 1e6

type Entry = Omit<LedgerEntryDoc, 'balanceAfter' | 'by'> & { by?: string | null }

function addEntry(s: Seeding, e: Entry) {
  s.ledger.push({ ...e, by: e.by ?? null, balanceAfter: 0 })
}

/** The balance of `openid` counting entries up to and including `at`. */
const balanceAt = (s: Seeding, openid: string, at: Date) =>
  s.ledger.filter((e) => e.openid === openid && e.at.getTime() <= at.getTime()).reduce((sum, e) => sum + e.amount, 0)

/** Replays every ledger in time order through the ledger's own rule: balances, totals and balanceAfter. */
function replayLedger(s: Seeding) {
  s.ledger.sort((a, b) => a.at.getTime() - b.at.getTime() || a._id.localeCompare(b._id))
  const home = new Map(s.volunteers.map((v) => [v._id, v.communityId]))
  for (const e of s.ledger) {
    const account = s.accounts.get(e.openid) ?? null
    const totals = nextTotals(account, e.kind, e.amount)
    e.balanceAfter = totals.balance
    s.accounts.set(e.openid, {
      _id: e.openid,
      communityId: account?.communityId ?? home.get(e.openid) ?? HOME,
      ...totals,
      createdAt: account?.createdAt ?? e.at,
      updatedAt: e.at
    })
  }
}

function seedProfiles(s: Seeding, people: SeedPerson[]) {
  const volunteers = people.filter((p) => p.is.volunteer)
  volunteers.forEach((p, i) => {
    const u = p.user
    const createdAt = new Date(s.now.getTime() - s.r.int(90, 400) * DAY)
    s.volunteers.push({
      _id: u._id,
      volunteerNo: volunteerNumber(createdAt, i + 1),
      realName: u.realName ?? u.nickName,
      phone: u.phone ?? '',
      communityId: u.communityId ?? HOME,
      skills: s.r.sample(SKILLS, s.r.int(1, 3)),
      idCardMasked: null,
      idCardHash: null,
      boardOptIn: u._id === 'demo-volunteer' || s.r.chance(0.6),
      consentAt: createdAt,
      // Demo volunteers have served for months: their registrations were approved long ago.
      status: 'approved',
      reviews: [],
      halfHours: 0,
      activityCount: 0,
      lastEnrollmentId: null,
      firstServiceAt: null,
      lastServiceAt: null,
      createdAt,
      updatedAt: createdAt
    })
  })
  for (const p of people) {
    const grant = p.user.roles.find((g) => g.role === 'member' && g.communityId)
    if (grant?.communityId) s.memberCommunity.set(p.user._id, grant.communityId)
  }
}

type Timing = 'closed' | 'ended' | 'ongoing' | 'soon' | 'upcoming'

/** Times of day activities start at (China time), mornings and afternoons mostly, now and then an evening. */
const START_TIMES: Array<[hour: number, minute: number]> = [
  [8, 30],
  [9, 0],
  [9, 0],
  [9, 30],
  [10, 0],
  [14, 0],
  [14, 30],
  [15, 0],
  [19, 0]
]
const CST_MS = 8 * HOUR

/** `ms` moved to the start time `at` of the same China calendar day. */
function atTimeOfDay(ms: number, [hour, minute]: [number, number]): number {
  const dayStart = Math.floor((ms + CST_MS) / DAY) * DAY - CST_MS
  return dayStart + hour * HOUR + minute * 60_000
}

/** `slot` chooses the time of day without a random draw, so what is seeded after stays as it was. */
function activityTimes(s: Seeding, timing: Timing, k: number, slot: number) {
  const hours = s.r.int(2, 3)
  // Closed and upcoming ones fall on any day of the week at a daytime hour; the ones around now keep their
  // place relative to it (check-in demos need them).
  const startMs = {
    closed: atTimeOfDay(s.now.getTime() - (7 * k + s.r.int(10, 13)) * DAY, START_TIMES[slot % START_TIMES.length]),
    ended: s.now.getTime() - 4 * HOUR,
    ongoing: s.now.getTime() - HOUR,
    soon: s.now.getTime() + 2 * HOUR,
    upcoming: atTimeOfDay(s.now.getTime() + (3 * k + s.r.int(1, 3)) * DAY, START_TIMES[(slot * 5 + 2) % START_TIMES.length])
  }[timing]
  const start = new Date(startMs)
  const end = new Date(startMs + hours * HOUR)
  // Sign-up closes an hour before the start: an upcoming activity is never already closed.
  const enrollDeadline = new Date(startMs - (timing === 'closed' ? DAY : HOUR))
  return { start, end, enrollDeadline }
}

function plannedActivities(communityId: string): Timing[] {
  const base: Timing[] = ['closed', 'closed', 'ongoing', 'upcoming', 'upcoming']
  return communityId === HOME ? ['closed', 'closed', 'closed', 'ended', 'ongoing', 'soon', 'upcoming', 'upcoming', 'upcoming'] : base
}

function buildActivity(s: Seeding, c: CommunityDoc, timing: Timing, k: number, n: number, staff: string): ActivityDoc {
  const plan = ACTIVITY_PLANS[(n + k) % ACTIVITY_PLANS.length]
  const [lng, lat] = c.center.coordinates
  const times = activityTimes(s, timing, k, n * 3 + k)
  return {
    _id: `act-${c._id}-${String(n + 1).padStart(2, '0')}`,
    communityId: c._id,
    title: plan.title,
    content: plan.content,
    // Venues named from the community's own name: "青枫社区图书室", never "青枫社区社区图书室".
    venue: `${c.name}${plan.venue.replace(/^社区/, '')}`,
    location: { type: 'Point', coordinates: [jitter(s.r, lng, 0.002), jitter(s.r, lat, 0.002)] },
    ...times,
    capacity: s.r.pick([8, 10, 12, 15, 20]),
    enrolled: 0,
    pointsPerHour: s.r.pick([10, 10, 15, 20]),
    pointsCap: s.r.pick([40, 50, 60]),
    radius: s.r.pick([200, 300, 500]),
    cover: null,
    createdBy: staff,
    createdAt: new Date(times.start.getTime() - 10 * DAY),
    updatedAt: new Date(times.start.getTime() - 10 * DAY),
    finishedAt: timing === 'closed' ? new Date(times.end.getTime() + 2 * HOUR) : null
  }
}

/** The statuses of enrollments in an activity of this timing, before capacity limits. */
function statusesFor(s: Seeding, timing: Timing, count: number): EnrollmentStatus[] {
  return Array.from({ length: count }, (_, i): EnrollmentStatus => {
    if (i === count - 1 && count > 2) return 'cancelled'
    if (timing === 'closed') return i === count - 2 && count > 3 ? 'absent' : 'completed'
    if (timing === 'ended') return i === 0 ? 'checkedIn' : i === 1 ? 'enrolled' : 'completed'
    if (timing === 'ongoing') return s.r.chance(0.6) ? 'checkedIn' : 'enrolled'
    return 'enrolled'
  })
}

function buildEnrollment(s: Seeding, a: ActivityDoc, v: VolunteerDoc, status: EnrollmentStatus): EnrollmentDoc {
  const enrolledAt = new Date(a.enrollDeadline.getTime() - s.r.int(1, 72) * HOUR)
  const checkInAt = ['checkedIn', 'completed'].includes(status) ? new Date(a.start.getTime() + s.r.int(-20, 15) * 60_000) : null
  const checkOutAt = status === 'completed' ? new Date(a.end.getTime() + s.r.int(-50, 20) * 60_000) : null
  const hours = checkInAt && checkOutAt ? serviceHours(checkInAt, checkOutAt, a) : 0
  const token = (kind: string) => `seed-${kind}-${a._id}-${v._id}`
  return {
    _id: enrollmentIdFor(a._id, v._id),
    activityId: a._id,
    openid: v._id,
    communityId: a.communityId,
    activityTitle: a.title,
    activityStart: a.start,
    activityEnd: a.end,
    status,
    enrolledAt,
    cancelledAt: status === 'cancelled' ? new Date(enrolledAt.getTime() + 6 * HOUR) : null,
    checkInAt,
    checkOutAt,
    checkInDistance: checkInAt ? s.r.int(5, Math.min(150, a.radius)) : null,
    checkOutDistance: checkOutAt ? s.r.int(5, Math.min(150, a.radius)) : null,
    tokens: { checkIn: checkInAt ? token('in') : null, checkOut: checkOutAt ? token('out') : null },
    hours,
    points: servicePoints(hours, a.pointsPerHour, a.pointsCap),
    missingCheckout: false,
    corrections: [],
    completedAt: checkOutAt,
    updatedAt: checkOutAt ?? checkInAt ?? enrolledAt
  }
}

/** Credits a completed enrollment as checkOut would: ledger, totals, member assessment entry. */
function credit(s: Seeding, a: ActivityDoc, e: EnrollmentDoc, v: VolunteerDoc, entries: AssessmentEntryDoc[]) {
  if (e.status !== 'completed' || e.hours <= 0) return
  const at = e.completedAt as Date
  if (e.points > 0) {
    addEntry(s, {
      _id: ledgerId.credit(e._id),
      openid: v._id,
      communityId: a.communityId,
      kind: 'credit',
      amount: e.points,
      reason: `志愿服务：${a.title}`,
      sourceId: e._id,
      at
    })
  }
  v.halfHours += toHalfHours(e.hours)
  v.activityCount += 1
  v.lastEnrollmentId = e._id
  v.firstServiceAt = v.firstServiceAt && v.firstServiceAt < a.start ? v.firstServiceAt : a.start
  v.lastServiceAt = v.lastServiceAt && v.lastServiceAt > a.start ? v.lastServiceAt : a.start
  const memberOf = s.memberCommunity.get(v._id)
  if (memberOf) {
    const rate = assessmentRules(s.communities.get(memberOf)?.settings).pointsPerHour
    entries.push(
      assessmentEntry({
        openid: v._id,
        communityId: memberOf,
        source: 'hours',
        sourceId: e._id,
        points: e.hours * rate,
        hours: e.hours,
        reason: `志愿服务：${a.title}`,
        at
      })
    )
  }
}

/** demo-volunteer: served in the closed ones, checked in at the ongoing one, enrolled in the first upcoming. */
function demoStatus(timing: Timing, k: number): EnrollmentStatus | null {
  if (timing === 'closed') return 'completed'
  if (timing === 'ongoing') return 'checkedIn'
  if (timing === 'upcoming' && k === 0) return 'enrolled'
  return null
}

function seedActivities(s: Seeding, ctx: SeedContext) {
  const staffOf = new Map(ctx.people.filter((p) => p.is.staff).map((p) => [p.is.staff as string, p.user._id]))
  const activities: ActivityDoc[] = []
  const enrollments: EnrollmentDoc[] = []
  const entries: AssessmentEntryDoc[] = []
  const byId = new Map(s.volunteers.map((v) => [v._id, v]))
  let n = 0
  for (const c of ctx.district.communities) {
    const pool = s.volunteers.filter((v) => v.communityId === c._id && !v._id.startsWith('demo-'))
    const counter: Partial<Record<Timing, number>> = {}
    plannedActivities(c._id).forEach((timing, idx) => {
      const k = (counter[timing] = (counter[timing] ?? -1) + 1)
      const a = buildActivity(s, c, timing, k, idx, staffOf.get(c._id) ?? 'demo-staff')
      const chosen = s.r.sample(pool, Math.min(pool.length, timing === 'soon' ? 2 : s.r.int(3, 6)))
      const statuses = statusesFor(s, timing, chosen.length)
      const plan = chosen.map((v, i) => ({ v, status: statuses[i] }))
      if (c._id === HOME) {
        const demo = demoStatus(timing, k)
        if (demo) plan.unshift({ v: byId.get('demo-volunteer')!, status: demo })
        if (timing === 'closed' && k < 2) plan.unshift({ v: byId.get('demo-member')!, status: 'completed' })
      }
      for (const { v, status } of plan.slice(0, a.capacity)) {
        const e = buildEnrollment(s, a, v, status)
        if (status !== 'cancelled') a.enrolled++
        enrollments.push(e)
        credit(s, a, e, v, entries)
      }
      activities.push(a)
      n++
    })
  }
  s.store.insert('activities', activities)
  s.store.insert('enrollments', enrollments)
  s.store.insert('assessmentEntries', entries)
  return n
}

function seedMerchants(s: Seeding, ctx: SeedContext): MerchantDoc[] {
  const ownerOf = new Map(ctx.people.filter((p) => p.is.merchant).map((p) => [p.is.merchant as string, p.user]))
  const staffOf = new Map(ctx.people.filter((p) => p.is.staff).map((p) => [p.is.staff as string, p.user._id]))
  const merchants: MerchantDoc[] = MERCHANTS.map((m) => {
    const owner = ownerOf.get(m.id)!
    const appliedAt = new Date(s.now.getTime() - s.r.int(60, 200) * DAY)
    return {
      _id: m.id,
      name: m.name,
      kind: m.kind,
      communityId: m.communityId,
      ownerId: owner._id,
      contactName: owner.realName ?? owner.nickName,
      contactPhone: owner.phone ?? null,
      address: `${s.communities.get(m.communityId)?.address ?? ''}${m.kind === 'shop' ? '临街商铺' : ''}`,
      description: m.kind === 'shop' ? '支持志愿积分兑换，欢迎街坊邻居' : '用手艺服务邻里，志愿积分可预约',
      status: 'approved',
      reason: null,
      appliedAt,
      reviewedAt: new Date(appliedAt.getTime() + 2 * DAY),
      reviewedBy: staffOf.get(m.communityId) ?? null,
      updatedAt: new Date(appliedAt.getTime() + 2 * DAY)
    }
  })
  // A resident of 青枫社区 who applied to offer shoe repairs, waiting for demo-staff's review.
  const applicant = ctx.people.find((p) => p.user.communityId === HOME && !p.user.roles.length && !p.demo)?.user
  if (applicant) {
    merchants.push({
      _id: merchantIdFor(applicant._id),
      name: '王师傅修鞋配钥匙',
      kind: 'talent',
      communityId: HOME,
      ownerId: applicant._id,
      contactName: applicant.realName ?? applicant.nickName,
      contactPhone: applicant.phone ?? null,
      address: '青枫路菜市场东门',
      description: '修鞋、配钥匙、换拉链，可用志愿积分抵扣',
      status: 'pending',
      reason: null,
      appliedAt: new Date(s.now.getTime() - 2 * DAY),
      reviewedAt: null,
      reviewedBy: null,
      updatedAt: new Date(s.now.getTime() - 2 * DAY)
    })
  }
  s.store.insert('merchants', merchants)
  return merchants
}

function buildGoods(s: Seeding, merchants: MerchantDoc[], files: SeedFiles | undefined): GoodsDoc[] {
  const goods: GoodsDoc[] = []
  for (const m of merchants.filter((x) => x.status === 'approved')) {
    GOODS_PLANS[m._id]?.forEach((p, i) => {
      const createdAt = new Date(s.now.getTime() - s.r.int(20, 50) * DAY)
      const id = `g-${m._id}-${String(i + 1).padStart(2, '0')}`
      // In the shop owner's own folder, where the functions accept it as theirs when the goods are edited.
      const photo = files?.write(`users/${m.ownerId}/demo/${id}.svg`, goodsPicture(p.name, p.kind, goods.length)) ?? null
      goods.push({
        _id: id,
        merchantId: m._id,
        merchantName: m.name,
        communityId: m.communityId,
        ...p,
        photo,
        redeemed: 0,
        pickupPlace: m.kind === 'shop' ? `${m.name}收银台` : `${m.name}（请先电话预约）`,
        pickupDays: 7,
        validUntil: null,
        status: 'onSale',
        createdAt,
        updatedAt: createdAt,
        updatedBy: m.ownerId
      })
    })
  }
  return goods
}

/** When each kind of order was placed and closed, relative to now (all after the closed activities' credits). */
const ORDER_TIMES: Record<OrderStatus, { placed: number; closed: number | null }> = {
  expired: { placed: -9 * DAY, closed: -2 * DAY },
  pickedUp: { placed: -8 * DAY, closed: -7 * DAY },
  cancelled: { placed: -6 * DAY, closed: -6 * DAY + 2 * HOUR },
  pending: { placed: -5 * HOUR, closed: null }
}

interface Orders {
  list: OrderDoc[]
  quotas: Map<string, QuotaDoc>
  codes: Set<string>
}

function uniqueCode(s: Seeding, codes: Set<string>): string {
  let code: string
  do code = String(s.r.int(0, 999_999)).padStart(6, '0')
  while (codes.has(code))
  codes.add(code)
  return code
}

/** Places one order if the buyer's balance at that moment allows it, with its refund if it was cancelled or expired. */
function placeOrder(s: Seeding, o: Orders, v: VolunteerDoc, g: GoodsDoc, status: OrderStatus) {
  const placed = new Date(s.now.getTime() + ORDER_TIMES[status].placed)
  const closedAt = ORDER_TIMES[status].closed === null ? null : new Date(s.now.getTime() + (ORDER_TIMES[status].closed as number))
  if (g.stock < 1 || balanceAt(s, v._id, placed) < g.price) return
  const id = orderIdFor(v._id, `seed${String(o.list.length + 1).padStart(6, '0')}`)
  addEntry(s, {
    _id: ledgerId.redemption(id),
    openid: v._id,
    communityId: g.communityId,
    kind: 'redemption',
    amount: -g.price,
    reason: `兑换：${g.name}×1`,
    sourceId: id,
    at: placed
  })
  const period = quotaPeriod(g.limitPeriod, placed)
  const qid = quotaId(g._id, v._id, period)
  if (status === 'cancelled' || status === 'expired') {
    const why = status === 'cancelled' ? '取消兑换' : '逾期未领'
    addEntry(s, {
      _id: ledgerId.refund(id),
      openid: v._id,
      communityId: g.communityId,
      kind: 'refund',
      amount: g.price,
      reason: `${why}退还：${g.name}×1`,
      sourceId: id,
      at: closedAt as Date
    })
  } else {
    g.stock -= 1
    g.redeemed += 1
    const quota = o.quotas.get(qid) ?? { _id: qid, goodsId: g._id, openid: v._id, period, used: 0, updatedAt: placed }
    quota.used += 1
    o.quotas.set(qid, quota)
  }
  o.list.push({
    _id: id,
    openid: v._id,
    requestId: id.slice(v._id.length + 1),
    goodsId: g._id,
    goodsName: g.name,
    merchantId: g.merchantId,
    merchantName: g.merchantName,
    communityId: g.communityId,
    quantity: 1,
    points: g.price,
    status,
    pickupCode: uniqueCode(s, o.codes),
    pickupPlace: g.pickupPlace,
    quotaId: qid,
    createdAt: placed,
    expiresAt: new Date(placed.getTime() + g.pickupDays * DAY),
    closedAt,
    closedBy: status === 'pickedUp' ? g.updatedBy : status === 'cancelled' ? v._id : null
  })
}

/** Orders in time order per buyer; demo-volunteer has one of every status, from the cheaper shelves. */
function seedOrders(s: Seeding, goods: GoodsDoc[]) {
  const o: Orders = { list: [], quotas: new Map(), codes: new Set() }
  const byTime = (a: OrderStatus, b: OrderStatus) => ORDER_TIMES[a].placed - ORDER_TIMES[b].placed
  for (const v of s.volunteers) {
    const isDemo = v._id === 'demo-volunteer'
    const shelf = goods.filter((g) => g.communityId === v.communityId && g.stock > 0)
    if (!shelf.length) continue
    const plan = isDemo
      ? (['expired', 'pickedUp', 'cancelled', 'pending'] as OrderStatus[])
      : s.r.sample(['pickedUp', 'pending', 'cancelled', 'expired'] as OrderStatus[], s.r.int(0, 2))
    const cheapest = [...shelf].sort((a, b) => a.price - b.price).slice(0, 2)
    plan.sort(byTime).forEach((status, i) => placeOrder(s, o, v, isDemo ? cheapest[i % cheapest.length] : s.r.pick(shelf), status))
  }
  s.store.insert('redemptions', o.list)
  s.store.insert('redemptionQuotas', [...o.quotas.values()])
}

/** A thank-you bonus from demo-staff to demo-volunteer, with its reason. */
function seedAdjustments(s: Seeding, staff: string) {
  addEntry(s, {
    _id: ledgerId.adjust(staff, 'seed-bonus-0001'),
    openid: 'demo-volunteer',
    communityId: HOME,
    kind: 'adjust',
    amount: 20,
    reason: '疫苗接种点引导表现突出，额外奖励',
    sourceId: 'seed-bonus-0001',
    by: staff,
    at: new Date(s.now.getTime() - 12 * DAY)
  })
}

export const seedVolunteers: PillarSeeder = (store, ctx) => {
  const s: Seeding = {
    r: ctx.r,
    now: ctx.now,
    store,
    communities: new Map(ctx.district.communities.map((c) => [c._id, c])),
    volunteers: [],
    memberCommunity: new Map(),
    ledger: [],
    accounts: new Map()
  }
  seedProfiles(s, ctx.people)
  seedActivities(s, ctx)
  seedAdjustments(s, 'demo-staff')
  const merchants = seedMerchants(s, ctx)
  const goods = buildGoods(s, merchants, ctx.files)
  seedOrders(s, goods)
  replayLedger(s)
  store.insert('goods', goods)
  store.insert('volunteers', s.volunteers)
  store.insert('sequences', [{ _id: 'volunteerNo', value: s.volunteers.length }])
  store.insert('pointsAccounts', [...s.accounts.values()])
  store.insert('pointsLedger', s.ledger)
}
