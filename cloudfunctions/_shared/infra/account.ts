// Account deletion and the actions whose results it must wait for (a claimed wish or need, a pending
// order, an enrollment, one's own open wish) cannot interleave. Deletion first marks users/<openid>
// `deleting` in a transaction; each such action reads that document inside its own transaction
// (requireLiveAccount). Transactions conflict on what they read, so either the action commits first — and
// deletion, counting obligations after its mark, sees it and rolls the mark back — or the action meets the
// mark (or a conflict, then the mark on retry) and refuses. The sequence is in docs/privacy.md.
import type { UserDoc } from '../docs'
import { getDoc, type Tx } from './db'
import { precondition, unauthenticated } from './errors'

export const DELETING_MESSAGE = '账号正在注销，不能再进行此操作'

/** Inside the caller's transaction: refuses unless users/<openid> is live and not being deleted. */
export async function requireLiveAccount(tx: Tx, openid: string): Promise<void> {
  const user = await getDoc<UserDoc>('users', openid, tx)
  if (!user || user.deletedAt) throw unauthenticated()
  if (user.deleting) throw precondition(DELETING_MESSAGE)
}
