// submit: anyone signed in reports a problem (随手拍), routed to the grid its location falls in; duplicates nearby;
// 我也遇到 (+1 and follow, one per person per report, race-safe by a keyed document id).
import { OPEN_REPORT_STATUSES } from '../../../../types/schemas/report.labels'
import { iso } from '../../../_shared/domain/dates'
import { distanceTo } from '../../../_shared/domain/geo'
import { maskName } from '../../../_shared/domain/masking'
import { toPoint } from '../../../_shared/docs'
import { requireLiveAccount } from '../../../_shared/infra/account'
import { personOf } from '../../../_shared/infra/auth'
import { conflict, denied, invalid, notFound, precondition } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import { assertSameRequest } from '../../../_shared/infra/ids'
import type { Handler } from '../../../_shared/infra/router'
import type { ReportCategoryDoc, ReportDoc } from '../docs'
import { checkClientTime, initialDeadlines } from '../domain/deadlines'
import { submittedEntry } from '../domain/lifecycle'
import { routeToGrid } from '../domain/routing'
import {
  communityNames,
  compoundsNear,
  findFollow,
  findReport,
  followIdFor,
  gridsOfCommunities,
  incPlusOnes,
  inTransaction,
  saveReport,
  loadCommunity,
  loadCategory,
  loadCompound,
  loadReport,
  openReportsNear,
  putFollow,
  reportIdFor,
  REPORT_NOT_FOUND,
  updateFollow
} from '../repo'
import { toCard } from '../views'

/** How far from a compound a location may be and still be routed through it when no grid polygon holds it. */
const ROUTE_RADIUS_M = 1500
/** The statuses a duplicate can be in (a resolved one is about to close; a new report is better then). */
const DUPLICATE_STATUSES = ['submitted', 'accepted', 'inProgress', 'waitingInfo'] as const

async function leafCategory(id: string): Promise<ReportCategoryDoc> {
  const category = await loadCategory(id)
  if (!category || !category.leaf || !category.active)
    throw invalid('请选择问题类别', { fields: [{ path: 'categoryId', message: '请选择问题类别' }] })
  return category
}

/** The grid of a location: a grid polygon of a nearby community holding it, else the picked or nearest compound's grid. */
async function gridOf(location: { lat: number; lng: number }, compoundId: string | undefined) {
  const [near, picked] = await Promise.all([compoundsNear(location, ROUTE_RADIUS_M), compoundId ? loadCompound(compoundId) : null])
  if (compoundId && !picked) throw invalid('所选小区不存在', { fields: [{ path: 'compoundId', message: '所选小区不存在' }] })
  const communityIds = [...new Set([...(picked ? [picked.communityId] : []), ...near.map((c) => c.communityId)])]
  const grids = await gridsOfCommunities(communityIds)
  const grid = routeToGrid(grids, location, picked?._id) ?? (near[0] ? routeToGrid(grids, location, near[0]._id) : null)
  if (!grid) throw precondition('该位置不在服务网格内，请在地图上重新选点')
  return grid
}

export const submit: Handler<'report', 'submit'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const id = reportIdFor(openid, input.requestId)
  const earlier = await findReport(id)
  if (earlier) {
    assertSameRequest(earlier, fingerprint)
    return {
      id,
      status: earlier.status,
      gridId: earlier.gridId,
      communityId: earlier.communityId,
      acceptDeadline: iso(earlier.acceptDeadline)
    }
  }
  requireOwnFiles(input.photos, openid)
  const clientTime = checkClientTime(input.clientTime, now)
  const category = await leafCategory(input.categoryId)
  const grid = await gridOf(input.location, input.compoundId)
  const community = await loadCommunity(grid.communityId)
  if (!community) throw notFound('社区不存在')
  const name = caller.user?.realName || caller.user?.nickName || '居民'
  const actor = { who: openid, role: 'resident' as const, name: null }
  const deadlines = initialDeadlines(now, category)
  const report: ReportDoc = {
    _id: id,
    version: 1,
    categoryId: category._id,
    categoryName: category.name,
    kind: category.kind,
    departmentKind: category.departmentKind,
    duplicateRadius: category.duplicateRadius,
    evidenceRadius: category.evidenceRadius,
    description: input.description,
    photos: input.photos,
    location: toPoint(input.location.lat, input.location.lng),
    place: input.place || null,
    compoundId: input.compoundId ?? null,
    gridId: grid._id,
    communityId: community._id,
    streetId: grid.streetId ?? community.streetId,
    visibility: input.visibility,
    showName: input.showName,
    status: 'submitted',
    reporterId: openid,
    reporter: { display: maskName(name), name, phone: caller.user?.phone ?? null },
    clientTime,
    patrolId: input.patrolId ?? null,
    submittedAt: now,
    updatedAt: now,
    acceptedAt: null,
    acceptedBy: null,
    startedAt: null,
    resolvedAt: null,
    closedAt: null,
    ...deadlines,
    acceptedOnTime: null,
    resolvedOnTime: null,
    pausedAt: null,
    pausedFrom: null,
    pausedMs: 0,
    info: null,
    extension: null,
    evidence: null,
    needsConfirmation: false,
    reopens: 0,
    reopenReasons: [],
    answer: null,
    closeKind: null,
    closeReason: null,
    responsible: null,
    duplicateOf: null,
    plusOnes: 0,
    whistleId: null,
    departmentId: null,
    overdue: false,
    overdueAt: null,
    history: [submittedEntry(actor, now)],
    requestFingerprint: fingerprint
  }
  return inTransaction(async (tx) => {
    const existing = await findReport(id, tx)
    const stored = existing ?? report
    if (existing) assertSameRequest(existing, fingerprint)
    else {
      await requireLiveAccount(tx, openid)
      await saveReport(tx, null, report)
    }
    return {
      id,
      status: stored.status,
      gridId: stored.gridId,
      communityId: stored.communityId,
      acceptDeadline: iso(stored.acceptDeadline)
    }
  })
}

export const duplicates: Handler<'report', 'duplicates'> = async (input, { now }) => {
  const category = await leafCategory(input.categoryId)
  if (category.duplicateRadius <= 0) return { items: [] }
  const found = await openReportsNear(category._id, input.location, category.duplicateRadius, DUPLICATE_STATUSES)
  const names = await communityNames(found.map((r) => r.communityId))
  return { items: found.map((r) => toCard(r, names.get(r.communityId) ?? '', now, distanceTo(input.location, r.location))) }
}

export const plusOne: Handler<'report', 'plusOne'> = async ({ reportId }, { caller, now }) => {
  const openid = personOf(caller)
  const followId = followIdFor(reportId, openid)
  return inTransaction(async (tx) => {
    const r = await loadReport(reportId, tx)
    if (r.visibility !== 'public') throw notFound(REPORT_NOT_FOUND)
    if (r.reporterId === openid) throw denied('这是您本人上报的问题')
    const follow = await findFollow(tx, followId)
    if (follow?.plusOne) {
      if (!follow.following) await updateFollow(tx, followId, { following: true })
      return { id: reportId, plusOnes: r.plusOnes, following: true, already: true }
    }
    if (!(OPEN_REPORT_STATUSES as readonly string[]).includes(r.status) || r.status === 'resolved')
      throw conflict('该问题已办结，无需再点“我也遇到”')
    await putFollow(tx, { _id: followId, reportId, openid, plusOne: true, following: true, at: now })
    await incPlusOnes(tx, reportId)
    return { id: reportId, plusOnes: r.plusOnes + 1, following: true, already: false }
  })
}

export const unfollow: Handler<'report', 'unfollow'> = async ({ reportId }, { caller }) => {
  const openid = personOf(caller)
  const followId = followIdFor(reportId, openid)
  await inTransaction(async (tx) => {
    const follow = await findFollow(tx, followId)
    if (follow?.following) await updateFollow(tx, followId, { following: false })
  })
  return { id: reportId, following: false }
}
