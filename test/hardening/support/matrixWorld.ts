// The world the authorization matrix and the fuzz tests run in: two communities of one street (cm01, cm02
// in st01) and one of another street (cm03 in st02), a person for every caller kind with their grants, and
// one target document per kind and state (wishes in every state, activities before/during/after, goods,
// orders, registrations, units, needs, facilities…), all in cm01. Built once per test file from the clock
// (activities and deadlines are relative to it), written with `loadMatrixWorld`, compared with `snapshot`.
// Document shapes come from the shared builders in world.ts and the pillars' own pure modules.
import { PICKUP_PREFIX } from '../../../cloudfunctions/points/src/domain/order'
import { assessmentPeriod, halfYear, monthOf } from '../../../cloudfunctions/_shared/domain/period'
import { toPoint } from '../../../cloudfunctions/_shared/docs'
import { dedupeKeyOf } from '../../../cloudfunctions/lifeCircle/src/domain/facility'
import { parseHoursText } from '../../../cloudfunctions/lifeCircle/src/domain/hours'
import { enrollmentIdFor, newEnrollment, type ActivityDoc } from '../../../cloudfunctions/volunteer/src/docs'
import { checkinPayload, codePayload, windowOf } from '../../../cloudfunctions/volunteer/src/domain/token'
import { wishFixture } from '../../../cloudfunctions/wish/src/domain/fixture'
import type { ActorRole } from '../../../cloudfunctions/_shared/docs/wish'
import type { WishStatus } from '../../../types/enums'
import type { Store } from '../../../local-cloud/store'
import { reportGrants } from '../../support/reportWorld'
import { reportWorld } from './reportMatrixWorld'
import { reportOpsWorld } from './reportOpsWorld'
import { communityDoc, compoundDoc, fundingDocs, grants, merchantDoc, point, streetDoc, userDoc, volunteerDoc, type Grant } from './world'

/** Everyone who may call a function from the app, by what they are and where. */
export const CALLER_KINDS = [
  'anonymous',
  'deleted',
  'resident',
  'volunteer',
  'member',
  'memberOther',
  'merchant',
  'merchantOther',
  'unitAdmin',
  'unitAdminOther',
  'staff',
  'staffOther',
  'streetAdmin',
  'streetAdminOther',
  'gridWorker',
  'gridWorkerOther',
  'deptHandler',
  'deptHandlerOther'
] as const
export type CallerKind = (typeof CALLER_KINDS)[number]

/** What each kind is, in one line (printed in failures and read by reviewers). */
export const CALLER_NOTES: Record<CallerKind, string> = {
  anonymous: 'an openid with no user document (never signed in)',
  deleted: 'a deleted account whose document still lists a staff grant of cm01',
  resident: 'resident of cm01, no grants; submitter of the wishes',
  volunteer: 'volunteer of cm01 with points, enrollments and order oA',
  member: 'approved party member of cm01 (unit uA); claimer of the claimed wishes and need ndByMember',
  memberOther: 'approved party member of cm02',
  merchant: 'owner of shop mA (cm01), which sells gA and gOff',
  merchantOther: 'owner of shop mB (also cm01)',
  unitAdmin: 'admin of unit uA (cm01), which holds need ndByUnit',
  unitAdminOther: 'admin of unit uB (also cm01)',
  staff: 'staff of cm01',
  staffOther: 'staff of cm02 (same street)',
  streetAdmin: 'street admin of st01 (cm01, cm02)',
  streetAdminOther: 'street admin of st02 (cm03)',
  gridWorker: 'grid worker of cm01-g1 (where every report lies)',
  gridWorkerOther: 'grid worker of cm01-g2 (same community, other grid)',
  deptHandler: 'handler of 城管 (st01-urban), the target of the department whistles',
  deptHandlerOther: 'handler of 供水 (st01-water), same street'
}

export const WHO: Record<CallerKind, string> = {
  anonymous: 'hz-anon',
  deleted: 'hz-deleted',
  resident: 'hz-resident',
  volunteer: 'hz-volunteer',
  member: 'hz-member',
  memberOther: 'hz-member2',
  merchant: 'hz-merchant',
  merchantOther: 'hz-merchant2',
  unitAdmin: 'hz-unitadmin',
  unitAdminOther: 'hz-unitadmin2',
  staff: 'hz-staff',
  staffOther: 'hz-staff2',
  streetAdmin: 'hz-street',
  streetAdminOther: 'hz-street2',
  gridWorker: 'hz-grid',
  gridWorkerOther: 'hz-grid2',
  deptHandler: 'hz-dept',
  deptHandlerOther: 'hz-dept2'
}

/** People who are not callers but own targets: a pending member, unit and merchant, and a second volunteer. */
export const OTHERS = {
  applicant: 'hz-applicant',
  unitApplicant: 'hz-uapplicant',
  merchantApplicant: 'hz-mapplicant',
  volunteer2: 'hz-vol2',
  volunteerApplicant: 'hz-vapplicant'
}

export const VENUE = { lat: 31.335, lng: 118.375 }
const HOUR = 3_600_000
const DAY = 24 * HOUR

export const IDS = {
  street: 'st01',
  otherStreet: 'st02',
  community: 'cm01',
  sameStreetCommunity: 'cm02',
  otherStreetCommunity: 'cm03',
  grid: 'cm01-g1',
  compound: 'cp01',
  facility: 'fOpen',
  closedFacility: 'fClosed',
  wish: {
    submitted: 'wSubmitted',
    published: 'wPublished',
    claimed: 'wClaimed',
    overdue: 'wOverdue',
    fulfilled: 'wFulfilled',
    proxyFulfilled: 'wProxyFulfilled'
  },
  activity: {
    upcoming: 'actUpcoming',
    enrolled: 'actEnrolled',
    ongoing: 'actOngoing',
    checkedIn: 'actCheckedIn',
    past: 'actPast',
    pastOpen: 'actPastOpen'
  },
  certificate: 'ZYJL-2026-0123456789',
  volunteerNo: 'ZY26000001',
  pendingVolunteerNo: 'ZY26000003',
  merchant: 'mA',
  otherMerchant: 'mB',
  pendingMerchant: 'mP',
  goods: 'gA',
  offShelfGoods: 'gOff',
  order: { mine: 'oA', others: 'oOther', expired: 'oExpired' },
  pickupCode: { mine: '111111', others: '222222', expired: '333333' },
  registration: { member: 'pm-hz-member', pending: 'pm-hz-applicant' },
  unit: { mine: 'uA', other: 'uB', pending: 'uP' },
  need: { open: 'ndOpen', byMember: 'ndByMember', byUnit: 'ndByUnit', completed: 'ndCompleted' },
  project: 'pjA',
  /** A points adjustment of the volunteer by another staff member of cm01, pending a second staff member. */
  adjustment: 'adjPending',
  /** The resident's unread notice (消息). */
  notice: 'n_hzresidentnotice00000000'
} as const

/** Server secrets written up front, so no call creates one lazily and tests can sign check-in codes. */
export const SECRETS = { checkin: 'hz-checkin-secret-0123456789abcdef0123456789', idcard: 'hz-idcard-key-0123456789abcdef0123456789abc' }

export interface MatrixWorld {
  now: Date
  year: string
  half: string
  docs: Record<string, Array<Record<string, unknown>>>
}

/** A check-in code of `activityId` valid now (what the staff's rotating QR code shows). */
export const checkinToken = (activityId: string) => checkinPayload(SECRETS.checkin, activityId, windowOf(Date.now()))
/** A volunteer's own code for their enrollment, valid now (what their 我的签到码 page shows). */
export const personalToken = (enrollmentId: string) => codePayload(SECRETS.checkin, 'person', enrollmentId, windowOf(Date.now()))
/** The QR text of an order's pickup code. */
export const pickupText = (orderId: string, code: string) => `${PICKUP_PREFIX}${orderId}.${code}`
/** A photo the caller uploaded (functions accept only the caller's own files). */
export const ownPhoto = (openid: string, name = 'photo.jpg') => `cloud://local-dev/users/${openid}/${name}`

function people(): object[] {
  const u = (
    kind: CallerKind,
    name: string,
    roles: Grant[],
    communityId: string = IDS.community,
    compoundId: string | null = IDS.compound
  ) => userDoc(WHO[kind], name, roles, { communityId, compoundId, phone: `1380000${String(CALLER_KINDS.indexOf(kind)).padStart(4, '0')}` })
  return [
    u('resident', '张桂英', []),
    u('volunteer', '李志强', [grants.volunteer(IDS.community)]),
    u('member', '陈建国', [grants.member(IDS.community)]),
    u('memberOther', '杨帆', [grants.member(IDS.sameStreetCommunity)], IDS.sameStreetCommunity, 'cp02'),
    { ...u('deleted', '已注销', [grants.staff(IDS.community)]), deletedAt: new Date('2026-01-06T00:00:00Z') },
    u('merchant', '刘芳', [grants.merchant(IDS.merchant, IDS.community)]),
    u('merchantOther', '何平', [grants.merchant(IDS.otherMerchant, IDS.community)]),
    u('unitAdmin', '赵磊', [grants.unitAdmin(IDS.unit.mine, IDS.community)]),
    u('unitAdminOther', '钱伟', [grants.unitAdmin(IDS.unit.other, IDS.community)]),
    u('staff', '孙丽', [grants.staff(IDS.community)]),
    u('staffOther', '周敏', [grants.staff(IDS.sameStreetCommunity)], IDS.sameStreetCommunity, 'cp02'),
    u('streetAdmin', '吴刚', [grants.streetAdmin(IDS.street)]),
    u('streetAdminOther', '郑洁', [grants.streetAdmin(IDS.otherStreet)], IDS.otherStreetCommunity, null),
    u('gridWorker', '钱卫东', [reportGrants.gridWorker([IDS.grid])]),
    u('gridWorkerOther', '李红', [reportGrants.gridWorker(['cm01-g2'])]),
    u('deptHandler', '刘建军', [reportGrants.deptHandler('st01-urban')]),
    u('deptHandlerOther', '陈小华', [reportGrants.deptHandler('st01-water')]),
    userDoc(OTHERS.applicant, '孔亮', [], { communityId: IDS.community, phone: '13900000001' }),
    userDoc(OTHERS.unitApplicant, '冯涛', [], { communityId: IDS.community, phone: '13900000002' }),
    userDoc(OTHERS.merchantApplicant, '马丽', [], { communityId: IDS.community, phone: '13900000003' }),
    userDoc(OTHERS.volunteer2, '高伟', [grants.volunteer(IDS.community)], { communityId: IDS.community, phone: '13900000004' })
  ]
}

function places() {
  return {
    streets: [streetDoc(IDS.street), { ...streetDoc(IDS.otherStreet), name: '柳湾街道' }],
    communities: [
      communityDoc(IDS.community, '青枫社区', VENUE),
      communityDoc(IDS.sameStreetCommunity, '柳岸社区', { lat: 31.34, lng: 118.385 }),
      { ...communityDoc(IDS.otherStreetCommunity, '东湖社区', { lat: 31.4, lng: 118.45 }), streetId: IDS.otherStreet }
    ],
    grids: [
      { _id: IDS.grid, communityId: IDS.community, name: '第一网格' },
      { _id: 'cm02-g1', communityId: IDS.sameStreetCommunity, name: '第一网格' }
    ],
    compounds: [
      compoundDoc(IDS.compound, IDS.community, { lat: 31.336, lng: 118.376 }),
      compoundDoc('cp02', IDS.sameStreetCommunity, { lat: 31.341, lng: 118.386 })
    ]
  }
}

function facilities(now: Date) {
  const hours = parseHoursText('每天 00:00-24:00')
  if (!hours.ok) throw new Error(hours.error)
  const facility = (id: string, name: string, status: 'open' | 'closed') => ({
    _id: id,
    name,
    category: 'canteen',
    communityId: IDS.community,
    streetId: IDS.street,
    location: point(VENUE.lat, VENUE.lng + (status === 'open' ? 0.001 : 0.002)),
    address: '青枫路18号',
    phone: '0553-2123456',
    hours: { week: hours.week, holidaysClosed: false },
    services: ['老年助餐'],
    photos: [],
    status,
    dedupeKey: dedupeKeyOf(name, VENUE.lat, VENUE.lng + (status === 'open' ? 0.001 : 0.002)),
    createdAt: now,
    updatedAt: now,
    closedAt: status === 'closed' ? now : null,
    closeReason: status === 'closed' ? '装修' : null
  })
  return [facility(IDS.facility, '青枫长者食堂', 'open'), facility(IDS.closedFacility, '青枫老食堂', 'closed')]
}

function wishes(now: Date) {
  const ago = (ms: number) => new Date(now.getTime() - ms)
  const member = WHO.member
  const resident = WHO.resident
  const claimer = { kind: 'member' as const, displayName: '陈**', branch: '江城市税务局机关党支部', pledge: '为邻里办实事' }
  const base = {
    communityId: IDS.community,
    streetId: IDS.street,
    compoundId: IDS.compound,
    location: toPoint(31.336, 118.376),
    submitterId: resident,
    photos: [ownPhoto(resident, 'lamp.jpg')]
  }
  const owner = { ownerId: resident }
  const entry = (to: WishStatus, from: WishStatus | null, who: string, role: ActorRole, at: Date) => ({ at, who, role, from, to, why: '' })
  const submitted = ago(10 * DAY)
  const published = ago(9 * DAY)
  const claimedAt = ago(8 * DAY)
  const history = (upTo: 'submitted' | 'published' | 'claimed' | 'fulfilled', who = resident) => {
    const h = [entry('submitted', null, who, who === resident ? 'resident' : 'staff', submitted)]
    if (upTo !== 'submitted') h.push(entry('published', 'submitted', WHO.staff, 'staff', published))
    if (upTo === 'claimed' || upTo === 'fulfilled') h.push(entry('claimed', 'published', member, 'member', claimedAt))
    if (upTo === 'fulfilled') h.push(entry('fulfilled', 'claimed', member, 'member', ago(DAY)))
    return h
  }
  const claimedBy = (deadline: Date) => ({
    claimerId: member,
    claimer,
    claimedAt,
    claimDeadline: deadline,
    metrics: { claimMs: DAY, fulfilMs: null }
  })
  const fulfilled = {
    fulfilledAt: ago(DAY),
    fulfilment: { note: '台灯已送到', photos: [ownPhoto(member, 'done.jpg')], at: ago(DAY) },
    metrics: { claimMs: DAY, fulfilMs: 7 * DAY }
  }
  return [
    wishFixture({ ...base, _id: IDS.wish.submitted, createdAt: submitted, updatedAt: submitted, history: history('submitted') }, owner),
    wishFixture(
      {
        ...base,
        _id: IDS.wish.published,
        status: 'published',
        createdAt: submitted,
        updatedAt: published,
        publishedAt: published,
        history: history('published')
      },
      owner
    ),
    wishFixture(
      {
        ...base,
        _id: IDS.wish.claimed,
        status: 'claimed',
        createdAt: submitted,
        updatedAt: claimedAt,
        publishedAt: published,
        ...claimedBy(new Date(now.getTime() + 5 * DAY)),
        history: history('claimed')
      },
      owner
    ),
    wishFixture(
      {
        ...base,
        _id: IDS.wish.overdue,
        status: 'claimed',
        createdAt: submitted,
        updatedAt: claimedAt,
        publishedAt: published,
        ...claimedBy(ago(DAY)),
        history: history('claimed')
      },
      owner
    ),
    wishFixture(
      {
        ...base,
        _id: IDS.wish.fulfilled,
        status: 'fulfilled',
        createdAt: submitted,
        updatedAt: ago(DAY),
        publishedAt: published,
        ...claimedBy(ago(DAY)),
        ...fulfilled,
        history: history('fulfilled')
      },
      owner
    ),
    wishFixture(
      {
        ...base,
        _id: IDS.wish.proxyFulfilled,
        proxy: true,
        submitterId: WHO.staff,
        photos: [],
        status: 'fulfilled',
        createdAt: submitted,
        updatedAt: ago(DAY),
        publishedAt: published,
        ...claimedBy(ago(DAY)),
        ...fulfilled,
        history: history('fulfilled', WHO.staff)
      },
      { ownerId: null, name: '王德明', display: '王爷爷' }
    )
  ]
}

function volunteering(now: Date) {
  const at = (ms: number) => new Date(now.getTime() + ms)
  const activity = (id: string, start: Date, hours: number, over: Record<string, unknown> = {}) => ({
    _id: id,
    communityId: IDS.community,
    title: `志愿活动${id}`,
    content: '社区环境整治，清理楼道杂物',
    venue: '青枫社区党群服务中心',
    location: point(VENUE.lat, VENUE.lng),
    start,
    end: new Date(start.getTime() + hours * HOUR),
    enrollDeadline: new Date(start.getTime() - HOUR),
    capacity: 10,
    enrolled: 0,
    pointsPerHour: 0,
    pointsCap: 0,
    radius: 500,
    cover: null,
    createdBy: WHO.staff,
    createdAt: at(-10 * DAY),
    updatedAt: at(-10 * DAY),
    finishedAt: null,
    ...over
  })
  const A = IDS.activity
  const activities = [
    activity(A.upcoming, at(2 * DAY), 2),
    activity(A.enrolled, at(3 * DAY), 2, { enrolled: 1 }),
    activity(A.ongoing, at(-0.5 * HOUR), 3, { enrolled: 1 }),
    activity(A.checkedIn, at(-HOUR), 3, { enrolled: 1 }),
    activity(A.past, at(-3 * DAY), 2, { enrolled: 1, finishedAt: at(-2 * DAY) }),
    activity(A.pastOpen, at(-DAY), 2, { enrolled: 1 })
  ]
  const byId = new Map(activities.map((a) => [a._id, a]))
  const enrollment = (activityId: string, openid: string, status: string, over: Record<string, unknown> = {}) => ({
    ...newEnrollment(byId.get(activityId) as unknown as ActivityDoc, openid, at(-5 * DAY)),
    communityId: IDS.community,
    status,
    ...over
  })
  const v = WHO.volunteer
  const enrollments = [
    enrollment(A.enrolled, v, 'enrolled'),
    enrollment(A.ongoing, v, 'enrolled'),
    enrollment(A.checkedIn, v, 'checkedIn', {
      checkInAt: at(-HOUR),
      checkInDistance: 10,
      tokens: { checkIn: 'earlier-signature', checkOut: null }
    }),
    enrollment(A.past, v, 'completed', {
      checkInAt: byId.get(A.past)!.start,
      checkOutAt: byId.get(A.past)!.end,
      hours: 2,
      completedAt: byId.get(A.past)!.end
    }),
    enrollment(A.pastOpen, OTHERS.volunteer2, 'enrolled', {
      // A correction asked by another staff member of cm01, waiting for a second pair of eyes.
      correctionRequests: [
        {
          hours: 1,
          reason: '补录时长',
          by: 'hz-staff-colleague',
          at: at(-HOUR),
          status: 'pending',
          decidedBy: null,
          decidedAt: null,
          decisionReason: null
        }
      ]
    })
  ]
  const me = {
    ...volunteerDoc(v, '李志强', 1, { communityId: IDS.community, phone: '13800000002' }),
    halfHours: 4,
    activityCount: 1,
    lastEnrollmentId: enrollmentIdFor(A.past, v),
    firstServiceAt: byId.get(A.past)!.start,
    lastServiceAt: byId.get(A.past)!.start
  }
  const certificate = {
    _id: IDS.certificate,
    openid: v,
    realName: '李志强',
    idCardMasked: null,
    volunteerNo: IDS.volunteerNo,
    halfHours: 4,
    activityCount: 1,
    from: byId.get(A.past)!.start,
    to: byId.get(A.past)!.start,
    items: [],
    issuer: '青枫社区志愿服务站',
    issuedAt: at(-2 * DAY)
  }
  return {
    volunteers: [
      me,
      volunteerDoc(OTHERS.volunteer2, '高伟', 2, { communityId: IDS.community }),
      volunteerDoc(OTHERS.volunteerApplicant, '钟敏', 3, { communityId: IDS.community, status: 'pending' })
    ],
    sequences: [{ _id: 'volunteerNo', value: 100 }],
    appSecrets: [
      { _id: 'checkin', value: SECRETS.checkin, createdAt: at(-30 * DAY) },
      { _id: 'idcard', value: SECRETS.idcard, createdAt: at(-30 * DAY) }
    ],
    activities,
    enrollments,
    certificates: [certificate]
  }
}

function supermarket(now: Date) {
  const at = (ms: number) => new Date(now.getTime() + ms)
  const month = monthOf(now)
  const goods = (id: string, status: 'onSale' | 'offShelf', over: Record<string, unknown> = {}) => ({
    _id: id,
    merchantId: IDS.merchant,
    merchantName: '惠民便利店',
    communityId: IDS.community,
    name: status === 'onSale' ? '东北大米5斤' : '食用油1升',
    kind: 'item',
    description: '新米',
    photo: null,
    price: 50,
    stock: 10,
    redeemed: 0,
    limitCount: 5,
    limitPeriod: 'month',
    pickupPlace: '惠民便利店收银台',
    pickupDays: 7,
    validUntil: null,
    status,
    createdAt: at(-20 * DAY),
    updatedAt: at(-20 * DAY),
    updatedBy: WHO.merchant,
    ...over
  })
  const order = (id: string, openid: string, code: string, expiresAt: Date) => ({
    _id: id,
    openid,
    requestId: `req-${id}`,
    goodsId: IDS.goods,
    goodsName: '东北大米5斤',
    merchantId: IDS.merchant,
    merchantName: '惠民便利店',
    communityId: IDS.community,
    quantity: 1,
    points: 50,
    status: 'pending',
    pickupCode: code,
    pickupPlace: '惠民便利店收银台',
    quotaId: `${IDS.goods}_${openid}_${month}`,
    createdAt: at(-8 * DAY),
    expiresAt,
    closedAt: null,
    closedBy: null
  })
  const orders = [
    order(IDS.order.mine, WHO.volunteer, IDS.pickupCode.mine, at(6 * DAY)),
    order(IDS.order.others, OTHERS.volunteer2, IDS.pickupCode.others, at(6 * DAY)),
    order(IDS.order.expired, OTHERS.volunteer2, IDS.pickupCode.expired, at(-DAY))
  ]
  const spend = (o: (typeof orders)[number], balanceAfter: number) => ({
    _id: `redeem_${o._id}`,
    openid: o.openid,
    communityId: IDS.community,
    kind: 'redemption',
    amount: -o.points,
    balanceAfter,
    reason: `兑换：${o.goodsName}×1`,
    sourceId: o._id,
    by: null,
    at: o.createdAt
  })
  const mine = fundingDocs(WHO.volunteer, 550, IDS.community)
  const theirs = fundingDocs(OTHERS.volunteer2, 200, IDS.community)
  return {
    merchants: [
      { ...merchantDoc(IDS.merchant, WHO.merchant, IDS.community) },
      { ...merchantDoc(IDS.otherMerchant, WHO.merchantOther, IDS.community), name: '好邻居生鲜' },
      {
        ...merchantDoc(IDS.pendingMerchant, OTHERS.merchantApplicant, IDS.community),
        name: '老周理发',
        status: 'pending',
        reviewedAt: null
      }
    ],
    goods: [goods(IDS.goods, 'onSale', { stock: 7, redeemed: 3 }), goods(IDS.offShelfGoods, 'offShelf')],
    redemptions: orders,
    redemptionQuotas: [
      {
        _id: `${IDS.goods}_${WHO.volunteer}_${month}`,
        goodsId: IDS.goods,
        openid: WHO.volunteer,
        period: month,
        used: 1,
        updatedAt: orders[0].createdAt
      },
      {
        _id: `${IDS.goods}_${OTHERS.volunteer2}_${month}`,
        goodsId: IDS.goods,
        openid: OTHERS.volunteer2,
        period: month,
        used: 2,
        updatedAt: orders[1].createdAt
      }
    ],
    pointsLedger: [mine.entry, spend(orders[0], 500), theirs.entry, spend(orders[1], 150), spend(orders[2], 100)],
    pointsAccounts: [
      { ...mine.account, balance: 500, spent: 50 },
      { ...theirs.account, balance: 100, spent: 100 }
    ],
    pointsAdjustments: [
      {
        _id: IDS.adjustment,
        communityId: IDS.community,
        openid: WHO.volunteer,
        volunteerNo: IDS.volunteerNo,
        volunteerName: '志愿者',
        amount: 300,
        reason: '补录全年服务积分',
        requestId: 'req-adjPending',
        requestFingerprint: 'f0',
        requestedBy: 'hz-staff-colleague',
        requestedAt: at(-DAY),
        month,
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        entry: null
      }
    ]
  }
}

function party(now: Date, half: string) {
  const at = (ms: number) => new Date(now.getTime() + ms)
  const long = at(-100 * DAY)
  const step = (event: string, by: string, role: string, from: string | null, to: string) => ({
    event,
    by,
    role,
    at: long,
    from,
    to,
    why: null
  })
  const registration = (openid: string, id: string, status: 'approved' | 'pending', name: string) => ({
    _id: id,
    openid,
    communityId: IDS.community,
    name,
    phone: status === 'approved' ? '13800000003' : '13900000001',
    unitId: status === 'approved' ? IDS.unit.mine : null,
    workUnit: status === 'approved' ? '江城市税务局' : '江城日报社',
    branch: '江城市税务局机关党支部',
    skills: ['政策宣讲'],
    intentions: ['policy'],
    pledge: '为邻里办实事',
    gridId: status === 'approved' ? IDS.grid : null,
    status,
    history:
      status === 'approved'
        ? [step('submit', openid, 'applicant', null, 'pending'), step('approve', WHO.staff, 'staff', 'pending', 'approved')]
        : [step('submit', openid, 'applicant', null, 'pending')],
    renewedHalves: status === 'approved' ? [half] : [],
    createdAt: long,
    updatedAt: long,
    approvedAt: status === 'approved' ? long : null,
    endedAt: null
  })
  const regs = [
    registration(WHO.member, IDS.registration.member, 'approved', '陈建国'),
    {
      ...registration(WHO.memberOther, 'pm-hz-member2', 'approved', '杨帆'),
      communityId: IDS.sameStreetCommunity,
      unitId: null,
      gridId: 'cm02-g1'
    },
    registration(OTHERS.applicant, IDS.registration.pending, 'pending', '孔亮')
  ]
  const membership = (r: (typeof regs)[number]) => ({
    _id: r.openid,
    registrationId: r._id,
    communityId: r.communityId,
    status: r.status,
    branch: r.branch,
    pledge: r.pledge,
    unitId: r.unitId,
    gridId: r.gridId,
    renewedHalves: r.renewedHalves,
    approvedAt: r.approvedAt
  })
  const unit = (id: string, adminId: string, status: 'approved' | 'pending', name: string) => ({
    _id: id,
    communityId: IDS.community,
    adminId,
    name,
    org: `${name}机关党支部`,
    contactName: '赵磊',
    contactPhone: '13700000001',
    resources: [{ kind: 'venue', name: '会议室', quantity: 40 }],
    status,
    history:
      status === 'approved'
        ? [step('submit', adminId, 'applicant', null, 'pending'), step('approve', WHO.staff, 'staff', 'pending', 'approved')]
        : [step('submit', adminId, 'applicant', null, 'pending')],
    createdAt: long,
    updatedAt: long,
    approvedAt: status === 'approved' ? long : null
  })
  const memberClaim = {
    kind: 'member',
    id: WHO.member,
    by: WHO.member,
    name: '陈建国',
    branch: '江城市税务局机关党支部',
    pledge: '为邻里办实事'
  }
  const unitClaim = { kind: 'unit', id: IDS.unit.mine, by: WHO.unitAdmin, name: '江城市税务局', branch: null, pledge: null }
  const need = (
    id: string,
    status: string,
    claimant: typeof memberClaim | typeof unitClaim | null,
    over: Record<string, unknown> = {}
  ) => ({
    _id: id,
    communityId: IDS.community,
    category: 'service',
    title: `需求${id}`,
    description: '为独居老人更换楼道灯泡',
    place: '青枫小区3栋',
    deadline: null,
    status,
    postedBy: WHO.staff,
    claimerId: claimant?.by ?? null,
    claimerUnitId: claimant?.kind === 'unit' ? claimant.id : null,
    claimant,
    completion: null,
    history: [
      step('post', WHO.staff, 'staff', null, 'open'),
      ...(claimant ? [step('claim', claimant.by, claimant.kind === 'unit' ? 'unitAdmin' : 'member', 'open', 'claimed')] : [])
    ],
    createdAt: long,
    updatedAt: long,
    ...over
  })
  return {
    partyMembers: regs,
    partyMemberships: regs.map(membership),
    partyUnits: [
      unit(IDS.unit.mine, WHO.unitAdmin, 'approved', '江城市税务局'),
      unit(IDS.unit.other, WHO.unitAdminOther, 'approved', '江城日报社'),
      unit(IDS.unit.pending, OTHERS.unitApplicant, 'pending', '江城供电公司')
    ],
    partyNeeds: [
      need(IDS.need.open, 'open', null),
      need(IDS.need.byMember, 'claimed', memberClaim),
      need(IDS.need.byUnit, 'claimed', unitClaim),
      need(IDS.need.completed, 'completed', memberClaim, { completion: { note: '已更换', photos: [], at: at(-DAY) } })
    ],
    partyProjects: [
      {
        _id: IDS.project,
        unitId: IDS.unit.mine,
        communityId: IDS.community,
        title: '共建书屋',
        content: '单位捐建社区书屋',
        status: 'ongoing',
        startDate: long,
        endDate: null,
        createdBy: WHO.staff,
        createdAt: long,
        updatedAt: long
      }
    ]
  }
}

/** The world's documents, built from `now` (deterministic for a given `now`). */
export function buildMatrixWorld(now = new Date()): MatrixWorld {
  const half = halfYear(now)
  const docs = {
    ...places(),
    users: people(),
    facilities: facilities(now),
    wishes: wishes(now),
    wishClaimers: [{ _id: WHO.member, open: 2, total: 4, updatedAt: now }],
    notices: [
      {
        _id: IDS.notice,
        recipient: WHO.resident,
        kind: 'wishPublished',
        title: '心愿已公开征集',
        body: '审核通过，已公开征集',
        target: { page: 'packages/wish/detail/index', params: { id: IDS.wish.published } },
        createdAt: now,
        readAt: null
      }
    ],
    ...volunteering(now),
    ...supermarket(now),
    ...party(now, half),
    ...reportWorld(now, {
      resident: WHO.resident,
      staff: WHO.staff,
      gridWorker: WHO.gridWorker,
      deptHandler: WHO.deptHandler,
      other: OTHERS.applicant
    }),
    ...reportOpsWorld(now)
  } as unknown as MatrixWorld['docs']
  return { now, year: assessmentPeriod(now), half, docs }
}

/** Empties the store and writes the world. */
export function loadMatrixWorld(store: Store, world: MatrixWorld): void {
  store.clear()
  for (const [collection, docs] of Object.entries(world.docs)) if (docs.length) store.insert(collection, docs)
}

/** Collections left out of snapshots: notifications are side effects, not state. */
export const UNWATCHED = new Set(['outbox'])

/** Every collection's documents (outbox excluded), serialised, to compare before and after a call. */
export function snapshot(store: Store): Map<string, string> {
  const out = new Map<string, string>()
  for (const name of store.collections().sort()) {
    if (UNWATCHED.has(name)) continue
    const docs = store.find(name, {}, { sort: { _id: 1 } })
    if (docs.length) out.set(name, JSON.stringify(docs))
  }
  return out
}

/** The collections whose documents differ between two snapshots (empty when nothing was written). */
export function changedCollections(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort()
}

/**
 * The collections a call wrote, compared with `pristine`: `since` is the store's write sequence before the
 * call, so a call that wrote nothing at all costs no snapshot.
 */
export function writesSince(store: Store, since: number, pristine: Map<string, string>): string[] {
  if (store.db.sequence === since) return []
  return changedCollections(pristine, snapshot(store))
}

/**
 * The world kept loaded across a suite's calls: `fresh()` reloads it only after a call changed something
 * (`touched()`), so the hundreds of refused calls in a row cost no reload each.
 */
export class KeptWorld {
  world!: MatrixWorld
  pristine = new Map<string, string>()
  private dirty = true

  constructor(private readonly store: () => Store) {}

  build(now = new Date()): void {
    this.world = buildMatrixWorld(now)
    this.dirty = true
  }

  fresh(): void {
    if (!this.dirty) return
    loadMatrixWorld(this.store(), this.world)
    this.pristine = snapshot(this.store())
    this.dirty = false
  }

  touched(): void {
    this.dirty = true
  }
}

/** A KeptWorld built before the suite's tests, over the suite's local cloud. */
export function useKeptWorld(lc: { cloud: { store: Store } }): KeptWorld {
  const kept = new KeptWorld(() => lc.cloud.store)
  beforeAll(() => kept.build())
  return kept
}
