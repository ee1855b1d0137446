import { AppError } from '../../../_shared/infra/errors'
import { assertNoOverlap, overlapBlock, overlapOf, withoutActivity, withSpan, type BusySpan } from './schedule'

const at = (hour: number) => new Date(Date.UTC(2026, 4, 1, hour))
const span = (activityId: string, from: number, to: number): BusySpan => ({
  activityId,
  title: `活动${activityId}`,
  start: at(from),
  end: at(to)
})

describe('no overlapping enrollments', () => {
  const busy = [span('a', 9, 11), span('b', 14, 16)]

  it('finds another activity whose span overlaps, not one that only touches, nor the same activity', () => {
    expect(overlapOf(busy, span('c', 10, 12))?.activityId).toBe('a')
    expect(overlapOf(busy, span('c', 8, 17))?.activityId).toBe('a')
    expect(overlapOf(busy, span('c', 15, 15.5))?.activityId).toBe('b')
    expect(overlapOf(busy, span('c', 11, 14))).toBeNull()
    expect(overlapOf(busy, span('a', 9, 11))).toBeNull()
  })

  it('refuses with the clashing activity’s title', () => {
    expect(() => assertNoOverlap(busy, span('c', 10, 12))).toThrow(
      new AppError('FAILED_PRECONDITION', '与您已报名的活动「活动a」时间重叠，不能同时报名')
    )
    expect(() => assertNoOverlap(busy, span('c', 12, 13))).not.toThrow()
    expect(overlapBlock(busy, span('c', 15, 17))).toBe('与您已报名的活动「活动b」时间重叠，不能同时报名')
    expect(overlapBlock([], span('c', 15, 17))).toBeNull()
  })

  it('adds and removes spans, dropping those already over', () => {
    expect(withSpan(busy, span('c', 12, 13), at(12)).map((s) => s.activityId)).toEqual(['b', 'c'])
    expect(withSpan(busy, span('a', 9, 10), at(0)).map((s) => s.activityId)).toEqual(['b', 'a'])
    expect(withoutActivity(busy, 'b', at(0)).map((s) => s.activityId)).toEqual(['a'])
  })
})
