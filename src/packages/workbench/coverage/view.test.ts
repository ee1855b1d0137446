import type { CoverageReport } from '@contract/schemas/lifeCircle'
import { gapsFor, rowsFor, totals } from './view'

const row = (category: 'canteen' | 'clinic', compounds: number, covered: number, households: number, hhCovered: number) => ({
  category,
  compounds,
  compoundsCovered: covered,
  households,
  householdsCovered: hhCovered,
  compoundShare: covered / compounds,
  householdShare: hhCovered / households
})

const report = {
  scope: { kind: 'street', id: 'st', name: '街道' },
  categories: [],
  rows: [row('canteen', 3, 1, 1700, 500), row('clinic', 3, 2, 1700, 1200)],
  communities: [
    { id: 'cmX', name: '甲社区', rows: [row('canteen', 2, 1, 1500, 500), row('clinic', 2, 1, 1500, 1000)] },
    { id: 'cmY', name: '乙社区', rows: [row('canteen', 1, 0, 200, 0), row('clinic', 1, 1, 200, 200)] }
  ],
  compounds: [
    { id: 'A', name: '甲小区', communityId: 'cmX', households: 1000, location: { lat: 31.335, lng: 118.375 }, missing: ['canteen'] },
    { id: 'B', name: '乙小区', communityId: 'cmX', households: 500, location: { lat: 31.338, lng: 118.379 }, missing: ['clinic'] },
    { id: 'C', name: '丙小区', communityId: 'cmY', households: 200, location: { lat: 31.331, lng: 118.371 }, missing: ['canteen'] }
  ],
  gaps: [
    { category: 'canteen', compounds: 2, households: 1200, compoundIds: ['A', 'C'] },
    { category: 'clinic', compounds: 1, households: 500, compoundIds: ['B'] }
  ],
  facilitiesConsidered: 3,
  walk: { detourFactor: 1.2, speedMetersPerMinute: 80 },
  generatedAt: '2026-11-22T08:00:00.000Z'
} as CoverageReport

test('the whole scope or one community', () => {
  expect(rowsFor(report, null)).toBe(report.rows)
  expect(rowsFor(report, 'cmY').map((r) => r.compoundsCovered)).toEqual([0, 1])
  expect(totals(rowsFor(report, 'cmX'))).toEqual({ compounds: 2, households: 1500 })
})

test('gaps: most affected households first, filtered to a community', () => {
  expect(gapsFor(report, null).map((g) => [g.category, g.households, g.compounds.map((c) => c.name)])).toEqual([
    ['canteen', 1200, ['甲小区', '丙小区']],
    ['clinic', 500, ['乙小区']]
  ])
  expect(gapsFor(report, 'cmY')).toEqual([{ category: 'canteen', households: 200, compounds: [{ id: 'C', name: '丙小区', communityName: '乙社区', households: 200 }] }])
})
