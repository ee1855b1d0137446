// report.figures, report.figuresCsv and report.hotSpots: 响应率, 按期办结率, 解决率 and 满意率 of a grid, a community (with
// its grids), a street (with its communities and departments — the street comparison) or a department, for a
// period; hot spots. Counted from the rollup cells and the open set (domain/figures.ts), never from history.
import type { Caller } from '../../../_shared/infra/auth'
import { denied, notFound } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import { addOpenOverdue, countsFromCells } from '../../../_shared/domain/reportRollups'
import type { FigureLevel, HotSpotView, ReportCounts, ReportFigureRow, ReportFiguresView } from '../../../../types/schemas/report'
import { gridsOf as grantedGrids, isStaffFor } from '../domain/access'
import {
  cellRows,
  figureRow,
  figuresCsv as toCsv,
  figuresFilename,
  hotSpotSince,
  hotSpotsOf,
  monthsOf,
  type GroupedCell
} from '../domain/figures'
import {
  communitiesOfStreet,
  departmentsOf,
  gridsOf,
  hotSpotGroups,
  loadCommunity,
  loadDepartment,
  loadGrid,
  loadStreet,
  openOverdue,
  reportCells
} from '../repo'

const NOT_YOURS = '只能查看本人负责范围的统计'

type Unit = (c: { c: string; g?: string | null; d?: string | null }) => string | null

/** What one figures answer covers: its communities, its total, its rows. */
interface Scope {
  level: FigureLevel
  id: string
  name: string
  streetId: string
  communityIds: string[]
  /** The total's cells: everything of the communities, or one grid's, or one department's. */
  total: Unit
  rowLevel: FigureLevel | null
  row: Unit
  rowNames: Map<string, string>
  /** Street only: one row per department. */
  departments: Map<string, string> | null
  hotSpots: boolean
}

const isStreetAdmin = (caller: Caller, streetId: string) => caller.grants.some((g) => g.role === 'streetAdmin' && g.streetId === streetId)

async function scopeOf(
  caller: Caller,
  input: { communityId?: string; streetId?: string; departmentId?: string; gridId?: string }
): Promise<Scope> {
  if (input.communityId) {
    const community = await loadCommunity(input.communityId)
    if (!community) throw notFound('社区不存在')
    if (!isStaffFor(caller.grants, community._id) && !isStreetAdmin(caller, community.streetId)) throw denied(NOT_YOURS)
    const grids = await gridsOf([community._id])
    return {
      level: 'community',
      id: community._id,
      name: community.name,
      streetId: community.streetId,
      communityIds: [community._id],
      total: () => community._id,
      rowLevel: 'grid',
      row: (c) => c.g ?? null,
      rowNames: new Map(grids.map((g) => [g._id, g.name])),
      departments: null,
      hotSpots: true
    }
  }
  if (input.streetId) {
    if (!isStreetAdmin(caller, input.streetId)) throw denied(NOT_YOURS)
    const [street, communities, departments] = await Promise.all([
      loadStreet(input.streetId),
      communitiesOfStreet(input.streetId),
      departmentsOf(input.streetId)
    ])
    if (!street) throw notFound('街道不存在')
    return {
      level: 'street',
      id: street._id,
      name: street.name,
      streetId: street._id,
      communityIds: communities.map((c) => c._id),
      total: () => street._id,
      rowLevel: 'community',
      row: (c) => c.c,
      rowNames: new Map(communities.map((c) => [c._id, c.name])),
      departments: new Map(departments.map((d) => [d._id, d.name])),
      hotSpots: true
    }
  }
  if (input.departmentId) {
    const dept = await loadDepartment(input.departmentId)
    if (!dept) throw notFound('部门不存在')
    const handler = caller.grants.some((g) => g.role === 'deptHandler' && g.departmentId === dept._id && g.streetId === dept.streetId)
    if (!handler && !isStreetAdmin(caller, dept.streetId)) throw denied(NOT_YOURS)
    const communities = await communitiesOfStreet(dept.streetId)
    return {
      level: 'department',
      id: dept._id,
      name: dept.name,
      streetId: dept.streetId,
      communityIds: communities.map((c) => c._id),
      total: (c) => (c.d === dept._id ? dept._id : null),
      rowLevel: 'community',
      row: (c) => (c.d === dept._id ? c.c : null),
      rowNames: new Map(communities.map((c) => [c._id, c.name])),
      departments: null,
      hotSpots: false
    }
  }
  const grid = await loadGrid(input.gridId!)
  if (!grid) throw notFound('网格不存在')
  const community = await loadCommunity(grid.communityId)
  if (!community) throw notFound('社区不存在')
  const worker = grantedGrids(caller.grants).some((g) => g.gridId === grid._id && g.communityId === grid.communityId)
  if (!worker && !isStaffFor(caller.grants, grid.communityId) && !isStreetAdmin(caller, community.streetId)) throw denied(NOT_YOURS)
  return {
    level: 'grid',
    id: grid._id,
    name: grid.name,
    streetId: community.streetId,
    communityIds: [community._id],
    total: (c) => (c.g === grid._id ? grid._id : null),
    rowLevel: null,
    row: () => null,
    rowNames: new Map(),
    departments: null,
    hotSpots: true
  }
}

/** The counts of each unit `unit` names, from the period's cells and the open set. */
function countUnits(
  cells: readonly GroupedCell[],
  open: ReadonlyArray<{ _id: { c: string; g: string; d: string | null }; n: number }>,
  last: string,
  unit: Unit,
  response: 'rptAssigned' | 'rptWhistle' = 'rptAssigned'
): Map<string, ReportCounts> {
  const counts = countsFromCells(cellRows(cells, unit), last, () => response)
  return addOpenOverdue(
    counts,
    open.flatMap((o) => {
      const u = unit(o._id)
      return u === null ? [] : [{ unit: u, n: o.n }]
    })
  )
}

async function hotSpotsFor(scope: Scope, now: Date): Promise<HotSpotView[]> {
  if (!scope.hotSpots) return []
  const groups = await hotSpotGroups(scope.communityIds, hotSpotSince(now))
  const inScope = scope.level === 'grid' ? groups.filter((g) => g._id.g === scope.id) : groups
  const names = new Map((await gridsOf(scope.communityIds)).map((g) => [g._id, g.name]))
  return hotSpotsOf(inScope, (id) => names.get(id) ?? id)
}

async function figuresOf(caller: Caller, input: Parameters<typeof scopeOf>[1] & { period: string }, now: Date): Promise<ReportFiguresView> {
  const scope = await scopeOf(caller, input)
  const { months, last, start, end } = monthsOf(input.period)
  const [cells, open, hotSpots] = await Promise.all([
    reportCells(scope.communityIds, months),
    openOverdue(scope.communityIds, end),
    hotSpotsFor(scope, now)
  ])
  const response = scope.level === 'department' ? 'rptWhistle' : 'rptAssigned'
  const total = countUnits(cells, open, last, scope.total, response).get(scope.id)
  const rowCounts = countUnits(cells, open, last, scope.row, response)
  const rows: ReportFigureRow[] = scope.rowLevel
    ? [...scope.rowNames].map(([id, name]) => figureRow(scope.rowLevel!, id, name, rowCounts.get(id)))
    : []
  const deptCounts = scope.departments ? countUnits(cells, open, last, (c) => c.d ?? null, 'rptWhistle') : null
  return {
    period: input.period,
    from: start.toISOString(),
    to: end.toISOString(),
    scope: { level: scope.level, id: scope.id, name: scope.name },
    total: figureRow(scope.level, scope.id, scope.name, total),
    rows,
    departments: scope.departments
      ? [...scope.departments].map(([id, name]) => figureRow('department', id, name, deptCounts!.get(id)))
      : [],
    hotSpots,
    generatedAt: now.toISOString()
  }
}

export const figures: Handler<'report', 'figures'> = (input, { caller, now }) => figuresOf(caller, input, now)

/** The figures as a CSV: the total first, then its rows (and a street's departments). */
export const figuresCsv: Handler<'report', 'figuresCsv'> = async (input, { caller, now }) => {
  const view = await figuresOf(caller, input, now)
  const lines = [view.total, ...view.rows, ...view.departments]
  return { filename: figuresFilename(view.scope.name, input.period), csv: toCsv(lines), rows: lines.length }
}

export const hotSpots: Handler<'report', 'hotSpots'> = async (input, { caller, now }) => {
  const scope = await scopeOf(caller, input.communityId ? { communityId: input.communityId } : { streetId: input.streetId })
  return { items: await hotSpotsFor(scope, now) }
}
