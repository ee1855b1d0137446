// The matrix world's part for the report function's operations side: the grid worker's active patrol in cm01-g1
// and a pending rider registration with st01 (matrix.reportOps.ts). Only functions read matrixWorld's names, so the
// two modules may import each other.
import { toPoint } from '../../../cloudfunctions/_shared/docs'
import { patrolIdFor, riderIdFor, type PatrolDoc, type RiderDoc } from '../../../cloudfunctions/_shared/docs/patrol'
import { OTHERS, WHO } from './matrixWorld'

const HERE = { lat: 31.335, lng: 118.375 }

/** The grid worker's active patrol in cm01-g1, and a rider's pending registration with st01. */
export const OPS_IDS = {
  patrol: () => patrolIdFor(WHO.gridWorker, 'hz-patrol-start'),
  rider: () => riderIdFor(OTHERS.applicant, 'st01')
}

export function reportOpsWorld(now: Date): { patrols: PatrolDoc[]; riders: RiderDoc[] } {
  const at = new Date(now.getTime() - 3_600_000)
  return {
    patrols: [
      {
        _id: OPS_IDS.patrol(),
        version: 1,
        openid: WHO.gridWorker,
        workerName: '钱卫东',
        gridId: 'cm01-g1',
        communityId: 'cm01',
        streetId: 'st01',
        status: 'active',
        startedAt: at,
        endedAt: null,
        startLocation: toPoint(HERE.lat, HERE.lng),
        endLocation: null,
        endRid: null,
        points: [],
        meters: 0,
        updatedAt: at
      }
    ],
    riders: [
      {
        _id: OPS_IDS.rider(),
        openid: OTHERS.applicant,
        streetId: 'st01',
        name: '孔亮',
        phone: '13900000001',
        platform: 'meituan',
        status: 'pending',
        appliedAt: at,
        reviewedAt: null,
        reviewedBy: null,
        reason: null
      }
    ]
  }
}
