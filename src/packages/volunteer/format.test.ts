import { formatDistance, formatHours, formatSpan, signed } from './format'

describe('pillar 3 formatting', () => {
  it('hours, distances and signed amounts', () => {
    expect(formatHours(2)).toBe('2小时')
    expect(formatHours(2.5)).toBe('2.5小时')
    expect(formatDistance(349.6)).toBe('350米')
    expect(formatDistance(1530)).toBe('1.5公里')
    expect(signed(20)).toBe('+20')
    expect(signed(-30)).toBe('−30')
  })
  it('a span within one day shows the date once, with the weekday', () => {
    const year = new Date().getFullYear()
    expect(formatSpan(new Date(year, 10, 22, 9).toISOString(), new Date(year, 10, 22, 12).toISOString())).toMatch(
      /^11月22日 周. 09:00–12:00$/
    )
  })
})
