// The four figures 接诉即办 is judged by (docs/pillars/grid-reports.md "Figures"), as
// pure functions of what each report records. One definition, two ways to count it: `countsOf` straight from
// the reports (the specification, and what the unit fixture checks), and the rollup cells of
// reportRollups.ts plus the open set at read time (what the dashboards read). Both give the same counts.
//
//   响应率   = reports signed for within the signing deadline ÷ reports assigned
//   按期办结率 = reports closed on time ÷ (reports closed + reports open and overdue at the period's end)
//   解决率   = reporters answering "solved" ÷ reporters answering
//   满意率   = (满意 + 基本满意) ÷ ratings given
//
// Which period a report counts in: 响应率 by the month it was assigned (reached its grid); the other three by
// the month it was closed; "open and overdue" at the instant the period ends (or now, for a period not over).
import type { ReportRating } from '../../../types/schemas/report.labels'
import type { ReportCounts, ReportRate, ReportRates } from '../../../types/schemas/report'
import { ratio } from './stats'

/** What the figures need to know about one report, as it stands now. */
export interface ReportRateFacts {
  /** When it reached its grid. */
  assignedAt: Date
  /**
   * 签收: whether the first answer by staff or the grid worker (signed for, rejected, merged, asked for more
   * information …) came within the signing deadline; false as soon as the deadline passed without one (the timer
   * records it); null while the window is still open.
   */
  signedOnTime: boolean | null
  /** Rejected and merged reports are not cases to handle: they count for 响应率 only. */
  handled: boolean
  /** When it reached a closed status (closed, notOurs, unsolvable); null while open. */
  closedAt: Date | null
  /**
   * Late: its handling deadline passed before it was resolved (the moment is recorded by the overdue timer,
   * sticky — an extension or a resolution afterwards does not make it on time).
   */
  overdueAt: Date | null
  /** The reporter was asked about a resolution (it was resolved at least once). */
  asked: boolean
  /** The reporter's answer to the last resolution they were asked about; null when they never answered. */
  answer: 'solved' | 'unsolved' | null
  /** The reporter's rating; null when none was given (an automatic close is not rated). */
  rating: ReportRating | null
}

export type { ReportCounts, ReportRates }

export const emptyReportCounts = (): ReportCounts => ({
  assigned: 0,
  signedOnTime: 0,
  closed: 0,
  closedOnTime: 0,
  openOverdue: 0,
  asked: 0,
  answered: 0,
  solved: 0,
  rated: 0,
  satisfied: 0
})

export const addReportCounts = (a: ReportCounts, b: ReportCounts): ReportCounts => {
  const out = emptyReportCounts()
  for (const k of Object.keys(out) as (keyof ReportCounts)[]) out[k] = a[k] + b[k]
  return out
}

export interface Range {
  start: Date
  end: Date
}

const within = (d: Date | null, r: Range) => !!d && d >= r.start && d < r.end

export const closedOnTime = (f: ReportRateFacts) => !!f.closedAt && !f.overdueAt
/** Open (not closed, and a case to handle) and overdue at instant `at`. */
export const openOverdueAt = (f: ReportRateFacts, at: Date) =>
  f.handled && !!f.overdueAt && f.overdueAt < at && (!f.closedAt || f.closedAt >= at)
export const isSatisfied = (r: ReportRating | null) => r === 'satisfied' || r === 'basically'

/** The counts of a period straight from the reports (facts as they stand now). */
export function countsOf(facts: Iterable<ReportRateFacts>, range: Range): ReportCounts {
  const c = emptyReportCounts()
  for (const f of facts) {
    if (within(f.assignedAt, range) && f.signedOnTime !== null) {
      c.assigned++
      if (f.signedOnTime) c.signedOnTime++
    }
    if (openOverdueAt(f, range.end)) c.openOverdue++
    if (!f.handled || !within(f.closedAt, range)) continue
    c.closed++
    if (closedOnTime(f)) c.closedOnTime++
    if (!f.asked) continue
    c.asked++
    if (f.answer) c.answered++
    if (f.answer === 'solved') c.solved++
    if (f.rating) c.rated++
    if (isSatisfied(f.rating)) c.satisfied++
  }
  return c
}

const rate = (hits: number, n: number, answerShare: number | null = null): ReportRate => ({ rate: ratio(hits, n), hits, n, answerShare })

export function ratesOf(c: ReportCounts): ReportRates {
  return {
    response: rate(c.signedOnTime, c.assigned),
    onTime: rate(c.closedOnTime, c.closed + c.openOverdue),
    solved: rate(c.solved, c.answered, ratio(c.answered, c.asked)),
    satisfaction: rate(c.satisfied, c.rated, ratio(c.rated, c.asked))
  }
}
