// Reading reports: one report for one viewer, my reports, the workbench queues, the whistles of a department.
import { OPEN_REPORT_STATUSES, type ReportQueue, type ReportStatus } from '../../../../types/schemas/report.labels'
import type { Page } from '../../../../types/schemas/common'
import { personOf, type Caller } from '../../../_shared/infra/auth'
import { denied, notFound } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import type { ReportDoc, WhistleDoc } from '../docs'
import { departmentsOf, gridsOf, handlesInCommunity, isStaffFor, isTargetOf, maySee, viewerOf } from '../domain/access'
import {
  communityNames,
  findWhistle,
  followIdFor,
  followsOf,
  getFollow,
  loadCommunity,
  loadReport,
  mineAsReporter,
  queuePage,
  REPORT_NOT_FOUND,
  reportsByIds,
  whistlesOfReport,
  whistlesPage,
  type QueueScope
} from '../repo'
import { toCard, toDetail, toMyReport, toStaffReport, toWhistleView } from '../views'

export const detail: Handler<'report', 'detail'> = async ({ reportId }, { caller, now }) => {
  const r = await loadReport(reportId)
  const openid = caller.openid || null
  const [whistles, follow, names] = await Promise.all([
    whistlesOfReport(r._id),
    openid ? getFollow(followIdFor(r._id, openid)) : null,
    communityNames([r.communityId])
  ])
  const viewer = viewerOf(r, { openid, grants: caller.grants, whistles, following: Boolean(follow?.following) })
  if (!maySee(r, viewer)) throw notFound(REPORT_NOT_FOUND)
  return toDetail(r, {
    viewer,
    openid,
    communityName: names.get(r.communityId) ?? '',
    following: Boolean(follow?.following),
    plusOned: Boolean(follow?.plusOne),
    // The public sees the whistle's progress without names; a private report's whistles only its handlers.
    whistles,
    grants: caller.grants,
    community: handlesInCommunity(caller.grants, r),
    staff: isStaffFor(caller.grants, r.communityId),
    now
  })
}

async function withNames<T>(items: ReportDoc[], map: (r: ReportDoc, name: string) => T): Promise<T[]> {
  const names = await communityNames(items.map((r) => r.communityId))
  return items.map((r) => map(r, names.get(r.communityId) ?? ''))
}

export const mine: Handler<'report', 'mine'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  if (input.as === 'reporter') {
    const page = await mineAsReporter(openid, input)
    return { items: await withNames(page.items, (r, name) => toMyReport(r, name, now)), nextCursor: page.nextCursor }
  }
  const follows = await followsOf(openid, input)
  const byId = new Map((await reportsByIds(follows.items.map((f) => f.reportId))).map((r) => [r._id, r]))
  // A followed report that turned private (it cannot) or disappeared is left out.
  const reports = follows.items.flatMap((f) => {
    const r = byId.get(f.reportId)
    return r && r.visibility === 'public' ? [r] : []
  })
  return { items: await withNames(reports, (r, name) => toMyReport(r, name, now)), nextCursor: follows.nextCursor }
}

const QUEUE_FILTER: Record<ReportQueue, { statuses: readonly ReportStatus[]; deadline: 'acceptDeadline' | 'resolveDeadline' }> = {
  toSign: { statuses: ['submitted'], deadline: 'acceptDeadline' },
  overdue: { statuses: ['accepted', 'inProgress', 'disputed'], deadline: 'resolveDeadline' },
  inProgress: { statuses: ['accepted', 'inProgress', 'waitingInfo'], deadline: 'resolveDeadline' },
  whistled: { statuses: ['accepted', 'inProgress'], deadline: 'resolveDeadline' },
  awaitingConfirm: { statuses: ['resolved'], deadline: 'resolveDeadline' },
  disputed: { statuses: ['disputed'], deadline: 'resolveDeadline' },
  all: { statuses: [...OPEN_REPORT_STATUSES, 'closed', 'rejected', 'merged', 'notOurs', 'unsolvable'], deadline: 'resolveDeadline' }
}

/** The scope a caller's queue covers: what they asked for, within what they hold. */
async function queueScope(caller: Caller, input: { communityId?: string; gridId?: string; departmentId?: string }): Promise<QueueScope> {
  const g = caller.grants
  if (input.departmentId) {
    if (!departmentsOf(g).includes(input.departmentId)) throw denied('只能查看本部门的事项')
    return { departmentId: input.departmentId }
  }
  const staff = g.filter((x) => x.role === 'staff' && x.communityId).map((x) => x.communityId as string)
  const grids = gridsOf(g)
  if (input.gridId) {
    const mine = grids.some((x) => x.gridId === input.gridId)
    const ofStaff = input.communityId ? staff.includes(input.communityId) : false
    if (!mine && !ofStaff) throw denied('只能查看本人负责的网格')
    return { gridIds: [input.gridId], ...(ofStaff ? { communityId: input.communityId } : {}) }
  }
  if (input.communityId) {
    if (staff.includes(input.communityId)) return { communityId: input.communityId }
    const own = grids.filter((x) => x.communityId === input.communityId).map((x) => x.gridId)
    if (own.length) return { communityId: input.communityId, gridIds: own }
    const streetId = (await loadCommunity(input.communityId))?.streetId
    if (streetId && g.some((x) => x.role === 'streetAdmin' && x.streetId === streetId)) return { communityId: input.communityId, streetId }
    throw denied('只能查看本社区的事项')
  }
  if (staff.length) return { communityId: staff[0] }
  if (grids.length) return { gridIds: grids.map((x) => x.gridId) }
  const departments = departmentsOf(g)
  if (departments.length) return { departmentId: departments[0] }
  const street = g.find((x) => x.role === 'streetAdmin' && x.streetId)
  if (street) return { streetId: street.streetId }
  throw denied()
}

export const queue: Handler<'report', 'queue'> = async (input, { caller, now }) => {
  const scope = await queueScope(caller, input)
  const base = QUEUE_FILTER[input.queue]
  const statuses = input.status ? [input.status] : base.statuses
  const page: Page<ReportDoc> = await queuePage(
    scope,
    {
      statuses,
      deadline: base.deadline,
      whistled: input.queue === 'whistled' || Boolean(scope.departmentId && input.queue !== 'all'),
      overdueAt: input.queue === 'overdue' ? now : undefined
    },
    input
  )
  const whistles = new Map<string, WhistleDoc>()
  await Promise.all(
    page.items
      .filter((r) => r.whistleId)
      .map(async (r) => {
        const w = await findWhistle(r.whistleId as string)
        if (w) whistles.set(r._id, w)
      })
  )
  return {
    items: await withNames(page.items, (r, name) => toStaffReport(r, name, now, whistles.get(r._id) ?? null)),
    nextCursor: page.nextCursor
  }
}

export const whistles: Handler<'report', 'whistles'> = async (input, { caller, now }) => {
  const g = caller.grants
  let scope: Parameters<typeof whistlesPage>[0]
  if (input.departmentId) {
    if (!departmentsOf(g).includes(input.departmentId)) throw denied('只能查看本部门的事项')
    scope = { departmentId: input.departmentId }
  } else if (input.communityId) {
    if (!isStaffFor(g, input.communityId)) throw denied('只能查看本社区的事项')
    scope = { communityId: input.communityId }
  } else {
    const department = departmentsOf(g)[0]
    const street = g.find((x) => (x.role === 'streetAdmin' || x.role === 'deptHandler') && x.streetId)?.streetId
    const staff = g.find((x) => x.role === 'staff' && x.communityId)?.communityId
    if (department) scope = { departmentId: department }
    else if (staff) scope = { communityId: staff }
    else if (street) scope = { streetId: street }
    else throw denied()
  }
  const page = await whistlesPage({ ...scope, status: input.status }, input)
  const reports = new Map((await reportsByIds(page.items.map((w) => w.reportId))).map((r) => [r._id, r]))
  const names = await communityNames([...reports.values()].map((r) => r.communityId))
  return {
    items: page.items.map((w) => {
      const r = reports.get(w.reportId)
      const sees = isTargetOf(g, w) || handlesInCommunity(g, w) || isStaffFor(g, w.communityId)
      return toWhistleView(w, { names: sees, report: r ? toCard(r, names.get(r.communityId) ?? '', now) : null, now, grants: g })
    }),
    nextCursor: page.nextCursor
  }
}
