// The authorization matrix's rows for the report function's operations side (figures, hot spots, nearby,
// patrols, riders, timers), spread into matrix.ts's `report` entry; read them as the rest of matrix.ts. The world's
// part they need (an active patrol of the grid worker, a pending rider) is support/reportOpsWorld.ts.
import type { ActionOf } from '../../types'
import type { Input } from '../support/client'
import type { Row } from './matrix'
import { CALLER_KINDS, type CallerKind } from './support/matrixWorld'
import { OPS_IDS } from './support/reportOpsWorld'

const SIGNED_IN = CALLER_KINDS.filter((k) => k !== 'anonymous' && k !== 'deleted')
const HERE = { lat: 31.335, lng: 118.375 }
let serial = 0
const req = () => `hz-ops-${Date.now().toString(36)}-${(++serial).toString(36).padStart(4, '0')}`

type OpsAction =
  | 'figures'
  | 'figuresCsv'
  | 'hotSpots'
  | 'nearby'
  | 'patrolStart'
  | 'patrolPoint'
  | 'patrolEnd'
  | 'currentPatrol'
  | 'patrol'
  | 'patrols'
  | 'patrolCoverage'
  | 'riderApply'
  | 'riderMine'
  | 'riderReview'
  | 'riders'
  | 'overdueSweep'
  | 'autoClose'

type Rows = { [A in OpsAction & ActionOf<'report'>]: Row<Input<'report', A>> }

const figureCases: Row<Input<'report', 'figures'>> = [
  {
    scope: 'a community: its staff, its street',
    allow: ['staff', 'streetAdmin'],
    payload: (w) => ({ period: w.year, communityId: 'cm01' })
  },
  { scope: 'a street (the comparison): its admin', allow: ['streetAdmin'], payload: (w) => ({ period: w.year, streetId: 'st01' }) },
  {
    scope: 'a department: its handlers, its street',
    allow: ['deptHandler', 'streetAdmin'],
    payload: (w) => ({ period: w.year, departmentId: 'st01-urban' })
  },
  {
    scope: "a grid: its worker, the community's staff, the street",
    allow: ['gridWorker', 'staff', 'streetAdmin'],
    payload: (w) => ({ period: w.year, gridId: 'cm01-g1' })
  }
]

const COMMUNITY_SIDE: readonly CallerKind[] = ['gridWorker', 'gridWorkerOther', 'staff', 'staffOther']

export const REPORT_OPS_ROWS: Rows = {
  figures: figureCases,
  figuresCsv: figureCases,
  hotSpots: [
    { scope: 'a community: its staff, its street', allow: ['staff', 'streetAdmin'], payload: () => ({ communityId: 'cm01' }) },
    { scope: 'a street: its admin', allow: ['streetAdmin'], payload: () => ({ streetId: 'st01' }) }
  ],
  nearby: [{ scope: 'public reports near anyone signed in', allow: SIGNED_IN, payload: () => ({ location: HERE, radius: 1000 }) }],
  patrolStart: [
    {
      scope: "cm01-g1: its grid worker, the community's staff",
      allow: ['gridWorker', 'staff'],
      payload: () => ({ requestId: req(), gridId: 'cm01-g1', location: HERE })
    }
  ],
  patrolPoint: [
    {
      scope: 'own active patrol only',
      allow: ['gridWorker'],
      payload: () => ({ requestId: req(), patrolId: OPS_IDS.patrol(), location: HERE, note: '巡查' })
    }
  ],
  patrolEnd: [
    { scope: 'own active patrol only', allow: ['gridWorker'], payload: () => ({ requestId: req(), patrolId: OPS_IDS.patrol() }) }
  ],
  currentPatrol: [{ scope: "one's own (or none)", allow: COMMUNITY_SIDE, payload: () => ({}) }],
  patrol: [
    {
      scope: "the worker's, its community's staff, its street",
      allow: ['gridWorker', 'staff', 'streetAdmin'],
      hidden: 'NOT_FOUND',
      payload: () => ({ patrolId: OPS_IDS.patrol() })
    }
  ],
  patrols: [
    { scope: "a community's: its staff", allow: ['staff'], payload: () => ({ communityId: 'cm01' }) },
    { scope: "one's own", allow: COMMUNITY_SIDE, payload: () => ({}) }
  ],
  patrolCoverage: [
    {
      scope: 'a community: its staff, its street',
      allow: ['staff', 'streetAdmin'],
      payload: (w) => ({ communityId: 'cm01', period: w.year })
    }
  ],
  riderApply: [
    {
      scope: 'anyone signed in registers with a street',
      allow: SIGNED_IN,
      payload: () => ({ requestId: req(), streetId: 'st01', name: '王师傅', phone: '13511112222', platform: 'eleme' as const })
    }
  ],
  riderMine: [{ scope: "one's own", allow: SIGNED_IN, payload: () => ({}) }],
  riderReview: [
    { scope: "the street's admin", allow: ['streetAdmin'], payload: () => ({ riderId: OPS_IDS.rider(), decision: 'approve' as const }) }
  ],
  riders: [{ scope: "the street's admin", allow: ['streetAdmin'], payload: () => ({ streetId: 'st01' }) }],
  overdueSweep: [{ scope: 'the timer only', allow: [], timer: 'overdueSweep', payload: () => ({}) }],
  autoClose: [{ scope: 'the timer only', allow: [], timer: 'autoClose', payload: () => ({}) }]
}
