import { REPORT_LIMITS, REPORT_STATUSES, type ReportStatus } from '../../../../types/schemas/report.labels'
import { AppError } from '../../../_shared/infra/errors'
import type { ReportDoc } from '../docs'
import { at, atDays, reportFixture, T0 } from './fixture'
import {
  applyReportEvent,
  isAllowedStep,
  isValidHistory,
  nextReportStatus,
  TRANSITION_EVENTS,
  type Actor,
  type EventInput,
  type TransitionEvent
} from './lifecycle'

const staff: Actor = { who: 'staff1', role: 'staff', name: '孙丽' }
const photo = {
  fileId: 'cloud://env/users/staff1/after.jpg',
  location: { type: 'Point' as const, coordinates: [118.375, 31.335] as [number, number] },
  takenAt: T0,
  distance: 3
}
const inputs: Record<TransitionEvent, EventInput> = {
  accept: { event: 'accept' },
  reject: { event: 'reject', reason: '不属于随手拍范围' },
  merge: { event: 'merge', duplicateOf: 'rp_0' },
  start: { event: 'start' },
  requestInfo: { event: 'requestInfo', question: '请补充具体楼号' },
  supply: { event: 'supply', text: '5号楼', photos: [] },
  extend: { event: 'extend', days: 3, reason: '需协调物业' },
  whistle: { event: 'whistle', whistleId: 'wh_1', departmentId: 'st01-urban', targetName: '城管', reason: '需执法' },
  resolve: { event: 'resolve', note: '已清理', photos: [photo], near: true },
  confirm: { event: 'confirm', solved: true, rating: 'satisfied', comment: null },
  reopen: { event: 'reopen', reason: '又堵上了' },
  autoClose: { event: 'autoClose' },
  decide: { event: 'decide', outcome: 'close', reason: '已核实办结' },
  closeNotOurs: { event: 'closeNotOurs', responsible: '供电公司', reason: '电力设施' },
  closeUnsolvable: { event: 'closeUnsolvable', reason: '涉及规划调整' }
}

/** A report in `status` with whatever that status implies (a pause, a resolution four days ago). */
function inStatus(status: ReportStatus, over: Partial<ReportDoc> = {}): ReportDoc {
  return reportFixture({
    status,
    pausedAt: status === 'waitingInfo' ? at(1) : null,
    pausedFrom: status === 'waitingInfo' ? 'inProgress' : null,
    resolvedAt: status === 'resolved' ? T0 : null,
    ...over
  })
}
const LATER = atDays(4)

describe('report state machine', () => {
  it('allows exactly the documented (status, event) pairs — every pair checked', () => {
    const table: string[] = []
    for (const status of REPORT_STATUSES)
      for (const e of TRANSITION_EVENTS) {
        const to = nextReportStatus(inStatus(status), inputs[e])
        if (to) table.push(`${status}-${e}->${to}`)
      }
    expect(table.sort()).toEqual(
      [
        'submitted-accept->accepted',
        'submitted-reject->rejected',
        'submitted-merge->merged',
        'accepted-merge->merged',
        'accepted-start->inProgress',
        'submitted-requestInfo->waitingInfo',
        'accepted-requestInfo->waitingInfo',
        'inProgress-requestInfo->waitingInfo',
        'waitingInfo-supply->inProgress',
        'accepted-extend->accepted',
        'inProgress-extend->inProgress',
        'waitingInfo-extend->waitingInfo',
        'accepted-whistle->inProgress',
        'inProgress-whistle->inProgress',
        'inProgress-resolve->resolved',
        'resolved-confirm->closed',
        'resolved-reopen->inProgress',
        'resolved-autoClose->closed',
        'resolved-decide->closed',
        'disputed-decide->closed',
        'submitted-closeNotOurs->notOurs',
        'accepted-closeNotOurs->notOurs',
        'inProgress-closeNotOurs->notOurs',
        'accepted-closeUnsolvable->unsolvable',
        'inProgress-closeUnsolvable->unsolvable',
        'waitingInfo-closeUnsolvable->unsolvable',
        'disputed-closeUnsolvable->unsolvable'
      ].sort()
    )
  })

  it('refuses every other pair with CONFLICT and records nothing', () => {
    for (const status of REPORT_STATUSES)
      for (const e of TRANSITION_EVENTS) {
        const r = inStatus(status)
        if (nextReportStatus(r, inputs[e])) continue
        expect(() => applyReportEvent(r, inputs[e], staff, LATER)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
      }
  })

  it('every allowed step lands in ALLOWED_STEPS, and the final statuses have no way out', () => {
    for (const status of REPORT_STATUSES)
      for (const e of TRANSITION_EVENTS) {
        const to = nextReportStatus(inStatus(status), inputs[e])
        if (to) expect(isAllowedStep(status, to)).toBe(true)
      }
    for (const status of ['closed', 'rejected', 'merged', 'notOurs', 'unsolvable'] as const)
      expect(TRANSITION_EVENTS.filter((e) => nextReportStatus(inStatus(status), inputs[e]))).toEqual([])
  })

  it('records who, when, from, to and why, and bumps the version', () => {
    const t = applyReportEvent(reportFixture(), inputs.reject, staff, at(1))
    expect(t.entry).toEqual({
      at: at(1),
      event: 'reject',
      who: 'staff1',
      role: 'staff',
      name: '孙丽',
      from: 'submitted',
      to: 'rejected',
      why: '不属于随手拍范围'
    })
    expect(t.patch).toMatchObject({ status: 'rejected', version: 2, closedAt: at(1), closeReason: '不属于随手拍范围' })
    expect(isValidHistory(t.patch.history ?? [])).toBe(true)
  })

  it('sets acceptedOnTime on the first response only, never over a timer’s false', () => {
    expect(applyReportEvent(reportFixture(), inputs.accept, staff, at(1)).patch.acceptedOnTime).toBe(true)
    expect(applyReportEvent(reportFixture(), inputs.accept, staff, at(3)).patch.acceptedOnTime).toBe(false)
    expect(applyReportEvent(reportFixture(), inputs.reject, staff, at(1)).patch.acceptedOnTime).toBe(true)
    expect(applyReportEvent(reportFixture({ acceptedOnTime: false }), inputs.accept, staff, at(1)).patch.acceptedOnTime).toBeUndefined()
    expect(applyReportEvent(inStatus('accepted'), inputs.start, staff, at(1)).patch.acceptedOnTime).toBeUndefined()
  })

  it('待补充 pauses the clock and the reporter’s answer resumes it where it stopped, deadlines moved by the pause', () => {
    const asked = applyReportEvent(reportFixture(), inputs.requestInfo, staff, at(1))
    expect(asked.patch).toMatchObject({ status: 'waitingInfo', pausedAt: at(1), pausedFrom: 'submitted' })
    const paused = { ...reportFixture(), ...asked.patch } as ReportDoc
    const back = applyReportEvent(paused, inputs.supply, { who: 'res1', role: 'resident', name: '张桂英' }, at(25))
    expect(back.to).toBe('submitted')
    expect(back.patch).toMatchObject({
      pausedAt: null,
      pausedFrom: null,
      pausedMs: 24 * 3600_000,
      acceptDeadline: at(26),
      resolveDeadline: atDays(11)
    })
    expect(back.patch.info).toMatchObject({ question: '请补充具体楼号', answer: '5号楼', answeredAt: at(25) })
  })

  it('a pause after acceptance moves only the 办结 deadline', () => {
    const r = inStatus('waitingInfo', { pausedFrom: 'accepted', pausedAt: at(10), acceptedAt: at(1) })
    const back = applyReportEvent(r, inputs.supply, { who: 'res1', role: 'resident', name: null }, at(34))
    expect(back.patch).toMatchObject({ acceptDeadline: at(2), resolveDeadline: atDays(11) })
    expect(back.to).toBe('accepted')
  })

  it('one extension, approved by staff, moves the 办结 deadline; a second is refused', () => {
    const t = applyReportEvent(inStatus('inProgress'), inputs.extend, staff, at(5))
    expect(t.patch.resolveDeadline).toEqual(atDays(13))
    expect(t.to).toBe('inProgress')
    expect(t.patch.extension).toMatchObject({ days: 3, by: 'staff1' })
    const again = inStatus('inProgress', { extension: t.patch.extension })
    expect(() => applyReportEvent(again, inputs.extend, staff, at(6))).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }))
  })

  it('resolution with evidence can close by itself after 3 days; without evidence it needs the reporter', () => {
    const withEvidence = applyReportEvent(inStatus('inProgress'), inputs.resolve, staff, atDays(2))
    expect(withEvidence.patch).toMatchObject({ status: 'resolved', needsConfirmation: false, resolvedOnTime: true, resolvedAt: atDays(2) })
    const resolved = { ...inStatus('inProgress'), ...withEvidence.patch } as ReportDoc
    const sys: Actor = { who: 'system', role: 'system', name: null }
    expect(() => applyReportEvent(resolved, inputs.autoClose, sys, atDays(4))).toThrow(
      expect.objectContaining({ code: 'FAILED_PRECONDITION' })
    )
    expect(applyReportEvent(resolved, inputs.autoClose, sys, atDays(5)).patch).toMatchObject({
      status: 'closed',
      closeKind: 'auto',
      answer: null
    })

    const far = applyReportEvent(inStatus('inProgress'), { ...inputs.resolve, near: false } as EventInput, staff, atDays(2))
    const unproven = { ...inStatus('inProgress'), ...far.patch } as ReportDoc
    expect(unproven.needsConfirmation).toBe(true)
    expect(() => applyReportEvent(unproven, inputs.autoClose, sys, atDays(30))).toThrow(AppError)
    // Staff may decide it once the reporter stayed silent for 3 days, not before.
    expect(() => applyReportEvent(unproven, inputs.decide, staff, atDays(4))).toThrow(
      expect.objectContaining({ code: 'FAILED_PRECONDITION' })
    )
    expect(applyReportEvent(unproven, inputs.decide, staff, atDays(5)).patch).toMatchObject({ status: 'closed', closeKind: 'decided' })
  })

  it('the reporter reopens twice; the third time staff decide', () => {
    const reporter: Actor = { who: 'res1', role: 'resident', name: null }
    let r = inStatus('resolved')
    for (let i = 1; i <= REPORT_LIMITS.reopens; i++) {
      const t = applyReportEvent(r, inputs.reopen, reporter, at(i))
      expect(t.to).toBe('inProgress')
      expect(t.patch.reopens).toBe(i)
      r = { ...r, ...t.patch, status: 'resolved', resolvedAt: at(i) } as ReportDoc
    }
    const third = applyReportEvent(r, inputs.reopen, reporter, at(9))
    expect(third.to).toBe('disputed')
    const disputed = { ...r, ...third.patch } as ReportDoc
    expect(applyReportEvent(disputed, { event: 'decide', outcome: 'rework', reason: '重新处置' }, staff, at(10)).to).toBe('inProgress')
    expect(applyReportEvent(disputed, inputs.decide, staff, at(10)).patch).toMatchObject({ status: 'closed', closeKind: 'decided' })
  })

  it('confirmation closes with the reporter’s answer', () => {
    const t = applyReportEvent(inStatus('resolved'), inputs.confirm, { who: 'res1', role: 'resident', name: null }, at(5))
    expect(t.patch).toMatchObject({ status: 'closed', closeKind: 'confirmed', answer: { solved: true, rating: 'satisfied', at: at(5) } })
    expect(t.entry.why).toBe('已解决，满意')
  })

  it('an open whistle blocks the community’s own resolve and closures; only the whistle’s resolve passes', () => {
    const r = inStatus('inProgress', { whistleId: 'wh_1' })
    for (const e of ['resolve', 'closeNotOurs', 'closeUnsolvable', 'whistle'] as const)
      expect(() => applyReportEvent(r, inputs[e], staff, at(5))).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }))
    const t = applyReportEvent(
      r,
      { ...inputs.resolve, viaWhistle: 'wh_1' } as EventInput,
      { who: 'h1', role: 'deptHandler', name: null },
      at(5)
    )
    expect(t.patch).toMatchObject({ status: 'resolved', whistleId: null })
    expect(() => applyReportEvent(r, { ...inputs.resolve, viaWhistle: 'wh_other' } as EventInput, staff, at(5))).toThrow(
      expect.objectContaining({ code: 'CONFLICT' })
    )
  })

  it('a whistle from accepted starts the work', () => {
    const t = applyReportEvent(inStatus('accepted'), inputs.whistle, staff, at(3))
    expect(t.patch).toMatchObject({ status: 'inProgress', whistleId: 'wh_1', departmentId: 'st01-urban', startedAt: at(3) })
    expect(t.entry.why).toBe('吹哨至城管：需执法')
  })

  it('final closures record their reason, who is responsible, and the duplicate', () => {
    expect(applyReportEvent(reportFixture(), inputs.closeNotOurs, staff, at(1)).patch).toMatchObject({
      status: 'notOurs',
      responsible: '供电公司'
    })
    expect(applyReportEvent(reportFixture(), inputs.merge, staff, at(1)).patch).toMatchObject({ status: 'merged', duplicateOf: 'rp_0' })
    expect(applyReportEvent(inStatus('inProgress'), inputs.closeUnsolvable, staff, atDays(11)).patch).toMatchObject({
      status: 'unsolvable',
      closeReason: '涉及规划调整',
      resolvedOnTime: false
    })
  })

  it('a history that skips a step is invalid', () => {
    const h = reportFixture().history
    expect(isValidHistory([...h, { ...h[0], from: 'submitted', to: 'resolved', event: 'resolve' }])).toBe(false)
    expect(isValidHistory([...h, { ...h[0], from: 'submitted', to: 'accepted', event: 'accept' }])).toBe(true)
  })
})
