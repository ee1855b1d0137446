import { monthsOf, renewalHalf, spanOf, trendMonths } from './periods'

const iso = (d: Date) => d.toISOString()

describe('dashboard periods (China Standard Time)', () => {
  it('splits a year, a half-year and a month into calendar months starting at CST midnight', () => {
    const year = monthsOf('2026')
    expect(year.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12'
    ])
    expect(iso(year[0].start)).toBe('2025-12-31T16:00:00.000Z')
    expect(iso(year[11].end)).toBe('2026-12-31T16:00:00.000Z')
    expect(monthsOf('2026H2').map((m) => m.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    expect(monthsOf('2026-03').map((m) => [m.month, iso(m.start), iso(m.end)])).toEqual([
      ['2026-03', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z']
    ])
  })

  it('draws a single month with the five months before it, across the new year', () => {
    expect(trendMonths('2026-02').map((m) => m.month)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'])
    expect(trendMonths('2026H1')).toHaveLength(6)
    expect(trendMonths('2026')).toHaveLength(12)
  })

  it('spans several ranges', () => {
    const span = spanOf(trendMonths('2026-03'))
    expect(iso(span.start)).toBe('2025-09-30T16:00:00.000Z')
    expect(iso(span.end)).toBe('2026-03-31T16:00:00.000Z')
  })

  it('counts renewals in the half-year of the period, and for a year in the half a rating looks at', () => {
    expect(renewalHalf('2026H2', new Date('2026-11-22T00:00:00Z'))).toBe('2026H2')
    expect(renewalHalf('2026-03', new Date('2026-11-22T00:00:00Z'))).toBe('2026H1')
    expect(renewalHalf('2026-07', new Date('2026-11-22T00:00:00Z'))).toBe('2026H2')
    expect(renewalHalf('2026', new Date('2026-03-01T00:00:00Z'))).toBe('2026H1')
    expect(renewalHalf('2025', new Date('2026-03-01T00:00:00Z'))).toBe('2025H2')
  })
})
