// Stored shapes of the volunteer pillar's documents (the points function reads VolunteerDoc too).
import type { EnrolmentStatus } from '../../../types/enums'
import type { GeoPoint } from '../../_shared/docs'

export interface VolunteerDoc {
  _id: string // openid
  volunteerNo: string
  realName: string
  /** Full number: only the volunteer and their community's staff see it, masked elsewhere. */
  phone: string
  communityId: string
  skills: string[]
  idCardMasked: string | null
  idCardHash: string | null
  boardOptIn: boolean
  consentAt: Date
  /** Completed service in whole half-hours and number of completed activities. */
  halfHours: number
  activityCount: number
  lastEnrollmentId: string | null
  firstServiceAt: Date | null
  lastServiceAt: Date | null
  createdAt: Date
  updatedAt: Date
}

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
  /** Open enrolments (enrolled, checked in, completed, absent); kept in the same transaction as them. */
  enrolled: number
  pointsPerHour: number
  pointsCap: number
  radius: number
  cover: string | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
  finishedAt: Date | null
}

export interface CorrectionDoc {
  from: number
  to: number
  reason: string
  by: string
  at: Date
}

export interface EnrollmentDoc {
  _id: string // activityId + "_" + openid
  activityId: string
  openid: string
  /** The activity's community (staff of it manage this enrolment). */
  communityId: string
  activityTitle: string
  activityStart: Date
  activityEnd: Date
  status: EnrolmentStatus
  enrolledAt: Date
  cancelledAt: Date | null
  checkInAt: Date | null
  checkOutAt: Date | null
  checkInDistance: number | null
  checkOutDistance: number | null
  /** Signatures of the tokens used, so a replay of the same code for the same action is refused. */
  tokens: { checkIn: string | null; checkOut: string | null }
  hours: number
  points: number
  missingCheckout: boolean
  corrections: CorrectionDoc[]
  completedAt: Date | null
  updatedAt: Date
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
  items: Array<{ enrollmentId: string; activityId: string; title: string; content: string; organiser: string; start: Date; end: Date; hours: number; points: number }>
  issuer: string
  issuedAt: Date
}

export const enrollmentIdFor = (activityId: string, openid: string) => `${activityId}_${openid}`

/** A new enrolment of `openid` in activity `a`: enrolled, nothing attended yet. */
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
    tokens: { checkIn: null, checkOut: null },
    hours: 0,
    points: 0,
    missingCheckout: false,
    corrections: [],
    completedAt: null,
    updatedAt: now
  }
}
