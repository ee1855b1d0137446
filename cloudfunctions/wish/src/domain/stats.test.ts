import fc from 'fast-check'
import { medianPositions } from '../../../_shared/domain/stats'
import { median, summarize, type StatusGroup } from './stats'

const scope = { communityId: 'cm01', streetId: null, period: null }
const g = (_id: StatusGroup['_id'], n: number, ratingSum = 0, ratingCount = 0): StatusGroup => ({ _id, n, ratingSum, ratingCount })

describe('wish statistics', () => {
  it('computes completion and claim rates over wishes that reached the wall', () => {
    const s = summarize({
      scope,
      groups: [
        g('submitted', 4),
        g('rejected', 1),
        g('published', 3),
        g('claimed', 2),
        g('fulfilled', 1),
        g('confirmed', 4, 18, 4),
        g('withdrawn', 2)
      ],
      claimMedianMs: 5 * 3600_000,
      fulfilMedianMs: 36 * 3600_000
    })
    expect(s.total).toBe(10)
    expect(s.completionRate).toBe(0.4)
    expect(s.claimRate).toBe(0.7)
    expect(s.averageRating).toBe(4.5)
    expect(s.ratings).toBe(4)
    expect(s.medianHoursToClaim).toBe(5)
    expect(s.medianHoursToFulfil).toBe(36)
    expect(s.counts.submitted).toBe(4)
  })

  it('answers null rates when nothing was published', () => {
    const s = summarize({ scope, groups: [g('submitted', 2)], claimMedianMs: null, fulfilMedianMs: null })
    expect(s).toMatchObject({ total: 0, completionRate: null, claimRate: null, averageRating: null, medianHoursToClaim: null })
  })

  it('finds the median at the middle positions (property: agrees with a full sort)', () => {
    expect(medianPositions(0)).toEqual([])
    expect(medianPositions(5)).toEqual([2])
    expect(medianPositions(4)).toEqual([1, 2])
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 60 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b)
        const picked = medianPositions(sorted.length).map((i) => sorted[i])
        const m = picked.reduce((s, v) => s + v, 0) / picked.length
        expect(median(sorted)).toBe(m)
        const below = sorted.filter((v) => v < m).length
        const above = sorted.filter((v) => v > m).length
        expect(Math.abs(below - above)).toBeLessThanOrEqual(1 + sorted.filter((v) => v === m).length)
      })
    )
  })
})
