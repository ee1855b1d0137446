// Database and storage access of the life circle: the only module of this function that touches them.
import type { FacilityCategory } from '../../../types/enums'
import type { LatLng } from '../../../types/schemas/common'
import { _, cloud, db } from '../../_shared/infra/cloud'
import { getAll, getDoc, pageOf, withoutId, type PageInput } from '../../_shared/infra/db'
import type { CommunityDoc, CompoundDoc, StreetDoc } from '../../_shared/docs'
import { escapeRegExp } from '../../_shared/domain/regex'
import type { FacilityDoc, FacilityListDoc } from './docs'
import { categoryByKeyword } from './domain/facility'

const FACILITIES = 'facilities'

/** The fields a list shows; the geo query projects everything else away. */
const LIST_FIELDS = { _id: 1, name: 1, category: 1, location: 1, address: 1, phone: 1, hours: 1, distance: 1 }

export const geoPoint = (p: LatLng) => db.Geo.Point(p.lng, p.lat)

export { coverageReport } from '../../_shared/infra/coverage'

export interface NearQuery {
  center: LatLng
  radius: number
  categories?: FacilityCategory[]
  /** An extra condition on open facilities (a search keyword's, from keywordFilter). */
  filter?: Record<string, unknown>
}

function conditions(q: NearQuery): Record<string, unknown> | null {
  const parts: Record<string, unknown>[] = []
  if (q.categories?.length) parts.push({ category: _.in([...new Set(q.categories)]) })
  if (q.filter) parts.push(q.filter)
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0] : _.and(parts)
}

/**
 * Open facilities from `minDistance` to `maxDistance` meters of the centre, nearest first, at most `limit`:
 * the database's geoNear over the 2dsphere index computes the great-circle distance and stops at `limit`
 * (WeChat's geoNear takes `limit`; a later $limit stage would make it compute every facility in the circle).
 * Facilities at the same distance come in no particular order; domain/nearScan.ts makes paging exact.
 */
export async function nearestOpen(q: NearQuery, minDistance: number, maxDistance: number, limit: number): Promise<FacilityListDoc[]> {
  const filter = conditions(q)
  const query = filter ? _.and([{ status: 'open' }, filter]) : { status: 'open' }
  const { list } = await db
    .collection(FACILITIES)
    .aggregate()
    .geoNear({
      near: geoPoint(q.center),
      spherical: true,
      key: 'location',
      distanceField: 'distance',
      maxDistance,
      ...(minDistance > 0 ? { minDistance } : {}),
      limit,
      query
    })
    // Without a $limit stage the cloud returns at most 20, whatever geoNear's own limit says.
    .limit(limit)
    .project(LIST_FIELDS)
    .end()
  return list as FacilityListDoc[]
}

/** A case-insensitive "contains" condition; the keyword is escaped so it is matched literally. */
const containsText = (keyword: string) => db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })

/** Facilities whose name or services contain the keyword, or whose category name does (“食堂”). */
export function keywordFilter(keyword: string): Record<string, unknown> {
  const text = containsText(keyword)
  const categories = categoryByKeyword(keyword)
  return _.or([{ name: text }, { services: text }, ...(categories.length ? [{ category: _.in(categories) }] : [])])
}

export const getFacility = (id: string) => getDoc<FacilityDoc>(FACILITIES, id)

/** Open facilities holding any of these dedupe keys: key → { id, name }. */
export async function openByDedupeKeys(keys: string[]): Promise<Map<string, { id: string; name: string }>> {
  const found = new Map<string, { id: string; name: string }>()
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500)
    const { data } = await db
      .collection(FACILITIES)
      .where({ dedupeKey: _.in(chunk), status: 'open' })
      .field({ _id: true, name: true, dedupeKey: true })
      .limit(1000)
      .get()
    for (const d of data as FacilityDoc[]) found.set(d.dedupeKey, { id: d._id, name: d.name })
  }
  return found
}

/** Writes whole facility documents by id (a retry writes the same documents again). */
export async function putFacilities(docs: FacilityDoc[], concurrency = 16): Promise<void> {
  for (let i = 0; i < docs.length; i += concurrency) {
    await Promise.all(
      docs.slice(i, i + concurrency).map((doc) =>
        db
          .collection(FACILITIES)
          .doc(doc._id)
          .set({ data: { ...withoutId(doc), location: db.Geo.Point(...doc.location.coordinates) } })
      )
    )
  }
}

export const updateFacility = (id: string, changes: Partial<FacilityDoc>) => db.collection(FACILITIES).doc(id).update({ data: changes })

/** A community's facilities for staff, most recently changed first. */
export const facilitiesPage = (communityId: string, filter: { status?: string; category?: FacilityCategory }, page: PageInput) =>
  pageOf<FacilityDoc>(
    db
      .collection(FACILITIES)
      .where({
        communityId,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.category ? { category: filter.category } : {})
      })
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'asc')
      .field({ _id: true, name: true, category: true, address: true, status: true, updatedAt: true }),
    page
  )

// --- places ---------------------------------------------------------------------------------------

export const findCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)
export const findStreet = (id: string) => getDoc<StreetDoc>('streets', id)

export const compoundsIn = (communityId: string) =>
  getAll<CompoundDoc>(
    db.collection('compounds').where({ communityId }).orderBy('name', 'asc').field({ _id: true, name: true, location: true }),
    2000
  )

export const allCommunities = () =>
  getAll<CommunityDoc>(db.collection('communities').orderBy('_id', 'asc').field({ _id: true, name: true, center: true }), 1000)

export const communityName = async (id: string): Promise<string> => {
  const { data } = await db.collection('communities').where({ _id: id }).field({ name: true }).limit(1).get()
  return (data[0] as { name?: string } | undefined)?.name ?? ''
}

/** Displayable URLs for cloud:// file ids (WeChat's temporary links). */
export async function photoUrls(fileIds: string[]): Promise<string[]> {
  if (!fileIds.length) return []
  try {
    const res = (await cloud.getTempFileURL({ fileList: fileIds })) as { fileList?: Array<{ tempFileURL?: string }> } | void
    return (res?.fileList ?? []).map((f) => f.tempFileURL ?? '').filter(Boolean)
  } catch {
    return []
  }
}
