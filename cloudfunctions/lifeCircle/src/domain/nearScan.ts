// Exact paging over a "nearest first" geo query. The database answers facilities from a minimum distance
// outwards, at most `limit` of them, but facilities at the same distance (one building, one gate) come in
// no particular order. Pages are ordered by (distance, id) and continue strictly after the last key, so a
// page never repeats or skips a facility: a batch is only trusted up to its last complete distance group.
import { compareKeys, type DistanceKey } from './cursor'

export interface Keyed {
  _id: string
  /** Meters, as the database computed it. */
  distance: number
}

/** The geo query: items with minDistance ≤ distance ≤ maxDistance, nearest first, at most `limit`. */
export type NearFetch<T extends Keyed> = (minDistance: number, maxDistance: number, limit: number) => Promise<T[]>

/** Facilities sharing one exact distance that a single read can take in. */
export const GROUP_MAX = 1000

export const keyOf = (d: Keyed): DistanceKey => ({ distance: d.distance, id: d._id })
const byKey = (a: Keyed, b: Keyed) => compareKeys(keyOf(a), keyOf(b))
const afterKey = (key: DistanceKey | null) => (d: Keyed) => !key || compareKeys(keyOf(d), key) > 0

/** The next double above x (x ≥ 0): a minimum distance that leaves out everything at exactly x. */
export function nextUp(x: number): number {
  const buf = new Float64Array([x])
  const bits = new BigInt64Array(buf.buffer)
  bits[0] += 1n
  return buf[0]
}

/**
 * The items following `key` in (distance, id) order: at least one unless nothing follows, only whole
 * distance groups, sorted. `done` says nothing lies beyond them within the radius.
 */
export async function nextBatch<T extends Keyed>(
  fetch: NearFetch<T>,
  radius: number,
  key: DistanceKey | null,
  want: number
): Promise<{ items: T[]; done: boolean }> {
  let from = key?.distance ?? 0
  for (;;) {
    const limit = want + 1
    const read = await fetch(from, radius, limit)
    const fresh = read.filter(afterKey(key))
    if (read.length < limit) return { items: fresh.sort(byKey), done: true }
    // The last distance read may continue past the limit: keep only the groups before it.
    const last = Math.max(...read.map((d) => d.distance))
    const whole = fresh.filter((d) => d.distance < last)
    if (whole.length) return { items: whole.sort(byKey), done: false }
    // Everything new sits at that one distance: read the whole group, then go on past it.
    const group = (await fetch(last, last, GROUP_MAX)).filter(afterKey(key)).sort(byKey)
    if (group.length) return { items: group, done: false }
    from = nextUp(last)
  }
}

export interface PageOptions<T> {
  limit: number
  /** Items read per query. */
  batch: number
  /** A filter the database cannot apply (open now). */
  keep: (item: T) => boolean
  /** Items one page may read before it answers (possibly short) with a cursor to go on. */
  maxScan: number
}

/** One page after `after`, and the key to continue from (null at the end). */
export async function collectPage<T extends Keyed>(
  fetch: NearFetch<T>,
  radius: number,
  after: DistanceKey | null,
  { limit, batch, keep, maxScan }: PageOptions<T>
): Promise<{ items: T[]; next: DistanceKey | null }> {
  const found: T[] = []
  let key = after
  let scanned = 0
  for (;;) {
    const { items, done } = await nextBatch(fetch, radius, key, batch)
    for (const item of items) {
      scanned++
      key = keyOf(item)
      if (!keep(item)) continue
      found.push(item)
      if (found.length > limit) return { items: found.slice(0, limit), next: keyOf(found[limit - 1]) }
    }
    if (done) return { items: found, next: null }
    if (scanned >= maxScan) return { items: found, next: key }
  }
}
