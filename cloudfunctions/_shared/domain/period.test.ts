import { assessmentPeriod, halfYear, monthOf, periodRange } from './period'

describe('periods in China Standard Time', () => {
  test('a UTC evening on 30 June is already July in Shanghai', () => {
    const d = new Date('2026-06-30T17:00:00Z')
    expect(halfYear(d)).toBe('2026H2')
    expect(monthOf(d)).toBe('2026-07')
    expect(assessmentPeriod(new Date('2026-12-31T16:30:00Z'))).toBe('2027')
  })

  test('ranges are half-open and start at local midnight', () => {
    expect(periodRange('2026')).toEqual({ start: new Date('2025-12-31T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') })
    expect(periodRange('2026H2').start).toEqual(new Date('2026-06-30T16:00:00Z'))
    expect(periodRange('2026-02').end).toEqual(new Date('2026-02-28T16:00:00Z'))
    expect(() => periodRange('2026Q1')).toThrow(RangeError)
  })

  test('every year is read as itself, never as another (issue 13, finding 9: 0000 was 1900)', () => {
    expect(periodRange('0000').start.getUTCFullYear()).toBe(-1)
    expect(periodRange('0000').end).toEqual(new Date('0000-12-31T16:00:00Z'))
    expect(periodRange('0001-03').start).toEqual(new Date('0001-02-28T16:00:00Z'))
    expect(periodRange('9999H2').end).toEqual(new Date('9999-12-31T16:00:00Z'))
    expect(periodRange('2000').start).toEqual(new Date('1999-12-31T16:00:00Z'))
  })
})
