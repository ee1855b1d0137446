// Member registration (个人报到): register, review, grid, renew, withdraw, and what the member and
// staff see of it.
import type { MemberRegistration } from '../../../../types/schemas/party'
import { registrationEntry, renewedIn } from '../../../_shared/domain/assessment'
import { halfYear } from '../../../_shared/domain/period'
import { isStaffOf, personOf, requireStaffOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, precondition } from '../../../_shared/infra/errors'
import { keepNotices, reviewNotice, sendNotices } from '../../../_shared/infra/notify'
import type { Handler } from '../../../_shared/infra/router'
import type { MemberRegistrationDoc } from '../docs'
import { applyEvent, type Actor } from '../domain/machine'
import { release as releaseNeed } from '../domain/needs'
import {
  MEMBER_MACHINE,
  approvalHalves,
  memberGrant,
  membershipOf,
  newMemberRegistration,
  reRegistration,
  renewHalves,
  staffActor,
  withGrant,
  withoutGrant
} from '../domain/registration'
import {
  changeGrants,
  credit,
  findGrid,
  findRegistration,
  idFor,
  inTransaction,
  loadCommunity,
  loadMembership,
  loadNeed,
  loadRegistration,
  loadUnit,
  namesFor,
  openMemberNeedIds,
  put,
  registrationsPage,
  rulesOf,
  update,
  type Tx
} from '../repo'
import { memberRegistrationView } from '../views'

/** The member and their community's staff see the full phone number. */
export const seesFullPhone = (caller: Caller, reg: Pick<MemberRegistrationDoc, 'openid' | 'communityId'>) =>
  caller.openid === reg.openid || isStaffOf(caller, reg.communityId)

export async function registrationView(reg: MemberRegistrationDoc, caller: Caller): Promise<MemberRegistration> {
  return memberRegistrationView(reg, await namesFor([reg.communityId], [reg.gridId]), seesFullPhone(caller, reg))
}

/** A linked work unit must be an approved unit of the same community. */
async function linkedUnit(unitId: string | undefined, communityId: string) {
  if (!unitId) return null
  const unit = await loadUnit(unitId).catch(() => null)
  if (!unit || unit.communityId !== communityId || unit.status !== 'approved') {
    throw precondition('所选单位未在该社区报到，请重新选择或直接填写单位名称')
  }
  return unit
}

async function gridOf(gridId: string, communityId: string) {
  const grid = await findGrid(gridId)
  if (!grid || grid.communityId !== communityId) throw precondition('所选网格不属于该社区')
  return grid
}

/** Ends a registration inside `tx`: the registration, its membership and (when it was approved) the member grant. */
async function endRegistration(tx: Tx, reg: MemberRegistrationDoc, actor: Actor, why: string, now: Date) {
  const next = applyEvent(MEMBER_MACHINE, reg, 'end', actor, now, why)
  await update('partyMembers', reg._id, { ...next, endedAt: now, updatedAt: now }, tx)
  await update('partyMemberships', reg.openid, { status: 'ended' }, tx)
  if (reg.status === 'approved') await changeGrants(tx, reg.openid, (roles) => withoutGrant(roles, memberGrant(reg.communityId)), now)
}

export const registerMember: Handler<'party', 'registerMember'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  await loadCommunity(input.communityId)
  const unit = await linkedUnit(input.unitId, input.communityId)
  const id = idFor('pm', openid, input.requestId)
  const reg = await inTransaction(async (tx) => {
    const retried = await findRegistration(id, tx)
    if (retried) return retried
    const current = await loadMembership(openid, tx)
    if (reRegistration(current, input.communityId) === 'supersede' && current) {
      const old = await loadRegistration(current.registrationId, tx)
      await endRegistration(tx, old, { id: openid, role: 'applicant' }, '本人重新提交报到', now)
    }
    const fresh = newMemberRegistration(id, openid, input, unit, now)
    await put('partyMembers', fresh, tx)
    await put('partyMemberships', membershipOf(fresh), tx)
    return fresh
  })
  return registrationView(reg, caller)
}

export const reviewMember: Handler<'party', 'review'> = async (input, { caller, now }) => {
  const found = await loadRegistration(input.id)
  requireStaffOf(caller, found.communityId)
  const grid = input.gridId ? await gridOf(input.gridId, found.communityId) : null
  const community = await loadCommunity(found.communityId)
  const actor = staffActor(personOf(caller))
  // A rejection may revoke an approved member: the needs they hold are released with it (see endingMembership).
  const transact = <T>(work: (tx: Tx) => Promise<T>) =>
    input.decision === 'reject' ? endingMembership(found.openid, actor, now, work) : inTransaction(work)
  const memberNotice = (reg: MemberRegistrationDoc) =>
    reviewNotice(
      reg.openid,
      'memberReviewed',
      `member:${reg._id}:${now.getTime()}`,
      input.decision === 'approve',
      { page: 'packages/party/status/index', params: {} },
      '在职党员双报到'
    )
  const reg = await transact(async (tx) => {
    const reg = await loadRegistration(input.id, tx)
    await keepNotices(tx, [memberNotice(reg)], now)
    if (input.decision === 'approve') {
      const next = applyEvent(MEMBER_MACHINE, reg, 'approve', actor, now, input.reason ?? null)
      const approved: MemberRegistrationDoc = {
        ...reg,
        ...next,
        gridId: grid?._id ?? reg.gridId,
        approvedAt: now,
        renewedHalves: approvalHalves(now),
        updatedAt: now
      }
      await put('partyMembers', approved, tx)
      await put('partyMemberships', membershipOf(approved), tx)
      await changeGrants(tx, reg.openid, (roles) => withGrant(roles, memberGrant(reg.communityId)), now)
      await credit(tx, registrationEntry(approved, rulesOf(community), now))
      return approved
    }
    const next = applyEvent(MEMBER_MACHINE, reg, 'reject', actor, now, input.reason ?? null)
    await update('partyMembers', reg._id, { ...next, updatedAt: now }, tx)
    await update('partyMemberships', reg.openid, { status: 'rejected' }, tx)
    if (reg.status === 'approved') await changeGrants(tx, reg.openid, (roles) => withoutGrant(roles, memberGrant(reg.communityId)), now)
    return { ...reg, ...next, updatedAt: now }
  })
  await sendNotices([memberNotice(reg)])
  return registrationView(reg, caller)
}

export const myRegistration: Handler<'party', 'myRegistration'> = async (_input, { caller, now }) => {
  const openid = personOf(caller)
  const membership = await loadMembership(openid)
  const reg = membership ? await findRegistration(membership.registrationId) : null
  const currentHalf = halfYear(now)
  const renewedThisHalf = renewedIn(reg?.renewedHalves, currentHalf)
  return {
    registration: reg ? await registrationView(reg, caller) : null,
    currentHalf,
    renewedThisHalf,
    canRenew: reg?.status === 'approved' && !renewedThisHalf
  }
}

async function activeRegistration(openid: string, tx: Tx): Promise<MemberRegistrationDoc> {
  const membership = await loadMembership(openid, tx)
  if (!membership || (membership.status !== 'approved' && membership.status !== 'pending')) throw precondition('您当前没有有效的报到')
  return loadRegistration(membership.registrationId, tx)
}

const ENDING_ATTEMPTS = 10
const RELEASED_WHEN_ENDED = '报到已结束，认领自动释放'

/**
 * Ends `openid`'s membership (`end`, inside the transaction) and releases the needs they hold as a member, in
 * one transaction. The open needs are found by a query (not possible inside a transaction); the membership's
 * claim count, re-read inside, proves no claim came in between, else it looks again.
 */
async function endingMembership<T>(openid: string, actor: Actor, now: Date, end: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; attempt <= ENDING_ATTEMPTS; attempt++) {
    const seen = (await loadMembership(openid))?.needClaims ?? 0
    const needIds = await openMemberNeedIds(openid)
    const done = await inTransaction(async (tx) => {
      if (((await loadMembership(openid, tx))?.needClaims ?? 0) !== seen) return null
      const result = await end(tx)
      await releaseHeldNeeds(tx, openid, needIds, actor, now)
      return { result }
    })
    if (done) return done.result
  }
  throw conflict('操作繁忙，请稍后重试')
}

/** Releases each of these needs the person still holds as a member (read again inside `tx`). */
async function releaseHeldNeeds(tx: Tx, openid: string, needIds: string[], actor: Actor, now: Date) {
  for (const id of needIds) {
    const need = await loadNeed(id, tx)
    if (need.status !== 'claimed' || need.claimant?.kind !== 'member' || need.claimant.id !== openid) continue
    await update('partyNeeds', id, releaseNeed(need, actor, now, RELEASED_WHEN_ENDED), tx)
  }
}

/** Ends the caller's registration; the needs they hold as a member are released with it. */
export const withdraw: Handler<'party', 'withdraw'> = async (input, ctx) => {
  const openid = personOf(ctx.caller)
  const membership = await loadMembership(openid)
  const actor: Actor = { id: openid, role: membership?.status === 'approved' ? 'member' : 'applicant' }
  await endingMembership(openid, actor, ctx.now, async (tx) => {
    const reg = await activeRegistration(openid, tx)
    await endRegistration(
      tx,
      reg,
      { ...actor, role: reg.status === 'approved' ? 'member' : 'applicant' },
      input.reason || '本人退出报到',
      ctx.now
    )
  })
  return myRegistration({}, ctx)
}

export const renew: Handler<'party', 'renew'> = async (_input, ctx) => {
  const openid = personOf(ctx.caller)
  const { now } = ctx
  const found = await loadMembership(openid)
  if (found?.status !== 'approved') throw precondition('报到通过后才能续报到')
  const community = await loadCommunity(found.communityId)
  await inTransaction(async (tx) => {
    const reg = await activeRegistration(openid, tx)
    if (renewedIn(reg.renewedHalves, halfYear(now))) return
    const next = applyEvent(MEMBER_MACHINE, reg, 'renew', { id: openid, role: 'member' }, now, halfYear(now))
    const renewedHalves = renewHalves(reg.renewedHalves ?? [], now)
    await update('partyMembers', reg._id, { ...next, renewedHalves, updatedAt: now }, tx)
    await update('partyMemberships', openid, { renewedHalves }, tx)
    await credit(tx, registrationEntry(reg, rulesOf(community), now, true))
  })
  return myRegistration({}, ctx)
}

export const assignGrid: Handler<'party', 'assignGrid'> = async (input, { caller, now }) => {
  const found = await loadRegistration(input.registrationId)
  requireStaffOf(caller, found.communityId)
  const grid = await gridOf(input.gridId, found.communityId)
  const reg = await inTransaction(async (tx) => {
    const reg = await loadRegistration(input.registrationId, tx)
    const next = applyEvent(MEMBER_MACHINE, reg, 'assignGrid', staffActor(caller.openid), now, grid.name)
    await update('partyMembers', reg._id, { ...next, gridId: grid._id, updatedAt: now }, tx)
    const membership = await loadMembership(reg.openid, tx)
    if (membership?.registrationId === reg._id) await update('partyMemberships', reg.openid, { gridId: grid._id }, tx)
    return { ...reg, ...next, gridId: grid._id }
  })
  return registrationView(reg, caller)
}

export const listMemberRegistrations: Handler<'party', 'listRegistrations'> = async (input, { caller }) => {
  requireStaffOf(caller, input.communityId)
  const filter = { communityId: input.communityId, ...(input.status ? { status: input.status } : {}) }
  const page = await registrationsPage(filter, input)
  const names = await namesFor(
    [input.communityId],
    page.items.map((r) => r.gridId)
  )
  return { items: page.items.map((r) => memberRegistrationView(r, names, true)), nextCursor: page.nextCursor }
}
