// The party function through the local cloud, with the real wx-server-sdk: every action and role
// (allowed and refused), the registration and need state machines with their recorded history, the
// one-active-registration rule, scope (a unit admin sees only their unit, staff only their community),
// phone masking in every answer, bad input that changes nothing, 50 concurrent need claims, the
// assessment aggregation and the rating rule, and the unit report with its CSV.
import Papa from 'papaparse'
import { contract, type ErrorCode } from '../../types'
import { ERASE_RULES } from '../../cloudfunctions/_shared/infra/erase'
import { PHONE_PATTERN } from '../../cloudfunctions/_shared/domain/masking'
import { assessmentPeriod, halfYear } from '../../cloudfunctions/_shared/domain/period'
import { useLocalCloud } from '../support/cloud'
import { communitySettings, STREET, twoCommunities } from '../support/fixtures'
import { typedClient, type Input } from '../support/client'
import { fails, ok, present } from '../support/envelope'

const lc = useLocalCloud()

// --- fixtures ------------------------------------------------------------------------------------------

const NOW = new Date()
const YEAR = assessmentPeriod(NOW)
const HALF = halfYear(NOW)
const PREVIOUS_HALF = HALF.endsWith('H2') ? `${YEAR}H1` : `${Number(YEAR) - 1}H2`
const LONG_AGO = new Date(NOW.getTime() - 200 * 86_400_000)

/** Phone numbers in the fixtures: every one of them must stay masked where the rules say so. */
const PHONES: Record<string, string> = {}
let phoneSerial = 0
const phoneOf = (openid: string) => (PHONES[openid] ??= `139${String(10_000_000 + ++phoneSerial).slice(-8)}`)

function user(openid: string, name: string, communityId: string, roles: object[] = []) {
  return {
    _id: openid,
    nickName: name,
    realName: name,
    phone: phoneOf(openid),
    communityId,
    compoundId: null,
    roles,
    elderMode: false,
    consent: null,
    createdAt: LONG_AGO,
    updatedAt: LONG_AGO,
    deletedAt: null
  }
}

const MEMBERS = Array.from({ length: 50 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`)

/** A registration as the function would have stored it, with its membership. */
function registration(openid: string, communityId: string, status: string, over: Record<string, unknown> = {}) {
  const history: Doc[] = [{ event: 'submit', by: openid, role: 'applicant', at: LONG_AGO, from: null, to: 'pending', why: null }]
  if (status === 'approved')
    history.push({ event: 'approve', by: 'staff1', role: 'staff', at: LONG_AGO, from: 'pending', to: 'approved', why: null })
  if (status === 'rejected')
    history.push({ event: 'reject', by: 'staff1', role: 'staff', at: LONG_AGO, from: 'pending', to: 'rejected', why: '信息有误' })
  const reg = {
    _id: `pm-${openid}`,
    openid,
    communityId,
    name: `党员${openid}`,
    phone: phoneOf(openid),
    unitId: null,
    workUnit: '江城日报社',
    branch: '江城日报社党支部',
    skills: ['摄影'],
    intentions: ['policy'],
    pledge: '为邻里办实事',
    gridId: null,
    status,
    history,
    renewedHalves: status === 'approved' ? [HALF] : [],
    createdAt: LONG_AGO,
    updatedAt: LONG_AGO,
    approvedAt: status === 'approved' ? LONG_AGO : null,
    endedAt: null,
    ...over
  }
  const membership = {
    _id: openid,
    registrationId: reg._id,
    communityId,
    status,
    branch: reg.branch,
    pledge: reg.pledge,
    unitId: reg.unitId,
    gridId: reg.gridId,
    renewedHalves: reg.renewedHalves,
    approvedAt: reg.approvedAt
  }
  return { reg, membership }
}

function unit(id: string, communityId: string, adminId: string, status: string) {
  return {
    _id: id,
    communityId,
    adminId,
    name: `${id}单位`,
    org: `${id}党支部`,
    contactName: '赵磊',
    contactPhone: phoneOf(adminId),
    resources: [{ kind: 'venue', name: '活动室', quantity: 40 }],
    status,
    history: [{ event: 'submit', by: adminId, role: 'applicant', at: LONG_AGO, from: null, to: 'pending', why: null }],
    createdAt: LONG_AGO,
    updatedAt: LONG_AGO,
    approvedAt: status === 'approved' ? LONG_AGO : null
  }
}

function seedFixtures() {
  const s = lc.cloud.store
  s.insert('streets', [STREET])
  s.insert('communities', twoCommunities(communitySettings({ handoverPoint: '党群服务中心', assessment: { needPoints: 8 } })))
  s.insert('grids', [
    { _id: 'cm01-g1', communityId: 'cm01', name: '第一网格' },
    { _id: 'cm01-g2', communityId: 'cm01', name: '第二网格' },
    { _id: 'cm02-g1', communityId: 'cm02', name: '第一网格' }
  ])
  const fixtures = [
    registration('mA', 'cm01', 'approved', { unitId: 'u01', workUnit: 'u01单位', gridId: 'cm01-g1' }),
    registration('mB', 'cm01', 'approved', { unitId: 'u01', workUnit: 'u01单位', renewedHalves: [PREVIOUS_HALF] }),
    registration('mC', 'cm02', 'approved', { unitId: 'u02', workUnit: 'u02单位' }),
    registration('pend1', 'cm01', 'pending'),
    registration('rej1', 'cm01', 'rejected'),
    ...MEMBERS.map((m) => registration(m, 'cm01', 'approved'))
  ]
  s.insert('users', [
    user('staff1', '孙丽', 'cm01', [{ role: 'staff', communityId: 'cm01' }]),
    user('staff2', '周敏', 'cm02', [{ role: 'staff', communityId: 'cm02' }]),
    user('street1', '周明', 'cm01', [{ role: 'streetAdmin', streetId: 'st01' }]),
    user('admin1', '赵磊', 'cm01', [{ role: 'unitAdmin', unitId: 'u01' }]),
    user('admin2', '钱伟', 'cm02', [{ role: 'unitAdmin', unitId: 'u02' }]),
    user('applicantU', '吴刚', 'cm01'),
    user('res1', '张桂英', 'cm01'),
    user('res2', '王秀英', 'cm01'),
    user('res4', '赵国强', 'cm02'),
    user('vol1', '李志强', 'cm01', [{ role: 'volunteer', communityId: 'cm01' }]),
    user('mA', '陈建国', 'cm01', [
      { role: 'member', communityId: 'cm01' },
      { role: 'volunteer', communityId: 'cm01' }
    ]),
    user('mB', '刘洋', 'cm01', [{ role: 'member', communityId: 'cm01' }]),
    user('mC', '马丽', 'cm02', [{ role: 'member', communityId: 'cm02' }]),
    user('pend1', '孔亮', 'cm01'),
    user('rej1', '何平', 'cm01'),
    ...MEMBERS.map((m) => user(m, `党员${m}`, 'cm01', [{ role: 'member', communityId: 'cm01' }]))
  ])
  s.insert(
    'partyMembers',
    fixtures.map((f) => f.reg)
  )
  s.insert(
    'partyMemberships',
    fixtures.map((f) => f.membership)
  )
  s.insert('partyUnits', [
    unit('u01', 'cm01', 'admin1', 'approved'),
    unit('u02', 'cm02', 'admin2', 'approved'),
    unit('u03', 'cm01', 'applicantU', 'pending')
  ])
}

beforeEach(() => {
  lc.cloud.store.clear()
  seedFixtures()
})

// --- helpers -------------------------------------------------------------------------------------------

type Doc = Record<string, any>
let serial = 0
const rid = () => `req-${String(++serial).padStart(8, '0')}`
const api = typedClient(lc)

const store = () => lc.cloud.store
const doc = (c: string, id: string) => store().get(c, id) as Doc
const rolesOf = (openid: string) => doc('users', openid).roles as Doc[]
const PARTY_COLLECTIONS = [
  'partyMembers',
  'partyMemberships',
  'partyUnits',
  'partyNeeds',
  'partyProjects',
  'assessmentEntries',
  'assessmentRatings',
  'users'
]
const snapshot = () => JSON.stringify(PARTY_COLLECTIONS.map((c) => store().find(c, {}, { sort: { _id: 1 } })))

/** Every phone number in an answer, full (PHONE_PATTERN) — masked ones (139****0001) do not match. */
function fullPhonesIn(answer: unknown): string[] {
  return JSON.stringify(answer).match(new RegExp(PHONE_PATTERN.source, 'g')) ?? []
}
const expectNoFullPhone = (answer: unknown) => expect(fullPhonesIn(answer)).toEqual([])

type MemberData = Input<'party', 'registerMember'>
type NeedData = Input<'party', 'postNeed'>

const memberInput = (over: Partial<MemberData> = {}): MemberData => ({
  requestId: rid(),
  communityId: 'cm01',
  name: '张桂英',
  phone: '138 0013 8000',
  unitId: 'u01',
  branch: '税务局机关党支部',
  skills: ['法律咨询'],
  intentions: ['legal', 'elderly'],
  pledge: '每月参加一次社区志愿服务',
  ...over
})

const needInput = (over: Partial<NeedData> = {}): NeedData => ({
  requestId: rid(),
  communityId: 'cm01',
  category: 'service',
  title: '楼道杂物清理',
  description: '三号楼楼道堆放杂物，需要人手清理',
  ...over
})

async function postedNeed(over: Partial<NeedData> = {}) {
  return (await ok(api.party.postNeed(needInput(over), 'staff1'))).id as string
}

/** Replays a stored history: it starts from nothing, each entry begins where the last ended. */
function expectChainedHistory(d: Doc) {
  let status: string | null = null
  for (const h of d.history) {
    expect(h.from).toBe(status)
    expect(h.by).toBeTruthy()
    expect(h.at).toBeInstanceOf(Date)
    status = h.to
  }
  expect(status).toBe(d.status)
}

// --- every action ------------------------------------------------------------------------------------

test('every action refuses a caller who is not signed in, before reading any input', async () => {
  const actions = Object.keys(contract.party)
  expect(actions.length).toBeGreaterThanOrEqual(29)
  // Every action by name, with no input: callRaw.
  for (const action of actions) await fails(api.callRaw('party', action, {}, 'nobody'), 'UNAUTHENTICATED', '请先登录')
})

// --- member registration -------------------------------------------------------------------------------

describe('registerMember', () => {
  test('a resident registers: pending, linked to the unit, recorded, one membership; a retry finds the same registration', async () => {
    const input = memberInput()
    const reg = await ok(api.party.registerMember(input, 'res1'))
    expect(reg).toMatchObject({
      kind: 'member',
      status: 'pending',
      unitId: 'u01',
      workUnit: 'u01单位',
      phone: '13800138000',
      communityName: '青枫社区'
    })
    expect(reg.timeline).toEqual([expect.objectContaining({ event: 'submit', from: null, to: '待审核', actor: '申请人' })])
    expect(doc('partyMemberships', 'res1')).toMatchObject({ status: 'pending', registrationId: reg.id, communityId: 'cm01' })
    expect(rolesOf('res1')).toEqual([])
    const again = await ok(api.party.registerMember(input, 'res1'))
    expect(again.id).toBe(reg.id)
    expect(store().count('partyMembers', { openid: 'res1' })).toBe(1)
    expectChainedHistory(doc('partyMembers', reg.id))
  })

  test.each<[string, Record<string, unknown>, ErrorCode, string]>([
    ['missing branch', { branch: undefined }, 'INVALID_ARGUMENT', '请填写所在党支部'],
    ['a blank branch', { branch: '   ' }, 'INVALID_ARGUMENT', '请填写所在党支部'],
    ['a phone that is not a mainland mobile', { phone: '12812345678' }, 'INVALID_ARGUMENT', '请填写正确的11位手机号'],
    ['an international number', { phone: '+8613812345678' }, 'INVALID_ARGUMENT', '请填写正确的11位手机号'],
    ['a pledge over the limit', { pledge: '为'.repeat(101) }, 'INVALID_ARGUMENT', '承诺不能超过100个字'],
    ['no work unit at all', { unitId: undefined, workUnit: undefined }, 'INVALID_ARGUMENT', '请填写工作单位'],
    ['an unknown intention', { intentions: ['party'] }, 'INVALID_ARGUMENT', '服务意向格式不正确'],
    ['an operator instead of an id', { unitId: { $ne: '' } }, 'INVALID_ARGUMENT', '单位格式不正确'],
    ['a unit of another community', { unitId: 'u02' }, 'FAILED_PRECONDITION', '所选单位未在该社区报到'],
    ['a unit still under review', { unitId: 'u03' }, 'FAILED_PRECONDITION', '所选单位未在该社区报到'],
    ['an unknown community', { communityId: 'cm99' }, 'INVALID_ARGUMENT', '所选社区不存在']
  ])('%s is refused with a readable message and changes nothing', async (_label, over, code, message) => {
    const before = snapshot()
    // Some cases are outside the contract's input type on purpose: callRaw.
    await fails(api.callRaw('party', 'registerMember', { ...memberInput(), ...over }, 'res1'), code, message)
    expect(snapshot()).toBe(before)
  })

  test('an approved member cannot register again in the same community', async () => {
    const before = snapshot()
    await fails(api.party.registerMember(memberInput(), 'mA'), 'CONFLICT', '您已在该社区报到')
    expect(snapshot()).toBe(before)
  })

  test('re-registering elsewhere ends the old registration and removes the old member grant, in one go', async () => {
    const reg = await ok(api.party.registerMember(memberInput({ communityId: 'cm02', unitId: 'u02' }), 'mA'))
    const old = doc('partyMembers', 'pm-mA')
    expect(old.status).toBe('ended')
    expect(old.history.at(-1)).toMatchObject({ event: 'end', from: 'approved', to: 'ended', by: 'mA', why: '本人重新提交报到' })
    expect(rolesOf('mA')).toEqual([{ role: 'volunteer', communityId: 'cm01' }])
    expect(doc('partyMemberships', 'mA')).toMatchObject({ registrationId: reg.id, status: 'pending', communityId: 'cm02' })
    expect(store().count('partyMembers', { openid: 'mA', status: { $in: ['pending', 'approved'] } })).toBe(1)
    // The badge is gone with the approval.
    expect((await ok(api.user.me({}, 'mA'))).badge).toBeNull()
  })

  test('one active registration even when the same person submits five times at once', async () => {
    const answers = await Promise.all(
      ['cm01', 'cm02', 'cm01', 'cm02', 'cm01'].map((communityId) =>
        api.party.registerMember(memberInput(communityId === 'cm02' ? { communityId, unitId: 'u02' } : {}), 'res1')
      )
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    const regs = store().find('partyMembers', { openid: 'res1' }) as Doc[]
    expect(regs).toHaveLength(5)
    const active = regs.filter((r) => r.status === 'pending')
    expect(active).toHaveLength(1)
    expect(regs.filter((r) => r.status === 'ended')).toHaveLength(4)
    expect(doc('partyMemberships', 'res1')).toMatchObject({ registrationId: active[0]._id, status: 'pending' })
    for (const r of regs) expectChainedHistory(r)
  })

  test('signed-out callers are refused', async () => {
    await fails(api.party.registerMember(memberInput(), 'nobody'), 'UNAUTHENTICATED')
  })
})

describe('review of a member', () => {
  test('approval: registration, membership, member grant and registration points in one go; the applicant is told', async () => {
    const reg = await ok(api.party.review({ kind: 'member', id: 'pm-pend1', decision: 'approve', gridId: 'cm01-g2' }, 'staff1'))
    expect(reg).toMatchObject({ status: 'approved', gridId: 'cm01-g2', gridName: '第二网格', renewedHalves: [HALF] })
    expect(doc('partyMemberships', 'pend1')).toMatchObject({
      _id: 'pend1',
      registrationId: 'pm-pend1',
      communityId: 'cm01',
      status: 'approved',
      branch: '江城日报社党支部',
      pledge: '为邻里办实事',
      unitId: null,
      gridId: 'cm01-g2',
      renewedHalves: [HALF]
    })
    expect(doc('partyMemberships', 'pend1').approvedAt).toBeInstanceOf(Date)
    expect(rolesOf('pend1')).toEqual([{ role: 'member', communityId: 'cm01' }])
    expect(doc('assessmentEntries', `registration_pm-pend1-${YEAR}`)).toMatchObject({
      openid: 'pend1',
      source: 'registration',
      points: 10,
      period: YEAR
    })
    expect(store().find('outbox', { touser: 'pend1' })).toHaveLength(1)
    const stored = doc('partyMembers', 'pm-pend1')
    expectChainedHistory(stored)
    expect(stored.history.at(-1)).toMatchObject({ event: 'approve', by: 'staff1', role: 'staff', from: 'pending', to: 'approved' })
    const me = await ok(api.user.me({}, 'pend1'))
    expect(me.badge).toEqual({ branch: '江城日报社党支部', pledge: '为邻里办实事' })
  })

  test('rejection needs a reason, is recorded and grants nothing; a later rejection of an approved member removes the grant', async () => {
    await fails(api.party.review({ kind: 'member', id: 'pm-pend1', decision: 'reject' }, 'staff1'), 'INVALID_ARGUMENT', '驳回时请填写理由')
    const rejected = await ok(api.party.review({ kind: 'member', id: 'pm-pend1', decision: 'reject', reason: '非本社区居民' }, 'staff1'))
    expect(rejected).toMatchObject({ status: 'rejected', reason: '非本社区居民' })
    expect(doc('partyMemberships', 'pend1').status).toBe('rejected')
    expect(rolesOf('pend1')).toEqual([])

    await ok(api.party.review({ kind: 'member', id: 'pm-mA', decision: 'reject', reason: '已调离本社区' }, 'staff1'))
    expect(rolesOf('mA')).toEqual([{ role: 'volunteer', communityId: 'cm01' }])
    expect(doc('partyMemberships', 'mA').status).toBe('rejected')
  })

  test('no transition outside the machine: approving twice, approving a rejected or ended registration', async () => {
    for (const id of ['pm-mA', 'pm-rej1']) {
      const before = snapshot()
      await fails(api.party.review({ kind: 'member', id, decision: 'approve' }, 'staff1'), 'CONFLICT', '该报到已处理')
      expect(snapshot()).toBe(before)
    }
  })

  test('five staff approving at once: one approval, one history entry, one set of points', async () => {
    store().update('users', { _id: 'staff2' }, { $set: { roles: [{ role: 'staff', communityId: 'cm01' }] } })
    const answers = await Promise.all(
      ['staff1', 'staff2', 'staff1', 'staff2', 'staff1'].map((s) =>
        api.party.review({ kind: 'member', id: 'pm-pend1', decision: 'approve' }, s)
      )
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT'])
    expect(doc('partyMembers', 'pm-pend1').history.filter((h: Doc) => h.event === 'approve')).toHaveLength(1)
    expect(store().count('assessmentEntries', { openid: 'pend1' })).toBe(1)
    expect(rolesOf('pend1')).toEqual([{ role: 'member', communityId: 'cm01' }])
  })

  test('only the staff of the registration’s community review; a grid of another community is refused', async () => {
    const before = snapshot()
    await fails(api.party.review({ kind: 'member', id: 'pm-pend1', decision: 'approve' }, 'staff2'), 'PERMISSION_DENIED')
    for (const who of ['res1', 'mA', 'admin1', 'street1']) {
      await fails(api.party.review({ kind: 'member', id: 'pm-pend1', decision: 'approve' }, who), 'PERMISSION_DENIED')
    }
    await fails(
      api.party.review({ kind: 'member', id: 'pm-pend1', decision: 'approve', gridId: 'cm02-g1' }, 'staff1'),
      'FAILED_PRECONDITION',
      '所选网格不属于该社区'
    )
    await fails(api.party.review({ kind: 'member', id: 'pm-nothing', decision: 'approve' }, 'staff1'), 'NOT_FOUND')
    expect(snapshot()).toBe(before)
  })
})

describe('myRegistration, renew, withdraw, assignGrid', () => {
  test('myRegistration: nothing yet, pending, and with full phone for the member only', async () => {
    expect(await ok(api.party.myRegistration({}, 'res1'))).toMatchObject({ registration: null, canRenew: false, currentHalf: HALF })
    const mine = await ok(api.party.myRegistration({}, 'pend1'))
    expect(mine.registration).toMatchObject({ status: 'pending', phone: phoneOf('pend1') })
    expect(mine.canRenew).toBe(false)
    const rejected = await ok(api.party.myRegistration({}, 'rej1'))
    expect(rejected.registration).toMatchObject({ status: 'rejected', reason: '信息有误' })
  })

  test('renew: once per half-year, recorded, registration points for the year once', async () => {
    expect((await ok(api.party.myRegistration({}, 'mB'))).canRenew).toBe(true)
    const renewed = await ok(api.party.renew({}, 'mB'))
    expect(renewed).toMatchObject({ renewedThisHalf: true, canRenew: false })
    expect(doc('partyMembers', 'pm-mB').renewedHalves).toEqual([PREVIOUS_HALF, HALF].sort())
    expect(doc('partyMemberships', 'mB').renewedHalves).toEqual([PREVIOUS_HALF, HALF].sort())
    await ok(api.party.renew({}, 'mB'))
    expect(doc('partyMembers', 'pm-mB').history.filter((h: Doc) => h.event === 'renew')).toHaveLength(1)
    expect(store().count('assessmentEntries', { openid: 'mB', source: 'registration' })).toBe(1)
    expectChainedHistory(doc('partyMembers', 'pm-mB'))
    // Pending and rejected people hold no member role.
    await fails(api.party.renew({}, 'pend1'), 'PERMISSION_DENIED')
    await fails(api.party.renew({}, 'rej1'), 'PERMISSION_DENIED')
  })

  test('withdraw ends the registration and the member grant; nothing to withdraw is a precondition', async () => {
    const after = await ok(api.party.withdraw({ reason: '搬家了' }, 'mA'))
    expect(after.registration).toMatchObject({ status: 'ended', reason: '搬家了' })
    expect(rolesOf('mA')).toEqual([{ role: 'volunteer', communityId: 'cm01' }])
    expect(doc('partyMemberships', 'mA').status).toBe('ended')
    await fails(api.party.withdraw({}, 'mA'), 'FAILED_PRECONDITION', '您当前没有有效的报到')
    await fails(api.party.withdraw({}, 'res1'), 'FAILED_PRECONDITION')
  })

  test('assignGrid: staff of the community, a grid of that community, an active registration', async () => {
    const reg = await ok(api.party.assignGrid({ registrationId: 'pm-mB', gridId: 'cm01-g2' }, 'staff1'))
    expect(reg).toMatchObject({ gridId: 'cm01-g2', gridName: '第二网格', status: 'approved' })
    expect(doc('partyMemberships', 'mB').gridId).toBe('cm01-g2')
    expect(doc('partyMembers', 'pm-mB').history.at(-1)).toMatchObject({
      event: 'assignGrid',
      from: 'approved',
      to: 'approved',
      why: '第二网格'
    })
    const before = snapshot()
    await fails(api.party.assignGrid({ registrationId: 'pm-mB', gridId: 'cm02-g1' }, 'staff1'), 'FAILED_PRECONDITION')
    await fails(api.party.assignGrid({ registrationId: 'pm-mB', gridId: 'cm01-g1' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.party.assignGrid({ registrationId: 'pm-mB', gridId: 'cm01-g1' }, 'mA'), 'PERMISSION_DENIED')
    await fails(api.party.assignGrid({ registrationId: 'pm-rej1', gridId: 'cm01-g1' }, 'staff1'), 'CONFLICT')
    expect(snapshot()).toBe(before)
  })
})

describe('listRegistrations', () => {
  test('staff see only their community, with full phone numbers, paged', async () => {
    const first = await ok(api.party.listRegistrations({ kind: 'member', communityId: 'cm01', limit: 20 }, 'staff1'))
    expect(first.items).toHaveLength(20)
    expect(first.nextCursor).toBeTruthy()
    const all: Doc[] = [...first.items]
    for (let cursor = first.nextCursor; cursor;) {
      const page = await ok(api.party.listRegistrations({ kind: 'member', communityId: 'cm01', limit: 20, cursor }, 'staff1'))
      all.push(...page.items)
      cursor = page.nextCursor
    }
    expect(all).toHaveLength(store().count('partyMembers', { communityId: 'cm01' }))
    expect(new Set(all.map((r) => r.communityId))).toEqual(new Set(['cm01']))
    expect(all.find((r) => r.id === 'pm-mA')?.phone).toBe(phoneOf('mA'))
    const pending = await ok(api.party.listRegistrations({ kind: 'member', communityId: 'cm01', status: 'pending' }, 'staff1'))
    expect(pending.items.map((r) => r.id)).toEqual(['pm-pend1'])
    const units = await ok(api.party.listRegistrations({ kind: 'unit', communityId: 'cm01' }, 'staff1'))
    expect(units.items.map((u) => u.id).sort()).toEqual(['u01', 'u03'])
  })

  test('staff of another community, unit admins and residents are refused', async () => {
    await fails(api.party.listRegistrations({ kind: 'member', communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
    for (const who of ['admin1', 'mA', 'res1']) await fails(api.party.listRegistrations({ communityId: 'cm01' }, who), 'PERMISSION_DENIED')
  })
})

// --- units -----------------------------------------------------------------------------------------

describe('units', () => {
  const unitInput = (over: Partial<Input<'party', 'registerUnit'>> = {}): Input<'party', 'registerUnit'> => ({
    requestId: rid(),
    communityId: 'cm01',
    name: '江城供电公司',
    org: '江城供电公司营销党支部',
    contactName: '吴刚',
    contactPhone: '13700001234',
    resources: [
      { kind: 'skill', name: '用电安全检查', quantity: 6 },
      { kind: 'funds', name: '照明改造资金', quantity: 20000 }
    ],
    ...over
  })

  test('register, approve (the admin gains the unitAdmin grant), update resources, and the admin’s own view', async () => {
    const unit = await ok(api.party.registerUnit(unitInput(), 'res2'))
    expect(unit).toMatchObject({
      kind: 'unit',
      status: 'pending',
      contactPhone: '13700001234',
      resources: [expect.objectContaining({ kind: 'skill' }), expect.anything()]
    })
    expect(rolesOf('res2')).toEqual([])
    const approved = await ok(api.party.review({ kind: 'unit', id: unit.id, decision: 'approve' }, 'staff1'))
    expect(approved.status).toBe('approved')
    expect(rolesOf('res2')).toEqual([{ role: 'unitAdmin', unitId: unit.id }])
    expectChainedHistory(doc('partyUnits', unit.id))
    const updated = await ok(
      api.party.updateResources({ unitId: unit.id, resources: [{ kind: 'volunteers', name: '青年突击队', quantity: 12 }] }, 'res2')
    )
    expect(updated.resources).toEqual([{ kind: 'volunteers', name: '青年突击队', quantity: 12 }])
    expect(doc('partyUnits', unit.id).history.at(-1)).toMatchObject({ event: 'updateResources', from: 'approved', to: 'approved' })
    const mine = await ok(api.party.myUnit({}, 'res2'))
    expect(mine.map((u) => u.id)).toEqual([unit.id])
    // A new member can now link to it.
    const options = await ok(api.party.listUnits({ communityId: 'cm01' }, 'res1'))
    expect(options.map((o) => o.id).sort()).toEqual(['u01', unit.id].sort())
    expectNoFullPhone(options)
  })

  test('rejected with a reason, resubmitted by the applicant only; revoking an approved unit removes the grant', async () => {
    const rejected = await ok(api.party.review({ kind: 'unit', id: 'u03', decision: 'reject', reason: '党组织名称有误' }, 'staff1'))
    expect(rejected).toMatchObject({ status: 'rejected', reason: '党组织名称有误' })
    await fails(api.party.registerUnit(unitInput({ unitId: 'u03' }), 'res2'), 'PERMISSION_DENIED')
    const again = await ok(api.party.registerUnit(unitInput({ unitId: 'u03', org: '更正后的党支部' }), 'applicantU'))
    expect(again).toMatchObject({ id: 'u03', status: 'pending', org: '更正后的党支部' })
    await fails(api.party.registerUnit(unitInput({ unitId: 'u03' }), 'applicantU'), 'CONFLICT')
    await ok(api.party.review({ kind: 'unit', id: 'u01', decision: 'reject', reason: '单位撤并' }, 'staff1'))
    expect(rolesOf('admin1')).toEqual([])
  })

  test('refusals: other people’s units, other communities, bad input', async () => {
    const before = snapshot()
    await fails(api.party.updateResources({ unitId: 'u01', resources: [] }, 'admin2'), 'PERMISSION_DENIED')
    await fails(api.party.updateResources({ unitId: 'u01', resources: [] }, 'res1'), 'PERMISSION_DENIED')
    await fails(api.party.review({ kind: 'unit', id: 'u03', decision: 'approve' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.party.registerUnit(unitInput({ contactPhone: '0553-2123456' }), 'res2'), 'INVALID_ARGUMENT', '请填写正确的11位手机号')
    // An unknown resource kind is outside the contract's type on purpose.
    await fails(
      api.callRaw('party', 'registerUnit', { ...unitInput(), resources: [{ kind: 'gold', name: 'x' }] }, 'res2'),
      'INVALID_ARGUMENT',
      '请选择资源类型'
    )
    await fails(api.party.registerUnit(unitInput({ name: '' }), 'res2'), 'INVALID_ARGUMENT', '请填写单位名称')
    expect(snapshot()).toBe(before)
  })

  test('a unit admin sees only their own unit’s members, with masked phones; staff of the community see them too', async () => {
    const page = await ok(api.party.unitMembers({ unitId: 'u01' }, 'admin1'))
    expect(page.items.map((m) => m.registrationId).sort()).toEqual(['pm-mA', 'pm-mB'])
    expect(page.items.find((m) => m.registrationId === 'pm-mA')).toMatchObject({ gridName: '第一网格', communityName: '青枫社区' })
    expect(page.items.find((m) => m.registrationId === 'pm-mB')?.renewedThisHalf).toBe(false)
    expectNoFullPhone(page)
    expect(JSON.stringify(page)).toContain(phoneOf('mA').slice(0, 3) + '****' + phoneOf('mA').slice(-4))
    await fails(api.party.unitMembers({ unitId: 'u02' }, 'admin1'), 'PERMISSION_DENIED', '只有本单位管理员或社区工作人员可以查看')
    await fails(api.party.unitMembers({ unitId: 'u01' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.party.unitMembers({ unitId: 'u01' }, 'mA'), 'PERMISSION_DENIED')
    expect((await ok(api.party.unitMembers({ unitId: 'u01' }, 'staff1'))).items).toHaveLength(2)
  })

  test('projects: agreed by the community’s staff or the unit’s admin, listed for everyone', async () => {
    const p = await ok(
      api.party.upsertProject(
        { requestId: rid(), unitId: 'u01', title: '税务知识进社区', content: '每季度一次政策讲解', status: 'ongoing' },
        'staff1'
      )
    )
    expect(p).toMatchObject({ unitName: 'u01单位', communityId: 'cm01', status: 'ongoing' })
    const edited = await ok(
      api.party.upsertProject(
        { requestId: rid(), projectId: p.id, unitId: 'u01', title: '税务知识进社区', content: '每月一次', status: 'done' },
        'admin1'
      )
    )
    expect(edited).toMatchObject({ id: p.id, status: 'done', content: '每月一次' })
    const before = snapshot()
    await fails(api.party.upsertProject({ requestId: rid(), unitId: 'u01', title: '项目', content: '内容' }, 'admin2'), 'PERMISSION_DENIED')
    await fails(api.party.upsertProject({ requestId: rid(), unitId: 'u01', title: '项目', content: '内容' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.party.upsertProject({ requestId: rid(), unitId: 'u01', title: '项目', content: '内容' }, 'res1'), 'PERMISSION_DENIED')
    await fails(
      api.party.upsertProject({ requestId: rid(), unitId: 'u03', title: '项目', content: '内容' }, 'staff1'),
      'FAILED_PRECONDITION'
    )
    await fails(
      api.party.upsertProject({ requestId: rid(), projectId: p.id, unitId: 'u02', title: '项目', content: '内容' }, 'admin2'),
      'PERMISSION_DENIED'
    )
    expect(snapshot()).toBe(before)
    const list = await ok(api.party.listProjects({ communityId: 'cm01' }, 'res1'))
    expect(list.items.map((x) => x.id)).toEqual([p.id])
    await fails(api.party.listProjects({}, 'res1'), 'INVALID_ARGUMENT', '请选择社区或单位')
  })

  test('grids of a community, for assigning members', async () => {
    expect(await ok(api.party.listGrids({ communityId: 'cm01' }, 'staff1'))).toEqual([
      { id: 'cm01-g1', name: '第一网格' },
      { id: 'cm01-g2', name: '第二网格' }
    ])
    // A missing community is outside the contract's type on purpose.
    await fails(api.callRaw('party', 'listGrids', {}, 'staff1'), 'INVALID_ARGUMENT', '缺少社区')
  })
})

// --- needs ----------------------------------------------------------------------------------------

describe('needs', () => {
  test('only staff of the community post; a past deadline is refused', async () => {
    const before = snapshot()
    await fails(api.party.postNeed(needInput(), 'staff2'), 'PERMISSION_DENIED')
    for (const who of ['mA', 'admin1', 'res1']) await fails(api.party.postNeed(needInput(), who), 'PERMISSION_DENIED')
    await fails(
      api.party.postNeed(needInput({ deadline: new Date(Date.now() - 60_000).toISOString() }), 'staff1'),
      'INVALID_ARGUMENT',
      '截止时间须晚于现在'
    )
    await fails(api.party.postNeed(needInput({ title: '' }), 'staff1'), 'INVALID_ARGUMENT', '需求标题至少2个字')
    expect(snapshot()).toBe(before)
    const input = needInput()
    const need = await ok(api.party.postNeed(input, 'staff1'))
    expect(need).toMatchObject({ status: 'open', claimant: null, can: { confirm: false, cancel: true } })
    expect((await ok(api.party.postNeed(input, 'staff1'))).id).toBe(need.id)
    expect(store().count('partyNeeds')).toBe(1)
  })

  test('a pending or rejected member, a plain resident, a member of another community cannot claim; an approved one can', async () => {
    const id = await postedNeed()
    const before = snapshot()
    for (const who of ['pend1', 'rej1', 'res1', 'vol1']) {
      await fails(api.party.claimNeed({ needId: id }, who), 'PERMISSION_DENIED', '只有在本社区报到并通过审核的在职党员可以认领')
    }
    await fails(api.party.claimNeed({ needId: id }, 'mC'), 'PERMISSION_DENIED')
    await fails(api.party.claimNeed({ needId: id, unitId: 'u02' }, 'admin2'), 'PERMISSION_DENIED', '该单位未在本社区报到')
    await fails(api.party.claimNeed({ needId: id, unitId: 'u01' }, 'admin2'), 'PERMISSION_DENIED', '只有本单位管理员可以代表单位认领')
    expect(snapshot()).toBe(before)
    const claimed = await ok(api.party.claimNeed({ needId: id }, 'mA'))
    expect(claimed).toMatchObject({
      status: 'claimed',
      claimedByMe: true,
      claimant: { kind: 'member', displayName: '党员mA', badge: { branch: '江城日报社党支部' } }
    })
  })

  test('50 members claim at once: exactly one wins, the others hear it was just claimed', async () => {
    const id = await postedNeed()
    const answers = await Promise.all(MEMBERS.map((m) => api.party.claimNeed({ needId: id }, m)))
    const winners = answers.filter((a) => a.ok)
    expect(winners).toHaveLength(1)
    const losers = answers.filter((a): a is Extract<typeof a, { ok: false }> => !a.ok)
    expect(losers).toHaveLength(49)
    for (const l of losers) expect(l.error).toMatchObject({ code: 'CONFLICT', message: '该需求刚刚被认领' })
    const need = doc('partyNeeds', id)
    expect(need.history.filter((h: Doc) => h.event === 'claim')).toHaveLength(1)
    expect(need.claimerId).toBe(MEMBERS[answers.findIndex((a) => a.ok)])
    expectChainedHistory(need)
  })

  test('the claimer completes with a note, staff send back or confirm; confirmation credits the member once', async () => {
    const id = await postedNeed()
    await ok(api.party.claimNeed({ needId: id }, 'mA'))
    const before = snapshot()
    await fails(api.party.completeNeed({ needId: id, note: '清理完毕' }, 'mB'), 'PERMISSION_DENIED', '只有认领人可以操作')
    await fails(api.party.completeNeed({ needId: id, note: '' }, 'mA'), 'INVALID_ARGUMENT', '请填写完成情况')
    await fails(api.party.confirmNeed({ needId: id }, 'staff1'), 'CONFLICT', '该需求当前不能确认')
    expect(snapshot()).toBe(before)
    const done = await ok(api.party.completeNeed({ needId: id, note: '清理完毕' }, 'mA'))
    expect(done).toMatchObject({ status: 'completed', completion: { note: '清理完毕' } })
    await fails(api.party.confirmNeed({ needId: id, accept: false }, 'staff1'), 'INVALID_ARGUMENT', '退回时请填写理由')
    await fails(api.party.confirmNeed({ needId: id }, 'staff2'), 'PERMISSION_DENIED')
    const back = await ok(api.party.confirmNeed({ needId: id, accept: false, reason: '还有两袋没清走' }, 'staff1'))
    expect(back.status).toBe('claimed')
    await ok(api.party.completeNeed({ needId: id, note: '全部清走了' }, 'mA'))
    const confirmed = await ok(api.party.confirmNeed({ needId: id }, 'staff1'))
    expect(confirmed.status).toBe('confirmed')
    expect(doc('assessmentEntries', `need_${id}`)).toMatchObject({ openid: 'mA', source: 'need', points: 8, period: YEAR })
    await fails(api.party.confirmNeed({ needId: id }, 'staff1'), 'CONFLICT')
    expect(store().count('assessmentEntries', { openid: 'mA' })).toBe(1)
    const need = doc('partyNeeds', id)
    expectChainedHistory(need)
    expect(need.history.map((h: Doc) => h.event)).toEqual(['post', 'claim', 'complete', 'sendBack', 'complete', 'confirm'])
  })

  test('a unit claims through its admin; release and cancel need reasons and follow the machine', async () => {
    const id = await postedNeed()
    const claimed = await ok(api.party.claimNeed({ needId: id, unitId: 'u01' }, 'admin1'))
    expect(claimed).toMatchObject({ claimant: { kind: 'unit', displayName: 'u01单位', badge: null }, claimedByMe: true })
    await fails(api.party.releaseNeed({ needId: id, reason: '' }, 'admin1'), 'INVALID_ARGUMENT')
    await fails(api.party.releaseNeed({ needId: id, reason: '人手不够' }, 'mA'), 'PERMISSION_DENIED')
    const released = await ok(api.party.releaseNeed({ needId: id, reason: '人手不够' }, 'admin1'))
    expect(released).toMatchObject({ status: 'open', claimant: null })
    await fails(api.party.cancelNeed({ needId: id, reason: '已处理' }, 'mA'), 'PERMISSION_DENIED')
    await ok(api.party.cancelNeed({ needId: id, reason: '已由物业处理' }, 'staff1'))
    await fails(api.party.claimNeed({ needId: id }, 'mA'), 'CONFLICT', '该需求当前不可认领')
    await fails(api.party.cancelNeed({ needId: id, reason: '再取消' }, 'staff1'), 'CONFLICT')
  })

  test('the list: public shows masked claimant names and no reasons or phones; mine lists my claims', async () => {
    const a = await postedNeed({ title: '第一个需求' })
    const b = await postedNeed({ title: '第二个需求' })
    await postedNeed({ title: '柳岸的需求', communityId: 'cm02' }).catch(() => undefined)
    await ok(api.party.claimNeed({ needId: a }, 'mA'))
    await ok(api.party.claimNeed({ needId: b, unitId: 'u01' }, 'admin1'))
    const publicList = await ok(api.party.listNeeds({ communityId: 'cm01' }, 'res1'))
    expect(publicList.items).toHaveLength(2)
    const mine = publicList.items.find((n) => n.id === a)
    expect(mine?.claimant?.displayName).toBe('党**')
    expect(mine?.claimant?.badge?.displayName).toBe('党**')
    expect(mine?.can).toEqual({ claim: false, release: false, complete: false, confirm: false, cancel: false })
    expectNoFullPhone(publicList)
    const myNeeds = await ok(api.party.listNeeds({ mine: true }, 'mA'))
    expect(myNeeds.items.map((n) => n.id)).toEqual([a])
    const unitNeeds = await ok(api.party.listNeeds({ mine: true }, 'admin1'))
    expect(unitNeeds.items.map((n) => n.id)).toEqual([b])
    // With no community named, a member sees their own community's needs.
    expect((await ok(api.party.listNeeds({}, 'mB'))).items).toHaveLength(2)
    const forClaimer = await ok(api.party.listNeeds({ communityId: 'cm01', status: 'open' }, 'mB'))
    expect(forClaimer.items).toHaveLength(0)
    // One need in detail: the holder sees their own name and buttons, others do not.
    expect(await ok(api.party.need({ needId: a }, 'mA'))).toMatchObject({
      claimedByMe: true,
      can: { complete: true },
      claimant: { displayName: '党员mA' }
    })
    expect(await ok(api.party.need({ needId: a }, 'res1'))).toMatchObject({
      claimedByMe: false,
      can: { complete: false },
      claimant: { displayName: '党**' }
    })
    await fails(api.party.need({ needId: 'nd-none' }, 'res1'), 'NOT_FOUND')
  })
})

// --- assessment, rating, report ---------------------------------------------------------------------

/** Entries as the wish and volunteer pillars write them. */
function otherPillarsCredit(openid: string, communityId: string, wishes: number, hours: number[]) {
  const at = new Date()
  const base = { openid, communityId, period: YEAR, half: HALF, at }
  store().insert('assessmentEntries', [
    ...Array.from({ length: wishes }, (_, i) => ({
      ...base,
      _id: `wish_w${openid}${i}`,
      source: 'wish',
      sourceId: `w${openid}${i}`,
      points: 5,
      hours: 0,
      reason: '完成微心愿'
    })),
    ...hours.map((h, i) => ({
      ...base,
      _id: `hours_e${openid}${i}`,
      source: 'hours',
      sourceId: `e${openid}${i}`,
      points: h,
      hours: h,
      reason: '志愿服务'
    })),
    {
      ...base,
      _id: `wish_old${openid}`,
      period: String(Number(YEAR) - 1),
      source: 'wish',
      sourceId: `old${openid}`,
      points: 5,
      hours: 0,
      reason: '去年的心愿'
    }
  ])
}

describe('assessment', () => {
  test('a member sees every point with its reason, summed by the database, with the rules and their rating', async () => {
    otherPillarsCredit('mA', 'cm01', 3, [20, 12.5])
    const a = await ok(api.party.assessment({ limit: 3 }, 'mA'))
    expect(a).toMatchObject({
      period: YEAR,
      registrationId: 'pm-mA',
      rules: { passMark: 60, yearlyHours: 50 },
      rating: null,
      renewal: { half: HALF, renewed: true },
      maxRating: 'excellent'
    })
    expect(a.totals).toEqual({ points: 47.5, hours: 32.5, wishes: 3, needs: 0, registrationPoints: 0, passed: false, hoursMet: false })
    expect(a.entries.items).toHaveLength(3)
    const next = await ok(api.party.assessment({ limit: 3, cursor: present(a.entries.nextCursor, 'a next page') }, 'mA'))
    expect(next.entries.items).toHaveLength(2)
    expect(next.entries.nextCursor).toBeNull()
    const last = await ok(api.party.assessment({ period: String(Number(YEAR) - 1) }, 'mA'))
    expect(last.totals.wishes).toBe(1)
  })

  test('staff see a member of their community; others are refused; no registration is not found', async () => {
    expect((await ok(api.party.assessment({ registrationId: 'pm-mA' }, 'staff1'))).name).toBe('党员mA')
    await fails(api.party.assessment({ registrationId: 'pm-mA' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.party.assessment({ registrationId: 'pm-mA' }, 'mB'), 'PERMISSION_DENIED')
    await fails(api.party.assessment({}, 'res1'), 'NOT_FOUND', '您还没有报到记录')
    await fails(api.party.assessment({ period: '26' }, 'mA'), 'INVALID_ARGUMENT', '考评年度格式不正确')
  })

  test('rating: not renewed this half-year → at most 合格; renewed → 优秀; re-rating is recorded', async () => {
    const before = snapshot()
    await fails(
      api.party.rate({ registrationId: 'pm-mB', period: YEAR, rating: 'excellent' }, 'staff1'),
      'FAILED_PRECONDITION',
      '最高只能评定为合格'
    )
    await fails(
      api.party.rate({ registrationId: 'pm-mA', period: String(Number(YEAR) + 1), rating: 'qualified' }, 'staff1'),
      'FAILED_PRECONDITION',
      '考评年度尚未开始'
    )
    await fails(
      api.party.rate({ registrationId: 'pm-pend1', period: YEAR, rating: 'qualified' }, 'staff1'),
      'FAILED_PRECONDITION',
      '只能评定已通过报到的党员'
    )
    await fails(api.party.rate({ registrationId: 'pm-mA', period: YEAR, rating: 'excellent' }, 'staff2'), 'PERMISSION_DENIED')
    for (const who of ['mA', 'admin1', 'res1'])
      await fails(api.party.rate({ registrationId: 'pm-mA', period: YEAR, rating: 'excellent' }, who), 'PERMISSION_DENIED')
    // An unknown rating is outside the contract's type on purpose.
    await fails(
      api.callRaw('party', 'rate', { registrationId: 'pm-mA', period: YEAR, rating: 'great' }, 'staff1'),
      'INVALID_ARGUMENT',
      '请选择评定等次'
    )
    expect(snapshot()).toBe(before)

    expect(await ok(api.party.rate({ registrationId: 'pm-mB', period: YEAR, rating: 'qualified' }, 'staff1'))).toMatchObject({
      rating: 'qualified',
      label: '合格'
    })
    await ok(api.party.rate({ registrationId: 'pm-mA', period: YEAR, rating: 'qualified' }, 'staff1'))
    const excellent = await ok(
      api.party.rate({ registrationId: 'pm-mA', period: YEAR, rating: 'excellent', comment: '表现突出' }, 'staff1')
    )
    expect(excellent).toMatchObject({ rating: 'excellent', label: '优秀', comment: '表现突出' })
    const stored = doc('assessmentRatings', `mA_${YEAR}`)
    expect(stored.history.map((h: Doc) => [h.from, h.to])).toEqual([
      [null, 'qualified'],
      ['qualified', 'excellent']
    ])
    expect((await ok(api.party.assessment({}, 'mA'))).rating).toMatchObject({ rating: 'excellent' })
    // After renewing, mB can be rated 优秀 too.
    await ok(api.party.renew({}, 'mB'))
    await ok(api.party.rate({ registrationId: 'pm-mB', period: YEAR, rating: 'excellent' }, 'staff1'))
  })

  test('unit report: only the unit’s members, their hours, wishes, needs, points and rating, phones masked; CSV with BOM', async () => {
    otherPillarsCredit('mA', 'cm01', 2, [30, 25])
    otherPillarsCredit('mC', 'cm02', 1, [5])
    const id = await postedNeed()
    await ok(api.party.claimNeed({ needId: id }, 'mA'))
    await ok(api.party.completeNeed({ needId: id, note: '完成' }, 'mA'))
    await ok(api.party.confirmNeed({ needId: id }, 'staff1'))
    await ok(api.party.rate({ registrationId: 'pm-mA', period: YEAR, rating: 'excellent' }, 'staff1'))

    const report = await ok(api.party.unitReport({ unitId: 'u01', period: YEAR }, 'admin1'))
    expect(report.scope).toEqual({ kind: 'unit', id: 'u01', name: 'u01单位' })
    expect(report.rows.map((r) => r.registrationId).sort()).toEqual(['pm-mA', 'pm-mB'])
    const a = report.rows.find((r) => r.registrationId === 'pm-mA')
    expect(a).toMatchObject({
      hours: 55,
      wishes: 2,
      needs: 1,
      points: 73,
      passed: true,
      rating: 'excellent',
      ratingLabel: '优秀',
      renewedThisHalf: true
    })
    const b = report.rows.find((r) => r.registrationId === 'pm-mB')
    expect(b).toMatchObject({ points: 0, rating: null, ratingLabel: '未评定', renewedThisHalf: false, maxRating: 'qualified' })
    expectNoFullPhone(report)

    const csv = await ok(api.party.reportCsv({ unitId: 'u01', period: YEAR }, 'admin1'))
    expect(csv).toMatchObject({ rows: 2, filename: `u01单位-${YEAR}年度党员双重考评.csv` })
    expect(csv.csv.charCodeAt(0)).toBe(0xfeff)
    const parsed = Papa.parse<string[]>(csv.csv.slice(1), { skipEmptyLines: true }).data
    expect(parsed).toHaveLength(3)
    expect(parsed[0][0]).toBe('姓名')
    expectNoFullPhone(csv)

    // Staff of the community see the full numbers; everyone else is refused.
    const forStaff = await ok(api.party.unitReport({ unitId: 'u01', period: YEAR }, 'staff1'))
    expect(fullPhonesIn(forStaff).sort()).toEqual([phoneOf('mA'), phoneOf('mB')].sort())
    await fails(api.party.unitReport({ unitId: 'u02', period: YEAR }, 'admin1'), 'PERMISSION_DENIED')
    await fails(api.party.unitReport({ unitId: 'u01', period: YEAR }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.party.unitReport({ unitId: 'u01', period: YEAR }, 'mA'), 'PERMISSION_DENIED')
    await fails(api.party.reportCsv({ unitId: 'u02', period: YEAR }, 'admin1'), 'PERMISSION_DENIED')
    await fails(api.party.reportCsv({ period: YEAR }, 'admin1'), 'INVALID_ARGUMENT', '请选择单位或社区')
  })

  test('community report for staff, paged over every approved member; CSV of all of them', async () => {
    const first = await ok(api.party.communityReport({ communityId: 'cm01', period: YEAR, limit: 30 }, 'staff1'))
    expect(first.rows).toHaveLength(30)
    const second = await ok(
      api.party.communityReport(
        { communityId: 'cm01', period: YEAR, limit: 30, cursor: present(first.nextCursor, 'a next page') },
        'staff1'
      )
    )
    expect(second.rows).toHaveLength(22)
    expect(second.nextCursor).toBeNull()
    const csv = await ok(api.party.reportCsv({ communityId: 'cm01', period: YEAR }, 'staff1'))
    expect(csv.rows).toBe(52)
    await fails(api.party.communityReport({ communityId: 'cm01', period: YEAR }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.party.communityReport({ communityId: 'cm01', period: YEAR }, 'admin1'), 'PERMISSION_DENIED')
    await fails(api.party.reportCsv({ communityId: 'cm01', period: YEAR }, 'admin1'), 'PERMISSION_DENIED')
  })
})

describe('member card (亮身份、亮承诺)', () => {
  test('the member sees their card; their community’s staff and unit admins see it by member id; no card before approval', async () => {
    expect(await ok(api.party.memberCard({}, 'mA'))).toMatchObject({
      isSelf: true,
      displayName: '党员mA',
      branch: '江城日报社党支部',
      pledge: '为邻里办实事',
      gridName: '第一网格',
      renewedThisHalf: true
    })
    expect((await ok(api.party.memberCard({ memberId: 'pm-mA' }, 'mA'))).isSelf).toBe(true)
    const seen = await ok(api.party.memberCard({ memberId: 'pm-mA' }, 'admin1'))
    expect(seen).toMatchObject({ memberId: 'pm-mA', isSelf: false, displayName: '党**' })
    expectNoFullPhone(seen)
    expect((await ok(api.party.memberCard({ memberId: 'pm-mA' }, 'staff1'))).displayName).toBe('党员mA')
    await fails(api.party.memberCard({}, 'pend1'), 'NOT_FOUND', '您的报到尚未通过审核')
    await fails(api.party.memberCard({ memberId: 'pm-rej1' }, 'staff1'), 'NOT_FOUND')
  })

  test('anyone else gets the same NOT_FOUND as for a member id that does not exist', async () => {
    const none = await fails(api.party.memberCard({ memberId: 'pm-nobody' }, 'res1'), 'NOT_FOUND')
    for (const who of ['res1', 'mB', 'staff2', 'street1']) {
      expect(await fails(api.party.memberCard({ memberId: 'pm-mA' }, who), 'NOT_FOUND')).toEqual(none)
    }
  })
})

describe('privacy: phone numbers masked everywhere except to the member and their community’s staff', () => {
  test('every answer to a non-staff, non-owner viewer carries no full phone number', async () => {
    const id = await postedNeed()
    await ok(api.party.claimNeed({ needId: id }, 'mA'))
    const answers = await Promise.all([
      api.party.listNeeds({ communityId: 'cm01' }, 'res1'),
      api.party.listNeeds({ communityId: 'cm01' }, 'admin1'),
      api.party.listNeeds({ communityId: 'cm01' }, 'mB'),
      api.party.claimNeed({ needId: id }, 'mB'),
      api.party.memberCard({ memberId: 'pm-mA' }, 'admin1'),
      api.party.listUnits({ communityId: 'cm01' }, 'res1'),
      api.party.unitMembers({ unitId: 'u01' }, 'admin1'),
      api.party.unitReport({ unitId: 'u01', period: YEAR }, 'admin1'),
      api.party.reportCsv({ unitId: 'u01', period: YEAR }, 'admin1'),
      api.party.listProjects({ communityId: 'cm01' }, 'res1'),
      api.party.myUnit({}, 'res1'),
      api.party.myRegistration({}, 'res1'),
      api.party.assessment({}, 'mB'),
      api.party.need({ needId: id }, 'res1'),
      api.party.need({ needId: id }, 'admin1')
    ])
    for (const a of answers) expectNoFullPhone(a)
  })

  test('the member sees their own number; staff of their community see it; staff elsewhere get nothing', async () => {
    expect(fullPhonesIn(await api.party.myRegistration({}, 'mA'))).toEqual([phoneOf('mA')])
    expect(fullPhonesIn(await api.party.listRegistrations({ communityId: 'cm01', status: 'pending' }, 'staff1'))).toEqual([
      phoneOf('pend1')
    ])
    expectNoFullPhone(await api.party.listRegistrations({ communityId: 'cm01' }, 'staff2'))
    // A unit's contact: full for its admin and its community's staff only.
    expect(fullPhonesIn(await api.party.myUnit({}, 'admin1'))).toEqual([phoneOf('admin1')])
  })

  test('deleting an account (user.deleteAccount with the ERASE_RULES rows) removes the name, phone and pledge and ends the registration', async () => {
    expect(ERASE_RULES.map((r) => r.collection)).toEqual(
      expect.arrayContaining(['partyMembers', 'partyMemberships', 'partyUnits', 'partyNeeds'])
    )
    const id = await postedNeed()
    await ok(api.party.claimNeed({ needId: id }, 'mA'))
    // A need the member still holds is given up first: deleting an account never strands a claim.
    await fails(api.user.deleteAccount({ confirm: '注销' }, 'mA'), 'FAILED_PRECONDITION', /认领中的社区需求/)
    await ok(api.party.releaseNeed({ needId: id, reason: '要注销账号了' }, 'mA'))
    await ok(api.user.deleteAccount({ confirm: '注销' }, 'mA'))
    expect(doc('partyMembers', 'pm-mA')).toMatchObject({ name: '已注销用户', phone: '', pledge: '', status: 'ended' })
    expect(doc('partyMemberships', 'mA')).toMatchObject({ status: 'ended' })
    expect(JSON.stringify(doc('partyNeeds', id))).not.toContain(phoneOf('mA'))
    expect(doc('partyUnits', 'u01').contactPhone).toBe(phoneOf('admin1'))
    await fails(api.party.memberCard({ memberId: 'pm-mA' }, 'staff1'), 'NOT_FOUND')
    const list = await ok(api.party.listRegistrations({ communityId: 'cm01', status: 'ended' }, 'staff1'))
    expect(list.items.map((r) => (r.kind === 'member' ? [r.name, r.phone] : r))).toEqual([['已注销用户', '']])
  })
})
