// Topics: raising (residents gather seconds; staff put theirs on the agenda directly), seconds, expiry,
// comments with stance, flags and their review, the staff summary (docs/pillars/deliberation.md).
import { isStaffOf, personOf, requireStaffOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, invalid, notFound } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import type { Handler } from '../../../_shared/infra/router'
import { DELIBERATION_LIMITS } from '../../../../types/schemas/deliberation'
import type { CommentDoc, TopicDoc } from '../docs'
import { OPEN_FOR_COMMENT, transition } from '../domain/topic'
import {
  commentsOf,
  createOnce,
  dueSeconding,
  findFlag,
  findSecond,
  findTopic,
  ids,
  inTransaction,
  loadComment,
  loadCompound,
  loadTopic,
  loadUser,
  putFlag,
  putSecond,
  topicsOf,
  updateComment,
  updateTopic
} from '../repo'
import { commentView, topicView } from '../views'
import { requireParticipant, requireResidentIn } from './access'

const DAY = 86_400_000

async function seconded(caller: Caller, topicId: string): Promise<boolean> {
  if (!caller.openid) return false
  return Boolean(await findSecond(topicId, caller.openid))
}

/** A topic readable by anyone: the public record of deliberation. */
async function readTopic(topicId: string): Promise<TopicDoc> {
  return loadTopic(topicId)
}

export const raiseTopic: Handler<'deliberation', 'raiseTopic'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const scope = {
    communityId: input.communityId,
    scope: input.scope,
    compoundId: input.scope === 'community' ? null : (input.compoundId ?? null),
    building: input.scope === 'building' ? (input.building ?? null) : null
  }
  if (scope.scope !== 'community' && !scope.compoundId)
    throw invalid('请选择小区', { fields: [{ path: 'compoundId', message: '请选择小区' }] })
  if (scope.scope === 'building' && !scope.building) throw invalid('请填写楼栋', { fields: [{ path: 'building', message: '请填写楼栋' }] })
  if (scope.compoundId && (await loadCompound(scope.compoundId))?.communityId !== scope.communityId) throw notFound('小区不存在')
  requireOwnFiles(input.photos, openid)
  const staff = isStaffOf(caller, input.communityId)
  if (!staff) {
    await requireResidentIn(caller, scope)
    if (input.source || input.secondsNeeded || input.secondingDays) throw invalid('只有社区工作人员可以设置议题来源和附议规则')
  }
  const secondingDays = input.secondingDays ?? DELIBERATION_LIMITS.defaultSecondingDays
  const topic: TopicDoc = {
    _id: ids.topic(openid, input.requestId),
    ...scope,
    title: input.title,
    description: input.description,
    photos: input.photos,
    affected: input.affected || null,
    source: input.source
      ? { kind: input.source.kind, id: input.source.kind === 'reportHotspot' ? input.source.id : null }
      : { kind: staff ? 'staff' : 'resident', id: null },
    raisedBy: openid,
    status: staff ? 'agenda' : 'seconding',
    seconds: 0,
    secondsNeeded: staff ? 0 : (input.secondsNeeded ?? DELIBERATION_LIMITS.defaultSecondsNeeded),
    secondingEndsAt: staff ? null : new Date(now.getTime() + secondingDays * DAY),
    summary: null,
    voteId: null,
    publicUntil: null,
    objections: 0,
    resolution: null,
    steps: [],
    projectHandoff: null,
    raisedAt: now,
    decidedAt: null,
    history: [{ at: now, who: openid, from: null, to: staff ? 'agenda' : 'seconding', why: null }]
  }
  const stored = await inTransaction((tx) => createOnce('topics', topic, tx, fingerprint))
  return topicView(stored, false)
}

export const topics: Handler<'deliberation', 'topics'> = async (input) => {
  const page = await topicsOf(input.communityId, input.status, input)
  return { items: page.items.map((t) => topicView(t, false)), nextCursor: page.nextCursor }
}

export const topicDetail: Handler<'deliberation', 'topicDetail'> = async (input, { caller }) => {
  const topic = await readTopic(input.topicId)
  return topicView(topic, await seconded(caller, topic._id))
}

export const second: Handler<'deliberation', 'second'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const found = await loadTopic(input.topicId)
  await requireResidentIn(caller, found)
  const topic = await inTransaction(async (tx) => {
    const t = await loadTopic(input.topicId, tx)
    if (t.raisedBy === openid) throw conflict('不能附议自己提出的议题')
    if (t.status !== 'seconding' || (t.secondingEndsAt && new Date(t.secondingEndsAt).getTime() <= now.getTime()))
      throw conflict('该议题已不在附议期')
    if (await findSecond(t._id, openid, tx)) throw conflict('您已附议过该议题')
    await putSecond(tx, { _id: ids.second(t._id, openid), topicId: t._id, openid, at: now })
    const seconds = t.seconds + 1
    const moved = seconds >= t.secondsNeeded ? transition(t, 'reachSeconds', 'system', now, `附议达到${t.secondsNeeded}人`) : {}
    const patch = { seconds, ...moved }
    await updateTopic(tx, t._id, patch)
    return { ...t, ...patch }
  })
  return topicView(topic, true)
}

export const toAgenda: Handler<'deliberation', 'toAgenda'> = async (input, { caller, now }) => {
  const found = await loadTopic(input.topicId)
  requireStaffOf(caller, found.communityId)
  const topic = await inTransaction(async (tx) => {
    const t = await loadTopic(input.topicId, tx)
    const patch = transition(t, 'toAgenda', caller.openid, now, input.reason ?? '社区列入议程')
    await updateTopic(tx, t._id, patch)
    return { ...t, ...patch }
  })
  return topicView(topic, false)
}

export const expireTopics: Handler<'deliberation', 'expireTopics'> = async (_input, { caller, now }) => {
  let expired = 0
  for (const due of await dueSeconding(now)) {
    if (!caller.system && !isStaffOf(caller, due.communityId)) continue
    const done = await inTransaction(async (tx) => {
      const t = await findTopic(due._id, tx)
      if (!t || t.status !== 'seconding' || !t.secondingEndsAt || new Date(t.secondingEndsAt).getTime() > now.getTime()) return false
      await updateTopic(tx, t._id, transition(t, 'expire', 'system', now, `附议期内未达到${t.secondsNeeded}人`))
      return true
    })
    if (done) expired++
  }
  return { expired }
}

export const summarize: Handler<'deliberation', 'summarize'> = async (input, { caller }) => {
  const found = await loadTopic(input.topicId)
  requireStaffOf(caller, found.communityId)
  if (found.status === 'expired') throw conflict('议题已过期')
  const topic = await inTransaction(async (tx) => {
    const t = await loadTopic(input.topicId, tx)
    await updateTopic(tx, t._id, { summary: input.summary })
    return { ...t, summary: input.summary }
  })
  return topicView(topic, false)
}

// --- comments -------------------------------------------------------------------------------------------

export const comment: Handler<'deliberation', 'comment'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const topic = await loadTopic(input.topicId)
  await requireParticipant(caller, topic)
  if (!OPEN_FOR_COMMENT.includes(topic.status)) throw conflict('该议题已不接受评论')
  const user = await loadUser(openid)
  const doc: CommentDoc = {
    _id: ids.comment(openid, input.requestId),
    topicId: topic._id,
    communityId: topic.communityId,
    authorId: openid,
    author: user?.realName || user?.nickName || '居民',
    stance: input.stance,
    text: input.text,
    flags: 0,
    hidden: false,
    reviewed: false,
    removed: false,
    at: now
  }
  const stored = await inTransaction((tx) => createOnce('topicComments', doc, tx, fingerprint))
  return commentView(stored, isStaffOf(caller, topic.communityId))
}

export const comments: Handler<'deliberation', 'comments'> = async (input, { caller }) => {
  const topic = await readTopic(input.topicId)
  const staff = isStaffOf(caller, topic.communityId)
  const page = await commentsOf(topic._id, input)
  return { items: page.items.map((c) => commentView(c, staff)), nextCursor: page.nextCursor }
}

/** One flag per person (a flag document per (comment, person) in the counter's transaction: race-safe). */
export const flagComment: Handler<'deliberation', 'flagComment'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const found = await loadComment(input.commentId)
  if (found.removed) throw notFound('评论不存在')
  await requireParticipant(caller, { communityId: found.communityId, scope: 'community', compoundId: null, building: null })
  if (found.authorId === openid) throw conflict('不能举报自己的评论')
  return inTransaction(async (tx) => {
    const c = await loadComment(input.commentId, tx)
    if (await findFlag(c._id, openid, tx)) throw conflict('您已举报过该评论')
    await putFlag(tx, { _id: ids.flag(c._id, openid), commentId: c._id, openid, at: now })
    const flags = c.flags + 1
    const hidden = c.hidden || (!c.reviewed && flags >= DELIBERATION_LIMITS.flagsToHide)
    await updateComment(tx, c._id, { flags, hidden })
    return { flags, hidden }
  })
}

export const reviewComment: Handler<'deliberation', 'reviewComment'> = async (input, { caller }) => {
  const found = await loadComment(input.commentId)
  requireStaffOf(caller, found.communityId)
  const c = await inTransaction(async (tx) => {
    const current = await loadComment(input.commentId, tx)
    if (current.removed) throw conflict('该评论已删除')
    const patch = input.decision === 'keep' ? { hidden: false, reviewed: true } : { hidden: true, removed: true, reviewed: true }
    await updateComment(tx, current._id, patch)
    return { ...current, ...patch }
  })
  return commentView(c, true)
}
