// No overlapping enrollments: a person's open enrollments are kept as time spans on their volunteer
// document, which the enrollment transaction reads and writes (a transaction cannot run a query, and
// two enrollments at once then conflict on that one document). Pure.
import type { BusySpanDoc as BusySpan } from '../../../_shared/docs/volunteer'
import { asDate } from '../../../_shared/domain/dates'
import { precondition } from '../../../_shared/infra/errors'

export type { BusySpan }

const t = (d: Date) => asDate(d).getTime()

/** Spans that ended before `now` can no longer overlap an enrollment (one enrolls only before the start). */
const current = (busy: BusySpan[], now: Date) => busy.filter((s) => t(s.end) > t(now))

/** The span of another activity that overlaps `span`, if any; touching ends do not overlap. */
export const overlapOf = (busy: BusySpan[], span: BusySpan) =>
  busy.find((s) => s.activityId !== span.activityId && t(s.start) < t(span.end) && t(span.start) < t(s.end)) ?? null

/** Why `span` cannot be enrolled in beside `busy`, or null. */
export function overlapBlock(busy: BusySpan[], span: BusySpan): string | null {
  const clash = overlapOf(busy, span)
  return clash && `与您已报名的活动「${clash.title}」时间重叠，不能同时报名`
}

export function assertNoOverlap(busy: BusySpan[], span: BusySpan): void {
  const block = overlapBlock(busy, span)
  if (block) throw precondition(block)
}

/** `busy` with `span` added (replacing any of the same activity) and past spans dropped. */
export const withSpan = (busy: BusySpan[], span: BusySpan, now: Date) => [...withoutActivity(busy, span.activityId, now), span]

export const withoutActivity = (busy: BusySpan[], activityId: string, now: Date) =>
  current(busy, now).filter((s) => s.activityId !== activityId)
