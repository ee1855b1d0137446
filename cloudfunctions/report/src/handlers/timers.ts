// The platform's timers (config.json; run as the system caller, never by a person): overdue flags with their
// reminders, the whistle report-in deadline, the 回访 reminder and the automatic close after 3 days without the
// reporter's answer (closed, counted as not rated). Each report is re-read and re-checked inside its own
// transaction, so a run that races a handler, or a second run, changes nothing twice.
import { REPORT_LIMITS } from '../../../../types/schemas/report.labels'
import type { Notice } from '../../../_shared/domain/notices'
import { keepNotices, sendNotices } from '../../../_shared/infra/notify'
import type { Handler } from '../../../_shared/infra/router'
import type { ReportDoc } from '../docs'
import { autoCloseDue, DAY_MS } from '../domain/deadlines'
import { applyReportEvent } from '../domain/lifecycle'
import { overdueReminders, reviewNotice, whistleReminders } from '../domain/messages'
import {
  findReport as loadInTx,
  inTransaction,
  saveReport,
  saveWhistle,
  categoryNameOf,
  findWhistle,
  handlersOf,
  markReminder,
  resolvedBefore,
  targetsOf,
  unresolvedPastDeadline,
  unsignedPastDeadline,
  whistlesPastReportIn
} from '../repo'
import { SYSTEM_ACTOR } from './actors'

type Flag = (r: ReportDoc, now: Date) => Partial<ReportDoc> | null

/** The signing deadline passed with nobody answering: 响应率 counts it missed from now on. */
const signFlag: Flag = (r, now) =>
  r.status === 'submitted' && r.acceptedOnTime === null && new Date(r.acceptDeadline) < now
    ? { acceptedOnTime: false, overdue: true }
    : null

/** The 办结 deadline passed unresolved (a paused report is not running late): the moment is kept for the figures. */
const handleFlag: Flag = (r, now) =>
  ['submitted', 'accepted', 'inProgress', 'disputed'].includes(r.status) && !r.overdueAt && new Date(r.resolveDeadline) < now
    ? { overdueAt: new Date(r.resolveDeadline), overdue: true }
    : null

/** Flags one report if it still needs it, with its reminders; answers whether it did. */
async function flag(id: string, rule: Flag, reminders: (r: ReportDoc) => Notice[], now: Date, sent: Notice[]): Promise<boolean> {
  const notices = await inTransaction(async (tx) => {
    const r = await loadInTx(id, tx)
    const patch = r && rule(r, now)
    if (!r || !patch) return null
    await saveReport(tx, r, { ...patch, version: (r.version ?? 0) + 1, updatedAt: now }, now)
    const out = reminders(r)
    await keepNotices(tx, out, now)
    return out
  })
  if (notices) sent.push(...notices)
  return notices !== null
}

export const overdueSweep: Handler<'report', 'overdueSweep'> = async (_input, { now }) => {
  const sent: Notice[] = []
  let signOverdue = 0
  let overdue = 0
  let whistlesOverdue = 0
  for (const r of await unsignedPastDeadline(now)) {
    const to = await handlersOf(r)
    if (await flag(r._id, signFlag, (x) => overdueReminders(x, to, 'reportSignOverdue'), now, sent)) signOverdue++
  }
  for (const r of await unresolvedPastDeadline(now)) {
    const to = await handlersOf(r)
    if (await flag(r._id, handleFlag, (x) => overdueReminders(x, to, 'reportOverdue'), now, sent)) overdue++
  }
  for (const w of await whistlesPastReportIn(now)) {
    const [to, category] = await Promise.all([targetsOf(w), categoryNameOf(w.reportId)])
    const notices = await inTransaction(async (tx) => {
      const cur = await findWhistle(w._id, tx)
      if (!cur || cur.status !== 'open' || cur.reportedInOnTime !== null || new Date(cur.reportInDeadline) >= now) return null
      await saveWhistle(tx, cur, { reportedInOnTime: false, version: (cur.version ?? 0) + 1, updatedAt: now })
      const out = whistleReminders(cur, category, to)
      await keepNotices(tx, out, now)
      return out
    })
    if (notices) {
      whistlesOverdue++
      sent.push(...notices)
    }
  }
  await sendNotices(sent)
  return { signOverdue, overdue, whistlesOverdue, reminders: sent.length }
}

/** 回访 goes out a day before the automatic close. */
const REVIEW_AFTER_MS = (REPORT_LIMITS.autoCloseDays - 1) * DAY_MS

export const autoClose: Handler<'report', 'autoClose'> = async (_input, { now }) => {
  const sent: Notice[] = []
  let closed = 0
  let reminded = 0
  for (const r of await resolvedBefore(new Date(now.getTime() - REVIEW_AFTER_MS))) {
    if (autoCloseDue(r, now)) {
      const notices = await inTransaction(async (tx) => {
        const cur = await loadInTx(r._id, tx)
        if (!cur || !autoCloseDue(cur, now)) return null
        return saveReport(tx, cur, applyReportEvent(cur, { event: 'autoClose' }, SYSTEM_ACTOR, now).patch, now)
      })
      if (notices) {
        closed++
        sent.push(...notices)
      }
    } else if (r.resolvedAt) {
      const notice = reviewNotice(r)
      const fresh = await inTransaction(async (tx) => {
        const cur = await loadInTx(r._id, tx)
        if (!cur || cur.status !== 'resolved' || String(cur.resolvedAt) !== String(r.resolvedAt)) return false
        if (!(await markReminder(tx, `review_${r._id}_${new Date(r.resolvedAt!).getTime()}`, now))) return false
        await keepNotices(tx, [notice], now)
        return true
      })
      if (fresh) {
        reminded++
        sent.push(notice)
      }
    }
  }
  await sendNotices(sent)
  return { closed, reminded }
}
