// Who may see what: staff see their own community; a street admin sees every community of their street and
// the street comparison; everyone else is refused. The router has already checked the role.
import type { CommunityDoc, StreetDoc } from '../docs'
import { hasGrant, isStaffOf, type Caller } from '../../../_shared/infra/auth'
import { denied, notFound } from '../../../_shared/infra/errors'
import type { Viewer } from '../domain/csv'
import { communitiesOfStreet, findCommunity, loadStreet } from '../repo'

const NOT_YOURS = '只能查看本社区的数据'
const NOT_YOUR_STREET = '只能查看本街道的数据'

export interface CommunityScope {
  community: CommunityDoc
  viewer: Viewer
}

/** A community the caller may look at, and as whom: its staff, or the admin of its street (masked exports). */
export async function communityScope(caller: Caller, communityId: string): Promise<CommunityScope> {
  const staff = isStaffOf(caller, communityId)
  const streetAdmin = caller.grants.some((g) => g.role === 'streetAdmin')
  if (!staff && !streetAdmin) throw denied(NOT_YOURS)
  const community = await findCommunity(communityId)
  if (staff) {
    if (!community) throw notFound('社区不存在')
    return { community, viewer: { staffOf: communityId } }
  }
  if (!community || !hasGrant(caller, 'streetAdmin', { streetId: community.streetId })) throw denied(NOT_YOURS)
  return { community, viewer: { staffOf: null } }
}

export interface StreetScope {
  street: StreetDoc
  communities: CommunityDoc[]
}

export async function streetScope(caller: Caller, streetId: string): Promise<StreetScope> {
  if (!hasGrant(caller, 'streetAdmin', { streetId })) throw denied(NOT_YOUR_STREET)
  const [street, communities] = await Promise.all([loadStreet(streetId), communitiesOfStreet(streetId)])
  if (!street) throw notFound('街道不存在')
  return { street, communities }
}
