// report: grid reports and whistle-blowing escalation (随手拍 · 网格 · 吹哨报到 · 接诉即办), docs/pillars/grid-reports.md.
import { z } from 'zod'
import { action } from '../contract'
import {
  REPORT_LIMITS,
  REPORT_QUEUES,
  REPORT_RATINGS,
  REPORT_STATUSES,
  WHISTLE_STATUSES,
  WHISTLE_URGENCIES,
  type DepartmentKind,
  type ReportCloseKind,
  type ReportKind,
  type ReportRating,
  type ReportStatus,
  type WhistleStatus,
  type WhistleUrgency
} from './report.labels'
import {
  dateTime,
  empty,
  fileId,
  id,
  int,
  location,
  mobile,
  optionalText,
  page,
  period,
  requestId,
  text,
  type LatLng,
  type Page
} from './common'

export * from './report.labels'

const reportId = id('随手拍编号')
const whistleId = id('吹哨编号')
const categoryId = id('问题类别')
const rating = z.enum(REPORT_RATINGS, { errorMap: () => ({ message: '请选择满意度' }) })

const photos = (label: string, min = 0) =>
  z
    .array(fileId, { invalid_type_error: `${label}格式不正确` })
    .max(REPORT_LIMITS.photos, `${label}最多${REPORT_LIMITS.photos}张`)
    .refine((p) => p.length >= min, `请上传至少${min}张${label}`)

/** A photo taken on the spot, with the place and time the phone recorded when it was taken (evidence). */
export const PlacedPhoto = z.object({
  fileId,
  location,
  takenAt: dateTime('拍摄时间')
})
const placedPhotos = (label: string) =>
  z
    .array(PlacedPhoto, { invalid_type_error: `${label}格式不正确`, required_error: `请上传${label}` })
    .min(1, `请上传至少1张${label}`)
    .max(REPORT_LIMITS.photos, `${label}最多${REPORT_LIMITS.photos}张`)

// --- inputs --------------------------------------------------------------------------------------

export const CategoriesInput = z.object({ streetId: id('街道').optional() }).default({})

export const DuplicatesInput = z.object({ categoryId, location })

/**
 * A report. `clientTime` is when the phone made it (an offline report sent later keeps its original time and
 * place): not ahead of the server by more than REPORT_LIMITS.clockSkewMinutes, not older than
 * REPORT_LIMITS.offlineMaxAgeHours; the deadlines run from the server's receipt.
 */
export const SubmitInput = z.object({
  requestId,
  categoryId,
  description: text('问题描述', { max: REPORT_LIMITS.description }),
  photos: photos('现场照片', 1),
  location,
  /** The compound picked instead of (or besides) the phone's location: routes by the grid's compound list. */
  compoundId: id('小区').optional(),
  /** A human-readable place ("5号楼东侧消防通道"). */
  place: optionalText('具体位置', 60),
  visibility: z.enum(['public', 'private'], { errorMap: () => ({ message: '请选择是否公开' }) }).default('public'),
  showName: z.boolean().default(false),
  clientTime: dateTime('上报时间').optional(),
  /** The patrol this report was made on (grid workers; OPS links it). */
  patrolId: id('巡查编号').optional(),
  consent: z.literal(true, { errorMap: () => ({ message: '请阅读并同意随手拍须知' }) })
})

export const ReportRef = z.object({ reportId })
export const WhistleRef = z.object({ whistleId })

export const MineInput = z.object({
  as: z.enum(['reporter', 'follower']).default('reporter'),
  ...page
})

export const QueueInput = z.object({
  queue: z.enum(REPORT_QUEUES, { errorMap: () => ({ message: '请选择队列' }) }).default('toSign'),
  communityId: id('社区').optional(),
  gridId: id('网格').optional(),
  departmentId: id('部门').optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  ...page
})

const reason = (label: string) => text(label, { max: REPORT_LIMITS.reason })

export const RejectInput = z.object({ reportId, reason: reason('不予受理理由') })
export const MergeInput = z.object({ reportId, duplicateOf: id('原问题编号') }).refine((m) => m.reportId !== m.duplicateOf, {
  path: ['duplicateOf'],
  message: '不能合并到自身'
})
export const StartInput = z.object({ reportId, note: optionalText('处理说明', REPORT_LIMITS.note) })
export const RequestInfoInput = z.object({ reportId, question: text('需补充的内容', { max: REPORT_LIMITS.reason }) })
export const SupplyInput = z.object({
  reportId,
  text: text('补充说明', { max: REPORT_LIMITS.note }),
  photos: photos('补充照片').default([])
})
export const ExtendInput = z.object({
  reportId,
  days: int('延期天数', 1, REPORT_LIMITS.maxExtensionDays),
  reason: reason('延期理由')
})
export const ResolveInput = z.object({
  reportId,
  note: text('办结说明', { max: REPORT_LIMITS.note }),
  photos: placedPhotos('处置后照片')
})
export const ConfirmInput = z.object({
  reportId,
  solved: z.boolean({ required_error: '请选择问题是否已解决', invalid_type_error: '请选择问题是否已解决' }),
  rating,
  comment: optionalText('评价', REPORT_LIMITS.reason)
})
export const ReopenInput = z.object({ reportId, reason: reason('重新办理的理由') })
/** Staff decide a disputed report (reopens used up), or a resolution without evidence the reporter did not answer. */
export const DecideInput = z.object({
  reportId,
  outcome: z.enum(['close', 'rework'], { errorMap: () => ({ message: '请选择裁定结果' }) }),
  reason: reason('裁定理由')
})
export const CloseNotOursInput = z.object({
  reportId,
  responsible: text('责任单位', { max: 40 }),
  reason: reason('说明')
})
export const CloseUnsolvableInput = z.object({ reportId, reason: reason('无法解决的原因') })

const whistleTarget = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('street') }), z.object({ kind: z.literal('department'), departmentId: id('部门') })],
  { errorMap: () => ({ message: '请选择吹哨对象' }) }
)
export const WhistleInput = z.object({
  requestId,
  reportId,
  target: whistleTarget,
  urgency: z.enum(WHISTLE_URGENCIES, { errorMap: () => ({ message: '请选择紧急程度' }) }),
  reason: reason('吹哨原因')
})
export const WhistleLogInput = z.object({
  whistleId,
  text: text('协同记录', { max: REPORT_LIMITS.logText }),
  photos: photos('照片').default([])
})
export const HandBackInput = z.object({ whistleId, reason: reason('退回理由') })
export const WhistleResolveInput = z.object({
  whistleId,
  note: text('办结说明', { max: REPORT_LIMITS.note }),
  photos: placedPhotos('处置后照片')
})
/** Two-way rating: community staff rate the department, the department's handler rates the community. */
export const RateWhistleInput = z.object({
  whistleId,
  score: int('评分', 1, 5),
  comment: optionalText('评价', REPORT_LIMITS.reason)
})
export const WhistlesInput = z.object({
  departmentId: id('部门').optional(),
  communityId: id('社区').optional(),
  status: z.enum(WHISTLE_STATUSES).optional(),
  ...page
})
export const GridsInput = z.object({ communityId: id('社区') })
export const DepartmentsInput = z.object({ streetId: id('街道').optional() }).default({})

// --- answers -------------------------------------------------------------------------------------

export interface ReportCategoryView {
  id: string
  parentId: string | null
  name: string
  kind: ReportKind
  /** A leaf can be reported; a parent only groups. */
  leaf: boolean
  acceptHours: number
  handleDays: number
  duplicateRadius: number
  evidenceRadius: number
  departmentKind: DepartmentKind | null
}

export interface DepartmentView {
  id: string
  streetId: string
  name: string
  kind: DepartmentKind
  phone: string | null
}

export interface GridView {
  id: string
  communityId: string
  name: string
  /** The ring [lat, lng][] of the grid's polygon (closed or not), or null for a grid given as a compound list. */
  polygon: Array<{ lat: number; lng: number }> | null
  compoundIds: string[]
}

/** One recorded step. `actor` is a role label; names appear only to staff and handlers. */
export interface ReportTimelineEntry {
  at: string
  event: string
  from: ReportStatus | null
  to: ReportStatus
  label: string
  actor: string
  /** Staff and handlers see the actor's name; others see null. */
  actorName: string | null
  why: string | null
}

export interface ReportDeadlines {
  /** 签收 deadline (null once accepted or closed). */
  accept: string | null
  /** 办结 deadline (extended and shifted by 待补充 pauses). */
  resolve: string | null
  /** Whether the clock is paused (待补充). */
  paused: boolean
  overdue: boolean
  extended: boolean
}

/** What anyone may see of a public report: never the reporter, except the masked name when they chose showName. */
export interface ReportCard {
  id: string
  categoryId: string
  categoryName: string
  kind: ReportKind
  description: string
  photos: string[]
  location: LatLng
  place: string | null
  communityId: string
  communityName: string
  gridId: string
  status: ReportStatus
  /** The reporter's masked name when they allowed it, else null. */
  reporterName: string | null
  submittedAt: string
  acceptedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  plusOnes: number
  overdue: boolean
  /** Meters from the asked location, when one was given. */
  distance: number | null
}

export interface ReportEvidence {
  note: string
  photos: Array<{ fileId: string; location: LatLng; takenAt: string; distance: number }>
  /** Every photo within the category's evidence radius: a resolution with evidence. */
  near: boolean
  at: string
}

export interface WhistleView {
  id: string
  reportId: string
  communityId: string
  streetId: string
  target: { kind: 'street' | 'department'; departmentId: string | null; name: string }
  urgency: WhistleUrgency
  reason: string
  status: WhistleStatus
  whistledAt: string
  reportInDeadline: string
  reportedInAt: string | null
  /** Reported in after the deadline, or still open past it. */
  late: boolean
  handedBackReason: string | null
  resolvedAt: string | null
  log: Array<{ at: string; side: 'community' | 'department'; actorName: string | null; text: string; photos: string[] }>
  ratings: { byCommunity: { score: number; comment: string | null } | null; byDepartment: { score: number; comment: string | null } | null }
  /** The report's card, for a department's queue. */
  report: ReportCard | null
  /** What the reader may do on this whistle now. */
  can: { reportIn: boolean; log: boolean; handBack: boolean; resolve: boolean; rate: boolean }
}

export type ReportViewer = 'public' | 'reporter' | 'follower' | 'gridWorker' | 'staff' | 'handler'

export interface ReportDetail extends ReportCard {
  viewer: ReportViewer
  visibility: 'public' | 'private'
  timeline: ReportTimelineEntry[]
  deadlines: ReportDeadlines
  evidence: ReportEvidence | null
  /** A resolution without evidence near the spot waits for the reporter's confirmation. */
  needsConfirmation: boolean
  reopens: number
  duplicateOf: string | null
  info: { question: string; answer: string | null; photos: string[] } | null
  answer: { solved: boolean; rating: ReportRating; comment: string | null; at: string } | null
  closeKind: ReportCloseKind | null
  closeReason: string | null
  responsible: string | null
  following: boolean
  plusOned: boolean
  whistles: WhistleView[]
  /** Staff and handlers only: who reported (name and masked phone), and the offline client time. */
  reporter: { name: string; phone: string | null; clientTime: string | null } | null
  can: {
    plusOne: boolean
    accept: boolean
    reject: boolean
    merge: boolean
    start: boolean
    requestInfo: boolean
    supply: boolean
    extend: boolean
    resolve: boolean
    confirm: boolean
    reopen: boolean
    decide: boolean
    closeNotOurs: boolean
    closeUnsolvable: boolean
    whistle: boolean
    unfollow: boolean
  }
}

export interface MyReport extends ReportCard {
  deadlines: ReportDeadlines
  needsConfirmation: boolean
  /** What waits for the reporter: supply info, or confirm/rate. */
  todo: 'supply' | 'confirm' | null
}

export interface StaffReport extends ReportCard {
  deadlines: ReportDeadlines
  visibility: 'public' | 'private'
  streetId: string
  reopens: number
  openWhistle: { id: string; status: WhistleStatus; targetName: string; late: boolean } | null
}

export interface SubmitResult {
  id: string
  status: ReportStatus
  gridId: string
  communityId: string
  acceptDeadline: string
}

export interface TransitionResult {
  id: string
  status: ReportStatus
}

export interface PlusOneResult {
  id: string
  plusOnes: number
  following: boolean
  /** The caller had already pressed 我也遇到 on this report: nothing changed. */
  already: boolean
}

// --- figures, patrols, timers, riders (OPS; docs/pillars/grid-reports.md "Figures", "Patrols", "Timers") ----

/** One scope: a community (rows per grid), a street (rows per community and per department), a department, a grid. */
export const FiguresInput = z
  .object({
    period,
    communityId: id('社区').optional(),
    streetId: id('街道').optional(),
    departmentId: id('部门').optional(),
    gridId: id('网格').optional()
  })
  .refine((f) => [f.communityId, f.streetId, f.departmentId, f.gridId].filter(Boolean).length === 1, {
    message: '请选择一个统计范围（社区、街道、部门或网格）',
    path: ['communityId']
  })
export const HotSpotsInput = z
  .object({ communityId: id('社区').optional(), streetId: id('街道').optional() })
  .refine((f) => !!f.communityId !== !!f.streetId, { message: '请选择社区或街道', path: ['communityId'] })
export const REPORT_NEARBY_LIMITS = { radius: { min: 100, max: 5000, default: 1000 }, limit: { max: 100, default: 50 } } as const
export const NearbyInput = z.object({
  location,
  radius: int('范围', REPORT_NEARBY_LIMITS.radius.min, REPORT_NEARBY_LIMITS.radius.max).default(REPORT_NEARBY_LIMITS.radius.default),
  /** open: not final yet; closed: finished (closed, notOurs, unsolvable); all: both. */
  status: z.enum(['open', 'closed', 'all'], { errorMap: () => ({ message: '请选择状态' }) }).default('all'),
  categoryId: id('问题类别').optional(),
  limit: int('数量', 1, REPORT_NEARBY_LIMITS.limit.max).default(REPORT_NEARBY_LIMITS.limit.default)
})

const patrolId = id('巡查编号')
/** The phone's time of a step made offline and sent later (same bounds as an offline report's clientTime). */
const clientTime = dateTime('记录时间').optional()
export const PatrolStartInput = z.object({ requestId, gridId: id('网格'), location, clientTime })
export const PatrolPointInput = z.object({
  requestId,
  patrolId,
  location,
  clientTime,
  note: optionalText('巡查记录', 100),
  photos: photos('巡查照片').default([])
})
export const PatrolEndInput = z.object({ requestId, patrolId, location: location.optional(), clientTime })
export const PatrolRef = z.object({ patrolId })
export const PatrolsInput = z.object({ communityId: id('社区').optional(), gridId: id('网格').optional(), ...page })
export const PatrolCoverageInput = z.object({ communityId: id('社区'), period })

export const RIDER_PLATFORMS = ['meituan', 'eleme', 'sf', 'jd', 'other'] as const
export const RIDER_PLATFORM_LABELS: Record<(typeof RIDER_PLATFORMS)[number], string> = {
  meituan: '美团',
  eleme: '饿了么',
  sf: '顺丰',
  jd: '京东',
  other: '其他'
}
export const RIDER_STATUS_LABELS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const
export type RiderStatus = keyof typeof RIDER_STATUS_LABELS
export const RiderApplyInput = z.object({
  requestId,
  streetId: id('街道'),
  name: text('姓名', { max: 20 }),
  phone: mobile(),
  platform: z.enum(RIDER_PLATFORMS, { errorMap: () => ({ message: '请选择所在平台' }) })
})
export const RiderReviewInput = z.object({
  riderId: id('申请编号'),
  decision: z.enum(['approve', 'reject'], { errorMap: () => ({ message: '请选择审核结果' }) }),
  reason: optionalText('说明', REPORT_LIMITS.reason)
})
export const RidersInput = z.object({
  streetId: id('街道'),
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  ...page
})

/** A rate with its numerator, its n, and for the reporter-answered rates the share of reporters who answered. */
export interface ReportRate {
  /** 0–1 to four decimals; null when n is 0. */
  rate: number | null
  hits: number
  n: number
  answerShare: number | null
}
/** 响应率, 按期办结率, 解决率, 满意率. */
export interface ReportRates {
  response: ReportRate
  onTime: ReportRate
  solved: ReportRate
  satisfaction: ReportRate
}
export interface ReportCounts {
  /** Assigned in the period with the signing decided (a department: whistles with the report-in decided). */
  assigned: number
  signedOnTime: number
  /** Closed in the period (closed, notOurs, unsolvable). */
  closed: number
  closedOnTime: number
  /** Open and overdue at the period's end. */
  openOverdue: number
  /** Closed in the period after the reporter was asked about a resolution. */
  asked: number
  answered: number
  solved: number
  rated: number
  /** 满意 + 基本满意. */
  satisfied: number
}
export type FigureLevel = 'grid' | 'community' | 'street' | 'department'
export interface ReportFigureRow {
  level: FigureLevel
  id: string
  name: string
  rates: ReportRates
  counts: ReportCounts
}
export interface HotSpotView {
  gridId: string
  gridName: string
  communityId: string
  categoryId: string
  categoryName: string
  /** Reports of the category in the grid within the last 30 days (rejected and merged ones left out). */
  count: number
  firstAt: string
  lastAt: string
  reportIds: string[]
}
export interface ReportFiguresView {
  period: string
  from: string
  to: string
  scope: { level: FigureLevel; id: string; name: string }
  total: ReportFigureRow
  /** A community: its grids; a street: its communities; a department or a grid: the communities it serves. */
  rows: ReportFigureRow[]
  /** A street: its departments (响应率 = whistles reported in on time ÷ whistles). */
  departments: ReportFigureRow[]
  /** Hot spots now (community, street or grid scopes). */
  hotSpots: HotSpotView[]
  generatedAt: string
}
export interface FiguresCsv {
  filename: string
  csv: string
  rows: number
}

export type PatrolStatus = 'active' | 'ended'
export interface PatrolPointView {
  at: string
  /** When the phone recorded it, if sent later from the offline queue. */
  clientTime: string | null
  location: LatLng
  note: string | null
  photos: string[]
}
export interface PatrolView {
  id: string
  gridId: string
  gridName: string
  communityId: string
  status: PatrolStatus
  startedAt: string
  endedAt: string | null
  points: number
  /** Reports made on the patrol. */
  reports: number
  /** Meters walked between the check-points in order. */
  meters: number
  /** The grid worker's name (staff and the worker only). */
  workerName: string | null
}
export interface PatrolDetail extends PatrolView {
  path: PatrolPointView[]
  reportIds: string[]
}
export interface PatrolCoverageRow {
  gridId: string
  gridName: string
  patrols: number
  points: number
  reports: number
  /** Days of the period (up to today) with at least one patrol. */
  days: number
  daysInPeriod: number
  lastPatrolAt: string | null
}
export interface PatrolCoverageView {
  communityId: string
  period: string
  rows: PatrolCoverageRow[]
}
export interface RiderView {
  id: string
  streetId: string
  /** Masked for anyone but the rider and the street's admin. */
  name: string
  phone: string
  platform: (typeof RIDER_PLATFORMS)[number]
  status: RiderStatus
  appliedAt: string
  reviewedAt: string | null
  reason: string | null
  /** Reports the rider made since approval. */
  reports: number
}
export interface OverdueSweepResult {
  /** Reports whose signing deadline passed unanswered (flagged now). */
  signOverdue: number
  /** Reports whose handling deadline passed unresolved (flagged now). */
  overdue: number
  /** Whistles whose report-in deadline passed (flagged now). */
  whistlesOverdue: number
  /** Reminders kept (in-app) and sent (subscription). */
  reminders: number
}
export interface AutoCloseResult {
  closed: number
  /** 回访: reporters reminded a day before the automatic close. */
  reminded: number
}

export const report = {
  categories: action(CategoriesInput).returns<{ items: ReportCategoryView[] }>(),
  departments: action(DepartmentsInput).returns<{ items: DepartmentView[] }>(),
  grids: action(GridsInput).returns<{ items: GridView[] }>(),
  duplicates: action(DuplicatesInput).returns<{ items: ReportCard[] }>(),
  submit: action(SubmitInput).returns<SubmitResult>(),
  plusOne: action(ReportRef).returns<PlusOneResult>(),
  unfollow: action(ReportRef).returns<{ id: string; following: boolean }>(),
  detail: action(ReportRef).returns<ReportDetail>(),
  mine: action(MineInput).returns<Page<MyReport>>(),
  queue: action(QueueInput).returns<Page<StaffReport>>(),
  accept: action(ReportRef).returns<TransitionResult>(),
  reject: action(RejectInput).returns<TransitionResult>(),
  merge: action(MergeInput).returns<TransitionResult>(),
  start: action(StartInput).returns<TransitionResult>(),
  requestInfo: action(RequestInfoInput).returns<TransitionResult>(),
  supply: action(SupplyInput).returns<TransitionResult>(),
  extend: action(ExtendInput).returns<TransitionResult & { resolveDeadline: string }>(),
  resolve: action(ResolveInput).returns<TransitionResult & { near: boolean; needsConfirmation: boolean }>(),
  confirm: action(ConfirmInput).returns<TransitionResult>(),
  reopen: action(ReopenInput).returns<TransitionResult & { reopens: number }>(),
  decide: action(DecideInput).returns<TransitionResult>(),
  closeNotOurs: action(CloseNotOursInput).returns<TransitionResult>(),
  closeUnsolvable: action(CloseUnsolvableInput).returns<TransitionResult>(),
  whistle: action(WhistleInput).returns<WhistleView>(),
  whistles: action(WhistlesInput).returns<Page<WhistleView>>(),
  reportIn: action(WhistleRef).returns<WhistleView>(),
  whistleLog: action(WhistleLogInput).returns<WhistleView>(),
  handBack: action(HandBackInput).returns<WhistleView>(),
  whistleResolve: action(WhistleResolveInput).returns<WhistleView & { near: boolean; needsConfirmation: boolean }>(),
  rateWhistle: action(RateWhistleInput).returns<WhistleView>(),
  // figures, patrols, timers (OPS appends its actions below this line)
  figures: action(FiguresInput).returns<ReportFiguresView>(),
  figuresCsv: action(FiguresInput).returns<FiguresCsv>(),
  hotSpots: action(HotSpotsInput).returns<{ items: HotSpotView[] }>(),
  nearby: action(NearbyInput).returns<{ items: ReportCard[] }>(),
  patrolStart: action(PatrolStartInput).returns<PatrolDetail>(),
  patrolPoint: action(PatrolPointInput).returns<PatrolDetail>(),
  patrolEnd: action(PatrolEndInput).returns<PatrolDetail>(),
  patrol: action(PatrolRef).returns<PatrolDetail>(),
  currentPatrol: action(empty).returns<PatrolDetail | null>(),
  patrols: action(PatrolsInput).returns<Page<PatrolView>>(),
  patrolCoverage: action(PatrolCoverageInput).returns<PatrolCoverageView>(),
  riderApply: action(RiderApplyInput).returns<RiderView>(),
  riderMine: action(empty).returns<RiderView | null>(),
  riderReview: action(RiderReviewInput).returns<RiderView>(),
  riders: action(RidersInput).returns<Page<RiderView>>(),
  overdueSweep: action(empty).returns<OverdueSweepResult>(),
  autoClose: action(empty).returns<AutoCloseResult>()
}
