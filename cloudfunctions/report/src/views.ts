// Answers about reports and whistles, masked for the reader (docs/privacy.md): a public answer never carries the
// reporter's openid, name (unless they chose showName, then masked) or phone; staff, grid workers and the handlers
// of a whistle see who reported. Pure.
import { ROLE_LABELS } from '../../../types/enums'
import { OPEN_REPORT_STATUSES, REPORT_STATUS_LABELS } from '../../../types/schemas/report.labels'
import type {
  MyReport,
  ReportCard,
  ReportDeadlines,
  ReportDetail,
  ReportTimelineEntry,
  ReportViewer,
  StaffReport,
  WhistleView
} from '../../../types/schemas/report'
import { iso, isoOrNull } from '../../_shared/domain/dates'
import { maskPhone } from '../../_shared/domain/masking'
import { fromPoint } from '../../_shared/docs'
import type { ReportActorRole, ReportDoc, WhistleDoc } from './docs'
import type { RoleGrant } from '../../../types/models'
import { handlesInCommunity, isStaffFor, isTargetOf } from './domain/access'
import { isOverdue } from './domain/deadlines'
import { nextReportStatus, type EventInput } from './domain/lifecycle'

const ACTOR_LABELS: Record<ReportActorRole, string> = {
  resident: ROLE_LABELS.resident,
  gridWorker: ROLE_LABELS.gridWorker,
  staff: ROLE_LABELS.staff,
  deptHandler: ROLE_LABELS.deptHandler,
  streetAdmin: ROLE_LABELS.streetAdmin,
  system: '系统'
}

const EVENT_LABELS: Record<string, string> = {
  submit: '提交',
  accept: '签收',
  reject: '不予受理',
  merge: '合并',
  start: '开始处理',
  requestInfo: '请补充材料',
  supply: '补充材料',
  extend: '延期',
  whistle: '吹哨',
  resolve: '办结',
  confirm: '确认评价',
  reopen: '重新办理',
  autoClose: '自动结案',
  decide: '社区裁定',
  closeNotOurs: '非职责范围',
  closeUnsolvable: '无法解决'
}

export function deadlinesOf(r: ReportDoc, now: Date): ReportDeadlines {
  const open = (OPEN_REPORT_STATUSES as readonly string[]).includes(r.status)
  return {
    accept: r.status === 'submitted' || (r.status === 'waitingInfo' && r.pausedFrom === 'submitted') ? iso(r.acceptDeadline) : null,
    resolve: open ? iso(r.resolveDeadline) : null,
    paused: Boolean(r.pausedAt),
    overdue: isOverdue(r, now),
    extended: Boolean(r.extension)
  }
}

/** The public card: no reporter, except the masked name when they chose to show it. */
export function toCard(r: ReportDoc, communityName: string, now: Date, distance: number | null = null): ReportCard {
  return {
    id: r._id,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    kind: r.kind,
    description: r.description,
    photos: r.photos,
    location: fromPoint(r.location),
    place: r.place,
    communityId: r.communityId,
    communityName,
    gridId: r.gridId,
    status: r.status,
    reporterName: r.showName ? r.reporter.display : null,
    submittedAt: iso(r.submittedAt),
    acceptedAt: isoOrNull(r.acceptedAt),
    resolvedAt: isoOrNull(r.resolvedAt),
    closedAt: isoOrNull(r.closedAt),
    plusOnes: r.plusOnes ?? 0,
    overdue: isOverdue(r, now),
    distance: distance === null ? null : Math.round(distance)
  }
}

const seesNames = (viewer: ReportViewer) => viewer === 'staff' || viewer === 'gridWorker' || viewer === 'handler'

export function timelineOf(r: ReportDoc, viewer: ReportViewer): ReportTimelineEntry[] {
  const names = seesNames(viewer)
  return r.history.map((h) => ({
    at: iso(h.at),
    event: h.event,
    from: h.from,
    to: h.to,
    label: h.from === h.to ? EVENT_LABELS[h.event] : `${EVENT_LABELS[h.event]}：${REPORT_STATUS_LABELS[h.to]}`,
    actor: ACTOR_LABELS[h.role],
    // The reporter's own name never shows to the public through the timeline either.
    actorName: names && h.role !== 'resident' ? h.name : null,
    why: h.event === 'submit' ? null : h.why
  }))
}

/** The whistle actions open to the holder of `grants`. */
export function whistleCan(w: WhistleDoc, grants: readonly RoleGrant[]): WhistleView['can'] {
  const target = isTargetOf(grants, w)
  const community = handlesInCommunity(grants, w)
  const staff = isStaffFor(grants, w.communityId)
  const ended = w.status === 'resolved' || w.status === 'handedBack'
  return {
    reportIn: target && w.status === 'open',
    log: (community && !ended) || (target && w.status === 'reportedIn'),
    handBack: target && !ended,
    resolve: target && w.status === 'reportedIn',
    rate: ended && ((staff && !w.ratings.byCommunity) || (target && !w.ratings.byDepartment))
  }
}

export function toWhistleView(
  w: WhistleDoc,
  opts: { names: boolean; report: ReportCard | null; now: Date; grants?: readonly RoleGrant[] }
): WhistleView {
  const late = w.reportedInAt
    ? w.reportedInOnTime === false
    : w.status === 'open' && opts.now.getTime() > new Date(w.reportInDeadline).getTime()
  const rating = (x: WhistleDoc['ratings']['byCommunity']) => (x ? { score: x.score, comment: x.comment } : null)
  return {
    id: w._id,
    reportId: w.reportId,
    communityId: w.communityId,
    streetId: w.streetId,
    target: w.target,
    urgency: w.urgency,
    reason: w.reason,
    status: w.status,
    whistledAt: iso(w.whistledAt),
    reportInDeadline: iso(w.reportInDeadline),
    reportedInAt: isoOrNull(w.reportedInAt),
    late,
    handedBackReason: w.handedBackReason,
    resolvedAt: isoOrNull(w.resolvedAt),
    log: w.log.map((e) => ({ at: iso(e.at), side: e.side, actorName: opts.names ? e.name : null, text: e.text, photos: e.photos })),
    ratings: { byCommunity: rating(w.ratings.byCommunity), byDepartment: rating(w.ratings.byDepartment) },
    report: opts.report,
    can: whistleCan(w, opts.grants ?? [])
  }
}

export interface DetailFacts {
  viewer: ReportViewer
  openid: string | null
  communityName: string
  following: boolean
  plusOned: boolean
  whistles: WhistleDoc[]
  grants: readonly RoleGrant[]
  /** Whether the caller may act on the community side (staff or the grid's worker) and as staff. */
  community: boolean
  staff: boolean
  now: Date
}

const possible = (r: ReportDoc, input: EventInput) => nextReportStatus(r, input) !== null

export function toDetail(r: ReportDoc, f: DetailFacts): ReportDetail {
  const isReporter = f.openid !== null && r.reporterId === f.openid
  const names = seesNames(f.viewer)
  const open = (OPEN_REPORT_STATUSES as readonly string[]).includes(r.status)
  const whistleFree = !r.whistleId
  const card = toCard(r, f.communityName, f.now)
  return {
    ...card,
    viewer: f.viewer,
    visibility: r.visibility,
    timeline: timelineOf(r, f.viewer),
    deadlines: deadlinesOf(r, f.now),
    evidence: r.evidence
      ? {
          note: r.evidence.note,
          photos: r.evidence.photos.map((p) => ({
            fileId: p.fileId,
            location: fromPoint(p.location),
            takenAt: iso(p.takenAt),
            distance: p.distance
          })),
          near: r.evidence.near,
          at: iso(r.evidence.at)
        }
      : null,
    needsConfirmation: r.needsConfirmation,
    reopens: r.reopens,
    duplicateOf: r.duplicateOf,
    info: r.info && (isReporter || names) ? { question: r.info.question, answer: r.info.answer, photos: r.info.photos } : null,
    answer: r.answer ? { solved: r.answer.solved, rating: r.answer.rating, comment: r.answer.comment, at: iso(r.answer.at) } : null,
    closeKind: r.closeKind,
    closeReason: r.closeReason,
    responsible: r.responsible,
    following: f.following,
    plusOned: f.plusOned,
    whistles: f.whistles.map((w) => toWhistleView(w, { names, report: null, now: f.now, grants: f.grants })),
    reporter: names ? { name: r.reporter.name, phone: maskPhone(r.reporter.phone), clientTime: isoOrNull(r.clientTime) } : null,
    can: {
      plusOne: Boolean(f.openid) && !isReporter && !f.plusOned && open && r.visibility === 'public' && r.status !== 'resolved',
      accept: f.community && possible(r, { event: 'accept' }),
      reject: f.community && possible(r, { event: 'reject', reason: '' }),
      merge: f.community && whistleFree && possible(r, { event: 'merge', duplicateOf: '' }),
      start: f.community && possible(r, { event: 'start' }),
      requestInfo: f.community && possible(r, { event: 'requestInfo', question: '' }),
      supply: isReporter && possible(r, { event: 'supply', text: '', photos: [] }),
      extend: f.staff && !r.extension && possible(r, { event: 'extend', days: 1, reason: '' }),
      resolve: f.community && whistleFree && possible(r, { event: 'resolve', note: '', photos: [], near: false }),
      confirm: isReporter && r.status === 'resolved',
      reopen: isReporter && r.status === 'resolved',
      decide: f.staff && (r.status === 'disputed' || (r.status === 'resolved' && r.needsConfirmation)),
      closeNotOurs: f.staff && whistleFree && possible(r, { event: 'closeNotOurs', responsible: '', reason: '' }),
      closeUnsolvable: f.staff && whistleFree && possible(r, { event: 'closeUnsolvable', reason: '' }),
      unfollow: f.following,
      whistle: f.staff && whistleFree && possible(r, { event: 'whistle', whistleId: '', departmentId: null, targetName: '', reason: '' })
    }
  }
}

export function toMyReport(r: ReportDoc, communityName: string, now: Date): MyReport {
  return {
    ...toCard(r, communityName, now),
    deadlines: deadlinesOf(r, now),
    needsConfirmation: r.needsConfirmation,
    todo: r.status === 'waitingInfo' ? 'supply' : r.status === 'resolved' ? 'confirm' : null
  }
}

export function toStaffReport(r: ReportDoc, communityName: string, now: Date, whistle: WhistleDoc | null): StaffReport {
  return {
    ...toCard(r, communityName, now),
    deadlines: deadlinesOf(r, now),
    visibility: r.visibility,
    streetId: r.streetId,
    reopens: r.reopens,
    openWhistle: whistle
      ? {
          id: whistle._id,
          status: whistle.status,
          targetName: whistle.target.name,
          late: toWhistleView(whistle, { names: false, report: null, now }).late
        }
      : null
  }
}
