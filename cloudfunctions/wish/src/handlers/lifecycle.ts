// The actions that move a wish through its lifecycle. Each reads the wish inside a transaction, asks the
// state machine for the step, writes the wish and anything that must change with it, then notifies.
import { wishDeltas } from '../../../_shared/domain/rollups'
import { requireLiveAccount } from '../../../_shared/infra/account'
import { assessmentEntry, assessmentRules } from '../../../_shared/domain/assessment'
import { isStaffOf, personOf, requireStaffOf, staffCommunities, type Caller } from '../../../_shared/infra/auth'
import { conflict, denied } from '../../../_shared/infra/errors'
import { keepNotices, sendNotices } from '../../../_shared/infra/notify'
import type { Handler } from '../../../_shared/infra/router'
import {
  claimCapacity,
  claimerSnapshot,
  claimRefusal,
  countedClaims,
  requireApprovedVolunteer,
  requireClaimSlot,
  requireMayClaim,
  withRelease,
  withSuspension,
  type ReleaseRules
} from '../domain/claims'
import { noticesFor } from '../domain/notices'
import { iso } from '../../../_shared/domain/dates'
import { applyEvent, type Actor, type EventInput, type Transition } from '../domain/stateMachine'
import { requireNoLeak } from '../domain/submission'
import { requireOwnFiles } from '../../../_shared/infra/files'
import type { WishDoc } from '../docs'
import {
  credit,
  inTransaction,
  loadClaimCounter,
  loadCommunity,
  loadMembership,
  loadUser,
  loadWish,
  overdueClaimIds,
  saveClaimCounter,
  updateWish,
  bumpRollups,
  volunteerStatus,
  type CommunityWithSettings,
  type Tx
} from '../repo'
import { carriesContact, deliveryFor, handoverOf, isOwner, mayContactDirectly } from '../views'
import { logContactView } from './oversight'

interface Step {
  input: EventInput
  actor: Actor
  /** Further single-document writes that belong to the same transaction. */
  alongside?: (tx: Tx, before: WishDoc, t: Transition) => Promise<void>
}

/** Reads the wish in a transaction, applies the step `decide` picks, writes it and its notices, commits, then sends them. */
async function transition(wishId: string, now: Date, decide: (wish: WishDoc) => Step | Promise<Step>) {
  const done = await inTransaction(async (tx) => {
    const before = await loadWish(wishId, tx)
    const step = await decide(before)
    const t = applyEvent(before, step.input, step.actor, now)
    await updateWish(tx, wishId, t.patch)
    // The dashboards' counters move with the wish, in its transaction.
    await bumpRollups(tx, wishDeltas(before, { ...before, ...t.patch }), wishId)
    if (step.alongside) await step.alongside(tx, before, t)
    const notices = noticesFor(step.input.event, before, t.entry)
    await keepNotices(tx, notices, now)
    return { before, t, notices }
  })
  await sendNotices(done.notices)
  return { id: wishId, status: done.t.to, before: done.before, t: done.t }
}

/**
 * The person's open-claim counter moves with the wish, in the same transaction; their own release is
 * remembered for the cooling-off (`released`), and staff may suspend them in the wish's community.
 */
const moveCounter =
  (
    openid: string,
    delta: 1 | -1,
    at: Date,
    more: { released?: ReleaseRules; suspend?: { communityId: string; reason: string; by: string } } = {}
  ) =>
  async (tx: Tx) => {
    let counter = countedClaims(await loadClaimCounter(tx, openid), openid, delta, at)
    if (more.released) counter = withRelease(counter, more.released, at)
    if (more.suspend) counter = withSuspension(counter, { ...more.suspend, at, suspended: true })
    await saveClaimCounter(tx, counter)
  }

const staffActor = (caller: Caller): Actor => ({ who: personOf(caller), role: 'staff' })

/** A person who never held the claim is refused; a former claimer whose claim ended is told it is stale. */
function requireClaimer(wish: WishDoc, openid: string): void {
  if (wish.claimerId === openid) return
  const everClaimed = wish.history.some((h) => h.to === 'claimed' && h.who === openid)
  if (!everClaimed) throw denied('只有认领人可以进行此操作')
  throw conflict('您的认领已结束，请刷新后查看')
}

export const review: Handler<'wish', 'review'> = async (input, { caller, now }) => {
  const { id, status } = await transition(input.wishId, now, (wish) => {
    if (!isStaffOf(caller, wish.communityId)) throw denied('只有本社区工作人员可以审核')
    return {
      actor: staffActor(caller),
      input: input.decision === 'publish' ? { event: 'publish', reason: input.reason } : { event: 'reject', reason: input.reason as string }
    }
  })
  return { id, status }
}

export const claim: Handler<'wish', 'claim'> = async ({ wishId }, { caller, now }) => {
  const openid = personOf(caller)
  const first = await loadWish(wishId)
  const community = await loadCommunity(first.communityId)
  const kind = claimCapacity(caller.grants, first.communityId, community.settings)
  if (!kind) throw denied(claimRefusal(community.settings))
  if (isOwner(first, openid)) throw denied('不能认领自己发布的心愿')
  const [user, membership] = await Promise.all([loadUser(openid), kind === 'member' ? loadMembership(openid) : null])
  const claimer = claimerSnapshot(kind, user?.realName, user?.nickName, membership)

  const { id, status, t } = await transition(wishId, now, () => ({
    actor: { who: openid, role: kind },
    input: { event: 'claim', claimer, claimDays: community.settings.claimDays },
    alongside: async (tx) => {
      await requireLiveAccount(tx, openid)
      if (kind === 'volunteer') requireApprovedVolunteer(await volunteerStatus(tx, openid))
      const counter = await loadClaimCounter(tx, openid)
      requireMayClaim(counter, first.communityId, community.settings, now)
      requireClaimSlot(counter, community.settings.claimLimit)
      await saveClaimCounter(tx, countedClaims(counter, openid, 1, now))
    }
  }))
  const claimed = { ...first, ...t.patch } as WishDoc
  const delivery = deliveryFor(claimed, handoverOf(community), mayContactDirectly(claimed, kind, community.settings.directContact))
  if (carriesContact({ delivery })) await logContactView(claimed, openid, kind, now)
  return { id, status, delivery, claimDeadline: iso(t.patch.claimDeadline as Date) }
}

export const release: Handler<'wish', 'release'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const { id, status } = await transition(input.wishId, now, async (wish) => {
    requireClaimer(wish, openid)
    const community = await loadCommunity(wish.communityId)
    return {
      actor: { who: openid, role: wish.claimer?.kind ?? 'member' },
      input: { event: 'release', reason: input.reason },
      alongside: moveCounter(openid, -1, now, { released: community.settings })
    }
  })
  return { id, status }
}

/**
 * Staff of the wish's community end a claim: the wish is published again, the reason is recorded in its
 * history (the beneficiary hears a fixed reason), and the claimer may be suspended in the community.
 * A staff release does not count towards the claimer's cooling-off.
 */
export const forceRelease: Handler<'wish', 'forceRelease'> = async (input, { caller, now }) => {
  const by = personOf(caller)
  const { id, status } = await transition(input.wishId, now, (wish) => {
    requireStaffOf(caller, wish.communityId)
    const claimerId = wish.status === 'claimed' ? wish.claimerId : null
    const suspend = input.suspend ? { communityId: wish.communityId, reason: input.reason, by } : undefined
    return {
      actor: staffActor(caller),
      input: { event: 'release', reason: input.reason },
      alongside: claimerId ? moveCounter(claimerId, -1, now, { suspend }) : undefined
    }
  })
  return { id, status, suspended: input.suspend }
}

export const fulfil: Handler<'wish', 'fulfil'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  requireOwnFiles(input.photos, openid)
  const { id, status } = await transition(input.wishId, now, (wish) => {
    requireClaimer(wish, openid)
    requireNoLeak({ note: input.note }, wish.beneficiary)
    return {
      actor: { who: openid, role: wish.claimer?.kind ?? 'member' },
      input: { event: 'fulfil', note: input.note, photos: input.photos },
      alongside: moveCounter(openid, -1, now)
    }
  })
  return { id, status }
}

/** The beneficiary confirms (staff for 代录 wishes); a member's assessment points are credited once. */
export const confirm: Handler<'wish', 'confirm'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const first = await loadWish(input.wishId)
  const community = await loadCommunity(first.communityId)
  const points = assessmentRules(community.settings).wishPoints
  let credited = 0
  const { id, status } = await transition(input.wishId, now, (wish) => {
    const staff = isStaffOf(caller, wish.communityId)
    if (wish.proxy ? !staff : !isOwner(wish, openid)) throw denied(wish.proxy ? '代录心愿由社区工作人员确认' : '只有心愿发布人可以确认')
    return {
      actor: { who: openid, role: staff && wish.proxy ? 'staff' : 'resident' },
      input: { event: 'confirm', rating: input.rating, thanks: input.thanks },
      alongside: async (tx, before) => {
        credited = 0
        if (before.claimer?.kind !== 'member' || !before.claimerId) return
        const entry = assessmentEntry({
          openid: before.claimerId,
          communityId: before.communityId,
          source: 'wish',
          sourceId: before._id,
          points,
          reason: `完成微心愿：${before.title}`,
          at: now
        })
        await credit(tx, entry)
        credited = points
      }
    }
  })
  return { id, status, points: credited }
}

export const withdraw: Handler<'wish', 'withdraw'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const { id, status } = await transition(input.wishId, now, (wish) => {
    const staff = wish.proxy && isStaffOf(caller, wish.communityId)
    if (wish.submitterId !== openid && !staff) throw denied('只有心愿发布人可以撤回')
    return { actor: { who: openid, role: staff ? 'staff' : 'resident' }, input: { event: 'withdraw', reason: input.reason } }
  })
  return { id, status }
}

const EXPIRY_BATCH = 1000

/**
 * Releases every claim past its deadline (timer, or staff for their communities) and republishes the
 * wish. A wish that changed meanwhile is skipped, so a second run changes nothing.
 */
export const expireClaims: Handler<'wish', 'expireClaims'> = async (_input, { caller, now }) => {
  const due = await overdueClaimIds(now, EXPIRY_BATCH, caller.system ? undefined : staffCommunities(caller))
  const actor: Actor = caller.system ? { who: 'system', role: 'system' } : staffActor(caller)
  const communities = new Map<string, Promise<CommunityWithSettings>>()
  const communityOf = (id: string) => communities.get(id) ?? communities.set(id, loadCommunity(id)).get(id)!
  let released = 0
  for (const _id of due) {
    const first = await loadWish(_id)
    const community = await communityOf(first.communityId)
    const done = await transition(_id, now, (wish) => {
      const overdue = wish.status === 'claimed' && wish.claimDeadline && new Date(wish.claimDeadline) < now && wish.claimerId
      if (!overdue) throw new SkipExpiry()
      return {
        actor,
        input: { event: 'expire', claimDays: community.settings.claimDays },
        alongside: moveCounter(wish.claimerId as string, -1, now)
      }
    }).catch((e) => {
      if (e instanceof SkipExpiry) return null
      throw e
    })
    if (done) released++
  }
  return { released }
}

class SkipExpiry extends Error {}
