// Merchants apply; staff of the merchant's community review. Approval grants the owner the merchant role
// for that shop in the same transaction.
import type { MerchantView } from '../../../../types/schemas/points'
import { hasGrant, isStaffOf, personOf, requireStaffOf, staffCommunities, type Caller } from '../../../_shared/infra/auth'
import { denied, invalid } from '../../../_shared/infra/errors'
import { keepNotices, reviewNotice, sendNotices } from '../../../_shared/infra/notify'
import type { Handler } from '../../../_shared/infra/router'
import type { MerchantDoc } from '../docs'
import { assertCanApply, assertCanReview, merchantIdFor } from '../domain/merchant'
import {
  communityNames,
  findCommunity,
  findMerchant,
  grantRole,
  loadMerchant,
  merchantsPage,
  saveMerchant,
  transact,
  updateMerchant
} from '../repo'
import { toMerchantView } from '../views'

async function viewOf(m: MerchantDoc, caller: Caller): Promise<MerchantView> {
  return toMerchantView(m, caller, await communityNames([m.communityId]))
}

/** The merchant itself (its role grant for that shop) or staff of its community. */
export const canManageMerchant = (caller: Caller, m: Pick<MerchantDoc, '_id' | 'communityId'>) =>
  hasGrant(caller, 'merchant', { merchantId: m._id }) || isStaffOf(caller, m.communityId)

export function requireMerchantManager(caller: Caller, m: Pick<MerchantDoc, '_id' | 'communityId'>): void {
  if (!canManageMerchant(caller, m)) throw denied('只有该商家或本社区工作人员可以操作')
}

export const applyMerchant: Handler<'points', 'applyMerchant'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  if (!(await findCommunity(input.communityId))) throw invalid('所选社区不存在')
  const id = merchantIdFor(openid)
  const doc = await transact(async (tx) => {
    const existing = await findMerchant(id, tx)
    assertCanApply(existing?.status ?? null)
    const m: MerchantDoc = {
      _id: id,
      ...input,
      ownerId: openid,
      status: 'pending',
      reason: null,
      appliedAt: now,
      reviewedAt: null,
      reviewedBy: null,
      updatedAt: now
    }
    await saveMerchant(tx, m)
    return m
  })
  return viewOf(doc, caller)
}

export const reviewMerchant: Handler<'points', 'reviewMerchant'> = async (input, { caller, now }) => {
  const found = await loadMerchant(input.merchantId)
  requireStaffOf(caller, found.communityId)
  const { doc, notice } = await transact(async (tx) => {
    const m = await loadMerchant(input.merchantId, tx)
    assertCanReview(m.status)
    const review = {
      status: input.approve ? ('approved' as const) : ('rejected' as const),
      reason: input.approve ? null : (input.reason ?? null),
      reviewedAt: now,
      reviewedBy: personOf(caller),
      updatedAt: now
    }
    await updateMerchant(tx, m._id, review)
    if (input.approve) await grantRole(tx, m.ownerId, { role: 'merchant', merchantId: m._id, communityId: m.communityId }, now)
    const notice = reviewNotice(
      m.ownerId,
      'merchantReviewed',
      `merchant:${m._id}:${now.getTime()}`,
      input.approve,
      { page: 'packages/points/merchant/index', params: {} },
      m.name
    )
    await keepNotices(tx, [notice], now)
    return { doc: { ...m, ...review }, notice }
  })
  await sendNotices([notice])
  return viewOf(doc, caller)
}

/** The caller's shop: the one their merchant role names, else their own application. */
export const myMerchant: Handler<'points', 'myMerchant'> = async (_input, { caller }) => {
  const grant = caller.grants.find((g) => g.role === 'merchant' && g.merchantId)
  const m = (grant?.merchantId && (await findMerchant(grant.merchantId))) || (await findMerchant(merchantIdFor(personOf(caller))))
  return m ? viewOf(m, caller) : null
}

export const listMerchants: Handler<'points', 'listMerchants'> = async (input, { caller }) => {
  const mine = staffCommunities(caller)
  const communityId = input.communityId ?? (mine.length === 1 ? mine[0] : undefined)
  if (!communityId) throw invalid('请选择社区')
  requireStaffOf(caller, communityId)
  const page = await merchantsPage(communityId, input.status, input)
  const names = await communityNames([communityId])
  return { items: page.items.map((m) => toMerchantView(m, caller, names)), nextCursor: page.nextCursor }
}
