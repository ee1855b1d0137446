// Whistles (吹哨报到): staff blow the whistle to the street or a department with a report-in deadline; the target
// reports in, works with the community in a shared log, hands back with a reason or resolves (which resolves the
// report); both sides rate each other once.
import { personOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, denied, invalid, precondition } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import { assertSameRequest } from '../../../_shared/infra/ids'
import type { Handler } from '../../../_shared/infra/router'
import type { WhistleDoc, WhistleLogEntry } from '../docs'
import { handlesInCommunity, isStaffFor, isTargetOf } from '../domain/access'
import { reportInDeadline } from '../domain/deadlines'
import { applyReportEvent } from '../domain/lifecycle'
import { REPORT_LIMITS, type WhistleStatus } from '../../../../types/schemas/report.labels'
import {
  communityNames,
  findWhistle,
  inTransaction,
  loadDepartment,
  loadReport,
  loadWhistle,
  saveReport,
  saveWhistle,
  whistleIdFor,
  type Tx
} from '../repo'
import { toCard, toWhistleView } from '../views'
import { staffActor, targetActor } from './actors'
import { evidenceOf } from './lifecycle'

const STREET_TARGET_NAME = '街道'

async function answer(w: WhistleDoc, now: Date, caller: Caller) {
  const r = await loadReport(w.reportId)
  const names = await communityNames([r.communityId])
  return toWhistleView(w, { names: true, report: toCard(r, names.get(r.communityId) ?? '', now), now, grants: caller.grants })
}

/**
 * Reads the whistle in a transaction; `authorize` refuses a caller who is not a party to it (before the status is
 * looked at), then the status must be one of `from`, then `change` gives the fields to write (and writes what goes
 * with them in the same transaction).
 */
async function step<A>(
  whistleId: string,
  from: readonly WhistleStatus[],
  authorize: (w: WhistleDoc) => A,
  change: (w: WhistleDoc, tx: Tx, who: A) => Partial<WhistleDoc> | Promise<Partial<WhistleDoc>>
): Promise<WhistleDoc> {
  return inTransaction(async (tx) => {
    const w = await loadWhistle(whistleId, tx)
    const who = authorize(w)
    if (!from.includes(w.status)) throw conflict('该吹哨事项刚刚已被处理，请刷新后查看')
    const patch = await change(w, tx, who)
    const next = { ...w, ...patch, version: (w.version ?? 0) + 1 }
    await saveWhistle(tx, w, { ...patch, version: next.version })
    return next
  })
}

const nameOf = (caller: Caller) => caller.user?.realName || caller.user?.nickName || null

export const whistle: Handler<'report', 'whistle'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  const id = whistleIdFor(openid, input.requestId)
  const first = await loadReport(input.reportId)
  const department = input.target.kind === 'department' ? await loadDepartment(input.target.departmentId) : null
  if (input.target.kind === 'department' && (!department || department.streetId !== first.streetId))
    throw invalid('请选择本街道的部门', { fields: [{ path: 'target.departmentId', message: '请选择本街道的部门' }] })
  const target = { kind: input.target.kind, departmentId: department?._id ?? null, name: department?.name ?? STREET_TARGET_NAME }
  const w = await inTransaction(async (tx) => {
    const earlier = await findWhistle(id, tx)
    if (earlier) {
      assertSameRequest(earlier, fingerprint)
      return earlier
    }
    const r = await loadReport(input.reportId, tx)
    const actor = staffActor(caller, r)
    const t = applyReportEvent(
      r,
      { event: 'whistle', whistleId: id, departmentId: target.departmentId, targetName: target.name, reason: input.reason },
      actor,
      now
    )
    const doc: WhistleDoc = {
      _id: id,
      version: 1,
      reportId: r._id,
      communityId: r.communityId,
      streetId: r.streetId,
      gridId: r.gridId,
      target,
      urgency: input.urgency,
      reason: input.reason,
      status: 'open',
      whistledBy: openid,
      whistledAt: now,
      reportInDeadline: reportInDeadline(now, input.urgency),
      reportedInAt: null,
      reportedInBy: null,
      reportedInOnTime: null,
      handedBackAt: null,
      handedBackReason: null,
      resolvedAt: null,
      log: [],
      ratings: { byCommunity: null, byDepartment: null },
      updatedAt: now,
      requestFingerprint: fingerprint
    }
    await saveReport(tx, r, t.patch)
    await saveWhistle(tx, null, doc)
    return doc
  })
  return answer(w, now, caller)
}

export const reportIn: Handler<'report', 'reportIn'> = async ({ whistleId }, { caller, now }) => {
  const w = await step(
    whistleId,
    ['open'],
    (w) => targetActor(caller, w),
    (w, _tx, actor) => {
      return {
        status: 'reportedIn',
        reportedInAt: now,
        reportedInBy: actor.who,
        reportedInOnTime: w.reportedInOnTime ?? now.getTime() <= new Date(w.reportInDeadline).getTime(),
        updatedAt: now
      }
    }
  )
  return answer(w, now, caller)
}

export const whistleLog: Handler<'report', 'whistleLog'> = async ({ whistleId, text, photos }, { caller, now }) => {
  const side = (w: WhistleDoc) => {
    const community = handlesInCommunity(caller.grants, w)
    if (!community && !isTargetOf(caller.grants, w)) throw denied('只有吹哨双方可以记录')
    return community ? ('community' as const) : ('department' as const)
  }
  const w = await step(whistleId, ['open', 'reportedIn'], side, (w, _tx, by) => {
    const openid = personOf(caller)
    if (by === 'department' && w.status !== 'reportedIn') throw precondition('请先报到')
    if (w.log.length >= REPORT_LIMITS.logEntries) throw precondition(`协同记录最多${REPORT_LIMITS.logEntries}条`)
    requireOwnFiles(photos, openid)
    const entry: WhistleLogEntry = { at: now, side: by, who: openid, name: nameOf(caller), text, photos }
    return { log: [...w.log, entry], updatedAt: now }
  })
  return answer(w, now, caller)
}

/** The report's whistle ends (handed back or resolved): it may be whistled again or handled by the community. */
async function releaseReport(tx: Tx, reportId: string, whistleId: string, now: Date) {
  const r = await loadReport(reportId, tx)
  if (r.whistleId === whistleId)
    await saveReport(tx, r, { whistleId: null, departmentId: null, version: (r.version ?? 0) + 1, updatedAt: now })
}

export const handBack: Handler<'report', 'handBack'> = async ({ whistleId, reason }, { caller, now }) => {
  const w = await step(
    whistleId,
    ['open', 'reportedIn'],
    (w) => targetActor(caller, w),
    async (w, tx) => {
      await releaseReport(tx, w.reportId, w._id, now)
      return { status: 'handedBack', handedBackAt: now, handedBackReason: reason, updatedAt: now }
    }
  )
  return answer(w, now, caller)
}

export const whistleResolve: Handler<'report', 'whistleResolve'> = async ({ whistleId, note, photos }, { caller, now }) => {
  let outcome = { near: false, needsConfirmation: false }
  const w = await step(
    whistleId,
    ['reportedIn'],
    (w) => targetActor(caller, w),
    async (w, tx, actor) => {
      const r = await loadReport(w.reportId, tx)
      const placed = evidenceOf(r, photos, actor.who, now)
      const t = applyReportEvent(r, { event: 'resolve', note, ...placed, viaWhistle: w._id }, actor, now)
      await saveReport(tx, r, t.patch)
      outcome = { near: placed.near, needsConfirmation: !placed.near }
      return { status: 'resolved', resolvedAt: now, updatedAt: now }
    }
  )
  return { ...(await answer(w, now, caller)), ...outcome }
}

export const rateWhistle: Handler<'report', 'rateWhistle'> = async ({ whistleId, score, comment }, { caller, now }) => {
  const side = (w: WhistleDoc) => {
    if (isStaffFor(caller.grants, w.communityId)) return 'community' as const
    if (isTargetOf(caller.grants, w)) return 'department' as const
    throw denied('只有吹哨双方可以评价')
  }
  const w = await step(whistleId, ['resolved', 'handedBack'], side, (w, _tx, by) => {
    const rating = { score, comment: comment || null, by: personOf(caller), at: now }
    if (by === 'community') {
      if (w.ratings.byCommunity) throw conflict('已评价过该部门')
      return { ratings: { ...w.ratings, byCommunity: rating }, updatedAt: now }
    }
    if (w.ratings.byDepartment) throw conflict('已评价过该社区')
    return { ratings: { ...w.ratings, byDepartment: rating }, updatedAt: now }
  })
  return answer(w, now, caller)
}
