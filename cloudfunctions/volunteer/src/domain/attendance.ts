// The rules of an activity's life and of one enrollment in it: when one may enroll, cancel, check in and
// out, when staff may show the code, correct hours and close the activity. Pure: each rule either
// returns or throws the AppError a resident reads.
import type { EnrollmentStatus } from '../../../../types/enums'
import type { ActivityPhase } from '../../../../types/schemas/volunteer'
import { chinaDateTime } from '../../../_shared/domain/dates'
import { conflict, exhausted, invalid, precondition } from '../../../_shared/infra/errors'
import { spanHours } from './hours'

export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000
export const CHECKOUT_CLOSES_AFTER_MS = 2 * 3600_000

export interface ActivityClock {
  start: Date
  end: Date
  enrollDeadline: Date
  finishedAt?: Date | null
  capacity: number
  enrolled: number
}

export interface EnrollmentState {
  status: EnrollmentStatus
  tokens?: { checkIn?: string | null; checkOut?: string | null }
}

export type CheckAction = 'checkIn' | 'checkOut'

const t = (d: Date) => d.getTime()

export function activityPhase(a: ActivityClock, now: Date): ActivityPhase {
  if (a.finishedAt) return 'finished'
  if (t(now) < t(a.start)) return 'upcoming'
  if (t(now) <= t(a.end)) return 'ongoing'
  return 'ended'
}

/** Why the caller cannot enroll now, or null. `mine` is their current enrollment, if any. */
export function enrollBlock(a: ActivityClock, mine: EnrollmentState | null, now: Date): string | null {
  if (a.finishedAt || t(now) > t(a.end)) return '活动已结束'
  if (t(now) >= t(a.start)) return '活动已开始，不能报名'
  if (mine && mine.status !== 'cancelled') return '您已报名该活动'
  if (t(now) > t(a.enrollDeadline)) return '报名已截止'
  if (a.enrolled >= a.capacity) return '名额已满'
  return null
}

export function assertCanEnroll(a: ActivityClock, mine: EnrollmentState | null, now: Date): void {
  const block = enrollBlock(a, mine, now)
  if (!block) return
  if (block === '您已报名该活动') throw conflict(block)
  if (block === '名额已满') throw exhausted(block)
  throw precondition(block)
}

export function assertCanCancel(a: ActivityClock, mine: EnrollmentState | null, now: Date): void {
  if (!mine || mine.status === 'cancelled') throw precondition('您没有报名该活动')
  if (mine.status !== 'enrolled' || t(now) >= t(a.start)) throw precondition('活动已开始，不能取消报名')
}

/** Why no one can check in or out of `a` now (a sentence with the time), or null inside the window. */
export function checkWindowBlock(a: ActivityClock, now: Date): string | null {
  if (a.finishedAt) return `活动已结项（${chinaDateTime(a.finishedAt)}），不能再签到或签退`
  if (t(now) < t(a.start) - CHECKIN_OPENS_BEFORE_MS) return `活动于 ${chinaDateTime(a.start)} 开始，开始前30分钟可签到`
  if (t(now) > t(a.end) + CHECKOUT_CLOSES_AFTER_MS) return `活动已于 ${chinaDateTime(a.end)} 结束，签到时间已过，请联系社区工作人员补录`
  return null
}

/** The window in which staff can show the code and volunteers can scan it. */
export function assertCheckWindow(a: ActivityClock, now: Date): void {
  const block = checkWindowBlock(a, now)
  if (block) throw precondition(block)
}

/** Whose check it is, as the message names them: the volunteer's own, or one staff scan ('该志愿者'). */
export type Who = '您' | '该志愿者'

export function assertCanCheckIn(a: ActivityClock, mine: EnrollmentState | null, now: Date, who: Who = '您'): void {
  assertCheckWindow(a, now)
  if (!mine || mine.status === 'cancelled') throw precondition(`${who}没有报名该活动`)
  if (mine.status === 'checkedIn') throw conflict(`${who}已签到`)
  if (mine.status !== 'enrolled') throw conflict(`${who}已完成该活动`)
  if (t(now) > t(a.end)) throw precondition('活动已结束，不能签到')
}

export function assertCanCheckOut(a: ActivityClock, mine: EnrollmentState | null, now: Date, who: Who = '您'): void {
  assertCheckWindow(a, now)
  if (!mine || mine.status === 'cancelled') throw precondition(`${who}没有报名该活动`)
  if (mine.status === 'enrolled') throw precondition(who === '您' ? '请先签到' : '该志愿者还没有签到')
  if (mine.status !== 'checkedIn') throw conflict(`${who}已签退`)
}

/** A token the volunteer already used for this action cannot be used for it again. */
export function assertNotReplayed(mine: EnrollmentState | null, action: CheckAction, signature: string): void {
  if (mine?.tokens?.[action] === signature) throw conflict('该签到码已使用，请扫描最新的签到码')
}

/** A personal code is used once: a code shown for the check-in cannot also check out. */
export function assertPersonalUnused(mine: EnrollmentState | null, signature: string): void {
  if (mine?.tokens?.checkIn === signature || mine?.tokens?.checkOut === signature)
    throw conflict('该签到码已使用，请让志愿者刷新“我的签到码”')
}

export function assertCanCorrect(
  a: ActivityClock & { start: Date; end: Date },
  mine: EnrollmentState | null,
  hours: number,
  now: Date
): void {
  if (t(now) < t(a.start)) throw precondition('活动开始后才能修改时长')
  if (!mine || mine.status === 'cancelled') throw precondition('该志愿者没有参加本活动')
  if (hours > spanHours(a)) throw invalid(`时长不能超过活动时长${spanHours(a)}小时`)
}

export function assertCanFinish(a: ActivityClock, now: Date): void {
  if (a.finishedAt) throw conflict('活动已结项')
  if (t(now) <= t(a.end)) throw precondition('活动结束后才能结项')
}

/** What closing an activity does to an enrollment still open: no-shows become absent, no check-out completes with 0 hours. */
export function statusAtFinish(status: EnrollmentStatus): 'absent' | 'completedWithoutCheckout' | null {
  if (status === 'enrolled') return 'absent'
  if (status === 'checkedIn') return 'completedWithoutCheckout'
  return null
}
