// Keyset cursors for lists ordered by distance: the last item's exact distance and id. The next page
// starts strictly after that key, so paging never repeats or skips an item, even when several
// facilities stand at the same distance or facilities are added in between.
export interface DistanceKey {
  distance: number
  id: string
}

const PATTERN = /^(\d+(?:\.\d+)?(?:e[-+]?\d+)?)~([A-Za-z0-9_-]{1,64})$/

export const encodeDistanceCursor = (key: DistanceKey): string => `${key.distance}~${key.id}`

/** The key, or null for the first page; undefined when the cursor is malformed. */
export function decodeDistanceCursor(cursor: string | undefined): DistanceKey | null | undefined {
  if (!cursor) return null
  const m = PATTERN.exec(cursor)
  if (!m) return undefined
  const distance = Number(m[1])
  return Number.isFinite(distance) ? { distance, id: m[2] } : undefined
}

/** Orders (distance, id) pairs: nearest first, then by id. */
export const compareKeys = (a: DistanceKey, b: DistanceKey) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
