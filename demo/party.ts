// Pillar 4 demo data: units registered with their communities (u05 still under review) with resources
// and co-building projects; an approved registration for every seeded party member (demo-member in
// unit u01, 青枫社区), some pending and rejected registrations, needs in every status, assessment
// entries and a few ratings. Runs before the wish seeder, which reads the memberships.
import type { Rating, RoleGrant } from '../types'
import { SERVICE_INTENTIONS, type ResourceItem, type ServiceIntention } from '../types/schemas/party'
import { assessmentRules, type AssessmentEntryDoc, needEntry, registrationEntry } from '../cloudfunctions/_shared/domain/assessment'
import type { CommunityDoc, GridDoc } from '../cloudfunctions/_shared/docs'
import { assessmentPeriod, halfYear, periodRange } from '../cloudfunctions/_shared/domain/period'
import type { MemberRegistrationDoc, NeedClaimantDoc, NeedDoc, ProjectDoc, RatingDoc, UnitDoc } from '../cloudfunctions/party/src/docs'
import { applyEvent, type Actor, type MachineSpec, type Stateful } from '../cloudfunctions/party/src/domain/machine'
import { NEED_MACHINE, type NeedEvent } from '../cloudfunctions/party/src/domain/needs'
import {
  MEMBER_MACHINE,
  UNIT_MACHINE,
  membershipOf,
  type MemberEvent,
  type UnitEvent
} from '../cloudfunctions/party/src/domain/registration'
import type { PillarSeeder, SeedContext } from './index'
import { UNITS, type SeedPerson } from './people'
import type { Random } from './random'
import type { SeedStore } from './store'

const DAY = 86_400_000
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY)

const RESOURCES: Record<string, ResourceItem[]> = {
  u01: [
    { kind: 'venue', name: '分局三楼党员活动室', detail: '周末可借用，配投影', quantity: 40 },
    { kind: 'skill', name: '个税与社保政策咨询', detail: '每月第二个周六上午', quantity: 3 },
    { kind: 'volunteers', name: '青年志愿服务队', quantity: 15 }
  ],
  u02: [
    { kind: 'skill', name: '慢病随访与健康讲座', detail: '内科医生轮值', quantity: 4 },
    { kind: 'volunteers', name: '白衣志愿者', quantity: 10 },
    { kind: 'funds', name: '社区健康活动经费', quantity: 5000 }
  ],
  u03: [
    { kind: 'skill', name: '家庭用电安全检查', detail: '老旧小区线路排查', quantity: 6 },
    { kind: 'funds', name: '楼道照明改造资金', quantity: 20000 }
  ],
  u04: [
    { kind: 'venue', name: '学校操场（节假日开放）', quantity: 300 },
    { kind: 'skill', name: '课业辅导', detail: '“四点半课堂”', quantity: 8 },
    { kind: 'volunteers', name: '教师志愿者', quantity: 12 }
  ],
  u05: [{ kind: 'skill', name: '反诈与金融知识宣讲', quantity: 2 }]
}

const PROJECTS: Array<{ unitId: string; title: string; content: string; status: ProjectDoc['status']; startDays: number; months: number }> =
  [
    {
      unitId: 'u01',
      title: '税务知识进社区',
      content: '每季度一次个税、社保政策讲解和现场答疑',
      status: 'ongoing',
      startDays: 200,
      months: 12
    },
    {
      unitId: 'u01',
      title: '独居老人结对帮扶',
      content: '青年党员与独居老人结对，每月上门探望一次',
      status: 'planned',
      startDays: -20,
      months: 12
    },
    { unitId: 'u02', title: '健康义诊进社区', content: '每月一次血压血糖测量和用药指导', status: 'ongoing', startDays: 150, months: 12 },
    { unitId: 'u03', title: '老旧小区楼道照明改造', content: '更换楼道声控灯，排查私拉电线', status: 'done', startDays: 300, months: 3 },
    { unitId: 'u04', title: '四点半课堂', content: '放学后为双职工家庭孩子提供课业辅导', status: 'ongoing', startDays: 90, months: 10 }
  ]

const EMPLOYERS = [
  '江城市自然资源局',
  '江城日报社',
  '江城市第二中学',
  '江城自来水公司',
  '江城市人民检察院',
  '江城高新区管委会',
  '江城邮政分公司',
  '江城市妇幼保健院'
]
const SKILLS = ['法律咨询', '医疗护理', '电器维修', '书法', '摄影', '心理疏导', '财务会计', '计算机', '驾驶', '厨艺', '英语', '文艺演出']
const PLEDGES = [
  '亮明党员身份，每月至少参加一次社区志愿服务',
  '发挥专业所长，为邻里提供免费咨询',
  '结对帮扶一户困难老人，定期上门探望',
  '带头参与垃圾分类和楼道整治',
  '做好政策宣讲员，把好政策讲到群众心坎上',
  '随叫随到，做群众身边的贴心人'
]
const REJECT_REASONS = ['经核实，您的居住地不在本社区，请到居住地社区报到', '所填党支部信息有误，请核对后重新提交']

const NEEDS: Array<{ title: string; category: NeedDoc['category']; description: string; place: string }> = [
  {
    title: '三号楼楼道杂物清理',
    category: 'service',
    description: '楼道堆放纸箱和旧家具，存在消防隐患，需要人手清理搬运',
    place: '阳光小区3号楼'
  },
  { title: '独居老人助餐配送', category: 'service', description: '每天中午为5位独居老人从助餐点送餐上门', place: '社区食堂' },
  { title: '反诈宣传进楼栋', category: 'skill', description: '在楼栋口开展防范电信诈骗宣传，发放资料', place: '各小区楼栋口' },
  { title: '暑期儿童托管场地', category: 'venue', description: '暑期需要一间可容纳30名儿童的活动室', place: '社区周边' },
  { title: '老年人智能手机课堂', category: 'skill', description: '教老人使用健康码、视频通话和手机支付', place: '党群服务中心二楼' },
  { title: '防汛沙袋搬运', category: 'goods', description: '汛期前将200个沙袋搬运到低洼小区', place: '幸福家园' },
  { title: '文明养犬劝导', category: 'service', description: '早晚高峰在小区门口劝导文明养犬', place: '小区南门' },
  { title: '困难家庭过冬物资', category: 'goods', description: '为8户困难家庭筹集棉被和取暖器', place: '社区服务站' },
  { title: '社区义诊志愿者', category: 'skill', description: '周末义诊需要2名懂护理的志愿者协助', place: '党群服务中心一楼' },
  { title: '广场舞噪音调解', category: 'service', description: '协助调解广场舞音量纠纷，制定活动公约', place: '中心广场' }
]

interface Seeding {
  store: SeedStore
  r: Random
  now: Date
  staffOf: (communityId: string) => string
  rulesOf: (communityId: string) => ReturnType<typeof assessmentRules>
  entries: AssessmentEntryDoc[]
}

/** Applies events to a document, recording each, as the functions do. */
function play<S extends string, E extends string>(
  spec: MachineSpec<S, E>,
  doc: Stateful<S>,
  steps: Array<[E, Actor, Date, string?]>
): Stateful<S> {
  return steps.reduce((d, [event, actor, at, why]) => applyEvent(spec, d, event, actor, at, why ?? null), doc)
}

function seedUnits(s: Seeding, people: SeedPerson[]): UnitDoc[] {
  const units = UNITS.map((u, i): UnitDoc => {
    const admin = people.find((p) => p.is.unitAdmin === u.id)?.user
    const createdAt = daysBefore(s.now, 400 - i * 40)
    const pending = u.id === 'u05'
    const approvedAt = pending ? null : new Date(createdAt.getTime() + 3 * DAY)
    const applicant: Actor = { id: admin?._id ?? 'system', role: 'applicant' }
    const steps: Array<[UnitEvent, Actor, Date]> = [['submit', applicant, createdAt]]
    if (approvedAt) steps.push(['approve', { id: s.staffOf(u.communityId), role: 'staff' }, approvedAt])
    const { status, history } = play(UNIT_MACHINE, { status: null, history: [] }, steps)
    return {
      _id: u.id,
      communityId: u.communityId,
      adminId: admin?._id ?? '',
      name: u.name,
      org: u.org,
      contactName: admin?.realName ?? '',
      contactPhone: admin?.phone ?? '',
      resources: RESOURCES[u.id] ?? [],
      status: status as UnitDoc['status'],
      history,
      createdAt,
      updatedAt: approvedAt ?? createdAt,
      approvedAt
    }
  })
  s.store.insert('partyUnits', units)
  // A unit under review has no admin grant yet: it comes with the approval.
  for (const unit of units.filter((u) => u.status !== 'approved' && u.adminId)) {
    const user = s.store.get('users', unit.adminId)
    const roles = ((user?.roles as RoleGrant[]) ?? []).filter((g) => !(g.role === 'unitAdmin' && g.unitId === unit._id))
    s.store.update('users', { _id: unit.adminId }, { $set: { roles } })
  }
  return units
}

function seedProjects(s: Seeding, units: UnitDoc[]) {
  const docs = PROJECTS.map((p, i): ProjectDoc => {
    const unit = units.find((u) => u._id === p.unitId) as UnitDoc
    const startDate = daysBefore(s.now, p.startDays)
    return {
      _id: `pj${String(i + 1).padStart(2, '0')}`,
      unitId: unit._id,
      communityId: unit.communityId,
      title: p.title,
      content: p.content,
      status: p.status,
      startDate,
      endDate: new Date(startDate.getTime() + p.months * 30 * DAY),
      createdBy: s.staffOf(unit.communityId),
      createdAt: startDate,
      updatedAt: startDate
    }
  })
  s.store.insert('partyProjects', docs)
}

/** Every half-year from `from` to `to`, e.g. 2025H2, 2026H1, 2026H2. */
function halvesBetween(from: Date, to: Date): string[] {
  const out: string[] = []
  for (let h = halfYear(from); h <= halfYear(to);) {
    out.push(h)
    const [y, n] = [Number(h.slice(0, 4)), h.endsWith('H1') ? 1 : 2]
    h = n === 1 ? `${y}H2` : `${y + 1}H1`
  }
  return out
}

interface RegistrationPlan {
  person: SeedPerson
  communityId: string
  status: 'approved' | 'pending' | 'rejected'
  unit: UnitDoc | null
  createdAt: Date
  /** Approved members: whether they renewed in the current half-year. */
  renewedNow?: boolean
  grid?: GridDoc | null
}

function memberRegistration(s: Seeding, plan: RegistrationPlan, index: number): MemberRegistrationDoc {
  const { person, communityId, unit, createdAt } = plan
  const employer = unit?.name ?? s.r.pick(EMPLOYERS)
  const applicant: Actor = { id: person.user._id, role: 'applicant' }
  const staff: Actor = { id: s.staffOf(communityId), role: 'staff' }
  const approvedAt = plan.status === 'approved' ? new Date(createdAt.getTime() + s.r.int(1, 5) * DAY) : null
  const halves = approvedAt ? halvesBetween(approvedAt, s.now).filter((h, i, all) => plan.renewedNow || i < all.length - 1 || i === 0) : []
  const steps: Array<[MemberEvent, Actor, Date, string?]> = [['submit', applicant, createdAt]]
  if (plan.status === 'rejected') steps.push(['reject', staff, new Date(createdAt.getTime() + 2 * DAY), s.r.pick(REJECT_REASONS)])
  if (approvedAt) {
    steps.push(['approve', staff, approvedAt])
    if (plan.grid) steps.push(['assignGrid', staff, new Date(approvedAt.getTime() + 3600_000), plan.grid.name])
    for (const half of halves.slice(1)) steps.push(['renew', { id: person.user._id, role: 'member' }, periodRange(half).start, half])
  }
  const { status, history } = play(MEMBER_MACHINE, { status: null, history: [] }, steps)
  return {
    _id: `pm${String(index).padStart(3, '0')}`,
    openid: person.user._id,
    communityId,
    name: person.user.realName ?? person.user.nickName,
    phone: person.user.phone ?? '',
    unitId: unit?._id ?? null,
    workUnit: employer,
    branch: unit?.org ?? `${employer}党支部`,
    skills: s.r.sample(SKILLS, s.r.int(1, 3)),
    intentions: s.r.sample(SERVICE_INTENTIONS, s.r.int(1, 3)) as ServiceIntention[],
    pledge: s.r.pick(PLEDGES),
    gridId: plan.grid?._id ?? null,
    status: status as MemberRegistrationDoc['status'],
    history,
    renewedHalves: halves,
    createdAt,
    updatedAt: history[history.length - 1].at,
    approvedAt,
    endedAt: null
  }
}

/** Registration points for the approval year and each later year the member renewed in. */
function registrationEntries(s: Seeding, reg: MemberRegistrationDoc): AssessmentEntryDoc[] {
  if (!reg.approvedAt) return []
  const rules = s.rulesOf(reg.communityId)
  const firstOfYear = new Map<string, Date>()
  firstOfYear.set(assessmentPeriod(reg.approvedAt), reg.approvedAt)
  for (const h of reg.history.filter((e) => e.event === 'renew')) {
    const year = assessmentPeriod(h.at)
    if (!firstOfYear.has(year)) firstOfYear.set(year, h.at)
  }
  return [...firstOfYear.values()].map((at, i) => registrationEntry(reg, rules, at, i > 0))
}

function seedRegistrations(s: Seeding, ctx: SeedContext, units: UnitDoc[]): MemberRegistrationDoc[] {
  const approvedUnitsIn = (communityId: string) => units.filter((u) => u.status === 'approved' && u.communityId === communityId)
  const gridsIn = (communityId: string) => ctx.district.grids.filter((g) => g.communityId === communityId)
  const plans: RegistrationPlan[] = []
  for (const person of ctx.people.filter((p) => p.is.member)) {
    const communityId = person.user.communityId as string
    const isDemo = person.user._id === 'demo-member'
    const linkable = approvedUnitsIn(communityId)
    plans.push({
      person,
      communityId,
      status: 'approved',
      unit: isDemo ? (units.find((u) => u._id === 'u01') as UnitDoc) : linkable.length && s.r.chance(0.5) ? s.r.pick(linkable) : null,
      createdAt: daysBefore(s.now, isDemo ? 320 : s.r.int(20, 600)),
      // The demo member has yet to renew this half-year, so the renewal and its rating rule show.
      renewedNow: isDemo ? false : !s.r.chance(0.15),
      grid: isDemo ? gridsIn(communityId)[0] : s.r.chance(0.8) ? s.r.pick(gridsIn(communityId)) : null
    })
  }
  const residents = ctx.people.filter((p) => !p.demo && !Object.keys(p.is).length && p.user.roles.length === 0)
  // One registration per person: each applicant is taken from the residents not planned yet.
  const applicant = (communityId: string) => residents.find((p) => p.user.communityId === communityId && !plans.some((x) => x.person === p))
  const pendingIn = ['cm01', 'cm01', 'cm02', 'cm03', 'cm04', 'cm05']
  pendingIn.forEach((communityId, i) => {
    const person = applicant(communityId)
    if (person)
      plans.push({
        person,
        communityId,
        status: 'pending',
        unit: approvedUnitsIn(communityId)[0] ?? null,
        createdAt: daysBefore(s.now, i + 1)
      })
  })
  for (const communityId of ['cm01', 'cm02']) {
    const person = applicant(communityId)
    if (person) plans.push({ person, communityId, status: 'rejected', unit: null, createdAt: daysBefore(s.now, 15) })
  }
  const regs = plans.map((plan, i) => memberRegistration(s, plan, i + 1))
  s.store.insert('partyMembers', regs)
  s.store.insert('partyMemberships', regs.map(membershipOf))
  for (const reg of regs) s.entries.push(...registrationEntries(s, reg))
  return regs
}

function seedNeeds(s: Seeding, regs: MemberRegistrationDoc[]) {
  const approvedIn = (c: string) => regs.filter((r) => r.status === 'approved' && r.communityId === c)
  const demo = regs.find((r) => r.openid === 'demo-member') as MemberRegistrationDoc
  const asClaimant = (reg: MemberRegistrationDoc): NeedClaimantDoc => ({
    kind: 'member',
    id: reg.openid,
    by: reg.openid,
    name: reg.name,
    branch: reg.branch,
    pledge: reg.pledge
  })
  const u01: NeedClaimantDoc = { kind: 'unit', id: 'u01', by: 'demo-unit', name: UNITS[0].name, branch: null, pledge: null }
  // [community, the need's final status, who holds it]
  const plan: Array<[string, NeedDoc['status'], NeedClaimantDoc | null]> = [
    ['cm01', 'open', null],
    ['cm01', 'open', null],
    ['cm01', 'open', null],
    ['cm01', 'claimed', asClaimant(demo)],
    ['cm01', 'claimed', u01],
    ['cm01', 'completed', asClaimant(approvedIn('cm01').find((r) => r !== demo) ?? demo)],
    ['cm01', 'confirmed', asClaimant(demo)],
    ['cm01', 'confirmed', asClaimant(approvedIn('cm01').filter((r) => r !== demo)[1] ?? demo)],
    ['cm01', 'cancelled', null],
    ['cm02', 'open', null],
    ['cm02', 'confirmed', asClaimant(approvedIn('cm02')[0])],
    ['cm03', 'open', null],
    ['cm03', 'completed', asClaimant(approvedIn('cm03')[0])]
  ]
  const paths: Record<NeedDoc['status'], NeedEvent[]> = {
    open: ['post'],
    claimed: ['post', 'claim'],
    completed: ['post', 'claim', 'complete'],
    confirmed: ['post', 'claim', 'complete', 'confirm'],
    cancelled: ['post', 'cancel']
  }
  const needs = plan.map(([communityId, final, claimant], i): NeedDoc => {
    const template = NEEDS[i % NEEDS.length]
    const staff: Actor = { id: s.staffOf(communityId), role: 'staff' }
    const holder: Actor = claimant ? { id: claimant.by, role: claimant.kind === 'unit' ? 'unitAdmin' : 'member' } : staff
    const postedAt = daysBefore(s.now, 40 - i * 2)
    const steps = paths[final].map((event, k): [NeedEvent, Actor, Date, string?] => {
      const at = new Date(postedAt.getTime() + k * 2 * DAY)
      if (event === 'complete') return [event, holder, at, '已按要求完成']
      if (event === 'cancel') return [event, staff, at, '已由物业统一处理']
      return [event, event === 'claim' ? holder : staff, at]
    })
    const { status, history } = play(NEED_MACHINE, { status: null, history: [] }, steps)
    const completedAt = history.find((h) => h.event === 'complete')?.at
    const held = final === 'open' || final === 'cancelled' ? null : claimant
    return {
      _id: `nd${String(i + 1).padStart(3, '0')}`,
      communityId,
      category: template.category,
      title: template.title,
      description: template.description,
      place: template.place,
      deadline: final === 'open' && i % 2 === 0 ? new Date(s.now.getTime() + 20 * DAY) : null,
      status: status as NeedDoc['status'],
      postedBy: staff.id,
      claimerId: held?.by ?? null,
      claimerUnitId: held?.kind === 'unit' ? held.id : null,
      claimant: held,
      completion: completedAt ? { note: '已按要求完成', photos: [], at: completedAt } : null,
      history,
      createdAt: postedAt,
      updatedAt: history[history.length - 1].at
    }
  })
  s.store.insert('partyNeeds', needs)
  for (const need of needs.filter((n) => n.status === 'confirmed' && n.claimant?.kind === 'member')) {
    s.entries.push(needEntry(need, need.claimant?.id as string, s.rulesOf(need.communityId), need.updatedAt))
  }
}

/** Last year's ratings for members approved before it ended (honouring the renewal rule). */
function seedRatings(s: Seeding, regs: MemberRegistrationDoc[]) {
  const period = String(Number(assessmentPeriod(s.now)) - 1)
  const end = periodRange(period).end
  const rated = regs.filter((r) => r.status === 'approved' && r.approvedAt && r.approvedAt < end)
  const ratings = rated.map((reg): RatingDoc => {
    const renewed = reg.renewedHalves.includes(`${period}H2`)
    const rating: Rating = renewed && s.r.chance(0.3) ? 'excellent' : s.r.chance(0.85) ? 'qualified' : 'basicallyQualified'
    const at = new Date(end.getTime() + 10 * DAY)
    const by = s.staffOf(reg.communityId)
    return {
      _id: `${reg.openid}_${period}`,
      openid: reg.openid,
      registrationId: reg._id,
      communityId: reg.communityId,
      unitId: reg.unitId,
      period,
      rating,
      comment: rating === 'excellent' ? '积极参与社区服务，表现突出' : null,
      by,
      at,
      history: [{ by, at, from: null, to: rating, why: null }]
    }
  })
  s.store.insert('assessmentRatings', ratings)
}

export const seedParty: PillarSeeder = (store, ctx) => {
  const staffByCommunity = new Map(ctx.people.filter((p) => p.is.staff).map((p) => [p.is.staff as string, p.user._id]))
  const communities = new Map(ctx.district.communities.map((c: CommunityDoc) => [c._id, c]))
  const s: Seeding = {
    store,
    r: ctx.r,
    now: ctx.now,
    staffOf: (c) => staffByCommunity.get(c) ?? 'system',
    rulesOf: (c) => assessmentRules(communities.get(c)?.settings),
    entries: []
  }
  const units = seedUnits(s, ctx.people)
  seedProjects(s, units)
  const regs = seedRegistrations(s, ctx, units)
  seedNeeds(s, regs)
  seedRatings(s, regs)
  store.insert('assessmentEntries', s.entries)
}
