// Who may act on what: staff of the community, a verified resident in a topic's scope, a grid worker of the
// community.
import { hasGrant, isStaffOf, personOf, type Caller } from '../../../_shared/infra/auth'
import { denied } from '../../../_shared/infra/errors'
import type { HouseholdMemberDoc } from '../docs'
import { inScope, type Scope } from '../domain/scope'
import { findBinding } from '../repo'

export const NOT_IN_SCOPE = '只有经社区核实的本范围住户可以参与'

/** The caller's verified binding when it lies in `scope`, else PERMISSION_DENIED. */
export async function requireResidentIn(caller: Caller, scope: Scope): Promise<HouseholdMemberDoc> {
  const binding = await findBinding(personOf(caller))
  if (!binding || !inScope(binding, scope)) throw denied(NOT_IN_SCOPE)
  return binding
}

/** Staff of the community, or a verified resident in scope. */
export async function requireParticipant(caller: Caller, scope: Scope): Promise<void> {
  if (isStaffOf(caller, scope.communityId)) return
  await requireResidentIn(caller, scope)
}

export const isGridWorkerOf = (caller: Caller, communityId: string) => hasGrant(caller, 'gridWorker', { communityId })
