import { monthTick, periodLabel, periodOptions } from './periods'

describe('dashboard periods in the app', () => {
  it('offers this month, last month, this half, this year and last year in China Standard Time', () => {
    // 2027-01-01 01:00 CST is still 2026 in UTC.
    expect(periodOptions(new Date('2026-12-31T17:00:00Z'))).toEqual([
      { value: '2027-01', label: '本月' },
      { value: '2026-12', label: '上月' },
      { value: '2027H1', label: '上半年' },
      { value: '2027', label: '今年' },
      { value: '2026', label: '去年' }
    ])
    expect(periodOptions(new Date('2026-08-10T00:00:00Z')).map((o) => o.value)).toEqual(['2026-08', '2026-07', '2026H2', '2026', '2025'])
  })

  it('reads a period and a month tick in Chinese', () => {
    expect(periodLabel('2026-03')).toBe('2026年3月')
    expect(periodLabel('2026H2')).toBe('2026年下半年')
    expect(periodLabel('2026')).toBe('2026年')
    expect(monthTick('2026-03')).toBe('3月')
    expect(monthTick('2027-01')).toBe('1月')
    expect(monthTick('2026-03', true)).toBe('3')
    expect(monthTick('2027-01', true)).toBe('27.1')
  })
})
