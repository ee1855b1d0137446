// Party-member assessment (党员积分): the entries this pillar credits, totals from grouped sums, the
// pass mark and yearly hours, and the rating rule (not renewed in the half-year → at most 合格). Pure.
import { RATINGS, type Rating } from '../../../../types'
import type { AssessmentRulesView, AssessmentTotals } from '../../../../types/schemas/party'
import { assessmentEntry, type AssessmentEntryDoc, type AssessmentSource } from '../../../_shared/domain/assessment'
import { precondition } from '../../../_shared/infra/errors'
import { assessmentPeriod, halfYear } from '../../../_shared/domain/period'
import { renewedIn } from './registration'

/** One group of entries as the database's aggregation answers it (grouped by source). */
export interface SourceSum {
  source: AssessmentSource
  points: number
  hours: number
  count: number
}

/** Registration points, once per registration and calendar year (approval, then the first renewal of each later year). */
export function registrationEntry(reg: { _id: string; openid: string; communityId: string }, rules: AssessmentRulesView, at: Date, renewal = false): AssessmentEntryDoc {
  return assessmentEntry({
    openid: reg.openid,
    communityId: reg.communityId,
    source: 'registration',
    sourceId: `${reg._id}-${assessmentPeriod(at)}`,
    points: rules.registrationPoints,
    reason: renewal ? `${assessmentPeriod(at)}年度续报到` : '双报到审核通过',
    at
  })
}

/** Points for a need the member completed and staff confirmed. */
export function needEntry(need: { _id: string; title: string; communityId: string }, openid: string, rules: AssessmentRulesView, at: Date): AssessmentEntryDoc {
  return assessmentEntry({
    openid,
    communityId: need.communityId,
    source: 'need',
    sourceId: need._id,
    points: rules.needPoints,
    reason: `完成需求：${need.title}`,
    at
  })
}

const round1 = (x: number) => Math.round(x * 10) / 10

export function totalsOf(sums: readonly SourceSum[], rules: AssessmentRulesView): AssessmentTotals {
  const of = (source: AssessmentSource) => sums.find((s) => s.source === source)
  const points = round1(sums.reduce((t, s) => t + (s.points || 0), 0))
  const hours = round1(sums.reduce((t, s) => t + (s.hours || 0), 0))
  return {
    points,
    hours,
    wishes: of('wish')?.count ?? 0,
    needs: of('need')?.count ?? 0,
    registrationPoints: of('registration')?.points ?? 0,
    passed: points >= rules.passMark,
    hoursMet: hours >= rules.yearlyHours
  }
}

/**
 * The half-year a member must have renewed in to be rated above 合格 for `period`: the current half while
 * the period runs, its second half once it is over (a 2026 rating given in January 2027 looks at 2026H2).
 */
export function ratingHalf(period: string, now: Date): string {
  return assessmentPeriod(now) === period ? halfYear(now) : `${period}H2`
}

/** Ratings from best to worst. */
export const RATING_ORDER: readonly Rating[] = RATINGS

export function maxRating(renewedHalves: readonly string[] | undefined, period: string, now: Date): Rating {
  return renewedIn(renewedHalves, ratingHalf(period, now)) ? 'excellent' : 'qualified'
}

export const ratingAllowed = (rating: Rating, max: Rating) => RATING_ORDER.indexOf(rating) >= RATING_ORDER.indexOf(max)

/** Refuses a rating for a future period, or above what the member's renewal allows. */
export function checkRating(rating: Rating, renewedHalves: readonly string[] | undefined, period: string, now: Date): void {
  if (Number(period) > Number(assessmentPeriod(now))) throw precondition('考评年度尚未开始，不能评定')
  if (!ratingAllowed(rating, maxRating(renewedHalves, period, now))) {
    throw precondition(`该党员${ratingHalf(period, now).replace('H1', '年上半年').replace('H2', '年下半年')}未续报到，最高只能评定为合格`)
  }
}
