// Stored shapes of the grid-report pillar (docs/pillars/grid-reports.md). They live in _shared/docs because the
// figures, timers and patrols read them too. Public fields sit at the top level; the reporter's identity lives in
// `reporterId`/`reporter`, which only report/src/views.ts may read (and never into a public answer).
import type {
  DepartmentKind,
  ReportCloseKind,
  ReportKind,
  ReportRating,
  ReportStatus,
  WhistleStatus,
  WhistleUrgency
} from '../../../types/schemas/report.labels'
import type { GeoPoint } from '.'

/** Who acted, in what capacity. */
export type ReportActorRole = 'resident' | 'gridWorker' | 'staff' | 'deptHandler' | 'streetAdmin' | 'system'

/** The events of the report state machine (report/src/domain/lifecycle.ts). */
export const REPORT_EVENTS = [
  'submit',
  'accept',
  'reject',
  'merge',
  'start',
  'requestInfo',
  'supply',
  'extend',
  'whistle',
  'resolve',
  'confirm',
  'reopen',
  'autoClose',
  'decide',
  'closeNotOurs',
  'closeUnsolvable'
] as const
export type ReportEvent = (typeof REPORT_EVENTS)[number]

/** One step, recorded for ever: who, when, from, to, why. `extend` and `whistle` keep the status (from = to). */
export interface ReportHistoryEntry {
  at: Date
  event: ReportEvent
  /** openid, or 'system' for a timer. */
  who: string
  role: ReportActorRole
  /** The actor's display name at the time (staff and handlers see it; residents see the role only). */
  name: string | null
  from: ReportStatus | null
  to: ReportStatus
  why: string | null
}

/** A photo with the place and time the phone recorded when it was taken. */
export interface PlacedPhotoDoc {
  fileId: string
  location: GeoPoint
  takenAt: Date
  /** Meters from the report's location. */
  distance: number
}

/**
 * A configurable category of the tree (one collection for the whole district; `streetId` null = every street).
 * A leaf carries the rules; a parent only groups.
 */
export interface ReportCategoryDoc {
  _id: string
  parentId: string | null
  streetId: string | null
  name: string
  kind: ReportKind
  leaf: boolean
  order: number
  /** 签收 within this many hours of receipt. */
  acceptHours: number
  /** 办结 within this many days of receipt. */
  handleDays: number
  /** Open reports of this category within this many meters are offered as duplicates. */
  duplicateRadius: number
  /** After-photos within this many meters of the report are evidence. */
  evidenceRadius: number
  /** The department that usually owns it (the whistle form preselects it). */
  departmentKind: DepartmentKind | null
  active: boolean
}

/** A street's department or service company (城管, 住建, 供水 …); handlers hold deptHandler with its id. */
export interface DepartmentDoc {
  _id: string
  streetId: string
  kind: DepartmentKind
  name: string
  phone: string | null
}

export interface ReportDoc {
  _id: string
  /** Bumped by every write; a conditional update on it makes two handlers acting at once see CONFLICT. */
  version: number
  categoryId: string
  /** Snapshots of the category at receipt (the tree may change later; the report keeps its rules). */
  categoryName: string
  kind: ReportKind
  departmentKind: DepartmentKind | null
  duplicateRadius: number
  evidenceRadius: number
  description: string
  photos: string[]
  location: GeoPoint
  place: string | null
  compoundId: string | null
  gridId: string
  communityId: string
  streetId: string
  visibility: 'public' | 'private'
  showName: boolean
  status: ReportStatus
  /** The reporter's openid: never in a public answer. */
  reporterId: string
  /** Masked name (陈**) shown publicly only when showName; the full name and phone for staff/handlers. */
  reporter: { display: string; name: string; phone: string | null }
  /** Offline report: the phone's time (bounded, see SubmitInput); receipt is `submittedAt`. */
  clientTime: Date | null
  patrolId: string | null
  /** Server receipt; the clocks run from it. */
  submittedAt: Date
  updatedAt: Date
  acceptedAt: Date | null
  acceptedBy: string | null
  startedAt: Date | null
  resolvedAt: Date | null
  closedAt: Date | null
  /** 签收 deadline: submittedAt + acceptHours (+ pauses before acceptance). */
  acceptDeadline: Date
  /** 办结 deadline: submittedAt + handleDays (+ pauses, + the extension). */
  resolveDeadline: Date
  /**
   * Answered flags for the figures. `acceptedOnTime`: the first response (accept, reject, merge, not-ours, a request
   * for information) came within the 签收 deadline; set once (OPS's timer sets false when the deadline passes unanswered).
   * `resolvedOnTime`: resolved or closed (solved or not) within the 办结 deadline.
   */
  acceptedOnTime: boolean | null
  resolvedOnTime: boolean | null
  /** 待补充: when the clock stopped, the status it stopped in, the total paused time so far. */
  pausedAt: Date | null
  pausedFrom: ReportStatus | null
  pausedMs: number
  info: { question: string; askedAt: Date; answer: string | null; photos: string[]; answeredAt: Date | null } | null
  extension: { days: number; reason: string; by: string; at: Date } | null
  evidence: { note: string; photos: PlacedPhotoDoc[]; near: boolean; at: Date; by: string; role: ReportActorRole } | null
  /** A resolution without evidence: only the reporter (or staff deciding) may close it; never closed automatically. */
  needsConfirmation: boolean
  reopens: number
  reopenReasons: Array<{ at: Date; reason: string }>
  /** The reporter's answer (回访): solved or not, and the rating. Null = not answered (auto-closed: not rated). */
  answer: { solved: boolean; rating: ReportRating; comment: string | null; at: Date } | null
  closeKind: ReportCloseKind | null
  closeReason: string | null
  /** notOurs: who is responsible. */
  responsible: string | null
  duplicateOf: string | null
  /** 我也遇到 count, kept with the follow documents in one transaction. */
  plusOnes: number
  /** The open whistle, if any (one at a time). */
  whistleId: string | null
  /** Department of the open or last resolved whistle (the department's figures). */
  departmentId: string | null
  /** Set by the timers (OPS) for queues and the map; the domain computes it from the deadlines too. */
  overdue: boolean
  /** The missed 办结 deadline, set by OPS's timer with `overdue` and never cleared (the figures need the moment). */
  overdueAt: Date | null
  history: ReportHistoryEntry[]
  requestFingerprint?: string
}

/** 我也遇到 / following: one per person per report; `_id` = opaqueId('rf', reportId, openid) (race-safe). */
export interface ReportFollowDoc {
  _id: string
  reportId: string
  openid: string
  /** The person pressed 我也遇到 (the reporter follows their own report without a +1). */
  plusOne: boolean
  following: boolean
  at: Date
}

export interface WhistleLogEntry {
  at: Date
  side: 'community' | 'department'
  who: string
  name: string | null
  text: string
  photos: string[]
}

export interface WhistleRating {
  score: number
  comment: string | null
  by: string
  at: Date
}

/** A whistle (吹哨): `_id` = opaqueId('wh', openid, requestId). */
export interface WhistleDoc {
  _id: string
  version: number
  reportId: string
  communityId: string
  streetId: string
  gridId: string
  target: { kind: 'street' | 'department'; departmentId: string | null; name: string }
  urgency: WhistleUrgency
  reason: string
  status: WhistleStatus
  whistledBy: string
  whistledAt: Date
  /** 30 minutes for emergencies, 24 hours otherwise (configurable in report/src/domain/deadlines.ts). */
  reportInDeadline: Date
  reportedInAt: Date | null
  reportedInBy: string | null
  /** Set once: at 报到, or false by OPS's timer when the deadline passes first. */
  reportedInOnTime: boolean | null
  handedBackAt: Date | null
  handedBackReason: string | null
  resolvedAt: Date | null
  log: WhistleLogEntry[]
  ratings: { byCommunity: WhistleRating | null; byDepartment: WhistleRating | null }
  updatedAt: Date
  requestFingerprint?: string
}
