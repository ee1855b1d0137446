// Completing an enrolment: hours, the points credit (exactly once: the ledger entry's id is the
// enrolment's), the volunteer's totals and, for an approved party member, the assessment entry for the
// hours (assessmentEntryId('hours', enrolmentId)) — all in the caller's transaction. Staff corrections post only the difference, under an id of
// their own, and are recorded on the enrolment.
import { assessmentEntry, assessmentRules } from '../../_shared/domain/assessment'
import { credit } from '../../_shared/infra/assessment'
import { coll, getDoc, putDoc, type Tx } from '../../_shared/infra/db'
import type { CommunityDoc, UserDoc } from '../../_shared/docs'
import { isAppError, precondition } from '../../_shared/infra/errors'
import { INSUFFICIENT_POINTS, ledgerId, post } from '../../_shared/infra/ledger'
import type { ActivityDoc, CorrectionDoc, EnrollmentDoc, VolunteerDoc } from './docs'
import { servicePoints, toHalfHours } from './domain/hours'

export interface MemberRule {
  communityId: string
  pointsPerHour: number
}

/** Whether the volunteer is an approved party member, and the assessment rate of their community. */
export async function memberRuleOf(openid: string): Promise<MemberRule | null> {
  const user = await getDoc<UserDoc>('users', openid)
  const grant = user?.roles?.find((g) => g.role === 'member' && g.communityId)
  if (!grant?.communityId) return null
  const community = await getDoc<CommunityDoc>('communities', grant.communityId)
  return { communityId: grant.communityId, pointsPerHour: assessmentRules(community?.settings).pointsPerHour }
}

export interface Completion {
  hours: number
  /** Fields set along with completion (check-out time, token, missing check-out). */
  patch?: Partial<EnrollmentDoc>
  /** A staff correction: who and why. */
  correction?: { by: string; reason: string }
}

export interface Completed {
  enrollment: EnrollmentDoc
  credited: number
}

async function creditDifference(tx: Tx, a: ActivityDoc, e: EnrollmentDoc, amount: number, correctionNo: number, now: Date, by: string | null, homeCommunityId: string) {
  if (amount === 0) return
  const first = e.status !== 'completed'
  try {
    await post(tx, {
      id: first ? ledgerId.credit(e._id) : ledgerId.correction(e._id, correctionNo),
      openid: e.openid,
      homeCommunityId,
      communityId: a.communityId,
      kind: 'credit',
      amount,
      reason: first ? `志愿服务：${a.title}` : `时长修正：${a.title}`,
      sourceId: e._id,
      by,
      at: now
    })
  } catch (err) {
    if (isAppError(err) && err.message === INSUFFICIENT_POINTS) throw precondition('该志愿者的积分已使用，无法按此扣减')
    throw err
  }
}

/** Totals count completed service with hours; a 0-hour completion (no check-out) is not a service record. */
async function updateTotals(tx: Tx, v: VolunteerDoc | null, e: EnrollmentDoc, hours: number, now: Date) {
  if (!v) return
  const before = e.status === 'completed' ? e.hours : 0
  const deltaHalfHours = toHalfHours(hours) - toHalfHours(before)
  const deltaCount = (hours > 0 ? 1 : 0) - (before > 0 ? 1 : 0)
  if (deltaHalfHours === 0 && deltaCount === 0) return
  const serviceAt = e.activityStart
  await coll('volunteers', tx)
    .doc(v._id)
    .update({
      data: {
        halfHours: (v.halfHours ?? 0) + deltaHalfHours,
        activityCount: (v.activityCount ?? 0) + deltaCount,
        lastEnrollmentId: e._id,
        firstServiceAt: v.firstServiceAt && v.firstServiceAt < serviceAt ? v.firstServiceAt : serviceAt,
        lastServiceAt: v.lastServiceAt && v.lastServiceAt > serviceAt ? v.lastServiceAt : serviceAt,
        updatedAt: now
      }
    })
}

async function writeAssessment(tx: Tx, member: MemberRule | null, a: ActivityDoc, e: EnrollmentDoc, hours: number, corrects: boolean, now: Date) {
  if (!member || (hours === 0 && e.status !== 'completed')) return
  const entry = assessmentEntry({
    openid: e.openid,
    communityId: member.communityId,
    source: 'hours',
    sourceId: e._id,
    points: hours * member.pointsPerHour,
    hours,
    reason: `志愿服务：${a.title}`,
    at: now
  })
  await credit(tx, entry, { corrects })
}

/** Completes (or corrects) `e` inside `tx`. `e` and `a` must have been read in the same transaction. */
export async function complete(tx: Tx, a: ActivityDoc, e: EnrollmentDoc, c: Completion, member: MemberRule | null, now: Date): Promise<Completed> {
  const wasCompleted = e.status === 'completed'
  const points = servicePoints(c.hours, a.pointsPerHour, a.pointsCap)
  const credited = points - (wasCompleted ? e.points : 0)
  const corrections: CorrectionDoc[] = c.correction
    ? [...(e.corrections ?? []), { from: wasCompleted ? e.hours : 0, to: c.hours, reason: c.correction.reason, by: c.correction.by, at: now }]
    : e.corrections ?? []
  const next: EnrollmentDoc = {
    ...e,
    ...c.patch,
    status: 'completed',
    hours: c.hours,
    points,
    corrections,
    missingCheckout: c.correction ? false : (c.patch?.missingCheckout ?? e.missingCheckout),
    completedAt: e.completedAt ?? now,
    updatedAt: now
  }
  const volunteer = await getDoc<VolunteerDoc>('volunteers', e.openid, tx)
  await creditDifference(tx, a, e, credited, corrections.length, now, c.correction?.by ?? null, volunteer?.communityId ?? a.communityId)
  await putDoc('enrollments', next, tx)
  await updateTotals(tx, volunteer, e, c.hours, now)
  await writeAssessment(tx, member, a, e, c.hours, Boolean(c.correction), now)
  return { enrollment: next, credited }
}
