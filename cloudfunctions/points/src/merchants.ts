// Merchants apply; staff of the merchant's community review. Approval grants the owner the merchant role
// for that shop in the same transaction.
import type { ParsedOf } from '../../../types/contract'
import { contract, type RoleGrant } from '../../../types'
import type { Page } from '../../../types/schemas/common'
import type { MerchantView } from '../../../types/schemas/points'
import { hasGrant, isStaffOf, personOf, requireStaffOf, staffCommunities, type Caller } from '../../_shared/infra/auth'
import { coll, cursor, getDoc, putDoc } from '../../_shared/infra/db'
import type { CommunityDoc, UserDoc } from '../../_shared/docs'
import { denied, invalid, notFound } from '../../_shared/infra/errors'
import { transact } from '../../_shared/infra/ledger'
import { notify } from '../../_shared/infra/notify'
import type { Ctx } from '../../_shared/infra/router'
import type { MerchantDoc } from './docs'
import { assertCanApply, assertCanReview, merchantIdFor } from './domain/merchant'
import { communityNames } from '../../_shared/infra/communities'
import { toMerchantView } from './views'

type Input<A extends keyof typeof contract.points> = ParsedOf<(typeof contract.points)[A]>


export async function viewOf(m: MerchantDoc, caller: Caller): Promise<MerchantView> {
  return toMerchantView(m, caller, await communityNames([m.communityId]))
}

export async function loadMerchant(id: string): Promise<MerchantDoc> {
  const m = await getDoc<MerchantDoc>('merchants', id)
  if (!m) throw notFound('商家不存在')
  return m
}

/** The merchant itself (its role grant for that shop) or staff of its community. */
export const canManageMerchant = (caller: Caller, m: Pick<MerchantDoc, '_id' | 'communityId'>) =>
  hasGrant(caller, 'merchant', { merchantId: m._id }) || isStaffOf(caller, m.communityId)

export function requireMerchantManager(caller: Caller, m: Pick<MerchantDoc, '_id' | 'communityId'>): void {
  if (!canManageMerchant(caller, m)) throw denied('只有该商家或本社区工作人员可以操作')
}

export async function applyMerchant(input: Input<'applyMerchant'>, { caller, now }: Ctx): Promise<MerchantView> {
  const openid = personOf(caller)
  if (!(await getDoc<CommunityDoc>('communities', input.communityId))) throw invalid('所选社区不存在')
  const id = merchantIdFor(openid)
  const doc = await transact(async (tx) => {
    const existing = await getDoc<MerchantDoc>('merchants', id, tx)
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
    await putDoc('merchants', m, tx)
    return m
  })
  return viewOf(doc, caller)
}

const withGrant = (roles: RoleGrant[], grant: RoleGrant) =>
  roles.some((g) => g.role === grant.role && g.merchantId === grant.merchantId) ? roles : [...roles, grant]

export async function reviewMerchant(input: Input<'reviewMerchant'>, { caller, now }: Ctx): Promise<MerchantView> {
  const found = await loadMerchant(input.merchantId)
  requireStaffOf(caller, found.communityId)
  const doc = await transact(async (tx) => {
    const m = await getDoc<MerchantDoc>('merchants', input.merchantId, tx)
    if (!m) throw notFound('商家不存在')
    assertCanReview(m.status)
    const review = { status: input.approve ? ('approved' as const) : ('rejected' as const), reason: input.approve ? null : input.reason ?? null, reviewedAt: now, reviewedBy: personOf(caller), updatedAt: now }
    await coll('merchants', tx).doc(m._id).update({ data: review })
    if (input.approve) {
      const owner = await getDoc<UserDoc>('users', m.ownerId, tx)
      if (owner) {
        const roles = withGrant(owner.roles ?? [], { role: 'merchant', merchantId: m._id, communityId: m.communityId })
        await coll('users', tx).doc(owner._id).update({ data: { roles, updatedAt: now } })
      }
    }
    return { ...m, ...review }
  })
  await notify({
    touser: doc.ownerId,
    template: 'registrationReviewed',
    page: 'packages/mall/merchant/index',
    data: { thing1: doc.name, phrase2: input.approve ? '已通过' : '未通过', thing3: doc.reason ?? '欢迎加入积分超市' }
  })
  return viewOf(doc, caller)
}

/** The caller's shop: the one their merchant role names, else their own application. */
export async function myMerchant(caller: Caller): Promise<MerchantView | null> {
  const grant = caller.grants.find((g) => g.role === 'merchant' && g.merchantId)
  const m = (grant?.merchantId && (await getDoc<MerchantDoc>('merchants', grant.merchantId))) || (await getDoc<MerchantDoc>('merchants', merchantIdFor(personOf(caller))))
  return m ? viewOf(m, caller) : null
}

export async function listMerchants(input: Input<'listMerchants'>, { caller }: Ctx): Promise<Page<MerchantView>> {
  const mine = staffCommunities(caller)
  const communityId = input.communityId ?? (mine.length === 1 ? mine[0] : undefined)
  if (!communityId) throw invalid('请选择社区')
  requireStaffOf(caller, communityId)
  const offset = cursor.decode(input.cursor)
  const limit = input.limit ?? 20
  const { data } = await coll('merchants')
    .where(input.status ? { communityId, status: input.status } : { communityId })
    .orderBy('appliedAt', 'desc')
    .skip(offset)
    .limit(limit)
    .get()
  const names = await communityNames([communityId])
  const items = (data as MerchantDoc[]).map((m) => toMerchantView(m, caller, names))
  return { items, nextCursor: cursor.next(offset, items.length, limit) }
}
