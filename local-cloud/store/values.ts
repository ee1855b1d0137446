// Value ordering and path access with MongoDB semantics, shared by indexes, sorting and geo.

export type Doc = Record<string, unknown> & { _id: string }

/** Marks the low or high end of one BSON type bracket, for open-ended index ranges. */
export class Bracket {
  constructor(
    readonly rank: number,
    readonly high: boolean
  ) {}
}

const RANK_NULL = 2
const RANK_NUMBER = 3
const RANK_STRING = 4
const RANK_OBJECT = 5
const RANK_ARRAY = 6
const RANK_BINARY = 7
const RANK_BOOLEAN = 9
const RANK_DATE = 10
const RANK_REGEX = 12

// Type tags rather than instanceof: values may come from another realm (jest runs tests in a vm context,
// where the global structuredClone makes objects of the outer realm).
const tag = (v: unknown) => Object.prototype.toString.call(v)
export const isDate = (v: unknown): v is Date => tag(v) === '[object Date]'
export const isRegExp = (v: unknown): v is RegExp => tag(v) === '[object RegExp]'

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isDate(v) && !isRegExp(v) && !Buffer.isBuffer(v)

/** A deep copy made of this realm's objects (Dates, RegExps, Buffers, arrays and plain objects). */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (isDate(value)) return new Date(value.getTime()) as T
  if (isRegExp(value)) return new RegExp(value.source, value.flags) as T
  if (Buffer.isBuffer(value)) return Buffer.from(value) as T
  if (Array.isArray(value)) return value.map((v) => clone(v)) as T
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = clone(v)
  return out as T
}

/** The BSON comparison order: null < numbers < strings < objects < arrays < binary < booleans < dates < regexes. */
export function typeRank(v: unknown): number {
  if (v instanceof Bracket) return v.rank
  if (v === null || v === undefined) return RANK_NULL
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return RANK_NUMBER
    case 'string':
      return RANK_STRING
    case 'boolean':
      return RANK_BOOLEAN
  }
  if (isDate(v)) return RANK_DATE
  if (isRegExp(v)) return RANK_REGEX
  if (Array.isArray(v)) return RANK_ARRAY
  if (Buffer.isBuffer(v)) return RANK_BINARY
  return RANK_OBJECT
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0)

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (a instanceof Bracket || b instanceof Bracket) {
    const ha = a instanceof Bracket ? (a.high ? 1 : -1) : 0
    const hb = b instanceof Bracket ? (b.high ? 1 : -1) : 0
    return sign(ha - hb)
  }
  switch (ra) {
    case RANK_NULL:
      return 0
    case RANK_NUMBER: {
      const x = Number(a)
      const y = Number(b)
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1
      return sign(x - y)
    }
    case RANK_STRING:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1
    case RANK_BOOLEAN:
      return Number(a) - Number(b)
    case RANK_DATE:
      return sign((a as Date).getTime() - (b as Date).getTime())
    case RANK_REGEX:
      return compareValues(String(a), String(b))
    case RANK_BINARY:
      return Buffer.compare(a as Buffer, b as Buffer)
    case RANK_ARRAY:
      return compareArrays(a as unknown[], b as unknown[])
    default:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>)
  }
}

function compareArrays(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i])
    if (c) return c
  }
  return a.length - b.length
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const c = compareValues(ka[i], kb[i]) || compareValues(a[ka[i]], b[kb[i]])
    if (c) return c
  }
  return ka.length - kb.length
}

export const valuesEqual = (a: unknown, b: unknown) => compareValues(a, b) === 0

/**
 * Every value a dotted path reaches, walking into arrays as MongoDB does ('roles.role' on an array of
 * grants gives each role). Arrays at the leaf are expanded into their elements (multikey).
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = []
  collect(doc, path.split('.'), 0, out)
  return out
}

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined)
      else out.push(...value)
    } else out.push(value)
    return
  }
  if (Array.isArray(value)) {
    const part = parts[i]
    if (/^\d+$/.test(part) && Number(part) < value.length) collect(value[Number(part)], parts, i + 1, out)
    for (const item of value) if (isPlainObject(item)) collect(item, parts, i, out)
    return
  }
  if (isPlainObject(value)) collect(value[parts[i]], parts, i + 1, out)
  else out.push(undefined)
}

/** The single value at a path (no array expansion), or undefined. */
export function valueAtPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)]
    else if (isPlainObject(cur)) cur = cur[part]
    else return undefined
  }
  return cur
}

/** The key a sort uses for one document: arrays sort by their smallest (ascending) or largest (descending) element. */
export function sortKey(doc: unknown, path: string, direction: 1 | -1): unknown {
  const values = valuesAtPath(doc, path)
  let best = values[0]
  for (let i = 1; i < values.length; i++) {
    const c = compareValues(values[i], best)
    if ((direction === 1 && c < 0) || (direction === -1 && c > 0)) best = values[i]
  }
  return best
}

export type SortSpec = Array<[string, 1 | -1]>

export function toSortSpec(order: unknown): SortSpec {
  if (!isPlainObject(order)) return []
  return Object.entries(order).map(([k, v]) => [k, Number(v) < 0 || v === 'desc' ? -1 : 1])
}

export function compareBySort(a: unknown, b: unknown, spec: SortSpec): number {
  for (const [path, dir] of spec) {
    const c = compareValues(sortKey(a, path, dir), sortKey(b, path, dir))
    if (c) return c * dir
  }
  return 0
}
