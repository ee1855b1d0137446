// mingo configured with every operator it has plus the geo query operators it lacks.
import { Aggregator } from 'mingo/aggregator'
import { Context } from 'mingo/core'
import * as accumulatorOperators from 'mingo/operators/accumulator'
import * as expressionOperators from 'mingo/operators/expression'
import * as pipelineOperators from 'mingo/operators/pipeline'
import * as projectionOperators from 'mingo/operators/projection'
import * as queryOperators from 'mingo/operators/query'
import * as windowOperators from 'mingo/operators/window'
import { Query } from 'mingo/query'
import type { Options, PipelineOperator, QueryOperator } from 'mingo/types'
import { resolve } from 'mingo/util'
import { haversine, intersectsRegion, parseNear, toLngLat, withinRegion, type Region } from './geo'

/** $geoWithin / $geoIntersects of a value: a point, a GeoJSON shape, or an array of them (any one). */
export const anyIn = (value: unknown, region: Region) =>
  Array.isArray(value) && !toLngLat(value) ? value.some((v) => region.contains(v)) : region.contains(value)

const $geoWithin: QueryOperator = (selector, value) => {
  const region = withinRegion(value)
  return (obj) => anyIn(resolve(obj, selector), region)
}

const $geoIntersects: QueryOperator = (selector, value) => {
  const region = intersectsRegion(value)
  return (obj) => anyIn(resolve(obj, selector), region)
}

/** The distance limits of $nearSphere; the ordering by distance is done by the query planner. */
const $nearSphere: QueryOperator = (selector, value) => {
  const near = parseNear(value)
  return (obj) => {
    const p = toLngLat(resolve(obj, selector))
    if (!p) return false
    const d = haversine(near.center, p)
    return d >= near.minDistance && d <= near.maxDistance
  }
}

/** Legacy siblings of $near/$nearSphere; the planner reads them, the per-document test ignores them. */
const always: QueryOperator = () => () => true

/** $sample without repeats (MongoDB's random sort; mingo's own picks with replacement). */
const $sample: PipelineOperator = (collection, expr) => {
  const size = Math.max(0, Number((expr as { size?: unknown })?.size) || 0)
  return collection.transform((items: unknown[]) => {
    const pool = [...items]
    const n = Math.min(size, pool.length)
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(Math.random() * (pool.length - i))
      ;[pool[i], pool[j]] = [pool[j], pool[i]]
    }
    return pool.slice(0, n)
  })
}

const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: { ...pipelineOperators, $sample },
  projection: projectionOperators,
  query: { ...queryOperators, $geoWithin, $geoIntersects, $nearSphere, $near: $nearSphere, $maxDistance: always, $minDistance: always },
  window: windowOperators
} as Parameters<typeof Context.init>[0])

export const mingoOptions = (extra: Partial<Options> = {}): Partial<Options> => ({ context: CONTEXT, scriptEnabled: false, ...extra })

// mingo copies every operator of the context for each new Query (~0.15 ms) unless it is handed its own
// ComputeOptions, whose class it does not export: take it from what a query operator receives.
type ComputeOptionsClass = new (options: Options, locals: { now: number }) => Options
let computeOptions: { Class: ComputeOptionsClass; options: Options } | undefined
const capture: QueryOperator = (_selector, _value, options) => {
  const compute = options as unknown as { constructor: ComputeOptionsClass; options: Options }
  computeOptions = { Class: compute.constructor, options: compute.options }
  return () => true
}
new Query(
  { x: { $capture: 1 } },
  mingoOptions({ context: Context.init({ query: { ...queryOperators, $capture: capture } } as Parameters<typeof Context.init>[0]) })
)

/** Options for one query: the shared, already-built context and a fresh $$NOW. */
function queryOptions(): Partial<Options> {
  if (!computeOptions) return mingoOptions()
  return new computeOptions.Class({ ...computeOptions.options, context: CONTEXT } as Options, { now: Date.now() })
}

export const newQuery = (filter: Record<string, unknown>) => new Query(filter, queryOptions())

export const newAggregator = (pipeline: Record<string, unknown>[], extra: Partial<Options> = {}) =>
  new Aggregator(pipeline, mingoOptions(extra))
