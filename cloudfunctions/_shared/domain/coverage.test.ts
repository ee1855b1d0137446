import fc from 'fast-check'
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../../types/enums'
import { computeCoverage, coverageBounds, type CoverageCompound, type CoverageFacility } from './coverage'
import { EARTH_RADIUS_M, WALK, greatCircleMeters } from './walk'

// A hand-made map around (31°N, 118°E): positions in meters north and east of the origin.
const M = (EARTH_RADIUS_M * Math.PI) / 180
const ORIGIN = { lat: 31, lng: 118 }
const at = (north: number, east = 0) => ({
  lat: ORIGIN.lat + north / M,
  lng: ORIGIN.lng + east / (M * Math.cos(((ORIGIN.lat + north / M) * Math.PI) / 180))
})

const A: CoverageCompound = { id: 'A', name: '甲小区', communityId: 'cmX', households: 1000, ...at(0) }
const B: CoverageCompound = { id: 'B', name: '乙小区', communityId: 'cmX', households: 500, ...at(800) }
const C: CoverageCompound = { id: 'C', name: '丙小区', communityId: 'cmY', households: 200, ...at(2000) }
const f = (category: FacilityCategory, north: number, east = 0): CoverageFacility => ({ category, ...at(north, east) })

const CATEGORIES: FacilityCategory[] = ['convenience', 'canteen', 'clinic', 'elderCare']
const FACILITIES = [
  f('convenience', 250), // 5-minute tier (300 m): A at 250 m; B at 550 m is too far
  f('convenience', 2000, 290), // 290 m east of C
  f('canteen', 1299), // 10-minute tier (500 m): B at 499 m; C at 701 m, A at 1 299 m are too far
  f('clinic', 1900) // 15-minute tier (1 000 m): C at 100 m; B at 1 100 m is too far
  // no day-care centre anywhere
]

describe('coverage on a hand-made map', () => {
  const result = computeCoverage({ compounds: [A, B, C], facilities: FACILITIES, categories: CATEGORIES })

  test('which categories each compound lacks', () => {
    expect(result.compounds.map((c) => [c.id, c.missing])).toEqual([
      ['A', ['canteen', 'clinic', 'elderCare']],
      ['B', ['convenience', 'clinic', 'elderCare']],
      ['C', ['canteen', 'elderCare']]
    ])
  })

  test('shares of compounds and households for the whole scope', () => {
    expect(result.rows).toEqual([
      {
        category: 'convenience',
        compounds: 3,
        compoundsCovered: 2,
        households: 1700,
        householdsCovered: 1200,
        compoundShare: 0.6667,
        householdShare: 0.7059
      },
      {
        category: 'canteen',
        compounds: 3,
        compoundsCovered: 1,
        households: 1700,
        householdsCovered: 500,
        compoundShare: 0.3333,
        householdShare: 0.2941
      },
      {
        category: 'clinic',
        compounds: 3,
        compoundsCovered: 1,
        households: 1700,
        householdsCovered: 200,
        compoundShare: 0.3333,
        householdShare: 0.1176
      },
      {
        category: 'elderCare',
        compounds: 3,
        compoundsCovered: 0,
        households: 1700,
        householdsCovered: 0,
        compoundShare: 0,
        householdShare: 0
      }
    ])
  })

  test('per community', () => {
    const x = result.communities.find((c) => c.id === 'cmX')!
    const y = result.communities.find((c) => c.id === 'cmY')!
    expect(x.rows.map((r) => [r.category, r.compoundsCovered, r.compounds, r.householdShare])).toEqual([
      ['convenience', 1, 2, 0.6667],
      ['canteen', 1, 2, 0.3333],
      ['clinic', 0, 2, 0],
      ['elderCare', 0, 2, 0]
    ])
    expect(y.rows.map((r) => [r.category, r.compoundsCovered, r.compounds])).toEqual([
      ['convenience', 1, 1],
      ['canteen', 0, 1],
      ['clinic', 1, 1],
      ['elderCare', 0, 1]
    ])
  })

  test('gap list: compounds lacking each category, most households first', () => {
    expect(result.gaps).toEqual([
      { category: 'convenience', compounds: 1, households: 500, compoundIds: ['B'] },
      { category: 'canteen', compounds: 2, households: 1200, compoundIds: ['A', 'C'] },
      { category: 'clinic', compounds: 2, households: 1500, compoundIds: ['A', 'B'] },
      { category: 'elderCare', compounds: 3, households: 1700, compoundIds: ['A', 'B', 'C'] }
    ])
  })

  test('defaults to every category, and an empty scope has zero shares', () => {
    expect(computeCoverage({ compounds: [A], facilities: [] }).rows).toHaveLength(17)
    expect(computeCoverage({ compounds: [], facilities: FACILITIES }).rows[0]).toMatchObject({
      compounds: 0,
      compoundShare: 0,
      householdShare: 0
    })
  })

  test('the bounds reach one full 15-minute radius beyond the outermost compounds', () => {
    const box = coverageBounds([A, C])!
    expect(greatCircleMeters({ lat: box.minLat, lng: A.lng }, A)).toBeGreaterThanOrEqual(1000)
    expect(greatCircleMeters({ lat: C.lat, lng: box.maxLng }, C)).toBeGreaterThanOrEqual(1000)
    expect(coverageBounds([])).toBeNull()
  })
})

describe('the grid agrees with checking every facility', () => {
  const point = fc.record({
    north: fc.double({ min: -3000, max: 3000, noNaN: true }),
    east: fc.double({ min: -3000, max: 3000, noNaN: true })
  })
  test('for random maps', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.constantFrom(...CATEGORIES), point), { maxLength: 60 }),
        (cs, fs) => {
          const compounds = cs.map((p, i) => ({ id: `c${i}`, name: `c${i}`, communityId: 'cm', households: 10, ...at(p.north, p.east) }))
          const facilities = fs.map(([category, p]) => f(category, p.north, p.east))
          const result = computeCoverage({ compounds, facilities, categories: CATEGORIES })
          for (const c of result.compounds) {
            const compound = compounds.find((x) => x.id === c.id)!
            const bruteMissing = CATEGORIES.filter(
              (cat) => !facilities.some((x) => x.category === cat && greatCircleMeters(compound, x) <= WALK.categoryRadius(cat))
            )
            expect(c.missing).toEqual(bruteMissing)
          }
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe('the fast distance test decides exactly as the great-circle one', () => {
  /** The categories each compound lacks, checking every facility with the exact distance. */
  const bruteMissing = (compounds: CoverageCompound[], facilities: CoverageFacility[], categories: FacilityCategory[]) =>
    compounds.map((c) =>
      categories.filter((cat) => !facilities.some((x) => x.category === cat && greatCircleMeters(c, x) <= WALK.categoryRadius(cat)))
    )

  test('facilities right at the radius (±0.1 %, ±1 %, ±2 %), at latitudes from the equator to 79°', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -79, max: 79, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.array(
          fc.tuple(
            fc.constantFrom(...CATEGORIES),
            fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
            fc.constantFrom(0.98, 0.99, 0.999, 1, 1.001, 1.01, 1.02)
          ),
          { maxLength: 40 }
        ),
        (lat, lng, around) => {
          const compound: CoverageCompound = { id: 'c', name: 'c', communityId: 'cm', households: 1, lat, lng }
          const facilities = around.map(([category, angle, factor]) => {
            const d = WALK.categoryRadius(category) * factor
            const dLat = (d * Math.cos(angle)) / M
            return { category, lat: lat + dLat, lng: lng + (d * Math.sin(angle)) / (M * Math.cos(((lat + dLat) * Math.PI) / 180)) }
          })
          const result = computeCoverage({ compounds: [compound], facilities, categories: CATEGORIES })
          expect(result.compounds.map((c) => c.missing)).toEqual(bruteMissing([compound], facilities, CATEGORIES))
        }
      ),
      { numRuns: 500 }
    )
  })

  test('a random district: 400 compounds and 8 000 facilities over 6 km × 6 km, every category', () => {
    const all = FACILITY_CATEGORIES.map((c) => c.id)
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        let s = seed >>> 0
        const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 6000 - 3000
        const compounds = Array.from({ length: 400 }, (_, i) => ({
          id: `c${i}`,
          name: `c${i}`,
          communityId: `cm${i % 7}`,
          households: 10,
          ...at(next(), next())
        }))
        const facilities = Array.from({ length: 8000 }, (_, i) => f(all[i % all.length], next(), next()))
        const result = computeCoverage({ compounds, facilities })
        expect(result.compounds.map((c) => c.missing)).toEqual(bruteMissing(compounds, facilities, all))
      }),
      { numRuns: 3 }
    )
  })
})
