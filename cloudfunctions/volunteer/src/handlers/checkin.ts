// Verified attendance, two ways (the activity's checkinMode, docs/pillars/volunteer-points.md):
// - staffScan: each volunteer shows their own rotating code (myCheckinCode, bound to their enrollment);
//   staff of the activity's community scan or type it (scanVolunteer) and so witness who is there. Always
//   allowed; the only way under staffScan.
// - venueCode: staff show the activity's rotating code (checkinCode) and volunteers scan or type it
//   themselves (checkIn/checkOut), with their location within the activity's radius.
// A code is used once per action; anything refused records nothing. What the phone reported (location,
// accuracy, device id) is stored with each check as evidence; the attendance list flags implausible patterns.
import type { CheckinCode, CheckResult } from '../../../../types/schemas/volunteer'
import type { LatLng } from '../../../../types/schemas/common'
import { fromPoint } from '../../../_shared/docs'
import { asDate } from '../../../_shared/domain/dates'
import { personOf } from '../../../_shared/infra/auth'
import { denied, precondition } from '../../../_shared/infra/errors'
import type { Ctx, Handler } from '../../../_shared/infra/router'
import { checkinModeOf, enrollmentIdFor, type ActivityDoc, type EnrollmentDoc, type LocationEvidenceDoc } from '../docs'
import {
  assertCanCheckIn,
  assertCanCheckOut,
  assertCheckWindow,
  assertNotReplayed,
  assertPersonalUnused,
  type CheckAction,
  type Who
} from '../domain/attendance'
import { distanceMeters } from '../domain/geo'
import { serviceHours } from '../domain/hours'
import {
  codePayload,
  PERSONAL_REFUSALS,
  shortCode,
  TOKEN_REFUSALS,
  validUntil,
  verifyCheckin,
  verifyCode,
  WINDOW_MS,
  windowOf,
  type CodeKind
} from '../domain/token'
import {
  checkinSecret,
  complete,
  enrollmentIdsOf,
  findEnrollment,
  findVolunteer,
  loadActivity,
  memberRuleOf,
  transact,
  updateEnrollment
} from '../repo'
import { clockOf, toEnrollmentView } from '../views'
import { managedActivity } from './activities'

type CheckInput = Parameters<Handler<'volunteer', 'checkIn'>>[0]

const STAFF_SCAN_ONLY = '本活动由工作人员扫描志愿者的个人签到码签到：请打开“我的签到码”出示给工作人员'

/** The rotating code of `subject` now, with its typed form and when to fetch the next one. */
async function rotating(kind: CodeKind, subject: string, activityId: string, now: Date): Promise<CheckinCode> {
  const secret = await checkinSecret()
  const window = windowOf(now.getTime())
  const nextWindowAt = (window + 1) * WINDOW_MS
  return {
    activityId,
    payload: codePayload(secret, kind, subject, window),
    shortCode: shortCode(secret, kind, subject, window),
    window,
    validUntil: validUntil(window).toISOString(),
    refreshInSeconds: Math.max(1, Math.ceil((nextWindowAt - now.getTime()) / 1000))
  }
}

export const checkinCode: Handler<'volunteer', 'checkinCode'> = async (input, { caller, now }) => {
  const a = await managedActivity(caller, input.activityId)
  assertCheckWindow(clockOf(a), now)
  if (checkinModeOf(a) === 'staffScan') throw precondition('本活动由工作人员扫描志愿者的个人签到码签到，无需出示现场签到码')
  return rotating('venue', a._id, a._id, now)
}

export const myCheckinCode: Handler<'volunteer', 'myCheckinCode'> = async (input, { caller, now }) => {
  const a = await loadActivity(input.activityId)
  const e = await findEnrollment(enrollmentIdFor(a._id, personOf(caller)))
  if (!e || e.status === 'cancelled') throw precondition('您没有报名该活动')
  if (e.status !== 'enrolled' && e.status !== 'checkedIn') throw precondition('您已完成该活动，无需再出示签到码')
  assertCheckWindow(clockOf(a), now)
  return rotating('person', e._id, a._id, now)
}

/** Where the phone was, measured against the venue: refused outside the activity's radius. */
function evidenceAt(
  a: ActivityDoc,
  at: LatLng,
  accuracy: number | undefined,
  deviceId: string | undefined,
  now: Date
): LocationEvidenceDoc {
  const distance = distanceMeters(fromPoint(a.location), at)
  if (distance > a.radius) {
    throw precondition(`已超出签到范围（距活动地点约${Math.round(distance)}米，需在${a.radius}米内）`, {
      reason: 'outOfRange',
      distance: Math.round(distance)
    })
  }
  return { lat: at.lat, lng: at.lng, accuracy: accuracy ?? null, distance: Math.round(distance), deviceId: deviceId ?? null, at: now }
}

interface Presence {
  signature: string
  evidence: LocationEvidenceDoc | null
  /** The staff member who scanned the volunteer's own code; null for a self check-in with the venue code. */
  witness: string | null
}

/** Records the check of enrollment `id` in a transaction that re-reads the activity and the enrollment. */
async function record(action: CheckAction, activityId: string, id: string, p: Presence, now: Date) {
  const who: Who = p.witness ? '该志愿者' : '您'
  const e0 = action === 'checkOut' ? await findEnrollment(id) : null
  const member = e0 ? await memberRuleOf(e0.openid) : null
  return transact(async (tx) => {
    const a = await loadActivity(activityId, tx)
    const mine = await findEnrollment(id, tx)
    if (p.witness) assertPersonalUnused(mine, p.signature)
    else assertNotReplayed(mine, action, p.signature)
    if (action === 'checkIn') assertCanCheckIn(clockOf(a), mine, now, who)
    else assertCanCheckOut(clockOf(a), mine, now, who)
    const e = mine!
    const tokens = { ...e.tokens, [action]: p.signature }
    const distance = p.evidence?.distance ?? null
    if (action === 'checkIn') {
      const patch = {
        status: 'checkedIn' as const,
        checkInAt: now,
        checkInDistance: distance,
        checkInEvidence: p.evidence,
        checkInBy: p.witness,
        tokens,
        updatedAt: now
      }
      await updateEnrollment(tx, id, patch)
      return { enrollment: { ...e, ...patch } as EnrollmentDoc, credited: 0 }
    }
    const hours = serviceHours(asDate(e.checkInAt!), now, clockOf(a))
    const patch = { checkOutAt: now, checkOutDistance: distance, checkOutEvidence: p.evidence, checkOutBy: p.witness, tokens }
    return complete(tx, a, e, { hours, patch }, member, now)
  })
}

async function check(action: CheckAction, input: CheckInput, { caller, now }: Ctx): Promise<CheckResult> {
  const openid = personOf(caller)
  const a = await loadActivity(input.activityId)
  if (checkinModeOf(a) === 'staffScan') throw precondition(STAFF_SCAN_ONLY, { reason: 'staffScan' })
  const token = verifyCheckin(await checkinSecret(), input.token, input.activityId, now.getTime())
  if (!token.ok) throw precondition(TOKEN_REFUSALS[token.reason], { reason: token.reason })
  const evidence = evidenceAt(a, input.location, input.accuracy, input.deviceId, now)
  const id = enrollmentIdFor(input.activityId, openid)
  const done = await record(action, input.activityId, id, { signature: token.signature, evidence, witness: null }, now)
  return { enrollment: toEnrollmentView(done.enrollment), distance: evidence.distance, credited: done.credited }
}

export const checkIn: Handler<'volunteer', 'checkIn'> = (input, ctx) => check('checkIn', input, ctx)
export const checkOut: Handler<'volunteer', 'checkOut'> = (input, ctx) => check('checkOut', input, ctx)

export const scanVolunteer: Handler<'volunteer', 'scanVolunteer'> = async (input, { caller, now }) => {
  const a = await managedActivity(caller, input.activityId)
  assertCheckWindow(clockOf(a), now)
  const token = verifyCode(await checkinSecret(), 'person', input.code, await enrollmentIdsOf(a._id), now.getTime())
  if (!token.ok) throw precondition(PERSONAL_REFUSALS[token.reason], { reason: token.reason })
  const e = (await findEnrollment(token.subject))!
  if (e.openid === personOf(caller)) throw denied('不能为自己签到签退，请由其他工作人员扫码')
  const evidence = input.location ? evidenceAt(a, input.location, input.accuracy, undefined, now) : null
  const action: CheckAction = input.kind === 'in' ? 'checkIn' : 'checkOut'
  const done = await record(action, a._id, e._id, { signature: token.signature, evidence, witness: personOf(caller) }, now)
  const v = await findVolunteer(e.openid)
  return {
    kind: input.kind,
    realName: v?.realName ?? '未登记',
    volunteerNo: v?.volunteerNo ?? '',
    enrollment: toEnrollmentView(done.enrollment),
    distance: evidence?.distance ?? null,
    credited: done.credited
  }
}
