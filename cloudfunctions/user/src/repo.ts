// Reads and writes of the user function: the only module of this function that touches the database.
import type { RoleGrant } from '../../../types'
import { ERASE_REMOVALS, ERASE_RULES } from '../../_shared/infra/erase'
import { _, db } from '../../_shared/infra/cloud'
import { coll, getAll, getDoc, inTransaction, pageOf, putDoc, updateDoc, type PageInput } from '../../_shared/infra/db'
import { unauthenticated } from '../../_shared/infra/errors'
import { updateTracked } from '../../_shared/infra/rollups'
import { rollupSourceOf } from '../../_shared/domain/rollupRegistry'
import type { CommunityDoc, CompoundDoc, MembershipDoc, NoticeDoc, StreetDoc, UserDoc } from './docs'
import type { Obligations } from './domain/obligations'

export const findUser = (openid: string) => getDoc<UserDoc>('users', openid)
export const findCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)
export const findCompound = (id: string) => getDoc<CompoundDoc>('compounds', id)

export const createUser = (user: UserDoc) => putDoc('users', user)
export const updateUser = (openid: string, changes: Partial<UserDoc>) => coll('users').doc(openid).update({ data: changes })
export const addGrants = (openid: string, grants: RoleGrant[], now: Date) => updateUser(openid, { roles: _.push(grants), updatedAt: now })

/** What the `Me` answer shows beside the user: their community, their street (street admins), their party badge. */
export async function meFacts(user: UserDoc) {
  const streetId = user.roles.find((r) => r.role === 'streetAdmin')?.streetId
  const [community, street, membership] = await Promise.all([
    user.communityId ? findCommunity(user.communityId) : null,
    streetId ? getDoc<StreetDoc>('streets', streetId) : null,
    getDoc<MembershipDoc>('partyMemberships', user._id)
  ])
  return { community, street, membership }
}

const count = async (name: Parameters<typeof coll>[0], where: object) =>
  ((await coll(name).where(where).count()) as { total: number }).total

/** What the person still holds open in the pillars; an account with any of these is not deleted. */
export async function openObligations(openid: string): Promise<Obligations> {
  const [claimedWishes, ownOpenWishes, claimedNeeds, pendingOrders, activeEnrollments] = await Promise.all([
    count('wishes', { claimerId: openid, status: 'claimed' }),
    // Their own wishes (a 代录 wish staff posted belongs to its beneficiary, not to the staff member).
    count('wishes', { 'beneficiary.ownerId': openid, status: _.in(['submitted', 'published', 'claimed', 'fulfilled']) }),
    count('partyNeeds', { claimerId: openid, status: 'claimed' }),
    count('redemptions', { openid, status: 'pending' }),
    count('enrollments', { openid, status: _.in(['enrolled', 'checkedIn']) })
  ])
  return { claimedWishes, ownOpenWishes, claimedNeeds, pendingOrders, activeEnrollments }
}

/**
 * Step 1 of deletion: marks the account `deleting` in a transaction, so every action that creates an
 * obligation refuses from now on (requireLiveAccount) and any such action already under way either
 * commits before this or conflicts with it.
 */
export async function markDeleting(openid: string, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    const user = await getDoc<UserDoc>('users', openid, tx)
    if (!user || user.deletedAt) throw unauthenticated()
    await updateDoc('users', openid, { deleting: user.deleting ?? now }, tx)
  })
}

/** Rolls step 1 back: deletion was refused, the account carries on as it was (the field removed). */
export const unmarkDeleting = (openid: string) => updateUser(openid, { deleting: _.remove() })

/** Erases the person's fields in every pillar (ERASE_RULES) and their own records (ERASE_REMOVALS), then the user document itself. */
export async function eraseAccount(openid: string, erased: Partial<UserDoc>): Promise<void> {
  for (const rule of ERASE_RULES) {
    const where = coll(rule.collection).where({ [rule.owner]: openid })
    if (!rollupSourceOf(rule.collection)) {
      await where.update({ data: rule.set })
      continue
    }
    // A dashboard counts these documents: each is changed with its rollups, in its own transaction.
    for (const { _id } of await getAll<{ _id: string }>(where.field({ _id: true }), 5000))
      await inTransaction((tx) => updateTracked(tx, rule.collection, _id, rule.set))
  }
  for (const rule of ERASE_REMOVALS) {
    await coll(rule.collection)
      .where({ [rule.owner]: openid })
      .remove()
  }
  await updateUser(openid, erased)
}

export const allCommunities = () => getAll<CommunityDoc>(db.collection('communities').orderBy('_id', 'asc'), 1000)

// --- notices (消息): always selected by recipient, so a person only ever reads and marks their own ----------

export const noticesPage = (recipient: string, input: PageInput) =>
  pageOf<NoticeDoc>(coll('notices').where({ recipient }).orderBy('createdAt', 'desc').orderBy('_id', 'desc'), input)

export const unreadNotices = (recipient: string) => count('notices', { recipient, readAt: null })

/** Marks the recipient's unread notices read (those of `ids` only, when given); a read one keeps its first readAt. */
export const markNoticesRead = (recipient: string, ids: string[] | null, now: Date) =>
  coll('notices')
    .where({ recipient, readAt: null, ...(ids ? { _id: _.in(ids) } : {}) })
    .update({ data: { readAt: now } })
