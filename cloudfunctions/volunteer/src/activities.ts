// Activities: staff publish them; residents list (upcoming in a community, nearby, mine, managed by staff)
// and open one.
import type { EnrolmentStatus } from '../../../types'
import type { Page } from '../../../types/schemas/common'
import type { ParsedOf } from '../../../types/contract'
import { contract } from '../../../types'
import type { ActivityDetail, ActivitySummary } from '../../../types/schemas/volunteer'
import { hasGrant, isStaffOf, personOf, requireStaffOf, staffCommunities, type Caller } from '../../_shared/infra/auth'
import { _, db } from '../../_shared/infra/cloud'
import { coll, createOnce, cursor, getDoc, inTransaction } from '../../_shared/infra/db'
import { requestDocId } from '../../_shared/infra/ids'
import { fromPoint, toPoint } from '../../_shared/docs'
import { denied, invalid, notFound } from '../../_shared/infra/errors'
import type { Ctx } from '../../_shared/infra/router'
import { enrollmentIdFor, type ActivityDoc, type EnrollmentDoc } from './docs'
import { enrollBlock } from './domain/attendance'
import { distanceMetres } from './domain/geo'
import { communityNames } from '../../_shared/infra/communities'
import { clockOf, toActivitySummary, toEnrollmentView } from './views'

type Input<A extends keyof typeof contract.volunteer> = ParsedOf<(typeof contract.volunteer)[A]>

export const NEARBY_METRES = 5000
const DEFAULT_LIMIT = 20

export async function loadActivity(id: string): Promise<ActivityDoc> {
  const a = await getDoc<ActivityDoc>('activities', id)
  if (!a) throw notFound('活动不存在或已删除')
  return a
}

/** The community a staff member acts for: the one named, or their only one. */
function staffCommunity(caller: Caller, named?: string): string {
  const mine = staffCommunities(caller)
  const communityId = named ?? (mine.length === 1 ? mine[0] : undefined)
  if (!communityId) throw invalid('请选择社区')
  requireStaffOf(caller, communityId)
  return communityId
}

export async function createActivity(input: Input<'createActivity'>, ctx: Ctx): Promise<ActivityDetail> {
  const communityId = staffCommunity(ctx.caller, input.communityId)
  const start = new Date(input.start)
  if (start.getTime() <= ctx.now.getTime()) throw invalid('开始时间必须晚于现在', { fields: [{ path: 'start', message: '开始时间必须晚于现在' }] })
  const doc: Omit<ActivityDoc, '_id'> = {
    communityId,
    title: input.title,
    content: input.content,
    venue: input.venue,
    location: toPoint(input.location.lat, input.location.lng),
    start,
    end: new Date(input.end),
    enrollDeadline: new Date(input.enrollDeadline),
    capacity: input.capacity,
    enrolled: 0,
    pointsPerHour: input.pointsPerHour,
    pointsCap: input.pointsCap,
    radius: input.radius,
    cover: input.cover ?? null,
    createdBy: personOf(ctx.caller),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    finishedAt: null
  }
  const stored = { _id: requestDocId('a', ctx.caller.openid, input.requestId), ...doc, location: db.Geo.Point(input.location.lng, input.location.lat) }
  const saved = await inTransaction((tx) => createOnce('activities', stored, tx))
  return detailOf(saved, ctx)
}

async function myStatuses(openid: string, activityIds: string[]): Promise<Map<string, EnrolmentStatus>> {
  if (!openid || !activityIds.length) return new Map()
  const { data } = await coll('enrollments')
    .where({ openid, activityId: _.in(activityIds) })
    .field({ activityId: true, status: true })
    .limit(100)
    .get()
  return new Map((data as EnrollmentDoc[]).map((e) => [e.activityId, e.status]))
}

function listQuery(input: Input<'listActivities'>, ctx: Ctx) {
  const open = { end: _.gt(ctx.now), finishedAt: null }
  const home = input.communityId ?? ctx.caller.user?.communityId ?? undefined
  switch (input.scope) {
    case 'nearby': {
      const { lat, lng } = input.location!
      return coll('activities').where({ ...open, location: _.geoNear({ geometry: db.Geo.Point(lng, lat), maxDistance: NEARBY_METRES }) })
    }
    case 'managed':
      return coll('activities').where({ communityId: staffCommunity(ctx.caller, input.communityId) }).orderBy('start', 'desc')
    default:
      return coll('activities')
        .where(home ? { ...open, communityId: home } : open)
        .orderBy('start', 'asc')
  }
}

async function mine(input: Input<'listActivities'>, ctx: Ctx): Promise<Page<ActivitySummary>> {
  const openid = personOf(ctx.caller)
  const offset = cursor.decode(input.cursor)
  const limit = input.limit ?? DEFAULT_LIMIT
  const { data } = await coll('enrollments')
    .where({ openid, status: _.neq('cancelled') })
    .orderBy('activityStart', 'desc')
    .skip(offset)
    .limit(limit)
    .get()
  const enrollments = data as EnrollmentDoc[]
  const activities = await activitiesById(enrollments.map((e) => e.activityId))
  const names = await communityNames([...activities.values()].map((a) => a.communityId))
  const items = enrollments
    .filter((e) => activities.has(e.activityId))
    .map((e) => toActivitySummary(activities.get(e.activityId)!, ctx.now, names, e.status))
  return { items, nextCursor: cursor.next(offset, enrollments.length, limit) }
}

async function activitiesById(ids: string[]): Promise<Map<string, ActivityDoc>> {
  if (!ids.length) return new Map()
  const { data } = await coll('activities').where({ _id: _.in([...new Set(ids)]) }).limit(100).get()
  return new Map((data as ActivityDoc[]).map((a) => [a._id, a]))
}

export async function listActivities(input: Input<'listActivities'>, ctx: Ctx): Promise<Page<ActivitySummary>> {
  if (input.scope === 'mine') return mine(input, ctx)
  const offset = cursor.decode(input.cursor)
  const limit = input.limit ?? DEFAULT_LIMIT
  const { data } = await listQuery(input, ctx).skip(offset).limit(limit).get()
  const activities = data as ActivityDoc[]
  const [statuses, names] = await Promise.all([
    myStatuses(ctx.caller.openid, activities.map((a) => a._id)),
    communityNames(activities.map((a) => a.communityId))
  ])
  const items = activities.map((a) =>
    toActivitySummary(a, ctx.now, names, statuses.get(a._id) ?? null, input.location ? distanceMetres(input.location, fromPoint(a.location)) : null)
  )
  return { items, nextCursor: cursor.next(offset, activities.length, limit) }
}

export async function detailOf(a: ActivityDoc, { caller, now }: Ctx): Promise<ActivityDetail> {
  const [mineDoc, names] = await Promise.all([
    caller.openid ? getDoc<EnrollmentDoc>('enrollments', enrollmentIdFor(a._id, caller.openid)) : null,
    communityNames([a.communityId])
  ])
  const block = hasGrant(caller, 'volunteer') || caller.system ? enrollBlock(clockOf(a), mineDoc, now) : '请先注册为志愿者'
  return {
    ...toActivitySummary(a, now, names, mineDoc?.status ?? null),
    content: a.content,
    organiser: names.get(a.communityId) ?? '',
    enrollOpen: block === null,
    enrollBlocked: block,
    myEnrollment: mineDoc ? toEnrollmentView(mineDoc) : null,
    canManage: isStaffOf(caller, a.communityId)
  }
}

export async function activity(input: Input<'activity'>, ctx: Ctx): Promise<ActivityDetail> {
  return detailOf(await loadActivity(input.activityId), ctx)
}

/** Staff actions on an activity: only staff of its community. */
export async function managedActivity(caller: Caller, activityId: string): Promise<ActivityDoc> {
  const a = await loadActivity(activityId)
  if (!isStaffOf(caller, a.communityId)) throw denied('只有本社区工作人员可以操作')
  return a
}

