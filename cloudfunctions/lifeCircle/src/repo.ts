// Database access of the life circle: every query the handlers run, in one place.
import type { FacilityCategory } from '../../../types/enums'
import type { LatLng } from '../../../types/schemas/common'
import { $, _, cloud, db } from '../../_shared/infra/cloud'
import { getAll, getDoc } from '../../_shared/infra/db'
import type { CompoundDoc } from '../../_shared/docs'
import type { FacilityDoc, FacilityListDoc } from './docs'
import { categoryByKeyword } from './domain/facility'

const FACILITIES = 'facilities'

/** The fields a list shows; the geo query projects everything else away. */
const LIST_FIELDS = { _id: 1, name: 1, category: 1, location: 1, address: 1, phone: 1, hours: 1, distance: 1 }

export const geoPoint = (p: LatLng) => db.Geo.Point(p.lng, p.lat)

export interface NearQuery {
  center: LatLng
  radius: number
  /** Extra conditions on open facilities (categories, keyword). */
  filter: Record<string, unknown> | null
}

/**
 * Open facilities from `minDistance` to `maxDistance` metres of the centre, nearest first, at most `limit`:
 * the database's geoNear over the 2dsphere index computes the great-circle distance and stops at `limit`
 * (WeChat's geoNear takes `limit`; a later $limit stage would make it compute every facility in the circle).
 * Facilities at the same distance come in no particular order; domain/nearScan.ts makes paging exact.
 */
export async function nearestOpen(q: NearQuery, minDistance: number, maxDistance: number, limit: number): Promise<FacilityListDoc[]> {
  const query = q.filter ? _.and([{ status: 'open' }, q.filter]) : { status: 'open' }
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
    .project(LIST_FIELDS)
    .end()
  return list as FacilityListDoc[]
}

/** A case-insensitive "contains" condition; the keyword is escaped so it is matched literally. */
const containsText = (keyword: string) => db.RegExp({ regexp: keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' })

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
      docs.slice(i, i + concurrency).map(({ _id, ...doc }) => db.collection(FACILITIES).doc(_id).set({ data: { ...doc, location: db.Geo.Point(...doc.location.coordinates) } }))
    )
  }
}

export const updateFacility = (id: string, changes: Partial<FacilityDoc>) => db.collection(FACILITIES).doc(id).update({ data: changes })

export async function listFacilities(
  communityId: string,
  filter: { status?: string; category?: FacilityCategory },
  offset: number,
  limit: number
): Promise<FacilityDoc[]> {
  const { data } = await db
    .collection(FACILITIES)
    .where({ communityId, ...(filter.status ? { status: filter.status } : {}), ...(filter.category ? { category: filter.category } : {}) })
    .orderBy('updatedAt', 'desc')
    .orderBy('_id', 'asc')
    .skip(offset)
    .limit(limit)
    .field({ _id: true, name: true, category: true, address: true, status: true, updatedAt: true })
    .get()
  return data as FacilityDoc[]
}

// --- coverage -------------------------------------------------------------------------------------

export const compoundsOf = (scope: { communityId: string } | { streetId: string }) =>
  getAll<CompoundDoc>(db.collection('compounds').where(scope).orderBy('_id', 'asc').field({ _id: true, name: true, communityId: true, location: true, households: true }), 20_000)

export interface Box {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
}

/**
 * Every open facility inside the box, as coordinates grouped by category: one projected scan in a single
 * round trip (the database groups; nothing but categories and coordinates travels).
 */
export async function openFacilityPointsIn(box: Box): Promise<Map<FacilityCategory, Array<[number, number]>>> {
  const ring: Array<[number, number]> = [
    [box.minLng, box.minLat],
    [box.maxLng, box.minLat],
    [box.maxLng, box.maxLat],
    [box.minLng, box.maxLat],
    [box.minLng, box.minLat]
  ]
  const polygon = db.Geo.Polygon([db.Geo.LineString(ring.map(([lng, lat]) => db.Geo.Point(lng, lat)))])
  const { list } = await db
    .collection(FACILITIES)
    .aggregate()
    .match({ status: 'open', location: _.geoWithin({ geometry: polygon }) })
    .group({ _id: '$category', points: $.push('$location.coordinates') })
    .limit(1000)
    .end()
  return new Map((list as Array<{ _id: FacilityCategory; points: Array<[number, number]> }>).map((g) => [g._id, g.points]))
}

// --- places ---------------------------------------------------------------------------------------

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
