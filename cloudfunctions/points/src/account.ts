// Balances, the ledger, staff adjustments and the community board.
import type { ParsedOf } from '../../../types/contract'
import { contract } from '../../../types'
import type { Page } from '../../../types/schemas/common'
import type { Balance, Board, LedgerItem } from '../../../types/schemas/points'
import { personOf, requireStaffOf } from '../../_shared/infra/auth'
import { _ } from '../../_shared/infra/cloud'
import { coll, cursor, getDoc } from '../../_shared/infra/db'
import { isAppError, notFound, precondition } from '../../_shared/infra/errors'
import { balanceOf, INSUFFICIENT_POINTS, ledgerId, post, transact, type LedgerEntryDoc, type PointsAccountDoc } from '../../_shared/infra/ledger'
import type { Ctx } from '../../_shared/infra/router'
import type { VolunteerDoc } from '../../volunteer/src/docs'
import { boardRows } from './domain/board'
import { communityNames } from '../../_shared/infra/communities'
import { toLedgerItem } from './views'

type Input<A extends keyof typeof contract.points> = ParsedOf<(typeof contract.points)[A]>

export async function balance({ caller }: Ctx): Promise<Balance> {
  const { balance, earned, spent } = await balanceOf(personOf(caller))
  return { balance, earned, spent }
}

export async function ledger(input: Input<'ledger'>, { caller }: Ctx): Promise<Page<LedgerItem>> {
  const openid = personOf(caller)
  const offset = cursor.decode(input.cursor)
  const limit = input.limit ?? 20
  const { data } = await coll('pointsLedger').where({ openid }).orderBy('at', 'desc').skip(offset).limit(limit).get()
  const items = (data as LedgerEntryDoc[]).map(toLedgerItem)
  return { items, nextCursor: cursor.next(offset, items.length, limit) }
}

/** Staff of the volunteer's community add or take points, with a reason; the request id makes a retry safe. */
export async function adjust(input: Input<'adjust'>, { caller, now }: Ctx): Promise<LedgerItem> {
  const { data } = await coll('volunteers').where({ volunteerNo: input.volunteerNo }).limit(1).get()
  const v = (data as VolunteerDoc[])[0]
  if (!v) throw notFound('未找到该志愿者编号')
  requireStaffOf(caller, v.communityId)
  const by = personOf(caller)
  try {
    const { entry } = await transact((tx) =>
      post(tx, {
        id: ledgerId.adjust(by, input.requestId),
        openid: v._id,
        homeCommunityId: v.communityId,
        communityId: v.communityId,
        kind: 'adjust',
        amount: input.amount,
        reason: input.reason,
        sourceId: input.requestId,
        by,
        at: now
      })
    )
    return toLedgerItem(entry)
  } catch (e) {
    if (isAppError(e) && e.message === INSUFFICIENT_POINTS) throw precondition('该志愿者积分不足，无法扣减这么多')
    throw e
  }
}

export async function board(input: Input<'board'>, { caller }: Ctx): Promise<Board> {
  const me = caller.openid ? await getDoc<VolunteerDoc>('volunteers', caller.openid) : null
  const communityId = input.communityId ?? me?.communityId ?? caller.user?.communityId
  if (!communityId) throw precondition('请先选择所在社区')
  const { data } = await coll('pointsAccounts').where({ communityId, earned: _.gt(0) }).orderBy('earned', 'desc').limit(input.limit).get()
  const accounts = data as PointsAccountDoc[]
  const people = accounts.length
    ? ((await coll('volunteers').where({ _id: _.in(accounts.map((a) => a._id)) }).field({ realName: true, boardOptIn: true }).limit(100).get()).data as VolunteerDoc[])
    : []
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
  const account = await getDoc<PointsAccountDoc>('pointsAccounts', openid)
  if (!account || account.communityId !== communityId) return { rank: null, points: account?.earned ?? 0, optIn: Boolean(me.boardOptIn) }
  const ahead = account.earned > 0 ? (await coll('pointsAccounts').where({ communityId, earned: _.gt(account.earned) }).count()).total : null
  return { rank: ahead === null ? null : ahead + 1, points: account.earned, optIn: Boolean(me.boardOptIn) }
}
