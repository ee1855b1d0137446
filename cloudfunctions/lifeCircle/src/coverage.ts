// Coverage for a community or a street: compounds from the database, the open facilities around them in
// one projected scan, and the pure computation in domain/coverage.ts with the residents' walking rule.
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../../types/enums'
import type { CoverageReport } from '../../../types/schemas/lifeCircle'
import { hasGrant, type Caller } from '../../_shared/infra/auth'
import { db } from '../../_shared/infra/cloud'
import { getAll, getDoc } from '../../_shared/infra/db'
import { fromPoint, type CommunityDoc, type StreetDoc } from '../../_shared/docs'
import { denied, notFound } from '../../_shared/infra/errors'
import { computeCoverage, coverageBounds, type CoverageFacility } from './domain/coverage'
import { WALK } from './domain/walk'
import { categoryInfos } from './categories'
import { requireCommunityViewer } from './manage'
import { compoundsOf, openFacilityPointsIn } from './repo'

export type CoverageScope = { kind: 'community'; id: string; name: string } | { kind: 'street'; id: string; name: string }

async function communityNames(scope: CoverageScope): Promise<Map<string, string>> {
  const where = scope.kind === 'community' ? { _id: scope.id } : { streetId: scope.id }
  const docs = await getAll<CommunityDoc>(db.collection('communities').where(where).field({ _id: true, name: true }), 1000)
  return new Map(docs.map((c) => [c._id, c.name]))
}

export async function coverageReport(scope: CoverageScope, now: Date): Promise<CoverageReport> {
  const [compoundDocs, names] = await Promise.all([
    compoundsOf(scope.kind === 'community' ? { communityId: scope.id } : { streetId: scope.id }),
    communityNames(scope)
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

/** The report a staff member (their community) or a street admin (their street, or one of its communities) may see. */
export async function coverageFor(input: { communityId?: string; streetId?: string }, caller: Caller, now: Date): Promise<CoverageReport> {
  if (input.communityId) {
    const community = await requireCommunityViewer(caller, input.communityId)
    return coverageReport({ kind: 'community', id: community._id, name: community.name }, now)
  }
  const streetId = input.streetId!
  if (!hasGrant(caller, 'streetAdmin', { streetId })) throw denied('只能查看本街道的数据')
  const street = await getDoc<StreetDoc>('streets', streetId)
  if (!street) throw notFound('街道不存在')
  return coverageReport({ kind: 'street', id: street._id, name: street.name }, now)
}
