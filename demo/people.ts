// The people of the demo district: one demo user per role for the demo login page, and a crowd of
// residents, volunteers, party members, merchants, unit admins and staff behind them.
import type { RoleGrant } from '../types'
import type { UserDoc } from '../cloudfunctions/_shared/docs'
import type { District } from './district'
import type { DemoUserDoc } from './users'
import { mobile, personName } from './names'
import type { Random } from './random'

export interface SeedPerson {
  user: UserDoc
  /** Demo accounts only: their entry on the demo login page. */
  demo?: DemoUserDoc
  /** What the pillar seeds build for this person. */
  is: { volunteer?: boolean; member?: boolean; merchant?: string; unitAdmin?: string; staff?: string; streetAdmin?: boolean }
}

/** Work units (机关、企事业单位) whose party organisations register with the communities. */
export const UNITS = [
  { id: 'u01', name: '江城市税务局镜湖分局', org: '江城市税务局镜湖分局机关党支部', communityId: 'cm01' },
  { id: 'u02', name: '江城市第一人民医院', org: '江城市第一人民医院内科党支部', communityId: 'cm02' },
  { id: 'u03', name: '江城供电公司', org: '江城供电公司营销党支部', communityId: 'cm03' },
  { id: 'u04', name: '江城市实验中学', org: '江城市实验中学教工党支部', communityId: 'cm01' },
  { id: 'u05', name: '江城银行青枫支行', org: '江城银行青枫支行党支部', communityId: 'cm04' }
]

/** Shops and skilled individuals (达人) in the points supermarket. */
export const MERCHANTS = [
  { id: 'm01', name: '惠民便利店', kind: 'shop' as const, communityId: 'cm01' },
  { id: 'm02', name: '好邻居生鲜超市', kind: 'shop' as const, communityId: 'cm01' },
  { id: 'm03', name: '老周理发', kind: 'talent' as const, communityId: 'cm02' },
  { id: 'm04', name: '青枫书屋', kind: 'shop' as const, communityId: 'cm03' },
  { id: 'm05', name: '陈老师书法辅导', kind: 'talent' as const, communityId: 'cm01' },
  { id: 'm06', name: '柳岸家电维修', kind: 'talent' as const, communityId: 'cm02' }
]

interface DemoSpec {
  openid: string
  /** The role title and a note shown on the demo login page (the name comes from the user document). */
  title: string
  note?: string
  name: string
  is: SeedPerson['is']
  grants: RoleGrant[]
}

const HOME = 'cm01'
const DEMO: DemoSpec[] = [
  { openid: 'demo-resident', title: '居民', note: '72岁，青枫社区', name: '王秀英', is: {}, grants: [] },
  {
    openid: 'demo-volunteer',
    title: '志愿者',
    name: '李志强',
    is: { volunteer: true },
    grants: [{ role: 'volunteer', communityId: HOME }]
  },
  {
    openid: 'demo-member',
    title: '在职党员',
    note: '税务局',
    name: '陈建国',
    is: { member: true, volunteer: true },
    grants: [
      { role: 'member', communityId: HOME },
      { role: 'volunteer', communityId: HOME }
    ]
  },
  {
    openid: 'demo-merchant',
    title: '商家',
    note: '惠民便利店',
    name: '刘芳',
    is: { merchant: 'm01' },
    grants: [{ role: 'merchant', merchantId: 'm01', communityId: HOME }]
  },
  {
    openid: 'demo-unit',
    title: '单位管理员',
    note: '税务局机关党支部',
    name: '赵磊',
    is: { unitAdmin: 'u01' },
    grants: [{ role: 'unitAdmin', unitId: 'u01' }]
  },
  {
    openid: 'demo-staff',
    title: '社区工作者',
    note: '青枫社区',
    name: '孙丽',
    is: { staff: HOME },
    grants: [{ role: 'staff', communityId: HOME }]
  },
  {
    openid: 'demo-street',
    title: '街道管理员',
    note: '青枫街道',
    name: '周明',
    is: { streetAdmin: true },
    grants: [{ role: 'streetAdmin', streetId: 'st01' }]
  }
]

export function buildPeople(r: Random, district: District, now: Date): SeedPerson[] {
  const people: SeedPerson[] = []
  const compoundsOf = (communityId: string) => district.compounds.filter((c) => c.communityId === communityId)
  const make = (openid: string, name: string, communityId: string, grants: RoleGrant[], is: SeedPerson['is'], demo?: DemoUserDoc) => {
    const user: UserDoc = {
      _id: openid,
      nickName: name,
      avatar: null,
      realName: name,
      phone: mobile(r),
      communityId,
      compoundId: r.pick(compoundsOf(communityId))._id,
      roles: grants,
      elderMode: false,
      consent: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null
    }
    people.push({ user, is, ...(demo ? { demo } : {}) })
  }

  DEMO.forEach((d, order) =>
    make(d.openid, d.name, HOME, d.grants, d.is, { _id: d.openid, title: d.title, ...(d.note ? { note: d.note } : {}), order })
  )

  let n = 0
  const next = () => `seed-u${String(++n).padStart(3, '0')}`
  for (const community of district.communities) {
    const cid = community._id
    if (cid !== HOME) make(next(), personName(r), cid, [{ role: 'staff', communityId: cid }], { staff: cid })
    for (let k = 0; k < 4; k++) make(next(), personName(r), cid, [{ role: 'member', communityId: cid }], { member: true })
    for (let k = 0; k < 6; k++) make(next(), personName(r), cid, [{ role: 'volunteer', communityId: cid }], { volunteer: true })
    for (let k = 0; k < 4; k++) make(next(), personName(r), cid, [], {})
  }
  for (const m of MERCHANTS.slice(1))
    make(next(), personName(r), m.communityId, [{ role: 'merchant', merchantId: m.id, communityId: m.communityId }], { merchant: m.id })
  for (const u of UNITS.slice(1)) make(next(), personName(r), u.communityId, [{ role: 'unitAdmin', unitId: u.id }], { unitAdmin: u.id })
  return people
}

/** A stable number from a text (FNV-1a), for choices that must not draw from the seed's random source. */
const hashOf = (text: string) => [...text].reduce((h, c) => Math.imul(h ^ c.codePointAt(0)!, 16_777_619) >>> 0, 2_166_136_261)

const ADULT_APPELLATIONS = ['奶奶', '爷爷', '大爷', '阿姨'] as const

/**
 * How an adult who wishes is addressed and where they live, the same in every wish of theirs (one person,
 * one name, one home): from their openid, in their own compound. The demo resident is 王秀英, 72: 奶奶.
 */
export function selfOf(person: SeedPerson, compoundName: string): { appellation: (typeof ADULT_APPELLATIONS)[number]; address: string } {
  const h = hashOf(person.user._id)
  const appellation = person.user._id === 'demo-resident' ? '奶奶' : ADULT_APPELLATIONS[h % ADULT_APPELLATIONS.length]
  return { appellation, address: `${compoundName}${1 + (h % 20)}栋${1 + ((h >>> 5) % 6)}0${1 + ((h >>> 9) % 4)}室` }
}
