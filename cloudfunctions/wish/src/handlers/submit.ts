// submit: a resident posts a wish for themselves or their family; staff post on behalf of a resident in
// need (代录), the only way to post for a child, with the guardian's consent recorded.
import { requireLiveAccount } from '../../../_shared/infra/account'
import { isStaffOf, personOf, type Caller } from '../../../_shared/infra/auth'
import { invalid, precondition, unauthenticated } from '../../../_shared/infra/errors'
import { assertSameRequest } from '../../../_shared/infra/ids'
import { checkSubmission, newWish, type SubmitData } from '../domain/submission'
import type { Handler } from '../../../_shared/infra/router'
import { wishDeltas } from '../../../_shared/domain/rollups'
import { bumpRollups, findWish, inTransaction, insertWish, loadCommunity, loadCompound, wishIdFor } from '../repo'

async function placeOf(input: SubmitData, caller: Caller) {
  const user = caller.user
  if (!user) throw unauthenticated()
  const communityId = input.proxy ? (input.communityId as string) : user.communityId
  if (!communityId) throw precondition('请先在“我的”中选择您所在的社区')
  const community = await loadCommunity(communityId)
  const compoundId = input.proxy ? input.compoundId : user.compoundId
  const compound = compoundId ? await loadCompound(compoundId) : null
  if (input.proxy && compoundId && compound?.communityId !== communityId) throw invalid('所选小区不属于该社区')
  const inCommunity = compound && compound.communityId === communityId ? compound : null
  return { community, compound: inCommunity }
}

export const submit: Handler<'wish', 'submit'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const { community, compound } = await placeOf(input, caller)
  const facts = {
    openid,
    staff: isStaffOf(caller, community._id),
    profile: { realName: caller.user?.realName ?? null, phone: caller.user?.phone ?? null },
    settings: community.settings,
    now
  }
  checkSubmission(input, facts)
  const wish = newWish(input, facts, {
    id: wishIdFor(openid, input.requestId),
    communityId: community._id,
    streetId: community.streetId,
    compoundId: compound?._id ?? null,
    location: compound?.location ?? community.center
  })
  return inTransaction(async (tx) => {
    const existing = await findWish(wish._id, tx)
    if (existing) {
      assertSameRequest(existing, fingerprint)
      return { id: existing._id, status: existing.status }
    }
    await requireLiveAccount(tx, openid)
    await insertWish(tx, { ...wish, requestFingerprint: fingerprint })
    await bumpRollups(tx, wishDeltas(null, wish), wish._id)
    return { id: wish._id, status: wish.status }
  })
}
