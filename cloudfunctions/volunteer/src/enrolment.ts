// Enrol and cancel. The activity's `enrolled` counter and the enrolment document change in one
// transaction, so enrolments never exceed capacity however many press at once; the enrolment's id is
// activity + person, so a person has at most one.
import type { ParsedOf } from '../../../types/contract'
import { contract } from '../../../types'
import type { EnrollmentView } from '../../../types/schemas/volunteer'
import { personOf } from '../../_shared/infra/auth'
import { coll, getDoc, putDoc } from '../../_shared/infra/db'
import { notFound } from '../../_shared/infra/errors'
import { transact } from '../../_shared/infra/ledger'
import { notify } from '../../_shared/infra/notify'
import type { Ctx } from '../../_shared/infra/router'
import { enrollmentIdFor, newEnrollment, type ActivityDoc, type EnrollmentDoc } from './docs'
import { assertCanCancel, assertCanEnroll } from './domain/attendance'
import { requireVolunteer } from './profile'
import { clockOf, toEnrollmentView } from './views'

type Input<A extends keyof typeof contract.volunteer> = ParsedOf<(typeof contract.volunteer)[A]>


export async function activityInTx(tx: unknown, id: string): Promise<ActivityDoc> {
  const a = await getDoc<ActivityDoc>('activities', id, tx)
  if (!a) throw notFound('活动不存在或已删除')
  return a
}

export async function enroll(input: Input<'enroll'>, { caller, now }: Ctx): Promise<EnrollmentView> {
  const openid = personOf(caller)
  await requireVolunteer(caller)
  const { enrollment, activity } = await transact(async (tx) => {
    const a = await activityInTx(tx, input.activityId)
    const id = enrollmentIdFor(a._id, openid)
    const mine = await getDoc<EnrollmentDoc>('enrollments', id, tx)
    assertCanEnroll(clockOf(a), mine, now)
    const e = newEnrollment(a, openid, now)
    await putDoc('enrollments', e, tx)
    await coll('activities', tx).doc(a._id).update({ data: { enrolled: a.enrolled + 1, updatedAt: now } })
    return { enrollment: e, activity: a }
  })
  await notify({
    touser: openid,
    template: 'enrolmentConfirmed',
    page: `packages/volunteer/activity/index?id=${activity._id}`,
    data: { thing1: activity.title, thing2: activity.venue, time3: clockOf(activity).start.toISOString() }
  })
  return toEnrollmentView(enrollment)
}

export async function cancelEnrollment(input: Input<'cancelEnrollment'>, { caller, now }: Ctx): Promise<EnrollmentView> {
  const openid = personOf(caller)
  const enrollment = await transact(async (tx) => {
    const a = await activityInTx(tx, input.activityId)
    const id = enrollmentIdFor(a._id, openid)
    const mine = await getDoc<EnrollmentDoc>('enrollments', id, tx)
    assertCanCancel(clockOf(a), mine, now)
    const next: EnrollmentDoc = { ...mine!, status: 'cancelled', cancelledAt: now, updatedAt: now }
    await coll('enrollments', tx).doc(id).update({ data: { status: next.status, cancelledAt: now, updatedAt: now } })
    await coll('activities', tx).doc(a._id).update({ data: { enrolled: Math.max(0, a.enrolled - 1), updatedAt: now } })
    return next
  })
  return toEnrollmentView(enrollment)
}
