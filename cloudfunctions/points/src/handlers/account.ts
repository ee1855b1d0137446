// Balances, the ledger and the community board.
import type { Board } from '../../../../types/schemas/points'
import type { VolunteerDoc } from '../../../_shared/docs/volunteer'
import { personOf } from '../../../_shared/infra/auth'
import { precondition } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import { boardRows } from '../domain/board'
import { balanceOf, communityNames, countEarningMore, findAccount, findVolunteer, ledgerPage, topEarners, volunteersShown } from '../repo'
import { toLedgerItem } from '../views'

export const balance: Handler<'points', 'balance'> = async (_input, { caller }) => {
  const { balance, earned, spent } = await balanceOf(personOf(caller))
  return { balance, earned, spent }
}

export const ledger: Handler<'points', 'ledger'> = async (input, { caller }) => {
  const page = await ledgerPage(personOf(caller), input)
  return { items: page.items.map(toLedgerItem), nextCursor: page.nextCursor }
}

export const board: Handler<'points', 'board'> = async (input, { caller }) => {
  const me = caller.openid ? await findVolunteer(caller.openid) : null
  const communityId = input.communityId ?? me?.communityId ?? caller.user?.communityId
  if (!communityId) throw precondition('请先选择所在社区')
  const accounts = await topEarners(communityId, input.limit)
  const people = await volunteersShown(
    accounts.map((a) => a._id),
    { realName: true, boardOptIn: true }
  )
  const names = await communityNames([communityId])
  const rows = boardRows(
    accounts.map((a) => ({ openid: a._id, earned: a.earned })),
    new Map(people.map((p) => [p._id, p])),
    caller.openid
  )
  return { communityId, communityName: names.get(communityId) ?? '', items: rows, me: await myStanding(caller.openid, communityId, me) }
}

async function myStanding(openid: string, communityId: string, me: VolunteerDoc | null): Promise<Board['me']> {
  if (!openid || !me) return null
  const account = await findAccount(openid)
  if (!account || account.communityId !== communityId) return { rank: null, points: account?.earned ?? 0, optIn: Boolean(me.boardOptIn) }
  const ahead = account.earned > 0 ? await countEarningMore(communityId, account.earned) : null
  return { rank: ahead === null ? null : ahead + 1, points: account.earned, optIn: Boolean(me.boardOptIn) }
}
