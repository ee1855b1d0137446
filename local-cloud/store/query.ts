// Running a query on a collection: pick the candidates (by _id, a $nearSphere, a secondary or geo index,
// or a scan), test each with mingo, order, skip and limit.
import type { Query } from 'mingo/query'
import { errors } from '../errors'
import type { Collection } from './collection'
import {
  circleBoxes,
  EARTH_RADIUS_M,
  GeoQueryError,
  haversine,
  intersectsRegion,
  parseNear,
  toLngLat,
  withinRegion,
  type NearSpec
} from './geo'
import { filterTest } from './fastgroup'
import { chooseIndex, extractConditions, indexForSort, type FieldCondition } from './indexes'
import { newQuery } from './mingo'
import { compareBySort, compareValues, isPlainObject, sortKey, valueAtPath, type Doc, type SortSpec } from './values'

export interface FindOptions {
  sort?: SortSpec
  skip?: number
  limit?: number
}

export interface CompiledFilter {
  raw: Record<string, unknown>
  query: Query
  conditions: Map<string, FieldCondition>
  near?: { path: string; spec: NearSpec }
  /** With a $nearSphere: the rest of the filter (the distance limits are applied by nearMatches). */
  nearRest?: Query
  /** Top-level $geoWithin / $geoIntersects conditions, for the geo index. */
  regions: Array<{ path: string; boxes: ReturnType<typeof withinRegion>['boxes'] }>
}

/** _id values are strings here; a numeric id in a query means the same string (as doc(5) does). */
function normalizeIds(filter: Record<string, unknown>): Record<string, unknown> {
  const id = filter._id
  if (typeof id === 'number') return { ...filter, _id: String(id) }
  if (isPlainObject(id) && Array.isArray(id.$in))
    return { ...filter, _id: { ...id, $in: id.$in.map((v) => (typeof v === 'number' ? String(v) : v)) } }
  return filter
}

export function compileFilter(input: unknown): CompiledFilter {
  if (input !== undefined && input !== null && !isPlainObject(input)) throw errors.invalidParam('query must be an object')
  const raw = normalizeIds((input ?? {}) as Record<string, unknown>)
  let near: CompiledFilter['near']
  const regions: CompiledFilter['regions'] = []
  try {
    for (const [path, value] of Object.entries(raw)) {
      if (path.startsWith('$') || !isPlainObject(value)) continue
      const nearValue = value.$nearSphere ?? value.$near
      if (nearValue !== undefined) {
        if (near) throw errors.invalidParam('only one $nearSphere is allowed in a query')
        near = { path, spec: parseNear(nearValue, value) }
      }
      if (value.$geoWithin !== undefined) regions.push({ path, boxes: withinRegion(value.$geoWithin).boxes })
      if (value.$geoIntersects !== undefined) regions.push({ path, boxes: intersectsRegion(value.$geoIntersects).boxes })
    }
    const nearRest = near ? newQuery(withoutNear(raw, near.path)) : undefined
    return { raw, query: newQuery(raw), conditions: extractConditions(raw), near, nearRest, regions }
  } catch (e) {
    if (e instanceof GeoQueryError || e instanceof Error) throw errors.invalidParam(`invalid query: ${e.message}`)
    throw e
  }
}

const NEAR_KEYS = new Set(['$nearSphere', '$near', '$maxDistance', '$minDistance'])

function withoutNear(raw: Record<string, unknown>, path: string): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(raw[path] as Record<string, unknown>).filter(([k]) => !NEAR_KEYS.has(k)))
  const out = { ...raw }
  if (Object.keys(rest).length) out[path] = rest
  else delete out[path]
  return out
}

function* idsOf(coll: Collection, ids: Iterable<string>): Generator<Doc> {
  for (const id of ids) {
    const doc = coll.docs.get(id)
    if (doc) yield doc
  }
}

function idCandidates(coll: Collection, cond: FieldCondition | undefined): Doc[] | null {
  if (!cond) return null
  if (cond.eq && typeof cond.eq.value === 'string') return [...idsOf(coll, [cond.eq.value])]
  if (cond.in && cond.in.every((v) => typeof v === 'string')) return [...idsOf(coll, new Set(cond.in as string[]))]
  return null
}

/** Documents within the $nearSphere limits that match the filter, nearest first, with their distance. */
export function nearMatches(
  coll: Collection,
  filter: CompiledFilter,
  near: { path: string; spec: NearSpec },
  need: number,
  explain?: Explain
): Array<{ doc: Doc; distance: number }> {
  const geo = coll.geo.get(near.path)
  if (!geo) throw errors.requestFailed(`unable to find index for $geoNear query: no 2dsphere index on '${near.path}' in ${coll.name}`)
  const { center, minDistance, maxDistance } = near.spec
  const fullSphere = Math.PI * EARTH_RADIUS_M
  let radius = Number.isFinite(maxDistance) ? maxDistance : Math.min(fullSphere, 2000)
  if (explain) Object.assign(explain, { plan: `near:${near.path}`, examined: 0 })
  const test = filter.nearRest ?? filter.query
  for (;;) {
    // Distances from the index's own coordinates first; documents are fetched only for the nearest.
    const found: Array<{ id: string; distance: number }> = []
    for (const item of geo.searchItems(circleBoxes(center, radius))) {
      let distance: number
      if (item.point) distance = haversine(center, [item.minX, item.minY])
      else {
        const p = toLngLat(valueAtPath(coll.docs.get(item.id), near.path))
        if (!p) continue
        distance = haversine(center, p)
      }
      if (distance < minDistance || distance > radius || distance > maxDistance) continue
      found.push({ id: item.id, distance })
    }
    found.sort((a, b) => a.distance - b.distance)
    const matched: Array<{ doc: Doc; distance: number }> = []
    for (const { id, distance } of found) {
      if (matched.length >= need) break
      const doc = coll.docs.get(id)
      if (explain) explain.examined++
      if (doc && test.test(doc)) matched.push({ doc, distance })
    }
    if (matched.length >= need || radius >= Math.min(maxDistance, fullSphere)) return matched
    radius = Math.min(radius * 4, fullSphere, maxDistance)
  }
}

interface Candidates {
  docs: Iterable<Doc>
  /** True when `docs` already come in the requested order. */
  ordered: boolean
  plan: string
}

/** How a query was answered, for tests and benchmarks: the plan and how many documents were tested. */
export interface Explain {
  plan: string
  examined: number
}

function candidates(coll: Collection, filter: CompiledFilter, sort: SortSpec, limited: boolean): Candidates {
  const byId = idCandidates(coll, filter.conditions.get('_id'))
  if (byId) return { docs: byId, ordered: false, plan: 'id' }
  const plan = chooseIndex(coll.indexes, filter.conditions, sort)
  const region = filter.regions.find((r) => coll.geo.has(r.path))
  if (region) {
    const ids = coll.geo.get(region.path)!.search(region.boxes)
    if (!plan || ids.length < plan.estimate) return { docs: idsOf(coll, ids), ordered: false, plan: `geo:${region.path}` }
  }
  if (plan)
    return { docs: idsOf(coll, plan.index.ids(plan.bounds, plan.reverse)), ordered: plan.sorted, plan: `index:${plan.index.spec.name}` }
  const walk = limited ? indexForSort(coll.indexes, sort) : null
  if (walk) return { docs: idsOf(coll, walk.index.ids({ prefix: [] }, walk.reverse)), ordered: true, plan: `sort:${walk.index.spec.name}` }
  return { docs: coll.docs.values(), ordered: false, plan: 'scan' }
}

/** The documents a filter's best index (or a scan) offers, before the filter itself is tested. */
export const candidateDocs = (coll: Collection, filter: CompiledFilter): Iterable<Doc> => candidates(coll, filter, [], false).docs

/** Documents in sort order, each document's sort keys read once (not at every comparison). */
function sortedBy(docs: Doc[], sort: SortSpec): Doc[] {
  const keyed = docs.map((doc) => ({ doc, keys: sort.map(([path, dir]) => sortKey(doc, path, dir)) }))
  keyed.sort((a, b) => {
    for (let i = 0; i < sort.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i])
      if (c) return c * sort[i][1]
    }
    return 0
  })
  return keyed.map((k) => k.doc)
}

/** The matching documents (the collection's own objects: callers must not modify them). */
export function findDocs(coll: Collection, filter: CompiledFilter, options: FindOptions = {}, explain?: Explain): Doc[] {
  const sort = options.sort ?? []
  const skip = Math.max(0, options.skip ?? 0)
  const limit = options.limit ?? Infinity
  const need = skip + limit

  if (filter.near) {
    const near = nearMatches(coll, filter, filter.near, need, explain).map((m) => m.doc)
    if (sort.length) near.sort((a, b) => compareBySort(a, b, sort))
    return near.slice(skip, need)
  }

  const { docs, ordered, plan } = candidates(coll, filter, sort, Number.isFinite(need))
  if (explain) Object.assign(explain, { plan, examined: 0 })
  const out: Doc[] = []
  const inOrder = ordered || sort.length === 0
  const test = filterTest(filter)
  for (const doc of docs) {
    if (explain) explain.examined++
    if (!test(doc)) continue
    out.push(doc)
    if (inOrder && out.length >= need) break
  }
  return (inOrder ? out : sortedBy(out, sort)).slice(skip, need)
}

export function countDocs(coll: Collection, filter: CompiledFilter): number {
  if (filter.near) return nearMatches(coll, filter, filter.near, Infinity).length
  let n = 0
  const test = filterTest(filter)
  for (const doc of candidates(coll, filter, [], false).docs) if (test(doc)) n++
  return n
}
