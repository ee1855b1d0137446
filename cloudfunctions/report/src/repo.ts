// Reads and writes of reports, their follows, whistles, categories, departments and grids, and of the operations
// side (figures, hot spots, nearby reports, patrols, riders, timers): the only module of this function that touches
// the database; the database counts and groups, only grouped rows travel. Handlers run transactions through `inTransaction` and hand its `tx` here.
import { _, db } from '../../_shared/infra/cloud'
import {
  coll,
  createOnce,
  getAll,
  getDoc,
  inTransaction,
  loadDoc,
  pageOf,
  putDoc,
  updateDoc,
  type PageInput,
  type Tx
} from '../../_shared/infra/db'
import type { CollectionName, CommunityDoc, CompoundDoc, GridDoc, StreetDoc, UserDoc } from '../../_shared/docs'
import { patrolIdFor, riderIdFor, type PatrolDoc, type RiderDoc } from '../../_shared/docs/patrol'
import type { RiderStatus } from '../../../types/schemas/report'
import { CELL_FIGURES, CELL_GROUP, HOT_SPOT, HOT_SPOT_LEFT_OUT, type GroupedCell, type HotSpotGroup } from './domain/figures'
import { opaqueId } from '../../_shared/infra/ids'
import { readRollups, writeRollups } from '../../_shared/infra/rollups'
import { keepNotices, type Notice } from '../../_shared/infra/notify'
import { reporterNotices } from './domain/messages'
import { reportRollupDeltas, whistleRollupDeltas } from '../../_shared/domain/reportRollups'
import { OPEN_REPORT_STATUSES, type ReportStatus, type WhistleStatus } from '../../../types/schemas/report.labels'
import type { DepartmentDoc, ReportCategoryDoc, ReportDoc, ReportFollowDoc, WhistleDoc } from './docs'

export { communityNames } from '../../_shared/infra/communities'
export { inTransaction, patrolIdFor, riderIdFor, type PageInput, type Tx }

export const REPORT_NOT_FOUND = '该问题不存在或已删除'
export const WHISTLE_NOT_FOUND = '吹哨记录不存在'

export const reportIdFor = (openid: string, requestId: string) => opaqueId('rp', openid, requestId)
export const followIdFor = (reportId: string, openid: string) => opaqueId('rf', reportId, openid)
export const whistleIdFor = (openid: string, requestId: string) => opaqueId('wh', openid, requestId)

export const findReport = (id: string, tx?: Tx) => getDoc<ReportDoc>('reports', id, tx)
export const loadReport = (id: string, tx?: Tx) => loadDoc<ReportDoc>('reports', id, REPORT_NOT_FOUND, tx)
/**
 * The one write of a report: a new one (`before` null, `patch` the whole document) or a change to `before`. Everything
 * that must move with a report in its transaction (the figures' rollups) goes here.
 */
export async function saveReport(tx: Tx, before: ReportDoc | null, patch: Partial<ReportDoc>, now = new Date()): Promise<Notice[]> {
  const after = { ...before, ...patch } as ReportDoc
  const cells = await readRollups(tx, reportRollupDeltas(before, after), after._id)
  if (before) await updateDoc('reports', before._id, patch, tx)
  else await putDoc('reports', patch as ReportDoc, tx)
  await writeRollups(tx, cells)
  // The reporter's 受理 and 办结 messages, kept with the change; the caller sends them after the commit.
  const notices = reporterNotices(before, after)
  await keepNotices(tx, notices, (patch.updatedAt as Date | undefined) ?? now)
  return notices
}
export const incPlusOnes = (tx: Tx, id: string) =>
  coll('reports', tx)
    .doc(id)
    .update({ data: { plusOnes: _.inc(1) } })

export const findFollow = (tx: Tx, id: string) => getDoc<ReportFollowDoc>('reportFollows', id, tx)
export const putFollow = (tx: Tx, f: ReportFollowDoc) => putDoc('reportFollows', f, tx)
export const updateFollow = (tx: Tx, id: string, patch: Partial<ReportFollowDoc>) => updateDoc('reportFollows', id, patch, tx)
export const getFollow = (id: string) => getDoc<ReportFollowDoc>('reportFollows', id)

export const findWhistle = (id: string, tx?: Tx) => getDoc<WhistleDoc>('whistles', id, tx)
export const loadWhistle = (id: string, tx?: Tx) => loadDoc<WhistleDoc>('whistles', id, WHISTLE_NOT_FOUND, tx)
/** The one write of a whistle, as saveReport. */
export async function saveWhistle(tx: Tx, before: WhistleDoc | null, patch: Partial<WhistleDoc>): Promise<void> {
  const after = { ...before, ...patch } as WhistleDoc
  const cells = await readRollups(tx, whistleRollupDeltas(before, after), after._id)
  if (before) await updateDoc('whistles', before._id, patch, tx)
  else await putDoc('whistles', patch as WhistleDoc, tx)
  await writeRollups(tx, cells)
}
export const whistlesOfReport = (reportId: string) =>
  getAll<WhistleDoc>(coll('whistles').where({ reportId }).orderBy('whistledAt', 'asc'), 50)

export const loadUser = (openid: string) => getDoc<UserDoc>('users', openid)
export const loadCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)
export const loadCategory = (id: string) => getDoc<ReportCategoryDoc>('reportCategories', id)
export const loadDepartment = (id: string) => getDoc<DepartmentDoc>('departments', id)
export const loadGrid = (id: string) => getDoc<GridDoc>('grids', id)
export const loadCompound = (id: string) => getDoc<CompoundDoc>('compounds', id)

/** The whole tree (a few dozen documents), in order. */
export const allCategories = () => getAll<ReportCategoryDoc>(coll('reportCategories').orderBy('order', 'asc'), 1000)

export const departmentsOfStreet = (streetId?: string) =>
  getAll<DepartmentDoc>((streetId ? coll('departments').where({ streetId }) : coll('departments')).orderBy('_id', 'asc'), 500)

export const gridsOfCommunities = (communityIds: string[]) =>
  communityIds.length
    ? getAll<GridDoc>(
        coll('grids')
          .where({ communityId: _.in(communityIds) })
          .orderBy('_id', 'asc'),
        2000
      )
    : Promise.resolve([])

/** The compounds nearest to a point (within `meters`), nearest first: the communities whose grids may hold it. */
export async function compoundsNear(p: { lat: number; lng: number }, meters: number, limit = 5): Promise<CompoundDoc[]> {
  const { data } = await coll('compounds')
    .where({ location: _.geoNear({ geometry: db.Geo.Point(p.lng, p.lat), maxDistance: meters }) })
    .limit(limit)
    .get()
  return data as CompoundDoc[]
}

/** Open public reports of one category within `meters`, nearest first. */
export async function openReportsNear(
  categoryId: string,
  p: { lat: number; lng: number },
  meters: number,
  statuses: readonly ReportStatus[]
) {
  const { data } = await coll('reports')
    .where({
      categoryId,
      visibility: 'public',
      status: _.in([...statuses]),
      location: _.geoNear({ geometry: db.Geo.Point(p.lng, p.lat), maxDistance: meters })
    })
    .limit(20)
    .get()
  return data as ReportDoc[]
}

export const reportsByIds = async (ids: string[]): Promise<ReportDoc[]> => {
  const unique = [...new Set(ids)]
  if (!unique.length) return []
  const { data } = await coll('reports')
    .where({ _id: _.in(unique) })
    .limit(100)
    .get()
  return data as ReportDoc[]
}

export const mineAsReporter = (openid: string, page: PageInput) =>
  pageOf<ReportDoc>(coll('reports').where({ reporterId: openid }).orderBy('submittedAt', 'desc').orderBy('_id', 'desc'), page)

export const followsOf = (openid: string, page: PageInput) =>
  pageOf<ReportFollowDoc>(coll('reportFollows').where({ openid, following: true }).orderBy('at', 'desc').orderBy('_id', 'desc'), page)

export interface QueueScope {
  communityId?: string
  streetId?: string
  gridIds?: string[]
  departmentId?: string
}

/** A queue page: the scope's reports in `statuses`, earliest deadline first (overdue ones lead). */
export function queuePage(
  scope: QueueScope,
  filter: { statuses: readonly ReportStatus[]; deadline: 'acceptDeadline' | 'resolveDeadline'; whistled?: boolean; overdueAt?: Date },
  page: PageInput
) {
  const where: Record<string, unknown> = { status: _.in([...filter.statuses]) }
  if (scope.communityId) where.communityId = scope.communityId
  if (scope.streetId) where.streetId = scope.streetId
  if (scope.gridIds) where.gridId = _.in(scope.gridIds)
  if (scope.departmentId) where.departmentId = scope.departmentId
  if (filter.whistled) where.whistleId = _.neq(null)
  if (filter.overdueAt) where[filter.deadline] = _.lt(filter.overdueAt)
  return pageOf<ReportDoc>(coll('reports').where(where).orderBy(filter.deadline, 'asc').orderBy('_id', 'asc'), page)
}

export function whistlesPage(
  scope: { departmentId?: string; streetId?: string; communityId?: string; status?: WhistleStatus },
  page: PageInput
) {
  const where: Record<string, unknown> = {}
  if (scope.departmentId) where['target.departmentId'] = scope.departmentId
  if (scope.streetId) where.streetId = scope.streetId
  if (scope.communityId) where.communityId = scope.communityId
  if (scope.status) where.status = scope.status
  return pageOf<WhistleDoc>(coll('whistles').where(where).orderBy('whistledAt', 'desc').orderBy('_id', 'desc'), page)
}

// --- operations: figures, hot spots, nearby reports, patrols, riders, timers ---------------------------------

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

export const loadStreet = (id: string) => getDoc<StreetDoc>('streets', id)
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
