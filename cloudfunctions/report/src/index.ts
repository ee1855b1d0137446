// report: grid reports and whistle-blowing escalation (随手拍 · 网格 · 吹哨报到). The route table: the schema
// validates, the route's `allow` checks the role, handlers check scope (grid, community, department) and call the
// domain modules in src/domain/ (docs/pillars/grid-reports.md).
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { categories, departments, grids } from './handlers/catalog'
import {
  accept,
  closeNotOurs,
  closeUnsolvable,
  confirm,
  decide,
  extend,
  merge,
  reject,
  reopen,
  requestInfo,
  resolve,
  start,
  supply
} from './handlers/lifecycle'
import { detail, mine, queue, whistles } from './handlers/queries'
import { duplicates, plusOne, submit, unfollow } from './handlers/submit'
import { handBack, rateWhistle, reportIn, whistle, whistleLog, whistleResolve } from './handlers/whistle'
import { figures, figuresCsv, hotSpots } from './handlers/figures'
import { nearby } from './handlers/nearby'
import { currentPatrol, patrol, patrolCoverage, patrolEnd, patrolPoint, patrols, patrolStart } from './handlers/patrols'
import { riderApply, riderMine, riderReview, riders } from './handlers/riders'
import { autoClose, overdueSweep } from './handlers/timers'

/** Timer triggers in config.json → the action they run as the system caller. */
export const TIMERS = { overdueSweep: 'overdueSweep', autoClose: 'autoClose' }

const COMMUNITY_SIDE = ['gridWorker', 'staff'] as const
const TARGET_SIDE = ['deptHandler', 'streetAdmin'] as const

export const main = createFunction(
  'report',
  contract.report,
  {
    categories: { allow: ['anyone'], handler: categories },
    departments: { allow: ['anyone'], handler: departments },
    grids: { allow: ['anyone'], handler: grids },
    duplicates: { allow: ['resident'], handler: duplicates },
    submit: { allow: ['resident'], handler: submit },
    plusOne: { allow: ['resident'], handler: plusOne },
    unfollow: { allow: ['resident'], handler: unfollow },
    detail: { allow: ['anyone'], handler: detail },
    mine: { allow: ['resident'], handler: mine },
    queue: { allow: [...COMMUNITY_SIDE, ...TARGET_SIDE], handler: queue },
    accept: { allow: COMMUNITY_SIDE, handler: accept },
    reject: { allow: COMMUNITY_SIDE, handler: reject },
    merge: { allow: COMMUNITY_SIDE, handler: merge },
    start: { allow: COMMUNITY_SIDE, handler: start },
    requestInfo: { allow: COMMUNITY_SIDE, handler: requestInfo },
    supply: { allow: ['resident'], handler: supply },
    extend: { allow: ['staff'], handler: extend },
    resolve: { allow: COMMUNITY_SIDE, handler: resolve },
    confirm: { allow: ['resident'], handler: confirm },
    reopen: { allow: ['resident'], handler: reopen },
    decide: { allow: ['staff'], handler: decide },
    closeNotOurs: { allow: ['staff'], handler: closeNotOurs },
    closeUnsolvable: { allow: ['staff'], handler: closeUnsolvable },
    whistle: { allow: ['staff'], handler: whistle },
    whistles: { allow: ['staff', ...TARGET_SIDE], handler: whistles },
    reportIn: { allow: TARGET_SIDE, handler: reportIn },
    whistleLog: { allow: [...COMMUNITY_SIDE, ...TARGET_SIDE], handler: whistleLog },
    handBack: { allow: TARGET_SIDE, handler: handBack },
    whistleResolve: { allow: TARGET_SIDE, handler: whistleResolve },
    rateWhistle: { allow: ['staff', ...TARGET_SIDE], handler: rateWhistle },
    // figures, patrols, riders, timers (OPS)
    figures: { allow: ['gridWorker', 'staff', 'deptHandler', 'streetAdmin'], handler: figures },
    figuresCsv: { allow: ['gridWorker', 'staff', 'deptHandler', 'streetAdmin'], handler: figuresCsv },
    hotSpots: { allow: ['staff', 'streetAdmin'], handler: hotSpots },
    nearby: { allow: ['resident'], handler: nearby },
    patrolStart: { allow: COMMUNITY_SIDE, handler: patrolStart },
    patrolPoint: { allow: COMMUNITY_SIDE, handler: patrolPoint },
    patrolEnd: { allow: COMMUNITY_SIDE, handler: patrolEnd },
    currentPatrol: { allow: COMMUNITY_SIDE, handler: currentPatrol },
    // A patrol outside the caller's audience is NOT_FOUND, as one that does not exist (the handler decides).
    patrol: { allow: ['resident'], handler: patrol },
    patrols: { allow: COMMUNITY_SIDE, handler: patrols },
    patrolCoverage: { allow: ['staff', 'streetAdmin'], handler: patrolCoverage },
    riderApply: { allow: ['resident'], handler: riderApply },
    riderMine: { allow: ['resident'], handler: riderMine },
    riderReview: { allow: ['streetAdmin'], handler: riderReview },
    riders: { allow: ['streetAdmin'], handler: riders },
    overdueSweep: { allow: ['system'], handler: overdueSweep },
    autoClose: { allow: ['system'], handler: autoClose }
  },
  TIMERS
)
