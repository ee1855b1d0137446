// Outcome: 公示 for at least 5 working days with objections, the resolution, implementation steps followed to
// done, and the hand-off marker to a community project (pillar 7) (docs/pillars/deliberation.md, "Outcome").
import { addWorkingDays } from '../../../_shared/domain/holidays'
import { hasGrant, isStaffOf, personOf, requireStaffOf } from '../../../_shared/infra/auth'
import { denied, conflict, invalid } from '../../../_shared/infra/errors'
import {
  loadCommunity,
  allTopicsOf,
  closedVotesOf,
  createObjection,
  duePublicity,
  ids,
  inTransaction,
  loadTopic,
  updateTopic
} from '../repo'
import { requireOwnFiles } from '../../../_shared/infra/files'
import type { Handler } from '../../../_shared/infra/router'
import { DELIBERATION_LIMITS } from '../../../../types/schemas/deliberation'
import type { ObjectionDoc, TopicStep } from '../docs'
import { transition } from '../domain/topic'
import { figures } from '../domain/figures'
import { topicView } from '../views'
import { requireResidentIn } from './access'

const at = (d: Date | string | number) => new Date(d).getTime()

export const publish: Handler<'deliberation', 'publish'> = async (input, { caller, now }) => {
  const found = await loadTopic(input.topicId)
  requireStaffOf(caller, found.communityId)
  const topic = await inTransaction(async (tx) => {
    const t = await loadTopic(input.topicId, tx)
    const patch = {
      ...transition(t, 'publish', caller.openid, now, null),
      publicUntil: addWorkingDays(now, DELIBERATION_LIMITS.publicityWorkingDays)
    }
    await updateTopic(tx, t._id, patch)
    return { ...t, ...patch }
  })
  return topicView(topic, false)
}

export const object: Handler<'deliberation', 'object'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const found = await loadTopic(input.topicId)
  await requireResidentIn(caller, found)
  return inTransaction(async (tx) => {
    const t = await loadTopic(input.topicId, tx)
    if (t.status !== 'publicizing' || !t.publicUntil || at(t.publicUntil) <= now.getTime()) throw conflict('公示期已结束或尚未开始')
    const doc: ObjectionDoc = { _id: ids.objection(openid, input.requestId), topicId: t._id, openid, text: input.text, at: now }
    const stored = await createObjection(tx, doc, fingerprint)
    if (stored !== doc) return { objections: t.objections }
    await updateTopic(tx, t._id, { objections: t.objections + 1 })
    return { objections: t.objections + 1 }
  })
}

export const endPublicity: Handler<'deliberation', 'endPublicity'> = async (_input, { caller, now }) => {
  let ended = 0
  for (const due of await duePublicity(now)) {
    if (!caller.system && !isStaffOf(caller, due.communityId)) continue
    const done = await inTransaction(async (tx) => {
      const t = await loadTopic(due._id, tx)
      if (t.status !== 'publicizing' || !t.publicUntil || at(t.publicUntil) > now.getTime()) return false
      await updateTopic(tx, t._id, transition(t, 'endPublicity', 'system', now, `公示结束，异议${t.objections}条`))
      return true
    })
    if (done) ended++
  }
  return { ended }
}

export const resolve: Handler<'deliberation', 'resolve'> = async (input, { caller, now }) => {
  const found = await loadTopic(input.topicId)
  requireStaffOf(caller, found.communityId)
  const steps: TopicStep[] = input.steps.map((title) => ({ title, progress: 0, note: null, photos: [], doneAt: null }))
  const topic = await inTransaction(async (tx) => {
    const t = await loadTopic(input.topicId, tx)
    const patch = {
      ...transition(t, steps.length ? 'resolveWithSteps' : 'resolveDone', caller.openid, now, null),
      resolution: input.resolution,
      steps
    }
    await updateTopic(tx, t._id, patch)
    return { ...t, ...patch }
  })
  return topicView(topic, false)
}

export const progress: Handler<'deliberation', 'progress'> = async (input, { caller, now }) => {
  const found = await loadTopic(input.topicId)
  requireStaffOf(caller, found.communityId)
  requireOwnFiles(input.photos, caller.openid, { kept: found.steps[input.step]?.photos ?? [] })
  const topic = await inTransaction(async (tx) => {
    const t = await loadTopic(input.topicId, tx)
    if (t.status !== 'implementing') throw conflict('议题不在实施中')
    const step = t.steps[input.step]
    if (!step) throw invalid('实施步骤不存在', { fields: [{ path: 'step', message: '实施步骤不存在' }] })
    const steps = t.steps.map((s, i) =>
      i === input.step
        ? {
            ...s,
            progress: input.progress,
            note: input.note ?? s.note,
            photos: input.photos.length ? input.photos : s.photos,
            doneAt: input.progress === 100 ? (s.doneAt ?? now) : null
          }
        : s
    )
    const finished = steps.every((s) => s.progress === 100)
    const patch = { steps, ...(finished ? transition(t, 'finish', caller.openid, now, '全部实施步骤已完成') : {}) }
    await updateTopic(tx, t._id, patch)
    return { ...t, ...patch }
  })
  return topicView(topic, false)
}

/** Marks the topic for pillar 7 (a community project); the project itself is created there. */
export const handOff: Handler<'deliberation', 'handOff'> = async (input, { caller, now }) => {
  const found = await loadTopic(input.topicId)
  requireStaffOf(caller, found.communityId)
  const topic = await inTransaction(async (tx) => {
    const t = await loadTopic(input.topicId, tx)
    if (!['resolving', 'implementing', 'done'].includes(t.status)) throw conflict('议题形成决议后才能转为社区项目')
    if (t.projectHandoff) throw conflict('该议题已转为社区项目')
    const patch = { projectHandoff: { at: now, by: caller.openid } }
    await updateTopic(tx, t._id, patch)
    return { ...t, ...patch }
  })
  return topicView(topic, false)
}

/** The pillar's figures for a community: its staff, or the admin of its street. */
export const stats: Handler<'deliberation', 'stats'> = async (input, { caller }) => {
  const community = await loadCommunity(input.communityId)
  if (!isStaffOf(caller, input.communityId) && !(community && hasGrant(caller, 'streetAdmin', { streetId: community.streetId }))) {
    throw denied('只有本社区工作人员或街道管理员可以查看')
  }
  const closed = (await closedVotesOf(input.communityId)).filter((v) => v.result)
  return figures(await allTopicsOf(input.communityId), closed)
}
