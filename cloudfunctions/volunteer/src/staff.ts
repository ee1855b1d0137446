// Staff of an activity's community: the attendance list, hour corrections with a reason, and closing the
// activity (no-shows become absent; a missing check-out completes with 0 hours for staff to correct).
import type { ParsedOf } from '../../../types/contract'
import { contract, type EnrolmentStatus } from '../../../types'
import type { AttendanceRow, AttendanceSummary, FinishResult } from '../../../types/schemas/volunteer'
import { personOf } from '../../_shared/infra/auth'
import { _ } from '../../_shared/infra/cloud'
import { coll, cursor, getAll, getDoc } from '../../_shared/infra/db'
import { conflict, notFound } from '../../_shared/infra/errors'
import { transact } from '../../_shared/infra/ledger'
import type { Ctx } from '../../_shared/infra/router'
import { managedActivity } from './activities'
import { complete, memberRuleOf } from './completion'
import type { EnrollmentDoc, VolunteerDoc } from './docs'
import { assertCanCorrect, assertCanFinish, statusAtFinish } from './domain/attendance'
import { activityInTx } from './enrolment'
import { clockOf, toAttendanceRow } from './views'

type Input<A extends keyof typeof contract.volunteer> = ParsedOf<(typeof contract.volunteer)[A]>

const SUMMARY_STATUSES: EnrolmentStatus[] = ['enrolled', 'checkedIn', 'completed', 'absent', 'cancelled']

async function volunteersById(openids: string[]): Promise<Map<string, VolunteerDoc>> {
  if (!openids.length) return new Map()
  const { data } = await coll('volunteers').where({ _id: _.in([...new Set(openids)]) }).limit(100).get()
  return new Map((data as VolunteerDoc[]).map((v) => [v._id, v]))
}

async function summaryOf(activityId: string): Promise<AttendanceSummary> {
  const counts = await Promise.all(SUMMARY_STATUSES.map((status) => coll('enrollments').where({ activityId, status }).count()))
  const [enrolled, checkedIn, completed, absent, cancelled] = counts.map((c: { total: number }) => c.total)
  return { enrolled, checkedIn, completed, absent, cancelled }
}

export async function attendance(input: Input<'attendance'>, { caller }: Ctx) {
  const a = await managedActivity(caller, input.activityId)
  const offset = cursor.decode(input.cursor)
  const limit = input.limit ?? 50
  const { data } = await coll('enrollments').where({ activityId: a._id }).orderBy('enrolledAt', 'asc').skip(offset).limit(limit).get()
  const rows = data as EnrollmentDoc[]
  const [people, summary] = await Promise.all([volunteersById(rows.map((e) => e.openid)), summaryOf(a._id)])
  return {
    items: rows.map((e) => toAttendanceRow(e, people.get(e.openid) ?? null)),
    nextCursor: cursor.next(offset, rows.length, limit),
    summary
  }
}

export async function correctHours(input: Input<'correctHours'>, { caller, now }: Ctx): Promise<AttendanceRow> {
  const found = await getDoc<EnrollmentDoc>('enrollments', input.enrollmentId)
  if (!found) throw notFound('报名记录不存在')
  await managedActivity(caller, found.activityId)
  const member = await memberRuleOf(found.openid)
  const by = personOf(caller)
  const done = await transact(async (tx) => {
    const a = await activityInTx(tx, found.activityId)
    const e = await getDoc<EnrollmentDoc>('enrollments', found._id, tx)
    assertCanCorrect(clockOf(a), e, input.hours, now)
    return complete(tx, a, e!, { hours: input.hours, correction: { by, reason: input.reason } }, member, now)
  })
  return toAttendanceRow(done.enrollment, await getDoc<VolunteerDoc>('volunteers', found.openid))
}

async function closeOne(activityId: string, enrollmentId: string, now: Date): Promise<'absent' | 'completedWithoutCheckout' | null> {
  const openid = (await getDoc<EnrollmentDoc>('enrollments', enrollmentId))?.openid
  const member = openid ? await memberRuleOf(openid) : null
  return transact(async (tx) => {
    const a = await activityInTx(tx, activityId)
    const e = await getDoc<EnrollmentDoc>('enrollments', enrollmentId, tx)
    const outcome = e ? statusAtFinish(e.status) : null
    if (outcome === 'absent') await coll('enrollments', tx).doc(e!._id).update({ data: { status: 'absent', updatedAt: now } })
    if (outcome === 'completedWithoutCheckout') await complete(tx, a, e!, { hours: 0, patch: { missingCheckout: true } }, member, now)
    return outcome
  })
}

/**
 * Closes the activity, then each open enrolment in a transaction of its own. A close interrupted half-way
 * (the function stopped between those transactions) is finished by running it again; once nothing is left
 * open, a further close is refused.
 */
export async function completeActivity(input: Input<'completeActivity'>, { caller, now }: Ctx): Promise<FinishResult> {
  await managedActivity(caller, input.activityId)
  const resuming = await transact(async (tx) => {
    const a = await activityInTx(tx, input.activityId)
    if (a.finishedAt) return true
    assertCanFinish(clockOf(a), now)
    await coll('activities', tx).doc(a._id).update({ data: { finishedAt: now, updatedAt: now } })
    return false
  })
  const open = await getAll<EnrollmentDoc>(
    coll('enrollments').where({ activityId: input.activityId, status: _.in(['enrolled', 'checkedIn']) }).field({ _id: true }),
    5000
  )
  if (resuming && !open.length) throw conflict('活动已结项')
  const result: FinishResult = { completed: 0, absent: 0, missingCheckout: 0 }
  for (const e of open) {
    const outcome = await closeOne(input.activityId, e._id, now)
    if (outcome === 'absent') result.absent++
    if (outcome === 'completedWithoutCheckout') result.missingCheckout++
  }
  result.completed = (await coll('enrollments').where({ activityId: input.activityId, status: 'completed' }).count()).total
  return result
}
