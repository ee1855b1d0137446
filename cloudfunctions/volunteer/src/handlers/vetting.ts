// Staff vet volunteer registrations of their community: the pending queue, and approve or reject with a
// reason, recorded on the registration. Only an approved volunteer may claim wishes.
import { personOf, requireStaffOf } from '../../../_shared/infra/auth'
import { notFound } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import { reviewedStatus } from '../domain/vetting'
import { findVolunteer, findVolunteerByNumber, pendingVolunteersPage, transact, updateVolunteer } from '../repo'
import { statusOf, toPendingVolunteer } from '../views'
import { staffCommunity } from './activities'

export const pendingVolunteers: Handler<'volunteer', 'pendingVolunteers'> = async (input, { caller }) => {
  const page = await pendingVolunteersPage(staffCommunity(caller, input.communityId), input)
  return { items: page.items.map(toPendingVolunteer), nextCursor: page.nextCursor }
}

export const reviewVolunteer: Handler<'volunteer', 'reviewVolunteer'> = async (input, { caller, now }) => {
  const by = personOf(caller)
  const found = await findVolunteerByNumber(input.volunteerNo)
  if (!found) throw notFound('志愿者不存在')
  requireStaffOf(caller, found.communityId)
  const reviewed = await transact(async (tx) => {
    const v = await findVolunteer(found._id, tx)
    if (!v) throw notFound('志愿者不存在')
    const from = statusOf(v)
    const to = reviewedStatus(from, input.decision)
    const changes = { status: to, reviews: [...(v.reviews ?? []), { at: now, by, from, to, reason: input.reason ?? null }], updatedAt: now }
    await updateVolunteer(v._id, changes, tx)
    return { ...v, ...changes }
  })
  return toPendingVolunteer(reviewed)
}
