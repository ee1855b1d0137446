import {
  activityPhase,
  assertCanCancel,
  assertCanCheckIn,
  assertCanCheckOut,
  assertCanCorrect,
  assertCanEnroll,
  assertCanFinish,
  assertCheckWindow,
  assertNotReplayed,
  assertPersonalUnused,
  enrollBlock,
  statusAtFinish
} from './attendance'

const at = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00+08:00`)
const activity = (over = {}) => ({
  start: at('09:00'),
  end: at('12:00'),
  enrollDeadline: at('08:00'),
  finishedAt: null,
  capacity: 2,
  enrolled: 0,
  ...over
})
const code = (fn: () => void) => {
  try {
    fn()
    return null
  } catch (e) {
    return `${(e as { code: string }).code}:${(e as Error).message}`
  }
}

describe('activity phase', () => {
  test('upcoming, ongoing, ended, finished', () => {
    expect(activityPhase(activity(), at('08:59'))).toBe('upcoming')
    expect(activityPhase(activity(), at('09:00'))).toBe('ongoing')
    expect(activityPhase(activity(), at('12:01'))).toBe('ended')
    expect(activityPhase(activity({ finishedAt: at('13:00') }), at('12:01'))).toBe('finished')
  })
})

describe('enrollment', () => {
  test('open before the deadline while seats remain', () => {
    expect(enrollBlock(activity(), null, at('07:00'))).toBeNull()
    expect(enrollBlock(activity(), { status: 'cancelled' }, at('07:00'))).toBeNull()
  })
  test('refusals with readable reasons and codes', () => {
    expect(code(() => assertCanEnroll(activity({ enrolled: 2 }), null, at('07:00')))).toBe('RESOURCE_EXHAUSTED:名额已满')
    expect(code(() => assertCanEnroll(activity(), { status: 'enrolled' }, at('07:00')))).toBe('CONFLICT:您已报名该活动')
    expect(code(() => assertCanEnroll(activity(), null, at('08:30')))).toBe('FAILED_PRECONDITION:报名已截止')
    expect(code(() => assertCanEnroll(activity(), null, at('09:00')))).toBe('FAILED_PRECONDITION:活动已开始，不能报名')
    expect(code(() => assertCanEnroll(activity(), null, at('13:00')))).toBe('FAILED_PRECONDITION:活动已结束')
  })
  test('cancel only an open enrollment before the start', () => {
    expect(code(() => assertCanCancel(activity(), { status: 'enrolled' }, at('08:59')))).toBeNull()
    expect(code(() => assertCanCancel(activity(), { status: 'enrolled' }, at('09:00')))).toMatch(/不能取消/)
    expect(code(() => assertCanCancel(activity(), null, at('07:00')))).toMatch(/没有报名/)
    expect(code(() => assertCanCancel(activity(), { status: 'cancelled' }, at('07:00')))).toMatch(/没有报名/)
  })
})

describe('check-in and check-out', () => {
  test('the code window opens 30 minutes before the start and closes 2 hours after the end', () => {
    expect(code(() => assertCheckWindow(activity(), at('08:29')))).toMatch(/30分钟/)
    expect(code(() => assertCheckWindow(activity(), at('08:30')))).toBeNull()
    expect(code(() => assertCheckWindow(activity(), at('14:00')))).toBeNull()
    expect(code(() => assertCheckWindow(activity(), at('14:01')))).toMatch(/已过/)
    expect(code(() => assertCheckWindow(activity({ finishedAt: at('12:30') }), at('12:40')))).toMatch(/已结项/)
  })
  test('each refusal of the window says the time, in China time', () => {
    expect(code(() => assertCheckWindow(activity(), at('08:29')))).toBe(
      'FAILED_PRECONDITION:活动于 11月22日 09:00 开始，开始前30分钟可签到'
    )
    expect(code(() => assertCheckWindow(activity({ finishedAt: at('12:30') }), at('12:40')))).toBe(
      'FAILED_PRECONDITION:活动已结项（11月22日 12:30），不能再签到或签退'
    )
    expect(code(() => assertCheckWindow(activity(), at('14:01')))).toMatch(/12:00 结束/)
  })
  test('a personal code is used once, for the check-in or the check-out', () => {
    expect(code(() => assertPersonalUnused({ status: 'enrolled', tokens: { checkIn: null, checkOut: null } }, 's1'))).toBeNull()
    expect(code(() => assertPersonalUnused({ status: 'checkedIn', tokens: { checkIn: 's1', checkOut: null } }, 's1'))).toMatch(/^CONFLICT:/)
  })
  test('check in once, only when enrolled, not after the end', () => {
    expect(code(() => assertCanCheckIn(activity(), { status: 'enrolled' }, at('09:10')))).toBeNull()
    expect(code(() => assertCanCheckIn(activity(), { status: 'checkedIn' }, at('09:10')))).toBe('CONFLICT:您已签到')
    expect(code(() => assertCanCheckIn(activity(), null, at('09:10')))).toMatch(/没有报名/)
    expect(code(() => assertCanCheckIn(activity(), { status: 'enrolled' }, at('12:10')))).toMatch(/已结束/)
  })
  test('check out only after checking in, once', () => {
    expect(code(() => assertCanCheckOut(activity(), { status: 'checkedIn' }, at('12:10')))).toBeNull()
    expect(code(() => assertCanCheckOut(activity(), { status: 'enrolled' }, at('12:10')))).toMatch(/请先签到/)
    expect(code(() => assertCanCheckOut(activity(), { status: 'completed' }, at('12:10')))).toBe('CONFLICT:您已签退')
  })
  test('a token already used for the same action is a replay', () => {
    const mine = { status: 'checkedIn' as const, tokens: { checkIn: 'sig1' } }
    expect(code(() => assertNotReplayed(mine, 'checkIn', 'sig1'))).toMatch(/已使用/)
    expect(code(() => assertNotReplayed(mine, 'checkOut', 'sig1'))).toBeNull()
    expect(code(() => assertNotReplayed(mine, 'checkIn', 'sig2'))).toBeNull()
  })
})

describe('staff corrections and closing', () => {
  test('hours within the span, after the start, for a participant', () => {
    expect(code(() => assertCanCorrect(activity(), { status: 'absent' }, 3, at('12:30')))).toBeNull()
    expect(code(() => assertCanCorrect(activity(), { status: 'absent' }, 3.5, at('12:30')))).toMatch(/不能超过活动时长3小时/)
    expect(code(() => assertCanCorrect(activity(), { status: 'cancelled' }, 1, at('12:30')))).toMatch(/没有参加/)
    expect(code(() => assertCanCorrect(activity(), { status: 'enrolled' }, 1, at('08:30')))).toMatch(/开始后/)
  })
  test('close after the end, once', () => {
    expect(code(() => assertCanFinish(activity(), at('11:00')))).toMatch(/结束后/)
    expect(code(() => assertCanFinish(activity(), at('12:01')))).toBeNull()
    expect(code(() => assertCanFinish(activity({ finishedAt: at('12:30') }), at('13:00')))).toMatch(/已结项/)
    expect(statusAtFinish('enrolled')).toBe('absent')
    expect(statusAtFinish('checkedIn')).toBe('completedWithoutCheckout')
    expect(statusAtFinish('completed')).toBeNull()
  })
})
