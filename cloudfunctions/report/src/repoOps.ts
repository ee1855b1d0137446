// The database access of the report function's operations side (figures, hot spots, nearby reports, patrols,
// riders, timers): with repo.ts, the only modules of this function that touch the database. The database counts
// and groups; only grouped rows travel.
import { _, db } from '../../_shared/infra/cloud'
import { coll, createOnce, getAll, getDoc, pageOf, putDoc, type PageInput, type Tx } from '../../_shared/infra/db'
import type { CollectionName, CommunityDoc, GridDoc, StreetDoc, UserDoc } from '../../_shared/docs'
import { patrolIdFor, riderIdFor, type PatrolDoc, type RiderDoc } from '../../_shared/docs/patrol'

export { patrolIdFor, riderIdFor }
import { OPEN_REPORT_STATUSES, type ReportStatus } from '../../../types/schemas/report.labels'
import type { RiderStatus } from '../../../types/schemas/report'
import type { DepartmentDoc, ReportDoc, WhistleDoc } from './docs'
import { CELL_FIGURES, CELL_GROUP, HOT_SPOT, HOT_SPOT_LEFT_OUT, type GroupedCell, type HotSpotGroup } from './domain/figures'

/** Every pipeline ends with an explicit limit: the cloud answers few rows by default. */
const MAX_ROWS = 10_000

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's aggregate builder is untyped
async function aggregate<T>(collection: CollectionName, match: Record<string, unknown>, stages: Array<[string, any]>): Promise<T[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's aggregate builder is untyped
  let q: any = db.collection(collection).aggregate().match(match)
  for (const [name, value] of stages) q = q[name](value)
  if (!stages.some(([name]) => name === 'limit')) q = q.limit(MAX_ROWS)
  const { list } = await q.end()
  return list as T[]
}

// --- scope ------------------------------------------------------------------------------------------------

export const loadCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)
export const loadStreet = (id: string) => getDoc<StreetDoc>('streets', id)
export const loadGrid = (id: string) => getDoc<GridDoc>('grids', id)
export const loadDepartment = (id: string) => getDoc<DepartmentDoc>('departments', id)
export const communitiesOfStreet = (streetId: string) =>
  getAll<CommunityDoc>(coll('communities').where({ streetId }).orderBy('_id', 'asc').field({ _id: true, name: true, streetId: true }), 1000)
export const gridsOf = (communityIds: readonly string[]) =>
  communityIds.length
    ? getAll<GridDoc>(
        coll('grids')
          .where({ communityId: _.in([...communityIds]) })
          .orderBy('_id', 'asc')
          .field({ _id: true, name: true, communityId: true }),
        5000
      )
    : Promise.resolve([] as GridDoc[])
export const departmentsOf = (streetId: string) => getAll<DepartmentDoc>(coll('departments').where({ streetId }).orderBy('_id', 'asc'), 500)

// --- figures ------------------------------------------------------------------------------------------------

/** The report cells of some communities in some months, grouped (shards added up). */
export const reportCells = (communityIds: readonly string[], months: readonly string[]) =>
  aggregate<GroupedCell>('rollups', { figure: _.in([...CELL_FIGURES]), communityId: _.in([...communityIds]), month: _.in([...months]) }, [
    ['group', CELL_GROUP]
  ])

/** Reports open now that became overdue before `end`, per community, grid and department: the open set. */
export const openOverdue = (communityIds: readonly string[], end: Date) =>
  aggregate<{ _id: { c: string; g: string; d: string | null }; n: number }>(
    'reports',
    { communityId: _.in([...communityIds]), status: _.in([...OPEN_REPORT_STATUSES]), overdueAt: _.lt(end) },
    [['group', { _id: { c: '$communityId', g: '$gridId', d: '$departmentId' }, n: { $sum: 1 } }]]
  )

/** Reports per grid and category since `since`, the groups of HOT_SPOT.minReports or more. */
export const hotSpotGroups = (communityIds: readonly string[], since: Date) =>
  aggregate<HotSpotGroup>(
    'reports',
    { communityId: _.in([...communityIds]), submittedAt: _.gte(since), status: _.nin([...HOT_SPOT_LEFT_OUT]) },
    [
      [
        'group',
        {
          _id: { g: '$gridId', c: '$communityId', cat: '$categoryId' },
          name: { $first: '$categoryName' },
          n: { $sum: 1 },
          first: { $min: '$submittedAt' },
          last: { $max: '$submittedAt' },
          ids: { $push: '$_id' }
        }
      ],
      ['match', { n: _.gte(HOT_SPOT.minReports) }],
      ['sort', { n: -1 }],
      ['limit', 200]
    ]
  )

// --- nearby public reports ----------------------------------------------------------------------------------

/** Public reports within `meters` of a point, nearest first (the geo index serves it). */
export async function publicReportsNear(
  p: { lat: number; lng: number },
  meters: number,
  statuses: readonly ReportStatus[],
  limit: number,
  categoryId?: string
): Promise<ReportDoc[]> {
  const where: Record<string, unknown> = {
    visibility: 'public',
    status: _.in([...statuses]),
    location: _.geoNear({ geometry: db.Geo.Point(p.lng, p.lat), maxDistance: meters })
  }
  if (categoryId) where.categoryId = categoryId
  const { data } = await coll('reports').where(where).limit(limit).get()
  return data as ReportDoc[]
}

// --- patrols ------------------------------------------------------------------------------------------------

export const findPatrol = (id: string, tx?: Tx) => getDoc<PatrolDoc>('patrols', id, tx)
export const createPatrol = (tx: Tx, doc: PatrolDoc, fingerprint: string) => createOnce('patrols', doc, tx, fingerprint)
export const putPatrol = (tx: Tx, doc: PatrolDoc) => putDoc('patrols', doc, tx)

export async function activePatrolOf(openid: string): Promise<PatrolDoc | null> {
  const { data } = await coll('patrols').where({ openid, status: 'active' }).orderBy('startedAt', 'desc').limit(1).get()
  return (data as PatrolDoc[])[0] ?? null
}

export const patrolsPage = (where: { openid?: string; communityId?: string; gridId?: string }, page: PageInput) =>
  pageOf<PatrolDoc>(coll('patrols').where(where).orderBy('startedAt', 'desc').orderBy('_id', 'desc'), page)

/** A community's patrols started in a range: grid, start and how many check-points (not the points themselves). */
export const patrolsInRange = (communityId: string, start: Date, end: Date) =>
  aggregate<{ gridId: string; startedAt: Date; points: number }>('patrols', { communityId, startedAt: _.gte(start).and(_.lt(end)) }, [
    ['project', { _id: 0, gridId: 1, startedAt: 1, points: { $size: '$points' } }]
  ])

/** Reports made on patrols in a range, per grid. */
export const patrolReportsByGrid = (communityId: string, start: Date, end: Date) =>
  aggregate<{ _id: string; n: number }>('reports', { communityId, submittedAt: _.gte(start).and(_.lt(end)), patrolId: _.neq(null) }, [
    ['group', { _id: '$gridId', n: { $sum: 1 } }]
  ])

/** The reports made on patrols, per patrol. */
export async function reportsOnPatrols(patrolIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (!patrolIds.length) return out
  const rows = await getAll<{ _id: string; patrolId: string }>(
    coll('reports')
      .where({ patrolId: _.in([...patrolIds]) })
      .orderBy('submittedAt', 'asc')
      .field({ _id: true, patrolId: true }),
    2000
  )
  for (const r of rows) out.set(r.patrolId, [...(out.get(r.patrolId) ?? []), r._id])
  return out
}

export const gridNames = async (ids: readonly string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const grids = await getAll<GridDoc>(
    coll('grids')
      .where({ _id: _.in(unique) })
      .field({ name: true }),
    unique.length
  )
  return new Map(grids.map((g) => [g._id, g.name]))
}

// --- riders ------------------------------------------------------------------------------------------------

export const findRider = (id: string, tx?: Tx) => getDoc<RiderDoc>('riders', id, tx)
export const createRider = (tx: Tx, doc: RiderDoc, fingerprint: string) => createOnce('riders', doc, tx, fingerprint)
export const putRider = (tx: Tx, doc: RiderDoc) => putDoc('riders', doc, tx)
export async function ridersOf(openid: string): Promise<RiderDoc[]> {
  return getAll<RiderDoc>(coll('riders').where({ openid }).orderBy('appliedAt', 'desc'), 20)
}
export const ridersPage = (streetId: string, status: RiderStatus | undefined, page: PageInput) =>
  pageOf<RiderDoc>(
    coll('riders')
      .where(status ? { streetId, status } : { streetId })
      .orderBy('appliedAt', 'desc')
      .orderBy('_id', 'desc'),
    page
  )
export async function reportsSince(openid: string, since: Date): Promise<number> {
  const { total } = await coll('reports')
    .where({ reporterId: openid, submittedAt: _.gte(since) })
    .count()
  return total as number
}

// --- timers -------------------------------------------------------------------------------------------------

const BATCH = 100

/** Reports still waiting to be signed for past their signing deadline, not yet flagged. */
export const unsignedPastDeadline = (now: Date) =>
  getAll<ReportDoc>(
    coll('reports')
      .where({ status: 'submitted', acceptDeadline: _.lt(now), acceptedOnTime: null })
      .orderBy('acceptDeadline', 'asc')
      .limit(BATCH),
    BATCH
  )

/** Open, unresolved reports past their 办结 deadline, not yet flagged. */
export const unresolvedPastDeadline = (now: Date) =>
  getAll<ReportDoc>(
    coll('reports')
      .where({ status: _.in(['submitted', 'accepted', 'inProgress', 'disputed']), resolveDeadline: _.lt(now), overdueAt: null })
      .orderBy('resolveDeadline', 'asc')
      .limit(BATCH),
    BATCH
  )

/** Whistles nobody reported in to past their deadline, not yet flagged. */
export const whistlesPastReportIn = (now: Date) =>
  getAll<WhistleDoc>(
    coll('whistles')
      .where({ status: 'open', reportInDeadline: _.lt(now), reportedInOnTime: null })
      .orderBy('reportInDeadline', 'asc')
      .limit(BATCH),
    BATCH
  )

/** Resolved reports with evidence (the ones that close by themselves) waiting for the reporter since before `before`. */
export const resolvedBefore = (before: Date) =>
  getAll<ReportDoc>(
    coll('reports')
      .where({ status: 'resolved', needsConfirmation: false, resolvedAt: _.lt(before) })
      .orderBy('resolvedAt', 'asc')
      .limit(BATCH),
    BATCH
  )

export const findReport = (id: string, tx?: Tx) => getDoc<ReportDoc>('reports', id, tx)
export const findWhistle = (id: string, tx?: Tx) => getDoc<WhistleDoc>('whistles', id, tx)
export const categoryNameOf = async (reportId: string) => (await findReport(reportId))?.categoryName ?? '随手拍'

/** The people who handle a report in its community: its grid's workers and the community's staff. */
export async function handlersOf(r: Pick<ReportDoc, 'communityId' | 'gridId'>): Promise<string[]> {
  const users = await getAll<UserDoc>(
    coll('users')
      .where({ 'roles.role': _.in(['gridWorker', 'staff']), roles: _.elemMatch({ communityId: r.communityId }) })
      .field({ _id: true, roles: true }),
    500
  )
  return users
    .filter((u) =>
      u.roles.some(
        (g) => g.communityId === r.communityId && (g.role === 'staff' || (g.role === 'gridWorker' && (g.gridIds ?? []).includes(r.gridId)))
      )
    )
    .map((u) => u._id)
}

/** A department's handlers (or a street's admins for a whistle to the street). */
export async function targetsOf(w: Pick<WhistleDoc, 'streetId' | 'target'>): Promise<string[]> {
  const role = w.target.kind === 'street' ? 'streetAdmin' : 'deptHandler'
  const users = await getAll<UserDoc>(coll('users').where({ 'roles.role': role }).field({ _id: true, roles: true }), 500)
  return users
    .filter((u) =>
      u.roles.some(
        (g) => g.role === role && g.streetId === w.streetId && (role === 'streetAdmin' || g.departmentId === w.target.departmentId)
      )
    )
    .map((u) => u._id)
}

/** Records a one-time reminder (回访 per resolution) inside the transaction; false when it was already sent. */
export const markReminder = async (tx: Tx, id: string, at: Date): Promise<boolean> => {
  if (await getDoc('reportReminders', id, tx)) return false
  const reminder: { _id: string; at: Date } = { _id: id, at }
  await putDoc('reportReminders', reminder, tx)
  return true
}
