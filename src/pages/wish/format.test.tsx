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

  it('tells the claimer how long is left, in calendar days', () => {
    // Local times: the phone counts days in its own time zone.
    const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).toISOString()
    const morning = new Date(at(22, 8))
    expect(formatDeadline(at(21, 8), morning)).toBe('已超过认领期限')
    expect(formatDeadline(at(22, 20), morning)).toBe('今天到期，请尽快完成')
    expect(formatDeadline(at(23, 7), morning)).toMatch(/^还剩1天/)
    expect(formatDeadline(at(25, 9), morning)).toMatch(/^还剩3天/)
    // Defect 27: right after a 7-day claim it is 7 days, not "还剩6天".
    expect(formatDeadline(at(29, 8), new Date(new Date(at(22, 8)).getTime() + 1000))).toMatch(/^还剩7天/)
  })

  it('gives each status a tone', () => {
    expect(statusTone('published')).toBe('open')
    expect(statusTone('confirmed')).toBe('done')
    expect(statusTone('withdrawn')).toBe('closed')
  })
})
