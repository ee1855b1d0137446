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
} from '../enums'
import { dateTime, fileId, id, int, location, optionalText, page, requestId, text, type LatLng, type Page } from './common'

export {
  DEPARTMENT_KINDS,
  DEPARTMENT_KIND_LABELS,
  FINAL_REPORT_STATUSES,
  OPEN_REPORT_STATUSES,
  REPORT_CLOSE_KIND_LABELS,
  REPORT_KIND_LABELS,
  REPORT_LIMITS,
  REPORT_QUEUE_LABELS,
  REPORT_RATING_LABELS,
  REPORT_STATUS_LABELS,
  WHISTLE_STATUS_LABELS,
  WHISTLE_URGENCY_LABELS
} from '../enums'

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
  rateWhistle: action(RateWhistleInput).returns<WhistleView>()
  // figures, patrols, timers (OPS appends its actions below this line)
}
