// The report lifecycle (docs/pillars/grid-reports.md). Every change goes through `applyReportEvent`, which refuses
// anything outside TRANSITIONS (CONFLICT) or its guard, and records who, when, from, to and why in `history`.
import {
  REPORT_LIMITS,
  REPORT_RATING_LABELS,
  REPORT_STATUS_LABELS,
  type ReportRating,
  type ReportStatus
} from '../../../../types/schemas/report.labels'
import { conflict, precondition } from '../../../_shared/infra/errors'
import type { PlacedPhotoDoc, ReportActorRole, ReportDoc, ReportEvent, ReportHistoryEntry } from '../docs'
import { autoCloseDue, DAY_MS, resumed, unansweredWithoutEvidence } from './deadlines'

export { REPORT_EVENTS } from '../docs'
export type { ReportEvent } from '../docs'

/** Where each event may start, and where it leads ('same' keeps the status, 'computed' depends on the report). */
export const TRANSITIONS: Record<
  Exclude<ReportEvent, 'submit'>,
  { from: readonly ReportStatus[]; to: ReportStatus | 'same' | 'computed' }
> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  merge: { from: ['submitted', 'accepted'], to: 'merged' },
  start: { from: ['accepted'], to: 'inProgress' },
  requestInfo: { from: ['submitted', 'accepted', 'inProgress'], to: 'waitingInfo' },
  /** Back to the status the clock stopped in. */
  supply: { from: ['waitingInfo'], to: 'computed' },
  extend: { from: ['accepted', 'inProgress', 'waitingInfo'], to: 'same' },
  whistle: { from: ['accepted', 'inProgress'], to: 'inProgress' },
  resolve: { from: ['inProgress'], to: 'resolved' },
  confirm: { from: ['resolved'], to: 'closed' },
  /** inProgress while reopens remain, disputed (staff decide) after REPORT_LIMITS.reopens. */
  reopen: { from: ['resolved'], to: 'computed' },
  autoClose: { from: ['resolved'], to: 'closed' },
  /** closed or inProgress (rework), as staff decide. */
  decide: { from: ['disputed', 'resolved'], to: 'computed' },
  closeNotOurs: { from: ['submitted', 'accepted', 'inProgress'], to: 'notOurs' },
  closeUnsolvable: { from: ['accepted', 'inProgress', 'waitingInfo', 'disputed'], to: 'unsolvable' }
}
export type TransitionEvent = keyof typeof TRANSITIONS
export const TRANSITION_EVENTS = Object.keys(TRANSITIONS) as TransitionEvent[]

/** Every (from, to) a history may show; nothing else ever appears. */
export const ALLOWED_STEPS: ReadonlySet<string> = new Set([
  'submitted>accepted',
  'submitted>rejected',
  'submitted>merged',
  'accepted>merged',
  'accepted>inProgress',
  'submitted>waitingInfo',
  'accepted>waitingInfo',
  'inProgress>waitingInfo',
  'waitingInfo>submitted',
  'waitingInfo>accepted',
  'waitingInfo>inProgress',
  'accepted>accepted',
  'inProgress>inProgress',
  'waitingInfo>waitingInfo',
  'inProgress>resolved',
  'resolved>closed',
  'resolved>inProgress',
  'resolved>disputed',
  'disputed>closed',
  'disputed>inProgress',
  'submitted>notOurs',
  'accepted>notOurs',
  'inProgress>notOurs',
  'accepted>unsolvable',
  'inProgress>unsolvable',
  'waitingInfo>unsolvable',
  'disputed>unsolvable'
])
export const isAllowedStep = (from: ReportStatus | null, to: ReportStatus) =>
  from === null ? to === 'submitted' : ALLOWED_STEPS.has(`${from}>${to}`)

export interface Actor {
  who: string
  role: ReportActorRole
  name: string | null
}

/** Event-specific data each event needs. */
export type EventInput =
  | { event: 'accept' }
  | { event: 'reject'; reason: string }
  | { event: 'merge'; duplicateOf: string }
  | { event: 'start'; note?: string }
  | { event: 'requestInfo'; question: string }
  | { event: 'supply'; text: string; photos: string[] }
  | { event: 'extend'; days: number; reason: string }
  | { event: 'whistle'; whistleId: string; departmentId: string | null; targetName: string; reason: string }
  /** `viaWhistle`: the open whistle's id when its department resolves (the only resolve an open whistle allows). */
  | { event: 'resolve'; note: string; photos: PlacedPhotoDoc[]; near: boolean; viaWhistle?: string }
  | { event: 'confirm'; solved: boolean; rating: ReportRating; comment: string | null }
  | { event: 'reopen'; reason: string }
  | { event: 'autoClose' }
  | { event: 'decide'; outcome: 'close' | 'rework'; reason: string }
  | { event: 'closeNotOurs'; responsible: string; reason: string }
  | { event: 'closeUnsolvable'; reason: string }

/** The status `event` leads to from `r`, or null when the event is not possible from r.status. Guards are separate. */
export function nextReportStatus(r: Pick<ReportDoc, 'status' | 'pausedFrom' | 'reopens'>, input: EventInput): ReportStatus | null {
  const t = TRANSITIONS[input.event]
  if (!t.from.includes(r.status)) return null
  if (t.to === 'same') return r.status
  if (t.to !== 'computed') return t.to
  switch (input.event) {
    case 'supply':
      return r.pausedFrom ?? 'submitted'
    case 'reopen':
      return r.reopens < REPORT_LIMITS.reopens ? 'inProgress' : 'disputed'
    case 'decide':
      return input.outcome === 'close' ? 'closed' : 'inProgress'
    default:
      return null
  }
}

export const STALE_MESSAGE = '该问题刚刚已被他人处理，请刷新后查看'

/** What a stale client is told when the report has moved on. */
export function staleMessage(event: TransitionEvent, status: ReportStatus): string {
  if ((event === 'accept' || event === 'reject') && status !== 'submitted')
    return `该问题已处理（${REPORT_STATUS_LABELS[status]}），请刷新后查看`
  if (event === 'confirm' || event === 'reopen') return `该问题当前为“${REPORT_STATUS_LABELS[status]}”，暂不能评价`
  return `该问题当前为“${REPORT_STATUS_LABELS[status]}”，无法执行此操作`
}

const OPEN_WHISTLE_BLOCKS: ReadonlySet<TransitionEvent> = new Set(['resolve', 'merge', 'closeNotOurs', 'closeUnsolvable', 'whistle'])

/** The refusals beyond the table: once-only extension, open whistle, the 3-day waits. */
function guard(r: ReportDoc, input: EventInput, at: Date): void {
  if (input.event === 'resolve' && input.viaWhistle && input.viaWhistle !== r.whistleId) throw conflict(STALE_MESSAGE)
  if (r.whistleId && OPEN_WHISTLE_BLOCKS.has(input.event)) {
    if (input.event === 'resolve' && input.viaWhistle === r.whistleId) return
    throw precondition('该问题已吹哨，须等部门办结或退回后再操作')
  }
  if (input.event === 'extend' && r.extension) throw precondition(`每个问题只能延期${REPORT_LIMITS.extensions}次`)
  if (input.event === 'autoClose' && !autoCloseDue(r, at)) throw precondition('尚未到自动结案时间')
  if (input.event === 'decide' && r.status === 'resolved' && !unansweredWithoutEvidence(r, at))
    throw precondition(`办结后${REPORT_LIMITS.autoCloseDays}天内待居民确认，暂不能裁定`)
}

const clip = (s: string, n = 80) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s)

function why(input: EventInput): string | null {
  switch (input.event) {
    case 'accept':
    case 'autoClose':
      return input.event === 'autoClose' ? `办结后${REPORT_LIMITS.autoCloseDays}天未评价，自动结案（未评价）` : null
    case 'reject':
    case 'reopen':
    case 'closeUnsolvable':
      return input.reason
    case 'merge':
      return `与已有问题重复，合并办理`
    case 'start':
      return input.note ? clip(input.note) : null
    case 'requestInfo':
      return input.question
    case 'supply':
      return clip(input.text)
    case 'extend':
      return `延期${input.days}天：${input.reason}`
    case 'whistle':
      return `吹哨至${input.targetName}：${input.reason}`
    case 'resolve':
      return clip(input.note)
    case 'confirm':
      return `${input.solved ? '已解决' : '未解决'}，${REPORT_RATING_LABELS[input.rating]}`
    case 'decide':
      return `${input.outcome === 'close' ? '裁定结案' : '裁定重新办理'}：${input.reason}`
    case 'closeNotOurs':
      return `非本社区职责，责任单位：${input.responsible}。${input.reason}`
  }
}

const plusDays = (d: Date, days: number) => new Date(new Date(d).getTime() + days * DAY_MS)
const onTime = (at: Date, deadline: Date) => at.getTime() <= new Date(deadline).getTime()

function fieldsFor(r: ReportDoc, input: EventInput, actor: Actor, to: ReportStatus, at: Date): Partial<ReportDoc> {
  const final = (reason: string | null): Partial<ReportDoc> => ({
    closedAt: at,
    closeReason: reason,
    resolvedOnTime: r.resolvedOnTime ?? onTime(at, r.resolveDeadline)
  })
  switch (input.event) {
    case 'accept':
      return { acceptedAt: at, acceptedBy: actor.who }
    case 'reject':
      return final(input.reason)
    case 'merge':
      return { ...final('与已有问题重复'), duplicateOf: input.duplicateOf }
    case 'start':
      return { startedAt: at }
    case 'requestInfo':
      return {
        pausedAt: at,
        pausedFrom: r.status,
        info: { question: input.question, askedAt: at, answer: null, photos: [], answeredAt: null }
      }
    case 'supply': {
      const clock = resumed({ ...r, pausedAt: r.pausedAt ?? at }, at)
      return {
        ...clock,
        pausedAt: null,
        pausedFrom: null,
        info: r.info ? { ...r.info, answer: input.text, photos: input.photos, answeredAt: at } : null
      }
    }
    case 'extend':
      return {
        extension: { days: input.days, reason: input.reason, by: actor.who, at },
        resolveDeadline: plusDays(r.resolveDeadline, input.days)
      }
    case 'whistle':
      return { whistleId: input.whistleId, departmentId: input.departmentId, startedAt: r.startedAt ?? at }
    case 'resolve':
      return {
        resolvedAt: at,
        resolvedOnTime: onTime(at, r.resolveDeadline),
        evidence: { note: input.note, photos: input.photos, near: input.near, at, by: actor.who, role: actor.role },
        needsConfirmation: !input.near,
        whistleId: null
      }
    case 'confirm':
      return {
        closedAt: at,
        closeKind: 'confirmed',
        answer: { solved: input.solved, rating: input.rating, comment: input.comment, at }
      }
    case 'reopen':
      return {
        reopens: r.reopens + 1,
        reopenReasons: [...(r.reopenReasons ?? []), { at, reason: input.reason }],
        resolvedAt: null,
        resolvedOnTime: null,
        needsConfirmation: false
      }
    case 'autoClose':
      return { closedAt: at, closeKind: 'auto', answer: null }
    case 'decide':
      return to === 'closed'
        ? { closedAt: at, closeKind: 'decided', closeReason: input.reason }
        : { resolvedAt: null, resolvedOnTime: null, needsConfirmation: false }
    case 'closeNotOurs':
      return { ...final(input.reason), responsible: input.responsible }
    case 'closeUnsolvable':
      return final(input.reason)
  }
}

export interface Transition {
  from: ReportStatus
  to: ReportStatus
  entry: ReportHistoryEntry
  /** The fields to write, including status, version, updatedAt and the whole new history. */
  patch: Partial<ReportDoc>
}

/**
 * The one way a report changes. Throws CONFLICT (with the sentence a stale client reads) when the event is not
 * possible from the report's status, FAILED_PRECONDITION when a guard refuses it.
 */
export function applyReportEvent(r: ReportDoc, input: EventInput, actor: Actor, at: Date): Transition {
  const from = r.status
  const to = nextReportStatus(r, input)
  if (!to) throw conflict(staleMessage(input.event, from))
  guard(r, input, at)
  const entry: ReportHistoryEntry = {
    at,
    event: input.event,
    who: actor.who,
    role: actor.role,
    name: actor.name,
    from,
    to,
    why: why(input)
  }
  // The first response to a new report, whatever it is, answers 响应率; it is set once (a timer may have set false).
  const response = from === 'submitted' && (r.acceptedOnTime ?? null) === null ? { acceptedOnTime: onTime(at, r.acceptDeadline) } : {}
  return {
    from,
    to,
    entry,
    patch: {
      ...fieldsFor(r, input, actor, to, at),
      ...response,
      status: to,
      version: (r.version ?? 0) + 1,
      updatedAt: at,
      history: [...(r.history ?? []), entry]
    }
  }
}

/** The first history entry of a new report. */
export const submittedEntry = (actor: Actor, at: Date): ReportHistoryEntry => ({
  at,
  event: 'submit',
  who: actor.who,
  role: actor.role,
  name: actor.name,
  from: null,
  to: 'submitted',
  why: null
})

/** A history is valid when it starts with submission and every step is one the machine allows. */
export function isValidHistory(history: readonly ReportHistoryEntry[]): boolean {
  return history.every((h, i) =>
    i === 0 ? h.from === null && h.to === 'submitted' : h.from === history[i - 1].to && isAllowedStep(h.from, h.to)
  )
}
