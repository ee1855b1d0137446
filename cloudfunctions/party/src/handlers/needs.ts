// The needs list (需求清单): staff post and confirm; approved members, or admins of approved units,
// claim exclusively and complete.
import { requireLiveAccount } from '../../../_shared/infra/account'
import { needEntry } from '../../../_shared/domain/assessment'
import { hasGrant, isStaffOf, personOf, requireStaffOf, staffCommunities, type Caller } from '../../../_shared/infra/auth'
import { denied, invalid } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import type { Handler } from '../../../_shared/infra/router'
import type { NeedClaimantDoc, NeedDoc } from '../docs'
import type { Actor } from '../domain/machine'
import { cancel, claim, complete, confirm, holdsClaim, newNeed, release } from '../domain/needs'
import { unitIdsOf } from '../domain/registration'
import {
  approvedUnitIds,
  createOnce,
  credit,
  idFor,
  inTransaction,
  loadCommunity,
  loadMembership,
  loadNeed,
  loadRegistration,
  loadUnit,
  namesFor,
  needsPage,
  rulesOf,
  update,
  type Tx
} from '../repo'
import { needView, type NeedViewer } from '../views'

const MEMBERS_ONLY = '只有在本社区报到并通过审核的在职党员可以认领'

/** Units the caller administers that are approved in `communityId`. */
const claimableUnits = (caller: Caller, communityId: string) => approvedUnitIds(unitIdsOf(caller), communityId)

async function isApprovedMemberOf(caller: Caller, communityId: string): Promise<boolean> {
  if (!hasGrant(caller, 'member', { communityId })) return false
  const membership = await loadMembership(caller.openid)
  return membership?.status === 'approved' && membership.communityId === communityId
}

async function viewerOf(caller: Caller, communityId: string | null): Promise<NeedViewer> {
  const canClaim =
    Boolean(communityId) &&
    ((await isApprovedMemberOf(caller, communityId as string)) || (await claimableUnits(caller, communityId as string)).length > 0)
  return {
    openid: caller.openid,
    unitIds: unitIdsOf(caller),
    isStaff: Boolean(communityId) && isStaffOf(caller, communityId as string),
    canClaim
  }
}

async function view(need: NeedDoc, caller: Caller) {
  const [names, viewer] = await Promise.all([namesFor([need.communityId]), viewerOf(caller, need.communityId)])
  return needView(need, names, viewer)
}

export const needDetail: Handler<'party', 'need'> = async (input, { caller }) => view(await loadNeed(input.needId), caller)

export const postNeed: Handler<'party', 'postNeed'> = async (input, { caller, now, fingerprint }) => {
  requireStaffOf(caller, input.communityId)
  await loadCommunity(input.communityId)
  if (input.deadline !== undefined && new Date(input.deadline) <= now) throw invalid('截止时间须晚于现在')
  const id = idFor('nd', caller.openid, input.requestId)
  const need = await inTransaction((tx) =>
    createOnce('partyNeeds', newNeed(id, input, { id: caller.openid, role: 'staff' }, now), tx, fingerprint)
  )
  return view(need, caller)
}

/** Who claims: the caller's unit when `unitId` is given, the caller as an approved member otherwise. */
async function claimantFor(caller: Caller, communityId: string, unitId: string | undefined, tx: Tx): Promise<[NeedClaimantDoc, Actor]> {
  const openid = personOf(caller)
  if (unitId) {
    if (!hasGrant(caller, 'unitAdmin', { unitId })) throw denied('只有本单位管理员可以代表单位认领')
    const unit = await loadUnit(unitId, tx)
    if (unit.status !== 'approved' || unit.communityId !== communityId) throw denied('该单位未在本社区报到，不能认领')
    return [
      { kind: 'unit', id: unit._id, by: openid, name: unit.name, branch: null, pledge: null },
      { id: openid, role: 'unitAdmin' }
    ]
  }
  if (!hasGrant(caller, 'member', { communityId })) throw denied(MEMBERS_ONLY)
  const membership = await loadMembership(openid, tx)
  if (membership?.status !== 'approved' || membership.communityId !== communityId) throw denied(MEMBERS_ONLY)
  // Written, not only read: a withdrawal committing meanwhile then conflicts with this claim (see withdraw).
  await update('partyMemberships', openid, { needClaims: (membership.needClaims ?? 0) + 1 }, tx)
  const reg = await loadRegistration(membership.registrationId, tx)
  return [
    { kind: 'member', id: openid, by: openid, name: reg.name, branch: reg.branch, pledge: reg.pledge },
    { id: openid, role: 'member' }
  ]
}

export const claimNeed: Handler<'party', 'claimNeed'> = async (input, { caller, now }) => {
  const need = await inTransaction(async (tx) => {
    await requireLiveAccount(tx, personOf(caller))
    const need = await loadNeed(input.needId, tx)
    const [claimant, actor] = await claimantFor(caller, need.communityId, input.unitId, tx)
    const patch = claim(need, claimant, actor, now)
    await update('partyNeeds', need._id, patch, tx)
    return { ...need, ...patch }
  })
  return view(need, caller)
}

/** Runs a change on a need held by the caller (the member, or an admin of the claiming unit). */
async function asHolder(needId: string, caller: Caller, change: (need: NeedDoc, actor: Actor) => Partial<NeedDoc>): Promise<NeedDoc> {
  return inTransaction(async (tx) => {
    const need = await loadNeed(needId, tx)
    if (!holdsClaim(need, caller.openid, unitIdsOf(caller))) throw denied('只有认领人可以操作')
    const actor: Actor = { id: caller.openid, role: need.claimant?.kind === 'unit' ? 'unitAdmin' : 'member' }
    const patch = change(need, actor)
    await update('partyNeeds', need._id, patch, tx)
    return { ...need, ...patch }
  })
}

export const releaseNeed: Handler<'party', 'releaseNeed'> = async (input, { caller, now }) =>
  view(await asHolder(input.needId, caller, (need, actor) => release(need, actor, now, input.reason)), caller)

export const completeNeed: Handler<'party', 'completeNeed'> = async (input, { caller, now }) => {
  requireOwnFiles(input.photos, caller.openid)
  return view(await asHolder(input.needId, caller, (need, actor) => complete(need, actor, now, input.note, input.photos)), caller)
}

/** Runs a staff change on a need of the caller's community. */
async function asStaff(needId: string, caller: Caller, change: (need: NeedDoc, actor: Actor, tx: Tx) => Promise<Partial<NeedDoc>>) {
  const found = await loadNeed(needId)
  requireStaffOf(caller, found.communityId)
  return inTransaction(async (tx) => {
    const need = await loadNeed(needId, tx)
    const patch = await change(need, { id: caller.openid, role: 'staff' }, tx)
    await update('partyNeeds', need._id, patch, tx)
    return { ...need, ...patch }
  })
}

export const confirmNeed: Handler<'party', 'confirmNeed'> = async (input, { caller, now }) => {
  const found = await loadNeed(input.needId)
  const rules = rulesOf(await loadCommunity(found.communityId))
  const need = await asStaff(input.needId, caller, async (need, actor, tx) => {
    const patch = confirm(need, actor, now, input.accept, input.reason ?? null)
    if (input.accept && need.claimant?.kind === 'member') await credit(tx, needEntry(need, need.claimant.id, rules, now))
    return patch
  })
  return view(need, caller)
}

export const cancelNeed: Handler<'party', 'cancelNeed'> = async (input, { caller, now }) =>
  view(await asStaff(input.needId, caller, async (need, actor) => cancel(need, actor, now, input.reason)), caller)

/** The community whose needs a caller sees when they name none: their membership's, their staff role's, their own. */
async function defaultCommunity(caller: Caller): Promise<string | null> {
  const membership = caller.openid ? await loadMembership(caller.openid) : null
  if (membership?.status === 'approved') return membership.communityId
  return staffCommunities(caller)[0] ?? caller.user?.communityId ?? null
}

export const listNeeds: Handler<'party', 'listNeeds'> = async (input, { caller }) => {
  let communityId: string | null = input.communityId ?? null
  if (!input.mine) {
    communityId = communityId ?? (await defaultCommunity(caller))
    if (!communityId) throw invalid('请先选择社区')
  }
  const holder = input.mine ? { openid: caller.openid, unitIds: unitIdsOf(caller) } : undefined
  const page = await needsPage({ status: input.status, communityId, holder }, input)
  const communities = [...new Set(page.items.map((n) => n.communityId))]
  const [names, viewers] = await Promise.all([
    namesFor(communities),
    Promise.all(communities.map(async (c) => [c, await viewerOf(caller, c)] as const))
  ])
  const viewerIn = new Map(viewers)
  return { items: page.items.map((n) => needView(n, names, viewerIn.get(n.communityId) as NeedViewer)), nextCursor: page.nextCursor }
}
