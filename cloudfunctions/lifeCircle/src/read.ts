// What residents read besides the nearby list: a facility's detail and the places to search from.
import type { FacilityDetail, PlacesResult } from '../../../types/schemas/lifeCircle'
import type { LatLng } from '../../../types/schemas/common'
import type { Caller } from '../../_shared/infra/auth'
import { db } from '../../_shared/infra/cloud'
import { getAll, getDoc } from '../../_shared/infra/db'
import { fromPoint, type CommunityDoc, type CompoundDoc } from '../../_shared/docs'
import { invalid, notFound } from '../../_shared/infra/errors'
import { toDetail } from './domain/present'
import { greatCircleMeters } from './domain/walk'
import { canManage } from './manage'
import { communityName, getFacility, photoUrls } from './repo'

export async function facilityDetail(id: string, from: LatLng | undefined, caller: Caller, now: Date): Promise<FacilityDetail> {
  const doc = await getFacility(id)
  if (!doc) throw notFound('设施不存在')
  // Closed facilities stay for history; only the staff who manage them still see them.
  if (doc.status !== 'open' && !canManage(caller, doc.communityId)) throw notFound('该设施已关闭')
  const [name, urls] = await Promise.all([communityName(doc.communityId), photoUrls(doc.photos ?? [])])
  const distance = from ? greatCircleMeters(from, fromPoint(doc.location)) : null
  return toDetail(doc, { now, distance, communityName: name, photoUrls: urls })
}

export async function places(communityId: string | undefined): Promise<PlacesResult> {
  if (communityId) {
    const community = await getDoc<CommunityDoc>('communities', communityId)
    if (!community) throw invalid('所选社区不存在')
    const compounds = await getAll<CompoundDoc>(
      db.collection('compounds').where({ communityId }).orderBy('name', 'asc').field({ _id: true, name: true, location: true }),
      2000
    )
    return {
      communities: [
        {
          id: community._id,
          name: community.name,
          center: fromPoint(community.center),
          compounds: compounds.map((c) => ({ id: c._id, name: c.name, location: fromPoint(c.location) }))
        }
      ]
    }
  }
  const communities = await getAll<CommunityDoc>(db.collection('communities').orderBy('_id', 'asc').field({ _id: true, name: true, center: true }), 1000)
  return { communities: communities.map((c) => ({ id: c._id, name: c.name, center: fromPoint(c.center) })) }
}
