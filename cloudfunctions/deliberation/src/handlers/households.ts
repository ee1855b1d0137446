// Households: a resident asks to be bound to (compound, building, room); staff of the compound's community
// verify or reject, and may unbind (docs/pillars/deliberation.md, "Households").
import { maskName } from '../../../_shared/domain/masking'
import { personOf, requireStaffOf } from '../../../_shared/infra/auth'
import { conflict, denied, notFound } from '../../../_shared/infra/errors'
import { assertSameRequest } from '../../../_shared/infra/ids'
import type { Handler } from '../../../_shared/infra/router'
import type { HouseholdMemberDoc } from '../docs'
import {
  findBinding,
  findBindingById,
  findHousehold,
  ids,
  inTransaction,
  loadCompound,
  pendingBindings,
  putBinding,
  putHousehold,
  removeBinding,
  updateBinding,
  usersById
} from '../repo'
import { bindingView } from '../views'

const BINDING_NOT_FOUND = '房屋绑定不存在'

async function compoundName(id: string) {
  return (await loadCompound(id))?.name ?? ''
}

export const requestHousehold: Handler<'deliberation', 'requestHousehold'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const compound = await loadCompound(input.compoundId)
  if (!compound) throw notFound('小区不存在')
  const householdId = ids.household(compound._id, input.building, input.room)
  const doc = await inTransaction(async (tx) => {
    const earlier = await findBinding(openid, tx)
    if (earlier?.status === 'verified') throw conflict('您已绑定房屋，如需变更请联系社区解除绑定')
    if (earlier?.status === 'pending' && earlier.householdId === householdId) {
      assertSameRequest(earlier, fingerprint)
      return earlier
    }
    const binding: HouseholdMemberDoc = {
      _id: ids.binding(openid),
      openid,
      householdId,
      communityId: compound.communityId,
      compoundId: compound._id,
      building: input.building,
      room: input.room,
      status: 'pending',
      requestedAt: now,
      decidedAt: null,
      decidedBy: null,
      reason: null,
      requestFingerprint: fingerprint
    }
    await putBinding(tx, binding)
    return binding
  })
  return bindingView(doc, compound.name, null)
}

export const myHousehold: Handler<'deliberation', 'myHousehold'> = async (_input, { caller }) => {
  const binding = await findBinding(personOf(caller))
  return binding ? bindingView(binding, await compoundName(binding.compoundId), null) : null
}

export const householdQueue: Handler<'deliberation', 'householdQueue'> = async (input, { caller }) => {
  requireStaffOf(caller, input.communityId)
  const page = await pendingBindings(input.communityId, input)
  const users = await usersById(page.items.map((b) => b.openid))
  const names = new Map<string, string>()
  for (const b of page.items) if (!names.has(b.compoundId)) names.set(b.compoundId, await compoundName(b.compoundId))
  return {
    items: page.items.map((b) => {
      const u = users.get(b.openid)
      return bindingView(b, names.get(b.compoundId) ?? '', maskName(u?.realName || u?.nickName || '居民'))
    }),
    nextCursor: page.nextCursor
  }
}

export const verifyHousehold: Handler<'deliberation', 'verifyHousehold'> = async (input, { caller, now }) => {
  const found = await findBindingById(input.bindingId)
  if (!found) throw notFound(BINDING_NOT_FOUND)
  requireStaffOf(caller, found.communityId)
  if (found.openid === caller.openid) throw denied('不能审核本人的房屋绑定')
  const doc = await inTransaction(async (tx) => {
    const binding = await findBindingById(input.bindingId, tx)
    if (!binding) throw notFound(BINDING_NOT_FOUND)
    if (binding.status !== 'pending') throw conflict('该申请已处理')
    const status = input.decision === 'verify' ? 'verified' : 'rejected'
    const patch = { status, decidedAt: now, decidedBy: caller.openid, reason: input.reason ?? null } as const
    if (status === 'verified' && !(await findHousehold(binding.householdId, tx))) {
      const { communityId, compoundId, building, room } = binding
      await putHousehold(tx, { _id: binding.householdId, communityId, compoundId, building, room, createdAt: now })
    }
    await updateBinding(tx, binding._id, patch)
    return { ...binding, ...patch }
  })
  return bindingView(doc, await compoundName(doc.compoundId), null)
}

export const unbindHousehold: Handler<'deliberation', 'unbindHousehold'> = async (input, { caller }) => {
  const found = await findBindingById(input.bindingId)
  if (!found) throw notFound(BINDING_NOT_FOUND)
  requireStaffOf(caller, found.communityId)
  await inTransaction(async (tx) => {
    if (await findBindingById(input.bindingId, tx)) await removeBinding(tx, input.bindingId)
  })
  return { unbound: true as const }
}
