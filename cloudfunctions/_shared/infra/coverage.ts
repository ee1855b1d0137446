// Coverage for a community or a street: compounds from the database, the open facilities around them in
// one projected scan, and the pure computation in domain/coverage.ts with the residents' walking rule.
// Shared by the life circle (its coverage page) and the workbench (dashboards and exports).
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../../types/enums'
import type { CoverageReport } from '../../../types/schemas/lifeCircle'
import { fromPoint, type CommunityDoc, type CompoundDoc } from '../docs'
import { categoryInfos } from '../domain/categories'
import { computeCoverage, coverageBounds, type CoverageFacility } from '../domain/coverage'
import { WALK } from '../domain/walk'
import { $, _, db } from './cloud'
import { getAll } from './db'

export type CoverageScope = { kind: 'community'; id: string; name: string } | { kind: 'street'; id: string; name: string }

const compoundsOf = (scope: { communityId: string } | { streetId: string }) =>
  getAll<CompoundDoc>(
    db
      .collection('compounds')
      .where(scope)
      .orderBy('_id', 'asc')
      .field({ _id: true, name: true, communityId: true, location: true, households: true }),
    20_000
  )

export interface Box {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
}

/**
 * Every open facility inside the box, as coordinates grouped by category: one projected scan in a single
 * round trip (the database groups; nothing but categories and coordinates travels).
 */
async function openFacilityPointsIn(box: Box): Promise<Map<FacilityCategory, Array<[number, number]>>> {
  const ring: Array<[number, number]> = [
    [box.minLng, box.minLat],
    [box.maxLng, box.minLat],
    [box.maxLng, box.maxLat],
    [box.minLng, box.maxLat],
    [box.minLng, box.minLat]
  ]
  const polygon = db.Geo.Polygon([db.Geo.LineString(ring.map(([lng, lat]) => db.Geo.Point(lng, lat)))])
  const { list } = await db
    .collection('facilities')
    .aggregate()
    .match({ status: 'open', location: _.geoWithin({ geometry: polygon }) })
    .group({ _id: '$category', points: $.push('$location.coordinates') })
    .limit(1000)
    .end()
  return new Map((list as Array<{ _id: FacilityCategory; points: Array<[number, number]> }>).map((g) => [g._id, g.points]))
}

/** Names of the communities in the scope (one, or every one of the street). */
async function namesInScope(scope: CoverageScope): Promise<Map<string, string>> {
  const where = scope.kind === 'community' ? { _id: scope.id } : { streetId: scope.id }
  const docs = await getAll<CommunityDoc>(db.collection('communities').where(where).field({ _id: true, name: true }), 1000)
  return new Map(docs.map((c) => [c._id, c.name]))
}

export async function coverageReport(scope: CoverageScope, now: Date): Promise<CoverageReport> {
  const [compoundDocs, names] = await Promise.all([
    compoundsOf(scope.kind === 'community' ? { communityId: scope.id } : { streetId: scope.id }),
    namesInScope(scope)
  ])
  const compounds = compoundDocs.map((c) => ({
    id: c._id,
    name: c.name,
    communityId: c.communityId,
    households: c.households ?? 0,
    ...fromPoint(c.location)
  }))
  const box = coverageBounds(compounds, WALK)
  const groups = box ? await openFacilityPointsIn(box) : new Map<FacilityCategory, Array<[number, number]>>()
  const facilities: CoverageFacility[] = []
  for (const [category, points] of groups) for (const [lng, lat] of points) facilities.push({ category, lat, lng })

  const result = computeCoverage({ compounds, facilities, categories: FACILITY_CATEGORIES.map((c) => c.id), rule: WALK })
  return {
    scope,
    categories: categoryInfos(),
    rows: result.rows,
    communities: result.communities.map((c) => ({ ...c, name: names.get(c.id) ?? c.id })),
    compounds: result.compounds,
    gaps: result.gaps,
    facilitiesConsidered: facilities.length,
    walk: { detourFactor: WALK.config.detourFactor, speedMetersPerMinute: WALK.config.speedMetersPerMinute },
    generatedAt: now.toISOString()
  }
}
