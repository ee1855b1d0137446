import type { PatrolDoc, PatrolPointDoc } from '../../../_shared/docs/patrol'
import { toPoint } from '../../../_shared/docs'
import { coverageRows, ended, PATROL_LIMITS, stepTime, withPoint } from './patrols'

const T0 = new Date('2026-11-02T01:00:00Z')
const min = (m: number) => new Date(T0.getTime() + m * 60_000)

const patrol = (): PatrolDoc => ({
  _id: 'pt1',
  version: 1,
  openid: 'gw1',
  workerName: '王网格',
  gridId: 'cm01-g1',
  communityId: 'cm01',
  streetId: 'st01',
  status: 'active',
  startedAt: T0,
  endedAt: null,
  startLocation: toPoint(30.0, 120.0),
  endLocation: null,
  endRid: null,
  points: [],
  meters: 0,
  updatedAt: T0
})

const point = (rid: string, m: number, lat: number): PatrolPointDoc => ({
  rid,
  at: min(m),
  clientTime: min(m),
  receivedAt: min(90),
  location: toPoint(lat, 120.0),
  note: null,
  photos: []
})

describe('patrols', () => {
  test('check-points keep the order they were made in, whatever order they arrive in; a repeat writes nothing', () => {
    const a = withPoint(patrol(), point('r2', 20, 30.002))!
    const b = withPoint(a, point('r1', 10, 30.001))!
    expect(b.points.map((p) => p.rid)).toEqual(['r1', 'r2'])
    // 0.001° of latitude ≈ 111 m, twice.
    expect(b.meters).toBeGreaterThan(220)
    expect(b.meters).toBeLessThan(225)
    expect(withPoint(b, point('r1', 10, 30.001))).toBeNull()
  })

  test('a point from before the start, or after the end, is refused; one made before the end may arrive after it', () => {
    expect(() => withPoint(patrol(), point('r0', -5, 30))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
    const done = ended(patrol(), { rid: 'end', at: min(30), location: null, now: min(30) })!
    expect(() => withPoint(done, point('late', 40, 30))).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(withPoint(done, point('queued', 25, 30.001))!.points).toHaveLength(1)
  })

  test('ending twice with the same request id changes nothing; another end is a conflict; the end is never before the last point', () => {
    const p = withPoint(patrol(), point('r1', 50, 30.001))!
    const done = ended(p, { rid: 'end', at: min(40), location: toPoint(30.002, 120), now: min(60) })!
    expect(done.endedAt).toEqual(min(50))
    expect(ended(done, { rid: 'end', at: min(70), location: null, now: min(70) })).toBeNull()
    expect(() => ended(done, { rid: 'other', at: min(70), location: null, now: min(70) })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' })
    )
  })

  test('at most PATROL_LIMITS.points check-points', () => {
    let p = patrol()
    for (let i = 0; i < PATROL_LIMITS.points; i++) p = withPoint(p, point(`r${i}`, i, 30))!
    expect(() => withPoint(p, point('one-more', 200, 30))).toThrow(expect.objectContaining({ code: 'RESOURCE_EXHAUSTED' }))
  })

  test('an offline step keeps the phone time within bounds', () => {
    const now = min(0)
    expect(stepTime(null, now)).toBe(now)
    expect(stepTime(min(-60 * 24), now)).toEqual(min(-60 * 24))
    expect(stepTime(min(3), now)).toEqual(now)
    expect(() => stepTime(min(10), now)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
    expect(() => stepTime(min(-60 * 73), now)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })

  test('coverage: every grid has a row; days with a patrol out of the days so far (China time)', () => {
    const range = { start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') }
    const now = new Date('2026-11-10T04:00:00Z') // 10 November, noon in China: 10 days so far
    const rows = coverageRows(
      [
        { id: 'g1', name: '一网格' },
        { id: 'g2', name: '二网格' }
      ],
      [
        { gridId: 'g1', startedAt: new Date('2026-11-02T01:00:00Z'), points: 3 },
        { gridId: 'g1', startedAt: new Date('2026-11-02T08:00:00Z'), points: 2 },
        // 3 November 07:00 in China, though 2 November in UTC.
        { gridId: 'g1', startedAt: new Date('2026-11-02T23:00:00Z'), points: 1 }
      ],
      new Map([['g1', 2]]),
      range,
      now
    )
    expect(rows).toEqual([
      {
        gridId: 'g1',
        gridName: '一网格',
        patrols: 3,
        points: 6,
        reports: 2,
        days: 2,
        daysInPeriod: 10,
        lastPatrolAt: '2026-11-02T23:00:00.000Z'
      },
      { gridId: 'g2', gridName: '二网格', patrols: 0, points: 0, reports: 0, days: 0, daysInPeriod: 10, lastPatrolAt: null }
    ])
  })
})
