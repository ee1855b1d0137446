// What residents read besides the nearby list: a facility's detail and the places to search from.
import { fromPoint } from '../../../_shared/docs'
import { categoriesResult } from '../../../_shared/domain/categories'
import { greatCircleMeters } from '../../../_shared/domain/walk'
import { hasGrant } from '../../../_shared/infra/auth'
import { denied, invalid, notFound } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import { allCommunities, communityName, compoundsIn, coverageReport, findCommunity, findStreet, getFacility, photoUrls } from '../repo'
import { toDetail } from '../views'
import { canManage, requireCommunityViewer } from './manage'

export const categories: Handler<'lifeCircle', 'categories'> = async () => categoriesResult()

export const facilityDetail: Handler<'lifeCircle', 'facility'> = async ({ id, location: from }, { caller, now }) => {
  const doc = await getFacility(id)
  if (!doc) throw notFound('设施不存在')
  // Closed facilities stay for history; only the staff who manage them still see them.
  if (doc.status !== 'open' && !canManage(caller, doc.communityId)) throw notFound('该设施已关闭')
  const [name, urls] = await Promise.all([communityName(doc.communityId), photoUrls(doc.photos ?? [])])
  const distance = from ? greatCircleMeters(from, fromPoint(doc.location)) : null
  return toDetail(doc, { now, distance, communityName: name, photoUrls: urls })
}

export const places: Handler<'lifeCircle', 'places'> = async ({ communityId }) => {
  if (communityId) {
    const community = await findCommunity(communityId)
    if (!community) throw invalid('所选社区不存在')
    const compounds = await compoundsIn(communityId)
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
  const communities = await allCommunities()
  return { communities: communities.map((c) => ({ id: c._id, name: c.name, center: fromPoint(c.center) })) }
}

/** The coverage report a staff member (their community) or a street admin (their street, or one of its communities) may see. */
export const coverage: Handler<'lifeCircle', 'coverage'> = async (input, { caller, now }) => {
  if (input.communityId) {
    const community = await requireCommunityViewer(caller, input.communityId)
    return coverageReport({ kind: 'community', id: community._id, name: community.name }, now)
  }
  const streetId = input.streetId!
  if (!hasGrant(caller, 'streetAdmin', { streetId })) throw denied('只能查看本街道的数据')
  const street = await findStreet(streetId)
  if (!street) throw notFound('街道不存在')
  return coverageReport({ kind: 'street', id: street._id, name: street.name }, now)
}
