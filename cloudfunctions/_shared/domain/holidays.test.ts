import { addWorkingDays, chinaDay, isWorkingDay } from './holidays'

// Moments are given in China time (+08:00); the answer is midnight China time after the last working day.
describe('working days (公示 periods)', () => {
  test('weekends and public holidays are not working days', () => {
    expect(isWorkingDay('2026-05-08')).toBe(true) // Friday
    expect(isWorkingDay('2026-05-09')).toBe(false) // Saturday
    expect(isWorkingDay('2026-05-01')).toBe(false) // 劳动节 (a Friday)
  })
  test('published on a Friday: five working days are Monday to Friday of next week', () => {
    expect(addWorkingDays(new Date('2026-05-08T15:00:00+08:00'), 5).toISOString()).toBe(new Date('2026-05-16T00:00:00+08:00').toISOString())
  })
  test('published on a Wednesday: runs over the weekend', () => {
    expect(addWorkingDays(new Date('2026-05-13T09:00:00+08:00'), 5).toISOString()).toBe(new Date('2026-05-21T00:00:00+08:00').toISOString())
  })
  test('the National Day week does not count', () => {
    // Tue 29 Sep: 30 Sep, 8, 9, 12, 13 Oct (1–7 holidays; 10–11 weekend)
    expect(addWorkingDays(new Date('2026-09-29T10:00:00+08:00'), 5).toISOString()).toBe(new Date('2026-10-14T00:00:00+08:00').toISOString())
  })
  test('late evening UTC is the next China day', () => {
    expect(chinaDay(new Date('2026-05-08T17:00:00Z'))).toBe('2026-05-09')
  })
})
