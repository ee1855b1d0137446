// Reads and writes of wishes and their neighbours. The only module of this function that touches the database.
import { requestDocId } from '../../_shared/infra/ids'
import { _ } from '../../_shared/infra/cloud'
import { coll, getDoc, putDoc, updateDoc, type Tx } from '../../_shared/infra/db'
import { DEFAULT_COMMUNITY_SETTINGS, type CommunityDoc, type CommunitySettings, type CompoundDoc, type UserDoc } from '../../_shared/docs'
import { notFound } from '../../_shared/infra/errors'
import type { WishClaimerDoc, WishDoc } from './domain/types'

export const WISH_NOT_FOUND = '心愿不存在或已被删除'

/** A wish id derived from who asked and their request id, so a retried submission finds the same wish. */
export const wishIdFor = (openid: string, requestId: string) => requestDocId('w', openid, requestId)

export async function loadWish(id: string, tx?: Tx): Promise<WishDoc> {
  const wish = await getDoc<WishDoc>('wishes', id, tx)
  if (!wish) throw notFound(WISH_NOT_FOUND)
  return wish
}

export async function loadCommunity(id: string): Promise<CommunityDoc & { settings: CommunitySettings }> {
  const community = await getDoc<CommunityDoc>('communities', id)
  if (!community) throw notFound('社区不存在')
  return { ...community, settings: { ...DEFAULT_COMMUNITY_SETTINGS, ...(community.settings ?? {}) } }
}

/** Where a claimer hands over through the community, with the community's (public) phone. */
export const handoverOf = (community: CommunityDoc & { settings: CommunitySettings }) => ({
  handoverPoint: community.settings.handoverPoint,
  phone: community.phone
})

export const loadCompound = (id: string) => getDoc<CompoundDoc>('compounds', id)
export const loadUser = (openid: string) => getDoc<UserDoc>('users', openid)
export const loadMembership = (openid: string) =>
  getDoc<{ status?: string; branch?: string; pledge?: string }>('partyMemberships', openid)

export { communityNames } from '../../_shared/infra/communities'

export const updateWish = (tx: Tx, id: string, patch: Partial<WishDoc>) => updateDoc('wishes', id, patch, tx)

export const insertWish = (tx: Tx, wish: WishDoc) => putDoc('wishes', wish, tx)

export const loadClaimCounter = (tx: Tx, openid: string) => getDoc<WishClaimerDoc>('wishClaimers', openid, tx)

export const saveClaimCounter = (tx: Tx, counter: WishClaimerDoc) => putDoc('wishClaimers', counter, tx)
