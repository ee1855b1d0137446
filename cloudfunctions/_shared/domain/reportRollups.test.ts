import type { ReportHistoryEntry } from '../docs/report'
import { monthOf } from './period'
import { countsOf, emptyReportCounts, type ReportRateFacts } from './reportRates'
import { cst, NOVEMBER, OCTOBER, DECEMBER, RATE_FIXTURE } from './reportRates.fixture'
import {
  addOpenOverdue,
  countsFromCells,
  monthEndsBetween,
  rateFactsOf,
  reportCells,
  reportRollupDeltas,
  whistleCells,
  type ReportFiguresDoc
} from './reportRollups'
import { rebuildRollups, totalsOf } from './rollups'

const step = (event: ReportHistoryEntry['event'], at: Date, to: ReportHistoryEntry['to'] = 'inProgress'): ReportHistoryEntry => ({
  at,
  event,
  who: 'x',
  role: 'staff',
  name: null,
  from: null,
  to,
  why: null
})

/** A stored report that says what `f` says (the inverse of rateFactsOf), in grid `g` of community cm01. */
function docOf(f: ReportRateFacts, g = 'cm01-g1'): ReportFiguresDoc {
  const history: ReportHistoryEntry[] = [step('submit', f.assignedAt, 'submitted')]
  if (f.signedOnTime !== null) history.push(step(f.handled ? 'accept' : 'reject', f.assignedAt, f.handled ? 'accepted' : 'rejected'))
  const resolvedAt = f.closedAt ? new Date(f.closedAt.getTime() - 3600_000) : cst('2026-11-30T12:00:00')
  if (f.asked) history.push(step('resolve', resolvedAt, 'resolved'))
  if (f.answer === 'solved') history.push(step('confirm', f.closedAt!, 'closed'))
  if (f.answer === 'unsolved') history.push(step('reopen', resolvedAt, 'disputed'), step('decide', f.closedAt!, 'closed'))
  if (f.asked && !f.answer && f.closedAt) history.push(step('autoClose', f.closedAt, 'closed'))
  const status = !f.handled ? 'rejected' : f.closedAt ? (f.asked ? 'closed' : 'unsolvable') : f.asked ? 'resolved' : 'inProgress'
  return {
    communityId: 'cm01',
    gridId: g,
    departmentId: null,
    status,
    submittedAt: f.assignedAt,
    acceptedOnTime: f.signedOnTime,
    resolveDeadline: f.overdueAt ?? cst('2026-12-31T00:00:00'),
    resolvedOnTime: null,
    overdueAt: f.overdueAt,
    closedAt: f.closedAt,
    answer: f.answer === 'solved' ? { solved: true, rating: f.rating!, comment: null, at: f.closedAt! } : null,
    history
  }
}

const docs = Object.entries(RATE_FIXTURE).map(([k, f]) => docOf(f, k < 'H' ? 'cm01-g1' : 'cm01-g2'))

/** The period's counts per grid as the dashboards read them: rollup cells plus the open set. */
function countsFromRollups(range: { start: Date; end: Date }) {
  const months = new Set([monthOf(range.start)])
  const last = monthOf(new Date(range.end.getTime() - 1))
  const cells = rebuildRollups({ ledger: [], wishes: [], reports: docs })
  const rows = cells
    .filter((c) => months.has(c.month))
    .map((c) => ({
      unit: c.key.g as string,
      figure: c.figure,
      month: c.month,
      ok: c.key.ok as number,
      a: c.key.a as string,
      r: c.key.r as string,
      n: c.n
    }))
  const open = docs
    .filter((d) => ['submitted', 'accepted', 'inProgress', 'waitingInfo', 'resolved', 'disputed'].includes(d.status))
    .filter((d) => d.overdueAt && d.overdueAt < range.end)
    .map((d) => ({ unit: d.gridId, n: 1 }))
  return addOpenOverdue(countsFromCells(rows, last), open)
}

describe('report rollups', () => {
  test('the stored report says what the fixture says', () => {
    Object.values(RATE_FIXTURE).forEach((f) => expect(rateFactsOf(docOf(f))).toEqual(f))
  })

  test.each([
    ['October', OCTOBER],
    ['November', NOVEMBER],
    ['December', DECEMBER]
  ])('%s: cells plus the open set count what the reports say, per grid', (_, range) => {
    const byGrid = countsFromRollups(range)
    for (const g of ['cm01-g1', 'cm01-g2']) {
      const expected = countsOf(docs.filter((d) => d.gridId === g).map(rateFactsOf), range)
      expect(byGrid.get(g) ?? emptyReportCounts()).toEqual(expected)
    }
  })

  test('a report open and overdue across month ends is carried in each month once it closes', () => {
    expect(monthEndsBetween(cst('2026-10-30T09:00:00'), cst('2026-11-03T10:00:00'))).toEqual(['2026-10'])
    expect(monthEndsBetween(cst('2026-09-30T09:00:00'), cst('2026-12-02T10:00:00'))).toEqual(['2026-09', '2026-10', '2026-11'])
    expect(monthEndsBetween(cst('2026-11-12T09:00:00'), cst('2026-11-14T10:00:00'))).toEqual([])
    const carried = reportCells(docOf(RATE_FIXTURE.N)).filter((c) => c.figure === 'rptCarried')
    expect(carried.map((c) => c.month)).toEqual(['2026-11'])
  })

  test('a write moves the report out of its old cells into its new ones', () => {
    const open = docOf({ ...RATE_FIXTURE.M, asked: false })
    const closed = docOf(RATE_FIXTURE.A)
    expect(reportRollupDeltas(null, open)).toEqual([
      { figure: 'rptAssigned', communityId: 'cm01', month: '2026-11', key: { g: 'cm01-g1', d: null, ok: 1 }, n: 1, sum: 0 }
    ])
    const moved = reportRollupDeltas({ ...open, submittedAt: closed.submittedAt, history: closed.history.slice(0, 2) }, closed)
    expect(moved).toEqual([
      {
        figure: 'rptClosed',
        communityId: 'cm01',
        month: '2026-11',
        key: { g: 'cm01-g1', d: null, ok: 1, a: 's', r: 'satisfied' },
        n: 1,
        sum: 0
      }
    ])
    expect(reportRollupDeltas(closed, closed)).toEqual([])
  })

  test('a whistle counts for its department once the report-in is decided', () => {
    const w = {
      communityId: 'cm01',
      gridId: 'cm01-g1',
      target: { kind: 'department' as const, departmentId: 'st01-urban', name: '城管' },
      whistledAt: cst('2026-11-02T10:00:00'),
      reportedInOnTime: null
    }
    expect(whistleCells(w)).toEqual([])
    expect(whistleCells({ ...w, reportedInOnTime: false })).toEqual([
      { figure: 'rptWhistle', communityId: 'cm01', month: '2026-11', key: { g: 'cm01-g1', d: 'st01-urban', ok: 0 }, n: 1, sum: 0 }
    ])
    const totals = totalsOf(rebuildRollups({ ledger: [], wishes: [], whistles: [{ ...w, reportedInOnTime: true }] }).map((c) => ({ ...c })))
    expect([...totals.values()]).toEqual([{ n: 1, sum: 0 }])
  })
})
