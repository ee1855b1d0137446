// The volunteer function through the local cloud, with the real wx-server-sdk: registration (ID card only
// masked + hashed, the role grant in the same transaction), activities and every list, enrollment (100
// concurrent enrollments for 10 seats), verified check-in (expired, forged, other-activity and replayed
// tokens, outside the radius), hours and points credited once, member assessment entries, corrections,
// closing, records and certificates, and bad input everywhere.
import { enrollmentIdFor } from '../../cloudfunctions/volunteer/src/docs'
import { ledgerId } from '../../cloudfunctions/_shared/domain/ledgerRules'
import { checkinPayload, windowOf } from '../../cloudfunctions/volunteer/src/domain/token'
import { useLocalCloud } from '../support/cloud'
import { communitySettings, nextRequestId, STREET, twoCommunities, volunteerDoc } from '../support/fixtures'
import { typedClient, type Input } from '../support/client'
import { fails, ok, present } from '../support/envelope'

const lc = useLocalCloud()

// --- fixtures ------------------------------------------------------------------------------------------

const HOUR = 3_600_000
const VENUE = { lat: 31.335, lng: 118.375 }
const NEAR = { lat: 31.3352, lng: 118.3751 } // about 25 m away
const FAR = { lat: 31.345, lng: 118.375 } // about 1.1 km away
const ID_CARD = '11010519491231002X'
const CROWD = Array.from({ length: 100 }, (_, i) => `crowd${String(i + 1).padStart(3, '0')}`)

function user(openid: string, name: string, communityId: string, roles: object[], phone: string | null = '13800001234') {
  const at = new Date('2026-01-01T00:00:00Z')
  return {
    _id: openid,
    nickName: name,
    realName: name,
    phone,
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

function volunteer(openid: string, name: string, communityId: string, no: number, boardOptIn = true) {
  const at = new Date('2026-02-01T00:00:00Z')
  return volunteerDoc(openid, communityId, {
    volunteerNo: `ZY26${String(no).padStart(6, '0')}`,
    realName: name,
    phone: `139${String(no).padStart(8, '0')}`,
    skills: ['助老陪伴'],
    boardOptIn,
    createdAt: at,
    updatedAt: at
  })
}

function seedFixtures() {
  const s = lc.cloud.store
  s.insert('streets', [STREET])
  s.insert('communities', twoCommunities(communitySettings({ assessment: { pointsPerHour: 2 } })))
  const vol = (cm = 'cm01') => [{ role: 'volunteer', communityId: cm }]
  s.insert('users', [
    user('res1', '王秀英', 'cm01', []),
    user('res2', '赵国强', 'cm01', []),
    user('staff1', '孙丽', 'cm01', [{ role: 'staff', communityId: 'cm01' }]),
    user('staff2', '周敏', 'cm02', [{ role: 'staff', communityId: 'cm02' }]),
    user('vol1', '李志强', 'cm01', vol()),
    user('vol2', '马丽', 'cm01', vol()),
    user('vol3', '钱进', 'cm02', vol('cm02')),
    user('ghost', '无档案', 'cm01', vol()),
    user('member1', '陈建国', 'cm01', [
      { role: 'member', communityId: 'cm01' },
      { role: 'volunteer', communityId: 'cm01' }
    ]),
    ...CROWD.map((id) => user(id, '群众', 'cm01', vol()))
  ])
  s.insert('volunteers', [
    volunteer('vol1', '李志强', 'cm01', 1),
    volunteer('vol2', '马丽', 'cm01', 2, false),
    volunteer('vol3', '钱进', 'cm02', 3),
    volunteer('member1', '陈建国', 'cm01', 4),
    ...CROWD.map((id, i) => volunteer(id, '群众', 'cm01', 100 + i))
  ])
  s.insert('sequences', [{ _id: 'volunteerNo', value: 300 }])
}

beforeEach(() => {
  lc.cloud.store.clear()
  seedFixtures()
})

// --- helpers -------------------------------------------------------------------------------------------

const api = typedClient(lc)
const store = () => lc.cloud.store

const WATCHED = [
  'users',
  'volunteers',
  'sequences',
  'activities',
  'enrollments',
  'pointsAccounts',
  'pointsLedger',
  'assessmentEntries',
  'certificates'
]
const snapshot = () => JSON.stringify(WATCHED.map((c) => store().find(c, {}, { sort: { _id: 1 } })))

type ActivityData = Input<'volunteer', 'createActivity'>

const activityInput = (over: Partial<ActivityData> = {}): ActivityData => {
  const start = Date.now() + 2 * 24 * HOUR
  return {
    requestId: nextRequestId('act'),
    title: '敬老院陪伴读报',
    content: '为老人读报、聊天、陪伴散步。',
    venue: '青枫社区日间照料中心',
    location: VENUE,
    start: new Date(start).toISOString(),
    end: new Date(start + 3 * HOUR).toISOString(),
    enrollDeadline: new Date(start - 24 * HOUR).toISOString(),
    capacity: 10,
    pointsPerHour: 10,
    pointsCap: 25,
    radius: 200,
    // These tests exercise the volunteers' own scanning of the venue code; staff scanning is in test/hardening/trust-checkin.
    checkinMode: 'venueCode',
    ...over
  }
}

async function created(over: Partial<ActivityData> = {}, by = 'staff1'): Promise<string> {
  return (await ok(api.volunteer.createActivity(activityInput(over), by))).id
}

/** Moves an activity (and its enrollments' copies of the times) so it starts `startInMs` from now. */
function moveActivity(id: string, startInMs: number, hours = 3) {
  const start = new Date(Date.now() + startInMs)
  const end = new Date(start.getTime() + hours * HOUR)
  store().update('activities', { _id: id }, { $set: { start, end, enrollDeadline: new Date(start.getTime() - HOUR) } })
  store().update('enrollments', { activityId: id }, { $set: { activityStart: start, activityEnd: end } }, { multi: true })
}

/** Pretends the volunteer checked in `msAgo` ago (the time and its location evidence). */
function backdateCheckIn(activityId: string, openid: string, msAgo: number) {
  const at = new Date(Date.now() - msAgo)
  const _id = enrollmentIdFor(activityId, openid)
  const evidence = store().get('enrollments', _id)?.checkInEvidence as object | null
  store().update('enrollments', { _id }, { $set: { checkInAt: at, checkInEvidence: evidence && { ...evidence, at } } })
}

async function codeFor(activityId: string, by = 'staff1'): Promise<string> {
  return (await ok(api.volunteer.checkinCode({ activityId }, by))).payload
}

const secret = () => store().get('appSecrets', 'checkin')!.value as string

/** An activity that started 10 minutes ago with `who` enrolled, and a fresh code. */
async function running(who: string[] = ['vol1'], over: Record<string, unknown> = {}) {
  const id = await created(over)
  for (const v of who) await ok(api.volunteer.enroll({ activityId: id }, v))
  moveActivity(id, -10 * 60_000)
  return { id, code: await codeFor(id) }
}

const balanceOf = (openid: string) => (store().get('pointsAccounts', openid) as { balance: number } | null)?.balance ?? 0
const ledgerSum = (openid: string) =>
  store()
    .find('pointsLedger', { openid })
    .reduce((s, e) => s + (e.amount as number), 0)

// --- register and profile ------------------------------------------------------------------------------

describe('register', () => {
  it('makes a resident a volunteer: a number, the role grant in the same step, the ID card only masked and hashed', async () => {
    const profile = await ok(
      api.volunteer.register(
        { realName: '王秀英', phone: '138 0000 5678', communityId: 'cm01', skills: ['理发'], idCard: ID_CARD, consent: true },
        'res1'
      )
    )
    expect(profile).toMatchObject({
      volunteerNo: 'ZY' + String(new Date().getFullYear()).slice(2) + '000301',
      realName: '王秀英',
      phone: '138****5678',
      communityName: '青枫社区',
      idCardMasked: '1101**********002X',
      totalHours: 0
    })
    const doc = store().get('volunteers', 'res1')!
    expect(JSON.stringify(doc)).not.toContain('19491231')
    expect(doc.idCardHash).toMatch(/^[0-9a-f]{64}$/)
    expect(store().get('users', 'res1')!.roles).toEqual([{ role: 'volunteer', communityId: 'cm01' }])
    expect(await ok(api.volunteer.profile({}, 'res1'))).toEqual(profile)
  })

  it('refuses a second registration, a reused ID card and bad input, writing nothing', async () => {
    await ok(
      api.volunteer.register({ realName: '王秀英', phone: '13800005678', communityId: 'cm01', idCard: ID_CARD, consent: true }, 'res1')
    )
    const before = snapshot()
    await fails(
      api.volunteer.register({ realName: '王秀英', phone: '13800005678', communityId: 'cm01', consent: true }, 'res1'),
      'CONFLICT',
      /已注册/
    )
    // A number registered to someone else gets the very answer a wrong number gets (no oracle).
    const taken = await fails(
      api.volunteer.register({ realName: '赵国强', phone: '13800005679', communityId: 'cm01', idCard: ID_CARD, consent: true }, 'res2'),
      'INVALID_ARGUMENT',
      /身份证/
    )
    const base: Input<'volunteer', 'register'> = { realName: '赵国强', phone: '13800005679', communityId: 'cm01', consent: true }
    await fails(api.volunteer.register({ ...base, phone: '12345' }, 'res2'), 'INVALID_ARGUMENT', /11位手机号/)
    // Refused consent is outside the contract's type on purpose.
    await fails(api.callRaw('volunteer', 'register', { ...base, consent: false }, 'res2'), 'INVALID_ARGUMENT', /志愿服务记录规则/)
    await fails(api.volunteer.register({ ...base, communityId: 'cm99' }, 'res2'), 'INVALID_ARGUMENT', /社区不存在/)
    const wrong = await fails(
      api.volunteer.register({ ...base, idCard: '110105194912310021' }, 'res2'),
      'INVALID_ARGUMENT',
      /身份证号不正确/
    )
    expect(wrong).toEqual(taken)
    await fails(api.volunteer.register({ ...base, realName: '' }, 'res2'), 'INVALID_ARGUMENT', /姓名/)
    await fails(api.volunteer.register({ ...base, skills: Array(9).fill('理发') }, 'res2'), 'INVALID_ARGUMENT', /最多/)
    await fails(api.volunteer.register(base, 'stranger'), 'UNAUTHENTICATED')
    expect(snapshot()).toBe(before)
  })

  it('gives 20 people registering at once 20 different numbers', async () => {
    const people = CROWD.slice(0, 20)
    store().remove('volunteers', { _id: { $in: people } })
    const answers = await Promise.all(
      people.map((p) => ok(api.volunteer.register({ realName: '群众', phone: '13800005678', communityId: 'cm01', consent: true }, p)))
    )
    expect(new Set(answers.map((a) => a.volunteerNo)).size).toBe(20)
    expect(store().get('sequences', 'volunteerNo')!.value).toBe(320)
  })

  it('answers null for a resident who is not a volunteer, and lets a volunteer update phone, skills and board opt-in', async () => {
    expect(await ok(api.volunteer.profile({}, 'res1'))).toBeNull()
    const p = await ok(api.volunteer.updateProfile({ phone: '13700001111', skills: ['摄影'], boardOptIn: false }, 'vol1'))
    expect(p).toMatchObject({ phone: '137****1111', skills: ['摄影'], boardOptIn: false })
    await fails(api.volunteer.updateProfile({ phone: '1' }, 'vol1'), 'INVALID_ARGUMENT')
    await fails(api.volunteer.updateProfile({ skills: [] }, 'res1'), 'PERMISSION_DENIED')
  })
})

// --- activities ----------------------------------------------------------------------------------------

describe('activities', () => {
  it('lets staff of the community publish an activity, with every field checked', async () => {
    const detail = await ok(api.volunteer.createActivity(activityInput(), 'staff1'))
    expect(detail).toMatchObject({
      title: '敬老院陪伴读报',
      communityId: 'cm01',
      organiser: '青枫社区',
      capacity: 10,
      enrolled: 0,
      phase: 'upcoming',
      canManage: true,
      location: VENUE
    })
    await fails(api.volunteer.createActivity(activityInput(), 'vol1'), 'PERMISSION_DENIED')
    await fails(api.volunteer.createActivity(activityInput({ communityId: 'cm02' }), 'staff1'), 'PERMISSION_DENIED')
  })

  it('publishes once when the same request arrives twice, even at the same moment', async () => {
    const input = activityInput()
    const [a, b] = await Promise.all([ok(api.volunteer.createActivity(input, 'staff1')), ok(api.volunteer.createActivity(input, 'staff1'))])
    const again = await ok(api.volunteer.createActivity(input, 'staff1'))
    expect([a.id, b.id]).toEqual([again.id, again.id])
    expect(store().count('activities', { title: input.title })).toBe(1)
    // A missing request id is outside the contract's type on purpose.
    await fails(api.callRaw('volunteer', 'createActivity', { ...input, requestId: undefined }, 'staff1'), 'INVALID_ARGUMENT', /请求编号/)
  })

  it.each([
    ['an end before the start', (i: ReturnType<typeof activityInput>) => ({ end: i.start }), /结束时间必须晚于开始时间/],
    ['a deadline after the start', (i: ReturnType<typeof activityInput>) => ({ enrollDeadline: i.end }), /报名截止时间不能晚于开始时间/],
    [
      'a start in the past',
      () => ({
        start: new Date(Date.now() - HOUR).toISOString(),
        end: new Date(Date.now() + HOUR).toISOString(),
        enrollDeadline: new Date(Date.now() - 2 * HOUR).toISOString()
      }),
      /开始时间必须晚于现在/
    ],
    ['a sign-up deadline already past', () => ({ enrollDeadline: new Date(Date.now() - 60_000).toISOString() }), /报名截止时间已过/],
    ['no seats', () => ({ capacity: 0 }), /招募人数不能小于1/],
    ['a 10 m radius', () => ({ radius: 10 }), /签到范围不能小于50/],
    ['a location abroad', () => ({ location: { lat: 48.85, lng: 2.35 } }), /服务范围/],
    [
      'a 30-hour activity',
      (i: ReturnType<typeof activityInput>) => ({ end: new Date(new Date(i.start).getTime() + 30 * HOUR).toISOString() }),
      /不能超过24小时/
    ],
    ['a title of one character', () => ({ title: '读' }), /活动名称至少2个字/]
  ])('refuses %s readably and writes nothing', async (_label, over, message) => {
    const before = snapshot()
    const input = activityInput()
    await fails(api.volunteer.createActivity({ ...input, ...over(input) }, 'staff1'), 'INVALID_ARGUMENT', message)
    expect(snapshot()).toBe(before)
  })

  it('lists upcoming activities of the community, nearby ones by distance, mine, and managed ones for staff, with cursors', async () => {
    const a = await created({ title: '近处活动' })
    const b = await created({ title: '远处活动', location: { lat: 31.36, lng: 118.375 } })
    for (let i = 0; i < 4; i++) await created({ title: `第${i + 1}场活动`, location: { lat: 31.34, lng: 118.375 } })
    await created({ title: '柳岸活动', location: { lat: 31.34, lng: 118.385 } }, 'staff2')
    await ok(api.volunteer.enroll({ activityId: a }, 'vol1'))

    const first = await ok(api.volunteer.listActivities({ scope: 'upcoming', limit: 4 }, 'vol1'))
    expect(first.items).toHaveLength(4)
    const rest = await ok(
      api.volunteer.listActivities({ scope: 'upcoming', limit: 4, cursor: present(first.nextCursor, 'a next page') }, 'vol1')
    )
    expect([...first.items, ...rest.items].map((x: { communityId: string }) => x.communityId)).toEqual(Array(6).fill('cm01'))
    expect(rest.nextCursor).toBeNull()
    expect(first.items.find((x) => x.id === a)?.myStatus).toBe('enrolled')

    const nearby = await ok(api.volunteer.listActivities({ scope: 'nearby', location: NEAR }, 'res1'))
    const titles = nearby.items.map((x: { title: string }) => x.title)
    expect(titles[0]).toBe('近处活动')
    expect(nearby.items[0].distance).toBeLessThan(50)
    expect(nearby.items.find((x) => x.id === b)?.distance).toBeGreaterThan(2500)
    await fails(api.volunteer.listActivities({ scope: 'nearby' }, 'res1'), 'INVALID_ARGUMENT', /位置/)

    const mine = await ok(api.volunteer.listActivities({ scope: 'mine' }, 'vol1'))
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([a])
    const managed = await ok(api.volunteer.listActivities({ scope: 'managed' }, 'staff1'))
    expect(managed.items).toHaveLength(6)
    await fails(api.volunteer.listActivities({ scope: 'managed' }, 'vol1'), 'INVALID_ARGUMENT')
    await fails(api.volunteer.listActivities({ scope: 'managed', communityId: 'cm02' }, 'staff1'), 'PERMISSION_DENIED')
  })

  it('shows one activity with whether the caller may enroll', async () => {
    const id = await created()
    expect(await ok(api.volunteer.activity({ activityId: id }, 'vol1'))).toMatchObject({
      enrollOpen: true,
      enrollBlocked: null,
      myEnrollment: null,
      canManage: false
    })
    expect(await ok(api.volunteer.activity({ activityId: id }, 'res1'))).toMatchObject({
      enrollOpen: false,
      enrollBlocked: '请先注册为志愿者'
    })
    await fails(api.volunteer.activity({ activityId: 'nope' }, 'vol1'), 'NOT_FOUND', /活动不存在/)
  })
})

// --- enrollment -----------------------------------------------------------------------------------------

describe('enrollment', () => {
  it('enrolls once, cancels before the start, enrolls again, and confirms by subscription message', async () => {
    const id = await created()
    const e = await ok(api.volunteer.enroll({ activityId: id }, 'vol1'))
    expect(e).toMatchObject({ id: enrollmentIdFor(id, 'vol1'), status: 'enrolled' })
    expect(store().find('outbox', { touser: 'vol1' })).toHaveLength(1)
    await fails(api.volunteer.enroll({ activityId: id }, 'vol1'), 'CONFLICT', /已报名/)
    expect(store().get('activities', id)!.enrolled).toBe(1)
    expect(await ok(api.volunteer.cancelEnrollment({ activityId: id }, 'vol1'))).toMatchObject({ status: 'cancelled' })
    expect(store().get('activities', id)!.enrolled).toBe(0)
    await fails(api.volunteer.cancelEnrollment({ activityId: id }, 'vol1'), 'FAILED_PRECONDITION', /没有报名/)
    await ok(api.volunteer.enroll({ activityId: id }, 'vol1'))
    expect(store().get('activities', id)!.enrolled).toBe(1)
  })

  it('refuses residents, volunteers without a profile, after the deadline and after the start', async () => {
    const id = await created()
    await fails(api.volunteer.enroll({ activityId: id }, 'res1'), 'PERMISSION_DENIED')
    await fails(api.volunteer.enroll({ activityId: id }, 'ghost'), 'FAILED_PRECONDITION', /请先注册/)
    await ok(api.volunteer.enroll({ activityId: id }, 'vol2'))
    store().update('activities', { _id: id }, { $set: { enrollDeadline: new Date(Date.now() - 60_000) } })
    await fails(api.volunteer.enroll({ activityId: id }, 'vol1'), 'FAILED_PRECONDITION', /报名已截止/)
    moveActivity(id, -60_000)
    await fails(api.volunteer.enroll({ activityId: id }, 'vol1'), 'FAILED_PRECONDITION', /已开始/)
    await fails(api.volunteer.cancelEnrollment({ activityId: id }, 'vol2'), 'FAILED_PRECONDITION', /不能取消/)
  })

  it('refuses an activity overlapping another enrollment of the same person; cancelling frees the time', async () => {
    const start = Date.now() + 2 * 24 * HOUR
    const at = (h: number) => new Date(start + h * HOUR).toISOString()
    const morning = await created({ title: '上午读报', start: at(0), end: at(3) })
    const overlapping = await created({ start: at(2), end: at(5) })
    const afterwards = await created({ start: at(3), end: at(4) })
    await ok(api.volunteer.enroll({ activityId: morning }, 'vol1'))
    const before = snapshot()
    await fails(api.volunteer.enroll({ activityId: overlapping }, 'vol1'), 'FAILED_PRECONDITION', /与您已报名的活动「上午读报」时间重叠/)
    expect(snapshot()).toBe(before)
    expect(await ok(api.volunteer.activity({ activityId: overlapping }, 'vol1'))).toMatchObject({
      enrollOpen: false,
      enrollBlocked: '与您已报名的活动「上午读报」时间重叠，不能同时报名'
    })
    await ok(api.volunteer.enroll({ activityId: overlapping }, 'vol2'))
    await ok(api.volunteer.enroll({ activityId: afterwards }, 'vol1'))
    await ok(api.volunteer.cancelEnrollment({ activityId: morning }, 'vol1'))
    await fails(api.volunteer.enroll({ activityId: overlapping }, 'vol1'), 'FAILED_PRECONDITION', /时间重叠/) // still clashes with `afterwards`
    await ok(api.volunteer.cancelEnrollment({ activityId: afterwards }, 'vol1'))
    await ok(api.volunteer.enroll({ activityId: overlapping }, 'vol1'))
    expect(store().get('volunteers', 'vol1')!.busy).toEqual([expect.objectContaining({ activityId: overlapping })])
  })

  it('100 volunteers enrolling at once for 10 seats: exactly 10 enrollments', async () => {
    const id = await created({ capacity: 10 })
    const answers = await Promise.all(CROWD.map((v) => api.volunteer.enroll({ activityId: id }, v)))
    const won = answers.filter((a) => a.ok)
    expect(won).toHaveLength(10)
    for (const a of answers.filter((x) => !x.ok)) {
      expect(a.ok || ['RESOURCE_EXHAUSTED'].includes(a.error.code)).toBe(true)
      if (!a.ok) expect(a.error.message).toMatch(/名额已满|人太多/)
    }
    expect(store().count('enrollments', { activityId: id })).toBe(10)
    expect(store().get('activities', id)!.enrolled).toBe(10)
  })
})

// --- check-in and check-out ------------------------------------------------------------------------------

describe('verified check-in', () => {
  it('shows staff of the community a rotating code, only in the check-in window', async () => {
    const id = await created()
    await fails(api.volunteer.checkinCode({ activityId: id }, 'staff1'), 'FAILED_PRECONDITION', /30分钟/)
    moveActivity(id, 20 * 60_000)
    const code = await ok(api.volunteer.checkinCode({ activityId: id }, 'staff1'))
    expect(code.payload).toMatch(/^LLT-CHECKIN:/)
    expect(code.refreshInSeconds).toBeGreaterThan(0)
    expect(code.refreshInSeconds).toBeLessThanOrEqual(30)
    expect(Date.parse(code.validUntil) - Date.now()).toBeLessThanOrEqual(60_000)
    await fails(api.volunteer.checkinCode({ activityId: id }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.volunteer.checkinCode({ activityId: id }, 'vol1'), 'PERMISSION_DENIED')
  })

  it('checks in with a valid code at the venue', async () => {
    const { id, code } = await running()
    const res = await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'vol1'))
    expect(res.enrollment.status).toBe('checkedIn')
    expect(res.distance).toBeLessThan(50)
    expect(store().get('enrollments', enrollmentIdFor(id, 'vol1'))!.checkInDistance).toBe(res.distance)
  })

  it('stores the location evidence of each check: where, the reported accuracy, distance, install id and time', async () => {
    const { id, code } = await running()
    const inn = await ok(
      api.volunteer.checkIn({ activityId: id, token: code, location: NEAR, accuracy: 18, deviceId: 'install-0001' }, 'vol1')
    )
    expect(inn.distance).toBeGreaterThan(10)
    backdateCheckIn(id, 'vol1', HOUR)
    const out = await ok(api.volunteer.checkOut({ activityId: id, token: await codeFor(id), location: VENUE }, 'vol1'))
    expect(store().get('enrollments', enrollmentIdFor(id, 'vol1'))).toMatchObject({
      checkInEvidence: { ...NEAR, accuracy: 18, distance: inn.distance, deviceId: 'install-0001' },
      checkOutEvidence: { ...VENUE, accuracy: null, distance: 0, deviceId: null, at: new Date(out.enrollment.checkOutAt!) }
    })
    await fails(
      api.volunteer.checkIn({ activityId: id, token: code, location: NEAR, deviceId: 'x' }, 'vol2'),
      'INVALID_ARGUMENT',
      /设备标识/
    )
  })

  it('refuses an expired, forged or other-activity code, or a check-in from outside the radius, readably and recording nothing', async () => {
    const { id, code } = await running()
    const other = await running(['vol2'])
    const w = windowOf(Date.now())
    const cases: Array<[string, Omit<Input<'volunteer', 'checkIn'>, 'activityId'>, RegExp]> = [
      ['expired', { token: checkinPayload(secret(), id, w - 3), location: NEAR }, /已过期/],
      ['forged', { token: checkinPayload('guessed-secret', id, w), location: NEAR }, /签到码无效/],
      ['tampered', { token: code.slice(0, -2) + (code.endsWith('AA') ? 'BB' : 'AA'), location: NEAR }, /签到码无效/],
      ['other activity', { token: other.code, location: NEAR }, /不属于本活动/],
      ['not a code', { token: 'https://example.com', location: NEAR }, /这不是签到码/],
      ['outside the radius', { token: code, location: FAR }, /已超出签到范围（距活动地点约1\d{3}米/]
    ]
    const before = snapshot()
    for (const [, input, message] of cases) {
      await fails(api.volunteer.checkIn({ activityId: id, ...input }, 'vol1'), 'FAILED_PRECONDITION', message)
    }
    expect(snapshot()).toBe(before)
    expect(store().get('enrollments', enrollmentIdFor(id, 'vol1'))!.status).toBe('enrolled')
  })

  it('refuses a code already used by the volunteer for the same action, and someone not enrolled', async () => {
    const { id, code } = await running()
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'vol1'))
    await fails(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'vol1'), 'CONFLICT', /已使用/)
    await fails(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'vol2'), 'FAILED_PRECONDITION', /没有报名/)
    await fails(api.volunteer.checkOut({ activityId: id, token: code, location: NEAR }, 'vol2'), 'FAILED_PRECONDITION', /没有报名/)
  })

  it('checks out: hours clipped to the span in half-hours, points credited once, balance equals the ledger', async () => {
    const { id, code } = await running(['vol1'], { pointsPerHour: 10, pointsCap: 100 })
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'vol1'))
    // Checked in 40 minutes before the (moved) start: only the time since the start counts.
    moveActivity(id, -(2 * HOUR + 20 * 60_000))
    backdateCheckIn(id, 'vol1', 3 * HOUR)
    const out = await ok(api.volunteer.checkOut({ activityId: id, token: await codeFor(id), location: NEAR }, 'vol1'))
    expect(out.enrollment).toMatchObject({ status: 'completed', hours: 2, points: 20 })
    expect(out.credited).toBe(20)
    expect(store().get('pointsLedger', ledgerId.credit(enrollmentIdFor(id, 'vol1')))).toMatchObject({
      kind: 'credit',
      amount: 20,
      balanceAfter: 20,
      sourceId: enrollmentIdFor(id, 'vol1')
    })
    expect(balanceOf('vol1')).toBe(20)
    expect(ledgerSum('vol1')).toBe(20)
    expect(store().get('volunteers', 'vol1')).toMatchObject({ halfHours: 4, activityCount: 1 })
    await fails(api.volunteer.checkOut({ activityId: id, token: await codeFor(id), location: NEAR }, 'vol1'), 'CONFLICT')
    expect(balanceOf('vol1')).toBe(20)
  })

  it('caps the points, and credits a check-out sent twice at once only once', async () => {
    const { id, code } = await running(['vol1'], { pointsPerHour: 20, pointsCap: 25 })
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'vol1'))
    backdateCheckIn(id, 'vol1', 2 * HOUR)
    moveActivity(id, -2 * HOUR)
    const fresh = await codeFor(id)
    const both = await Promise.all([1, 2].map(() => api.volunteer.checkOut({ activityId: id, token: fresh, location: NEAR }, 'vol1')))
    expect(both.filter((a) => a.ok)).toHaveLength(1)
    expect(balanceOf('vol1')).toBe(25)
    expect(store().count('pointsLedger', { openid: 'vol1' })).toBe(1)
  })

  it('writes the assessment entry for an approved party member in the same step as the credit', async () => {
    const { id, code } = await running(['member1'])
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'member1'))
    backdateCheckIn(id, 'member1', 90 * 60_000)
    moveActivity(id, -90 * 60_000)
    await ok(api.volunteer.checkOut({ activityId: id, token: await codeFor(id), location: NEAR }, 'member1'))
    expect(store().get('assessmentEntries', `hours_${enrollmentIdFor(id, 'member1')}`)).toMatchObject({
      openid: 'member1',
      communityId: 'cm01',
      source: 'hours',
      hours: 1.5,
      points: 3
    })
    expect(store().count('assessmentEntries', { openid: 'vol1' })).toBe(0)
  })
})

// --- staff: attendance, corrections, closing -----------------------------------------------------------------

describe('attendance, corrections and closing', () => {
  async function finishedWithVolunteers() {
    const { id, code } = await running(['vol1', 'vol2', 'member1'], { pointsPerHour: 10, pointsCap: 30 })
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'vol1'))
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'member1'))
    moveActivity(id, -HOUR)
    backdateCheckIn(id, 'vol1', HOUR)
    await ok(api.volunteer.checkOut({ activityId: id, token: code, location: NEAR }, 'vol1'))
    expect(store().get('enrollments', enrollmentIdFor(id, 'vol1'))!.hours).toBe(1)
    return id
  }

  it('shows staff of the community who came, with names and masked phones', async () => {
    const id = await finishedWithVolunteers()
    const list = await ok(api.volunteer.attendance({ activityId: id }, 'staff1'))
    expect(list.summary).toEqual({ enrolled: 1, checkedIn: 1, completed: 1, absent: 0, cancelled: 0 })
    const row = list.items.find((r: { openid: string }) => r.openid === 'vol1')
    expect(row).toMatchObject({ realName: '李志强', phone: '139****0001', volunteerNo: 'ZY26000001', status: 'completed' })
    expect(row!.checkInEvidence).toMatchObject({ ...NEAR, accuracy: null, distance: expect.any(Number), at: expect.any(String) })
    expect(row).not.toHaveProperty('checkInEvidence.deviceId')
    expect(row!.flags).toEqual([])
    await fails(api.volunteer.attendance({ activityId: id }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.volunteer.attendance({ activityId: id }, 'vol1'), 'PERMISSION_DENIED')
  })

  it('flags to staff copied venue coordinates, one phone for several people, far-apart and too-short checks', async () => {
    const { id, code } = await running(['vol1', 'vol2', 'member1'], { radius: 500 })
    const far = { lat: VENUE.lat + 0.0035, lng: VENUE.lng } // about 390 m north
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: VENUE, deviceId: 'phone-of-vol1' }, 'vol1'))
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR, deviceId: 'phone-of-vol1' }, 'vol2'))
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: far, deviceId: 'phone-member1' }, 'member1'))
    const fresh = await codeFor(id)
    await ok(api.volunteer.checkOut({ activityId: id, token: fresh, location: { lat: VENUE.lat - 0.0035, lng: VENUE.lng } }, 'member1'))
    const list = await ok(api.volunteer.attendance({ activityId: id }, 'staff1'))
    const flagsOf = (openid: string) => list.items.find((r) => r.openid === openid)!.flags
    expect(flagsOf('vol1')).toEqual(['exactVenue', 'sharedDevice'])
    expect(flagsOf('vol2')).toEqual(['sharedDevice'])
    expect(flagsOf('member1')).toEqual(['farApart', 'tooShort'])
  })

  it('corrects hours with a reason: the difference is posted and the correction recorded', async () => {
    const id = await finishedWithVolunteers()
    const eid = enrollmentIdFor(id, 'vol1')
    const row = await ok(api.volunteer.correctHours({ enrollmentId: eid, hours: 2.5, reason: '现场协助布置场地' }, 'staff1'))
    expect(row).toMatchObject({ hours: 2.5, points: 25, status: 'completed' })
    expect(row.corrections).toEqual([expect.objectContaining({ from: 1, to: 2.5, reason: '现场协助布置场地' })])
    expect(store().get('pointsLedger', ledgerId.correction(eid, 1))).toMatchObject({ amount: 15, by: 'staff1' })
    expect(balanceOf('vol1')).toBe(25)
    expect(ledgerSum('vol1')).toBe(25)
    expect(store().get('volunteers', 'vol1')).toMatchObject({ halfHours: 5, activityCount: 1 })
    // The same correction again changes nothing; an absent volunteer can be given hours.
    await ok(api.volunteer.correctHours({ enrollmentId: eid, hours: 2.5, reason: '现场协助布置场地' }, 'staff1'))
    expect(ledgerSum('vol1')).toBe(25)
    await ok(api.volunteer.correctHours({ enrollmentId: enrollmentIdFor(id, 'vol2'), hours: 1, reason: '补录签到' }, 'staff1'))
    expect(balanceOf('vol2')).toBe(10)
  })

  it('refuses corrections by others, without a reason, beyond the span or below what was spent', async () => {
    const id = await finishedWithVolunteers()
    const eid = enrollmentIdFor(id, 'vol1')
    const before = snapshot()
    await fails(api.volunteer.correctHours({ enrollmentId: eid, hours: 2, reason: '补录' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.volunteer.correctHours({ enrollmentId: eid, hours: 2, reason: '补录' }, 'vol1'), 'PERMISSION_DENIED')
    // A missing reason is outside the contract's type on purpose.
    await fails(api.callRaw('volunteer', 'correctHours', { enrollmentId: eid, hours: 2 }, 'staff1'), 'INVALID_ARGUMENT', /修改原因/)
    await fails(api.volunteer.correctHours({ enrollmentId: eid, hours: 1.2, reason: '补录' }, 'staff1'), 'INVALID_ARGUMENT', /半小时/)
    await fails(
      api.volunteer.correctHours({ enrollmentId: eid, hours: 4, reason: '补录' }, 'staff1'),
      'INVALID_ARGUMENT',
      /不能超过活动时长3小时/
    )
    expect(snapshot()).toBe(before)
    // vol1 spends their 10 points; taking the hours away is then refused.
    store().update('pointsAccounts', { _id: 'vol1' }, { $set: { balance: 0, spent: 10 } })
    store().insert('pointsLedger', {
      _id: 'redeem_x',
      openid: 'vol1',
      communityId: 'cm01',
      kind: 'redemption',
      amount: -10,
      balanceAfter: 0,
      reason: '兑换',
      sourceId: 'x',
      by: null,
      at: new Date()
    })
    await fails(
      api.volunteer.correctHours({ enrollmentId: eid, hours: 0, reason: '误签到' }, 'staff1'),
      'FAILED_PRECONDITION',
      /积分已使用/
    )
  })

  it('closes an ended activity once: no-shows absent, a missing check-out completed with 0 hours', async () => {
    const id = await finishedWithVolunteers()
    await fails(api.volunteer.completeActivity({ activityId: id }, 'staff1'), 'FAILED_PRECONDITION', /结束后/)
    moveActivity(id, -4 * HOUR)
    await fails(api.volunteer.completeActivity({ activityId: id }, 'staff2'), 'PERMISSION_DENIED')
    expect(await ok(api.volunteer.completeActivity({ activityId: id }, 'staff1'))).toEqual({ completed: 2, absent: 1, missingCheckout: 1 })
    expect(store().get('enrollments', enrollmentIdFor(id, 'vol2'))!.status).toBe('absent')
    expect(store().get('enrollments', enrollmentIdFor(id, 'member1'))).toMatchObject({
      status: 'completed',
      hours: 0,
      missingCheckout: true
    })
    await fails(api.volunteer.completeActivity({ activityId: id }, 'staff1'), 'CONFLICT', /已结项/)
    await fails(api.volunteer.checkinCode({ activityId: id }, 'staff1'), 'FAILED_PRECONDITION', /已结项/)
    // Staff then give the member the hours they served; the assessment entry follows.
    await ok(api.volunteer.correctHours({ enrollmentId: enrollmentIdFor(id, 'member1'), hours: 2, reason: '忘记签退，现场核实' }, 'staff1'))
    expect(store().get('assessmentEntries', `hours_${enrollmentIdFor(id, 'member1')}`)).toMatchObject({ hours: 2, points: 4 })
  })
})

// --- records and certificates ----------------------------------------------------------------------------------

describe('service records and certificates', () => {
  async function served() {
    const { id, code } = await running(['vol1'])
    await ok(api.volunteer.checkIn({ activityId: id, token: code, location: NEAR }, 'vol1'))
    backdateCheckIn(id, 'vol1', 2 * HOUR)
    moveActivity(id, -2 * HOUR)
    await ok(api.volunteer.checkOut({ activityId: id, token: await codeFor(id), location: NEAR }, 'vol1'))
    return id
  }

  it('lists the service record: identity, content, hours, organiser', async () => {
    const id = await served()
    const rec = await ok(api.volunteer.records({}, 'vol1'))
    expect(rec.identity).toEqual({ realName: '李志强', volunteerNo: 'ZY26000001', idCardMasked: null, communityName: '青枫社区' })
    expect(rec).toMatchObject({ totalHours: 2, activityCount: 1, nextCursor: null })
    expect(rec.items).toEqual([
      expect.objectContaining({
        activityId: id,
        title: '敬老院陪伴读报',
        content: '为老人读报、聊天、陪伴散步。',
        organiser: '青枫社区',
        hours: 2
      })
    ])
    await fails(api.volunteer.records({}, 'res1'), 'PERMISSION_DENIED')
  })

  it('issues a numbered certificate (the same one when asked again) that anyone can verify by number', async () => {
    await fails(api.volunteer.certificate({}, 'vol2'), 'FAILED_PRECONDITION', /暂不能出具/)
    await served()
    const cert = await ok(api.volunteer.certificate({}, 'vol1'))
    expect(cert.number).toMatch(/^ZYJL-\d{4}-[0-9A-Z]{10}$/)
    expect(cert).toMatchObject({
      realName: '李志强',
      volunteerNo: 'ZY26000001',
      totalHours: 2,
      activityCount: 1,
      issuer: '青枫社区志愿服务站'
    })
    expect((await ok(api.volunteer.certificate({}, 'vol1'))).number).toBe(cert.number)
    expect(store().count('certificates')).toBe(1)
    const check = await ok(api.volunteer.verifyCertificate({ number: cert.number.toLowerCase() }, 'someone-without-an-account'))
    expect(check).toMatchObject({ valid: true, number: cert.number, name: '李**', totalHours: 2, issuer: '青枫社区志愿服务站' })
    await fails(api.volunteer.verifyCertificate({ number: 'ZYJL-2026-0000000000' }, 'someone-without-an-account'), 'NOT_FOUND', /未找到/)
    await fails(
      api.volunteer.verifyCertificate({ number: 'hello' }, 'someone-without-an-account'),
      'INVALID_ARGUMENT',
      /证明编号格式不正确/
    )
  })

  it('erases the volunteer’s name and phone when the account is deleted, and the ledger still balances', async () => {
    await served()
    await ok(api.user.deleteAccount({ confirm: '注销' }, 'vol1'))
    expect(store().get('volunteers', 'vol1')).toMatchObject({ realName: '已注销用户', phone: null })
    expect(balanceOf('vol1')).toBe(ledgerSum('vol1'))
  })
})

// --- bad input anywhere ------------------------------------------------------------------------------------------

describe('bad input', () => {
  it.each([
    ['register', { realName: { $gt: '' }, phone: '13800001111', communityId: 'cm01', consent: true }, 'res1'],
    ['createActivity', { ...activityInput(), capacity: 'many' }, 'staff1'],
    ['listActivities', { scope: 'everything' }, 'vol1'],
    ['activity', { activityId: { $ne: null } }, 'vol1'],
    ['enroll', { activityId: '../etc' }, 'vol1'],
    ['cancelEnrollment', {}, 'vol1'],
    ['checkinCode', { activityId: '' }, 'staff1'],
    ['checkIn', { activityId: 'a1', token: 'x', location: { lat: 'north', lng: 1 } }, 'vol1'],
    ['checkOut', { activityId: 'a1', token: '', location: NEAR }, 'vol1'],
    ['checkOut', { activityId: 'a1', token: 'x', location: NEAR, accuracy: -5 }, 'vol1'],
    ['checkIn', { activityId: 'a1', token: 'x', location: NEAR, deviceId: { $ne: null } }, 'vol1'],
    ['attendance', { activityId: 'a1', limit: 5000 }, 'staff1'],
    ['correctHours', { enrollmentId: 'a_b', hours: -1, reason: '补录' }, 'staff1'],
    ['completeActivity', { activityId: 42 }, 'staff1'],
    ['records', { cursor: 'x'.repeat(500) }, 'vol1'],
    ['verifyCertificate', { number: 12 }, 'vol1']
  ])('%s answers INVALID_ARGUMENT with a sentence and writes nothing', async (action, data, who) => {
    const before = snapshot()
    // Input outside the contract's types on purpose: callRaw.
    const err = await fails(api.callRaw('volunteer', action, data, who), 'INVALID_ARGUMENT')
    expect(err?.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(snapshot()).toBe(before)
  })

  it('refuses an unknown action', async () => {
    await fails(api.callRaw('volunteer', 'dropDatabase', {}, 'staff1'), 'INVALID_ARGUMENT', /未知的操作/)
  })
})
