// How reports read on screen: status tone, deadlines as people count them, the timeline's actor. Pure.
import { REPORT_STATUS_LABELS, type ReportStatus } from '@contract/schemas/report.labels'
import type { ReportDeadlines, ReportTimelineEntry } from '@contract/schemas/report'
import { dayjs } from '@/utils/date'
import { formatDistance as formatMeters } from '@/utils/distance'

export type StatusTone = 'waiting' | 'active' | 'check' | 'done' | 'closed'

const TONES: Record<ReportStatus, StatusTone> = {
  submitted: 'waiting',
  accepted: 'active',
  inProgress: 'active',
  waitingInfo: 'check',
  resolved: 'check',
  disputed: 'check',
  closed: 'done',
  rejected: 'closed',
  merged: 'closed',
  notOurs: 'closed',
  unsolvable: 'closed'
}

export const statusTone = (s: ReportStatus): StatusTone => TONES[s] ?? 'closed'
export const statusLabel = (s: ReportStatus): string => REPORT_STATUS_LABELS[s] ?? s

/** 80 → 80米; 1234 → 1.2公里; null → null. */
export const formatDistance = (meters: number | null): string | null =>
  meters === null || !Number.isFinite(meters) ? null : formatMeters(meters, 10)

/** 还剩3小时 / 还剩2天 / 已超期1天, from a deadline; null without one. */
export function formatDue(iso: string | null, now: Date = new Date()): string | null {
  if (!iso) return null
  const due = dayjs(iso)
  const minutes = due.diff(now, 'minute')
  const span = (m: number) =>
    m >= 24 * 60 ? `${Math.floor(m / (24 * 60))}天` : m >= 60 ? `${Math.floor(m / 60)}小时` : `${Math.max(1, m)}分钟`
  return minutes < 0 ? `已超期${span(-minutes)}` : `还剩${span(minutes)}`
}

/** The line under a report about its clock: 签收/办结 deadline, paused, overdue. */
export function deadlineLine(status: ReportStatus, d: ReportDeadlines, now: Date = new Date()): string | null {
  if (d.paused) return '等待补充材料，办理时限暂停计算'
  if (status === 'submitted' && d.accept) return `签收时限：${formatDue(d.accept, now)}`
  if ((status === 'accepted' || status === 'inProgress') && d.resolve) {
    return `办结时限：${formatDue(d.resolve, now)}${d.extended ? '（已延期）' : ''}`
  }
  return d.overdue ? '已超期' : null
}

/** The actor as the timeline shows it: the role, and the name for those allowed to see it. */
export const actorOf = (e: Pick<ReportTimelineEntry, 'actor' | 'actorName'>): string =>
  e.actorName ? `${e.actor} ${e.actorName}` : e.actor
