// Four eyes on hours (pure): a staff member correcting the hours of their own enrollment asks, and another
// staff member of the activity's community, not the holder, decides.
import type { CorrectionRequestDoc } from '../../../_shared/docs/volunteer'
import { conflict, denied } from '../../../_shared/infra/errors'

/** Correcting one's own enrollment needs a second staff member. */
export const needsSecondStaff = (holder: string, staff: string): boolean => holder === staff

export const pendingRequest = (requests: readonly CorrectionRequestDoc[] | undefined): CorrectionRequestDoc | null =>
  requests?.find((r) => r.status === 'pending') ?? null

export function assertNoPendingRequest(requests: readonly CorrectionRequestDoc[] | undefined): void {
  if (pendingRequest(requests)) throw conflict('该报名已有待审批的时长修改，请等待其他工作人员审批')
}

/**
 * The pending request `reviewer` may decide. A request already decided the same way by the same reviewer
 * answers null (a retry: nothing to do); any other decided state is CONFLICT.
 */
export function requestToDecide(
  requests: readonly CorrectionRequestDoc[] | undefined,
  holder: string,
  reviewer: string,
  approve: boolean
): CorrectionRequestDoc | null {
  const pending = pendingRequest(requests)
  if (!pending) {
    const last = requests?.at(-1)
    if (last && last.decidedBy === reviewer && last.status === (approve ? 'approved' : 'rejected')) return null
    throw conflict('该时长修改已处理')
  }
  if (reviewer === pending.by) throw denied('不能审批自己提交的时长修改，请由另一位工作人员审批')
  if (reviewer === holder) throw denied('不能审批本人报名的时长修改')
  return pending
}

/** The requests with the pending one decided. */
export const decide = (
  requests: readonly CorrectionRequestDoc[],
  d: { approve: boolean; by: string; at: Date; reason: string | null }
): CorrectionRequestDoc[] =>
  requests.map((r) =>
    r.status === 'pending'
      ? { ...r, status: d.approve ? 'approved' : 'rejected', decidedBy: d.by, decidedAt: d.at, decisionReason: d.reason }
      : r
  )
