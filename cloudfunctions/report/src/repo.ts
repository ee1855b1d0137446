// Reads and writes of reports, their follows, whistles, categories, departments and grids: the only module of this
// function that touches the database. Handlers run transactions through `inTransaction` and hand its `tx` here.
import { _, db } from '../../_shared/infra/cloud'
import { coll, getAll, getDoc, inTransaction, loadDoc, pageOf, putDoc, updateDoc, type PageInput, type Tx } from '../../_shared/infra/db'
import type { CommunityDoc, CompoundDoc, GridDoc, UserDoc } from '../../_shared/docs'
import { opaqueId } from '../../_shared/infra/ids'
import { readRollups, writeRollups } from '../../_shared/infra/rollups'
import { keepNotices, type Notice } from '../../_shared/infra/notify'
import { reporterNotices } from './domain/messages'
import { reportRollupDeltas, whistleRollupDeltas } from '../../_shared/domain/reportRollups'
import type { ReportStatus, WhistleStatus } from '../../../types/schemas/report.labels'
import type { DepartmentDoc, ReportCategoryDoc, ReportDoc, ReportFollowDoc, WhistleDoc } from './docs'

export { communityNames } from '../../_shared/infra/communities'
export { inTransaction, type PageInput, type Tx }

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
