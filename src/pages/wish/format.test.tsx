import { formatAgo, formatDeadline, formatDistance, formatValue, statusTone } from './format'

const now = new Date('2026-11-22T08:00:00Z')

describe('wish formatting', () => {
  it('reads values, distances and ages as residents say them', () => {
    expect(formatValue(0)).toBe('无需花费')
    expect(formatValue(120)).toBe('约120元')
    expect(formatDistance(null)).toBeNull()
    expect(formatDistance(84)).toBe('80米')
    expect(formatDistance(1234)).toBe('1.2公里')
    expect(formatAgo('2026-11-22T07:58:00Z', now)).toBe('2分钟前')
    expect(formatAgo('2026-11-22T03:00:00Z', now)).toBe('5小时前')
    expect(formatAgo('2026-11-19T08:00:00Z', now)).toBe('3天前')
    expect(formatAgo('2026-10-02T08:00:00Z', now)).toBe('10月2日')
  })

  it('tells the claimer how long is left', () => {
    expect(formatDeadline('2026-11-21T08:00:00Z', now)).toBe('已超过认领期限')
    expect(formatDeadline('2026-11-22T20:00:00Z', now)).toBe('今天到期，请尽快完成')
    expect(formatDeadline('2026-11-25T09:00:00Z', now)).toMatch(/^还剩3天/)
  })

  it('gives each status a tone', () => {
    expect(statusTone('published')).toBe('open')
    expect(statusTone('confirmed')).toBe('done')
    expect(statusTone('withdrawn')).toBe('closed')
  })
})
