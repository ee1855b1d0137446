// The grid-report part of the matrix world: cm01's two grids (polygons) and cm02's, the street's departments and
// the category tree, and one report per state (all in cm01-g1, by the resident unless noted) with the whistles on
// them. Ids in REPORT_IDS; times relative to the world's clock.
import { toPoint } from '../../../cloudfunctions/_shared/docs'
import type { ReportDoc, WhistleDoc } from '../../../cloudfunctions/_shared/docs/report'
import { reportFixture } from '../../../cloudfunctions/report/src/domain/fixture'
import { reportCategories, reportDepartments, reportGrids } from '../../support/reportWorld'

export const REPORT_IDS = {
  submitted: 'rpSubmitted',
  accepted: 'rpAccepted',
  inProgress: 'rpInProgress',
  waiting: 'rpWaiting',
  resolved: 'rpResolved',
  disputed: 'rpDisputed',
  private: 'rpPrivate',
  others: 'rpOthers',
  whistled: 'rpWhistled',
  reportedIn: 'rpReportedIn',
  toStreet: 'rpToStreet',
  done: 'rpDone',
  whistle: { open: 'whOpen', reportedIn: 'whReportedIn', street: 'whStreet', resolved: 'whResolved' }
} as const

const HOUR = 3_600_000
const DAY = 24 * HOUR

export function reportWorld(now: Date, who: { resident: string; staff: string; gridWorker: string; deptHandler: string; other: string }) {
  const ago = (ms: number) => new Date(now.getTime() - ms)
  const at = ago(2 * DAY)
  const base = (id: string, over: Partial<ReportDoc> = {}): ReportDoc =>
    reportFixture({
      _id: id,
      reporterId: who.resident,
      reporter: { display: '张**', name: '张桂英', phone: '13800000002' },
      photos: [`cloud://local-dev/users/${who.resident}/lane.jpg`],
      location: toPoint(31.335, 118.375),
      submittedAt: at,
      updatedAt: at,
      acceptDeadline: new Date(at.getTime() + 2 * HOUR),
      resolveDeadline: new Date(at.getTime() + 10 * DAY),
      history: [{ at, event: 'submit', who: who.resident, role: 'resident', name: null, from: null, to: 'submitted', why: null }],
      ...over
    })
  const step = (
    r: ReportDoc,
    event: ReportDoc['history'][number]['event'],
    to: ReportDoc['status'],
    byWho = who.gridWorker
  ): ReportDoc => ({
    ...r,
    status: to,
    history: [
      ...r.history,
      {
        at: ago(DAY),
        event,
        who: byWho,
        role: byWho === who.resident ? 'resident' : 'gridWorker',
        name: null,
        from: r.status,
        to,
        why: null
      }
    ]
  })
  const accepted = (id: string, over: Partial<ReportDoc> = {}) =>
    step(base(id, { acceptedAt: ago(DAY), acceptedOnTime: false, ...over }), 'accept', 'accepted')
  const inProgress = (id: string, over: Partial<ReportDoc> = {}) =>
    step(accepted(id, { startedAt: ago(DAY), ...over }), 'start', 'inProgress')
  const resolved = (id: string, over: Partial<ReportDoc> = {}) =>
    step(inProgress(id, { resolvedAt: ago(HOUR), resolvedOnTime: true, ...over }), 'resolve', 'resolved')
  const whistle = (id: string, reportId: string, status: WhistleDoc['status'], target: WhistleDoc['target']): WhistleDoc => ({
    _id: id,
    version: 1,
    reportId,
    communityId: 'cm01',
    streetId: 'st01',
    gridId: 'cm01-g1',
    target,
    urgency: 'normal',
    reason: '需执法',
    status,
    whistledBy: who.staff,
    whistledAt: ago(DAY),
    reportInDeadline: now,
    reportedInAt: status === 'open' ? null : ago(20 * HOUR),
    reportedInBy: status === 'open' ? null : who.deptHandler,
    reportedInOnTime: status === 'open' ? null : true,
    handedBackAt: null,
    handedBackReason: null,
    resolvedAt: status === 'resolved' ? ago(HOUR) : null,
    log: [],
    ratings: { byCommunity: null, byDepartment: null },
    updatedAt: ago(HOUR)
  })
  const urban = { kind: 'department' as const, departmentId: 'st01-urban', name: '街道城市管理执法队' }
  const id = REPORT_IDS
  const reports: ReportDoc[] = [
    base(id.submitted),
    accepted(id.accepted),
    inProgress(id.inProgress),
    step(
      inProgress(id.waiting, {
        pausedAt: ago(HOUR),
        pausedFrom: 'inProgress',
        info: { question: '请补充楼号', askedAt: ago(HOUR), answer: null, photos: [], answeredAt: null }
      }),
      'requestInfo',
      'waitingInfo'
    ),
    resolved(id.resolved),
    step(resolved(id.disputed, { reopens: 2 }), 'reopen', 'disputed', who.resident),
    base(id.private, { visibility: 'private' }),
    base(id.others, { reporterId: who.other, reporter: { display: '孔*', name: '孔亮', phone: '13900000001' } }),
    step(inProgress(id.whistled, { whistleId: id.whistle.open, departmentId: 'st01-urban' }), 'whistle', 'inProgress', who.staff),
    step(inProgress(id.reportedIn, { whistleId: id.whistle.reportedIn, departmentId: 'st01-urban' }), 'whistle', 'inProgress', who.staff),
    step(inProgress(id.toStreet, { whistleId: id.whistle.street }), 'whistle', 'inProgress', who.staff),
    resolved(id.done, { departmentId: 'st01-urban' })
  ]
  return {
    grids: reportGrids(),
    departments: reportDepartments(),
    reportCategories: reportCategories(),
    reports,
    whistles: [
      whistle(id.whistle.open, id.whistled, 'open', urban),
      whistle(id.whistle.reportedIn, id.reportedIn, 'reportedIn', urban),
      whistle(id.whistle.street, id.toStreet, 'open', { kind: 'street', departmentId: null, name: '街道' }),
      whistle(id.whistle.resolved, id.done, 'resolved', urban)
    ]
  }
}
