import { activityIdOf, staffCheckinTools } from './checkin'

describe('scanned check-in codes', () => {
  it('names the activity of a check-in code', () => {
    expect(activityIdOf('LLT-CHECKIN:act-cm01-01.59112345.abcDEF_-123')).toBe('act-cm01-01')
    expect(activityIdOf('  LLT-CHECKIN:a1.1.x  ')).toBe('a1')
  })
  it('answers null for anything else', () => {
    for (const s of ['', 'hello', 'LLT-PICKUP:o_r.123456', 'https://example.com', 'LLT-CHECKIN:a1']) expect(activityIdOf(s)).toBeNull()
  })
})

describe('staff check-in tools', () => {
  const a = (over: object) => ({ id: 'a1', phase: 'ongoing' as const, checkinMode: 'staffScan' as const, ...over })
  it('scan the volunteers’ own codes under staffScan; also show the venue code under venueCode', () => {
    expect(staffCheckinTools(a({})).map((t) => t.title)).toEqual(['扫志愿者签到码'])
    expect(staffCheckinTools(a({ checkinMode: 'venueCode' })).map((t) => t.title)).toEqual(['出示签到码', '扫志愿者签到码'])
  })
  it('offers nothing live once the activity is closed', () => {
    expect(staffCheckinTools(a({ phase: 'finished' }))).toEqual([])
    expect(staffCheckinTools(a({ phase: 'finished', checkinMode: 'venueCode' }))).toEqual([])
  })
})
