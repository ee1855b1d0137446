// Aggregation: a leading $geoNear or $match is answered from the indexes, the rest of the pipeline by mingo
// on copies of those documents (a plain $match + $group is grouped in place by fastgroup.ts).
import { errors } from '../errors'
import type { Collection } from './collection'
import { EARTH_RADIUS_M, GeoQueryError, parseNear } from './geo'
import { newAggregator } from './mingo'
import { fastMatchGroup } from './fastgroup'
import { candidateDocs, compileFilter, findDocs, nearMatches } from './query'
import { clone, isPlainObject, valueAtPath, type Doc } from './values'

export type Stage = Record<string, unknown>

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur = obj
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur[part])) cur[part] = {}
    cur = cur[part] as Record<string, unknown>
  }
  cur[parts[parts.length - 1]] = value
}

function geoKey(coll: Collection, key: unknown): string {
  if (typeof key === 'string') {
    if (!coll.geo.has(key)) throw errors.requestFailed(`$geoNear: no 2dsphere index on '${key}' in ${coll.name}`)
    return key
  }
  const paths = [...coll.geo.keys()]
  if (paths.length === 0) throw errors.requestFailed(`unable to find index for $geoNear query: ${coll.name} has no 2dsphere index`)
  if (paths.length > 1) throw errors.requestFailed(`$geoNear: ${coll.name} has more than one 2dsphere index; give 'key'`)
  return paths[0]
}

/**
 * The $geoNear stage (it must come first): documents nearest first, with the distance in meters
 * (times distanceMultiplier) at distanceField and, with includeLocs, the location used.
 */
export function geoNearStage(coll: Collection, spec: unknown): Doc[] {
  if (!isPlainObject(spec)) throw errors.invalidParam('$geoNear needs an object')
  if (typeof spec.distanceField !== 'string' || !spec.distanceField) throw errors.invalidParam('$geoNear requires a distanceField')
  const path = geoKey(coll, spec.key)
  let near
  try {
    const legacy = Array.isArray(spec.near)
    const parsed = parseNear(legacy ? spec.near : { $geometry: spec.near }, {})
    const scale = legacy ? EARTH_RADIUS_M : 1
    const max = typeof spec.maxDistance === 'number' ? spec.maxDistance * scale : Infinity
    const min = typeof spec.minDistance === 'number' ? spec.minDistance * scale : 0
    near = { ...parsed, maxDistance: max, minDistance: min }
  } catch (e) {
    if (e instanceof GeoQueryError) throw errors.invalidParam(`$geoNear: ${e.message}`)
    throw e
  }
  const filter = compileFilter(spec.query ?? {})
  const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1
  const limit = typeof spec.limit === 'number' && spec.limit > 0 ? spec.limit : Infinity
  return nearMatches(coll, filter, { path, spec: near }, limit)
    .slice(0, limit)
    .map(({ doc, distance }) => {
      const out = clone(doc)
      setPath(out, spec.distanceField as string, distance * multiplier)
      if (typeof spec.includeLocs === 'string') setPath(out, spec.includeLocs, clone(valueAtPath(doc, path)))
      return out
    })
}

const stageName = (stage: Stage) => Object.keys(stage)[0]

export function aggregateDocs(coll: Collection, pipeline: Stage[], resolveCollection: (name: string) => Doc[]): unknown[] {
  for (const [i, stage] of pipeline.entries()) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1)
      throw errors.invalidParam('each aggregate stage must be an object with one operator')
    if (stageName(stage) === '$geoNear' && i > 0) throw errors.invalidParam('$geoNear is only valid as the first stage in a pipeline')
  }
  let input: Doc[]
  let rest = pipeline
  const first = pipeline[0]
  if (first && stageName(first) === '$geoNear') {
    input = geoNearStage(coll, first.$geoNear)
    rest = pipeline.slice(1)
  } else if (first && stageName(first) === '$match') {
    const filter = compileFilter(first.$match)
    const second = pipeline[1]
    const grouped =
      second && stageName(second) === '$group' && !filter.near ? fastMatchGroup(candidateDocs(coll, filter), filter, second.$group) : null
    input = grouped ?? findDocs(coll, filter).map((d) => clone(d))
    rest = pipeline.slice(grouped ? 2 : 1)
  } else {
    input = [...coll.docs.values()].map((d) => clone(d))
  }
  if (rest.length === 0) return input
  try {
    return newAggregator(rest, { collectionResolver: (name: string) => resolveCollection(name) }).run(input)
  } catch (e) {
    throw errors.invalidParam(`aggregate failed: ${e instanceof Error ? e.message : String(e)}`)
  }
}
