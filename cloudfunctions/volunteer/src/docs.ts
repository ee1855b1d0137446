// Stored shapes of the volunteer pillar's documents; those other functions read live in _shared/docs/volunteer.ts.
import { LEGACY_CHECKIN_MODE, type CheckinMode } from '../../../types/schemas/volunteer.labels'
import type { GeoPoint } from '../../_shared/docs'
import type { BusySpanDoc, EnrollmentDoc } from '../../_shared/docs/volunteer'
import { asDate } from '../../_shared/domain/dates'
import { opaqueId } from '../../_shared/infra/ids'

export type { CorrectionDoc, CorrectionRequestDoc, EnrollmentDoc, LocationEvidenceDoc, VolunteerDoc } from '../../_shared/docs/volunteer'

export interface ActivityDoc {
  _id: string
  communityId: string
  title: string
  content: string
  venue: string
  location: GeoPoint
  start: Date
  end: Date
  enrollDeadline: Date
  capacity: number
  /** Open enrollments (enrolled, checked in, completed, absent); kept in the same transaction as them. */
  enrolled: number
  pointsPerHour: number
  pointsCap: number
  radius: number
  /** Absent on activities stored before the setting: LEGACY_CHECKIN_MODE. */
  checkinMode?: CheckinMode
  cover: string | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
  finishedAt: Date | null
}

export interface CertificateDoc {
  _id: string // certificate number
  openid: string
  realName: string
  idCardMasked: string | null
  volunteerNo: string
  halfHours: number
  activityCount: number
  from: Date | null
  to: Date | null
  items: Array<{
    enrollmentId: string
    activityId: string
    title: string
    content: string
    organiser: string
    start: Date
    end: Date
    hours: number
    points: number
  }>
  issuer: string
  issuedAt: Date
}

export const checkinModeOf = (a: Pick<ActivityDoc, 'checkinMode'>): CheckinMode => a.checkinMode ?? LEGACY_CHECKIN_MODE

/** The time an enrollment in `a` takes up in its volunteer's schedule. */
export const busySpanOf = (a: ActivityDoc): BusySpanDoc => ({
  activityId: a._id,
  title: a.title,
  start: asDate(a.start),
  end: asDate(a.end)
})

/** Keyed by activity and person (one enrollment each, found again inside transactions); hashed, as staff and exports see it. */
export const enrollmentIdFor = (activityId: string, openid: string) => opaqueId('en', activityId, openid)

/** A new enrollment of `openid` in activity `a`: enrolled, nothing attended yet. */
export function newEnrollment(a: ActivityDoc, openid: string, now: Date): EnrollmentDoc {
  return {
    _id: enrollmentIdFor(a._id, openid),
    activityId: a._id,
    openid,
    communityId: a.communityId,
    activityTitle: a.title,
    activityStart: a.start,
    activityEnd: a.end,
    status: 'enrolled',
    enrolledAt: now,
    cancelledAt: null,
    checkInAt: null,
    checkOutAt: null,
    checkInDistance: null,
    checkOutDistance: null,
    checkInEvidence: null,
    checkOutEvidence: null,
    tokens: { checkIn: null, checkOut: null },
    hours: 0,
    points: 0,
    missingCheckout: false,
    corrections: [],
    completedAt: null,
    updatedAt: now
  }
}
