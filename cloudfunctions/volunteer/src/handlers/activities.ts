// Activities: staff publish them; residents list (upcoming in a community, nearby, mine, managed by staff)
// and open one.
import type { Page } from '../../../../types/schemas/common'
import type { ActivityDetail, ActivitySummary } from '../../../../types/schemas/volunteer'
import { fromPoint, toPoint } from '../../../_shared/docs'
import { hasGrant, isStaffOf, personOf, requireStaffOf, staffCommunities, type Caller } from '../../../_shared/infra/auth'
import { denied, invalid } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import { opaqueId } from '../../../_shared/infra/ids'
import type { Ctx, Handler } from '../../../_shared/infra/router'
import { busySpanOf, enrollmentIdFor, type ActivityDoc } from '../docs'
import { enrollBlock } from '../domain/attendance'
import { overlapBlock } from '../domain/schedule'
import { distanceMeters } from '../domain/geo'
import {
  activitiesById,
  activitiesPage,
  communityNames,
  createActivity as storeActivity,
  findEnrollment,
  findVolunteer,
  inTransaction,
  loadActivity,
  myEnrollmentsPage,
  myStatuses,
  type ActivityList
} from '../repo'
import { clockOf, toActivitySummary, toEnrollmentView } from '../views'

type ListInput = Parameters<Handler<'volunteer', 'listActivities'>>[0]

/** The community a staff member acts for: the one named, or their only one. */
export function staffCommunity(caller: Caller, named?: string): string {
  const mine = staffCommunities(caller)
  const communityId = named ?? (mine.length === 1 ? mine[0] : undefined)
  if (!communityId) throw invalid('请选择社区')
  requireStaffOf(caller, communityId)
  return communityId
}

export const createActivity: Handler<'volunteer', 'createActivity'> = async (input, ctx) => {
  const communityId = staffCommunity(ctx.caller, input.communityId)
  const start = new Date(input.start)
  if (start.getTime() <= ctx.now.getTime())
    throw invalid('开始时间必须晚于现在', { fields: [{ path: 'start', message: '开始时间必须晚于现在' }] })
  if (new Date(input.enrollDeadline).getTime() <= ctx.now.getTime())
    throw invalid('报名截止时间已过，请改为晚于现在的时间', {
      fields: [{ path: 'enrollDeadline', message: '报名截止时间已过，请改为晚于现在的时间' }]
    })
  requireOwnFiles([input.cover], ctx.caller.openid, { path: 'cover' })
  const doc: ActivityDoc = {
    _id: opaqueId('a', ctx.caller.openid, input.requestId),
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
    checkinMode: input.checkinMode,
    cover: input.cover ?? null,
    createdBy: personOf(ctx.caller),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    finishedAt: null
  }
  const saved = await inTransaction((tx) => storeActivity(tx, doc, ctx.fingerprint))
  return detailOf(saved, ctx)
}

function listOf(input: ListInput, ctx: Ctx): ActivityList {
  switch (input.scope) {
    case 'nearby':
      return { scope: 'nearby', now: ctx.now, near: input.location! }
    case 'managed':
      return { scope: 'managed', communityId: staffCommunity(ctx.caller, input.communityId) }
    default:
      return { scope: 'upcoming', now: ctx.now, communityId: input.communityId ?? ctx.caller.user?.communityId ?? undefined }
  }
}

async function mine(input: ListInput, ctx: Ctx): Promise<Page<ActivitySummary>> {
  const page = await myEnrollmentsPage(personOf(ctx.caller), input)
  const activities = await activitiesById(page.items.map((e) => e.activityId))
  const names = await communityNames([...activities.values()].map((a) => a.communityId))
  const items = page.items
    .filter((e) => activities.has(e.activityId))
    .map((e) => toActivitySummary(activities.get(e.activityId)!, ctx.now, names, e.status))
  return { items, nextCursor: page.nextCursor }
}

export const listActivities: Handler<'volunteer', 'listActivities'> = async (input, ctx) => {
  if (input.scope === 'mine') return mine(input, ctx)
  const page = await activitiesPage(listOf(input, ctx), input)
  const activities = page.items
  const [statuses, names] = await Promise.all([
    myStatuses(
      ctx.caller.openid,
      activities.map((a) => a._id)
    ),
    communityNames(activities.map((a) => a.communityId))
  ])
  const items = activities.map((a) =>
    toActivitySummary(
      a,
      ctx.now,
      names,
      statuses.get(a._id) ?? null,
      input.location ? distanceMeters(input.location, fromPoint(a.location)) : null
    )
  )
  return { items, nextCursor: page.nextCursor }
}

async function detailOf(a: ActivityDoc, { caller, now }: Ctx): Promise<ActivityDetail> {
  const [mineDoc, me, names] = await Promise.all([
    caller.openid ? findEnrollment(enrollmentIdFor(a._id, caller.openid)) : null,
    caller.openid ? findVolunteer(caller.openid) : null,
    communityNames([a.communityId])
  ])
  const block =
    hasGrant(caller, 'volunteer') || caller.system
      ? (enrollBlock(clockOf(a), mineDoc, now) ?? overlapBlock(me?.busy ?? [], busySpanOf(a)))
      : '请先注册为志愿者'
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

export const activity: Handler<'volunteer', 'activity'> = async (input, ctx) => detailOf(await loadActivity(input.activityId), ctx)

/** Staff actions on an activity: only staff of its community. */
export async function managedActivity(caller: Caller, activityId: string): Promise<ActivityDoc> {
  const a = await loadActivity(activityId)
  if (!isStaffOf(caller, a.communityId)) throw denied('只有本社区工作人员可以操作')
  return a
}
