// party: dual registration (双报到) of units and in-service party members, the needs list (需求清单),
// co-building projects (项目清单) and party-member assessment (党员积分) — docs/pillars/dual-registration.md.
import { z } from 'zod'
import { action } from '../contract'
import { NEED_STATUSES, RATINGS, REGISTRATION_STATUSES, type NeedStatus, type Rating, type RegistrationStatus } from '../enums'
import { dateTime, fileId, id, int, mobile, optionalText, page, requestId, text, type Page } from './common'

export const PARTY_LIMITS = {
  name: 20,
  workUnit: 50,
  branch: 50,
  skill: 20,
  skills: 10,
  pledge: 100,
  reason: 200,
  unitName: 50,
  resources: 30,
  resourceName: 30,
  resourceDetail: 200,
  needTitle: 30,
  needDescription: 500,
  note: 300,
  photos: 6,
  projectTitle: 30,
  projectContent: 500,
  comment: 200
} as const

/** Service intentions a member can choose (服务意向). */
export const SERVICE_INTENTIONS = [
  'policy',
  'elderly',
  'environment',
  'civility',
  'legal',
  'health',
  'education',
  'mediation',
  'culture'
] as const
export type ServiceIntention = (typeof SERVICE_INTENTIONS)[number]
export const SERVICE_INTENTION_LABELS: Record<ServiceIntention, string> = {
  policy: '政策宣讲',
  elderly: '助老帮困',
  environment: '环境整治',
  civility: '文明劝导',
  legal: '法律咨询',
  health: '医疗健康',
  education: '教育辅导',
  mediation: '矛盾调解',
  culture: '文体活动'
}

/** What a unit offers the community (资源清单). */
export const RESOURCE_KINDS = ['venue', 'skill', 'volunteers', 'funds'] as const
export type ResourceKind = (typeof RESOURCE_KINDS)[number]
export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = { venue: '场地', skill: '技能', volunteers: '志愿者', funds: '资金' }
/** The unit of a resource's quantity, as shown next to it. */
export const RESOURCE_QUANTITY_UNITS: Record<ResourceKind, string> = { venue: '人容量', skill: '人', volunteers: '人', funds: '元' }

export const NEED_CATEGORIES = ['service', 'goods', 'venue', 'skill', 'other'] as const
export type NeedCategory = (typeof NEED_CATEGORIES)[number]
export const NEED_CATEGORY_LABELS: Record<NeedCategory, string> = {
  service: '服务',
  goods: '物资',
  venue: '场地',
  skill: '技能',
  other: '其他'
}

export const PROJECT_STATUSES = ['planned', 'ongoing', 'done'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { planned: '筹备中', ongoing: '进行中', done: '已完成' }

export type AssessmentSourceKind = 'registration' | 'wish' | 'need' | 'hours' | 'adjust'
export const ASSESSMENT_SOURCE_LABELS: Record<AssessmentSourceKind, string> = {
  registration: '报到',
  wish: '微心愿',
  need: '需求清单',
  hours: '志愿服务时长',
  adjust: '调整'
}

// --- building blocks ------------------------------------------------------------------------------

const registrationId = id('报到编号')
const unitId = id('单位')
const needId = id('需求编号')
const communityId = id('社区')
const reason = (label: string) => text(label, { max: PARTY_LIMITS.reason })
/** An assessment year, e.g. "2026". */
export const assessmentYear = z
  .string({ required_error: '请选择考评年度', invalid_type_error: '考评年度格式不正确' })
  .regex(/^20\d{2}$/, '考评年度格式不正确')

export const ResourceItem = z.object({
  kind: z.enum(RESOURCE_KINDS, { errorMap: () => ({ message: '请选择资源类型' }) }),
  name: text('资源名称', { max: PARTY_LIMITS.resourceName }),
  detail: optionalText('资源说明', PARTY_LIMITS.resourceDetail),
  quantity: int('数量', 0, 100_000_000).optional()
})
export type ResourceItem = z.infer<typeof ResourceItem>
const resources = z
  .array(ResourceItem, { invalid_type_error: '资源清单格式不正确' })
  .max(PARTY_LIMITS.resources, `资源最多${PARTY_LIMITS.resources}项`)
  .default([])

// --- inputs ---------------------------------------------------------------------------------------

export const RegisterMemberInput = z
  .object({
    requestId,
    communityId,
    name: text('姓名', { min: 2, max: PARTY_LIMITS.name }),
    phone: mobile(),
    /** The work unit when it is a unit registered with the same community. */
    unitId: unitId.optional(),
    /** The work unit's name when it is not registered (ignored when unitId is given). */
    workUnit: optionalText('工作单位', PARTY_LIMITS.workUnit),
    branch: text('所在党支部', { max: PARTY_LIMITS.branch }),
    skills: z
      .array(text('特长', { max: PARTY_LIMITS.skill }), { invalid_type_error: '特长格式不正确' })
      .max(PARTY_LIMITS.skills, `特长最多${PARTY_LIMITS.skills}项`)
      .default([]),
    intentions: z
      .array(z.enum(SERVICE_INTENTIONS, { errorMap: () => ({ message: '服务意向格式不正确' }) }))
      .max(SERVICE_INTENTIONS.length, '服务意向格式不正确')
      .default([]),
    pledge: text('承诺', { min: 5, max: PARTY_LIMITS.pledge })
  })
  .refine((m) => Boolean(m.unitId || m.workUnit), { path: ['workUnit'], message: '请填写工作单位' })
export type RegisterMemberInput = z.input<typeof RegisterMemberInput>

export const RegisterUnitInput = z.object({
  requestId,
  communityId,
  /** Resubmitting one's own rejected registration. */
  unitId: unitId.optional(),
  name: text('单位名称', { max: PARTY_LIMITS.unitName }),
  org: text('党组织名称', { max: PARTY_LIMITS.unitName }),
  contactName: text('联系人', { min: 2, max: PARTY_LIMITS.name }),
  contactPhone: mobile('联系电话'),
  resources
})
export type RegisterUnitInput = z.input<typeof RegisterUnitInput>

export const UpdateResourcesInput = z.object({ unitId, resources })

export const REGISTRATION_KINDS = ['member', 'unit'] as const
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number]

export const ReviewInput = z
  .object({
    kind: z.enum(REGISTRATION_KINDS, { errorMap: () => ({ message: '报到类型格式不正确' }) }),
    id: registrationId,
    decision: z.enum(['approve', 'reject'], { errorMap: () => ({ message: '请选择审核结果' }) }),
    reason: optionalText('审核意见', PARTY_LIMITS.reason),
    /** Assign the member to a grid while approving. */
    gridId: id('网格').optional()
  })
  .refine((r) => r.decision === 'approve' || Boolean(r.reason), { path: ['reason'], message: '驳回时请填写理由' })

export const ListRegistrationsInput = z.object({
  kind: z.enum(REGISTRATION_KINDS).default('member'),
  communityId,
  status: z.enum(REGISTRATION_STATUSES).optional(),
  ...page
})

export const AssignGridInput = z.object({ registrationId, gridId: id('网格') })
export const WithdrawInput = z.object({ reason: optionalText('退出原因', PARTY_LIMITS.reason) })

export const ListUnitsInput = z.object({ communityId })
export const UnitMembersInput = z.object({ unitId, status: z.enum(['pending', 'approved']).optional(), ...page })

export const PostNeedInput = z.object({
  requestId,
  communityId,
  category: z.enum(NEED_CATEGORIES, { errorMap: () => ({ message: '请选择需求类别' }) }),
  title: text('需求标题', { min: 2, max: PARTY_LIMITS.needTitle }),
  description: text('需求描述', { max: PARTY_LIMITS.needDescription }),
  place: optionalText('服务地点', 50),
  deadline: dateTime('截止时间').optional()
})
/** A member claims for themselves; a unit admin claims for their unit with `unitId`. */
export const ClaimNeedInput = z.object({ needId, unitId: unitId.optional() })
export const ReleaseNeedInput = z.object({ needId, reason: reason('放弃原因') })
export const CompleteNeedInput = z.object({
  needId,
  note: text('完成情况', { max: PARTY_LIMITS.note }),
  photos: z.array(fileId).max(PARTY_LIMITS.photos, `照片最多${PARTY_LIMITS.photos}张`).default([])
})
export const ConfirmNeedInput = z
  .object({ needId, accept: z.boolean().default(true), reason: optionalText('退回原因', PARTY_LIMITS.reason) })
  .refine((c) => c.accept || Boolean(c.reason), { path: ['reason'], message: '退回时请填写理由' })
export const CancelNeedInput = z.object({ needId, reason: reason('取消原因') })
export const ListNeedsInput = z.object({
  communityId: communityId.optional(),
  status: z.enum(NEED_STATUSES).optional(),
  /** Needs the caller (or their unit) claimed. */
  mine: z.boolean().default(false),
  ...page
})

export const AssessmentInput = z.object({
  period: assessmentYear.optional(),
  /** Staff looking at one member of their community; omitted: the caller's own record. */
  registrationId: registrationId.optional(),
  ...page
})
export const RateInput = z.object({
  registrationId,
  period: assessmentYear,
  rating: z.enum(RATINGS, { errorMap: () => ({ message: '请选择评定等次' }) }),
  comment: optionalText('评语', PARTY_LIMITS.comment)
})
export const UnitReportInput = z.object({ unitId, period: assessmentYear, ...page })
export const CommunityReportInput = z.object({ communityId, period: assessmentYear, ...page })
export const ReportCsvInput = z
  .object({ unitId: unitId.optional(), communityId: communityId.optional(), period: assessmentYear })
  .refine((r) => Boolean(r.unitId) !== Boolean(r.communityId), { path: ['unitId'], message: '请选择单位或社区' })

export const UpsertProjectInput = z.object({
  projectId: id('项目编号').optional(),
  requestId,
  unitId,
  title: text('项目名称', { min: 2, max: PARTY_LIMITS.projectTitle }),
  content: text('项目内容', { max: PARTY_LIMITS.projectContent }),
  status: z.enum(PROJECT_STATUSES, { errorMap: () => ({ message: '请选择项目状态' }) }).default('planned'),
  startDate: dateTime('开始时间').optional(),
  endDate: dateTime('结束时间').optional()
})
export const ListProjectsInput = z
  .object({ communityId: communityId.optional(), unitId: unitId.optional(), ...page })
  .refine((p) => Boolean(p.communityId || p.unitId), { path: ['communityId'], message: '请选择社区或单位' })

/** `memberId`: a member's registration id (never an openid); none for the caller's own card. */
export const MemberCardInput = z.object({ memberId: id('党员').optional() }).default({})
export const NeedInput = z.object({ needId })
export const ListGridsInput = z.object({ communityId })

// --- answers --------------------------------------------------------------------------------------

/** One recorded state change; `actor` is a role label (本人, 社区工作者, 单位管理员, 系统), never a name. */
export interface TimelineEntry {
  at: string
  event: string
  label: string
  from: string | null
  to: string
  actor: string
  why: string | null
}

export interface MemberRegistration {
  kind: 'member'
  id: string
  communityId: string
  communityName: string
  name: string
  /** Full only to the member and their community's staff; masked (138****5678) to everyone else. */
  phone: string
  unitId: string | null
  workUnit: string
  branch: string
  skills: string[]
  intentions: ServiceIntention[]
  pledge: string
  gridId: string | null
  gridName: string | null
  status: RegistrationStatus
  /** The reason of the last rejection or ending. */
  reason: string | null
  renewedHalves: string[]
  createdAt: string
  approvedAt: string | null
  timeline: TimelineEntry[]
}

export interface MyRegistration {
  registration: MemberRegistration | null
  currentHalf: string
  renewedThisHalf: boolean
  canRenew: boolean
}

export interface Unit {
  kind: 'unit'
  id: string
  communityId: string
  communityName: string
  name: string
  org: string
  contactName: string
  /** Full only to the unit's admin and the community's staff. */
  contactPhone: string
  resources: ResourceItem[]
  status: RegistrationStatus
  reason: string | null
  createdAt: string
  approvedAt: string | null
  timeline: TimelineEntry[]
}

/** An approved unit as a member picks it in the registration form. */
export interface UnitOption {
  id: string
  name: string
  org: string
}

export interface UnitMember {
  registrationId: string
  name: string
  phone: string
  communityName: string
  branch: string
  gridName: string | null
  status: RegistrationStatus
  approvedAt: string | null
  renewedThisHalf: boolean
}

/** 亮身份 on what a member does; the name is masked for everyone but the person and staff. */
export interface PartyBadge {
  displayName: string
  branch: string
  pledge: string
}

export interface NeedClaimant {
  kind: 'member' | 'unit'
  displayName: string
  badge: PartyBadge | null
}

export interface Need {
  id: string
  communityId: string
  communityName: string
  category: NeedCategory
  title: string
  description: string
  place: string | null
  deadline: string | null
  status: NeedStatus
  claimant: NeedClaimant | null
  claimedByMe: boolean
  completion: { note: string; photos: string[]; at: string } | null
  postedAt: string
  timeline: TimelineEntry[]
  can: { claim: boolean; release: boolean; complete: boolean; confirm: boolean; cancel: boolean }
}

export interface AssessmentRulesView {
  registrationPoints: number
  wishPoints: number
  needPoints: number
  pointsPerHour: number
  yearlyHours: number
  passMark: number
}

export interface AssessmentEntry {
  id: string
  source: AssessmentSourceKind
  sourceLabel: string
  points: number
  hours: number
  reason: string
  at: string
}

export interface AssessmentTotals {
  points: number
  hours: number
  wishes: number
  needs: number
  registrationPoints: number
  /** points ≥ pass mark */
  passed: boolean
  /** hours ≥ yearly hours */
  hoursMet: boolean
}

export interface RatingView {
  rating: Rating
  label: string
  comment: string | null
  at: string
}

export interface Assessment {
  period: string
  registrationId: string
  name: string
  communityName: string
  rules: AssessmentRulesView
  totals: AssessmentTotals
  rating: RatingView | null
  renewal: { half: string; renewed: boolean }
  /** The highest rating this member can currently be given (合格 when not renewed). */
  maxRating: Rating
  entries: Page<AssessmentEntry>
}

export interface ReportRow {
  registrationId: string
  name: string
  phone: string
  communityName: string
  workUnit: string
  branch: string
  approvedAt: string | null
  renewedHalves: string[]
  renewedThisHalf: boolean
  hours: number
  wishes: number
  needs: number
  points: number
  passed: boolean
  rating: Rating | null
  ratingLabel: string
  maxRating: Rating
}

export interface Report {
  period: string
  scope: { kind: 'unit' | 'community'; id: string; name: string }
  rules: AssessmentRulesView
  rows: ReportRow[]
  nextCursor: string | null
}

export interface ReportCsv {
  filename: string
  /** UTF-8 with BOM so Excel opens the Chinese correctly. */
  csv: string
  rows: number
}

export interface Project {
  id: string
  unitId: string
  unitName: string
  communityId: string
  title: string
  content: string
  status: ProjectStatus
  startDate: string | null
  endDate: string | null
  updatedAt: string
}

export interface GridOption {
  id: string
  name: string
}

export interface MemberCard {
  /** The registration id (what `memberCard` takes). */
  memberId: string
  displayName: string
  communityName: string
  workUnit: string
  branch: string
  pledge: string
  gridName: string | null
  approvedAt: string | null
  renewedThisHalf: boolean
  isSelf: boolean
}

// --- the action map ----------------------------------------------------------------------------------

export const party = {
  registerMember: action(RegisterMemberInput).returns<MemberRegistration>(),
  registerUnit: action(RegisterUnitInput).returns<Unit>(),
  updateResources: action(UpdateResourcesInput).returns<Unit>(),
  review: action(ReviewInput).returns<MemberRegistration | Unit>(),
  myRegistration: action(z.object({}).default({})).returns<MyRegistration>(),
  withdraw: action(WithdrawInput).returns<MyRegistration>(),
  listRegistrations: action(ListRegistrationsInput).returns<Page<MemberRegistration | Unit>>(),
  assignGrid: action(AssignGridInput).returns<MemberRegistration>(),
  renew: action(z.object({}).default({})).returns<MyRegistration>(),
  myUnit: action(z.object({}).default({})).returns<Unit[]>(),
  listUnits: action(ListUnitsInput).returns<UnitOption[]>(),
  unitMembers: action(UnitMembersInput).returns<Page<UnitMember>>(),
  memberCard: action(MemberCardInput).returns<MemberCard>(),
  postNeed: action(PostNeedInput).returns<Need>(),
  claimNeed: action(ClaimNeedInput).returns<Need>(),
  releaseNeed: action(ReleaseNeedInput).returns<Need>(),
  completeNeed: action(CompleteNeedInput).returns<Need>(),
  confirmNeed: action(ConfirmNeedInput).returns<Need>(),
  cancelNeed: action(CancelNeedInput).returns<Need>(),
  listNeeds: action(ListNeedsInput).returns<Page<Need>>(),
  need: action(NeedInput).returns<Need>(),
  listGrids: action(ListGridsInput).returns<GridOption[]>(),
  assessment: action(AssessmentInput).returns<Assessment>(),
  unitReport: action(UnitReportInput).returns<Report>(),
  communityReport: action(CommunityReportInput).returns<Report>(),
  reportCsv: action(ReportCsvInput).returns<ReportCsv>(),
  rate: action(RateInput).returns<RatingView>(),
  upsertProject: action(UpsertProjectInput).returns<Project>(),
  listProjects: action(ListProjectsInput).returns<Page<Project>>()
}

export type { NeedStatus, Rating, RegistrationStatus }
