// Reads and writes of the volunteer pillar: the only module of this function that touches the database.
// Handlers run transactions through `transact` and hand its `tx` to the functions here. Completing an
// enrollment is one transaction body kept here whole: hours, the points credit (exactly once: the ledger
// entry's id is the enrollment's), the volunteer's totals and, for an approved party member, the assessment
// entry for the hours — staff corrections post only the difference, under an id of their own.
import type { EnrollmentStatus } from '../../../types'
import type { CommunityDoc, UserDoc } from '../../_shared/docs'
import { assessmentEntry, assessmentRules } from '../../_shared/domain/assessment'
import { credit } from '../../_shared/infra/assessment'
import { _, db } from '../../_shared/infra/cloud'
import {
  coll,
  createOnce,
  getAll,
  getDoc,
  inTransaction,
  loadDoc,
  pageOf,
  putDoc,
  updateDoc,
  type PageInput,
  type Tx
} from '../../_shared/infra/db'
import { isAppError, precondition } from '../../_shared/infra/errors'
import { INSUFFICIENT_POINTS, ledgerId, post } from '../../_shared/infra/ledger'
import { bumpChange, putTracked, updateTracked } from '../../_shared/infra/rollups'
import { appSecret } from '../../_shared/infra/secrets'
import type { BusySpanDoc } from '../../_shared/docs/volunteer'
import type { ActivityDoc, CertificateDoc, CorrectionDoc, EnrollmentDoc, VolunteerDoc } from './docs'
import { servicePoints, toHalfHours } from './domain/hours'

export { communityNames } from '../../_shared/infra/communities'
export { transact } from '../../_shared/infra/ledger'
export { createOnce, inTransaction, type PageInput, type Tx }

// --- places and people --------------------------------------------------------------------------------

export async function communityName(id: string): Promise<string> {
  return (await getDoc<CommunityDoc>('communities', id))?.name ?? ''
}

export const findVolunteer = (openid: string, tx?: Tx) => getDoc<VolunteerDoc>('volunteers', openid, tx)
export const findUser = (openid: string, tx?: Tx) => getDoc<UserDoc>('users', openid, tx)

interface IdCardClaimDoc {
  _id: string // the keyed hash of the ID number
  openid: string | null
  at: Date
}

/**
 * Claims the ID number (by its keyed hash) for `openid` inside `tx`, so two registrations with one number
 * cannot both commit. False when someone else holds it.
 */
export async function claimIdCard(tx: Tx, idCardHash: string, openid: string, at: Date): Promise<boolean> {
  const holder = (await getDoc<IdCardClaimDoc>('idCardClaims', idCardHash, tx))?.openid
  if (holder && holder !== openid) return false
  const claim: IdCardClaimDoc = { _id: idCardHash, openid, at }
  await putDoc('idCardClaims', claim, tx)
  return true
}

export async function volunteersById(openids: string[]): Promise<Map<string, VolunteerDoc>> {
  if (!openids.length) return new Map()
  const { data } = await coll('volunteers')
    .where({ _id: _.in([...new Set(openids)]) })
    .limit(100)
    .get()
  return new Map((data as VolunteerDoc[]).map((v) => [v._id, v]))
}

/** Records the volunteer's enrolled time spans inside `tx` (see domain/schedule.ts). */
export const setBusy = (tx: Tx, openid: string, busy: BusySpanDoc[], now: Date) =>
  updateDoc('volunteers', openid, { busy, updatedAt: now }, tx)

export const findVolunteerByNumber = async (volunteerNo: string): Promise<VolunteerDoc | null> =>
  ((await coll('volunteers').where({ volunteerNo }).limit(1).get()).data[0] as VolunteerDoc | undefined) ?? null

/** A community's registrations waiting for review, oldest first. */
export const pendingVolunteersPage = (communityId: string, page: PageInput) =>
  pageOf<VolunteerDoc>(coll('volunteers').where({ communityId, status: 'pending' }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'), page)

export const updateVolunteer = (openid: string, changes: Partial<VolunteerDoc>, tx?: Tx) =>
  coll('volunteers', tx).doc(openid).update({ data: changes })

const SEQUENCE = 'volunteerNo'

/** Registers the volunteer inside `tx`: the next volunteer number, the profile, and the role grant. */
export async function registerVolunteer(
  tx: Tx,
  user: UserDoc,
  build: (sequence: number) => VolunteerDoc,
  now: Date
): Promise<VolunteerDoc> {
  const sequence = ((await getDoc<{ value: number }>('sequences', SEQUENCE, tx))?.value ?? 0) + 1
  const volunteer = build(sequence)
  await coll('sequences', tx)
    .doc(SEQUENCE)
    .set({ data: { value: sequence } })
  await putTracked(tx, 'volunteers', volunteer)
  const grant = { role: 'volunteer' as const, communityId: volunteer.communityId }
  const roles = user.roles ?? []
  const held = roles.some((g) => g.role === grant.role && g.communityId === grant.communityId)
  await coll('users', tx)
    .doc(user._id)
    .update({ data: { roles: held ? roles : [...roles, grant], updatedAt: now } })
  return volunteer
}

// --- activities ---------------------------------------------------------------------------------------

export const loadActivity = (id: string, tx?: Tx) => loadDoc<ActivityDoc>('activities', id, '活动不存在或已删除', tx)

/** The stored activity: its location as the SDK's Geo.Point, which the 2dsphere index wants. */
export const createActivity = (tx: Tx, a: ActivityDoc, fingerprint?: string) =>
  createOnce('activities', { ...a, location: db.Geo.Point(...a.location.coordinates) }, tx, fingerprint)

export const updateActivity = (tx: Tx, id: string, patch: Partial<ActivityDoc>) => coll('activities', tx).doc(id).update({ data: patch })

export const NEARBY_METERS = 5000

export type ActivityList =
  | { scope: 'nearby'; now: Date; near: { lat: number; lng: number } }
  | { scope: 'managed'; communityId: string }
  | { scope: 'upcoming'; now: Date; communityId?: string }

export function activitiesPage(list: ActivityList, page: PageInput) {
  const open = list.scope === 'managed' ? {} : { end: _.gt(list.now), finishedAt: null }
  switch (list.scope) {
    case 'nearby':
      return pageOf<ActivityDoc>(
        coll('activities').where({
          ...open,
          location: _.geoNear({ geometry: db.Geo.Point(list.near.lng, list.near.lat), maxDistance: NEARBY_METERS })
        }),
        page
      )
    case 'managed':
      return pageOf<ActivityDoc>(coll('activities').where({ communityId: list.communityId }).orderBy('start', 'desc'), page)
    default:
      return pageOf<ActivityDoc>(
        coll('activities')
          .where(list.communityId ? { ...open, communityId: list.communityId } : open)
          .orderBy('start', 'asc'),
        page
      )
  }
}

export async function activitiesById(ids: string[], fields?: Record<string, true>): Promise<Map<string, ActivityDoc>> {
  const unique = [...new Set(ids)]
  const out = new Map<string, ActivityDoc>()
  for (let i = 0; i < unique.length; i += 100) {
    const query = coll('activities').where({ _id: _.in(unique.slice(i, i + 100)) })
    const { data } = await (fields ? query.field(fields) : query).limit(100).get()
    for (const a of data as ActivityDoc[]) out.set(a._id, a)
  }
  return out
}

// --- enrollments ---------------------------------------------------------------------------------------

export const findEnrollment = (id: string, tx?: Tx) => getDoc<EnrollmentDoc>('enrollments', id, tx)
export const saveEnrollment = (tx: Tx, e: EnrollmentDoc) => putTracked(tx, 'enrollments', e)
export const updateEnrollment = (tx: Tx, id: string, patch: Partial<EnrollmentDoc>) => updateTracked(tx, 'enrollments', id, patch)

/** The caller's status in each of these activities. */
export async function myStatuses(openid: string, activityIds: string[]): Promise<Map<string, EnrollmentStatus>> {
  if (!openid || !activityIds.length) return new Map()
  const { data } = await coll('enrollments')
    .where({ openid, activityId: _.in(activityIds) })
    .field({ activityId: true, status: true })
    .limit(100)
    .get()
  return new Map((data as EnrollmentDoc[]).map((e) => [e.activityId, e.status]))
}

/** A person's enrollments that were not cancelled, latest activity first. */
export const myEnrollmentsPage = (openid: string, page: PageInput) =>
  pageOf<EnrollmentDoc>(
    coll('enrollments')
      .where({ openid, status: _.neq('cancelled') })
      .orderBy('activityStart', 'desc'),
    page
  )

const completedOf = (openid: string) =>
  coll('enrollments')
    .where({ openid, status: 'completed', hours: _.gt(0) })
    .orderBy('activityStart', 'desc')

/** Completed service with hours, latest first: a page, or all of it (for a certificate). */
export const completedPage = (openid: string, page: PageInput) => pageOf<EnrollmentDoc>(completedOf(openid), page)
export const allCompleted = (openid: string) => getAll<EnrollmentDoc>(completedOf(openid), 5000)

export const attendancePage = (activityId: string, page: PageInput) =>
  pageOf<EnrollmentDoc>(coll('enrollments').where({ activityId }).orderBy('enrolledAt', 'asc'), page, 50)

export async function countByStatus(activityId: string, statuses: EnrollmentStatus[]): Promise<number[]> {
  const counts = await Promise.all(statuses.map((status) => coll('enrollments').where({ activityId, status }).count()))
  return counts.map((c: { total: number }) => c.total)
}

/** The location evidence of every enrollment of the activity (for the flags that compare people). */
export const evidenceOfActivity = (activityId: string) =>
  getAll<Pick<EnrollmentDoc, 'checkInEvidence' | 'checkOutEvidence'>>(
    coll('enrollments').where({ activityId }).field({ checkInEvidence: true, checkOutEvidence: true }),
    5000
  )

/** Ids of every enrollment of the activity (a typed personal code is one of theirs). */
export async function enrollmentIdsOf(activityId: string): Promise<string[]> {
  const all = await getAll<EnrollmentDoc>(coll('enrollments').where({ activityId }).field({ _id: true }), 5000)
  return all.map((e) => e._id)
}

/** Ids of the activity's enrollments still open (enrolled or checked in). */
export async function openEnrollmentIds(activityId: string): Promise<string[]> {
  const open = await getAll<EnrollmentDoc>(
    coll('enrollments')
      .where({ activityId, status: _.in(['enrolled', 'checkedIn']) })
      .field({ _id: true }),
    5000
  )
  return open.map((e) => e._id)
}

// --- certificates -------------------------------------------------------------------------------------

export const findCertificate = (number: string) => getDoc<CertificateDoc>('certificates', number)
export const saveCertificate = (c: CertificateDoc) => putDoc('certificates', c)

// --- secrets ------------------------------------------------------------------------------------------

export const checkinSecret = () => appSecret('checkin')
export const idCardKey = () => appSecret('idcard')

// --- completion ---------------------------------------------------------------------------------------

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

async function creditDifference(
  tx: Tx,
  a: ActivityDoc,
  e: EnrollmentDoc,
  amount: number,
  correctionNo: number,
  now: Date,
  by: string | null,
  homeCommunityId: string
) {
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

async function writeAssessment(
  tx: Tx,
  member: MemberRule | null,
  a: ActivityDoc,
  e: EnrollmentDoc,
  hours: number,
  corrects: boolean,
  now: Date
) {
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
export async function complete(
  tx: Tx,
  a: ActivityDoc,
  e: EnrollmentDoc,
  c: Completion,
  member: MemberRule | null,
  now: Date
): Promise<Completed> {
  const wasCompleted = e.status === 'completed'
  const points = servicePoints(c.hours, a.pointsPerHour, a.pointsCap)
  const credited = points - (wasCompleted ? e.points : 0)
  const corrections: CorrectionDoc[] = c.correction
    ? [
        ...(e.corrections ?? []),
        { from: wasCompleted ? e.hours : 0, to: c.hours, reason: c.correction.reason, by: c.correction.by, at: now }
      ]
    : (e.corrections ?? [])
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
  await bumpChange(tx, 'enrollments', e, next, e._id)
  await updateTotals(tx, volunteer, e, c.hours, now)
  await writeAssessment(tx, member, a, e, c.hours, Boolean(c.correction), now)
  return { enrollment: next, credited }
}
