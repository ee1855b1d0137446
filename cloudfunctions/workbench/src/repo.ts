// The workbench's database access: aggregation pipelines (the database counts; only grouped rows travel),
// scope look-ups and the few document reads the exports need.
import type { CommunityDoc, StreetDoc } from './docs'
import type { CollectionName } from '../../_shared/docs'
import { _, db } from '../../_shared/infra/cloud'
import { coll, getAll, getDoc } from '../../_shared/infra/db'
import type { SourceSum } from '../../_shared/domain/assessment'
import type { Cond, Match, Pipeline, Stage } from './domain/plan'

/** Every pipeline ends with an explicit limit: the cloud answers few rows by default. */
const MAX_ROWS = 1000

/** A $match (query built with db.command, so the index is used) followed by plain stages. */
export async function aggregate<T>(
  collection: CollectionName,
  match: Record<string, unknown>,
  stages: readonly Stage[] = []
): Promise<T[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's aggregate builder is untyped
  let query: any = db.collection(collection).aggregate().match(match)
  for (const stage of stages) {
    const [name, value] = Object.entries(stage)[0]
    query = query[name](value)
  }
  if (!stages.some((s) => 'limit' in s)) query = query.limit(MAX_ROWS)
  const { list } = await query.end()
  return list as T[]
}

/** A plan's condition written with db.command (the index serves the leading $match). */
function command(c: Cond) {
  const parts = [
    c.gte !== undefined && _.gte(c.gte),
    c.gt !== undefined && _.gt(c.gt),
    c.lt !== undefined && _.lt(c.lt),
    c.in !== undefined && _.in([...c.in])
  ].filter(Boolean)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- db.command conditions are untyped
  return parts.reduce((all: any, next: any) => all.and(next))
}

export const toQuery = (match: Match): Record<string, unknown> =>
  Object.fromEntries(Object.entries(match).map(([field, v]) => [field, typeof v === 'object' && v !== null ? command(v) : v]))

/** Runs one of a plan's pipelines; a later $match stage is written with db.command too. */
export function run<T = Record<string, unknown>>(p: Pipeline): Promise<T[]> {
  const stages = p.stages.map((s) => ('match' in s ? { match: toQuery(s.match as Match) } : s))
  return aggregate<T>(p.collection, toQuery(p.match), stages)
}

export const communitiesOfStreet = (streetId: string) =>
  getAll<CommunityDoc>(coll('communities').where({ streetId }).orderBy('_id', 'asc').field({ _id: true, name: true, streetId: true }), 1000)

export const loadStreet = (streetId: string) => getDoc<StreetDoc>('streets', streetId)

/** Documents by id, in one query per 100. */
export async function byIds<T extends { _id: string }>(
  collection: CollectionName,
  ids: readonly string[],
  field?: Record<string, boolean>
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)].filter(Boolean)
  const out = new Map<string, T>()
  for (let i = 0; i < unique.length; i += 100) {
    let query = coll(collection).where({ _id: _.in(unique.slice(i, i + 100)) })
    if (field) query = query.field(field)
    const { data } = await query.limit(100).get()
    for (const d of data as T[]) out.set(d._id, d)
  }
  return out
}

export const findCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)

export { coverageReport } from '../../_shared/infra/coverage'

/** Every document of a match (up to `max`), oldest first by `by`. */
export function oldestFirst<T>(
  collection: CollectionName,
  match: Match,
  by: string,
  max: number,
  field?: Record<string, boolean>
): Promise<T[]> {
  const query = coll(collection).where(toQuery(match)).orderBy(by, 'asc').orderBy('_id', 'asc')
  return getAll<T>(field ? query.field(field) : query, max)
}

/** How many documents a queue holds, and the oldest few of them (only the fields a card shows). */
export async function readQueue(collection: CollectionName, match: Match, since: string, fields: string[], limit: number) {
  const query = coll(collection).where(toQuery(match))
  const [{ total }, { data }] = await Promise.all([
    query.count(),
    query
      .orderBy(since, 'asc')
      .orderBy('_id', 'asc')
      .limit(limit)
      .field(Object.fromEntries(fields.map((f) => [f, true])))
      .get()
  ])
  return { count: total as number, docs: data as Array<Record<string, unknown> & { _id: string }> }
}

/** Assessment sums per member and source for a year (the database groups). */
export async function assessmentSums(openids: string[], year: string): Promise<Map<string, SourceSum[]>> {
  const out = new Map<string, SourceSum[]>(openids.map((o) => [o, []]))
  for (let i = 0; i < openids.length; i += 100) {
    const rows = await aggregate<{ _id: { o: string; s: SourceSum['source'] }; points: number; hours: number; count: number }>(
      'assessmentEntries',
      { openid: _.in(openids.slice(i, i + 100)), period: year },
      [
        {
          group: {
            _id: { o: '$openid', s: '$source' },
            points: { $sum: '$points' },
            hours: { $sum: { $ifNull: ['$hours', 0] } },
            count: { $sum: 1 }
          }
        }
      ]
    )
    for (const r of rows) out.get(r._id.o)?.push({ source: r._id.s, points: r.points ?? 0, hours: r.hours ?? 0, count: r.count ?? 0 })
  }
  return out
}
