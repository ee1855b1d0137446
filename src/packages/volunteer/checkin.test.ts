import { activityIdOf } from './checkin'

describe('scanned check-in codes', () => {
  it('names the activity of a check-in code', () => {
    expect(activityIdOf('LLT-CHECKIN:act-cm01-01.59112345.abcDEF_-123')).toBe('act-cm01-01')
    expect(activityIdOf('  LLT-CHECKIN:a1.1.x  ')).toBe('a1')
  })
  it('answers null for anything else', () => {
    for (const s of ['', 'hello', 'LLT-PICKUP:o_r.123456', 'https://example.com', 'LLT-CHECKIN:a1']) expect(activityIdOf(s)).toBeNull()
  })
})
