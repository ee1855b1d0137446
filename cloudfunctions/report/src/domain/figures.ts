// The grid-report figures as the dashboards, the street comparison and the CSV exports show them
// (docs/pillars/grid-reports.md "Figures"): the counts come from the rollup cells of the period's months plus the
// open set (_shared/domain/reportRollups.ts), the rates from _shared/domain/reportRates.ts. Hot spots: 5 or more
// reports of one category in one grid within 30 days. Pure.
import type { FigureLevel, HotSpotView, ReportCounts, ReportFigureRow } from '../../../../types/schemas/report'
import { periodLabel } from '../../../../types/periods'
import { type Column, toCsv } from '../../../_shared/domain/csvFile'
import { monthOf, periodRange } from '../../../_shared/domain/period'
import { emptyReportCounts, ratesOf } from '../../../_shared/domain/reportRates'
import { REPORT_ROLLUP_FIGURES, type ReportCellRow } from '../../../_shared/domain/reportRollups'

export const HOT_SPOT = { minReports: 5, days: 30 } as const
/** Hot-spot reports: anything a grid received except rejected ones and duplicates merged into another. */
export const HOT_SPOT_LEFT_OUT = ['rejected', 'merged'] as const

const DAY_MS = 86_400_000

/** The months a period is made of (rollups are per month), and the last one. */
export function monthsOf(period: string): { months: string[]; last: string; start: Date; end: Date } {
  const { start, end } = periodRange(period)
  const months: string[] = []
  for (let at = start; at < end; at = periodRange(monthOf(at)).end) months.push(monthOf(at))
  return { months, last: months[months.length - 1], start, end }
}

export const hotSpotSince = (now: Date) => new Date(now.getTime() - HOT_SPOT.days * DAY_MS)

/** The database's grouping of the report cells: one row per community, grid, department, figure, month and key. */
export const CELL_GROUP = {
  _id: { c: '$communityId', g: '$key.g', d: '$key.d', f: '$figure', m: '$month', ok: '$key.ok', a: '$key.a', r: '$key.r' },
  n: { $sum: '$n' }
}
export const CELL_FIGURES = REPORT_ROLLUP_FIGURES

export interface GroupedCell {
  _id: { c: string; g?: string | null; d?: string | null; f: string; m: string; ok?: number | null; a?: string | null; r?: string | null }
  n: number
}

/** The grouped cells as rows of the unit `unitOf` names (null: not counted here). */
export const cellRows = (cells: readonly GroupedCell[], unitOf: (c: GroupedCell['_id']) => string | null): ReportCellRow[] =>
  cells.flatMap((c) => {
    const unit = unitOf(c._id)
    return unit === null ? [] : [{ unit, figure: c._id.f, month: c._id.m, ok: c._id.ok, a: c._id.a, r: c._id.r, n: c.n }]
  })

export const figureRow = (level: FigureLevel, id: string, name: string, counts: ReportCounts = emptyReportCounts()): ReportFigureRow => ({
  level,
  id,
  name,
  rates: ratesOf(counts),
  counts
})

const LEVEL_LABELS: Record<FigureLevel, string> = { grid: '网格', community: '社区', street: '街道', department: '部门' }
const pct = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`)

export const FIGURE_COLUMNS: ReadonlyArray<Column<ReportFigureRow>> = [
  ['层级', (r) => LEVEL_LABELS[r.level]],
  ['名称', (r) => r.name],
  ['响应率', (r) => pct(r.rates.response.rate)],
  ['按时签收', (r) => r.counts.signedOnTime],
  ['应签收', (r) => r.counts.assigned],
  ['按期办结率', (r) => pct(r.rates.onTime.rate)],
  ['按期办结', (r) => r.counts.closedOnTime],
  ['办结', (r) => r.counts.closed],
  ['期末超期未办结', (r) => r.counts.openOverdue],
  ['解决率', (r) => pct(r.rates.solved.rate)],
  ['答复已解决', (r) => r.counts.solved],
  ['答复人数', (r) => r.counts.answered],
  ['满意率', (r) => pct(r.rates.satisfaction.rate)],
  ['满意和基本满意', (r) => r.counts.satisfied],
  ['评价人数', (r) => r.counts.rated],
  ['回访人数', (r) => r.counts.asked],
  ['答复率', (r) => pct(r.rates.solved.answerShare)],
  ['评价率', (r) => pct(r.rates.satisfaction.answerShare)]
]

export const figuresCsv = (rows: readonly ReportFigureRow[]) => toCsv(FIGURE_COLUMNS, rows)
export const figuresFilename = (scopeName: string, period: string) => `${scopeName}-${periodLabel(period)}-接诉即办指标.csv`

/** A hot spot as the database grouped it: reports per grid and category since HOT_SPOT.days ago. */
export interface HotSpotGroup {
  _id: { g: string; c: string; cat: string }
  name: string
  n: number
  first: Date
  last: Date
  ids: string[]
}

/** The groups that are hot spots, the biggest first, with the grid's name. */
export function hotSpotsOf(groups: readonly HotSpotGroup[], gridName: (id: string) => string): HotSpotView[] {
  return groups
    .filter((g) => g.n >= HOT_SPOT.minReports)
    .sort((a, b) => b.n - a.n || new Date(b.last).getTime() - new Date(a.last).getTime())
    .map((g) => ({
      gridId: g._id.g,
      gridName: gridName(g._id.g),
      communityId: g._id.c,
      categoryId: g._id.cat,
      categoryName: g.name,
      count: g.n,
      firstAt: new Date(g.first).toISOString(),
      lastAt: new Date(g.last).toISOString(),
      reportIds: g.ids.slice(0, 20)
    }))
}
