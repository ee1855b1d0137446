// Four eyes on staff points adjustments (pure): which adjustments wait for a second staff member, the
// community's monthly cap on adjusted points, and the review of a pending request.
import type { CommunitySettings } from '../../../_shared/docs'
import { conflict, denied, exhausted } from '../../../_shared/infra/errors'

export const DEFAULT_ADJUST_RULES = { threshold: 100, monthlyCap: 10_000 }
export type AdjustRules = typeof DEFAULT_ADJUST_RULES

export const adjustRulesOf = (settings: Partial<CommunitySettings> | undefined): AdjustRules => ({
  ...DEFAULT_ADJUST_RULES,
  ...(settings?.adjustments ?? {})
})

/** An adjustment of one's own account, or of more points (either way) than the threshold, needs a second staff member. */
export const needsApproval = (a: { amount: number; staff: string; holder: string }, rules: AdjustRules): boolean =>
  a.staff === a.holder || Math.abs(a.amount) > rules.threshold

/** Refuses an adjustment that would take the month's adjusted points (applied and pending, either way) past the cap. */
export function assertUnderCap(usedThisMonth: number, amount: number, rules: AdjustRules): void {
  const left = rules.monthlyCap - usedThisMonth
  if (Math.abs(amount) > left) throw exhausted(`本月积分调整额度已用完（上限${rules.monthlyCap}分，剩余${Math.max(0, left)}分）`)
}

export type AdjustmentStatus = 'pending' | 'approved' | 'rejected' | 'applied'

/** Who may decide a pending request: another staff member than the one who asked, and not the holder. */
export function assertCanReview(req: { status: AdjustmentStatus; requestedBy: string; openid: string }, reviewer: string): void {
  if (req.status !== 'pending') throw conflict('该调整申请已处理')
  if (reviewer === req.requestedBy) throw denied('不能审批自己提交的积分调整，请由另一位工作人员审批')
  if (reviewer === req.openid) throw denied('不能审批调整自己积分的申请')
}
