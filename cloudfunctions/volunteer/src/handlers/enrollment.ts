// Enroll and cancel. The activity's `enrolled` counter and the enrollment document change in one
// transaction, so enrollments never exceed capacity however many press at once; the enrollment's id is
// activity + person, so a person has at most one. The same transaction keeps the person's enrolled time
// spans on their volunteer document and refuses an activity overlapping another one (domain/schedule.ts):
// two enrollments at once both write that document, so one of them retries and sees the other.
import { requireLiveAccount } from '../../../_shared/infra/account'
import { personOf } from '../../../_shared/infra/auth'
import { keepNotices, sendNotices, type Notice } from '../../../_shared/infra/notify'
import type { Handler } from '../../../_shared/infra/router'
import { busySpanOf, enrollmentIdFor, newEnrollment, type EnrollmentDoc } from '../docs'
import { assertCanCancel, assertCanEnroll } from '../domain/attendance'
import { assertNoOverlap, withoutActivity, withSpan } from '../domain/schedule'
import { findEnrollment, findVolunteer, loadActivity, saveEnrollment, setBusy, transact, updateActivity, updateEnrollment } from '../repo'
import { clockOf, toEnrollmentView } from '../views'
import { requireVolunteer } from './profile'

export const enroll: Handler<'volunteer', 'enroll'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  await requireVolunteer(caller)
  const { enrollment, notice } = await transact(async (tx) => {
    await requireLiveAccount(tx, openid)
    const a = await loadActivity(input.activityId, tx)
    const id = enrollmentIdFor(a._id, openid)
    const mine = await findEnrollment(id, tx)
    assertCanEnroll(clockOf(a), mine, now)
    const v = await findVolunteer(openid, tx)
    const span = busySpanOf(a)
    const busy = v?.busy ?? []
    assertNoOverlap(busy, span)
    await setBusy(tx, openid, withSpan(busy, span, now), now)
    const e = newEnrollment(a, openid, now)
    await saveEnrollment(tx, e)
    await updateActivity(tx, a._id, { enrolled: a.enrolled + 1, updatedAt: now })
    const notice: Notice = {
      touser: openid,
      kind: 'enrollmentConfirmed',
      // One enrollment may be cancelled and made again: each sign-up is its own event.
      event: `enrollment:${e._id}:${now.getTime()}`,
      reason: 'enrollmentConfirmed',
      target: { page: 'packages/volunteer/activity/index', params: { id: a._id } },
      data: { thing1: a.title, thing2: a.venue, time3: clockOf(a).start.toISOString() }
    }
    await keepNotices(tx, [notice], now)
    return { enrollment: e, notice }
  })
  await sendNotices([notice])
  return toEnrollmentView(enrollment)
}

export const cancelEnrollment: Handler<'volunteer', 'cancelEnrollment'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const enrollment = await transact(async (tx) => {
    const a = await loadActivity(input.activityId, tx)
    const id = enrollmentIdFor(a._id, openid)
    const mine = await findEnrollment(id, tx)
    assertCanCancel(clockOf(a), mine, now)
    const v = await findVolunteer(openid, tx)
    if (v?.busy) await setBusy(tx, openid, withoutActivity(v.busy, a._id, now), now)
    const next: EnrollmentDoc = { ...mine!, status: 'cancelled', cancelledAt: now, updatedAt: now }
    await updateEnrollment(tx, id, { status: next.status, cancelledAt: now, updatedAt: now })
    await updateActivity(tx, a._id, { enrolled: Math.max(0, a.enrolled - 1), updatedAt: now })
    return next
  })
  return toEnrollmentView(enrollment)
}
