// The clocks of a report (docs/pillars/grid-reports.md "Deadlines"): 签收 and 办结 deadlines from the category,
// paused while the report waits for the reporter (待补充), one extension; the whistle's report-in deadline; the
// bounds on an offline report's client time. Pure; overdue is a flag computed from these, never a status.
import { REPORT_LIMITS, type ReportKind, type ReportStatus, type WhistleUrgency } from '../../../../types/schemas/report.labels'
import { invalid } from '../../../_shared/infra/errors'

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

/** The defaults a new category takes (docs/pillars/grid-reports.md): 签收 within 2 hours; 咨询 1 day, 求助/建议 5 days, 投诉/举报 10 days. */
export const DEFAULT_ACCEPT_HOURS = 2
export const DEFAULT_HANDLE_DAYS: Record<ReportKind, number> = { consult: 1, help: 5, suggest: 5, complain: 10, tipoff: 10 }

/** Report-in (报到) deadline after a whistle: 30 minutes for an emergency, 24 hours otherwise. */
export const WHISTLE_REPORT_IN_MS: Record<WhistleUrgency, number> = { emergency: 30 * 60_000, normal: 24 * HOUR_MS }

export interface ClockRules {
  acceptHours: number
  handleDays: number
}

const plus = (d: Date, ms: number) => new Date(d.getTime() + ms)

/** The deadlines of a report received at `receivedAt` (the server's time; an offline report's clock starts on receipt). */
export function initialDeadlines(receivedAt: Date, rules: ClockRules): { acceptDeadline: Date; resolveDeadline: Date } {
  return { acceptDeadline: plus(receivedAt, rules.acceptHours * HOUR_MS), resolveDeadline: plus(receivedAt, rules.handleDays * DAY_MS) }
}

export const reportInDeadline = (whistledAt: Date, urgency: WhistleUrgency, rules = WHISTLE_REPORT_IN_MS) =>
  plus(whistledAt, rules[urgency])

/** The clock fields of a report that the overdue check reads. */
export interface Clock {
  status: ReportStatus
  acceptDeadline: Date
  resolveDeadline: Date
  pausedAt: Date | null
}

/** Whether `now` is past a running deadline: 签收 while submitted, 办结 while open and not yet resolved; a paused clock is never overdue. */
export function isOverdue(r: Clock, now: Date): boolean {
  if (r.pausedAt) return false
  const t = now.getTime()
  switch (r.status) {
    case 'submitted':
      return t > new Date(r.acceptDeadline).getTime() || t > new Date(r.resolveDeadline).getTime()
    case 'accepted':
    case 'inProgress':
    case 'disputed':
      return t > new Date(r.resolveDeadline).getTime()
    default:
      return false
  }
}

/** The deadlines after a pause from `pausedAt` to `now`: both move by the paused time (the accept one only if not yet accepted). */
export function resumed(
  r: { acceptDeadline: Date; resolveDeadline: Date; pausedAt: Date; pausedFrom: ReportStatus | null; pausedMs: number },
  now: Date
): { acceptDeadline: Date; resolveDeadline: Date; pausedMs: number } {
  const paused = Math.max(0, now.getTime() - new Date(r.pausedAt).getTime())
  return {
    acceptDeadline: r.pausedFrom === 'submitted' ? plus(new Date(r.acceptDeadline), paused) : new Date(r.acceptDeadline),
    resolveDeadline: plus(new Date(r.resolveDeadline), paused),
    pausedMs: (r.pausedMs ?? 0) + paused
  }
}

/**
 * An offline report's client time: not ahead of the server by more than the skew, not older than
 * REPORT_LIMITS.offlineMaxAgeHours (a phone kept it without network; older than that it is not a report of now).
 */
export function checkClientTime(clientTime: string | number | undefined, now: Date): Date | null {
  if (clientTime === undefined) return null
  const t = new Date(clientTime)
  const refuse = (message: string) => invalid(message, { fields: [{ path: 'clientTime', message }] })
  if (t.getTime() > now.getTime() + REPORT_LIMITS.clockSkewMinutes * 60_000) throw refuse('上报时间不能晚于当前时间')
  if (t.getTime() < now.getTime() - REPORT_LIMITS.offlineMaxAgeHours * HOUR_MS)
    throw refuse(`离线保存超过${REPORT_LIMITS.offlineMaxAgeHours}小时的随手拍请重新拍摄上报`)
  return t
}

/** Whether a resolved report closes by itself: evidence near the spot, and the reporter silent for autoCloseDays. */
export function autoCloseDue(r: { status: ReportStatus; needsConfirmation: boolean; resolvedAt: Date | null }, now: Date): boolean {
  return (
    r.status === 'resolved' &&
    !r.needsConfirmation &&
    r.resolvedAt !== null &&
    now.getTime() - new Date(r.resolvedAt).getTime() >= REPORT_LIMITS.autoCloseDays * DAY_MS
  )
}

/** Whether staff may decide a resolution without evidence the reporter left unanswered for autoCloseDays. */
export function unansweredWithoutEvidence(
  r: { status: ReportStatus; needsConfirmation: boolean; resolvedAt: Date | null },
  now: Date
): boolean {
  return (
    r.status === 'resolved' &&
    r.needsConfirmation &&
    r.resolvedAt !== null &&
    now.getTime() - new Date(r.resolvedAt).getTime() >= REPORT_LIMITS.autoCloseDays * DAY_MS
  )
}
