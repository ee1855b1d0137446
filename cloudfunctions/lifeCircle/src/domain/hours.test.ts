import {
  CHINA_HOLIDAYS,
  checkWeek,
  cstMoment,
  formatWeek,
  isOpenAt,
  openStatus,
  parseHoursText,
  parseSpan,
  type WeeklyHours
} from './hours'

/** A moment given in Asia/Shanghai wall-clock time. */
const cst = (local: string) => new Date(`${local}+08:00`)
const daily = (...spans: string[]) => Array.from({ length: 7 }, () => spans)
const OFFICE: WeeklyHours = {
  week: [...Array.from({ length: 5 }, () => ['08:30-12:00', '14:00-17:30']), ['09:00-12:00'], []],
  holidaysClosed: true
}

describe('spans', () => {
  test('parse, overnight and whole day', () => {
    expect(parseSpan('08:30-12:00')).toEqual({ start: 510, end: 720 })
    expect(parseSpan('22:00-02:00')).toEqual({ start: 1320, end: 1440 + 120 })
    expect(parseSpan('00:00-24:00')).toEqual({ start: 0, end: 1440 })
    for (const bad of ['8:30-12:00', '08:00-08:00', '25:00-26:00', '24:00-02:00', '08:60-09:00', 'abc', '08:00—09:00']) {
      expect(parseSpan(bad)).toBeNull()
    }
  })

  test('a week needs seven days of well-formed, non-overlapping spans', () => {
    expect(checkWeek(OFFICE.week)).toEqual([])
    expect(checkWeek(daily('08:00-12:00').slice(0, 6))).toEqual(['营业时间须包含周一到周日七天'])
    expect(checkWeek([['08:00-12:00', '11:00-13:00'], [], [], [], [], [], []])).toEqual(['周一的时段有重叠'])
    expect(checkWeek([[], ['8点到9点'], [], [], [], [], []])[0]).toMatch(/周二的时段“8点到9点”格式不正确/)
  })
})

describe('open now, in Asia/Shanghai time', () => {
  test('weekday office hours with a lunch break, a short Saturday and a closed Sunday', () => {
    // 2026-11-23 is a Monday.
    expect(isOpenAt(OFFICE, cst('2026-11-23T08:29:00'))).toBe(false)
    expect(isOpenAt(OFFICE, cst('2026-11-23T08:30:00'))).toBe(true)
    expect(openStatus(OFFICE, cst('2026-11-23T10:00:00'))).toEqual({ open: true, label: '营业中 · 至12:00' })
    expect(openStatus(OFFICE, cst('2026-11-23T12:00:00'))).toEqual({ open: false, label: '休息中 · 14:00开门' })
    expect(isOpenAt(OFFICE, cst('2026-11-28T10:00:00'))).toBe(true) // Saturday
    expect(openStatus(OFFICE, cst('2026-11-29T10:00:00'))).toEqual({ open: false, label: '休息中 · 明天08:30开门' }) // Sunday
    expect(openStatus(OFFICE, cst('2026-11-28T13:00:00'))).toEqual({ open: false, label: '休息中 · 周一08:30开门' })
  })

  test('judged in UTC+8 whatever the server clock says', () => {
    // 16:30 UTC on Sunday is 00:30 on Monday in Shanghai.
    expect(cstMoment(new Date('2026-11-22T16:30:00Z'))).toEqual({ date: '2026-11-23', weekday: 0, minutes: 30 })
    expect(isOpenAt(OFFICE, new Date('2026-11-23T01:00:00Z'))).toBe(true) // 09:00 CST Monday
    expect(isOpenAt(OFFICE, new Date('2026-11-23T10:00:00Z'))).toBe(false) // 18:00 CST Monday
  })

  test('overnight spans run into the next day', () => {
    const bar: WeeklyHours = { week: [['20:00-02:00'], [], [], [], [], [], ['18:00-01:00']], holidaysClosed: false }
    expect(openStatus(bar, cst('2026-11-23T21:00:00'))).toEqual({ open: true, label: '营业中 · 至次日02:00' })
    expect(isOpenAt(bar, cst('2026-11-24T01:59:00'))).toBe(true) // Tuesday, from Monday's span
    expect(isOpenAt(bar, cst('2026-11-24T02:00:00'))).toBe(false)
    expect(isOpenAt(bar, cst('2026-11-24T21:00:00'))).toBe(false) // Tuesday has no span of its own
    expect(isOpenAt(bar, cst('2026-11-23T00:30:00'))).toBe(true) // Monday, from Sunday's span
  })

  test('round the clock', () => {
    const allDay: WeeklyHours = { week: daily('00:00-24:00'), holidaysClosed: false }
    expect(openStatus(allDay, cst('2026-11-23T03:00:00'))).toEqual({ open: true, label: '24小时营业' })
    expect(isOpenAt(allDay, cst('2026-11-23T23:59:00'))).toBe(true)
  })

  test('closed on public holidays only when the facility says so', () => {
    const hall: WeeklyHours = { week: daily('09:00-17:00'), holidaysClosed: true }
    const shop: WeeklyHours = { ...hall, holidaysClosed: false }
    expect(openStatus(hall, cst('2026-10-01T10:00:00'))).toEqual({ open: false, label: '节假日休息（国庆节） · 10月8日09:00开门' })
    expect(isOpenAt(shop, cst('2026-10-01T10:00:00'))).toBe(true)
    expect(isOpenAt(hall, cst('2026-10-08T10:00:00'))).toBe(true)
    expect(isOpenAt(hall, cst('2026-02-17T10:00:00'))).toBe(false) // 春节
  })

  test('an overnight span belongs to the day it starts', () => {
    const late: WeeklyHours = { week: daily('22:00-02:00'), holidaysClosed: true }
    expect(isOpenAt(late, cst('2026-10-01T01:00:00'))).toBe(true) // started on 30 September, a working day
    expect(isOpenAt(late, cst('2026-10-01T23:00:00'))).toBe(false) // 1 October is a holiday
    expect(isOpenAt(late, cst('2026-10-08T01:00:00'))).toBe(false) // started on 7 October, still a holiday
  })

  test('holiday table covers 2025 to 2027', () => {
    expect(CHINA_HOLIDAYS.get('2025-01-29')).toBe('春节')
    expect(CHINA_HOLIDAYS.get('2025-10-08')).toBe('国庆节、中秋节')
    expect(CHINA_HOLIDAYS.get('2026-02-23')).toBe('春节')
    expect(CHINA_HOLIDAYS.has('2026-02-24')).toBe(false)
    expect(CHINA_HOLIDAYS.get('2027-02-06')).toBe('春节')
    expect(CHINA_HOLIDAYS.get('2027-01-01')).toBe('元旦')
  })
})

describe('text form', () => {
  test('formats consecutive equal days together', () => {
    expect(formatWeek(OFFICE.week)).toEqual(['周一至周五 08:30-12:00,14:00-17:30', '周六 09:00-12:00', '周日 休息'])
    expect(formatWeek(daily('06:00-22:00'))).toEqual(['每天 06:00-22:00'])
    expect(formatWeek(daily('00:00-24:00'))).toEqual(['每天 24小时'])
  })

  test('parses what it formats', () => {
    for (const week of [OFFICE.week, daily('06:00-22:00'), daily('00:00-24:00'), [['20:00-02:00'], [], [], [], [], [], ['18:00-01:00']]]) {
      expect(parseHoursText(formatWeek(week).join('；'))).toEqual({ ok: true, week })
    }
  })

  test('accepts the ways staff write hours', () => {
    expect(parseHoursText('工作日 9:00-17:00; 周末 休息')).toEqual({ ok: true, week: [...daily('09:00-17:00').slice(0, 5), [], []] })
    expect(parseHoursText('周一、周三 08:00～11:30')).toEqual({ ok: true, week: [['08:00-11:30'], [], ['08:00-11:30'], [], [], [], []] })
    expect(parseHoursText('每天 24小时')).toEqual({ ok: true, week: daily('00:00-24:00') })
    expect(parseHoursText('星期一到星期六 07:00-19:00，星期日 休息').ok).toBe(false) // one segment per day phrase
    expect(parseHoursText('每天 07:00-19:00\n周日 休息')).toEqual({ ok: true, week: [...daily('07:00-19:00').slice(0, 6), []] })
  })

  test('explains what it cannot read', () => {
    expect(parseHoursText('')).toEqual({ ok: false, error: '请填写营业时间，如“每天 08:00-20:00”' })
    expect(parseHoursText('随时')).toMatchObject({ ok: false, error: expect.stringContaining('无法识别') })
    expect(parseHoursText('周五至周一 08:00-09:00')).toMatchObject({ ok: false })
    expect(parseHoursText('每天 08:00-12:00,11:00-13:00')).toEqual({ ok: false, error: '周一的时段有重叠' })
  })
})
