import type { CoverageCounts } from '../../../../types/schemas/lifeCircle'
import {
  coverageBars,
  coverageSummary,
  emptyWishCounts,
  partyFigures,
  pointsPart,
  ratingsIn,
  wishCategoryBars,
  wishFigures
} from './figures'

const row = (
  category: string,
  compounds: number,
  compoundsCovered: number,
  households: number,
  householdsCovered: number
): CoverageCounts =>
  ({
    category,
    compounds,
    compoundsCovered,
    households,
    householdsCovered,
    compoundShare: compoundsCovered / compounds,
    householdShare: householdsCovered / households
  }) as CoverageCounts

describe('figure definitions', () => {
  it('answers null rates, medians and ratings when there is nothing to measure', () => {
    expect(wishFigures(emptyWishCounts(), { claimMs: null, fulfilMs: null })).toEqual({
      posted: 0,
      published: 0,
      claimed: 0,
      fulfilled: 0,
      confirmed: 0,
      completed: 0,
      completionRate: null,
      medianDaysToClaim: null,
      medianDaysToFulfil: null,
      averageRating: null,
      ratings: 0
    })
  })

  it('gives 办结率 to four decimals, medians in days to one decimal and ratings to two', () => {
    const w = { ...emptyWishCounts(), published: 3, completed: 1, ratingSum: 14, ratingCount: 3 }
    expect(wishFigures(w, { claimMs: 36 * 3600_000, fulfilMs: 4.25 * 86_400_000 })).toMatchObject({
      completionRate: 0.3333,
      medianDaysToClaim: 1.5,
      medianDaysToFulfil: 4.3,
      averageRating: 4.67
    })
  })

  it('averages ratings over confirmations that carry one', () => {
    expect(
      ratingsIn([
        { _id: { c: 'c1', r: 5 }, n: 2 },
        { _id: { c: 'c1', r: 3 }, n: 1 },
        { _id: { c: 'c1', r: null }, n: 4 }
      ])
    ).toEqual({ sum: 13, count: 3 })
  })

  it('averages assessment points over approved members', () => {
    const p = { registered: 4, approved: 3, renewed: 2, active: 2, hours: 3, points: 23, units: 1, needsCompleted: 1 }
    expect(partyFigures(p).averagePoints).toBe(7.7)
    expect(partyFigures({ ...p, approved: 0 }).averagePoints).toBeNull()
  })

  it('sums up coverage: mean shares over the categories, gaps as compound × category pairs', () => {
    const s = coverageSummary([row('convenience', 2, 1, 800, 500), row('canteen', 2, 2, 800, 800), row('clinic', 2, 0, 800, 0)])
    expect(s).toEqual({ compounds: 2, households: 800, averageHouseholdShare: 0.5417, averageCompoundShare: 0.5, gaps: 3 })
    expect(coverageSummary([])).toEqual({ compounds: 0, households: 0, averageHouseholdShare: null, averageCompoundShare: null, gaps: 0 })
  })

  it('labels coverage bars and wish categories in their list order', () => {
    const bars = coverageBars(
      [row('clinic', 2, 0, 800, 0), row('convenience', 2, 1, 800, 500)],
      [
        { id: 'convenience', name: '便利店', tier: 5 },
        { id: 'clinic', name: '社区卫生服务站', tier: 15 },
        { id: 'toilet', name: '公共厕所', tier: 10 }
      ]
    )
    expect(bars.map((b) => [b.name, b.tier, b.householdsCovered])).toEqual([
      ['便利店', 5, 500],
      ['社区卫生服务站', 15, 0]
    ])
    const cats = wishCategoryBars(
      [
        { _id: { c: 'c1', cat: 'goods', s: 'confirmed' }, n: 1 },
        { _id: { c: 'c1', cat: 'goods', s: 'claimed' }, n: 1 }
      ],
      ['goods', 'study']
    )
    expect(cats).toEqual([
      { category: 'goods', label: '物资', published: 2, completed: 1 },
      { category: 'study', label: '学习', published: 0, completed: 0 }
    ])
  })
})

describe('pointsPart', () => {
  it('counts staff adjustments and their net points apart, within the points issued', () => {
    const row = (k: string, amount: number, count: number) => ({ _id: { c: 'c1', k }, amount, count })
    expect(pointsPart([row('credit', 50, 3), row('adjust', 15, 2), row('redemption', -40, 2), row('refund', 10, 1)])).toEqual({
      issued: 65,
      redeemed: 30,
      adjustments: 2,
      adjusted: 15
    })
  })
})
