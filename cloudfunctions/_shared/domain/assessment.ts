// Party-member assessment entries (党员积分), written by the pillars that earn them (wishes, needs,
// volunteer hours, registration). Every entry has a deterministic _id derived from its source, so writing
// it with `doc(id).set()` inside the source's transaction credits it exactly once however often it is retried.
import { DEFAULT_COMMUNITY_SETTINGS, type CommunitySettings } from '../docs'
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
