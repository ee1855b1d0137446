// Staff of an activity's community: the attendance list, hour corrections with a reason, and closing the
// activity (no-shows become absent; a missing check-out completes with 0 hours for staff to correct).
// Each row carries its location evidence and the implausible patterns it shows (domain/evidence.ts).
import type { EnrollmentStatus } from '../../../../types'
import type { AttendanceSummary, FinishResult } from '../../../../types/schemas/volunteer'
import { personOf } from '../../../_shared/infra/auth'
import { conflict, notFound } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import { fromPoint } from '../../../_shared/docs'
import type { ActivityDoc, CorrectionRequestDoc, EnrollmentDoc } from '../docs'
import { assertCanCorrect, assertCanFinish, statusAtFinish } from '../domain/attendance'
import { assertNoPendingRequest, decide, needsSecondStaff, requestToDecide } from '../domain/correctionReview'
import { attendanceFlags, sharedDeviceIds, type FlagContext } from '../domain/evidence'
import {
  attendancePage,
  complete,
  countByStatus,
  evidenceOfActivity,
  findEnrollment,
  findVolunteer,
  loadActivity,
  memberRuleOf,
  openEnrollmentIds,
  transact,
  updateActivity,
  updateEnrollment,
  volunteersById
} from '../repo'
import { clockOf, toAttendanceRow } from '../views'
import { managedActivity } from './activities'

const SUMMARY_STATUSES: EnrollmentStatus[] = ['enrolled', 'checkedIn', 'completed', 'absent', 'cancelled']

async function summaryOf(activityId: string): Promise<AttendanceSummary> {
  const [enrolled, checkedIn, completed, absent, cancelled] = await countByStatus(activityId, SUMMARY_STATUSES)
  return { enrolled, checkedIn, completed, absent, cancelled }
}

async function flagContextOf(a: ActivityDoc): Promise<FlagContext> {
  return { venue: fromPoint(a.location), radius: a.radius, sharedDevices: sharedDeviceIds(await evidenceOfActivity(a._id)) }
}

export const attendance: Handler<'volunteer', 'attendance'> = async (input, { caller }) => {
  const a = await managedActivity(caller, input.activityId)
  const page = await attendancePage(a._id, input)
  const [people, summary, flagContext] = await Promise.all([
    volunteersById(page.items.map((e) => e.openid)),
    summaryOf(a._id),
    flagContextOf(a)
  ])
  const row = (e: EnrollmentDoc) => toAttendanceRow(e, people.get(e.openid) ?? null, attendanceFlags(e, flagContext))
  return {
    items: page.items.map(row),
    nextCursor: page.nextCursor,
    summary
  }
}

/** A staff member's correction of their own hours is stored as a request for another staff member. */
async function askForSecondStaff(enrollmentId: string, hours: number, reason: string, by: string, now: Date): Promise<EnrollmentDoc> {
  return transact(async (tx) => {
    const a = await loadActivity((await findEnrollment(enrollmentId, tx))!.activityId, tx)
    const e = await findEnrollment(enrollmentId, tx)
    assertCanCorrect(clockOf(a), e, hours, now)
    assertNoPendingRequest(e!.correctionRequests)
    const request: CorrectionRequestDoc = {
      hours,
      reason,
      by,
      at: now,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionReason: null
    }
    const correctionRequests = [...(e!.correctionRequests ?? []), request]
    await updateEnrollment(tx, e!._id, { correctionRequests, correctionPending: true, updatedAt: now })
    return { ...e!, correctionRequests, correctionPending: true }
  })
}

export const correctHours: Handler<'volunteer', 'correctHours'> = async (input, { caller, now }) => {
  const found = await findEnrollment(input.enrollmentId)
  if (!found) throw notFound('报名记录不存在')
  const activity = await managedActivity(caller, found.activityId)
  const member = await memberRuleOf(found.openid)
  const by = personOf(caller)
  if (needsSecondStaff(found.openid, by)) {
    const asked = await askForSecondStaff(found._id, input.hours, input.reason, by, now)
    return rowOf(asked, activity)
  }
  const done = await transact(async (tx) => {
    const a = await loadActivity(found.activityId, tx)
    const e = await findEnrollment(found._id, tx)
    assertCanCorrect(clockOf(a), e, input.hours, now)
    return complete(tx, a, e!, { hours: input.hours, correction: { by, reason: input.reason } }, member, now)
  })
  return rowOf(done.enrollment, activity)
}

/** One attendance row as staff see it after a change: the person, the evidence and its flags. */
async function rowOf(e: EnrollmentDoc, activity: ActivityDoc) {
  const [person, flagContext] = await Promise.all([findVolunteer(e.openid), flagContextOf(activity)])
  return toAttendanceRow(e, person, attendanceFlags(e, flagContext))
}

/**
 * Another staff member of the activity's community approves (the correction applies as a staff correction
 * by the one who asked, in the same transaction) or rejects a pending correction of a staff member's own
 * hours; who, when and why are recorded on the enrollment.
 */
export const reviewCorrection: Handler<'volunteer', 'reviewCorrection'> = async (input, { caller, now }) => {
  const found = await findEnrollment(input.enrollmentId)
  if (!found) throw notFound('报名记录不存在')
  const activity = await managedActivity(caller, found.activityId)
  const reviewer = personOf(caller)
  const member = await memberRuleOf(found.openid)
  const done = await transact(async (tx) => {
    const a = await loadActivity(found.activityId, tx)
    const e = (await findEnrollment(found._id, tx))!
    const request = requestToDecide(e.correctionRequests, e.openid, reviewer, input.approve)
    if (!request) return e
    const correctionRequests = decide(e.correctionRequests ?? [], {
      approve: input.approve,
      by: reviewer,
      at: now,
      reason: input.reason || null
    })
    if (!input.approve) {
      await updateEnrollment(tx, e._id, { correctionRequests, correctionPending: false, updatedAt: now })
      return { ...e, correctionRequests, correctionPending: false }
    }
    assertCanCorrect(clockOf(a), e, request.hours, now)
    const correction = { by: request.by, reason: request.reason }
    return (
      await complete(tx, a, e, { hours: request.hours, correction, patch: { correctionRequests, correctionPending: false } }, member, now)
    ).enrollment
  })
  return rowOf(done, activity)
}

async function closeOne(activityId: string, enrollmentId: string, now: Date): Promise<'absent' | 'completedWithoutCheckout' | null> {
  const openid = (await findEnrollment(enrollmentId))?.openid
  const member = openid ? await memberRuleOf(openid) : null
  return transact(async (tx) => {
    const a = await loadActivity(activityId, tx)
    const e = await findEnrollment(enrollmentId, tx)
    const outcome = e ? statusAtFinish(e.status) : null
    if (outcome === 'absent') await updateEnrollment(tx, e!._id, { status: 'absent', updatedAt: now })
    if (outcome === 'completedWithoutCheckout') await complete(tx, a, e!, { hours: 0, patch: { missingCheckout: true } }, member, now)
    return outcome
  })
}

/**
 * Closes the activity, then each open enrollment in a transaction of its own. A close interrupted half-way
 * (the function stopped between those transactions) is finished by running it again; once nothing is left
 * open, a further close is refused.
 */
export const completeActivity: Handler<'volunteer', 'completeActivity'> = async (input, { caller, now }) => {
  await managedActivity(caller, input.activityId)
  const resuming = await transact(async (tx) => {
    const a = await loadActivity(input.activityId, tx)
    if (a.finishedAt) return true
    assertCanFinish(clockOf(a), now)
    await updateActivity(tx, a._id, { finishedAt: now, updatedAt: now })
    return false
  })
  const open = await openEnrollmentIds(input.activityId)
  if (resuming && !open.length) throw conflict('活动已结项')
  const result: FinishResult = { completed: 0, absent: 0, missingCheckout: 0 }
  for (const id of open) {
    const outcome = await closeOne(input.activityId, id, now)
    if (outcome === 'absent') result.absent++
    if (outcome === 'completedWithoutCheckout') result.missingCheckout++
  }
  result.completed = (await countByStatus(input.activityId, ['completed']))[0]
  return result
}
