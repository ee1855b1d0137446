import { NEED_STATUSES } from '../types'
import { canApply, type MachineSpec } from '../cloudfunctions/party/src/domain/machine'
import { NEED_MACHINE } from '../cloudfunctions/party/src/domain/needs'
import { MEMBER_MACHINE, UNIT_MACHINE } from '../cloudfunctions/party/src/domain/registration'
import { ratingAllowed, maxRating } from '../cloudfunctions/_shared/domain/assessment'
import { seedDemo } from './index'
import { memoryStore } from './memoryStore'

type Doc = Record<string, any>
const must = <T>(x: T | undefined): T => {
  expect(x).toBeDefined()
  return x as T
}

const now = new Date('2026-11-22T08:00:00Z')
let data: Record<string, Doc[]>
beforeAll(async () => {
  const m = memoryStore()
  await seedDemo(m.store, now)
  data = m.data
})

/** Each history replays through the machine from nothing to the stored status. */
function replays(doc: Doc, spec: MachineSpec<string, string>) {
  let status: string | null = null
  for (const h of doc.history) {
    expect(h.from).toBe(status)
    expect(canApply(spec, status, h.event)).toBe(true)
    status = h.to
  }
  expect(status).toBe(doc.status)
}

test('units: u01–u04 approved, u05 under review with no admin grant yet; every unit has resources', () => {
  const byId = new Map(data.partyUnits.map((u) => [u._id, u]))
  expect([...byId.keys()]).toEqual(['u01', 'u02', 'u03', 'u04', 'u05'])
  expect(byId.get('u01')).toMatchObject({ adminId: 'demo-unit', communityId: 'cm01', status: 'approved' })
  expect(byId.get('u05')?.status).toBe('pending')
  for (const u of data.partyUnits) {
    replays(u, UNIT_MACHINE)
    expect(u.resources.length).toBeGreaterThan(0)
    const admin = must(data.users.find((p) => p._id === u.adminId))
    expect(admin.roles.some((g: Doc) => g.role === 'unitAdmin' && g.unitId === u._id)).toBe(u.status === 'approved')
  }
  expect(data.partyProjects.length).toBeGreaterThanOrEqual(3)
})

test('every seeded member has an approved registration and membership; demo-member is in u01 of cm01', () => {
  const members = data.users.filter((u) => u.roles.some((g: Doc) => g.role === 'member'))
  for (const user of members) {
    const membership = must(data.partyMemberships.find((m) => m._id === user._id))
    expect(membership).toMatchObject({ status: 'approved', communityId: user.communityId })
    const reg = must(data.partyMembers.find((r) => r._id === membership.registrationId))
    expect(reg).toMatchObject({ openid: user._id, status: 'approved', renewedHalves: membership.renewedHalves })
    expect(data.assessmentEntries.some((e) => e._id.startsWith(`registration_${reg._id}-`))).toBe(true)
  }
  const demo = data.partyMemberships.find((m) => m._id === 'demo-member')
  expect(demo).toMatchObject({ status: 'approved', communityId: 'cm01', unitId: 'u01' })
  for (const r of data.partyMembers) replays(r, MEMBER_MACHINE)
  // One registration and one membership per person.
  const openids = data.partyMembers.map((r) => r.openid)
  expect(new Set(openids).size).toBe(openids.length)
  expect(data.partyMemberships).toHaveLength(openids.length)
  const statuses = new Set(data.partyMembers.map((r) => r.status))
  expect(statuses).toEqual(new Set(['approved', 'pending', 'rejected']))
  // Applicants hold no member grant.
  for (const r of data.partyMembers.filter((x) => x.status !== 'approved')) {
    expect(must(data.users.find((u) => u._id === r.openid)).roles.some((g: Doc) => g.role === 'member')).toBe(false)
  }
})

test('needs in every status, claims consistent, confirmed member needs credited', () => {
  expect(new Set(data.partyNeeds.map((n) => n.status))).toEqual(new Set(NEED_STATUSES))
  for (const n of data.partyNeeds) {
    replays(n, NEED_MACHINE)
    const held = ['claimed', 'completed', 'confirmed'].includes(n.status)
    expect(Boolean(n.claimant)).toBe(held)
    expect(n.claimerId).toBe(held ? n.claimant.by : null)
    if (n.status === 'confirmed' && n.claimant.kind === 'member') {
      expect(data.assessmentEntries.find((e) => e._id === `need_${n._id}`)).toMatchObject({ openid: n.claimant.id })
    }
  }
  const ids = data.assessmentEntries.map((e) => e._id)
  expect(new Set(ids).size).toBe(ids.length)
})

test('last year’s ratings respect the renewal rule', () => {
  expect(data.assessmentRatings.length).toBeGreaterThan(3)
  for (const r of data.assessmentRatings) {
    const reg = must(data.partyMembers.find((x) => x._id === r.registrationId))
    expect(ratingAllowed(r.rating, maxRating(reg.renewedHalves, r.period, now))).toBe(true)
  }
})
