// Constants of volunteer service that the app shows. No zod here, so pages import them without bringing
// the schemas into their bundle; volunteer.ts re-exports them.

export type ActivityPhase = 'upcoming' | 'ongoing' | 'ended' | 'finished'
export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
  finished: '已结项'
}

/** Implausible check-in patterns shown to staff on the attendance list; they never block a check-in. */
export type AttendanceFlag = 'exactVenue' | 'sharedDevice' | 'farApart' | 'tooShort'
export const ATTENDANCE_FLAG_LABELS: Record<AttendanceFlag, string> = {
  exactVenue: '定位与活动地点完全重合',
  sharedDevice: '与他人使用同一设备签到',
  farApart: '签到与签退地点相距过远',
  tooShort: '签到后很快签退'
}

/** A volunteer registration: pending until staff of its community approve or reject it. */
export const VOLUNTEER_STATUSES = ['pending', 'approved', 'rejected'] as const
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number]
export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过'
}

/**
 * How volunteers check in at an activity. staffScan: staff scan each volunteer's own rotating code (the
 * staff member is the witness that this person is there); venueCode: volunteers also scan the code staff
 * show at the venue themselves (quicker for a crowd, but a venue code cannot prove who scanned it).
 */
export const CHECKIN_MODES = ['staffScan', 'venueCode'] as const
export type CheckinMode = (typeof CHECKIN_MODES)[number]
export const CHECKIN_MODE_LABELS: Record<CheckinMode, string> = {
  staffScan: '工作人员扫志愿者的签到码',
  venueCode: '志愿者扫现场签到码'
}
/** What activities stored before the setting existed do. */
export const LEGACY_CHECKIN_MODE: CheckinMode = 'venueCode'
