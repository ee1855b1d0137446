// Patrols (巡查): a grid worker's walk with a start, check-points and an end (docs/pillars/grid-reports.md
// "Patrols"). Each step may come from the phone's offline queue long after it was made: it carries its request id
// (sent twice, written once) and the phone's time and place, and the patrol keeps its points in the order they
// were made. Pure.
import type { PatrolCoverageRow } from '../../../../types/schemas/report'
import { REPORT_LIMITS } from '../../../../types/schemas/report.labels'
import type { PatrolDoc, PatrolPointDoc } from '../../../_shared/docs/patrol'
import { fromPoint } from '../../../_shared/docs'
import { greatCircleMeters } from '../../../_shared/domain/geo'
import { conflict, exhausted, invalid } from '../../../_shared/infra/errors'

export const PATROL_LIMITS = {
  /** Check-points in one patrol. */
  points: 100
} as const

const HOUR = 3600_000
const DAY = 24 * HOUR

/**
 * When a step happened: the phone's time for a step sent later (not ahead of the server by more than the
 * clock skew, not older than the offline limit), else the server's receipt.
 */
export function stepTime(clientTime: Date | null, now: Date): Date {
  if (!clientTime) return now
  if (clientTime.getTime() > now.getTime() + REPORT_LIMITS.clockSkewMinutes * 60_000) throw invalid('记录时间晚于当前时间，请校准手机时间')
  if (clientTime.getTime() < now.getTime() - REPORT_LIMITS.offlineMaxAgeHours * HOUR) {
    throw invalid(`离线记录超过${REPORT_LIMITS.offlineMaxAgeHours}小时，无法补传`)
  }
  return clientTime.getTime() > now.getTime() ? now : clientTime
}

/** Meters along the start, the points in order, and the end. */
export function patrolMeters(p: Pick<PatrolDoc, 'startLocation' | 'points' | 'endLocation'>): number {
  const path = [p.startLocation, ...p.points.map((x) => x.location), ...(p.endLocation ? [p.endLocation] : [])].map((g) => fromPoint(g))
  let m = 0
  for (let i = 1; i < path.length; i++) m += greatCircleMeters(path[i - 1], path[i])
  return Math.round(m)
}

const ENDED = '这次巡查已结束'

/** The patrol with a check-point added in its place; the same request id again changes nothing (null). */
export function withPoint(p: PatrolDoc, point: PatrolPointDoc): PatrolDoc | null {
  if (p.points.some((x) => x.rid === point.rid)) return null
  if (point.at < p.startedAt) throw invalid('记录时间早于巡查开始时间')
  // A point made before the end may arrive after it (offline); one made after the end is refused.
  if (p.endedAt && point.at > p.endedAt) throw conflict(ENDED)
  if (p.points.length >= PATROL_LIMITS.points) throw exhausted(`一次巡查最多记录${PATROL_LIMITS.points}个巡查点`)
  const points = [...p.points, point].sort((a, b) => a.at.getTime() - b.at.getTime())
  const next = { ...p, points, version: p.version + 1, updatedAt: point.receivedAt }
  return { ...next, meters: patrolMeters(next) }
}

/** The patrol ended at `at` (never before its last point); ending it again with the same request id changes nothing (null). */
export function ended(p: PatrolDoc, end: { rid: string; at: Date; location: PatrolDoc['endLocation']; now: Date }): PatrolDoc | null {
  if (p.status === 'ended') {
    if (p.endRid === end.rid) return null
    throw conflict(ENDED)
  }
  const last = p.points.at(-1)?.at ?? p.startedAt
  const next: PatrolDoc = {
    ...p,
    status: 'ended',
    endedAt: end.at < last ? last : end.at,
    endLocation: end.location,
    endRid: end.rid,
    version: p.version + 1,
    updatedAt: end.now
  }
  return { ...next, meters: patrolMeters(next) }
}

/** What a patrol counts for in its grid's coverage. */
export type CoveragePatrol = Pick<PatrolDoc, 'gridId' | 'startedAt'> & { points: number }

const CST = 8 * HOUR
const cstDay = (d: Date) => Math.floor((d.getTime() + CST) / DAY)

/**
 * Patrol coverage of a community's grids in a period: patrols, check-points, reports made on them, the days with
 * a patrol out of the period's days so far, the last patrol. Every grid has a row, patrolled or not.
 */
export function coverageRows(
  grids: ReadonlyArray<{ id: string; name: string }>,
  patrols: readonly CoveragePatrol[],
  reportsByGrid: ReadonlyMap<string, number>,
  range: { start: Date; end: Date },
  now: Date
): PatrolCoverageRow[] {
  const until = now < range.end ? now : range.end
  const daysInPeriod = Math.max(0, cstDay(new Date(until.getTime() - 1)) - cstDay(range.start) + 1)
  return grids.map((g) => {
    const mine = patrols.filter((p) => p.gridId === g.id)
    const last = mine.reduce<Date | null>((a, p) => (!a || p.startedAt > a ? p.startedAt : a), null)
    return {
      gridId: g.id,
      gridName: g.name,
      patrols: mine.length,
      points: mine.reduce((a, p) => a + p.points, 0),
      reports: reportsByGrid.get(g.id) ?? 0,
      days: new Set(mine.map((p) => cstDay(p.startedAt))).size,
      daysInPeriod,
      lastPatrolAt: last ? last.toISOString() : null
    }
  })
}
