// Verified attendance: staff show a rotating code; a volunteer's check-in or check-out needs a valid,
// unexpired token for that activity, not already used by them for that action, AND their location within
// the activity's radius. Anything refused records nothing. What the phone reported (location, accuracy,
// device id) is stored with each check as evidence; the attendance list flags implausible patterns.
import type { CheckResult } from '../../../../types/schemas/volunteer'
import { fromPoint } from '../../../_shared/docs'
import { asDate } from '../../../_shared/domain/dates'
import { personOf } from '../../../_shared/infra/auth'
import { precondition } from '../../../_shared/infra/errors'
import type { Ctx, Handler } from '../../../_shared/infra/router'
import { enrollmentIdFor, type LocationEvidenceDoc } from '../docs'
import { assertCanCheckIn, assertCanCheckOut, assertCheckWindow, assertNotReplayed, type CheckAction } from '../domain/attendance'
import { distanceMeters } from '../domain/geo'
import { serviceHours } from '../domain/hours'
import { checkinPayload, TOKEN_REFUSALS, validUntil, verifyCheckin, WINDOW_MS, windowOf } from '../domain/token'
import { checkinSecret, complete, findEnrollment, loadActivity, memberRuleOf, transact, updateEnrollment } from '../repo'
import { clockOf, toEnrollmentView } from '../views'
import { managedActivity } from './activities'

type CheckInput = Parameters<Handler<'volunteer', 'checkIn'>>[0]

export const checkinCode: Handler<'volunteer', 'checkinCode'> = async (input, { caller, now }) => {
  const a = await managedActivity(caller, input.activityId)
  assertCheckWindow(clockOf(a), now)
  const window = windowOf(now.getTime())
  const nextWindowAt = (window + 1) * WINDOW_MS
  return {
    activityId: a._id,
    payload: checkinPayload(await checkinSecret(), a._id, window),
    window,
    validUntil: validUntil(window).toISOString(),
    refreshInSeconds: Math.max(1, Math.ceil((nextWindowAt - now.getTime()) / 1000))
  }
}

async function verifiedPresence(input: CheckInput, now: Date): Promise<{ signature: string; evidence: LocationEvidenceDoc }> {
  const token = verifyCheckin(await checkinSecret(), input.token, input.activityId, now.getTime())
  if (!token.ok) throw precondition(TOKEN_REFUSALS[token.reason], { reason: token.reason })
  const a = await loadActivity(input.activityId)
  const distance = distanceMeters(fromPoint(a.location), input.location)
  if (distance > a.radius) {
    throw precondition(`已超出签到范围（距活动地点约${Math.round(distance)}米，需在${a.radius}米内）`, {
      reason: 'outOfRange',
      distance: Math.round(distance)
    })
  }
  const { lat, lng } = input.location
  const evidence = { lat, lng, accuracy: input.accuracy ?? null, distance: Math.round(distance), deviceId: input.deviceId ?? null, at: now }
  return { signature: token.signature, evidence }
}

async function check(action: CheckAction, input: CheckInput, { caller, now }: Ctx): Promise<CheckResult> {
  const openid = personOf(caller)
  const { signature, evidence } = await verifiedPresence(input, now)
  const { distance } = evidence
  const member = action === 'checkOut' ? await memberRuleOf(openid) : null
  const id = enrollmentIdFor(input.activityId, openid)
  return transact(async (tx) => {
    const a = await loadActivity(input.activityId, tx)
    const mine = await findEnrollment(id, tx)
    assertNotReplayed(mine, action, signature)
    if (action === 'checkIn') assertCanCheckIn(clockOf(a), mine, now)
    else assertCanCheckOut(clockOf(a), mine, now)
    const e = mine!
    const tokens = { ...e.tokens, [action]: signature }
    if (action === 'checkIn') {
      const patch = {
        status: 'checkedIn' as const,
        checkInAt: now,
        checkInDistance: distance,
        checkInEvidence: evidence,
        tokens,
        updatedAt: now
      }
      await updateEnrollment(tx, id, patch)
      return { enrollment: toEnrollmentView({ ...e, ...patch }), distance, credited: 0 }
    }
    const hours = serviceHours(asDate(e.checkInAt!), now, clockOf(a))
    const done = await complete(
      tx,
      a,
      e,
      { hours, patch: { checkOutAt: now, checkOutDistance: distance, checkOutEvidence: evidence, tokens } },
      member,
      now
    )
    return { enrollment: toEnrollmentView(done.enrollment), distance, credited: done.credited }
  })
}

export const checkIn: Handler<'volunteer', 'checkIn'> = (input, ctx) => check('checkIn', input, ctx)
export const checkOut: Handler<'volunteer', 'checkOut'> = (input, ctx) => check('checkOut', input, ctx)
