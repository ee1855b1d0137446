// volunteer: registration, activities, enrollment, verified check-in/out, service records and certificates.
import { z } from 'zod'
import { action } from '../contract'
import type { EnrollmentStatus } from '../enums'
import { dateTime, fileId, id, int, location, mobile, page, requestId, text, type LatLng, type Page } from './common'
import { CHECKIN_MODES, type ActivityPhase, type AttendanceFlag, type CheckinMode, type VolunteerStatus } from './volunteer.labels'

export * from './volunteer.labels'

/** 18-digit resident ID (GB 11643); the checksum is verified on the server, only masked + keyed hash is kept. */
export const idCard = z
  .string({ invalid_type_error: '身份证号格式不正确' })
  .transform((s) => s.replace(/\s/g, '').toUpperCase())
  .refine((s) => /^\d{17}[\dX]$/.test(s), '请填写18位身份证号')

const skills = z
  .array(text('技能', { max: 12 }), { invalid_type_error: '技能格式不正确' })
  .max(8, '技能最多选8项')
  .default([])

export const RegisterInput = z.object({
  realName: text('姓名', { min: 2, max: 20 }),
  phone: mobile(),
  communityId: id('社区'),
  skills,
  idCard: idCard.optional(),
  boardOptIn: z.boolean({ invalid_type_error: '积分榜公开设置格式不正确' }).default(false),
  consent: z.literal(true, { errorMap: () => ({ message: '请先阅读并同意志愿服务记录规则' }) })
})

export const VOLUNTEER_NUMBER = /^ZY\d{8}$/
const volunteerNo = z
  .string({ required_error: '请填写志愿者编号', invalid_type_error: '志愿者编号格式不正确' })
  .refine((s) => VOLUNTEER_NUMBER.test(s), '志愿者编号格式不正确')

/** Staff decide on a pending registration; a rejection says why. */
export const ReviewVolunteerInput = z
  .object({
    volunteerNo,
    decision: z.enum(['approve', 'reject'], { errorMap: () => ({ message: '请选择通过或不通过' }) }),
    reason: text('审核意见', { max: 200 }).optional()
  })
  .refine((i) => i.decision === 'approve' || Boolean(i.reason), { message: '不通过时请填写原因', path: ['reason'] })

export const PendingVolunteersInput = z.object({ communityId: id('社区').optional(), ...page })

export const UpdateVolunteerInput = z.object({
  phone: mobile().optional(),
  skills: skills.optional(),
  boardOptIn: z.boolean({ invalid_type_error: '积分榜公开设置格式不正确' }).optional()
})

/** Longest activity span, so hours and points stay sane. */
export const MAX_ACTIVITY_HOURS = 24

const toMs = (v: string | number) => (typeof v === 'number' ? v : Date.parse(v))

export const CreateActivityInput = z
  .object({
    /** A repeated tap (or a retry after a lost answer) with the same request id creates the activity once. */
    requestId,
    communityId: id('社区').optional(),
    title: text('活动名称', { min: 2, max: 40 }),
    content: text('服务内容', { min: 2, max: 2000 }),
    venue: text('活动地点', { min: 2, max: 60 }),
    location,
    start: dateTime('开始时间'),
    end: dateTime('结束时间'),
    enrollDeadline: dateTime('报名截止时间'),
    capacity: int('招募人数', 1, 500),
    pointsPerHour: int('每小时积分', 0, 100),
    pointsCap: int('积分上限', 0, 1000),
    radius: int('签到范围', 50, 2000),
    cover: fileId.optional(),
    checkinMode: z.enum(CHECKIN_MODES, { errorMap: () => ({ message: '请选择签到方式' }) }).default('staffScan')
  })
  .superRefine((a, ctx) => {
    const [start, end, deadline] = [toMs(a.start), toMs(a.end), toMs(a.enrollDeadline)]
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['end'], message: '结束时间必须晚于开始时间' })
    else if (end - start > MAX_ACTIVITY_HOURS * 3600_000)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `单次活动不能超过${MAX_ACTIVITY_HOURS}小时` })
    if (deadline > start) ctx.addIssue({ code: 'custom', path: ['enrollDeadline'], message: '报名截止时间不能晚于开始时间' })
  })

export const ACTIVITY_SCOPES = ['upcoming', 'nearby', 'mine', 'managed'] as const
export type ActivityScope = (typeof ACTIVITY_SCOPES)[number]

export const ListActivitiesInput = z
  .object({
    scope: z.enum(ACTIVITY_SCOPES, { errorMap: () => ({ message: '列表类型不正确' }) }).default('upcoming'),
    communityId: id('社区').optional(),
    location: location.optional(),
    ...page
  })
  .refine((i) => i.scope !== 'nearby' || i.location, { message: '请先获取位置或选择社区', path: ['location'] })

const activityId = z.object({ activityId: id('活动') })
const enrollmentRef = z.object({
  enrollmentId: z
    .string({ required_error: '缺少报名记录', invalid_type_error: '报名记录格式不正确' })
    .min(1, '缺少报名记录')
    .max(140, '报名记录格式不正确')
    .regex(/^[A-Za-z0-9_-]+$/, '报名记录格式不正确')
})

/** What the volunteer scanned: the QR text or the token typed in by hand. */
const scanned = z
  .string({ required_error: '请扫描签到码', invalid_type_error: '签到码格式不正确' })
  .trim()
  .min(1, '请扫描签到码')
  .max(300, '签到码格式不正确')

/** Location evidence sent with the code: the accuracy the phone reported, and a per-install random id. */
export const CheckInput = z.object({
  activityId: id('活动'),
  token: scanned,
  location,
  accuracy: z.number({ invalid_type_error: '定位精度格式不正确' }).finite('定位精度格式不正确').min(0).max(100_000).optional(),
  deviceId: z
    .string({ invalid_type_error: '设备标识格式不正确' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '设备标识格式不正确')
    .optional()
})

/** Staff scan (or type) a volunteer's own code at the venue: they witness the check-in or check-out. */
export const ScanVolunteerInput = z.object({
  activityId: id('活动'),
  code: scanned,
  kind: z.enum(['in', 'out'], { errorMap: () => ({ message: '请选择签到或签退' }) }),
  location: location.optional(),
  accuracy: CheckInput.shape.accuracy
})

export const CorrectHoursInput = enrollmentRef.extend({
  hours: z
    .number({ required_error: '请填写时长', invalid_type_error: '时长必须是数字' })
    .min(0, '时长不能小于0')
    .max(MAX_ACTIVITY_HOURS, `时长不能超过${MAX_ACTIVITY_HOURS}小时`)
    .refine((h) => Number.isInteger(h * 2), '时长以半小时为单位'),
  reason: text('修改原因', { min: 2, max: 200 })
})

/** Another staff member approves or rejects a staff member's correction of their own hours. */
export const ReviewCorrectionInput = enrollmentRef.extend({
  approve: z.boolean({ required_error: '请选择同意或驳回', invalid_type_error: '请选择同意或驳回' }),
  reason: text('审批意见', { min: 0, max: 100 }).default('')
})

export const CERTIFICATE_NUMBER = /^ZYJL-\d{4}-[0-9A-HJKMNP-TV-Z]{10}$/
export const certificateNumber = z
  .string({ required_error: '请填写证明编号', invalid_type_error: '证明编号格式不正确' })
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => CERTIFICATE_NUMBER.test(s), '证明编号格式不正确')

// ---- results ------------------------------------------------------------------------------------------

export interface VolunteerProfile {
  volunteerNo: string
  realName: string
  /** Masked: 138****5678. */
  phone: string
  communityId: string
  communityName: string
  skills: string[]
  idCardMasked: string | null
  boardOptIn: boolean
  registeredAt: string
  totalHours: number
  activityCount: number
  /** Pending until community staff approve; only an approved volunteer may claim wishes. */
  status: VolunteerStatus
  /** Why staff did not approve (the last review's reason) while rejected; null otherwise. */
  reviewReason: string | null
}

/** A registration as staff review it. */
export interface PendingVolunteer {
  volunteerNo: string
  realName: string
  /** Full number: staff of the volunteer's community call to vet. */
  phone: string
  communityId: string
  skills: string[]
  idCardMasked: string | null
  registeredAt: string
  status: VolunteerStatus
}

export interface ActivitySummary {
  id: string
  title: string
  communityId: string
  communityName: string
  venue: string
  location: LatLng
  start: string
  end: string
  enrollDeadline: string
  capacity: number
  enrolled: number
  pointsPerHour: number
  pointsCap: number
  radius: number
  cover: string | null
  phase: ActivityPhase
  checkinMode: CheckinMode
  /** Meters from the given location (nearby list only). */
  distance: number | null
  myStatus: EnrollmentStatus | null
}

export interface HoursCorrection {
  from: number
  to: number
  reason: string
  at: string
}

export interface EnrollmentView {
  id: string
  activityId: string
  status: EnrollmentStatus
  enrolledAt: string
  checkInAt: string | null
  checkOutAt: string | null
  hours: number
  points: number
  missingCheckout: boolean
  corrections: HoursCorrection[]
}

export interface ActivityDetail extends ActivitySummary {
  content: string
  organiser: string
  /** Whether the caller may enroll now, and if not why (a sentence). */
  enrollOpen: boolean
  enrollBlocked: string | null
  myEnrollment: EnrollmentView | null
  canManage: boolean
}

/** A rotating code: the venue code staff show, or a volunteer's own code (`volunteer.myCheckinCode`). */
export interface CheckinCode {
  activityId: string
  /** The text the QR code carries. */
  payload: string
  /** The same code to type: 6 characters, no 0/O/1/I/L. */
  shortCode: string
  window: number
  /** When this code stops being accepted (ISO). */
  validUntil: string
  refreshInSeconds: number
}

export interface CheckResult {
  enrollment: EnrollmentView
  distance: number
  /** Points credited by this check-out (0 on check-in). */
  credited: number
}

/** What staff see after scanning a volunteer's code: who it is, so they can compare with the person in front of them. */
export interface ScanResult {
  kind: 'in' | 'out'
  realName: string
  volunteerNo: string
  enrollment: EnrollmentView
  /** Meters from the staff member's phone to the venue, when it sent its location. */
  distance: number | null
  credited: number
}

/** Where a check-in or check-out was made, as the phone reported it. */
export interface LocationEvidence {
  lat: number
  lng: number
  accuracy: number | null
  /** Meters to the venue. */
  distance: number
  at: string
}

export interface AttendanceRow extends EnrollmentView {
  openid: string
  realName: string
  phone: string
  volunteerNo: string
  /** A staff member's correction of their own hours, waiting for another staff member (four eyes). */
  pendingCorrection: { hours: number; reason: string; at: string } | null
  checkInEvidence: LocationEvidence | null
  checkOutEvidence: LocationEvidence | null
  /** Whether staff scanned the volunteer's own code (witnessed) for the check-in and the check-out. */
  witnessed: { checkIn: boolean; checkOut: boolean }
  /** Implausible patterns for staff to look at; they did not block anything. */
  flags: AttendanceFlag[]
}

export interface AttendanceSummary {
  enrolled: number
  checkedIn: number
  completed: number
  absent: number
  cancelled: number
}

export interface RecordItem {
  enrollmentId: string
  activityId: string
  title: string
  content: string
  organiser: string
  start: string
  end: string
  hours: number
  points: number
}

export interface RecordIdentity {
  realName: string
  volunteerNo: string
  idCardMasked: string | null
  communityName: string
}

export interface ServiceRecords extends Page<RecordItem> {
  identity: RecordIdentity
  totalHours: number
  activityCount: number
}

export interface Certificate {
  number: string
  realName: string
  idCardMasked: string | null
  volunteerNo: string
  totalHours: number
  activityCount: number
  /** First and last service date covered (ISO), null when there is none. */
  from: string | null
  to: string | null
  items: RecordItem[]
  issuer: string
  issuedAt: string
}

export interface CertificateCheck {
  valid: true
  number: string
  /** Masked: 李**. */
  name: string
  volunteerNo: string
  totalHours: number
  activityCount: number
  from: string | null
  to: string | null
  issuer: string
  issuedAt: string
}

export interface FinishResult {
  completed: number
  absent: number
  missingCheckout: number
}

export const volunteer = {
  register: action(RegisterInput).returns<VolunteerProfile>(),
  profile: action(z.object({}).default({})).returns<VolunteerProfile | null>(),
  updateProfile: action(UpdateVolunteerInput).returns<VolunteerProfile>(),
  pendingVolunteers: action(PendingVolunteersInput).returns<Page<PendingVolunteer>>(),
  reviewVolunteer: action(ReviewVolunteerInput).returns<PendingVolunteer>(),
  createActivity: action(CreateActivityInput).returns<ActivityDetail>(),
  listActivities: action(ListActivitiesInput).returns<Page<ActivitySummary>>(),
  activity: action(activityId).returns<ActivityDetail>(),
  enroll: action(activityId).returns<EnrollmentView>(),
  cancelEnrollment: action(activityId).returns<EnrollmentView>(),
  checkinCode: action(activityId).returns<CheckinCode>(),
  myCheckinCode: action(activityId).returns<CheckinCode>(),
  scanVolunteer: action(ScanVolunteerInput).returns<ScanResult>(),
  checkIn: action(CheckInput).returns<CheckResult>(),
  checkOut: action(CheckInput).returns<CheckResult>(),
  attendance: action(activityId.extend(page)).returns<Page<AttendanceRow> & { summary: AttendanceSummary }>(),
  correctHours: action(CorrectHoursInput).returns<AttendanceRow>(),
  reviewCorrection: action(ReviewCorrectionInput).returns<AttendanceRow>(),
  completeActivity: action(activityId).returns<FinishResult>(),
  records: action(z.object(page).default({})).returns<ServiceRecords>(),
  certificate: action(z.object({}).default({})).returns<Certificate>(),
  verifyCertificate: action(z.object({ number: certificateNumber })).returns<CertificateCheck>()
}
