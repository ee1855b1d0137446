// Helpers for building answers: dates as ISO strings, community names by id.
import { _ } from './cloud'
import { coll } from './db'
import type { CommunityDoc } from './docs'

/** Dates come back from the database as Date; hand-made documents may hold strings or numbers. */
export const asDate = (v: Date | string | number) => (v instanceof Date ? v : new Date(v))
export const iso = (v: Date | string | number) => asDate(v).toISOString()
export const isoOrNull = (v: Date | string | number | null | undefined) => (v == null ? null : iso(v))

/** Names of the given communities (one query). */
export async function communityNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter(Boolean)
  if (!unique.length) return new Map()
  const { data } = await coll('communities').where({ _id: _.in(unique) }).field({ name: true }).limit(100).get()
  return new Map((data as CommunityDoc[]).map((c) => [c._id, c.name]))
}

/** A document without its _id, as `doc(id).set({ data })` wants it (the SDK refuses an _id in data). */
export const withoutId = <T extends { _id: string }>({ _id, ...rest }: T): Omit<T, '_id'> => rest
