// The grid-report figures' rollups (reportRates.ts says what the figures mean). Like the wish's cells in
// rollups.ts, a report's cells are what it counts for as it stands; a write moves it out of the cells it
// counted for and into the ones it counts for now, in the write's own transaction. Every cell is per community
// and month with the grid and the department in its key, so one set of cells answers a grid, a community, a
// street (its communities added up) and a department (cells with its id). Pure.
//
//   figure       month of          when                                     key
//   rptAssigned  submittedAt       the signing is decided                   { g, d, ok: signed in time 1|0 }
//   rptClosed    closedAt          closed, notOurs or unsolvable            { g, d, ok: on time 1|0, a, r }
//                                                                           a: asked → 's' solved | 'u' not | '-' none;
//                                                                           not asked → null; r: rating or null
//   rptCarried   each month it was open and overdue at the month's end, once it is closed   { g, d }
//   rptWhistle   whistledAt        the report-in is decided                 { d, ok: reported in in time 1|0 }
//
// "Open and overdue at the period's end" is rptCarried of the period's last month (reports closed since) plus
// the reports open now with overdueAt before the period's end (the open set, read at query time: it is small
// and indexed). A report still open has no rptCarried cell, so nothing is counted twice, and no cell has to
// change when a month ends.
import type { ReportRating } from '../../../types/schemas/report.labels'
import type { ReportDoc, WhistleDoc } from '../docs/report'
import { monthOf, periodRange } from './period'
import { emptyReportCounts, isSatisfied, type ReportCounts, type ReportRateFacts } from './reportRates'
import type { RollupDelta, RollupKey } from './rollups'

export const REPORT_ROLLUP_FIGURES = ['rptAssigned', 'rptClosed', 'rptCarried', 'rptWhistle'] as const
export type ReportRollupFigure = (typeof REPORT_ROLLUP_FIGURES)[number]

const HANDLED_CLOSED = new Set(['closed', 'notOurs', 'unsolvable'])
const NOT_HANDLED = new Set(['rejected', 'merged'])

/** The fields of a report its figures depend on. */
export type ReportFiguresDoc = Pick<
  ReportDoc,
  | 'communityId'
  | 'gridId'
  | 'departmentId'
  | 'status'
  | 'submittedAt'
  | 'acceptedOnTime'
  | 'resolveDeadline'
  | 'resolvedOnTime'
  | 'overdueAt'
  | 'closedAt'
  | 'answer'
  | 'history'
>

/** What a stored report says for the figures (reportRates.ts). */
export function rateFactsOf(r: ReportFiguresDoc): ReportRateFacts {
  const history = r.history ?? []
  const lastResolve = history.map((h) => h.event).lastIndexOf('resolve')
  const afterResolve = lastResolve >= 0 ? history.slice(lastResolve + 1) : []
  const reply = afterResolve.find((h) => h.event === 'confirm' || h.event === 'reopen' || h.event === 'autoClose')
  const answer =
    reply?.event === 'confirm' ? (r.answer?.solved === false ? 'unsolved' : 'solved') : reply?.event === 'reopen' ? 'unsolved' : null
  const closed = HANDLED_CLOSED.has(r.status)
  // Closed late before the timer saw it: it became overdue at its deadline all the same.
  const overdueAt = r.overdueAt ?? (r.resolvedOnTime === false ? r.resolveDeadline : null)
  return {
    assignedAt: r.submittedAt,
    // Set by the first answer (report/src/domain/lifecycle.ts), or false by the timer once the window passed.
    signedOnTime: r.acceptedOnTime ?? null,
    handled: !NOT_HANDLED.has(r.status),
    closedAt: closed ? r.closedAt : null,
    overdueAt,
    asked: lastResolve >= 0,
    answer,
    rating: reply?.event === 'confirm' ? (r.answer?.rating ?? null) : null
  }
}

/** The months whose end falls in [from, to): a closed report was open and overdue at each of them. */
export function monthEndsBetween(from: Date, to: Date): string[] {
  const out: string[] = []
  let month = monthOf(from)
  for (let guard = 0; guard < 1200; guard++) {
    const end = periodRange(month).end
    if (end > to) break
    out.push(month)
    month = monthOf(end)
  }
  return out
}

const cell = (figure: ReportRollupFigure, communityId: string, at: Date, key: RollupKey): RollupDelta => ({
  figure,
  communityId,
  month: monthOf(new Date(at)),
  key,
  n: 1,
  sum: 0
})

/** What one report counts for, as it stands (one each). */
export function reportCells(r: ReportFiguresDoc): RollupDelta[] {
  const f = rateFactsOf(r)
  const dims = { g: r.gridId, d: r.departmentId ?? null }
  const out: RollupDelta[] = []
  if (f.signedOnTime !== null) out.push(cell('rptAssigned', r.communityId, f.assignedAt, { ...dims, ok: f.signedOnTime ? 1 : 0 }))
  if (f.handled && f.closedAt) {
    const a = f.asked ? (f.answer === 'solved' ? 's' : f.answer === 'unsolved' ? 'u' : '-') : null
    out.push(cell('rptClosed', r.communityId, f.closedAt, { ...dims, ok: f.overdueAt ? 0 : 1, a, r: f.rating }))
    if (f.overdueAt) {
      for (const month of monthEndsBetween(f.overdueAt, f.closedAt)) {
        out.push({ figure: 'rptCarried', communityId: r.communityId, month, key: dims, n: 1, sum: 0 })
      }
    }
  }
  return out
}

export type WhistleFiguresDoc = Pick<WhistleDoc, 'communityId' | 'gridId' | 'target' | 'whistledAt' | 'reportedInOnTime'>

/** A whistle counts for its department's 响应率 once its report-in is decided (reported in, or the deadline passed). */
export function whistleCells(w: WhistleFiguresDoc): RollupDelta[] {
  if (w.reportedInOnTime === null || w.reportedInOnTime === undefined) return []
  const d = w.target.departmentId ?? null
  return [cell('rptWhistle', w.communityId, w.whistledAt, { g: w.gridId, d, ok: w.reportedInOnTime ? 1 : 0 })]
}

/** Out of the cells it counted for, into the ones it counts for now (unchanged cells cancel). */
export function netCells<T>(cellsOf: (x: T) => RollupDelta[], before: T | null, after: T | null): RollupDelta[] {
  const net = new Map<string, RollupDelta>()
  const add = (d: RollupDelta, sign: number) => {
    const id = `${d.figure}|${d.communityId}|${d.month}|${JSON.stringify(Object.entries(d.key).sort())}`
    const n = (net.get(id)?.n ?? 0) + sign * d.n
    net.set(id, { ...d, n })
  }
  if (before) cellsOf(before).forEach((d) => add(d, -1))
  if (after) cellsOf(after).forEach((d) => add(d, 1))
  return [...net.values()].filter((d) => d.n !== 0)
}

export const reportRollupDeltas = (before: ReportFiguresDoc | null, after: ReportFiguresDoc | null) => netCells(reportCells, before, after)
export const whistleRollupDeltas = (before: WhistleFiguresDoc | null, after: WhistleFiguresDoc | null) =>
  netCells(whistleCells, before, after)

// --- reading ------------------------------------------------------------------------------------------------

/** A grouped rollup row, with the unit (grid, community, department …) the caller counts it for. */
export interface ReportCellRow {
  unit: string
  figure: string
  month: string
  ok?: number | null
  a?: string | null
  r?: string | null
  n: number
}

/**
 * The counts of a period per unit from its months' cells: `lastMonth` is the period's last month (its
 * rptCarried cells are the closed reports that were open and overdue at the period's end); the open set's part
 * of `openOverdue` is added by the caller (addOpenOverdue). `response` says which cells 响应率 counts: a grid's
 * or community's signing (rptAssigned), or a department's report-in (rptWhistle).
 */
export function countsFromCells(
  rows: Iterable<ReportCellRow>,
  lastMonth: string,
  response: (unit: string) => 'rptAssigned' | 'rptWhistle' = () => 'rptAssigned'
): Map<string, ReportCounts> {
  const out = new Map<string, ReportCounts>()
  const of = (unit: string) => out.get(unit) ?? out.set(unit, emptyReportCounts()).get(unit)!
  for (const row of rows) {
    const c = of(row.unit)
    if (row.figure === response(row.unit)) {
      c.assigned += row.n
      if (row.ok) c.signedOnTime += row.n
    } else if (row.figure === 'rptClosed') {
      c.closed += row.n
      if (row.ok) c.closedOnTime += row.n
      if (row.a) c.asked += row.n
      if (row.a === 's' || row.a === 'u') c.answered += row.n
      if (row.a === 's') c.solved += row.n
      if (row.r) c.rated += row.n
      if (isSatisfied((row.r ?? null) as ReportRating | null)) c.satisfied += row.n
    } else if (row.figure === 'rptCarried' && row.month === lastMonth) {
      c.openOverdue += row.n
    }
  }
  return out
}

/** Adds the reports open now and overdue before the period's end, per unit. */
export function addOpenOverdue(counts: Map<string, ReportCounts>, open: Iterable<{ unit: string; n: number }>): Map<string, ReportCounts> {
  for (const { unit, n } of open) {
    const c = counts.get(unit) ?? counts.set(unit, emptyReportCounts()).get(unit)!
    c.openOverdue += n
  }
  return counts
}
