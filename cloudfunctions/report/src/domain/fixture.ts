// A stored report for unit tests, with overrides.
import { toPoint } from '../../../_shared/docs'
import type { ReportDoc } from '../docs'
import { HOUR_MS, DAY_MS } from './deadlines'

export const T0 = new Date('2026-11-02T01:00:00.000Z')
export const at = (hours: number) => new Date(T0.getTime() + hours * HOUR_MS)
export const atDays = (days: number) => new Date(T0.getTime() + days * DAY_MS)
export const SPOT = { lat: 31.335, lng: 118.375 }

export function reportFixture(over: Partial<ReportDoc> = {}): ReportDoc {
  return {
    _id: 'rp_1',
    version: 1,
    categoryId: 'fireLane',
    categoryName: '消防通道堵塞',
    kind: 'tipoff',
    departmentKind: 'urban',
    duplicateRadius: 100,
    evidenceRadius: 50,
    description: '5号楼东侧消防通道被电动车堵住',
    photos: ['cloud://env/users/res1/a.jpg'],
    location: toPoint(SPOT.lat, SPOT.lng),
    place: null,
    compoundId: null,
    gridId: 'cm01-g1',
    communityId: 'cm01',
    streetId: 'st01',
    visibility: 'public',
    showName: false,
    status: 'submitted',
    reporterId: 'res1',
    reporter: { display: '张**', name: '张桂英', phone: '13912345678' },
    clientTime: null,
    patrolId: null,
    submittedAt: T0,
    updatedAt: T0,
    acceptedAt: null,
    acceptedBy: null,
    startedAt: null,
    resolvedAt: null,
    closedAt: null,
    acceptDeadline: at(2),
    resolveDeadline: atDays(10),
    acceptedOnTime: null,
    resolvedOnTime: null,
    pausedAt: null,
    pausedFrom: null,
    pausedMs: 0,
    info: null,
    extension: null,
    evidence: null,
    needsConfirmation: false,
    reopens: 0,
    reopenReasons: [],
    answer: null,
    closeKind: null,
    closeReason: null,
    responsible: null,
    duplicateOf: null,
    plusOnes: 0,
    whistleId: null,
    departmentId: null,
    overdue: false,
    overdueAt: null,
    history: [{ at: T0, event: 'submit', who: 'res1', role: 'resident', name: null, from: null, to: 'submitted', why: null }],
    ...over
  }
}
