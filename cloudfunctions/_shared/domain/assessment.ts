// Party-member assessment (党员积分): the entries the pillars earn (wishes, needs, volunteer hours,
// registration), totals from grouped sums, the pass mark and yearly hours, and the rating rule (not renewed
// in the half-year → at most 合格). Every entry has a deterministic _id derived from its source; the one
// writer (infra/assessment.ts) credits it once however often it is retried. Pure.
import { RATINGS, type Rating } from '../../../types'
import type { AssessmentRulesView, AssessmentTotals } from '../../../types/schemas/party'
import { DEFAULT_COMMUNITY_SETTINGS, type CommunitySettings } from '../docs'
import { precondition } from '../infra/errors'
import { assessmentPeriod, halfYear } from './period'

export type AssessmentSource = 'registration' | 'wish' | 'need' | 'hours' | 'adjust'

export interface AssessmentEntryDoc {
  _id: string
  openid: string
  communityId: string
  /** Assessment period (a calendar year, e.g. "2026"); ratings are given per period. */
  period: string
  /** Half-year (e.g. "2026H2") for renewal bookkeeping. */
  half: string
  source: AssessmentSource
  sourceId: string
  points: number
  /** Service hours carried by this entry (volunteer hours), 0 otherwise. */
  hours: number
  reason: string
  at: Date
}

export const assessmentEntryId = (source: AssessmentSource, sourceId: string) => `${source}_${sourceId}`

export function assessmentEntry(input: {
  openid: string
  communityId: string
  source: AssessmentSource
  sourceId: string
  points: number
  hours?: number
  reason: string
  at: Date
}): AssessmentEntryDoc {
  return {
    _id: assessmentEntryId(input.source, input.sourceId),
    openid: input.openid,
    communityId: input.communityId,
    period: assessmentPeriod(input.at),
    half: halfYear(input.at),
    source: input.source,
    sourceId: input.sourceId,
    points: input.points,
    hours: input.hours ?? 0,
    reason: input.reason,
    at: input.at
  }
}

export const assessmentRules = (settings?: Partial<CommunitySettings> | null) => ({
  ...DEFAULT_COMMUNITY_SETTINGS.assessment,
  ...(settings?.assessment ?? {})
})

/** Whether a member renewed (续报到) in `half` ("2026H2"). */
export const renewedIn = (renewedHalves: readonly string[] | undefined, half: string) => Boolean(renewedHalves?.includes(half))

/** One group of entries as the database's aggregation answers it (grouped by source). */
export interface SourceSum {
  source: AssessmentSource
  points: number
  hours: number
  count: number
}

/** Registration points, once per registration and calendar year (approval, then the first renewal of each later year). */
export function registrationEntry(
  reg: { _id: string; openid: string; communityId: string },
  rules: AssessmentRulesView,
  at: Date,
  renewal = false
): AssessmentEntryDoc {
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
export function needEntry(
  need: { _id: string; title: string; communityId: string },
  openid: string,
  rules: AssessmentRulesView,
  at: Date
): AssessmentEntryDoc {
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
