// Domain enums shared by the app and the cloud functions. Labels are what residents read.

/** The version of the privacy guide (用户隐私保护指引) a person agrees to; bump it when the guide changes. */
export const PRIVACY_VERSION = '2026-11'

export const ROLES = [
  'resident',
  'volunteer',
  'member',
  'merchant',
  'unitAdmin',
  'gridWorker',
  'deptHandler',
  'staff',
  'streetAdmin'
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  member: '在职党员',
  merchant: '商家',
  unitAdmin: '单位管理员',
  gridWorker: '网格员',
  deptHandler: '部门处置人员',
  staff: '社区工作者',
  streetAdmin: '街道管理员'
}

/** The walk tiers of the 15-minute life circle, in minutes. */
export const CIRCLE_TIERS = [5, 10, 15] as const
export type CircleTier = (typeof CIRCLE_TIERS)[number]

/**
 * Facility categories (GB 50180-2018, TD/T 1062-2021, the 2023 embedded-service-facility guideline),
 * each with the circle tier it belongs to and an icon glyph shown in chips and lists.
 */
export const FACILITY_CATEGORIES = [
  { id: 'partyCenter', name: '党群服务中心', tier: 15, icon: '党' },
  { id: 'serviceStation', name: '社区综合服务站', tier: 10, icon: '服' },
  { id: 'socialWork', name: '社会工作站/室', tier: 15, icon: '社' },
  { id: 'elderCare', name: '养老服务站/日间照料中心', tier: 10, icon: '老' },
  { id: 'canteen', name: '老年助餐点/社区食堂', tier: 10, icon: '餐' },
  { id: 'childcare', name: '托育/托幼托管', tier: 10, icon: '托' },
  { id: 'kindergarten', name: '幼儿园', tier: 10, icon: '幼' },
  { id: 'primarySchool', name: '小学', tier: 15, icon: '学' },
  { id: 'clinic', name: '社区卫生服务站', tier: 15, icon: '医' },
  { id: 'pharmacy', name: '药店', tier: 10, icon: '药' },
  { id: 'market', name: '菜市场/生鲜超市', tier: 10, icon: '菜' },
  { id: 'convenience', name: '便利店', tier: 5, icon: '便' },
  { id: 'culture', name: '文化活动室/图书室', tier: 10, icon: '文' },
  { id: 'fitness', name: '健身场地', tier: 5, icon: '健' },
  { id: 'workerStation', name: '新就业群体服务站(红蜂驿站/暖心驿站)', tier: 15, icon: '驿' },
  { id: 'parcel', name: '快递驿站', tier: 5, icon: '递' },
  { id: 'toilet', name: '公共厕所', tier: 10, icon: '厕' }
] as const satisfies ReadonlyArray<{ id: string; name: string; tier: CircleTier; icon: string }>

export type FacilityCategory = (typeof FACILITY_CATEGORIES)[number]['id']
export const FACILITY_CATEGORY_IDS = FACILITY_CATEGORIES.map((c) => c.id) as unknown as readonly [FacilityCategory, ...FacilityCategory[]]

export const FACILITY_STATUSES = ['open', 'closed'] as const
export type FacilityStatus = (typeof FACILITY_STATUSES)[number]

/** Micro-wish lifecycle (docs/pillars/micro-wishes.md). */
export const WISH_STATUSES = ['submitted', 'published', 'rejected', 'claimed', 'fulfilled', 'confirmed', 'withdrawn'] as const
export type WishStatus = (typeof WISH_STATUSES)[number]
export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  submitted: '待审核',
  published: '待认领',
  rejected: '已驳回',
  claimed: '已认领',
  fulfilled: '已实现',
  confirmed: '已确认',
  withdrawn: '已撤回'
}

export const WISH_CATEGORIES = ['goods', 'service', 'company', 'study', 'other'] as const
export type WishCategory = (typeof WISH_CATEGORIES)[number]
export const WISH_CATEGORY_LABELS: Record<WishCategory, string> = {
  goods: '物资',
  service: '服务',
  company: '陪伴',
  study: '学习',
  other: '其他'
}

/** How a wish's beneficiary is called in public: surname + appellation (张奶奶), or masked (张**). */
export const APPELLATIONS = ['奶奶', '爷爷', '阿姨', '叔叔', '大妈', '大爷', '女士', '先生', '同学', '小朋友'] as const
export type Appellation = (typeof APPELLATIONS)[number]
/** The appellations allowed for a child under 14. */
export const CHILD_APPELLATIONS = ['同学', '小朋友'] as const satisfies readonly Appellation[]
/** How a claimer delivers: contacting the beneficiary, or through the community's hand-over point. */
export const DELIVERY_MODES = ['contact', 'handover'] as const
export type DeliveryMode = (typeof DELIVERY_MODES)[number]
/** Wish statuses anyone may see on the wall and on a public detail page. */
export const PUBLIC_WISH_STATUSES = ['published', 'claimed', 'fulfilled', 'confirmed'] as const satisfies readonly WishStatus[]
export type PublicWishStatus = (typeof PUBLIC_WISH_STATUSES)[number]
/**
 * The fixed reasons a subscription message carries. Free text typed by one person (a release reason, a
 * reviewer's note) is kept for staff but never forwarded to another person's WeChat.
 */
export const NOTICE_REASONS = [
  'wishPublished',
  'wishRejected',
  'wishClaimed',
  'wishReleased',
  'wishReleasedByStaff',
  'wishExpired',
  'wishFulfilled',
  'registrationApproved',
  'registrationRejected',
  'enrollmentConfirmed',
  'pickupReady',
  // grid reports (OPS): the reporter's three messages, staff and department reminders
  'reportAccepted',
  'reportResolved',
  'reportReview',
  'reportSignOverdue',
  'reportOverdue',
  'whistleOverdue'
] as const
export type NoticeReason = (typeof NOTICE_REASONS)[number]
/** At most 20 characters each: WeChat's limit for a `thing` value. */
export const NOTICE_REASON_LABELS: Record<NoticeReason, string> = {
  wishPublished: '审核通过，已公开征集',
  wishRejected: '未通过审核，详情请进入小程序查看',
  wishClaimed: '已有志愿者认领您的心愿',
  wishReleased: '认领人已放弃，重新征集中',
  wishReleasedByStaff: '社区已结束本次认领，重新征集中',
  wishExpired: '认领超时未实现，重新征集中',
  wishFulfilled: '心愿已实现，请进入小程序确认',
  registrationApproved: '审核已通过',
  registrationRejected: '未通过审核，详情请进入小程序查看',
  enrollmentConfirmed: '报名成功，请按时到场签到',
  pickupReady: '兑换成功，请凭取货码到店领取',
  reportAccepted: '您反映的问题已受理，正在处理',
  reportResolved: '问题已办结，请确认是否解决',
  reportReview: '请评价办理结果，3天未评价将自动结案',
  reportSignOverdue: '有问题超过签收时限，请尽快签收',
  reportOverdue: '有问题超过办结时限，请尽快处理',
  whistleOverdue: '吹哨事项已超过报到时限，请尽快报到'
}

/**
 * What a notice (消息) is about: each subscription message and its in-app twin in the message centre.
 * The title is fixed per kind and the body is a NOTICE_REASON_LABELS sentence, so no notice ever carries
 * another person's free text.
 */
export const NOTICE_KINDS = [
  'wishPublished',
  'wishRejected',
  'wishClaimed',
  'wishReleased',
  'wishFulfilled',
  'enrollmentConfirmed',
  'pickupReady',
  'merchantReviewed',
  'unitReviewed',
  'memberReviewed',
  'reportAccepted',
  'reportResolved',
  'reportReview',
  'reportOverdue',
  'whistleOverdue',
  'riderReviewed'
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]
export const NOTICE_KIND_TITLES: Record<NoticeKind, string> = {
  wishPublished: '心愿已公开征集',
  wishRejected: '心愿未通过审核',
  wishClaimed: '心愿已被认领',
  wishReleased: '心愿重新征集中',
  wishFulfilled: '心愿已实现',
  enrollmentConfirmed: '活动报名成功',
  pickupReady: '兑换成功，待取货',
  merchantReviewed: '商家入驻审核结果',
  unitReviewed: '单位报到审核结果',
  memberReviewed: '党员报到审核结果',
  reportAccepted: '随手拍已受理',
  reportResolved: '随手拍已办结',
  reportReview: '随手拍回访',
  reportOverdue: '随手拍超期提醒',
  whistleOverdue: '吹哨报到超时提醒',
  riderReviewed: '兼职网格员审核结果'
}
/** The pages a notice may open (each a page of src/routes.ts, checked by a test there). */
export const NOTICE_PAGES = [
  'packages/wish/detail/index',
  'packages/volunteer/activity/index',
  'packages/points/orders/index',
  'packages/points/merchant/index',
  'packages/party/unit/index',
  'packages/party/status/index',
  'packages/report/detail/index',
  'packages/report/mine/index',
  'packages/workbench/report/index'
] as const
export type NoticePage = (typeof NOTICE_PAGES)[number]
export interface NoticeTarget {
  page: NoticePage
  /** Query parameters of the page (ids of the thing the notice is about). */
  params: Record<string, string>
}

/**
 * Why staff end a claim (强制释放) or stop a person claiming in their community: picked from these in the
 * app and recorded for staff; the beneficiary only ever hears `wishReleasedByStaff`.
 */
export const FORCE_RELEASE_REASONS = ['unreachable', 'stalled', 'beneficiaryAsked', 'misconduct'] as const
export type ForceReleaseReason = (typeof FORCE_RELEASE_REASONS)[number]
export const FORCE_RELEASE_REASON_LABELS: Record<ForceReleaseReason, string> = {
  unreachable: '认领人联系不上',
  stalled: '认领后长期没有进展',
  beneficiaryAsked: '受助人或家属要求更换认领人',
  misconduct: '认领人有不当行为'
}
export const SUSPENSION_REASONS = ['misconduct', 'repeatedRelease', 'complaint', 'unverified'] as const
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number]
export const SUSPENSION_REASON_LABELS: Record<SuspensionReason, string> = {
  misconduct: '有不当行为（如索要额外联系方式、财物）',
  repeatedRelease: '多次认领后放弃',
  complaint: '受助人投诉',
  unverified: '身份需要重新核实'
}

export const WISH_LIMITS = { title: 30, story: 500, photos: 6, note: 300, reason: 200, maxValue: 100_000 } as const

/** Dual registration (双报到) of a member or a unit. */
export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected', 'ended'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  ended: '已结束'
}

export const NEED_STATUSES = ['open', 'claimed', 'completed', 'confirmed', 'cancelled'] as const
export type NeedStatus = (typeof NEED_STATUSES)[number]
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: '待认领',
  claimed: '已认领',
  completed: '待确认',
  confirmed: '已完成',
  cancelled: '已取消'
}

export const RATINGS = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const
export type Rating = (typeof RATINGS)[number]
export const RATING_LABELS: Record<Rating, string> = {
  excellent: '优秀',
  qualified: '合格',
  basicallyQualified: '基本合格',
  unqualified: '不合格'
}

/** Volunteer activity enrollment. */
export const ENROLLMENT_STATUSES = ['enrolled', 'cancelled', 'checkedIn', 'completed', 'absent'] as const
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number]
export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  enrolled: '已报名',
  cancelled: '已取消',
  checkedIn: '已签到',
  completed: '已完成',
  absent: '缺席'
}

/** Points-supermarket order (redemption). */
export const ORDER_STATUSES = ['pending', 'pickedUp', 'cancelled', 'expired'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: '待领取',
  pickedUp: '已领取',
  cancelled: '已取消',
  expired: '已过期'
}

export const MERCHANT_STATUSES = ['pending', 'approved', 'rejected'] as const
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number]

export const LEDGER_KINDS = ['credit', 'redemption', 'refund', 'adjust'] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]
