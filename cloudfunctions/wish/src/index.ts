// wish: micro-wishes (微心愿). The route table: the schema validates, the route's `allow` checks the role,
// handlers check scope and call the domain modules in src/domain/.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { claim, confirm, expireClaims, forceRelease, fulfil, release, review, withdraw } from './handlers/lifecycle'
import { contactViews, setClaimerSuspension } from './handlers/oversight'
import { detail, mine, reviewQueue, wall } from './handlers/queries'
import { stats } from './handlers/stats'
import { submit } from './handlers/submit'

/** Timer triggers in config.json → the action they run as the system caller. */
export const TIMERS = { expireClaims: 'expireClaims' }

export const main = createFunction(
  'wish',
  contract.wish,
  {
    submit: { allow: ['resident'], handler: submit },
    review: { allow: ['staff'], handler: review },
    wall: { allow: ['anyone'], handler: wall },
    detail: { allow: ['anyone'], handler: detail },
    mine: { allow: ['resident'], handler: mine },
    claim: { allow: ['member', 'volunteer'], handler: claim },
    release: { allow: ['resident'], handler: release },
    fulfil: { allow: ['resident'], handler: fulfil },
    confirm: { allow: ['resident'], handler: confirm },
    withdraw: { allow: ['resident'], handler: withdraw },
    forceRelease: { allow: ['staff'], handler: forceRelease },
    setClaimerSuspension: { allow: ['staff'], handler: setClaimerSuspension },
    contactViews: { allow: ['staff'], handler: contactViews },
    expireClaims: { allow: ['system', 'staff'], handler: expireClaims },
    reviewQueue: { allow: ['staff'], handler: reviewQueue },
    stats: { allow: ['staff', 'streetAdmin'], handler: stats }
  },
  TIMERS
)
