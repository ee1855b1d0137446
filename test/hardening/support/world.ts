// Fixture builders for the hardening tests: documents shaped as the functions store them (users with role
// grants, volunteer profiles, approved party memberships, communities, merchants, points funded through a
// consistent ledger entry) and `castWorld`, a small district with a cast of callers by kind.
// Every builder is pure; `castWorld` writes through any store with `insert` (cloud.store, a child's store).
import { ledgerId } from '../../../cloudfunctions/_shared/domain/ledgerRules'
import { DEFAULT_DEPARTMENTS, defaultCategories, departmentIdFor } from '../../../cloudfunctions/report/src/domain/categories'
import type { SeedStore } from '../../../demo/store'

export const AT = new Date('2026-01-05T00:00:00Z')
export const VENUE = { lat: 31.335, lng: 118.375 }

export const point = (lat: number, lng: number) => ({ type: 'Point', coordinates: [lng, lat] })

export const SETTINGS = {
  wishValueCap: 200,
  claimLimit: 3,
  claimDays: 7,
  openWishesToVolunteers: false,
  handoverPoint: '社区党群服务中心一楼服务台',
  assessment: { registrationPoints: 10, wishPoints: 5, needPoints: 5, pointsPerHour: 1, yearlyHours: 50, passMark: 60 }
}

export type Grant = { role: string; communityId?: string; merchantId?: string; unitId?: string; streetId?: string }

export const grants = {
  staff: (communityId = 'cm01'): Grant => ({ role: 'staff', communityId }),
  volunteer: (communityId = 'cm01'): Grant => ({ role: 'volunteer', communityId }),
  member: (communityId = 'cm01'): Grant => ({ role: 'member', communityId }),
  merchant: (merchantId: string, communityId = 'cm01'): Grant => ({ role: 'merchant', merchantId, communityId }),
  unitAdmin: (unitId: string, communityId = 'cm01'): Grant => ({ role: 'unitAdmin', unitId, communityId }),
  streetAdmin: (streetId = 'st01'): Grant => ({ role: 'streetAdmin', streetId })
}

export function streetDoc(id = 'st01') {
  return { _id: id, name: '青枫街道', district: '镜湖区', city: '江城市' }
}

export function communityDoc(id: string, name: string, center = VENUE, settings: Record<string, unknown> = {}) {
  return {
    _id: id,
    name,
    streetId: 'st01',
    center: point(center.lat, center.lng),
    address: `${name}服务中心`,
    phone: '0553-2123456',
    settings: { ...SETTINGS, ...settings }
  }
}

export function compoundDoc(id: string, communityId: string, at = VENUE) {
  return { _id: id, name: `${id}小区`, communityId, streetId: 'st01', location: point(at.lat, at.lng), households: 300 }
}

export function userDoc(
  openid: string,
  name: string,
  roles: Grant[],
  opts: { communityId?: string; compoundId?: string | null; phone?: string | null } = {}
) {
  return {
    _id: openid,
    nickName: name,
    realName: name,
    phone: opts.phone === undefined ? null : opts.phone,
    communityId: opts.communityId ?? 'cm01',
    compoundId: opts.compoundId === undefined ? 'cp01' : opts.compoundId,
    roles,
    elderMode: false,
    consent: null,
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null
  }
}

export function volunteerDoc(
  openid: string,
  name: string,
  no: number,
  opts: { communityId?: string; phone?: string; boardOptIn?: boolean; status?: 'pending' | 'approved' } = {}
) {
  const status = opts.status ?? 'approved'
  return {
    _id: openid,
    volunteerNo: `ZY26${String(no).padStart(6, '0')}`,
    realName: name,
    phone: opts.phone ?? `139${String(no).padStart(8, '0')}`,
    communityId: opts.communityId ?? 'cm01',
    skills: [],
    idCardMasked: null,
    idCardHash: null,
    boardOptIn: opts.boardOptIn ?? false,
    consentAt: AT,
    // Vetted by staff of the community unless asked for a pending registration.
    status,
    reviews: status === 'approved' ? [{ at: AT, by: 'staff', from: 'pending', to: 'approved', reason: null }] : [],
    halfHours: 0,
    activityCount: 0,
    lastEnrollmentId: null,
    firstServiceAt: null,
    lastServiceAt: null,
    createdAt: AT,
    updatedAt: AT
  }
}

/** The approved membership that lets a party member claim wishes of `communityId`. */
export function membershipDoc(openid: string, communityId = 'cm01') {
  return {
    _id: openid,
    registrationId: `pm-${openid}`,
    communityId,
    status: 'approved',
    branch: '江城市税务局机关党支部',
    pledge: '为邻里办实事',
    unitId: null,
    gridId: null,
    renewedHalves: [],
    approvedAt: AT
  }
}

export function merchantDoc(id: string, ownerId: string, communityId = 'cm01') {
  return {
    _id: id,
    name: '惠民便利店',
    kind: 'shop',
    communityId,
    ownerId,
    contactName: '刘芳',
    contactPhone: '13700002222',
    address: '青枫路8号',
    description: '便民小店',
    status: 'approved',
    reason: null,
    appliedAt: AT,
    reviewedAt: AT,
    reviewedBy: null,
    updatedAt: AT
  }
}

/** An opening balance written as the ledger writes it: the account and its one credit entry. */
export function fundingDocs(openid: string, amount: number, communityId = 'cm01') {
  return {
    entry: {
      _id: ledgerId.credit(`seed_${openid}`),
      openid,
      communityId,
      kind: 'credit',
      amount,
      balanceAfter: amount,
      reason: '志愿服务',
      sourceId: `seed_${openid}`,
      by: null,
      at: AT
    },
    account: { _id: openid, communityId, balance: amount, earned: amount, spent: 0, createdAt: AT, updatedAt: AT }
  }
}

export interface Cast {
  staff: string[]
  /** Approved party members of cm01 (also volunteers): they claim wishes. */
  members: string[]
  volunteers: string[]
  /** Residents who post wishes for themselves. */
  residents: string[]
  merchant: string
  merchantId: string
  /** Everyone who holds the volunteer role (members and volunteers), with points to spend. */
  spenders: string[]
  /** The grid worker of cm01's first grid (grid reports). */
  gridWorkers: string[]
}

export interface CastOptions {
  members?: number
  volunteers?: number
  residents?: number
  staff?: number
  /** Opening points of each spender. */
  funding?: (i: number) => number
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = ['建国', '秀英', '桂兰', '志强', '丽娟', '海燕', '国华', '玉梅', '文军', '春梅', '德明', '红霞']
export const personName = (i: number) => SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length + i) % GIVEN.length]
export const personPhone = (i: number) => `135${String(10_000_000 + i * 7919).slice(-8)}`

/** A street with two communities and a cast of callers in cm01; answers who is who. */
export function castWorld(store: Pick<SeedStore, 'insert'>, opts: CastOptions = {}): Cast {
  const n = { members: opts.members ?? 10, volunteers: opts.volunteers ?? 20, residents: opts.residents ?? 6, staff: opts.staff ?? 2 }
  const funding = opts.funding ?? (() => 60)
  const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`)
  const cast: Cast = {
    staff: ids('staff', n.staff),
    members: ids('member', n.members),
    volunteers: ids('vol', n.volunteers),
    residents: ids('res', n.residents),
    merchant: 'shop01',
    merchantId: 'm01',
    spenders: [],
    gridWorkers: ['grid01']
  }
  cast.spenders = [...cast.members, ...cast.volunteers]

  store.insert('streets', [streetDoc()])
  store.insert('communities', [communityDoc('cm01', '青枫社区'), communityDoc('cm02', '柳岸社区', { lat: 31.34, lng: 118.385 })])
  store.insert('compounds', [compoundDoc('cp01', 'cm01', { lat: 31.336, lng: 118.376 })])

  const names = new Map<string, string>()
  const users: object[] = []
  const person = (id: string, roles: Grant[]) => {
    const i = names.size
    names.set(id, personName(i))
    users.push(userDoc(id, personName(i), roles, { phone: personPhone(i) }))
  }
  for (const id of cast.staff) person(id, [grants.staff()])
  for (const id of cast.residents) person(id, [])
  for (const id of cast.members) person(id, [grants.member(), grants.volunteer()])
  for (const id of cast.volunteers) person(id, [grants.volunteer()])
  person(cast.merchant, [grants.merchant(cast.merchantId)])
  for (const id of cast.gridWorkers)
    person(id, [{ role: 'gridWorker', communityId: 'cm01', streetId: 'st01', gridIds: ['cm01-g1'] } as Grant])
  store.insert('users', users)
  reportPlaces(store)

  store.insert(
    'partyMemberships',
    cast.members.map((id) => membershipDoc(id))
  )
  store.insert(
    'volunteers',
    cast.spenders.map((id, k) => volunteerDoc(id, names.get(id) as string, k + 1))
  )
  store.insert('sequences', [{ _id: 'volunteerNo', value: 1000 }])
  store.insert('merchants', [merchantDoc(cast.merchantId, cast.merchant)])
  const funded = cast.spenders.map((id, k) => fundingDocs(id, funding(k))).filter((f) => f.entry.amount > 0)
  if (funded.length) {
    store.insert(
      'pointsLedger',
      funded.map((f) => f.entry)
    )
    store.insert(
      'pointsAccounts',
      funded.map((f) => f.account)
    )
  }
  return cast
}

/** Grid reports: cm01 in two grids (polygons around the venue), cm02 in one, the street's departments, the default categories. */
export function reportPlaces(store: Pick<SeedStore, 'insert'>): void {
  const square = (lat0: number, lng0: number, lat1: number, lng1: number) => [
    [lng0, lat0],
    [lng1, lat0],
    [lng1, lat1],
    [lng0, lat1]
  ]
  store.insert('grids', [
    {
      _id: 'cm01-g1',
      communityId: 'cm01',
      streetId: 'st01',
      name: '第一网格',
      polygon: square(31.333, 118.372, 31.339, 118.379),
      compoundIds: ['cp01']
    },
    {
      _id: 'cm01-g2',
      communityId: 'cm01',
      streetId: 'st01',
      name: '第二网格',
      polygon: square(31.333, 118.379, 31.339, 118.384),
      compoundIds: []
    },
    {
      _id: 'cm02-g1',
      communityId: 'cm02',
      streetId: 'st01',
      name: '第一网格',
      polygon: square(31.339, 118.384, 31.345, 118.39),
      compoundIds: []
    }
  ])
  store.insert(
    'departments',
    DEFAULT_DEPARTMENTS.map((d) => ({ _id: departmentIdFor('st01', d.kind), streetId: 'st01', kind: d.kind, name: d.name, phone: null }))
  )
  store.insert('reportCategories', defaultCategories())
}
