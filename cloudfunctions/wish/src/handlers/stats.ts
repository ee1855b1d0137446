// Wish statistics for staff (their community) and street admins (their street or one community in it).
import type { WishStats } from '../../../../types/schemas/wish'
import { hasGrant, isStaffOf, staffCommunities, type Caller } from '../../../_shared/infra/auth'
import { denied } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import { medianPositions } from '../../../_shared/domain/stats'
import { countsOf, durationCount, statusGroupStage, summarize, type StatusGroup } from '../domain/stats'
import { aggregate, findCommunity, statsMatch, withDuration } from '../repo'

type Match = Record<string, unknown>
type Duration = 'claimMs' | 'fulfilMs'

/** Staff see their community; a street admin sees their street or one community in it. */
async function statsScope(
  input: { communityId?: string; streetId?: string; period?: string },
  caller: Caller
): Promise<WishStats['scope'] & { match: Match }> {
  const period = input.period ?? null
  if (input.streetId || (!input.communityId && !staffCommunities(caller).length)) {
    const streetId = input.streetId ?? caller.grants.find((g) => g.role === 'streetAdmin')?.streetId
    if (!streetId || !hasGrant(caller, 'streetAdmin', { streetId })) throw denied('只有本街道管理员可以查看')
    return { communityId: null, streetId, period, match: { streetId } }
  }
  const communityId = input.communityId ?? staffCommunities(caller)[0]
  if (!isStaffOf(caller, communityId)) {
    const community = await findCommunity(communityId)
    if (!community || !hasGrant(caller, 'streetAdmin', { streetId: community.streetId })) throw denied('只有本社区工作人员可以查看')
  }
  return { communityId, streetId: null, period, match: { communityId } }
}

/** The median of a duration, found by the database: sort, skip to the middle, take one or two. */
async function medianOf(match: Match, field: Duration, n: number): Promise<number | null> {
  const positions = medianPositions(n)
  if (!positions.length) return null
  const path = `metrics.${field}`
  const rows = await aggregate<{ v: number }>([
    { match: { ...match, ...withDuration(field) } },
    { sort: { [path]: 1 } },
    { skip: positions[0] },
    { limit: positions.length },
    { project: { _id: 0, v: `$${path}` } }
  ])
  return rows.length ? rows.reduce((s, r) => s + r.v, 0) / rows.length : null
}

/** How many wishes carry a duration; counted by the database when any might. */
async function countWith(match: Match, field: Duration, upperBound: number): Promise<number> {
  if (upperBound === 0) return 0
  const rows = await aggregate<{ n: number }>([{ match: { ...match, ...withDuration(field) } }, { count: 'n' }])
  return rows[0]?.n ?? 0
}

export const stats: Handler<'wish', 'stats'> = async (input, { caller }) => {
  const { match: where, ...scope } = await statsScope(input, caller)
  const match = statsMatch(where, scope.period)
  const groups = await aggregate<StatusGroup>([{ match }, { group: statusGroupStage }])
  const counts = countsOf(groups)
  const [claimMedianMs, fulfilMedianMs] = await Promise.all([
    medianOf(match, 'claimMs', await countWith(match, 'claimMs', durationCount(counts, 'claimMs'))),
    medianOf(match, 'fulfilMs', await countWith(match, 'fulfilMs', durationCount(counts, 'fulfilMs')))
  ])
  return summarize({ scope, groups, claimMedianMs, fulfilMedianMs })
}
