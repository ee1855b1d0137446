// Account deletion: refused while the person holds something open in a pillar; otherwise every pillar's
// personal fields are erased (ERASE_RULES) and the account is marked deleted. The account is marked
// `deleting` first, so nothing can create an obligation between the check and the erasure
// (_shared/infra/account.ts); a crash leaves the mark, and deleting again finishes or rolls back.
import { ERASED_NAME } from '../../../_shared/infra/erase'
import { precondition } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import { obligationMessage } from '../domain/obligations'
import { eraseAccount, markDeleting, openObligations, unmarkDeleting } from '../repo'
import { signedIn } from './profile'

export const deleteAccount: Handler<'user', 'deleteAccount'> = async (_input, { caller, now }) => {
  const user = signedIn(caller)
  await markDeleting(user._id, now)
  const refusal = obligationMessage(await openObligations(user._id))
  if (refusal) {
    await unmarkDeleting(user._id)
    throw precondition(refusal)
  }
  await eraseAccount(user._id, {
    nickName: ERASED_NAME,
    avatar: null,
    realName: null,
    phone: null,
    compoundId: null,
    roles: [],
    consent: null,
    deletedAt: now,
    deleting: null,
    updatedAt: now
  })
  return { deleted: true as const }
}
