// Grid reports of the demo district (docs/pillars/grid-reports.md): the category tree, the street's three
// departments (城管, 住建, 供水) with a handler each, a grid worker for every grid, and a few dozen reports in every
// state, each walked through the report state machine (so every history is one the machine allows), with whistles.
// Draws from a random source of its own, so the other pillars' data stay as they were.
import { toPoint, type GridDoc, type UserDoc } from '../cloudfunctions/_shared/docs'
import type { DepartmentDoc, PlacedPhotoDoc, ReportCategoryDoc, ReportDoc, WhistleDoc } from '../cloudfunctions/_shared/docs/report'
import { maskName } from '../cloudfunctions/_shared/domain/masking'
import { opaqueId } from '../cloudfunctions/_shared/infra/ids'
import { defaultCategories, DEFAULT_DEPARTMENTS, departmentIdFor } from '../cloudfunctions/report/src/domain/categories'
import { DAY_MS, HOUR_MS, initialDeadlines, isOverdue, reportInDeadline } from '../cloudfunctions/report/src/domain/deadlines'
import { applyReportEvent, submittedEntry, type Actor, type EventInput } from '../cloudfunctions/report/src/domain/lifecycle'
import { greatCircleMeters } from '../cloudfunctions/_shared/domain/geo'
import type { RoleGrant } from '../types/models'
import type { SeedContext } from '.'
import { personName, mobile } from './names'
import { createRandom, type Random } from './random'
import type { SeedStore } from './store'
import { DEMO_USERS, type DemoUserDoc } from './users'

const HOME = 'cm01'
/** This pillar's own random source (the district's draws and the other pillars' stay as they were). */
const REPORT_SEED = 20261127
/** The demo logins of this pillar, after the seven of people.ts. */
export const DEMO_GRID = 'demo-grid'
export const DEMO_DEPT = 'demo-dept'

const DESCRIPTIONS: Record<string, string[]> = {
  rubbish: ['楼下垃圾桶满了好几天没人清运', '小区门口堆了一堆建筑垃圾'],
  posters: ['单元门口贴满了小广告', '电线杆上乱贴开锁广告'],
  stall: ['早市摊贩占了人行道', '路口有流动摊位占道经营'],
  fireLane: ['消防通道被电动车堵住了', '有车长期停在消防通道上'],
  fireEquipment: ['楼道灭火器过期了', '消火栓箱门坏了'],
  streetLamp: ['路灯不亮，晚上很黑', '小区主干道路灯一闪一闪'],
  road: ['人行道地砖松动，容易绊倒', '路面有个大坑'],
  waterLeak: ['水管漏水，地面一直湿的', '井盖下面在冒水'],
  waterCut: ['整栋楼停水了', '水压很低，楼上没水'],
  noise: ['夜里有装修噪音', '广场舞音乐太吵'],
  dispute: ['楼上漏水到我家，协商不成', '邻居占用公共楼道堆放杂物'],
  policy: ['想咨询老年人助餐补贴怎么申请'],
  suggestion: ['建议在小区里增加几张休息长椅']
}

/** The path a seeded report takes: its events after submission, hours apart. */
type Script = Array<EventInput['event'] | 'reportIn' | 'whistleResolve' | 'handBack' | 'far'>
const SCRIPTS: Array<{ weight: number; steps: Script }> = [
  { weight: 4, steps: [] },
  { weight: 3, steps: ['accept'] },
  { weight: 4, steps: ['accept', 'start'] },
  { weight: 2, steps: ['accept', 'start', 'requestInfo'] },
  { weight: 3, steps: ['accept', 'start', 'resolve'] },
  { weight: 2, steps: ['accept', 'start', 'far'] },
  { weight: 7, steps: ['accept', 'start', 'resolve', 'confirm'] },
  { weight: 2, steps: ['accept', 'start', 'resolve', 'autoClose'] },
  { weight: 2, steps: ['accept', 'start', 'resolve', 'reopen'] },
  { weight: 1, steps: ['accept', 'start', 'resolve', 'reopen', 'resolve', 'reopen', 'resolve', 'reopen'] },
  { weight: 2, steps: ['accept', 'whistle'] },
  { weight: 2, steps: ['accept', 'whistle', 'reportIn'] },
  { weight: 3, steps: ['accept', 'whistle', 'reportIn', 'whistleResolve', 'confirm'] },
  { weight: 1, steps: ['accept', 'whistle', 'handBack'] },
  { weight: 2, steps: ['reject'] },
  { weight: 1, steps: ['merge'] },
  { weight: 1, steps: ['closeNotOurs'] },
  { weight: 1, steps: ['accept', 'start', 'closeUnsolvable'] },
  { weight: 1, steps: ['accept', 'start', 'extend'] }
]

function pickScript(r: Random): Script {
  const total = SCRIPTS.reduce((n, s) => n + s.weight, 0)
  let x = r.int(1, total)
  for (const s of SCRIPTS) if ((x -= s.weight) <= 0) return s.steps
  return []
}

const RATINGS = ['satisfied', 'satisfied', 'satisfied', 'basically', 'unsatisfied'] as const

function pointIn(r: Random, grid: GridDoc): { lat: number; lng: number } {
  const ring = grid.polygon ?? []
  const lngs = ring.map((p) => p[0])
  const lats = ring.map((p) => p[1])
  const pad = 0.0003
  return {
    lat: Math.round(r.float(Math.min(...lats) + pad, Math.max(...lats) - pad) * 1e6) / 1e6,
    lng: Math.round(r.float(Math.min(...lngs) + pad, Math.max(...lngs) - pad) * 1e6) / 1e6
  }
}

function user(openid: string, name: string, r: Random, communityId: string, grants: RoleGrant[], now: Date): UserDoc {
  return {
    _id: openid,
    nickName: name,
    avatar: null,
    realName: name,
    phone: mobile(r),
    communityId,
    compoundId: null,
    roles: grants,
    elderMode: false,
    consent: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null
  }
}

export interface ReportSeed {
  categories: ReportCategoryDoc[]
  departments: DepartmentDoc[]
  users: UserDoc[]
  demoUsers: DemoUserDoc[]
  reports: ReportDoc[]
  whistles: WhistleDoc[]
}

export function buildReports(ctx: SeedContext): ReportSeed {
  const r = createRandom(REPORT_SEED)
  const { district, now } = ctx
  const streetId = district.street._id
  const categories = defaultCategories()
  const leaves = categories.filter((c) => c.leaf)
  const departments: DepartmentDoc[] = DEFAULT_DEPARTMENTS.map((d) => ({
    _id: departmentIdFor(streetId, d.kind),
    streetId,
    kind: d.kind,
    name: d.name,
    phone: `0553-28${String(r.int(10000, 99999))}`
  }))

  // A grid worker for every grid: the demo one holds cm01's first two grids.
  const users: UserDoc[] = []
  const gridWorkerOf = new Map<string, { openid: string; name: string }>()
  const homeGrids = district.grids.filter((g) => g.communityId === HOME).slice(0, 2)
  const demoGrid = user(
    DEMO_GRID,
    '钱卫东',
    r,
    HOME,
    [{ role: 'gridWorker', communityId: HOME, streetId, gridIds: homeGrids.map((g) => g._id) }],
    now
  )
  users.push(demoGrid)
  for (const g of homeGrids) gridWorkerOf.set(g._id, { openid: DEMO_GRID, name: '钱卫东' })
  for (const g of district.grids) {
    if (gridWorkerOf.has(g._id)) continue
    const openid = `seed-gw-${g._id}`
    const name = personName(r)
    users.push(user(openid, name, r, g.communityId, [{ role: 'gridWorker', communityId: g.communityId, streetId, gridIds: [g._id] }], now))
    gridWorkerOf.set(g._id, { openid, name })
  }
  const handlerOf = new Map<string, { openid: string; name: string }>()
  for (const d of departments) {
    const openid = d.kind === 'urban' ? DEMO_DEPT : `seed-dh-${d.kind}`
    const name = d.kind === 'urban' ? '刘建军' : personName(r)
    users.push(user(openid, name, r, HOME, [{ role: 'deptHandler', streetId, departmentId: d._id }], now))
    handlerOf.set(d._id, { openid, name })
  }
  const demoUsers: DemoUserDoc[] = [
    { _id: DEMO_GRID, title: '网格员', note: '青枫社区第一、二网格', order: 7 },
    { _id: DEMO_DEPT, title: '部门处置人员', note: '街道城管', order: 8 }
  ]

  const staffOf = new Map(
    ctx.people
      .filter((p) => p.is.staff)
      .map((p) => [p.is.staff as string, { openid: p.user._id, name: p.user.realName ?? p.user.nickName }])
  )
  const residents = ctx.people.filter((p) => !p.is.staff && !p.is.merchant && !p.is.unitAdmin)
  const homeResident = ctx.people.find((p) => p.user._id === 'demo-resident')
  const reports: ReportDoc[] = []
  const whistles: WhistleDoc[] = []
  const COUNT = 56

  for (let i = 0; i < COUNT; i++) {
    // The demo resident's and the demo grid worker's grids get the most, so the demo logins see a living queue.
    const grid = i < 24 ? homeGrids[i % homeGrids.length] : r.pick(district.grids)
    const reporter = i % 6 === 0 && homeResident ? homeResident : r.pick(residents)
    const category = r.pick(leaves)
    const spot = pointIn(r, grid)
    // Every script once (cm01's two grids first), then drawn by weight.
    const steps = i < SCRIPTS.length ? SCRIPTS[i].steps : pickScript(r)
    const submittedAt = new Date(now.getTime() - r.int(1, 45 * 24) * HOUR_MS)
    const name = reporter.user.realName ?? reporter.user.nickName
    const worker = gridWorkerOf.get(grid._id) as { openid: string; name: string }
    const staff = staffOf.get(grid.communityId) ?? worker
    const reporterActor: Actor = { who: reporter.user._id, role: 'resident', name: null }
    const workerActor: Actor = { who: worker.openid, role: 'gridWorker', name: worker.name }
    const staffActor: Actor = { who: staff.openid, role: 'staff', name: staff.name }
    const id = opaqueId('rp', reporter.user._id, `seed-report-${i}`)
    let doc: ReportDoc = {
      _id: id,
      version: 1,
      categoryId: category._id,
      categoryName: category.name,
      kind: category.kind,
      departmentKind: category.departmentKind,
      duplicateRadius: category.duplicateRadius,
      evidenceRadius: category.evidenceRadius,
      description: r.pick(DESCRIPTIONS[category._id] ?? ['请尽快处理']),
      photos: [],
      location: toPoint(spot.lat, spot.lng),
      place: null,
      compoundId: null,
      gridId: grid._id,
      communityId: grid.communityId,
      streetId,
      visibility: category._id === 'dispute' ? 'private' : 'public',
      showName: r.chance(0.2),
      status: 'submitted',
      reporterId: reporter.user._id,
      reporter: { display: maskName(name), name, phone: reporter.user.phone ?? null },
      clientTime: null,
      patrolId: null,
      submittedAt,
      updatedAt: submittedAt,
      acceptedAt: null,
      acceptedBy: null,
      startedAt: null,
      resolvedAt: null,
      closedAt: null,
      ...initialDeadlines(submittedAt, category),
      acceptedOnTime: null,
      resolvedOnTime: null,
      pausedAt: null,
      pausedFrom: null,
      pausedMs: 0,
      info: null,
      extension: null,
      evidence: null,
      needsConfirmation: false,
      reopens: 0,
      reopenReasons: [],
      answer: null,
      closeKind: null,
      closeReason: null,
      responsible: null,
      duplicateOf: null,
      plusOnes: r.int(0, 6),
      whistleId: null,
      departmentId: null,
      overdue: false,
      overdueAt: null,
      history: [submittedEntry(reporterActor, submittedAt)]
    }
    // Steps are spread over the time since submission, the last before now.
    const span = now.getTime() - submittedAt.getTime()
    let at = submittedAt
    const tick = (k: number) => (at = new Date(submittedAt.getTime() + Math.floor((span * (k + 1)) / (steps.length + 1))))
    const apply = (input: EventInput, actor: Actor) => {
      doc = { ...doc, ...applyReportEvent(doc, input, actor, at).patch } as ReportDoc
    }
    const photos = (openid: string, far: boolean): PlacedPhotoDoc[] => {
      const loc = far ? { lat: spot.lat + 0.003, lng: spot.lng } : { lat: spot.lat + 0.0001, lng: spot.lng }
      return [
        {
          fileId: `cloud://local-dev/seed/reports/${id}.jpg`,
          location: toPoint(loc.lat, loc.lng),
          takenAt: at,
          distance: Math.round(greatCircleMeters(loc, spot))
        }
      ]
    }
    let whistle: WhistleDoc | null = null
    let ok = true
    steps.forEach((step, k) => {
      if (!ok) return
      tick(k)
      try {
        switch (step) {
          case 'accept':
            return apply({ event: 'accept' }, workerActor)
          case 'start':
            return apply({ event: 'start' }, workerActor)
          case 'requestInfo':
            return apply({ event: 'requestInfo', question: '请补充具体位置和照片' }, workerActor)
          case 'resolve':
          case 'far': {
            const placed = photos(worker.openid, step === 'far')
            return apply({ event: 'resolve', note: '已到现场处理完毕', photos: placed, near: step !== 'far' }, workerActor)
          }
          case 'confirm':
            return apply({ event: 'confirm', solved: r.chance(0.85), rating: r.pick(RATINGS), comment: null }, reporterActor)
          case 'autoClose':
            at = new Date(Math.max(at.getTime(), new Date(doc.resolvedAt as Date).getTime() + 3 * DAY_MS))
            if (at.getTime() > now.getTime()) return
            return apply({ event: 'autoClose' }, { who: 'system', role: 'system', name: null })
          case 'reopen':
            return apply({ event: 'reopen', reason: '问题没有解决，又出现了' }, reporterActor)
          case 'reject':
            return apply({ event: 'reject', reason: '不属于随手拍受理范围，请拨打12345' }, workerActor)
          case 'merge': {
            const original = reports.find(
              (x) => x.categoryId === doc.categoryId && ['submitted', 'accepted', 'inProgress'].includes(x.status)
            )
            if (!original) return
            return apply({ event: 'merge', duplicateOf: original._id }, workerActor)
          }
          case 'closeNotOurs':
            return apply({ event: 'closeNotOurs', responsible: '供电公司', reason: '电力设施归供电公司维护' }, staffActor)
          case 'closeUnsolvable':
            return apply({ event: 'closeUnsolvable', reason: '涉及规划调整，暂无法解决' }, staffActor)
          case 'extend':
            return apply({ event: 'extend', days: 5, reason: '需协调物业公司' }, staffActor)
          case 'whistle': {
            const department = departments.find((d) => d.kind === (doc.departmentKind ?? 'urban')) ?? departments[0]
            const wid = opaqueId('wh', staff.openid, `seed-whistle-${i}`)
            const urgency = r.chance(0.3) ? 'emergency' : 'normal'
            whistle = {
              _id: wid,
              version: 1,
              reportId: id,
              communityId: doc.communityId,
              streetId,
              gridId: doc.gridId,
              target: { kind: 'department', departmentId: department._id, name: department.name },
              urgency,
              reason: '社区无法单独解决，请部门协同处置',
              status: 'open',
              whistledBy: staff.openid,
              whistledAt: at,
              reportInDeadline: reportInDeadline(at, urgency),
              reportedInAt: null,
              reportedInBy: null,
              reportedInOnTime: null,
              handedBackAt: null,
              handedBackReason: null,
              resolvedAt: null,
              log: [{ at, side: 'community', who: staff.openid, name: staff.name, text: '现场情况已拍照上传，请尽快报到', photos: [] }],
              ratings: { byCommunity: null, byDepartment: null },
              updatedAt: at
            }
            return apply(
              { event: 'whistle', whistleId: wid, departmentId: department._id, targetName: department.name, reason: whistle.reason },
              staffActor
            )
          }
          case 'reportIn': {
            const w = whistle as WhistleDoc
            const handler = handlerOf.get(w.target.departmentId as string) as { openid: string; name: string }
            const reportedAt = new Date(w.whistledAt.getTime() + r.int(10, 40) * 60_000)
            whistle = {
              ...w,
              status: 'reportedIn',
              reportedInAt: reportedAt,
              reportedInBy: handler.openid,
              reportedInOnTime: reportedAt <= w.reportInDeadline,
              log: [
                ...w.log,
                {
                  at: reportedAt,
                  side: 'department',
                  who: handler.openid,
                  name: handler.name,
                  text: '已报到，马上安排人员到场',
                  photos: []
                }
              ],
              updatedAt: reportedAt
            }
            return
          }
          case 'whistleResolve': {
            const w = whistle as WhistleDoc
            const handler = handlerOf.get(w.target.departmentId as string) as { openid: string; name: string }
            const actor: Actor = { who: handler.openid, role: 'deptHandler', name: handler.name }
            apply({ event: 'resolve', note: '部门已处置完毕', photos: photos(handler.openid, false), near: true, viaWhistle: w._id }, actor)
            whistle = {
              ...w,
              status: 'resolved',
              resolvedAt: at,
              ratings: {
                byCommunity: { score: r.int(4, 5), comment: '响应及时', by: staff.openid, at },
                byDepartment: { score: r.int(4, 5), comment: '社区配合到位', by: handler.openid, at }
              },
              updatedAt: at
            }
            return
          }
          case 'handBack': {
            const w = whistle as WhistleDoc
            whistle = { ...w, status: 'handedBack', handedBackAt: at, handedBackReason: '属于物业管理范围，请社区协调物业', updatedAt: at }
            doc = { ...doc, whistleId: null, departmentId: null, version: doc.version + 1, updatedAt: at }
            return
          }
          default:
            return
        }
      } catch {
        // A step the machine refuses for this report (e.g. nothing to merge into) ends its script there.
        ok = false
      }
    })
    // What the timers would have recorded by now: a missed 签收 and a missed 办结 deadline.
    if (doc.status === 'submitted' && doc.acceptedOnTime === null && now > doc.acceptDeadline) doc = { ...doc, acceptedOnTime: false }
    if (isOverdue(doc, now)) doc = { ...doc, overdue: true, overdueAt: doc.resolveDeadline < now ? doc.resolveDeadline : null }
    reports.push(doc)
    if (whistle) whistles.push(whistle)
  }
  return { categories, departments, users, demoUsers, reports, whistles }
}

export function seedReports(store: SeedStore, ctx: SeedContext): void {
  const seed = buildReports(ctx)
  store.insert('reportCategories', seed.categories)
  store.insert('departments', seed.departments)
  store.insert('users', seed.users)
  store.insert(DEMO_USERS, seed.demoUsers)
  store.insert('reports', seed.reports)
  store.insert('whistles', seed.whistles)
}
