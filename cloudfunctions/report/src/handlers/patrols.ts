// Patrols (巡查): a grid worker starts one in a grid, records check-points, ends it; reports made on it carry its
// id (submit's patrolId). Every step may come late from the phone's offline queue with its original time and place
// and its request id (sent twice, written once). Staff see their community's patrols and each grid's coverage.
import { iso, isoOrNull } from '../../../_shared/domain/dates'
import { maskName } from '../../../_shared/domain/masking'
import { fromPoint, toPoint } from '../../../_shared/docs'
import type { PatrolDoc } from '../../../_shared/docs/patrol'
import { personOf, type Caller } from '../../../_shared/infra/auth'
import {
  inTransaction,
  activePatrolOf,
  createPatrol,
  findPatrol,
  gridNames,
  gridsOf,
  loadCommunity,
  loadGrid,
  patrolIdFor,
  patrolReportsByGrid,
  patrolsInRange,
  patrolsPage,
  putPatrol,
  reportsOnPatrols
} from '../repo'
import { denied, notFound } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import type { Handler } from '../../../_shared/infra/router'
import { periodRange } from '../../../_shared/domain/period'
import type { PatrolDetail, PatrolView } from '../../../../types/schemas/report'
import { isGridWorkerFor, isStaffFor } from '../domain/access'
import { coverageRows, ended, stepTime, withPoint } from '../domain/patrols'

const PATROL_NOT_FOUND = '巡查记录不存在'
const dateOf = (v: string | number | undefined) => (v === undefined ? null : new Date(v))

const isStreetAdminOf = (caller: Caller, streetId: string) => caller.grants.some((g) => g.role === 'streetAdmin' && g.streetId === streetId)

/** Who may read a patrol: its grid worker, the community's staff, the street's admin. */
function maySee(caller: Caller, p: PatrolDoc): boolean {
  return p.openid === caller.openid || isStaffFor(caller.grants, p.communityId) || isStreetAdminOf(caller, p.streetId)
}

function viewOf(p: PatrolDoc, gridName: string, reportIds: readonly string[], caller: Caller): PatrolView {
  return {
    id: p._id,
    gridId: p.gridId,
    gridName,
    communityId: p.communityId,
    status: p.status,
    startedAt: iso(p.startedAt),
    endedAt: isoOrNull(p.endedAt),
    points: p.points.length,
    reports: reportIds.length,
    meters: p.meters,
    // The street's admin sees the worker masked; the worker and the community's staff see the name.
    workerName: p.openid === caller.openid || isStaffFor(caller.grants, p.communityId) ? p.workerName : maskName(p.workerName)
  }
}

async function detailOf(p: PatrolDoc, caller: Caller): Promise<PatrolDetail> {
  const [names, reports] = await Promise.all([gridNames([p.gridId]), reportsOnPatrols([p._id])])
  const reportIds = reports.get(p._id) ?? []
  return {
    ...viewOf(p, names.get(p.gridId) ?? '', reportIds, caller),
    path: p.points.map((x) => ({
      at: iso(x.at),
      clientTime: isoOrNull(x.clientTime),
      location: fromPoint(x.location),
      note: x.note,
      photos: x.photos
    })),
    reportIds
  }
}

/** The caller's own patrol, for a step of it. */
async function ownPatrol(patrolId: string, caller: Caller, tx: Parameters<typeof findPatrol>[1]): Promise<PatrolDoc> {
  const p = await findPatrol(patrolId, tx)
  if (!p) throw notFound(PATROL_NOT_FOUND)
  if (p.openid !== caller.openid) throw denied('只能记录自己的巡查')
  return p
}

export const patrolStart: Handler<'report', 'patrolStart'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const grid = await loadGrid(input.gridId)
  if (!grid) throw notFound('网格不存在')
  const place = { communityId: grid.communityId, gridId: grid._id }
  if (!isGridWorkerFor(caller.grants, place) && !isStaffFor(caller.grants, grid.communityId)) throw denied('只能在自己负责的网格巡查')
  const community = await loadCommunity(grid.communityId)
  if (!community) throw notFound('社区不存在')
  const at = stepTime(dateOf(input.clientTime), now)
  const doc: PatrolDoc = {
    _id: patrolIdFor(openid, input.requestId),
    version: 1,
    openid,
    workerName: caller.user?.realName || caller.user?.nickName || '网格员',
    gridId: grid._id,
    communityId: grid.communityId,
    streetId: community.streetId,
    status: 'active',
    startedAt: at,
    endedAt: null,
    startLocation: toPoint(input.location.lat, input.location.lng),
    endLocation: null,
    endRid: null,
    points: [],
    meters: 0,
    updatedAt: now
  }
  const stored = await inTransaction((tx) => createPatrol(tx, doc, fingerprint))
  return detailOf(stored, caller)
}

export const patrolPoint: Handler<'report', 'patrolPoint'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  requireOwnFiles(input.photos, openid)
  const at = stepTime(dateOf(input.clientTime), now)
  const saved = await inTransaction(async (tx) => {
    const p = await ownPatrol(input.patrolId, caller, tx)
    const next = withPoint(p, {
      rid: input.requestId,
      at,
      clientTime: dateOf(input.clientTime),
      receivedAt: now,
      location: toPoint(input.location.lat, input.location.lng),
      note: input.note || null,
      photos: input.photos
    })
    if (next) await putPatrol(tx, next)
    return next ?? p
  })
  return detailOf(saved, caller)
}

export const patrolEnd: Handler<'report', 'patrolEnd'> = async (input, { caller, now }) => {
  personOf(caller)
  const at = stepTime(dateOf(input.clientTime), now)
  const saved = await inTransaction(async (tx) => {
    const p = await ownPatrol(input.patrolId, caller, tx)
    const location = input.location ? toPoint(input.location.lat, input.location.lng) : null
    const next = ended(p, { rid: input.requestId, at, location, now })
    if (next) await putPatrol(tx, next)
    return next ?? p
  })
  return detailOf(saved, caller)
}

export const currentPatrol: Handler<'report', 'currentPatrol'> = async (_input, { caller }) => {
  const p = await activePatrolOf(personOf(caller))
  return p ? detailOf(p, caller) : null
}

export const patrol: Handler<'report', 'patrol'> = async ({ patrolId }, { caller }) => {
  const p = await findPatrol(patrolId)
  // A patrol outside the caller's audience is answered as one that does not exist.
  if (!p || !maySee(caller, p)) throw notFound(PATROL_NOT_FOUND)
  return detailOf(p, caller)
}

/** The caller's own patrols; staff: their community's (or one grid's). */
export const patrols: Handler<'report', 'patrols'> = async (input, { caller }) => {
  const openid = personOf(caller)
  let where: { openid?: string; communityId?: string; gridId?: string } = { openid }
  if (input.gridId || input.communityId) {
    const grid = input.gridId ? await loadGrid(input.gridId) : null
    if (input.gridId && !grid) throw notFound('网格不存在')
    const communityId = grid?.communityId ?? input.communityId!
    if (input.communityId && input.communityId !== communityId) throw denied('网格不属于该社区')
    if (isStaffFor(caller.grants, communityId)) where = input.gridId ? { gridId: input.gridId } : { communityId }
    else if (input.gridId && isGridWorkerFor(caller.grants, { communityId, gridId: input.gridId })) where = { openid, gridId: input.gridId }
    else throw denied('只能查看本社区的巡查')
  }
  const page = await patrolsPage(where, input)
  const [names, reports] = await Promise.all([gridNames(page.items.map((p) => p.gridId)), reportsOnPatrols(page.items.map((p) => p._id))])
  return {
    items: page.items.map((p) => viewOf(p, names.get(p.gridId) ?? '', reports.get(p._id) ?? [], caller)),
    nextCursor: page.nextCursor
  }
}

export const patrolCoverage: Handler<'report', 'patrolCoverage'> = async (input, { caller, now }) => {
  const community = await loadCommunity(input.communityId)
  if (!community) throw notFound('社区不存在')
  if (!isStaffFor(caller.grants, community._id) && !isStreetAdminOf(caller, community.streetId)) throw denied('只能查看本社区的巡查')
  const range = periodRange(input.period)
  const [grids, done, reports] = await Promise.all([
    gridsOf([community._id]),
    patrolsInRange(community._id, range.start, range.end),
    patrolReportsByGrid(community._id, range.start, range.end)
  ])
  return {
    communityId: community._id,
    period: input.period,
    rows: coverageRows(
      grids.map((g) => ({ id: g._id, name: g.name })),
      done.map((p) => ({ ...p, startedAt: new Date(p.startedAt) })),
      new Map(reports.map((r) => [r._id, r.n])),
      range,
      now
    )
  }
}
