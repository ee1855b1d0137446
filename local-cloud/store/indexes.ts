// Secondary indexes: one sorted array of (key tuple, _id) entries per declared index, kept in order on
// every write. They narrow the candidates of a query (equality prefix, then a range or $in on the next
// key; after an $in, each of its values narrows by the keys that follow in the same way) and give sort order for free when the sort follows the index keys; the query itself is always
// re-checked on the candidates, so an index only ever has to return a superset.
import { Bracket, compareValues, isDate, isRegExp, typeRank, valuesAtPath, type Doc, type SortSpec } from './values'

export interface IndexSpec {
  name: string
  keys: SortSpec
  unique: boolean
}

interface Entry {
  t: unknown[]
  id: string
}

/** A bound of a range on one key; `value` may be a Bracket (the end of a type bracket). */
export interface Bound {
  value: unknown
  inclusive: boolean
}

/** What a query asks of one field, as far as an index can use it. */
export interface FieldCondition {
  eq?: { value: unknown }
  in?: unknown[]
  lower?: Bound
  upper?: Bound
}

export interface IndexBounds {
  /** Values of the leading keys compared for equality. */
  prefix: unknown[]
  /** An optional condition on the key right after the prefix; after an $in, `then` bounds the keys after it. */
  next?: { in: unknown[]; then?: IndexBounds } | { lower?: Bound; upper?: Bound }
}

/** Point lookups an $in may expand into (the product of the $in lists down the keys). */
const MAX_IN_LOOKUPS = 4096

const lookups = (b: IndexBounds): number => (b.next && 'in' in b.next ? b.next.in.length * (b.next.then ? lookups(b.next.then) : 1) : 1)

const MAX_TUPLES_PER_DOC = 1000

export class SortedIndex {
  private sorted: Entry[] = []
  /** Entries added since the last read, merged in on the next read (cheap bulk inserts). */
  private pending: Entry[] = []
  private readonly byId = new Map<string, Entry[]>()
  /** Whether any document had an array at an indexed path (then range bounds must not be combined). */
  multikey = false

  constructor(readonly spec: IndexSpec) {}

  get keys(): SortSpec {
    return this.spec.keys
  }

  get size(): number {
    return this.sorted.length + this.pending.length
  }

  /** The entries in order, with pending additions merged in. */
  private get entries(): Entry[] {
    if (this.pending.length === 0) return this.sorted
    const added = this.pending.sort((a, b) => this.compareEntries(a, b))
    this.pending = []
    const merged: Entry[] = new Array(this.sorted.length + added.length)
    let i = 0
    let j = 0
    let k = 0
    while (i < this.sorted.length && j < added.length)
      merged[k++] = this.compareEntries(this.sorted[i], added[j]) <= 0 ? this.sorted[i++] : added[j++]
    while (i < this.sorted.length) merged[k++] = this.sorted[i++]
    while (j < added.length) merged[k++] = added[j++]
    this.sorted = merged
    return merged
  }

  private tuplesOf(doc: Doc): unknown[][] {
    let tuples: unknown[][] = [[]]
    for (const [path] of this.keys) {
      const values = valuesAtPath(doc, path).map((v) => (v === undefined ? null : v))
      if (values.length > 1) this.multikey = true
      const next: unknown[][] = []
      for (const t of tuples) for (const v of values) if (next.length < MAX_TUPLES_PER_DOC) next.push([...t, v])
      tuples = next
    }
    return tuples
  }

  private compareEntries(a: Entry, b: Entry): number {
    for (let i = 0; i < this.keys.length; i++) {
      const c = compareValues(a.t[i], b.t[i]) * this.keys[i][1]
      if (c) return c
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }

  private firstWhere(pred: (e: Entry) => boolean, from = 0, to = this.entries.length): number {
    const entries = this.entries
    let lo = from
    let hi = to
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (pred(entries[mid])) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  add(doc: Doc): void {
    const made = this.tuplesOf(doc).map((t) => ({ t, id: doc._id }))
    this.byId.set(doc._id, made)
    this.pending.push(...made)
  }

  remove(id: string): void {
    const entries = this.entries
    for (const e of this.byId.get(id) ?? []) {
      const i = this.firstWhere((x) => this.compareEntries(x, e) >= 0)
      if (entries[i]?.id === id) entries.splice(i, 1)
    }
    this.byId.delete(id)
  }

  load(docs: Iterable<Doc>): void {
    for (const doc of docs) this.add(doc)
  }

  clear(): void {
    this.sorted = []
    this.pending = []
    this.byId.clear()
    this.multikey = false
  }

  /** For a unique index: the _id of another document with the same key as `doc`, if any. */
  duplicateOf(doc: Doc): string | null {
    for (const t of this.tuplesOf(doc)) {
      const entries = this.entries
      for (const [start, end] of this.segments({ prefix: t })) {
        for (let i = start; i < end; i++) if (entries[i].id !== doc._id) return entries[i].id
      }
    }
    return null
  }

  private comparePrefix(e: Entry, prefix: unknown[]): number {
    for (let i = 0; i < prefix.length; i++) {
      const c = compareValues(e.t[i], prefix[i]) * this.keys[i][1]
      if (c) return c
    }
    return 0
  }

  /** Half-open [start, end) ranges of entries within the bounds, in index order. */
  segments(bounds: IndexBounds): Array<[number, number]> {
    const { prefix, next } = bounds
    const k = prefix.length
    if (next && 'in' in next) {
      const then = next.then
      const segs = next.in.flatMap((v) =>
        this.segments(then ? { prefix: [...prefix, v, ...then.prefix], next: then.next } : { prefix: [...prefix, v] })
      )
      return mergeSegments(segs)
    }
    const dir = this.keys[k]?.[1] ?? 1
    const first = next ? (dir === 1 ? next.lower : next.upper) : undefined
    const last = next ? (dir === 1 ? next.upper : next.lower) : undefined
    const start = this.firstWhere((e) => {
      const c = this.comparePrefix(e, prefix)
      if (c || !first) return c >= 0
      const c2 = compareValues(e.t[k], first.value) * dir
      return first.inclusive ? c2 >= 0 : c2 > 0
    })
    const end = this.firstWhere((e) => {
      const c = this.comparePrefix(e, prefix)
      if (c || !last) return c > 0
      const c2 = compareValues(e.t[k], last.value) * dir
      return last.inclusive ? c2 > 0 : c2 >= 0
    }, start)
    return start < end ? [[start, end]] : []
  }

  count(bounds: IndexBounds): number {
    return this.segments(bounds).reduce((n, [s, e]) => n + e - s, 0)
  }

  /** The ids within the bounds, in index order (or reversed), each once. */
  *ids(bounds: IndexBounds, reverse = false): Generator<string> {
    const segs = this.segments(bounds)
    const seen = this.multikey ? new Set<string>() : null
    const ordered = reverse ? [...segs].reverse() : segs
    const entries = this.entries
    for (const [start, end] of ordered) {
      for (let n = 0; n < end - start; n++) {
        const id = entries[reverse ? end - 1 - n : start + n].id
        if (seen) {
          if (seen.has(id)) continue
          seen.add(id)
        }
        yield id
      }
    }
  }
}

function mergeSegments(segs: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...segs].sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1])
    else out.push([s[0], s[1]])
  }
  return out
}

// --- reading a filter ------------------------------------------------------------------------------

const isOperatorObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || isDate(v) || isRegExp(v)) return false
  const keys = Object.keys(v)
  return keys.length > 0 && keys.every((k) => k.startsWith('$'))
}

/** Values an index can look up by equality: scalars, dates and null (not arrays, objects or regexes). */
export const isIndexable = (v: unknown): boolean => v === null || isDate(v) || ['string', 'number', 'boolean'].includes(typeof v)

const rangeable = (v: unknown) => isDate(v) || typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v))

function mergeCondition(into: FieldCondition, op: string, value: unknown): void {
  if (op === '$eq' && isIndexable(value)) into.eq ??= { value }
  else if (op === '$in' && Array.isArray(value) && value.every(isIndexable)) into.in ??= value
  else if ((op === '$gt' || op === '$gte') && rangeable(value)) {
    into.lower ??= { value, inclusive: op === '$gte' }
    into.upper ??= { value: new Bracket(typeRank(value), true), inclusive: true }
  } else if ((op === '$lt' || op === '$lte') && rangeable(value)) {
    into.upper = { value, inclusive: op === '$lte' }
    into.lower ??= { value: new Bracket(typeRank(value), false), inclusive: true }
  }
}

/**
 * What the top level of a filter (and its top-level $and) asks of each field, keeping only what an
 * index can use. Every document matching the filter satisfies every condition returned.
 */
export function extractConditions(filter: Record<string, unknown>, out = new Map<string, FieldCondition>()): Map<string, FieldCondition> {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (typeof part === 'object' && part !== null) extractConditions(part as Record<string, unknown>, out)
      continue
    }
    if (key.startsWith('$')) continue
    const cond = out.get(key) ?? {}
    if (isOperatorObject(value)) for (const [op, v] of Object.entries(value)) mergeCondition(cond, op, v)
    else if (isIndexable(value)) mergeCondition(cond, '$eq', value)
    if (cond.eq || cond.in || cond.lower || cond.upper) out.set(key, cond)
  }
  return out
}

export interface IndexPlan {
  index: SortedIndex
  bounds: IndexBounds
  estimate: number
  /** True when the ids come out in the requested sort order (reversed if `reverse`). */
  sorted: boolean
  reverse: boolean
}

/** The bounds an index can take from the conditions, or null when its leading key is not constrained. */
export function boundsFor(index: SortedIndex, conditions: Map<string, FieldCondition>, from = 0): IndexBounds | null {
  const prefix: unknown[] = []
  for (const [path] of index.keys.slice(from)) {
    const cond = conditions.get(path)
    const single = cond?.eq ?? (cond?.in?.length === 1 ? { value: cond.in[0] } : undefined)
    if (!single) break
    prefix.push(single.value)
  }
  const at = from + prefix.length
  const nextPath = index.keys[at]?.[0]
  const cond = nextPath === undefined ? undefined : conditions.get(nextPath)
  let next: IndexBounds['next']
  if (cond?.in) {
    // Each value of the $in narrows further by the keys after it (a compound key's $in, then equality or a range).
    const then = index.multikey ? null : boundsFor(index, conditions, at + 1)
    next = then && cond.in.length * lookups(then) <= MAX_IN_LOOKUPS ? { in: cond.in, then } : { in: cond.in }
  } else if (cond?.lower || cond?.upper) {
    // On a multikey index two bounds may be met by different array elements: keep one side only.
    next = index.multikey ? { lower: cond.lower } : { lower: cond.lower, upper: cond.upper }
  }
  if (prefix.length === 0 && !next) return null
  return { prefix, next }
}

/** Whether scanning `bounds` of `index` yields documents already in `sort` order, and in which direction. */
export function sortOrder(index: SortedIndex, bounds: IndexBounds, sort: SortSpec): { sorted: boolean; reverse: boolean } {
  const k = bounds.prefix.length
  const constant = new Set(index.keys.slice(0, k).map(([p]) => p))
  const remaining = sort.filter(([p]) => !constant.has(p))
  if (remaining.length === 0) return { sorted: true, reverse: false }
  if (bounds.next && 'in' in bounds.next && bounds.next.in.length > 1 && remaining[0][0] !== index.keys[k]?.[0]) {
    return { sorted: false, reverse: false }
  }
  const keys = index.keys.slice(k)
  if (remaining.length > keys.length) return { sorted: false, reverse: false }
  const same = remaining.every(([p, d], i) => keys[i][0] === p && keys[i][1] === d)
  const opposite = remaining.every(([p, d], i) => keys[i][0] === p && keys[i][1] === -d)
  return { sorted: same || opposite, reverse: !same && opposite }
}

/**
 * The cheapest index plan for the conditions: the smallest estimated candidate set, preferring a plan
 * that also gives the sort order on ties. Null when no index constrains the query.
 */
export function chooseIndex(indexes: SortedIndex[], conditions: Map<string, FieldCondition>, sort: SortSpec): IndexPlan | null {
  let best: IndexPlan | null = null
  for (const index of indexes) {
    const bounds = boundsFor(index, conditions)
    if (!bounds) continue
    const estimate = index.count(bounds)
    const { sorted, reverse } = sortOrder(index, bounds, sort)
    if (!best || estimate < best.estimate || (estimate === best.estimate && sorted && !best.sorted)) {
      best = { index, bounds, estimate, sorted, reverse }
    }
  }
  return best
}

/** An index whose leading keys give `sort`, to walk in order when the filter has nothing indexable. */
export function indexForSort(indexes: SortedIndex[], sort: SortSpec): { index: SortedIndex; reverse: boolean } | null {
  if (sort.length === 0) return null
  for (const index of indexes) {
    const { sorted, reverse } = sortOrder(index, { prefix: [] }, sort)
    if (sorted) return { index, reverse }
  }
  return null
}
