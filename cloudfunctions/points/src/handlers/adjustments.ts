// Staff points adjustments with four eyes: one's own account, or more than the community's threshold, waits
// for a second staff member of the community; a monthly cap per community refuses adjustments past it.
import type { VolunteerDoc } from '../../../_shared/docs/volunteer'
import { maskName } from '../../../_shared/domain/masking'
import { monthOf } from '../../../_shared/domain/period'
import { personOf, requireStaffOf } from '../../../_shared/infra/auth'
import { conflict, isAppError, notFound, precondition } from '../../../_shared/infra/errors'
import { assertSameRequest, opaqueId } from '../../../_shared/infra/ids'
import { INSUFFICIENT_POINTS, ledgerId, nextTotals } from '../../../_shared/infra/ledger'
import type { Handler } from '../../../_shared/infra/router'
import { adjustRulesOf, assertCanReview, assertUnderCap, needsApproval, type AdjustRules } from '../domain/adjustment'
import type { AdjustmentDoc } from '../docs'
import {
  adjustmentsPage,
  adjustTotalId,
  findAccount,
  findAdjustTotal,
  findAdjustment,
  findCommunity,
  loadAdjustment,
  post,
  saveAdjustTotal,
  saveAdjustment,
  transact,
  volunteerByNo,
  type Tx
} from '../repo'
import { toAdjustmentView } from '../views'

const NOT_ENOUGH = '该志愿者积分不足，无法扣减这么多'

/** Posts the adjustment's ledger entry (the one place an adjustment changes a balance). */
const postAdjustment = (tx: Tx, a: AdjustmentDoc, at: Date) =>
  post(tx, {
    id: ledgerId.adjust(a.requestedBy, a.requestId),
    openid: a.openid,
    homeCommunityId: a.communityId,
    communityId: a.communityId,
    kind: 'adjust',
    amount: a.amount,
    reason: a.reason,
    sourceId: a.requestId,
    by: a.requestedBy,
    at,
    fingerprint: a.requestFingerprint
  })

/** Moves the community's monthly counter by `delta` adjusted points; with `rules`, refuses to pass the cap. */
async function moveMonthTotal(tx: Tx, a: AdjustmentDoc, delta: number, now: Date, rules?: AdjustRules): Promise<void> {
  const id = adjustTotalId(a.communityId, a.month)
  const used = (await findAdjustTotal(id, tx))?.used ?? 0
  if (rules) assertUnderCap(used, delta, rules)
  await saveAdjustTotal(tx, { _id: id, communityId: a.communityId, month: a.month, used: Math.max(0, used + delta), updatedAt: now })
}

const insufficientAsSentence = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work()
  } catch (e) {
    if (isAppError(e) && e.message === INSUFFICIENT_POINTS) throw precondition(NOT_ENOUGH)
    throw e
  }
}

function newAdjustment(
  v: VolunteerDoc,
  input: { amount: number; reason: string; requestId: string },
  by: string,
  fingerprint: string,
  now: Date
) {
  const doc: AdjustmentDoc = {
    _id: opaqueId('adj', by, input.requestId),
    communityId: v.communityId,
    openid: v._id,
    volunteerNo: v.volunteerNo,
    volunteerName: v.realName,
    amount: input.amount,
    reason: input.reason,
    requestId: input.requestId,
    requestFingerprint: fingerprint,
    requestedBy: by,
    requestedAt: now,
    month: monthOf(now),
    status: 'applied',
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    entry: null
  }
  return doc
}

/** Staff of the volunteer's community add or take points, with a reason; the request id makes a retry safe. */
/** Names (masked) the holder of a volunteer number before staff confirm an adjustment. */
export const adjustee: Handler<'points', 'adjustee'> = async (input, { caller }) => {
  const v = await volunteerByNo(input.volunteerNo)
  if (!v) throw notFound('未找到该志愿者编号')
  requireStaffOf(caller, v.communityId)
  return { volunteerNo: v.volunteerNo, name: maskName(v.realName) }
}

export const adjust: Handler<'points', 'adjust'> = async (input, { caller, now, fingerprint }) => {
  const v = await volunteerByNo(input.volunteerNo)
  if (!v) throw notFound('未找到该志愿者编号')
  requireStaffOf(caller, v.communityId)
  const by = personOf(caller)
  const rules = adjustRulesOf((await findCommunity(v.communityId))?.settings)
  const fresh = newAdjustment(v, input, by, fingerprint, now)
  const pending = needsApproval({ amount: input.amount, staff: by, holder: v._id }, rules)
  const saved = await insufficientAsSentence(() =>
    transact(async (tx) => {
      const earlier = await findAdjustment(fresh._id, tx)
      if (earlier) {
        assertSameRequest(earlier, fingerprint)
        return earlier
      }
      await moveMonthTotal(tx, fresh, Math.abs(fresh.amount), now, rules)
      if (pending) {
        // A deduction that could not be applied now is refused now, not after a second person's work.
        nextTotals(await findAccount(v._id, tx), 'adjust', fresh.amount)
        const doc: AdjustmentDoc = { ...fresh, status: 'pending' }
        await saveAdjustment(tx, doc)
        return doc
      }
      const { entry } = await postAdjustment(tx, fresh, now)
      const doc: AdjustmentDoc = { ...fresh, entry }
      await saveAdjustment(tx, doc)
      return doc
    })
  )
  return toAdjustmentView(saved, caller)
}

/**
 * A second staff member of the community approves (the entry is posted, in the same transaction) or rejects
 * (its points leave the month's cap) a pending adjustment; who, when and why are recorded. Repeating one's
 * own decision answers it again; any other decision on a decided request is CONFLICT.
 */
export const reviewAdjustment: Handler<'points', 'reviewAdjustment'> = async (input, { caller, now }) => {
  const found = await loadAdjustment(input.adjustmentId)
  requireStaffOf(caller, found.communityId)
  const reviewer = personOf(caller)
  const outcome = input.approve ? 'approved' : 'rejected'
  const saved = await insufficientAsSentence(() =>
    transact(async (tx) => {
      const a = await loadAdjustment(found._id, tx)
      if (a.status === outcome && a.decidedBy === reviewer) return a
      if (a.status !== 'pending') throw conflict('该调整申请已处理')
      assertCanReview(a, reviewer)
      const decided: AdjustmentDoc = { ...a, status: outcome, decidedBy: reviewer, decidedAt: now, decisionReason: input.reason || null }
      if (input.approve) decided.entry = (await postAdjustment(tx, a, now)).entry
      else await moveMonthTotal(tx, a, -Math.abs(a.amount), now)
      await saveAdjustment(tx, decided)
      return decided
    })
  )
  return toAdjustmentView(saved, caller)
}

/** The community's adjustments for its staff, newest first (`status: 'pending'` is the approval queue). */
export const adjustments: Handler<'points', 'adjustments'> = async (input, { caller }) => {
  requireStaffOf(caller, input.communityId)
  const page = await adjustmentsPage(input.communityId, input.status, input)
  return { items: page.items.map((a) => toAdjustmentView(a, caller)), nextCursor: page.nextCursor }
}
