import { checkClientTime, DEFAULT_HANDLE_DAYS, initialDeadlines, isOverdue, reportInDeadline } from './deadlines'
import { at, atDays, T0 } from './fixture'

const clock = (over: Partial<Parameters<typeof isOverdue>[0]> = {}) => ({
  status: 'submitted' as const,
  acceptDeadline: at(2),
  resolveDeadline: atDays(5),
  pausedAt: null,
  ...over
})

describe('report clocks (frozen clock)', () => {
  it('签收 2 hours; 咨询 1 day, 求助/建议 5 days, 投诉/举报 10 days', () => {
    expect(DEFAULT_HANDLE_DAYS).toEqual({ consult: 1, help: 5, suggest: 5, complain: 10, tipoff: 10 })
    expect(initialDeadlines(T0, { acceptHours: 2, handleDays: 10 })).toEqual({ acceptDeadline: at(2), resolveDeadline: atDays(10) })
  })

  it('overdue is a flag from the running deadline, at its edge', () => {
    expect(isOverdue(clock(), at(2))).toBe(false)
    expect(isOverdue(clock(), new Date(at(2).getTime() + 1))).toBe(true)
    expect(isOverdue(clock({ status: 'accepted' }), at(3))).toBe(false)
    expect(isOverdue(clock({ status: 'inProgress' }), new Date(atDays(5).getTime() + 1))).toBe(true)
    expect(isOverdue(clock({ status: 'waitingInfo', pausedAt: at(1) }), atDays(30))).toBe(false)
    for (const status of ['resolved', 'closed', 'rejected', 'merged', 'notOurs', 'unsolvable'] as const)
      expect(isOverdue(clock({ status }), atDays(30))).toBe(false)
  })

  it('whistle report-in: 30 minutes for an emergency, 24 hours otherwise', () => {
    expect(reportInDeadline(T0, 'emergency')).toEqual(at(0.5))
    expect(reportInDeadline(T0, 'normal')).toEqual(at(24))
  })

  it('an offline report’s client time: at most 72 hours old, not ahead of the server beyond 5 minutes', () => {
    const now = atDays(3)
    expect(checkClientTime(undefined, now)).toBeNull()
    expect(checkClientTime(T0.toISOString(), now)).toEqual(T0)
    expect(() => checkClientTime(new Date(T0.getTime() - 1).toISOString(), now)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' })
    )
    expect(checkClientTime(new Date(now.getTime() + 5 * 60_000).getTime(), now)).toEqual(new Date(now.getTime() + 5 * 60_000))
    expect(() => checkClientTime(new Date(now.getTime() + 5 * 60_000 + 1).getTime(), now)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' })
    )
  })
})
