// Facilities around a resident within a walk tier, nearest first, paged by a keyset cursor. "Open now"
// depends on the clock, so it is judged here after the geo query (domain/nearScan.ts reads on until the
// page is full, with a cap so one call never scans without end).
import type { CircleTier, FacilityCategory } from '../../../../types/enums'
import type { LatLng } from '../../../../types/schemas/common'
import type { NearbyPage } from '../../../../types/schemas/lifeCircle'
import { invalid } from '../../../_shared/infra/errors'
import type { FacilityListDoc } from '../docs'
import { decodeDistanceCursor, encodeDistanceCursor } from '../domain/cursor'
import { isOpenAt } from '../domain/hours'
import { collectPage } from '../domain/nearScan'
import { toSummary } from '../views'
import { WALK } from '../../../_shared/domain/walk'
import type { Handler } from '../../../_shared/infra/router'
import { keywordFilter, nearestOpen } from '../repo'

export const DEFAULT_LIMIT = 20
/** Facilities one call may read while looking for open ones. */
const MAX_SCAN = 600

export interface NearbyRequest {
  location: LatLng
  minutes: CircleTier
  categories?: FacilityCategory[]
  openNow?: boolean
  limit?: number
  cursor?: string
  /** Extra condition (search keyword). */
  filter?: Record<string, unknown>
}

async function nearbyPage(req: NearbyRequest, now: Date): Promise<NearbyPage> {
  const after = decodeDistanceCursor(req.cursor)
  if (after === undefined) throw invalid('分页参数不正确，请下拉刷新')
  const limit = req.limit ?? DEFAULT_LIMIT
  const radius = WALK.radiusOf(req.minutes)
  const query = { center: req.location, radius, categories: req.categories, filter: req.filter }
  const { items, next } = await collectPage<FacilityListDoc>((min, max, n) => nearestOpen(query, min, max, n), radius, after, {
    limit,
    // Without a clock filter every item read is kept: one extra tells whether another page exists.
    batch: req.openNow ? Math.max(limit * 3, 60) : limit + 1,
    keep: (d) => !req.openNow || isOpenAt(d.hours, now),
    maxScan: MAX_SCAN
  })
  return { items: items.map((d) => toSummary(d, now)), nextCursor: next && encodeDistanceCursor(next), minutes: req.minutes, radius }
}

export const nearby: Handler<'lifeCircle', 'nearby'> = (input, { now }) => nearbyPage(input, now)

export const search: Handler<'lifeCircle', 'search'> = (input, { now }) =>
  nearbyPage({ ...input, filter: keywordFilter(input.keyword) }, now)
