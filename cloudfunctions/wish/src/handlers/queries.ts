// Reading wishes: the wall, one wish for one viewer, my wishes, the staff queue.
import type { Page } from '../../../../types/schemas/common'
import type { WishCard } from '../../../../types/schemas/wish'
import { distanceTo } from '../../../_shared/domain/geo'
import { isStaffOf, personOf, staffCommunities, type Caller } from '../../../_shared/infra/auth'
import { denied, notFound } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import type { WishDoc } from '../docs'
import { claimCapacity } from '../domain/claims'
import { communityNames, loadCommunity, loadWish, minePage, queuePage, tempUrls, wallPage, WISH_NOT_FOUND } from '../repo'
import { logContactView } from './oversight'
import {
  canSee,
  carriesContact,
  handoverOf,
  isOwner,
  photoIdsOf,
  toCard,
  toDetail,
  toMyWish,
  toStaffWish,
  viewerOf,
  withPhotoUrls
} from '../views'

/** Items with displayable photo links (one getTempFileURL call per answer). */
async function withPhotos<T extends WishCard>(items: T[]): Promise<T[]> {
  return withPhotoUrls(items, await tempUrls(photoIdsOf(items)))
}

/** A page of wishes as cards with their community names. */
async function cards<T extends WishCard>(page: Page<WishDoc>, map: (w: WishDoc, communityName: string) => T): Promise<Page<T>> {
  const names = await communityNames(page.items.map((w) => w.communityId))
  return { items: await withPhotos(page.items.map((w) => map(w, names.get(w.communityId) ?? ''))), nextCursor: page.nextCursor }
}

export const wall: Handler<'wish', 'wall'> = async (input) => {
  const here = input.location
  const near = input.sort === 'nearest' && here ? here : undefined
  const page = await wallPage({ status: input.status, communityId: input.communityId, category: input.category, near }, input)
  return cards(page, (w, name) => toCard(w, name, here ? distanceTo(here, w.location) : null))
}

export const detail: Handler<'wish', 'detail'> = async (input, { caller, now }) => {
  const wish = await loadWish(input.wishId)
  const openid = caller.openid || null
  const staff = Boolean(openid) && isStaffOf(caller, wish.communityId)
  if (!canSee(wish, viewerOf(wish, { openid, staff }))) throw notFound(WISH_NOT_FOUND)
  const community = await loadCommunity(wish.communityId)
  const eligible = Boolean(openid) && !isOwner(wish, openid) && claimCapacity(caller.grants, wish.communityId, community.settings) !== null
  const answer = toDetail(wish, {
    openid,
    staff,
    communityName: community.name,
    handover: handoverOf(community),
    eligibleToClaim: eligible,
    claimDays: community.settings.claimDays,
    directContact: community.settings.directContact
  })
  const seenBy = answer.viewer === 'staff' ? 'staff' : answer.viewer === 'claimer' ? (wish.claimer?.kind ?? 'volunteer') : null
  if (openid && seenBy && carriesContact(answer)) await logContactView(wish, openid, seenBy, now)
  return (await withPhotos([answer]))[0]
}

export const mine: Handler<'wish', 'mine'> = async (input, { caller }) =>
  cards(await minePage(caller.openid, input.as, input), (w, name) => toMyWish(w, name, caller.openid))

/** The community a staff member acts for: the one asked for (if theirs) or their first. */
function staffScope(caller: Caller, communityId?: string): string {
  const mine = staffCommunities(caller)
  const chosen = communityId ?? mine[0]
  if (!chosen || !isStaffOf(caller, chosen)) throw denied('只有本社区工作人员可以查看')
  return chosen
}

export const reviewQueue: Handler<'wish', 'reviewQueue'> = async (input, { caller, now }) => {
  const communityId = staffScope(caller, input.communityId)
  // Oldest first for what waits for a decision; newest first for everything else.
  const order = input.status === 'submitted' ? 'asc' : 'desc'
  const page = await queuePage(communityId, input.status, order, input)
  const answer = await cards(page, (w, name) => toStaffWish(w, name))
  const shown = new Set(answer.items.filter(carriesContact).map((w) => w.id))
  await logContactView(
    page.items.filter((w) => shown.has(w._id)),
    personOf(caller),
    'staff',
    now
  )
  return answer
}
