// Stored shapes of grid workers' patrols (巡查) and part-time grid workers (兼职网格员, riders), kept by the
// report function's OPS handlers (docs/pillars/grid-reports.md "Patrols", "Part-time grid workers"). Shared:
// the eraser and the demo seed read them too.
import type { GeoPoint } from '.'
import { opaqueId } from '../infra/ids'
import type { RiderStatus, RIDER_PLATFORMS } from '../../../types/schemas/report'

/** One check-point, with the phone's time and place (an offline one arrives later; `receivedAt` is the server's). */
export interface PatrolPointDoc {
  /** The request id the phone gave it: a point sent twice from the offline queue is written once. */
  rid: string
  at: Date
  clientTime: Date | null
  receivedAt: Date
  location: GeoPoint
  note: string | null
  photos: string[]
}

/** A patrol: `_id` = opaqueId('pt', openid, requestId of the start); its check-points inside (at most PATROL_LIMITS.points). */
export interface PatrolDoc {
  _id: string
  version: number
  openid: string
  workerName: string
  gridId: string
  communityId: string
  streetId: string
  status: 'active' | 'ended'
  /** Effective times: the phone's time for an offline step (bounded), else the server's receipt. */
  startedAt: Date
  endedAt: Date | null
  startLocation: GeoPoint
  endLocation: GeoPoint | null
  /** Request id of the end (a repeated end answers the same). */
  endRid: string | null
  /** In the order they were made (by `at`), whatever order they arrived in. */
  points: PatrolPointDoc[]
  /** Meters along start → points → end, recomputed on every write. */
  meters: number
  updatedAt: Date
  requestFingerprint?: string
}

/** A rider's registration with a street: `_id` = opaqueId('rd', openid, streetId), one per person and street. */
export interface RiderDoc {
  _id: string
  openid: string
  streetId: string
  name: string
  phone: string
  platform: (typeof RIDER_PLATFORMS)[number]
  status: RiderStatus
  appliedAt: Date
  reviewedAt: Date | null
  reviewedBy: string | null
  reason: string | null
  requestFingerprint?: string
}

/** A patrol's id: from the grid worker and the start's request id (a resent start finds it). */
export const patrolIdFor = (openid: string, requestId: string) => opaqueId('pt', openid, requestId)
/** A rider's registration id: one per person and street. */
export const riderIdFor = (openid: string, streetId: string) => opaqueId('rd', openid, streetId)
