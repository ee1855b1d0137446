// A hand-computed month of reports (November 2026, China time) for the figures: every case the definitions
// have to get right — signed late, never signed, still inside its signing window, rejected and merged,
// closed late, closed as not ours, open and overdue at the month's end (one since October, one closed in
// December), reopened and then confirmed, reopened twice and decided by staff, closed automatically without an
// answer, resolved and still waiting for the reporter. The expected counts are worked out by hand in
// reportRates.test.ts.
import type { ReportRateFacts } from './reportRates'

/** China time (UTC+8) written as the reporter reads it. */
export const cst = (local: string) => new Date(`${local}+08:00`)

type Spec = Partial<Omit<ReportRateFacts, 'signedOnTime'>> & {
  /** The first answer by staff or the grid worker. */
  respondedAt?: Date
  /** Nobody answered and the timer recorded the missed window. */
  signOverdue?: true
}

const base: Omit<ReportRateFacts, 'assignedAt' | 'signedOnTime'> = {
  handled: true,
  closedAt: null,
  overdueAt: null,
  asked: false,
  answer: null,
  rating: null
}

/** A report assigned at `local` (China time) with the usual 2-hour signing window. */
const at = (local: string, { respondedAt, signOverdue, ...rest }: Spec = {}): ReportRateFacts => {
  const assignedAt = cst(local)
  const signDueAt = new Date(assignedAt.getTime() + 2 * 3600_000)
  const signedOnTime = respondedAt ? respondedAt <= signDueAt : signOverdue ? false : null
  return { ...base, assignedAt, signedOnTime, ...rest }
}

export const RATE_FIXTURE: Record<string, ReportRateFacts> = {
  // Signed in time, resolved, confirmed as solved and 满意.
  A: at('2026-11-02T09:00:00', {
    respondedAt: cst('2026-11-02T09:30:00'),
    closedAt: cst('2026-11-05T10:00:00'),
    asked: true,
    answer: 'solved',
    rating: 'satisfied'
  }),
  // Signed late, overdue while handled, then confirmed as solved and 基本满意: closed, but not on time.
  B: at('2026-11-03T09:00:00', {
    respondedAt: cst('2026-11-03T12:00:00'),
    overdueAt: cst('2026-11-08T09:00:00'),
    closedAt: cst('2026-11-10T10:00:00'),
    asked: true,
    answer: 'solved',
    rating: 'basically'
  }),
  // Reopened once, resolved again in time; the reporter's answer to the last resolution: solved, 不满意.
  C: at('2026-11-04T09:00:00', {
    respondedAt: cst('2026-11-04T10:00:00'),
    closedAt: cst('2026-11-20T10:00:00'),
    asked: true,
    answer: 'solved',
    rating: 'unsatisfied'
  }),
  // Resolved, nobody answered for 3 days: closed automatically, asked but unanswered and not rated.
  D: at('2026-11-05T09:00:00', { respondedAt: cst('2026-11-05T09:10:00'), closedAt: cst('2026-11-15T10:00:00'), asked: true }),
  // Open and overdue since 20 November.
  E: at('2026-11-06T09:00:00', { respondedAt: cst('2026-11-06T09:20:00'), overdueAt: cst('2026-11-20T09:00:00') }),
  // Assigned in October, overdue since 28 October, still open: open and overdue at the end of both months.
  F: at('2026-10-20T09:00:00', { respondedAt: cst('2026-10-20T09:30:00'), overdueAt: cst('2026-10-28T09:00:00') }),
  // Assigned in October, overdue on 30 October, closed as unsolvable on 3 November without a resolution.
  G: at('2026-10-25T09:00:00', {
    respondedAt: cst('2026-10-25T10:00:00'),
    overdueAt: cst('2026-10-30T09:00:00'),
    closedAt: cst('2026-11-03T10:00:00')
  }),
  // Rejected in time: counts for 响应率 only.
  H: at('2026-11-07T09:00:00', { respondedAt: cst('2026-11-07T09:05:00'), handled: false }),
  // Arrived at 23:00 on the last day, its window runs into December: not decided yet, not counted.
  I: at('2026-11-30T23:00:00'),
  // Nobody signed for it; the timer recorded the missed window. Still waiting to be signed for.
  J: at('2026-11-08T09:00:00', { signOverdue: true }),
  // Reopened twice (the reporter's answers: not solved), then staff decided and closed it.
  K: at('2026-11-09T09:00:00', {
    respondedAt: cst('2026-11-09T09:30:00'),
    closedAt: cst('2026-11-25T10:00:00'),
    asked: true,
    answer: 'unsolved'
  }),
  // Overdue, then closed as not the community's responsibility: closed late, never asked.
  L: at('2026-11-10T09:00:00', {
    respondedAt: cst('2026-11-10T09:30:00'),
    overdueAt: cst('2026-11-12T09:00:00'),
    closedAt: cst('2026-11-14T10:00:00')
  }),
  // Resolved in time, waiting for the reporter at the month's end: neither closed nor overdue.
  M: at('2026-11-11T09:00:00', { respondedAt: cst('2026-11-11T09:30:00'), asked: true }),
  // Overdue since 29 November, closed on 2 December: open and overdue at November's end.
  N: at('2026-11-12T09:00:00', {
    respondedAt: cst('2026-11-12T09:30:00'),
    overdueAt: cst('2026-11-29T09:00:00'),
    closedAt: cst('2026-12-02T10:00:00'),
    asked: true,
    answer: 'solved',
    rating: 'satisfied'
  }),
  // Merged into another report, late.
  O: at('2026-11-13T09:00:00', { respondedAt: cst('2026-11-13T12:00:00'), handled: false })
}

export const NOVEMBER = { start: cst('2026-11-01T00:00:00'), end: cst('2026-12-01T00:00:00') }
export const OCTOBER = { start: cst('2026-10-01T00:00:00'), end: cst('2026-11-01T00:00:00') }
export const DECEMBER = { start: cst('2026-12-01T00:00:00'), end: cst('2027-01-01T00:00:00') }
