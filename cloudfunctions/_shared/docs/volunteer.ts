// Stored shapes of the volunteer pillar's documents that other functions read too (points reads volunteers;
// the workbench reads volunteers and enrollments). The volunteer function's src/docs.ts re-exports them.
import type { EnrollmentStatus } from '../../../types/enums'
import type { VolunteerStatus } from '../../../types/schemas/volunteer.labels'

/** One review step of a registration, recorded for ever. */
export interface VolunteerReviewEntry {
  at: Date
  /** The reviewing staff member's openid. */
  by: string
  from: VolunteerStatus
  to: VolunteerStatus
  reason: string | null
}

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
  /** Pending until staff of the community approve; only an approved volunteer claims wishes. */
  status: VolunteerStatus
  reviews: VolunteerReviewEntry[]
  /** Completed service in whole half-hours and number of completed activities. */
  halfHours: number
  activityCount: number
  lastEnrollmentId: string | null
  firstServiceAt: Date | null
  lastServiceAt: Date | null
  /** Spans of the activities the volunteer is enrolled in, kept by the enrollment transactions (no overlaps). */
  busy?: BusySpanDoc[]
  createdAt: Date
  updatedAt: Date
}

export interface BusySpanDoc {
  activityId: string
  title: string
  start: Date
  end: Date
}

export interface CorrectionDoc {
  from: number
  to: number
  reason: string
  by: string
  at: Date
}

/** A staff member's correction of their own enrollment's hours, waiting for a second staff member (four eyes). */
export interface CorrectionRequestDoc {
  hours: number
  reason: string
  by: string
  at: Date
  status: 'pending' | 'approved' | 'rejected'
  decidedBy: string | null
  decidedAt: Date | null
  decisionReason: string | null
}

export interface LocationEvidenceDoc {
  lat: number
  lng: number
  /** Accuracy the phone reported, in meters, when it sent one. */
  accuracy: number | null
  /** Meters to the venue, rounded. */
  distance: number
  /** The per-install id the app sent, when it sent one. */
  deviceId: string | null
  at: Date
}

export interface EnrollmentDoc {
  _id: string // activityId + "_" + openid
  activityId: string
  openid: string
  /** The activity's community (staff of it manage this enrollment). */
  communityId: string
  activityTitle: string
  activityStart: Date
  activityEnd: Date
  status: EnrollmentStatus
  enrolledAt: Date
  cancelledAt: Date | null
  checkInAt: Date | null
  checkOutAt: Date | null
  checkInDistance: number | null
  checkOutDistance: number | null
  /** Where the phone said it was at check-in and check-out (lat/lng, accuracy, distance, device id, time). */
  checkInEvidence?: LocationEvidenceDoc | null
  checkOutEvidence?: LocationEvidenceDoc | null
  /** The staff member who scanned the volunteer's own code (the witness), absent for a self check-in. */
  checkInBy?: string | null
  checkOutBy?: string | null
  /** Signatures of the tokens used, so a replay of the same code for the same action is refused. */
  tokens: { checkIn: string | null; checkOut: string | null }
  hours: number
  points: number
  missingCheckout: boolean
  corrections: CorrectionDoc[]
  /** Corrections of one's own hours asked by staff, pending or decided (absent on older enrollments). */
  correctionRequests?: CorrectionRequestDoc[]
  /** True while one of them is pending (the workbench's approvals queue reads it). */
  correctionPending?: boolean
  completedAt: Date | null
  updatedAt: Date
}
