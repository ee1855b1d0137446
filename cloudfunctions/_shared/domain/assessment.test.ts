import { DEFAULT_COMMUNITY_SETTINGS } from '../docs'
import { type AppError } from '../infra/errors'
import { checkRating, maxRating, needEntry, ratingAllowed, ratingHalf, registrationEntry, totalsOf } from './assessment'

const rules = DEFAULT_COMMUNITY_SETTINGS.assessment
const nov = new Date('2026-11-22T08:00:00Z')
const jan27 = new Date('2027-01-10T08:00:00Z')

test('registration points are credited once per registration and year, with a deterministic id', () => {
  const reg = { _id: 'pm-1', openid: 'o1', communityId: 'cm01' }
  const e = registrationEntry(reg, rules, nov)
  expect(e).toMatchObject({ _id: 'registration_pm-1-2026', period: '2026', half: '2026H2', points: 10, hours: 0, source: 'registration' })
  expect(registrationEntry(reg, rules, new Date('2026-03-01T00:00:00Z'), true)._id).toBe(e._id)
  expect(registrationEntry(reg, rules, jan27, true)).toMatchObject({ _id: 'registration_pm-1-2027', reason: '2027年度续报到' })
})

test('need points follow the community rule', () => {
  const e = needEntry({ _id: 'nd-1', title: '楼道清理', communityId: 'cm01' }, 'o1', { ...rules, needPoints: 8 }, nov)
  expect(e).toMatchObject({ _id: 'need_nd-1', points: 8, reason: '完成需求：楼道清理', openid: 'o1' })
})

test('totals add every source; pass mark and yearly hours come from the rules', () => {
  const sums = [
    { source: 'registration' as const, points: 10, hours: 0, count: 1 },
    { source: 'wish' as const, points: 25, hours: 0, count: 5 },
    { source: 'need' as const, points: 10, hours: 0, count: 2 },
    { source: 'hours' as const, points: 15.5, hours: 15.5, count: 4 }
  ]
  expect(totalsOf(sums, rules)).toEqual({
    points: 60.5,
    hours: 15.5,
    wishes: 5,
    needs: 2,
    registrationPoints: 10,
    passed: true,
    hoursMet: false
  })
  expect(totalsOf(sums, { ...rules, passMark: 61, yearlyHours: 15 })).toMatchObject({ passed: false, hoursMet: true })
  expect(totalsOf([], rules)).toEqual({ points: 0, hours: 0, wishes: 0, needs: 0, registrationPoints: 0, passed: false, hoursMet: false })
})

describe('rating constraint: not renewed in the half-year → at most 合格', () => {
  test('the half that counts is the current one during the period, its second half afterwards', () => {
    expect(ratingHalf('2026', nov)).toBe('2026H2')
    expect(ratingHalf('2026', new Date('2026-03-01T00:00:00Z'))).toBe('2026H1')
    expect(ratingHalf('2026', jan27)).toBe('2026H2')
  })

  test('renewed members can be rated 优秀; others at most 合格', () => {
    expect(maxRating(['2026H1', '2026H2'], '2026', nov)).toBe('excellent')
    expect(maxRating(['2026H1'], '2026', nov)).toBe('qualified')
    expect(maxRating(undefined, '2026', nov)).toBe('qualified')
    expect(ratingAllowed('excellent', 'qualified')).toBe(false)
    for (const r of ['qualified', 'basicallyQualified', 'unqualified'] as const) expect(ratingAllowed(r, 'qualified')).toBe(true)
  })

  test('checkRating refuses with FAILED_PRECONDITION and a readable reason', () => {
    expect(() => checkRating('excellent', ['2026H2'], '2026', nov)).not.toThrow()
    const refuse = (fn: () => void) => {
      try {
        fn()
      } catch (e) {
        return e as AppError
      }
      throw new Error('not refused')
    }
    const e = refuse(() => checkRating('excellent', ['2026H1'], '2026', nov))
    expect(e.code).toBe('FAILED_PRECONDITION')
    expect(e.message).toBe('该党员2026年下半年未续报到，最高只能评定为合格')
    expect(refuse(() => checkRating('qualified', [], '2027', nov)).message).toBe('考评年度尚未开始，不能评定')
    expect(() => checkRating('qualified', [], '2026', nov)).not.toThrow()
  })
})
