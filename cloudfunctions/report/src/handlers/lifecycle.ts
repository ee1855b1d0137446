// The actions that move a report through its lifecycle. Each reads the report inside a transaction, asks the state
// machine for the step (which refuses a stale or impossible one with CONFLICT), and writes it; two handlers acting
// at once are serialised by the transaction, so the second reads the first's result and is refused.
import { iso } from '../../../_shared/domain/dates'
import { fromPoint } from '../../../_shared/docs'
import { conflict, invalid, notFound } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import { sendNotices } from '../../../_shared/infra/notify'
import type { Handler } from '../../../_shared/infra/router'
import type { ReportDoc } from '../docs'
import { placePhotos, type PlacedPhotoInput } from '../domain/evidence'
import { applyReportEvent, type Actor, type EventInput, type Transition } from '../domain/lifecycle'
import { findFollow, followIdFor, inTransaction, loadReport, putFollow, saveReport, updateFollow, type Tx } from '../repo'
import { communityActor, reporterActor, staffActor } from './actors'

export interface Step {
  input: EventInput
  actor: Actor
  /** Further single-document writes that belong to the same transaction. */
  alongside?: (tx: Tx, before: ReportDoc, t: Transition) => Promise<void>
}

/** Reads the report in a transaction, applies the step `decide` picks, writes it (and what goes with it). */
export async function transition(reportId: string, now: Date, decide: (r: ReportDoc, tx: Tx) => Step | Promise<Step>) {
  const done = await inTransaction(async (tx) => {
    const before = await loadReport(reportId, tx)
    const step = await decide(before, tx)
    const t = applyReportEvent(before, step.input, step.actor, now)
    const notices = await saveReport(tx, before, t.patch)
    if (step.alongside) await step.alongside(tx, before, t)
    return { before, t, notices }
  })
  // The reporter's 受理/办结 messages saveReport kept in the transaction go out once it committed.
  await sendNotices(done.notices)
  return { id: reportId, status: done.t.to, before: done.before, t: done.t }
}

const result = ({ id, status }: { id: string; status: ReportDoc['status'] }) => ({ id, status })

/** After-photos placed against the report (evidence), the caller's own uploads only. */
export function evidenceOf(r: ReportDoc, photos: readonly PlacedPhotoInput[], openid: string, now: Date) {
  requireOwnFiles(
    photos.map((p) => p.fileId),
    openid
  )
  return placePhotos(
    photos,
    { location: fromPoint(r.location), submittedAt: r.submittedAt, clientTime: r.clientTime, evidenceRadius: r.evidenceRadius },
    now
  )
}

export const accept: Handler<'report', 'accept'> = async ({ reportId }, { caller, now }) =>
  result(await transition(reportId, now, (r) => ({ actor: communityActor(caller, r), input: { event: 'accept' } })))

export const reject: Handler<'report', 'reject'> = async ({ reportId, reason }, { caller, now }) =>
  result(await transition(reportId, now, (r) => ({ actor: communityActor(caller, r), input: { event: 'reject', reason } })))

export const merge: Handler<'report', 'merge'> = async ({ reportId, duplicateOf }, { caller, now }) => {
  const original = await loadReport(duplicateOf).catch(() => null)
  if (!original) throw notFound('原问题不存在')
  return result(
    await transition(reportId, now, (r) => {
      const actor = communityActor(caller, r)
      if (original.streetId !== r.streetId) throw invalid('只能合并到本街道的问题')
      if (['rejected', 'merged', 'notOurs', 'unsolvable', 'closed'].includes(original.status)) throw conflict('原问题已结束，不能合并')
      return {
        actor,
        input: { event: 'merge', duplicateOf },
        // The duplicate's reporter follows the original from now on (one follow document per person and report).
        alongside: async (tx) => {
          const followId = followIdFor(duplicateOf, r.reporterId)
          const follow = await findFollow(tx, followId)
          if (follow) await updateFollow(tx, followId, { following: true })
          else await putFollow(tx, { _id: followId, reportId: duplicateOf, openid: r.reporterId, plusOne: false, following: true, at: now })
        }
      }
    })
  )
}

export const start: Handler<'report', 'start'> = async ({ reportId, note }, { caller, now }) =>
  result(await transition(reportId, now, (r) => ({ actor: communityActor(caller, r), input: { event: 'start', note } })))

export const requestInfo: Handler<'report', 'requestInfo'> = async ({ reportId, question }, { caller, now }) =>
  result(await transition(reportId, now, (r) => ({ actor: communityActor(caller, r), input: { event: 'requestInfo', question } })))

export const supply: Handler<'report', 'supply'> = async ({ reportId, text, photos }, { caller, now }) =>
  result(
    await transition(reportId, now, (r) => {
      const actor = reporterActor(caller, r)
      requireOwnFiles(photos, actor.who)
      return { actor, input: { event: 'supply', text, photos } }
    })
  )

export const extend: Handler<'report', 'extend'> = async ({ reportId, days, reason }, { caller, now }) => {
  const { id, status, t } = await transition(reportId, now, (r) => ({
    actor: staffActor(caller, r),
    input: { event: 'extend', days, reason }
  }))
  return { id, status, resolveDeadline: iso(t.patch.resolveDeadline as Date) }
}

export const resolve: Handler<'report', 'resolve'> = async ({ reportId, note, photos }, { caller, now }) => {
  const { id, status, t } = await transition(reportId, now, (r) => {
    const actor = communityActor(caller, r)
    const placed = evidenceOf(r, photos, actor.who, now)
    return { actor, input: { event: 'resolve', note, ...placed } }
  })
  return { id, status, near: Boolean(t.patch.evidence?.near), needsConfirmation: Boolean(t.patch.needsConfirmation) }
}

export const confirm: Handler<'report', 'confirm'> = async ({ reportId, solved, rating, comment }, { caller, now }) =>
  result(
    await transition(reportId, now, (r) => ({
      actor: reporterActor(caller, r),
      input: { event: 'confirm', solved, rating, comment: comment || null }
    }))
  )

export const reopen: Handler<'report', 'reopen'> = async ({ reportId, reason }, { caller, now }) => {
  const { id, status, t } = await transition(reportId, now, (r) => ({
    actor: reporterActor(caller, r),
    input: { event: 'reopen', reason }
  }))
  return { id, status, reopens: t.patch.reopens as number }
}

export const decide: Handler<'report', 'decide'> = async ({ reportId, outcome, reason }, { caller, now }) =>
  result(await transition(reportId, now, (r) => ({ actor: staffActor(caller, r), input: { event: 'decide', outcome, reason } })))

export const closeNotOurs: Handler<'report', 'closeNotOurs'> = async ({ reportId, responsible, reason }, { caller, now }) =>
  result(await transition(reportId, now, (r) => ({ actor: staffActor(caller, r), input: { event: 'closeNotOurs', responsible, reason } })))

export const closeUnsolvable: Handler<'report', 'closeUnsolvable'> = async ({ reportId, reason }, { caller, now }) =>
  result(await transition(reportId, now, (r) => ({ actor: staffActor(caller, r), input: { event: 'closeUnsolvable', reason } })))
