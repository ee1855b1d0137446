// What a report tells whom (docs/pillars/grid-reports.md "Messages"): the reporter's three subscription messages —
// 受理 (signed for), 办结 (resolved) and 回访 (asked to answer before the automatic close), one request in the app
// covering all three — and the reminders to the people who handle it. Every message is fixed text plus the category's
// name and a status: nobody's free text (description, reasons, notes) reaches another person, and no message to
// anyone but the reporter says who reported. Pure.
import { NOTICE_REASON_LABELS, type NoticeReason } from '../../../../types/enums'
import { REPORT_STATUS_LABELS } from '../../../../types/schemas/report.labels'
import type { Notice } from '../../../_shared/domain/notices'
import type { ReportDoc, WhistleDoc } from '../docs'

type Facts = Pick<ReportDoc, '_id' | 'reporterId' | 'categoryName' | 'status' | 'history'>

const toReporter = (r: Facts, kind: Notice['kind'], reason: NoticeReason, step: string): Notice => ({
  touser: r.reporterId,
  kind,
  event: `report:${r._id}:${step}`,
  reason,
  target: { page: 'packages/report/detail/index', params: { id: r._id } },
  data: { thing1: r.categoryName, phrase2: REPORT_STATUS_LABELS[r.status], thing3: '' }
})

/** The message's reason field is the notice's fixed sentence. */
const fill = (n: Notice): Notice => ({ ...n, data: { ...n.data, thing3: NOTICE_REASON_LABELS[n.reason] } })

/**
 * The reporter's messages for a write that moved the report from `before` to `after`: 受理 when it is signed for,
 * 办结 when it is resolved (each resolution after a reopen is a new one). The step in the event id keeps a retried
 * transaction from writing a second notice.
 */
export function reporterNotices(before: Pick<ReportDoc, 'status'> | null, after: Facts): Notice[] {
  if (!before || before.status === after.status) return []
  const step = String(after.history.length)
  if (after.status === 'accepted') return [fill(toReporter(after, 'reportAccepted', 'reportAccepted', step))]
  if (after.status === 'resolved') return [fill(toReporter(after, 'reportResolved', 'reportResolved', step))]
  return []
}

/** 回访: a day before the automatic close, the reporter is asked once per resolution to answer. */
export const reviewNotice = (r: Facts & Pick<ReportDoc, 'resolvedAt'>): Notice =>
  fill(toReporter(r, 'reportReview', 'reportReview', `review:${new Date(r.resolvedAt ?? 0).getTime()}`))

/** A reminder to the people handling a report (its grid's workers, its community's staff): no reporter, no free text. */
export function overdueReminders(
  r: Pick<ReportDoc, '_id' | 'categoryName' | 'status'>,
  recipients: readonly string[],
  reason: Extract<NoticeReason, 'reportSignOverdue' | 'reportOverdue'>
): Notice[] {
  return recipients.map((touser) =>
    fill({
      touser,
      kind: 'reportOverdue',
      event: `report:${r._id}:${reason}`,
      reason,
      target: { page: 'packages/workbench/report/index', params: { id: r._id } },
      data: { thing1: r.categoryName, phrase2: REPORT_STATUS_LABELS[r.status], thing3: '' }
    })
  )
}

/** The department's handlers are told their report-in is late. */
export function whistleReminders(w: Pick<WhistleDoc, '_id' | 'reportId'>, categoryName: string, recipients: readonly string[]): Notice[] {
  return recipients.map((touser) =>
    fill({
      touser,
      kind: 'whistleOverdue',
      event: `whistle:${w._id}:late`,
      reason: 'whistleOverdue',
      target: { page: 'packages/workbench/report/index', params: { id: w.reportId } },
      data: { thing1: categoryName, phrase2: '待报到', thing3: '' }
    })
  )
}
