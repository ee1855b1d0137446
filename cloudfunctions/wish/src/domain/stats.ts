// Wish statistics for the workbench: 办结率 (completion rate), median time to claim and to fulfil,
// average rating. The database does the counting (aggregation pipelines built here); these pure
// functions turn the aggregates into figures, so the workbench can reuse both halves.
import { WISH_STATUSES, type WishStatus } from '../../../../types'
import type { WishStats } from '../../../../types/schemas/wish'
import { medianPositions, ratio } from '../../../_shared/domain/stats'

const HOUR_MS = 3_600_000

/** Statuses that count as "reached the wall" for the rates. */
export const ON_WALL: readonly WishStatus[] = ['published', 'claimed', 'fulfilled', 'confirmed']
const CLAIMED: readonly WishStatus[] = ['claimed', 'fulfilled', 'confirmed']

export interface StatusGroup {
  _id: WishStatus
  n: number
  ratingSum: number
  ratingCount: number
}

/** $group stage input: one row per status with counts and rating sums. */
export const statusGroupStage = {
  _id: '$status',
  n: { $sum: 1 },
  ratingSum: { $sum: { $ifNull: ['$confirmation.rating', 0] } },
  ratingCount: { $sum: { $cond: [{ $gt: [{ $ifNull: ['$confirmation.rating', 0] }, 0] }, 1, 0] } }
} as const

/** Median of the values found at medianPositions (1 or 2 values), or of any sorted list. */
export function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null
  const mid = medianPositions(sorted.length)
  return mid.reduce((s, i) => s + sorted[i], 0) / mid.length
}

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR_MS) * 10) / 10)

export function countsOf(groups: readonly StatusGroup[]): Record<WishStatus, number> {
  const counts = Object.fromEntries(WISH_STATUSES.map((s) => [s, 0])) as Record<WishStatus, number>
  for (const g of groups) if (g._id in counts) counts[g._id] += g.n
  return counts
}

export function summarize(input: {
  scope: WishStats['scope']
  groups: readonly StatusGroup[]
  claimMedianMs: number | null
  fulfilMedianMs: number | null
}): WishStats {
  const counts = countsOf(input.groups)
  const total = ON_WALL.reduce((s, k) => s + counts[k], 0)
  const claimed = CLAIMED.reduce((s, k) => s + counts[k], 0)
  const ratingSum = input.groups.reduce((s, g) => s + g.ratingSum, 0)
  const ratings = input.groups.reduce((s, g) => s + g.ratingCount, 0)
  return {
    scope: input.scope,
    counts,
    total,
    completionRate: ratio(counts.confirmed, total),
    claimRate: ratio(claimed, total),
    medianHoursToClaim: hours(input.claimMedianMs),
    medianHoursToFulfil: hours(input.fulfilMedianMs),
    averageRating: ratings ? Math.round((ratingSum / ratings) * 100) / 100 : null,
    ratings
  }
}

/** How many wishes carry each duration (claim: claimed or later; fulfil: fulfilled or later). */
export const durationCount = (counts: Record<WishStatus, number>, field: 'claimMs' | 'fulfilMs') =>
  field === 'claimMs' ? counts.claimed + counts.fulfilled + counts.confirmed : counts.fulfilled + counts.confirmed
