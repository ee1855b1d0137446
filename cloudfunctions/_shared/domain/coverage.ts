// Coverage of residential compounds by facilities (配建比/覆盖率): for every compound, which categories are
// reachable within the category's own tier (the walking rule in walk.ts); per community and for the whole
// scope, per category, the share of compounds and of households covered; and the gap list.
//
// Pure and fast: facilities are bucketed per category into a grid whose cells are at least the category's
// radius wide, so each compound looks at 3 × 3 cells instead of every facility, and a cheap flat-earth
// distance settles every pair not within 1 % of the radius (coverage.test.ts checks the answers against
// the plain great-circle test on random districts).
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../../types/enums'
import type { CategoryGap, CompoundCoverage, CoverageCounts } from '../../../types/schemas/lifeCircle'
import { EARTH_RADIUS_M, WALK, greatCircleMeters, type LatLng, type WalkRule } from './walk'

export interface CoverageCompound extends LatLng {
  id: string
  name: string
  communityId: string
  households: number
}

export interface CoverageFacility extends LatLng {
  category: FacilityCategory
}

export type { CategoryGap, CompoundCoverage, CoverageCounts }

export interface CoverageResult {
  /** Whole scope, one row per category. */
  rows: CoverageCounts[]
  communities: Array<{ id: string; rows: CoverageCounts[] }>
  compounds: CompoundCoverage[]
  gaps: CategoryGap[]
}

export interface CoverageInput {
  compounds: CoverageCompound[]
  /** Open facilities only; facilities outside the scope count too (a compound at the edge walks across). */
  facilities: CoverageFacility[]
  categories?: readonly FacilityCategory[]
  rule?: WalkRule
}

const METERS_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180
const ALL_CATEGORIES = FACILITY_CATEGORIES.map((c) => c.id)

/** Cell keys as numbers (row × COLUMNS + column): no string per lookup. Columns stay far below 2^21. */
const COLUMNS = 2 ** 22
/**
 * The flat-earth distance is within 1e-4 of the great-circle one at these ranges (a few kilometres, away
 * from the poles); outside ±1 % of the radius it decides alone, inside that band the exact distance does,
 * so the answer is always the exact `greatCircleMeters(p, q) <= radius`.
 */
const SURE_INSIDE = 0.99 ** 2
const SURE_OUTSIDE = 1.01 ** 2
const FLAT_EARTH_MAX_LAT = 80

/** A uniform lat/lng grid whose cells are at least `radius` meters wide at every latitude it covers. */
class Grid {
  /** Per cell, its points as [lat, lng, lat, lng, …]. */
  private readonly cells = new Map<number, number[]>()
  private readonly cellLat: number
  private readonly cellLng: number

  constructor(
    readonly radius: number,
    maxAbsLat: number
  ) {
    // 1 % wider than the radius: a point exactly at the radius, just across a cell edge, is still in a
    // neighbouring cell despite rounding.
    const width = radius * 1.01
    this.cellLat = width / METERS_PER_DEGREE
    this.cellLng = width / (METERS_PER_DEGREE * Math.max(0.01, Math.cos((Math.min(89, maxAbsLat + 0.1) * Math.PI) / 180)))
  }

  add(p: LatLng): void {
    const key = Math.floor(p.lat / this.cellLat) * COLUMNS + Math.floor(p.lng / this.cellLng)
    const list = this.cells.get(key)
    if (list) list.push(p.lat, p.lng)
    else this.cells.set(key, [p.lat, p.lng])
  }

  /** Whether any point lies within the radius of `p` (great-circle distance, as greatCircleMeters). */
  reaches(p: LatLng): boolean {
    const i = Math.floor(p.lat / this.cellLat)
    const j = Math.floor(p.lng / this.cellLng)
    const flat = Math.abs(p.lat) < FLAT_EARTH_MAX_LAT
    const kLng = METERS_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180)
    const r2 = this.radius * this.radius
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        const list = this.cells.get((i + di) * COLUMNS + (j + dj))
        if (!list) continue
        for (let k = 0; k < list.length; k += 2) {
          if (flat) {
            const dy = (list[k] - p.lat) * METERS_PER_DEGREE
            const dx = (list[k + 1] - p.lng) * kLng
            const d2 = dx * dx + dy * dy
            if (d2 > r2 * SURE_OUTSIDE) continue
            if (d2 <= r2 * SURE_INSIDE) return true
          }
          if (greatCircleMeters(p, { lat: list[k], lng: list[k + 1] }) <= this.radius) return true
        }
      }
    }
    return false
  }
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000)

function countsOf(category: FacilityCategory, members: CoverageCompound[], covered: (c: CoverageCompound) => boolean): CoverageCounts {
  let compoundsCovered = 0
  let households = 0
  let householdsCovered = 0
  for (const c of members) {
    households += c.households
    if (covered(c)) {
      compoundsCovered++
      householdsCovered += c.households
    }
  }
  return {
    category,
    compounds: members.length,
    compoundsCovered,
    households,
    householdsCovered,
    compoundShare: share(compoundsCovered, members.length),
    householdShare: share(householdsCovered, households)
  }
}

function buildGrids(input: CoverageInput, categories: readonly FacilityCategory[], rule: WalkRule): Map<FacilityCategory, Grid> {
  let maxAbsLat = 0
  for (const p of [...input.compounds, ...input.facilities]) maxAbsLat = Math.max(maxAbsLat, Math.abs(p.lat))
  const grids = new Map(categories.map((cat) => [cat, new Grid(rule.categoryRadius(cat), maxAbsLat)]))
  for (const f of input.facilities) grids.get(f.category)?.add(f)
  return grids
}

export function computeCoverage(input: CoverageInput): CoverageResult {
  const rule = input.rule ?? WALK
  const categories = input.categories ?? ALL_CATEGORIES
  const grids = buildGrids(input, categories, rule)

  const missingById = new Map<string, Set<FacilityCategory>>()
  const compounds: CompoundCoverage[] = input.compounds.map((c) => {
    const missing = categories.filter((cat) => !grids.get(cat)!.reaches(c))
    missingById.set(c.id, new Set(missing))
    return { id: c.id, name: c.name, communityId: c.communityId, households: c.households, location: { lat: c.lat, lng: c.lng }, missing }
  })
  const isCovered = (cat: FacilityCategory) => (c: CoverageCompound) => !missingById.get(c.id)!.has(cat)

  const byCommunity = new Map<string, CoverageCompound[]>()
  for (const c of input.compounds) {
    const members = byCommunity.get(c.communityId)
    if (members) members.push(c)
    else byCommunity.set(c.communityId, [c])
  }

  const byHouseholds = (a: CoverageCompound, b: CoverageCompound) => b.households - a.households || a.id.localeCompare(b.id)
  return {
    rows: categories.map((cat) => countsOf(cat, input.compounds, isCovered(cat))),
    communities: [...byCommunity.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, members]) => ({ id, rows: categories.map((cat) => countsOf(cat, members, isCovered(cat))) })),
    compounds,
    gaps: categories.map((cat) => {
      const lacking = input.compounds.filter((c) => !isCovered(cat)(c)).sort(byHouseholds)
      return {
        category: cat,
        compounds: lacking.length,
        households: lacking.reduce((sum, c) => sum + c.households, 0),
        compoundIds: lacking.map((c) => c.id)
      }
    })
  }
}

/**
 * The box a coverage query must read facilities from: the compounds' bounding box grown by the largest
 * radius, so a facility just across a community or street boundary still counts.
 */
export function coverageBounds(
  compounds: LatLng[],
  rule: WalkRule = WALK
): { minLat: number; maxLat: number; minLng: number; maxLng: number } | null {
  if (!compounds.length) return null
  const reach = Math.max(...Object.values(rule.config.radii))
  const lats = compounds.map((c) => c.lat)
  const lngs = compounds.map((c) => c.lng)
  const maxAbsLat = Math.max(...lats.map(Math.abs))
  const dLat = reach / METERS_PER_DEGREE
  const dLng = reach / (METERS_PER_DEGREE * Math.max(0.01, Math.cos((Math.min(89, maxAbsLat + 0.1) * Math.PI) / 180)))
  // A small margin so rounding at the edge never drops a facility that is exactly at the radius.
  const margin = 1.01
  return {
    minLat: Math.min(...lats) - dLat * margin,
    maxLat: Math.max(...lats) + dLat * margin,
    minLng: Math.min(...lngs) - dLng * margin,
    maxLng: Math.max(...lngs) + dLng * margin
  }
}
