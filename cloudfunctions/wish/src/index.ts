// wish: micro-wishes (微心愿). A thin router: the schema validates, the route's `allow` checks the role,
// handlers check scope and call the domain modules in src/domain/.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { claim, confirm, expireClaims, fulfil, release, review, withdraw } from './lifecycle'
import { detail, mine, reviewQueue, stats, wall } from './queries'
import { submit } from './submit'

/** Timer triggers in config.json → the action they run as the system caller. */
export const TIMERS = { expireClaims: 'expireClaims' }

export const main = createFunction(
  'wish',
  contract.wish,
  {
    submit: { allow: ['resident'], handler: (input, { caller, now }) => submit(input, caller, now) },
    review: { allow: ['staff'], handler: (input, { caller, now }) => review(input, caller, now) },
    wall: { allow: ['anyone'], handler: (input) => wall(input) },
    detail: { allow: ['anyone'], handler: (input, { caller }) => detail(input.wishId, caller) },
    mine: { allow: ['resident'], handler: (input, { caller }) => mine(input, caller) },
    claim: { allow: ['member', 'volunteer'], handler: (input, { caller, now }) => claim(input.wishId, caller, now) },
    release: { allow: ['resident'], handler: (input, { caller, now }) => release(input, caller, now) },
    fulfil: { allow: ['resident'], handler: (input, { caller, now }) => fulfil(input, caller, now) },
    confirm: { allow: ['resident'], handler: (input, { caller, now }) => confirm(input, caller, now) },
    withdraw: { allow: ['resident'], handler: (input, { caller, now }) => withdraw(input, caller, now) },
    expireClaims: { allow: ['system', 'staff'], handler: (_input, { caller, now }) => expireClaims(caller, now) },
    reviewQueue: { allow: ['staff'], handler: (input, { caller }) => reviewQueue(input, caller) },
    stats: { allow: ['staff', 'streetAdmin'], handler: (input, { caller }) => stats(input, caller) }
  },
  TIMERS
)
