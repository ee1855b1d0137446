// A fast path for the commonest statistics pipeline: a leading $match whose conditions are plain
// (equality, ranges and $in on scalar fields, $geoWithin / $geoIntersects alone on a field, possibly inside a
// top-level $and) followed by a $group whose _id is null, a field path or an object of field paths and whose
// accumulators are $sum of a number or of a field path, or $push of a field path. It reads the stored
// documents where they are (no copies) and groups them in plain JavaScript, as a database engine would,
// instead of copying every document and handing it to mingo. Anything else — and any document with an array
// on a path involved (other than the value a $push or a geo condition takes whole), or a $push of a missing
// value — answers null, and the caller takes the general path, so the results are always mingo's (pinned by
// fastgroup.test.ts).
import { intersectsRegion, withinRegion } from './geo'
import { anyIn } from './mingo'
import type { CompiledFilter } from './query'
import { clone, isDate, isPlainObject, type Doc } from './values'

type Test = (doc: Doc) => boolean | undefined

/** Marks a document the fast path cannot judge (an array on a path): the general path must run instead. */
class NotSimple extends Error {}

/** The value at a dotted path, or NotSimple when an array lies on the way (MongoDB would fan out). */
function plainAt(doc: unknown, parts: readonly string[]): unknown {
  let cur: unknown = doc
  for (let i = 0; i < parts.length; i++) {
    if (typeof cur !== 'object' || cur === null) return undefined
    if (Array.isArray(cur)) throw new NotSimple()
    cur = (cur as Record<string, unknown>)[parts[i]]
  }
  if (Array.isArray(cur)) throw new NotSimple()
  return cur
}

/** The value at a dotted path, which may itself be an array; NotSimple when an array lies on the way. */
function leafAt(doc: unknown, parts: readonly string[]): unknown {
  let cur: unknown = doc
  for (let i = 0; i < parts.length; i++) {
    if (typeof cur !== 'object' || cur === null) return undefined
    if (Array.isArray(cur)) throw new NotSimple()
    cur = (cur as Record<string, unknown>)[parts[i]]
  }
  return cur
}

/** instanceof first (cheap), the type tag for Dates from another realm. */
const dateLike = (v: unknown): v is Date => v instanceof Date || (typeof v === 'object' && v !== null && isDate(v))

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v)) || isDate(v)

/** Equality with a scalar: Dates by their time, everything else strictly. */
function equals(c: unknown): (v: unknown) => boolean {
  if (isDate(c)) {
    const t = c.getTime()
    return (v) => dateLike(v) && v.getTime() === t
  }
  return (v) => v === c
}

const ORDER: Record<string, (c: number) => boolean> = { $gt: (c) => c > 0, $gte: (c) => c >= 0, $lt: (c) => c < 0, $lte: (c) => c <= 0 }

/** A range bound matches values of its own type only (MongoDB's type bracketing). */
function rangeTest(op: string, bound: unknown): ((v: unknown) => boolean) | null {
  const ok = ORDER[op]
  if (!ok) return null
  if (isDate(bound)) {
    const t = bound.getTime()
    return (v) => dateLike(v) && ok(v.getTime() - t)
  }
  if (typeof bound === 'number' && !Number.isNaN(bound)) return (v) => typeof v === 'number' && !Number.isNaN(v) && ok(v - bound)
  if (typeof bound === 'string') return (v) => typeof v === 'string' && ok(v === bound ? 0 : v < bound ? -1 : 1)
  return null
}

/** A $geoWithin or $geoIntersects that is the field's only condition, as mingo's operator tests it. */
function geoTest(parts: readonly string[], condition: Record<string, unknown>): Test | null {
  const ops = Object.keys(condition)
  if (ops.length !== 1) return null
  const region =
    ops[0] === '$geoWithin'
      ? withinRegion(condition.$geoWithin)
      : ops[0] === '$geoIntersects'
        ? intersectsRegion(condition.$geoIntersects)
        : null
  return region && ((doc) => anyIn(leafAt(doc, parts), region))
}

function fieldTest(path: string, condition: unknown): Test | null {
  const parts = path.split('.')
  if (isPlainObject(condition) && ('$geoWithin' in condition || '$geoIntersects' in condition)) return geoTest(parts, condition)
  if (isScalar(condition)) {
    const eq = equals(condition)
    return (doc) => eq(plainAt(doc, parts))
  }
  if (!isPlainObject(condition)) return null
  const tests: Array<(v: unknown) => boolean> = []
  for (const [op, value] of Object.entries(condition)) {
    if (op === '$eq' && isScalar(value)) tests.push(equals(value))
    else if (op === '$in' && Array.isArray(value) && value.every(isScalar)) {
      const each = value.map(equals)
      tests.push((v) => each.some((t) => t(v)))
    } else {
      const range = rangeTest(op, value)
      if (!range) return null
      tests.push(range)
    }
  }
  if (!tests.length) return null
  return (doc) => {
    const v = plainAt(doc, parts)
    for (let i = 0; i < tests.length; i++) if (!tests[i](v)) return false
    return true
  }
}

/** A plain JavaScript test for a simple filter, or null when the filter needs mingo. */
export function simpleFilter(raw: Record<string, unknown>): Test | null {
  const tests: Test[] = []
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const t = isPlainObject(part) ? simpleFilter(part) : null
        if (!t) return null
        tests.push(t)
      }
      continue
    }
    if (key.startsWith('$')) return null
    const t = fieldTest(key, value)
    if (!t) return null
    tests.push(t)
  }
  return (doc) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](doc)) return false
    return true
  }
}

// --- the $group ----------------------------------------------------------------------------------------------

/** One accumulator of a $group: its starting value and how a document adds to it. */
interface Accumulate {
  start(): unknown
  add(doc: Doc, current: unknown): unknown
}

const fieldPath = (v: unknown): string[] | null => (typeof v === 'string' && /^\$[^$]/.test(v) ? v.slice(1).split('.') : null)

/** How a $group's _id is read: the paths of its parts, and how the parts make the _id. */
interface KeySpec {
  paths: string[][]
  make: (parts: unknown[]) => unknown
  /** A lone field path: a missing value groups with null. */
  single: boolean
}

function keySpec(spec: unknown): KeySpec | null {
  if (spec === null) return { paths: [], make: () => null, single: false }
  const path = fieldPath(spec)
  if (path) return { paths: [path], make: ([v]) => v, single: true }
  if (!isPlainObject(spec) || !Object.keys(spec).length) return null
  const fields = Object.entries(spec).map(([name, v]) => [name, fieldPath(v)] as const)
  if (fields.some(([name, p]) => !p || name.startsWith('$') || name.includes('.'))) return null
  // A missing field is left out of the _id, as mingo does.
  return {
    paths: fields.map(([, p]) => p as string[]),
    make: (parts) => Object.fromEntries(fields.flatMap(([name], i) => (parts[i] === undefined ? [] : [[name, parts[i]]]))),
    single: false
  }
}

function accumulator(spec: unknown): Accumulate | null {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 1) return null
  if ('$push' in spec) {
    const path = fieldPath(spec.$push)
    if (!path) return null
    return {
      start: () => [],
      add(doc, list) {
        const v = leafAt(doc, path)
        // mingo and the cloud disagree on a missing value (mingo pushes it, MongoDB leaves it out): not here.
        if (v === undefined) throw new NotSimple()
        ;(list as unknown[]).push(clone(v))
        return list
      }
    }
  }
  if (!('$sum' in spec)) return null
  const arg = spec.$sum
  if (typeof arg === 'number' && Number.isFinite(arg)) return { start: () => 0, add: (_doc, n) => (n as number) + arg }
  const path = fieldPath(arg)
  if (!path) return null
  return {
    start: () => 0,
    add(doc, n) {
      const v = plainAt(doc, path)
      return typeof v === 'number' && !Number.isNaN(v) ? (n as number) + v : n
    }
  }
}

/** Equal _id parts hash alike: Dates by time; numbers, strings, booleans, null and missing apart. */
function hashPart(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `s${v}`
    case 'number':
      return `n${v}`
    case 'boolean':
      return v ? 'T' : 'F'
    case 'undefined':
      return 'u'
  }
  if (v === null) return 'z'
  if (dateLike(v)) return `d${v.getTime()}`
  return `o${JSON.stringify(v)}`
}

export interface SimpleGroup {
  run(docs: Iterable<Doc>): Doc[] | null
}

/** The $group as plain JavaScript, or null when it is not a simple one. */
export function simpleGroup(spec: unknown): SimpleGroup | null {
  if (!isPlainObject(spec) || !('_id' in spec)) return null
  const key = keySpec(spec._id)
  if (!key) return null
  const accs: Array<[string, Accumulate]> = []
  for (const [name, acc] of Object.entries(spec)) {
    if (name === '_id') continue
    const a = accumulator(acc)
    if (!a || name.includes('.') || name.startsWith('$')) return null
    accs.push([name, a])
  }
  return {
    run(docs) {
      const groups = new Map<string, { parts: unknown[]; sums: unknown[] }>()
      const width = key.paths.length
      try {
        for (const doc of docs) {
          const parts = new Array<unknown>(width)
          let h = ''
          for (let i = 0; i < width; i++) {
            parts[i] = plainAt(doc, key.paths[i])
            if (key.single && parts[i] === undefined) parts[i] = null
            h += `${hashPart(parts[i])}\u0001`
          }
          let g = groups.get(h)
          if (!g) groups.set(h, (g = { parts, sums: accs.map(([, a]) => a.start()) }))
          for (let i = 0; i < accs.length; i++) g.sums[i] = accs[i][1].add(doc, g.sums[i])
        }
      } catch (e) {
        if (e instanceof NotSimple) return null
        throw e
      }
      return [...groups.values()].map(
        (g) => ({ _id: clone(key.make(g.parts)), ...Object.fromEntries(accs.map(([name], i) => [name, g.sums[i]])) }) as Doc
      )
    }
  }
}

/**
 * The test of a filter for one document: plain JavaScript when the filter is simple, mingo for the rest
 * (and for any document the plain test cannot judge, e.g. an array on the path).
 */
export function filterTest(filter: CompiledFilter): (doc: Doc) => boolean {
  const simple = filter.near ? null : simpleFilter(filter.raw)
  if (!simple) return (doc) => filter.query.test(doc)
  return (doc) => {
    try {
      return Boolean(simple(doc))
    } catch (e) {
      if (e instanceof NotSimple) return filter.query.test(doc)
      throw e
    }
  }
}

/**
 * $match + simple $group over candidate documents: null unless both are simple and every candidate could
 * be judged without mingo.
 */
export function fastMatchGroup(candidates: Iterable<Doc>, filter: CompiledFilter, groupSpec: unknown): Doc[] | null {
  if (filter.near) return null
  const test = simpleFilter(filter.raw)
  const group = simpleGroup(groupSpec)
  if (!test || !group) return null
  function* matching(): Generator<Doc> {
    for (const doc of candidates) if (test!(doc)) yield doc
  }
  try {
    return group.run(matching())
  } catch (e) {
    if (e instanceof NotSimple) return null
    throw e
  }
}
