// Community reads several functions need: names for a page of answers.
import { _ } from './cloud'
import { coll } from './db'
import type { CommunityDoc } from '../docs'

/** Names of the given communities (one query); a missing community is absent from the map. */
export async function communityNames(ids: ReadonlyArray<string | null | undefined>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id): id is string => Boolean(id))
  if (!unique.length) return new Map()
  const { data } = await coll('communities')
    .where({ _id: _.in(unique) })
    .field({ name: true })
    .limit(unique.length)
    .get()
  return new Map((data as CommunityDoc[]).map((c) => [c._id, c.name]))
}
