// Facilities around a resident within a walk tier, nearest first, paged by a keyset cursor. "Open now"
// depends on the clock, so it is judged here after the geo query (domain/nearScan.ts reads on until the
// page is full, with a cap so one call never scans without end).
import type { CircleTier, FacilityCategory } from '../../../types/enums'
import type { LatLng } from '../../../types/schemas/common'
import type { NearbyPage } from '../../../types/schemas/lifeCircle'
import { _ } from '../../_shared/infra/cloud'
import { invalid } from '../../_shared/infra/errors'
import type { FacilityListDoc } from './docs'
import { decodeDistanceCursor, encodeDistanceCursor } from './domain/cursor'
import { isOpenAt } from './domain/hours'
import { collectPage } from './domain/nearScan'
import { toSummary } from './domain/present'
import { WALK } from './domain/walk'
import { nearestOpen } from './repo'

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

function conditions(req: NearbyRequest): Record<string, unknown> | null {
  const parts: Record<string, unknown>[] = []
  if (req.categories?.length) parts.push({ category: _.in([...new Set(req.categories)]) })
  if (req.filter) parts.push(req.filter)
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0] : _.and(parts)
}

export async function nearbyPage(req: NearbyRequest, now: Date): Promise<NearbyPage> {
  const after = decodeDistanceCursor(req.cursor)
  if (after === undefined) throw invalid('分页参数不正确，请下拉刷新')
  const limit = req.limit ?? DEFAULT_LIMIT
  const radius = WALK.radiusOf(req.minutes)
  const query = { center: req.location, radius, filter: conditions(req) }
  const { items, next } = await collectPage<FacilityListDoc>((min, max, n) => nearestOpen(query, min, max, n), radius, after, {
    limit,
    // Without a clock filter every item read is kept: one extra tells whether another page exists.
    batch: req.openNow ? Math.max(limit * 3, 60) : limit + 1,
    keep: (d) => !req.openNow || isOpenAt(d.hours, now),
    maxScan: MAX_SCAN
  })
  return { items: items.map((d) => toSummary(d, now)), nextCursor: next && encodeDistanceCursor(next), minutes: req.minutes, radius }
}
