// Documents → the answers the contract declares. Pure mapping.
import type { EnrollmentStatus } from '../../../types/enums'
import type {
  ActivitySummary,
  AttendanceFlag,
  AttendanceRow,
  EnrollmentView,
  LocationEvidence,
  PendingVolunteer,
  RecordItem,
  VolunteerProfile,
  VolunteerStatus
} from '../../../types/schemas/volunteer'
import { fromPoint } from '../../_shared/docs'
import { maskPhone } from '../../_shared/domain/masking'
import { asDate, iso, isoOrNull } from '../../_shared/domain/dates'
import {
  checkinModeOf,
  type ActivityDoc,
  type CertificateDoc,
  type EnrollmentDoc,
  type LocationEvidenceDoc,
  type VolunteerDoc
} from './docs'
import { activityPhase } from './domain/attendance'
import { pendingRequest } from './domain/correctionReview'
import { fromHalfHours } from './domain/hours'

export function toActivitySummary(
  a: ActivityDoc,
  now: Date,
  names: Map<string, string>,
  myStatus: EnrollmentStatus | null = null,
  distance: number | null = null
): ActivitySummary {
  return {
    id: a._id,
    title: a.title,
    communityId: a.communityId,
    communityName: names.get(a.communityId) ?? '',
    venue: a.venue,
    location: fromPoint(a.location),
    start: iso(a.start),
    end: iso(a.end),
    enrollDeadline: iso(a.enrollDeadline),
    capacity: a.capacity,
    enrolled: a.enrolled,
    pointsPerHour: a.pointsPerHour,
    pointsCap: a.pointsCap,
    radius: a.radius,
    cover: a.cover ?? null,
    phase: activityPhase(clockOf(a), now),
    checkinMode: checkinModeOf(a),
    distance: distance == null ? null : Math.round(distance),
    myStatus
  }
}

export const clockOf = (a: ActivityDoc) => ({
  start: asDate(a.start),
  end: asDate(a.end),
  enrollDeadline: asDate(a.enrollDeadline),
  finishedAt: a.finishedAt ? asDate(a.finishedAt) : null,
  capacity: a.capacity,
  enrolled: a.enrolled
})

export function toEnrollmentView(e: EnrollmentDoc): EnrollmentView {
  return {
    id: e._id,
    activityId: e.activityId,
    status: e.status,
    enrolledAt: iso(e.enrolledAt),
    checkInAt: isoOrNull(e.checkInAt),
    checkOutAt: isoOrNull(e.checkOutAt),
    hours: e.hours ?? 0,
    points: e.points ?? 0,
    missingCheckout: Boolean(e.missingCheckout),
    corrections: (e.corrections ?? []).map((c) => ({ from: c.from, to: c.to, reason: c.reason, at: iso(c.at) }))
  }
}

function pendingOf(e: EnrollmentDoc): AttendanceRow['pendingCorrection'] {
  const r = pendingRequest(e.correctionRequests)
  return r ? { hours: r.hours, reason: r.reason, at: iso(r.at) } : null
}

/** The device id stays on the server: staff see only whether it was shared (a flag). */
const toEvidence = (e: LocationEvidenceDoc | null | undefined): LocationEvidence | null =>
  e ? { lat: e.lat, lng: e.lng, accuracy: e.accuracy ?? null, distance: e.distance, at: iso(e.at) } : null

/** Staff of the activity's community see the real name, a masked phone, the location evidence and its flags. */
export function toAttendanceRow(e: EnrollmentDoc, v: VolunteerDoc | null, flags: AttendanceFlag[]): AttendanceRow {
  return {
    ...toEnrollmentView(e),
    openid: e.openid,
    realName: v?.realName ?? '未登记',
    phone: maskPhone(v?.phone) ?? '',
    pendingCorrection: pendingOf(e),
    volunteerNo: v?.volunteerNo ?? '',
    checkInEvidence: toEvidence(e.checkInEvidence),
    checkOutEvidence: toEvidence(e.checkOutEvidence),
    witnessed: { checkIn: Boolean(e.checkInBy), checkOut: Boolean(e.checkOutBy) },
    flags
  }
}

export function toProfile(v: VolunteerDoc, communityName: string): VolunteerProfile {
  return {
    volunteerNo: v.volunteerNo,
    realName: v.realName,
    phone: maskPhone(v.phone) ?? '',
    communityId: v.communityId,
    communityName,
    skills: v.skills ?? [],
    idCardMasked: v.idCardMasked ?? null,
    boardOptIn: Boolean(v.boardOptIn),
    registeredAt: iso(v.createdAt),
    totalHours: fromHalfHours(v.halfHours ?? 0),
    activityCount: v.activityCount ?? 0,
    status: statusOf(v),
    reviewReason: statusOf(v) === 'rejected' ? (v.reviews?.at(-1)?.reason ?? null) : null
  }
}

/** A registration stored before vetting existed has no status: it counts as pending, never as approved. */
export const statusOf = (v: Pick<VolunteerDoc, 'status'>): VolunteerStatus => v.status ?? 'pending'

export const toPendingVolunteer = (v: VolunteerDoc): PendingVolunteer => ({
  volunteerNo: v.volunteerNo,
  realName: v.realName,
  phone: v.phone,
  communityId: v.communityId,
  skills: v.skills ?? [],
  idCardMasked: v.idCardMasked ?? null,
  registeredAt: iso(v.createdAt),
  status: statusOf(v)
})

export function toRecordItem(
  e: EnrollmentDoc,
  a: Pick<ActivityDoc, 'content' | 'communityId'> | null,
  names: Map<string, string>
): RecordItem {
  return {
    enrollmentId: e._id,
    activityId: e.activityId,
    title: e.activityTitle,
    content: a?.content ?? '',
    organiser: a ? `${names.get(a.communityId) ?? ''}` : '',
    start: iso(e.activityStart),
    end: iso(e.activityEnd),
    hours: e.hours ?? 0,
    points: e.points ?? 0
  }
}

export const certificateItemsView = (c: CertificateDoc) => c.items.map((i) => ({ ...i, start: iso(i.start), end: iso(i.end) }))
