// wish: micro-wishes (微心愿) — post, review, claim, fulfil, confirm (docs/pillars/micro-wishes.md).
import { z } from 'zod'
import { action } from '../contract'
import {
  APPELLATIONS,
  DELIVERY_MODES,
  PUBLIC_WISH_STATUSES,
  WISH_CATEGORIES,
  WISH_LIMITS,
  WISH_STATUSES,
  type DeliveryMode,
  type WishCategory,
  type WishStatus
} from '../enums'
import { calendarDay, fileId, id, int, location, mobile, optionalText, page, period, requestId, text, type Page } from './common'

export { APPELLATIONS, CHILD_APPELLATIONS, DELIVERY_MODES, PUBLIC_WISH_STATUSES, WISH_LIMITS } from '../enums'
export type { Appellation, DeliveryMode, PublicWishStatus } from '../enums'

const category = z.enum(WISH_CATEGORIES, { errorMap: () => ({ message: '请选择心愿类别' }) })
const photos = (label: string) =>
  z
    .array(fileId, { invalid_type_error: `${label}格式不正确` })
    .max(WISH_LIMITS.photos, `${label}最多${WISH_LIMITS.photos}张`)
    .default([])
const wishId = id('心愿编号')
const day = calendarDay()

export const BeneficiaryInput = z.object(
  {
    name: text('受助人姓名', { min: 2, max: 20 }),
    appellation: z.enum(APPELLATIONS, { errorMap: () => ({ message: '称呼格式不正确' }) }).optional(),
    phone: mobile('联系电话').optional(),
    address: optionalText('联系地址', 100),
    /** A child under 14: only staff may post (代录), with the guardian's consent. */
    isChild: z.boolean().default(false),
    /** A vulnerable resident (e.g. living alone, frail): delivered through the community, like a child's wish. */
    vulnerable: z.boolean().default(false)
  },
  { required_error: '请填写受助人信息' }
)

export const GuardianInput = z.object({
  name: text('监护人姓名', { min: 2, max: 20 }),
  relation: text('与儿童关系', { max: 10 }),
  phone: mobile('监护人电话'),
  consent: z.literal(true, { errorMap: () => ({ message: '须取得监护人同意' }) })
})

export const SubmitInput = z
  .object({
    requestId,
    /** Staff posting on behalf of a resident in need (代录). */
    proxy: z.boolean().default(false),
    /** The community of a 代录 wish; a resident's own wish belongs to their community. */
    communityId: id('社区').optional(),
    /** The beneficiary's compound, for "nearest first" (代录 only; a resident's comes from their profile). */
    compoundId: id('小区').optional(),
    category,
    title: text('心愿标题', { max: WISH_LIMITS.title }),
    story: text('心愿描述', { max: WISH_LIMITS.story }),
    value: int('预估价值', 0, WISH_LIMITS.maxValue),
    desiredDate: day.optional(),
    photos: photos('图片'),
    beneficiary: BeneficiaryInput,
    guardian: GuardianInput.optional(),
    delivery: z.enum(DELIVERY_MODES, { errorMap: () => ({ message: '请选择交付方式' }) }).default('contact'),
    consent: z.literal(true, { errorMap: () => ({ message: '请阅读并同意心愿发布须知' }) })
  })
  .superRefine((w, ctx) => {
    if (w.beneficiary.isChild && !w.guardian) ctx.addIssue({ code: 'custom', path: ['guardian'], message: '儿童心愿须记录监护人同意' })
    if (w.proxy && !w.communityId) ctx.addIssue({ code: 'custom', path: ['communityId'], message: '请选择社区' })
  })

export const ReviewInput = z
  .object({
    wishId,
    decision: z.enum(['publish', 'reject'], { errorMap: () => ({ message: '请选择审核结果' }) }),
    reason: optionalText('审核意见', WISH_LIMITS.reason)
  })
  .refine((r) => r.decision === 'publish' || Boolean(r.reason), { path: ['reason'], message: '驳回时请填写理由' })

export const WallInput = z
  .object({
    communityId: id('社区').optional(),
    category: category.optional(),
    sort: z.enum(['newest', 'nearest']).default('newest'),
    location: location.optional(),
    status: z.enum(PUBLIC_WISH_STATUSES).default('published'),
    ...page
  })
  .refine((w) => w.sort !== 'nearest' || Boolean(w.location), { path: ['location'], message: '按距离排序需要位置' })

export const MineInput = z.object({ as: z.enum(['beneficiary', 'claimer']).default('beneficiary'), ...page })

export const ReviewQueueInput = z.object({
  communityId: id('社区').optional(),
  status: z.enum(WISH_STATUSES).default('submitted'),
  ...page
})

export const StatsInput = z.object({
  communityId: id('社区').optional(),
  streetId: id('街道').optional(),
  period: period.optional()
})

export const WishRef = z.object({ wishId })
export const ReleaseInput = z.object({ wishId, reason: optionalText('放弃原因', WISH_LIMITS.reason) })
/** Staff end a claim (the reason is kept for staff; the beneficiary hears a fixed reason) and may suspend the claimer. */
export const ForceReleaseInput = z.object({
  wishId,
  reason: text('释放原因', { max: WISH_LIMITS.reason }),
  suspend: z.boolean().default(false)
})
/** Staff suspend (or lift the suspension of) the person who last claimed this wish, in its community. */
export const SuspensionInput = z.object({
  wishId,
  suspended: z.boolean({ required_error: '请选择暂停或恢复', invalid_type_error: '请选择暂停或恢复' }),
  reason: text('原因', { max: WISH_LIMITS.reason })
})
export const ContactViewsInput = z.object({ communityId: id('社区').optional(), wishId: wishId.optional(), ...page })
export const WithdrawInput = z.object({ wishId, reason: optionalText('撤回原因', WISH_LIMITS.reason) })
export const FulfilInput = z.object({
  wishId,
  note: text('实现说明', { max: WISH_LIMITS.note }),
  photos: photos('实现照片').refine((p) => p.length > 0, '请上传至少一张实现照片')
})
export const ConfirmInput = z.object({
  wishId,
  rating: int('评分', 1, 5),
  thanks: text('感谢留言', { max: WISH_LIMITS.note })
})

// --- answers -------------------------------------------------------------------------------------

/** 亮身份: the claimer's party badge (name masked), or a volunteer's masked name. */
export interface ClaimerBadge {
  kind: 'member' | 'volunteer'
  displayName: string
  branch: string | null
  pledge: string | null
}

/** One recorded transition. `who`/`why` are shown only to the people involved and staff. */
export interface WishTimelineEntry {
  at: string
  from: WishStatus | null
  to: WishStatus
  label: string
  /** A role label (居民, 社区工作者, 在职党员, 系统), never a name. */
  actor: string
  why?: string
}

/** A wish on the wall: public fields only. */
export interface WishCard {
  id: string
  category: WishCategory
  title: string
  story: string
  communityId: string
  communityName: string
  beneficiaryDisplay: string
  /** Public photos; never a child's. */
  photos: string[]
  value: number
  desiredDate: string | null
  status: WishStatus
  submittedAt: string
  publishedAt: string | null
  claimedAt: string | null
  fulfilledAt: string | null
  confirmedAt: string | null
  /** Meters from the given location, for "nearest first". */
  distance: number | null
}

export interface WishDelivery {
  mode: DeliveryMode
  /** mode contact: who to contact and where. */
  name: string | null
  phone: string | null
  address: string | null
  /** mode handover: the community's hand-over point and its phone. */
  handoverPoint: string | null
  communityPhone: string | null
}

/** One answer that carried a beneficiary's contact details: who saw whose, on which wish, when. */
export interface ContactView {
  at: string
  wishId: string
  wishTitle: string
  /** The viewer's real name (or nickname) and in what capacity they saw it. */
  viewerName: string
  viewerRole: 'staff' | 'member' | 'volunteer'
}

/** What only the submitter, the beneficiary, the claimer and the community's staff see. */
export interface WishPrivate {
  beneficiaryName: string
  phone: string | null
  address: string | null
  isChild: boolean
  proxy: boolean
  guardian: { name: string; relation: string; phone: string; consentAt: string } | null
  /** Photos kept off the public wall (a child's). */
  privatePhotos: string[]
  rejectReason: string | null
}

export type WishViewer = 'public' | 'owner' | 'claimer' | 'staff'

export interface WishDetail extends WishCard {
  claimer: ClaimerBadge | null
  timeline: WishTimelineEntry[]
  fulfilment: { note: string; photos: string[]; at: string } | null
  confirmation: { rating: number; thanks: string; at: string } | null
  claimDeadline: string | null
  /** The wish's community's claim period in days (its claimDays setting): the claim prompt shows it. */
  claimDays: number
  viewer: WishViewer
  can: { claim: boolean; release: boolean; fulfil: boolean; confirm: boolean; withdraw: boolean; review: boolean }
  private: WishPrivate | null
  delivery: WishDelivery | null
}

export interface MyWish extends WishCard {
  claimDeadline: string | null
  rejectReason: string | null
  /** What waits for the caller on this wish, if anything. */
  todo: 'fulfil' | 'confirm' | null
}

export interface StaffWish extends WishCard {
  claimDeadline: string | null
  private: WishPrivate
  claimer: ClaimerBadge | null
}

export interface WishStats {
  scope: { communityId: string | null; streetId: string | null; period: string | null }
  counts: Record<WishStatus, number>
  /** Wishes that reached the wall (published or later, not withdrawn or rejected). */
  total: number
  /** 办结率: confirmed ÷ total, 0..1, null when nothing was published. */
  completionRate: number | null
  /** 认领率: claimed, fulfilled or confirmed ÷ total. */
  claimRate: number | null
  medianHoursToClaim: number | null
  medianHoursToFulfil: number | null
  averageRating: number | null
  ratings: number
}

export interface SubmitResult {
  id: string
  status: WishStatus
}

export interface TransitionResult {
  id: string
  status: WishStatus
}

export const wish = {
  submit: action(SubmitInput).returns<SubmitResult>(),
  review: action(ReviewInput).returns<TransitionResult>(),
  wall: action(WallInput).returns<Page<WishCard>>(),
  detail: action(WishRef).returns<WishDetail>(),
  mine: action(MineInput).returns<Page<MyWish>>(),
  claim: action(WishRef).returns<TransitionResult & { delivery: WishDelivery; claimDeadline: string }>(),
  release: action(ReleaseInput).returns<TransitionResult>(),
  fulfil: action(FulfilInput).returns<TransitionResult>(),
  confirm: action(ConfirmInput).returns<TransitionResult & { points: number }>(),
  withdraw: action(WithdrawInput).returns<TransitionResult>(),
  forceRelease: action(ForceReleaseInput).returns<TransitionResult & { suspended: boolean }>(),
  setClaimerSuspension: action(SuspensionInput).returns<{ suspended: boolean }>(),
  contactViews: action(ContactViewsInput).returns<Page<ContactView>>(),
  expireClaims: action(z.object({}).default({})).returns<{ released: number }>(),
  reviewQueue: action(ReviewQueueInput).returns<Page<StaffWish>>(),
  stats: action(StatsInput).returns<WishStats>()
}
