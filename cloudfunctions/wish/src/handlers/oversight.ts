// Staff oversight of claims: suspending a claimer in the community, and the log of who saw a beneficiary's
// contact details (every answer carrying them is logged here).
import type { ContactView } from '../../../../types/schemas/wish'
import { iso } from '../../../_shared/domain/dates'
import { personOf, requireStaffOf, staffCommunities } from '../../../_shared/infra/auth'
import { denied, precondition } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import { countedClaims, withSuspension } from '../domain/claims'
import type { WishDoc } from '../docs'
import {
  contactViewsPage,
  inTransaction,
  loadClaimCounter,
  loadWish,
  logContactViews,
  saveClaimCounter,
  usersById,
  type ContactViewDoc
} from '../repo'

const contactView = (wish: WishDoc, who: string, role: ContactViewDoc['role'], at: Date): ContactViewDoc => ({
  kind: 'contactView',
  who,
  role,
  communityId: wish.communityId,
  wishId: wish._id,
  wishTitle: wish.title,
  whose: wish.beneficiary.ownerId,
  at
})

/** Logs that `who` was just shown the contact details of these wishes' beneficiaries. */
export const logContactView = (wish: WishDoc | WishDoc[], who: string, role: ContactViewDoc['role'], at: Date) =>
  logContactViews((Array.isArray(wish) ? wish : [wish]).map((w) => contactView(w, who, role, at)))

/** The person who holds, or last held, the claim on this wish. */
function lastClaimer(wish: WishDoc): string {
  const last = wish.claimerId ?? [...wish.history].reverse().find((h) => h.to === 'claimed')?.who
  if (!last) throw precondition('该心愿还没有人认领过')
  return last
}

/** Staff suspend the wish's (last) claimer from claiming in the wish's community, or lift it; both recorded. */
export const setClaimerSuspension: Handler<'wish', 'setClaimerSuspension'> = async (input, { caller, now }) => {
  const by = personOf(caller)
  const wish = await loadWish(input.wishId)
  requireStaffOf(caller, wish.communityId)
  const openid = lastClaimer(wish)
  await inTransaction(async (tx) => {
    const counter = (await loadClaimCounter(tx, openid)) ?? { ...countedClaims(null, openid, 1, now), open: 0, total: 0 }
    const step = { communityId: wish.communityId, reason: input.reason, by, at: now, suspended: input.suspended }
    await saveClaimCounter(tx, withSuspension(counter, step))
  })
  return { suspended: input.suspended }
}

/** Who saw whose contact details, newest first: staff of the community only. */
export const contactViews: Handler<'wish', 'contactViews'> = async (input, { caller }) => {
  const communityId = input.communityId ?? staffCommunities(caller)[0]
  if (!communityId) throw denied('只有本社区工作人员可以查看')
  requireStaffOf(caller, communityId)
  const page = await contactViewsPage(communityId, input.wishId, input)
  const people = await usersById(page.items.map((v) => v.who))
  const items: ContactView[] = page.items.map((v) => {
    const u = people.get(v.who)
    return {
      at: iso(v.at),
      wishId: v.wishId,
      wishTitle: v.wishTitle,
      viewerName: u?.realName || u?.nickName || '已注销用户',
      viewerRole: v.role
    }
  })
  return { items, nextCursor: page.nextCursor }
}
