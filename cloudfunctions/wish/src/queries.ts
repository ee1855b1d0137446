// Reading wishes: the wall, one wish for one viewer, my wishes, the staff queue, statistics.
import type { z } from 'zod'
import type { MineInput, ReviewQueueInput, StatsInput, WallInput, WishCard, WishStats } from '../../../types/schemas/wish'
import type { Page } from '../../../types/schemas/common'
import { hasGrant, isStaffOf, staffCommunities, type Caller } from '../../_shared/infra/auth'
import { _, db } from '../../_shared/infra/cloud'
import { coll, cursor, getDoc } from '../../_shared/infra/db'
import type { CommunityDoc } from '../../_shared/docs'
import { denied, notFound } from '../../_shared/infra/errors'
import { periodRange } from '../../_shared/domain/period'
import { claimCapacity } from './domain/claims'
import { distanceTo } from '../../_shared/domain/geo'
import { canSee, isOwner, toCard, toDetail, toMyWish, toStaffWish, viewerOf } from './domain/privacy'
import { countsOf, durationCount, medianPositions, statusGroupStage, summarize, type StatusGroup } from './domain/stats'
import type { WishDoc } from './domain/types'
import { withPhotoUrls } from './photos'
import { communityNames, handoverOf, loadCommunity, loadWish, WISH_NOT_FOUND } from './repo'

const DEFAULT_LIMIT = 20

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Query = any

/** One page of a query with offset cursors, mapped to cards with their community names. */
async function pageOf<T extends WishCard>(query: Query, input: { limit?: number; cursor?: string }, map: (w: WishDoc, names: Map<string, string>) => T): Promise<Page<T>> {
  const limit = input.limit ?? DEFAULT_LIMIT
  const offset = cursor.decode(input.cursor)
  const { data } = await query.skip(offset).limit(limit).get()
  const wishes = data as WishDoc[]
  const names = await communityNames(wishes.map((w) => w.communityId))
  const items = await withPhotoUrls(wishes.map((w) => map(w, names)))
  return { items, nextCursor: cursor.next(offset, wishes.length, limit) }
}

export function wall(input: z.output<typeof WallInput>) {
  const where: Record<string, unknown> = { status: input.status }
  if (input.communityId) where.communityId = input.communityId
  if (input.category) where.category = input.category
  const here = input.location
  if (input.sort === 'nearest' && here) {
    where.location = _.geoNear({ geometry: db.Geo.Point(here.lng, here.lat) })
    return pageOf(coll('wishes').where(where), input, (w, names) => toCard(w, names.get(w.communityId) ?? '', distanceTo(here, w.location)))
  }
  const query = coll('wishes').where(where).orderBy('publishedAt', 'desc').orderBy('_id', 'desc')
  return pageOf(query, input, (w, names) => toCard(w, names.get(w.communityId) ?? '', here ? distanceTo(here, w.location) : null))
}

export async function detail(wishId: string, caller: Caller) {
  const wish = await loadWish(wishId)
  const openid = caller.openid || null
  const staff = Boolean(openid) && isStaffOf(caller, wish.communityId)
  if (!canSee(wish, viewerOf(wish, { openid, staff }))) throw notFound(WISH_NOT_FOUND)
  const community = await loadCommunity(wish.communityId)
  const eligible = Boolean(openid) && !isOwner(wish, openid) && claimCapacity(caller.grants, wish.communityId, community.settings) !== null
  const answer = toDetail(wish, {
    openid,
    staff,
    communityName: community.name,
    handover: handoverOf(community),
    eligibleToClaim: eligible
  })
  return (await withPhotoUrls([answer]))[0]
}

export function mine(input: z.output<typeof MineInput>, caller: Caller) {
  const openid = caller.openid
  const query =
    input.as === 'claimer'
      ? coll('wishes').where({ claimerId: openid }).orderBy('claimedAt', 'desc').orderBy('_id', 'desc')
      : coll('wishes').where({ submitterId: openid }).orderBy('createdAt', 'desc').orderBy('_id', 'desc')
  return pageOf(query, input, (w, names) => toMyWish(w, names.get(w.communityId) ?? '', openid))
}

/** The community a staff member acts for: the one asked for (if theirs) or their first. */
function staffScope(caller: Caller, communityId?: string): string {
  const mine = staffCommunities(caller)
  const chosen = communityId ?? mine[0]
  if (!chosen || !isStaffOf(caller, chosen)) throw denied('只有本社区工作人员可以查看')
  return chosen
}

export function reviewQueue(input: z.output<typeof ReviewQueueInput>, caller: Caller) {
  const communityId = staffScope(caller, input.communityId)
  // Oldest first for what waits for a decision; newest first for everything else.
  const order = input.status === 'submitted' ? 'asc' : 'desc'
  const query = coll('wishes').where({ communityId, status: input.status }).orderBy('createdAt', order).orderBy('_id', order)
  return pageOf(query, input, (w, names) => toStaffWish(w, names.get(w.communityId) ?? ''))
}

/** Staff see their community; a street admin sees their street or one community in it. */
async function statsScope(input: z.output<typeof StatsInput>, caller: Caller): Promise<WishStats['scope'] & { match: Record<string, unknown> }> {
  const period = input.period ?? null
  if (input.streetId || (!input.communityId && !staffCommunities(caller).length)) {
    const streetId = input.streetId ?? caller.grants.find((g) => g.role === 'streetAdmin')?.streetId
    if (!streetId || !hasGrant(caller, 'streetAdmin', { streetId })) throw denied('只有本街道管理员可以查看')
    return { communityId: null, streetId, period, match: { streetId } }
  }
  const communityId = input.communityId ?? staffCommunities(caller)[0]
  if (!isStaffOf(caller, communityId)) {
    const community = await getDoc<CommunityDoc>('communities', communityId)
    if (!community || !hasGrant(caller, 'streetAdmin', { streetId: community.streetId })) throw denied('只有本社区工作人员可以查看')
  }
  return { communityId, streetId: null, period, match: { communityId } }
}

/** Runs a pipeline of { stage: value } steps through the SDK's chained aggregate; answers its list. */
async function aggregate<T>(pipeline: Array<Record<string, unknown>>): Promise<T[]> {
  let query = db.collection('wishes').aggregate()
  for (const stage of pipeline) {
    const [name, value] = Object.entries(stage)[0]
    query = query[name](value)
  }
  const { list } = await query.end()
  return list as T[]
}

const withDuration = (field: 'claimMs' | 'fulfilMs') => ({ [`metrics.${field}`]: _.gte(0) })

/** The median of a duration, found by the database: sort, skip to the middle, take one or two. */
async function medianOf(match: Record<string, unknown>, field: 'claimMs' | 'fulfilMs', n: number): Promise<number | null> {
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

export async function stats(input: z.output<typeof StatsInput>, caller: Caller): Promise<WishStats> {
  const { match: where, ...scope } = await statsScope(input, caller)
  const match: Record<string, unknown> = { ...where }
  if (scope.period) {
    const { start, end } = periodRange(scope.period)
    match.createdAt = _.gte(start).and(_.lt(end))
  }
  const groups = await aggregate<StatusGroup>([{ match }, { group: statusGroupStage }])
  const counts = countsOf(groups)
  const [claimMedianMs, fulfilMedianMs] = await Promise.all([
    medianOf(match, 'claimMs', await countWith(match, 'claimMs', durationCount(counts, 'claimMs'))),
    medianOf(match, 'fulfilMs', await countWith(match, 'fulfilMs', durationCount(counts, 'fulfilMs')))
  ])
  return summarize({ scope, groups, claimMedianMs, fulfilMedianMs })
}

/** How many wishes carry a duration; counted by the database when any might. */
async function countWith(match: Record<string, unknown>, field: 'claimMs' | 'fulfilMs', upperBound: number): Promise<number> {
  if (upperBound === 0) return 0
  const rows = await aggregate<{ n: number }>([{ match: { ...match, ...withDuration(field) } }, { count: 'n' }])
  return rows[0]?.n ?? 0
}
