import { cronMatches, parseCron } from './cron'

// The cloud evaluates timers in Beijing time (UTC+8).
const beijing = (iso: string) => new Date(`${iso}+08:00`)

describe('timer cron', () => {
  test('every five minutes on the minute', () => {
    const cron = parseCron('0 */5 * * * * *')
    expect(cronMatches(cron, beijing('2026-11-22T10:05:00'))).toBe(true)
    expect(cronMatches(cron, beijing('2026-11-22T10:05:01'))).toBe(false)
    expect(cronMatches(cron, beijing('2026-11-22T10:06:00'))).toBe(false)
  })

  test('02:30 every day, in Beijing time', () => {
    const cron = parseCron('0 30 2 * * * *')
    expect(cronMatches(cron, beijing('2026-11-22T02:30:00'))).toBe(true)
    expect(cronMatches(cron, new Date('2026-11-22T02:30:00Z'))).toBe(false)
  })

  test('lists, ranges, weekday and month names', () => {
    const cron = parseCron('0 0 9,18 * JAN-MAR MON-FRI *')
    expect(cronMatches(cron, beijing('2026-02-02T18:00:00'))).toBe(true) // a Monday
    expect(cronMatches(cron, beijing('2026-02-01T18:00:00'))).toBe(false) // a Sunday
    expect(cronMatches(cron, beijing('2026-04-06T09:00:00'))).toBe(false) // April
  })

  test('malformed expressions are rejected', () => {
    expect(() => parseCron('0 0 * *')).toThrow()
    expect(() => parseCron('0 61 * * * * *')).toThrow()
    expect(() => parseCron('0 */0 * * * * *')).toThrow()
  })
})
