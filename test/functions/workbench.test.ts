// The workbench function through the local cloud, with the real wx-server-sdk: who may see what (staff their
// community, street admins their street, everyone else PERMISSION_DENIED), EVERY dashboard figure against a
// small hand-made data set whose answers are worked out below, the street comparison and its total, the
// queues with their counts and oldest items, and the CSV exports (BOM, header-only when empty, masking per
// role, no private wish data).
//
// The period is March 2026 in China Standard Time: [2026-03-01 00:00 CST, 2026-04-01 00:00 CST).
import { rebuildStoredRollups } from '../../demo/rollups'
import Papa from 'papaparse'
import { EXPORT_KINDS, QUEUE_KINDS, type CommunityFigures, type ExportKind } from '../../types/workbench'
import { PHONE_PATTERN } from '../../cloudfunctions/_shared/domain/masking'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { communitySettings, point, STREET } from '../support/fixtures'
import { fails, ok } from '../support/envelope'

const lc = useLocalCloud()

// --- the hand-made district ------------------------------------------------------------------------------

const cst = (s: string) => new Date(`${s}+08:00`)
const DAY = 86_400_000
const PERIOD = '2026-03'

function user(openid: string, name: string, communityId: string, roles: object[]) {
  const at = cst('2025-01-01T00:00')
  return {
    _id: openid,
    nickName: name,
    realName: name,
    phone: null,
    communityId,
    compoundId: null,
    roles,
    elderMode: false,
    consent: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null
  }
}

type Times = Partial<Record<'created' | 'published' | 'claimed' | 'fulfilled' | 'confirmed' | 'done', string>>

/** A wish with the fields the workbench reads; durations as the wish pillar records them at each transition. */
function wish(id: string, communityId: string, category: string, status: string, t: Times, rating?: number) {
  const at = (k: keyof Times) => (t[k] ? cst(t[k] as string) : null)
  const events = (['created', 'published', 'claimed', 'fulfilled', 'confirmed', 'done'] as const).map(at).filter(Boolean) as Date[]
  const claimedAt = at('claimed')
  return {
    _id: id,
    communityId,
    streetId: communityId === 'cm09' ? 'st02' : 'st01',
    category,
    title: `心愿${id}`,
    story: '……',
    value: 50,
    status,
    proxy: false,
    submitterId: 'res1',
    beneficiary: { ownerId: 'res1', name: '张桂英', display: '张奶奶', phone: '13912345678', address: '幸福小区3栋201室', isChild: false },
    createdAt: at('created'),
    updatedAt: events[events.length - 1],
    publishedAt: at('published'),
    claimerId: claimedAt ? 'member1' : null,
    claimer: claimedAt ? { kind: 'member', displayName: '陈**', branch: '机关党支部', pledge: '为邻里办实事' } : null,
    claimedAt,
    claimDeadline: claimedAt && status === 'claimed' ? new Date(claimedAt.getTime() + 7 * DAY) : null,
    fulfilledAt: at('fulfilled'),
    confirmedAt: at('confirmed'),
    confirmation: rating ? { rating, thanks: '谢谢', at: at('confirmed'), by: 'res1' } : null,
    metrics: {
      claimMs: claimedAt && at('published') ? claimedAt.getTime() - at('published')!.getTime() : null,
      fulfilMs: at('fulfilled') && claimedAt ? at('fulfilled')!.getTime() - claimedAt.getTime() : null
    },
    history: []
  }
}

const WISHES = [
  // cm01. Claim durations in days: w1 9, w2 2, w3 4, w4 2, w9 1. Fulfil: w1 3, w2 6, w3 13, w9 3.
  wish(
    'w1',
    'cm01',
    'goods',
    'confirmed',
    {
      created: '2026-02-20T10:00',
      published: '2026-02-21T10:00',
      claimed: '2026-03-02T10:00',
      fulfilled: '2026-03-05T10:00',
      confirmed: '2026-03-06T10:00'
    },
    5
  ),
  wish(
    'w2',
    'cm01',
    'goods',
    'confirmed',
    {
      created: '2026-03-01T10:00',
      published: '2026-03-02T10:00',
      claimed: '2026-03-04T10:00',
      fulfilled: '2026-03-10T10:00',
      confirmed: '2026-03-12T10:00'
    },
    4
  ),
  wish('w3', 'cm01', 'service', 'fulfilled', {
    created: '2026-03-03T08:00',
    published: '2026-03-03T10:00',
    claimed: '2026-03-07T10:00',
    fulfilled: '2026-03-20T10:00'
  }),
  wish('w4', 'cm01', 'company', 'claimed', { created: '2026-03-05T10:00', published: '2026-03-06T09:00', claimed: '2026-03-08T09:00' }),
  wish('w5', 'cm01', 'service', 'published', { created: '2026-03-10T10:00', published: '2026-03-11T10:00' }),
  wish('w6', 'cm01', 'goods', 'submitted', { created: '2026-03-15T10:00' }),
  wish('w7', 'cm01', 'goods', 'rejected', { created: '2026-03-16T10:00', done: '2026-03-17T10:00' }),
  wish('w8', 'cm01', 'goods', 'withdrawn', { created: '2026-03-02T10:00', published: '2026-03-03T10:00', done: '2026-03-09T10:00' }),
  wish(
    'w9',
    'cm01',
    'study',
    'confirmed',
    {
      created: '2026-03-20T10:00',
      published: '2026-03-21T10:00',
      claimed: '2026-03-22T10:00',
      fulfilled: '2026-03-25T10:00',
      confirmed: '2026-04-02T10:00'
    },
    3
  ),
  wish(
    'w10',
    'cm01',
    'goods',
    'confirmed',
    {
      created: '2026-01-10T10:00',
      published: '2026-01-11T10:00',
      claimed: '2026-01-12T10:00',
      fulfilled: '2026-01-15T10:00',
      confirmed: '2026-01-20T10:00'
    },
    5
  ),
  wish('w12', 'cm01', 'other', 'submitted', { created: '2026-02-01T09:00' }),
  // cm02: claim 1 day, fulfil 2 days, rated 2.
  wish(
    'w11',
    'cm02',
    'goods',
    'confirmed',
    {
      created: '2026-03-04T10:00',
      published: '2026-03-05T10:00',
      claimed: '2026-03-06T10:00',
      fulfilled: '2026-03-08T10:00',
      confirmed: '2026-03-09T10:00'
    },
    2
  ),
  // cm09 is in another street.
  wish('w20', 'cm09', 'goods', 'published', { created: '2026-03-04T10:00', published: '2026-03-05T10:00' })
]

const volunteer = (id: string, communityId: string, created: string, realName: string, phone: string, no: string) => ({
  _id: id,
  volunteerNo: no,
  realName,
  phone,
  communityId,
  skills: [],
  boardOptIn: false,
  halfHours: 0,
  activityCount: 0,
  createdAt: cst(created),
  updatedAt: cst(created)
})

function enrollment(
  id: string,
  communityId: string,
  openid: string,
  status: string,
  hours: number,
  start: string,
  extra: Record<string, unknown> = {}
) {
  const s = cst(start)
  return {
    _id: id,
    activityId: `act-${id}`,
    openid,
    communityId,
    activityTitle: `活动${id}`,
    activityStart: s,
    activityEnd: new Date(s.getTime() + 3 * 3600_000),
    status,
    enrolledAt: new Date(s.getTime() - DAY),
    checkInAt: hours ? s : null,
    checkOutAt: hours ? new Date(s.getTime() + hours * 3600_000) : null,
    hours,
    points: hours * 10,
    missingCheckout: false,
    corrections: [],
    completedAt: status === 'completed' ? new Date(s.getTime() + 4 * 3600_000) : null,
    updatedAt: s,
    ...extra
  }
}

const ledger = (id: string, communityId: string, kind: string, amount: number, at: string) => ({
  _id: id,
  openid: 'v1',
  communityId,
  kind,
  amount,
  balanceAfter: 0,
  reason: '…',
  sourceId: id,
  by: null,
  at: cst(at)
})

function order(
  id: string,
  communityId: string,
  merchantId: string,
  status: string,
  quantity: number,
  created: string,
  closed: string | null
) {
  return {
    _id: `v1_${id}`,
    openid: 'v1',
    requestId: id,
    goodsId: 'g1',
    goodsName: '东北大米5斤',
    merchantId,
    merchantName: merchantId === 'm01' ? '惠民便利店' : '好邻居生鲜超市',
    communityId,
    quantity,
    points: 120 * quantity,
    status,
    pickupCode: '735214',
    pickupPlace: '收银台',
    quotaId: 'q',
    createdAt: cst(created),
    expiresAt: new Date(cst(created).getTime() + 7 * DAY),
    closedAt: closed ? cst(closed) : null,
    closedBy: null
  }
}

function member(
  id: string,
  communityId: string,
  status: string,
  created: string,
  approved: string | null,
  renewedHalves: string[],
  name: string,
  phone: string
) {
  return {
    _id: id,
    openid: `o-${id}`,
    communityId,
    name,
    phone,
    unitId: null,
    workUnit: '江城市税务局',
    branch: '机关党支部',
    skills: [],
    intentions: [],
    pledge: '为邻里办实事',
    gridId: null,
    status,
    history: [],
    renewedHalves,
    createdAt: cst(created),
    updatedAt: cst(created),
    approvedAt: approved ? cst(approved) : null,
    endedAt: null
  }
}

const unit = (id: string, communityId: string, status: string, created: string, approved: string | null) => ({
  _id: id,
  communityId,
  adminId: `admin-${id}`,
  name: `单位${id}`,
  org: `单位${id}党支部`,
  contactName: '刘德华',
  contactPhone: '13800001111',
  resources: [],
  status,
  history: [],
  createdAt: cst(created),
  updatedAt: cst(created),
  approvedAt: approved ? cst(approved) : null
})

const entry = (id: string, openid: string, communityId: string, source: string, points: number, hours: number, at: string) => ({
  _id: id,
  openid,
  communityId,
  period: '2026',
  half: '2026H1',
  source,
  sourceId: id,
  points,
  hours,
  reason: '…',
  at: cst(at)
})

function need(id: string, status: string, events: Array<[string, string]>) {
  const history = events.map(([event, at]) => ({ event, by: 'x', role: 'staff', at: cst(at), from: null, to: status, why: null }))
  const last = history[history.length - 1].at
  return {
    _id: id,
    communityId: 'cm01',
    category: 'other',
    title: `需求${id}`,
    description: '…',
    place: null,
    deadline: null,
    status,
    postedBy: 'staff1',
    claimerId: null,
    claimerUnitId: null,
    claimant: null,
    completion: status === 'completed' ? { note: '已完成', photos: [], at: last } : null,
    history,
    createdAt: history[0].at,
    updatedAt: last
  }
}

const community = (id: string, name: string, streetId: string) => ({
  _id: id,
  name,
  streetId,
  center: point(31.335, 118.375),
  address: '青枫路1号',
  phone: '0553-2123456',
  settings: communitySettings()
})

function seed() {
  const s = lc.cloud.store
  s.insert('streets', [STREET, { _id: 'st02', name: '柳湖街道', district: '镜湖区', city: '江城市' }])
  s.insert('communities', [
    community('cm01', '青枫社区', 'st01'),
    community('cm02', '柳岸社区', 'st01'),
    community('cm03', '梧桐社区', 'st01'),
    community('cm09', '湖畔社区', 'st02')
  ])
  s.insert('users', [
    user('staff1', '孙丽', 'cm01', [{ role: 'staff', communityId: 'cm01' }]),
    user('staff2', '周敏', 'cm02', [{ role: 'staff', communityId: 'cm02' }]),
    user('staff3', '吴昊', 'cm03', [{ role: 'staff', communityId: 'cm03' }]),
    user('street1', '周明', 'cm01', [{ role: 'streetAdmin', streetId: 'st01' }]),
    user('street2', '郑华', 'cm09', [{ role: 'streetAdmin', streetId: 'st02' }]),
    user('res1', '张桂英', 'cm01', []),
    user('vol1', '李志强', 'cm01', [{ role: 'volunteer', communityId: 'cm01' }]),
    user('merch1', '刘芳', 'cm01', [{ role: 'merchant', merchantId: 'm01', communityId: 'cm01' }]),
    user('member1', '陈建国', 'cm01', [{ role: 'member', communityId: 'cm01' }])
  ])
  s.insert('wishes', WISHES)
  s.insert('volunteers', [
    volunteer('v1', 'cm01', '2025-06-01T10:00', '李志强', '13700000001', 'ZY25000001'),
    volunteer('v2', 'cm01', '2026-03-10T10:00', '王芳', '13700000002', 'ZY26000002'),
    volunteer('v3', 'cm01', '2026-04-05T10:00', '赵磊', '13700000003', 'ZY26000003'),
    volunteer('v4', 'cm02', '2025-01-01T10:00', '钱进', '13700000004', 'ZY25000004')
  ])
  s.insert('enrollments', [
    enrollment('e1', 'cm01', 'v1', 'completed', 2, '2026-03-03T09:00'),
    enrollment('e2', 'cm01', 'v1', 'completed', 1.5, '2026-03-10T09:00'),
    enrollment('e3', 'cm01', 'v2', 'completed', 3, '2026-03-12T09:00'),
    enrollment('e4', 'cm01', 'v4', 'completed', 2.5, '2026-03-15T09:00'),
    enrollment('e5', 'cm01', 'v2', 'completed', 0, '2026-03-20T09:00', { missingCheckout: true, completedAt: cst('2026-03-20T18:00') }),
    enrollment('e6', 'cm01', 'v1', 'enrolled', 0, '2026-03-25T09:00'),
    enrollment('e7', 'cm01', 'v1', 'completed', 2, '2026-02-10T09:00'),
    enrollment('e8', 'cm02', 'v4', 'completed', 1, '2026-03-05T09:00')
  ])
  s.insert('pointsLedger', [
    ledger('l1', 'cm01', 'credit', 20, '2026-03-03T12:00'),
    ledger('l2', 'cm01', 'credit', 15, '2026-03-10T12:00'),
    ledger('l3', 'cm01', 'credit', 30, '2026-03-12T12:00'),
    ledger('l4', 'cm01', 'adjust', -5, '2026-03-14T12:00'),
    ledger('l5', 'cm01', 'redemption', -40, '2026-03-15T12:00'),
    ledger('l6', 'cm01', 'refund', 10, '2026-03-16T12:00'),
    ledger('l7', 'cm01', 'redemption', -10, '2026-03-17T12:00'),
    ledger('l8', 'cm01', 'credit', 25, '2026-02-10T12:00'),
    ledger('l9', 'cm01', 'credit', 100, '2026-04-01T00:30'),
    ledger('l10', 'cm01', 'credit', 7, '2026-03-01T00:10'),
    ledger('l11', 'cm02', 'credit', 10, '2026-03-05T12:00')
  ])
  s.insert('redemptions', [
    order('r1', 'cm01', 'm01', 'pickedUp', 2, '2026-03-14T10:00', '2026-03-16T10:00'),
    order('r2', 'cm01', 'm01', 'pickedUp', 1, '2026-03-30T10:00', '2026-04-03T10:00'),
    order('r3', 'cm01', 'm01', 'pending', 1, '2026-03-28T10:00', null),
    order('r4', 'cm01', 'm01', 'cancelled', 1, '2026-03-05T10:00', '2026-03-05T12:00'),
    order('r5', 'cm01', 'm01', 'expired', 1, '2026-03-01T10:00', '2026-03-08T10:00'),
    order('r6', 'cm01', 'm01', 'pending', 1, '2026-03-20T09:00', null),
    order('r7', 'cm01', 'm02', 'pending', 1, '2026-03-22T10:00', null)
  ])
  s.insert('merchants', [
    {
      _id: 'm01',
      name: '惠民便利店',
      kind: 'shop',
      communityId: 'cm01',
      ownerId: 'merch1',
      contactName: '刘芳',
      contactPhone: null,
      address: '…',
      description: '…',
      status: 'approved',
      reason: null,
      appliedAt: cst('2025-06-01T09:00'),
      reviewedAt: null,
      reviewedBy: null,
      updatedAt: cst('2025-06-01T09:00')
    },
    {
      _id: 'mer2',
      name: '王师傅修鞋配钥匙',
      kind: 'talent',
      communityId: 'cm01',
      ownerId: 'res1',
      contactName: '王师傅',
      contactPhone: null,
      address: '…',
      description: '…',
      status: 'pending',
      reason: null,
      appliedAt: cst('2026-03-10T09:00'),
      reviewedAt: null,
      reviewedBy: null,
      updatedAt: cst('2026-03-10T09:00')
    }
  ])
  s.insert('partyMembers', [
    member('pm1', 'cm01', 'approved', '2026-01-05T09:00', '2026-01-08T09:00', ['2026H1'], '陈建国', '13911110001'),
    member('pm2', 'cm01', 'approved', '2026-02-01T09:00', '2026-03-02T09:00', ['2026H1'], '林晓梅', '13911110002'),
    member('pm3', 'cm01', 'approved', '2025-05-01T09:00', '2025-05-03T09:00', ['2025H1', '2025H2'], '黄志明', '13911110003'),
    member('pm4', 'cm01', 'pending', '2026-03-20T09:00', null, [], '何文', '13911110004'),
    member('pm5', 'cm01', 'pending', '2026-04-05T09:00', null, [], '高远', '13911110005'),
    member('pm6', 'cm01', 'rejected', '2026-03-01T09:00', null, [], '罗兰', '13911110006'),
    member('pm7', 'cm01', 'approved', '2026-03-25T09:00', '2026-04-02T09:00', ['2026H1'], '梁静', '13911110007'),
    member('pm8', 'cm01', 'ended', '2025-03-01T09:00', '2025-03-03T09:00', ['2025H1'], '宋江', '13911110008'),
    member('pmB', 'cm02', 'approved', '2025-12-01T09:00', '2026-02-01T09:00', ['2026H1'], '钱进', '13911110009')
  ])
  s.insert('partyUnits', [
    unit('u1', 'cm01', 'approved', '2026-01-05T09:00', '2026-01-10T09:00'),
    unit('u2', 'cm01', 'pending', '2026-03-01T09:00', null),
    unit('u3', 'cm01', 'approved', '2026-03-28T09:00', '2026-04-05T09:00')
  ])
  s.insert('assessmentEntries', [
    entry('a1', 'o-pm1', 'cm01', 'wish', 5, 0, '2026-03-06T10:00'),
    entry('a2', 'o-pm1', 'cm01', 'hours', 3, 3, '2026-03-12T12:00'),
    entry('a3', 'o-pm2', 'cm01', 'registration', 10, 0, '2026-03-02T09:00'),
    entry('a4', 'o-pm3', 'cm01', 'need', 5, 0, '2026-03-20T09:00'),
    entry('a5', 'o-pm1', 'cm01', 'wish', 5, 0, '2026-02-10T10:00'),
    entry('a6', 'o-pmB', 'cm02', 'hours', 2, 2, '2026-03-08T12:00')
  ])
  s.insert('partyNeeds', [
    need('n1', 'confirmed', [
      ['post', '2026-02-01T09:00'],
      ['claim', '2026-03-01T09:00'],
      ['complete', '2026-03-15T09:00'],
      ['confirm', '2026-03-18T09:00']
    ]),
    need('n2', 'confirmed', [
      ['post', '2026-01-01T09:00'],
      ['claim', '2026-01-05T09:00'],
      ['complete', '2026-02-15T09:00'],
      ['confirm', '2026-02-20T09:00']
    ]),
    need('n3', 'completed', [
      ['post', '2026-03-01T09:00'],
      ['claim', '2026-03-05T09:00'],
      ['complete', '2026-03-25T09:00']
    ]),
    need('n4', 'open', [['post', '2026-03-01T09:00']])
  ])
  // Coverage: cp1 has a convenience store 57 m away and the party centre 580 m away; cp2 lies 4 km off with
  // nothing open near it (its canteen is closed); cp3 (cm02) reaches the party centre at 525 m.
  s.insert('compounds', [
    { _id: 'cp1', name: '幸福小区', communityId: 'cm01', streetId: 'st01', location: point(31.335, 118.375), households: 500 },
    { _id: 'cp2', name: '东湖花园', communityId: 'cm01', streetId: 'st01', location: point(31.36, 118.41), households: 300 },
    { _id: 'cp3', name: '柳岸花园', communityId: 'cm02', streetId: 'st01', location: point(31.34, 118.385), households: 200 }
  ])
  const facility = (id: string, category: string, lat: number, lng: number, status = 'open') => ({
    _id: id,
    name: `设施${id}`,
    category,
    communityId: 'cm01',
    streetId: 'st01',
    location: point(lat, lng),
    status,
    dedupeKey: id
  })
  s.insert('facilities', [
    facility('f1', 'convenience', 31.3355, 118.3752),
    facility('f2', 'partyCenter', 31.338, 118.38),
    facility('f3', 'canteen', 31.3601, 118.4101, 'closed')
  ])
  rebuildStoredRollups(s)
}

beforeAll(() => seed())

// --- helpers ---------------------------------------------------------------------------------------------

const api = typedClient(lc)
const dashboard = (communityId: string, openid: string, period = PERIOD) => api.workbench.dashboard({ communityId, period }, openid)
const street = (streetId: string, openid: string) => api.workbench.streetDashboard({ streetId, period: PERIOD }, openid)
const exportCsv = (kind: ExportKind, communityId: string, openid: string) =>
  api.workbench.exportCsv({ kind, communityId, period: PERIOD }, openid)
const rowsOf = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

// --- who may see what -------------------------------------------------------------------------------------

describe('scope', () => {
  it('refuses residents, volunteers and merchants every dashboard and export', async () => {
    for (const openid of ['res1', 'vol1', 'merch1', 'member1']) {
      await fails(dashboard('cm01', openid), 'PERMISSION_DENIED')
      await fails(street('st01', openid), 'PERMISSION_DENIED')
      await fails(exportCsv('wishes', 'cm01', openid), 'PERMISSION_DENIED')
    }
    for (const openid of ['res1', 'vol1', 'member1']) await fails(api.workbench.queues({}, openid), 'PERMISSION_DENIED')
    await fails(api.workbench.queues({}, 'nobody'), 'UNAUTHENTICATED')
  })

  it('shows staff only their own community', async () => {
    await ok(dashboard('cm01', 'staff1'))
    await fails(dashboard('cm02', 'staff1'), 'PERMISSION_DENIED')
    await fails(exportCsv('registrations', 'cm02', 'staff1'), 'PERMISSION_DENIED')
    await fails(api.workbench.queues({ communityId: 'cm02' }, 'staff1'), 'PERMISSION_DENIED')
    await fails(street('st01', 'staff1'), 'PERMISSION_DENIED')
  })

  it('shows street admins the communities of their street only', async () => {
    await ok(dashboard('cm02', 'street1'))
    await fails(dashboard('cm09', 'street1'), 'PERMISSION_DENIED')
    await fails(dashboard('cm01', 'street2'), 'PERMISSION_DENIED')
    await fails(street('st02', 'street1'), 'PERMISSION_DENIED')
    await fails(exportCsv('registrations', 'cm09', 'street1'), 'PERMISSION_DENIED')
    // An unknown community is as refused as someone else's: nothing to learn by guessing ids.
    await fails(dashboard('cm77', 'street1'), 'PERMISSION_DENIED')
    expect((await ok(street('st02', 'street2'))).rows.map((r) => r.communityId)).toEqual(['cm09'])
  })

  it('refuses bad input with a field message', async () => {
    const e = await fails(dashboard('cm01', 'staff1', '2026-13'), 'INVALID_ARGUMENT')
    expect(e?.message).toBe('统计周期格式不正确')
    // An unknown report and an operator object instead of an id are outside the contract's types on purpose.
    await fails(
      api.callRaw('workbench', 'exportCsv', { kind: 'everything', communityId: 'cm01', period: PERIOD }, 'staff1'),
      'INVALID_ARGUMENT'
    )
    await fails(api.callRaw('workbench', 'dashboard', { communityId: { $ne: null }, period: PERIOD }, 'staff1'), 'INVALID_ARGUMENT')
  })
})

// --- every figure, worked out by hand ------------------------------------------------------------------------

/**
 * 青枫社区 (cm01), March 2026:
 * wishes   posted (created in March): w2 w3 w4 w5 w6 w7 w8 w9 = 8 (w1, w10, w12 earlier)
 *          published in March: w2 w3 w4 w5 w8 w9 = 6 (w1 was published on Feb 21, w8 later withdrawn)
 *          claimed in March: w1 w2 w3 w4 w9 = 5; fulfilled: w1 w2 w3 w9 = 4; confirmed: w1 w2 = 2 (w9 on April 2)
 *          办结: of the 6 published in March, w2 and w9 are confirmed now → 2/6 = 0.3333
 *          median days to claim over w1 9, w2 2, w3 4, w4 2, w9 1 → 1 2 [2] 4 9 → 2
 *          median days to fulfil over w1 3, w2 6, w3 13, w9 3 → 3 [3 6] 13 → 4.5
 *          rating over confirmed in March: w1 5, w2 4 → 4.5 from 2
 * volunteers registered by the end of March: v1, v2 = 2 (v3 on April 5; v4 belongs to cm02)
 *          active: v1 (e1 2h, e2 1.5h), v2 (e3 3h), v4 (e4 2.5h, serving in cm01) = 3, hours 9
 *          (e5 has 0 hours, e6 is not completed, e7 is in February)
 *          points issued: l1 20 + l2 15 + l3 30 + l4 −5 + l10 7 (00:10 CST on March 1) = 67 (l8 February, l9 00:30 on April 1)
 *          redeemed: l5 40 − l6 10 + l7 10 = 40; goods handed over: r1 × 2 = 2 (r2 picked up in April)
 * party    registered (pending or approved, submitted by March 31): pm1 pm2 pm3 pm4 pm7 = 5
 *          approved by then: pm1 pm2 pm3 = 3 (pm7 approved April 2); renewed in 2026H1: pm1 pm2 = 2
 *          active (wish, need or hours in March): o-pm1 (a1, a2), o-pm3 (a4) = 2 (o-pm2 only registration)
 *          hours: a2 3; points a1 5 + a2 3 + a3 10 + a4 5 = 23 → 23 / 3 approved = 7.7
 *          units approved by then: u1 = 1; needs confirmed in March: n1 = 1
 * coverage convenience and party centre reach cp1 (500 of 800 households, 1 of 2 compounds), nothing else
 *          reaches anything: mean household share (0.625 + 0.625) / 17 = 0.0735, compound share 1 / 17 = 0.0588,
 *          gaps 17 × 2 − 2 = 32
 */
const CM01: Omit<CommunityFigures, 'communityId' | 'communityName'> = {
  wishes: {
    posted: 8,
    published: 6,
    claimed: 5,
    fulfilled: 4,
    confirmed: 2,
    completed: 2,
    completionRate: 0.3333,
    medianDaysToClaim: 2,
    medianDaysToFulfil: 4.5,
    averageRating: 4.5,
    ratings: 2
  },
  volunteers: {
    registered: 2,
    active: 3,
    hours: 9,
    pointsIssued: 67,
    pointsRedeemed: 40,
    adjustments: 1,
    pointsAdjusted: -5,
    goodsRedeemed: 2
  },
  party: { registered: 5, approved: 3, renewed: 2, active: 2, hours: 3, averagePoints: 7.7, units: 1, needsCompleted: 1 },
  coverage: { compounds: 2, households: 800, averageHouseholdShare: 0.0735, averageCompoundShare: 0.0588, gaps: 32 }
}

/** 柳岸社区 (cm02): one wish through every step (claim 1 day, fulfil 2, rated 2), v4 registered and serving 1 h, l11 10 points, pmB. */
const CM02: Omit<CommunityFigures, 'communityId' | 'communityName'> = {
  wishes: {
    posted: 1,
    published: 1,
    claimed: 1,
    fulfilled: 1,
    confirmed: 1,
    completed: 1,
    completionRate: 1,
    medianDaysToClaim: 1,
    medianDaysToFulfil: 2,
    averageRating: 2,
    ratings: 1
  },
  volunteers: {
    registered: 1,
    active: 1,
    hours: 1,
    pointsIssued: 10,
    pointsRedeemed: 0,
    adjustments: 0,
    pointsAdjusted: 0,
    goodsRedeemed: 0
  },
  party: { registered: 1, approved: 1, renewed: 1, active: 1, hours: 2, averagePoints: 2, units: 0, needsCompleted: 0 },
  // cp3 reaches the party centre only: 1 / 17 for both shares, 16 gaps.
  coverage: { compounds: 1, households: 200, averageHouseholdShare: 0.0588, averageCompoundShare: 0.0588, gaps: 16 }
}

/** 梧桐社区 (cm03) has nothing at all: zeros, and null wherever there is nothing to divide by. */
const CM03: Omit<CommunityFigures, 'communityId' | 'communityName'> = {
  wishes: {
    posted: 0,
    published: 0,
    claimed: 0,
    fulfilled: 0,
    confirmed: 0,
    completed: 0,
    completionRate: null,
    medianDaysToClaim: null,
    medianDaysToFulfil: null,
    averageRating: null,
    ratings: 0
  },
  volunteers: {
    registered: 0,
    active: 0,
    hours: 0,
    pointsIssued: 0,
    pointsRedeemed: 0,
    adjustments: 0,
    pointsAdjusted: 0,
    goodsRedeemed: 0
  },
  party: { registered: 0, approved: 0, renewed: 0, active: 0, hours: 0, averagePoints: null, units: 0, needsCompleted: 0 },
  coverage: { compounds: 0, households: 0, averageHouseholdShare: null, averageCompoundShare: null, gaps: 0 }
}

describe('the community dashboard', () => {
  it('gives every figure of 青枫社区 as worked out by hand, to its staff and to its street admin alike', async () => {
    const byStaff = await ok(dashboard('cm01', 'staff1'))
    expect(byStaff.figures).toEqual({ communityId: 'cm01', communityName: '青枫社区', ...CM01 })
    expect(byStaff.scope).toMatchObject({
      communityId: 'cm01',
      communityName: '青枫社区',
      streetId: 'st01',
      period: PERIOD,
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z'
    })
    const byStreet = await ok(dashboard('cm01', 'street1'))
    expect(byStreet.figures).toEqual(byStaff.figures)
  })

  it('draws wishes per category: published in March and how many of them are confirmed', async () => {
    const d = await ok(dashboard('cm01', 'staff1'))
    // goods: w2 (confirmed), w8; service: w3, w5; company: w4; study: w9 (confirmed).
    expect(d.wishCategories.map((c) => [c.label, c.published, c.completed])).toEqual([
      ['物资', 2, 1],
      ['服务', 2, 0],
      ['陪伴', 1, 0],
      ['学习', 1, 1],
      ['其他', 0, 0]
    ])
  })

  it('draws the trend of the six months up to March', async () => {
    const d = await ok(dashboard('cm01', 'staff1'))
    // January: w10 published and confirmed. February: w1 published, e7 2 h, l8 25 points. March as above.
    expect(d.trend).toEqual([
      { month: '2025-10', published: 0, confirmed: 0, hours: 0, pointsIssued: 0 },
      { month: '2025-11', published: 0, confirmed: 0, hours: 0, pointsIssued: 0 },
      { month: '2025-12', published: 0, confirmed: 0, hours: 0, pointsIssued: 0 },
      { month: '2026-01', published: 1, confirmed: 1, hours: 0, pointsIssued: 0 },
      { month: '2026-02', published: 1, confirmed: 0, hours: 2, pointsIssued: 25 },
      { month: '2026-03', published: 6, confirmed: 2, hours: 9, pointsIssued: 67 }
    ])
  })

  it('shows coverage per category from the life circle’s walking rule', async () => {
    const d = await ok(dashboard('cm01', 'staff1'))
    expect(d.coverage).toHaveLength(17)
    const bar = (id: string) => d.coverage.find((c) => c.category === id)
    expect(bar('convenience')).toMatchObject({
      name: '便利店',
      tier: 5,
      compounds: 2,
      compoundsCovered: 1,
      households: 800,
      householdsCovered: 500,
      householdShare: 0.625
    })
    expect(bar('partyCenter')).toMatchObject({ compoundsCovered: 1, householdsCovered: 500 })
    expect(bar('canteen')).toMatchObject({ compoundsCovered: 0, householdsCovered: 0 })
  })

  it('answers zeros and nulls, not an error, for a community with no data', async () => {
    const d = await ok(dashboard('cm03', 'staff3'))
    expect(d.figures).toEqual({ communityId: 'cm03', communityName: '梧桐社区', ...CM03 })
    expect(d.trend.every((p) => p.published === 0 && p.hours === 0)).toBe(true)
  })
})

describe('the street comparison', () => {
  it('puts every community of the street side by side with the street total', async () => {
    const s = await ok(street('st01', 'street1'))
    expect(s.scope).toMatchObject({ streetId: 'st01', streetName: '青枫街道', period: PERIOD })
    expect(s.rows).toEqual([
      { communityId: 'cm01', communityName: '青枫社区', ...CM01 },
      { communityId: 'cm02', communityName: '柳岸社区', ...CM02 },
      { communityId: 'cm03', communityName: '梧桐社区', ...CM03 }
    ])
  })

  it('adds the street up: sums, rates from the sums, medians and distinct volunteers over the whole street', async () => {
    const { total } = await ok(street('st01', 'street1'))
    expect(total).toEqual({
      communityId: 'st01',
      communityName: '街道合计',
      // 3 of 7 published confirmed → 0.4286. Claims 1 1 2 [2] … : 1 1 2 2 4 9 → 2; fulfilments 2 3 [3] 6 13 → 3.
      // Ratings 5 + 4 + 2 over 3 → 3.67.
      wishes: {
        posted: 9,
        published: 7,
        claimed: 6,
        fulfilled: 5,
        confirmed: 3,
        completed: 3,
        completionRate: 0.4286,
        medianDaysToClaim: 2,
        medianDaysToFulfil: 3,
        averageRating: 3.67,
        ratings: 3
      },
      // v4 served in cm01 and cm02 but is one person: 3 active, not 4.
      volunteers: {
        registered: 3,
        active: 3,
        hours: 10,
        pointsIssued: 77,
        pointsRedeemed: 40,
        adjustments: 1,
        pointsAdjusted: -5,
        goodsRedeemed: 2
      },
      // 25 points over 4 approved members → 6.25 → 6.3.
      party: { registered: 6, approved: 4, renewed: 3, active: 3, hours: 5, averagePoints: 6.3, units: 1, needsCompleted: 1 },
      // Three compounds, 1 000 households: convenience 500 (0.5), party centre 700 (0.7) → 1.2 / 17; compounds 1/3 + 2/3 → 1 / 17; gaps 51 − 3.
      coverage: { compounds: 3, households: 1000, averageHouseholdShare: 0.0706, averageCompoundShare: 0.0588, gaps: 48 }
    })
  })
})

// --- queues ----------------------------------------------------------------------------------------------

describe('queues', () => {
  it('lists what waits for staff with counts, the longest-waiting queue and item first', async () => {
    const q = await ok(api.workbench.queues({}, 'staff1'))
    expect(q).toMatchObject({ communityId: 'cm01', communityName: '青枫社区', merchantIds: [] })
    // Oldest item of each queue: w12 Feb 1, u2 Mar 1, mer2 Mar 10, w4's deadline Mar 15, r6 Mar 20 09:00, e5 Mar 20 18:00, n3 Mar 25.
    expect(q.queues.map((x) => [x.kind, x.count])).toEqual([
      ['wishReview', 2],
      ['registrations', 3],
      ['merchants', 1],
      ['overdueClaims', 1],
      ['pickups', 3],
      ['hours', 1],
      ['needs', 1],
      // Nothing waits for a second staff member here: empty queues come last.
      ['approvals', 0]
    ])
    const of = (kind: string) => q.queues.find((x) => x.kind === kind)!.oldest.map((i) => i.id)
    expect(of('wishReview')).toEqual(['w12', 'w6'])
    expect(of('registrations')).toEqual(['u2', 'pm4', 'pm5'])
    expect(of('pickups')).toEqual(['v1_r6', 'v1_r7', 'v1_r3'])
    expect(q.queues.find((x) => x.kind === 'overdueClaims')!.oldest[0]).toEqual({
      id: 'w4',
      title: '心愿w4（陈**认领）',
      since: cst('2026-03-15T09:00').toISOString()
    })
    expect(JSON.stringify(q)).not.toMatch(PHONE_PATTERN)
  })

  it('shows a merchant only the pickups pending at their shop', async () => {
    const q = await ok(api.workbench.queues({}, 'merch1'))
    expect(q).toMatchObject({ communityId: null, merchantIds: ['m01'] })
    expect(q.queues).toEqual([
      {
        kind: 'pickups',
        count: 2,
        oldest: [
          { id: 'v1_r6', title: '东北大米5斤 ×1', since: cst('2026-03-20T09:00').toISOString() },
          { id: 'v1_r3', title: '东北大米5斤 ×1', since: cst('2026-03-28T10:00').toISOString() }
        ]
      }
    ])
  })

  it('keeps empty queues in a fixed order, and gives a street admin none of their own', async () => {
    const q = await ok(api.workbench.queues({}, 'staff3'))
    expect(q.queues.map((x) => x.kind)).toEqual([...QUEUE_KINDS])
    expect(q.queues.every((x) => x.count === 0 && x.oldest.length === 0)).toBe(true)
    expect((await ok(api.workbench.queues({}, 'street1'))).queues).toEqual([])
  })
})

// --- exports ---------------------------------------------------------------------------------------------

describe('CSV exports', () => {
  it('gives a header-only CSV with a BOM for a community with no data, for every report', async () => {
    for (const kind of EXPORT_KINDS) {
      const e = await ok(exportCsv(kind, 'cm03', 'staff3'))
      expect(e.csv.startsWith('\uFEFF')).toBe(true)
      expect(e.rows).toBe(0)
      const lines = rowsOf(e.csv)
      expect(lines).toHaveLength(1)
      expect(lines[0].length).toBeGreaterThan(2)
      expect(e.filename).toMatch(/^梧桐社区-2026年3月-.+\.csv$/)
    }
  })

  it('shows staff their registrations’ phone numbers and masks names and numbers for the street admin', async () => {
    const staff = await ok(exportCsv('registrations', 'cm01', 'staff1'))
    // Submitted by March 31: pm1 pm2 pm3 pm4 pm6 pm7 pm8 (any status; pm5 on April 5) and the units u1 u2 u3.
    expect(staff.rows).toBe(10)
    expect(staff.masked).toBe(false)
    const lines = rowsOf(staff.csv)
    expect(lines[0]).toEqual([
      '类型',
      '姓名/单位',
      '联系人',
      '手机号',
      '工作单位/党组织',
      '所在党支部',
      '状态',
      '提交日期',
      '通过日期',
      '已续报到半年度'
    ])
    expect(lines.find((l) => l[1] === '陈建国')).toEqual([
      '个人报到',
      '陈建国',
      '',
      '13911110001',
      '江城市税务局',
      '机关党支部',
      '已通过',
      '2026-01-05',
      '2026-01-08',
      '2026年上半年'
    ])
    const streetCsv = await ok(exportCsv('registrations', 'cm01', 'street1'))
    expect(streetCsv.masked).toBe(true)
    expect(streetCsv.csv).not.toMatch(PHONE_PATTERN)
    expect(streetCsv.csv).not.toContain('陈建国')
    expect(rowsOf(streetCsv.csv).find((l) => l[1] === '陈**')?.[3]).toBe('139****0001')
  })

  it('masks volunteers’ phones except for staff of their own community', async () => {
    const staff = rowsOf((await ok(exportCsv('volunteerRecords', 'cm01', 'staff1'))).csv)
    // Completed in March in cm01: e1 e2 (v1), e3 e5 (v2), e4 (v4 of cm02), oldest first.
    expect(staff.slice(1).map((l) => [l[1], l[2], l[7]])).toEqual([
      ['李志强', '13700000001', '2'],
      ['李志强', '13700000001', '1.5'],
      ['王芳', '13700000002', '3'],
      ['钱进', '137****0004', '2.5'],
      ['王芳', '13700000002', '0']
    ])
    expect(staff[5][9]).toBe('未签退')
    const street = await ok(exportCsv('volunteerRecords', 'cm01', 'street1'))
    expect(street.csv).not.toMatch(PHONE_PATTERN)
    expect(
      rowsOf(street.csv)
        .slice(1)
        .map((l) => l[1])
    ).toEqual(['李**', '李**', '王*', '钱*', '王*'])
  })

  it('exports the assessment report of the period’s year as the party pillar computes it', async () => {
    const staff = rowsOf((await ok(exportCsv('assessment', 'cm01', 'staff1'))).csv)
    // Approved members in approval order: pm3 (2025), pm1, pm2, pm7. pm1 in 2026: wishes a1 a5, hours a2 → 13 points, 3 h.
    expect(staff.slice(1).map((l) => l[0])).toEqual(['黄志明', '陈建国', '林晓梅', '梁静'])
    const pm1 = staff.find((l) => l[0] === '陈建国')!
    expect([pm1[1], pm1[7], pm1[8], pm1[10], pm1[11]]).toEqual(['13911110001', '3', '2', '13', '未达标'])
    const street = await ok(exportCsv('assessment', 'cm01', 'street1'))
    expect(street.csv).not.toMatch(PHONE_PATTERN)
    expect(
      rowsOf(street.csv)
        .slice(1)
        .map((l) => l[0])
    ).toEqual(['黄**', '陈**', '林**', '梁*'])
  })

  it('leaves members approved after the year out of its report, and reads half-years as Chinese (issue 19, defect 24)', async () => {
    const report = await ok(api.workbench.exportCsv({ kind: 'assessment', communityId: 'cm01', period: '2025' }, 'staff1'))
    const lines = rowsOf(report.csv)
    // Approved by the end of 2025: pm3 only (pm1 pm2 pm7 in 2026).
    expect(lines.slice(1).map((l) => l[0])).toEqual(['黄志明'])
    expect(lines[1][6]).toBe('2025年上半年、2025年下半年')
    expect(report.filename).toBe('青枫社区-2025年-党员考评报表.csv')
    expect(report.csv).not.toMatch(/\d{4}H[12]/)
  })

  it('never exports a beneficiary’s name, phone or address, nor a pickup code', async () => {
    const wishes = await ok(exportCsv('wishes', 'cm01', 'staff1'))
    // Created in March: w2 w3 w4 w5 w6 w7 w8 w9.
    expect(wishes.rows).toBe(8)
    expect(wishes.csv).not.toContain('张桂英')
    expect(wishes.csv).not.toContain('幸福小区3栋')
    expect(wishes.csv).not.toMatch(PHONE_PATTERN)
    expect(rowsOf(wishes.csv)[1].slice(0, 4)).toEqual(['1', '物资', '心愿w2', '张奶奶'])
    const orders = await ok(exportCsv('redemptions', 'cm01', 'staff1'))
    // Placed in March: r5 r4 r1 r6 r7 r3 r2.
    expect(orders.rows).toBe(7)
    expect(orders.csv).not.toContain('735214')
    expect(rowsOf(orders.csv)[1]).toEqual([
      'v1_r5',
      '李志强',
      '东北大米5斤',
      '惠民便利店',
      '1',
      '120',
      '已过期',
      '2026-03-01 10:00',
      '2026-03-08 10:00'
    ])
    expect(rowsOf((await ok(exportCsv('redemptions', 'cm01', 'street1'))).csv)[1][1]).toBe('李**')
  })

  it('lists the coverage gaps compound by compound', async () => {
    const gaps = await ok(exportCsv('coverageGaps', 'cm01', 'street1'))
    expect(gaps.rows).toBe(32)
    const lines = rowsOf(gaps.csv)
    expect(lines[1]).toEqual(['党群服务中心', '15', '东湖花园', '300'])
    expect(lines.filter((l) => l[0] === '便利店')).toEqual([['便利店', '5', '东湖花园', '300']])
  })
})
