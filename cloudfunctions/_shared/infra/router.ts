// The thin router every function uses: parse { action, data }, validate with the contract's schema,
// resolve the caller from getWXContext() (invocation.ts) and their roles from `users`, check the action's allowed
// roles, run the handler, and turn anything thrown into the error envelope.
import type { ZodError } from 'zod'
import type { ActionMap, ActionOf, Contract, Envelope, ErrorBody, FieldError, FnName, OutputOf, ParsedOf } from '../../../types'
import { chineseErrorMap } from '../../../types/schemas/common'
import { allowed, type Allow, type Caller } from './auth'
import { cloud } from './cloud'
import { getDoc } from './db'
import { fingerprintOf, hasIdKey, setIdKey } from './ids'
import { appSecret } from './secrets'
import type { UserDoc } from '../docs'
import { AppError, denied, invalid, isAppError, unauthenticated } from './errors'
import { readInvocation, type Invocation, type WxContext } from './invocation'

export interface Ctx {
  caller: Caller
  /** The time this invocation started; handlers use it instead of reading the clock themselves. */
  now: Date
  action: string
  fn: string
  /** The parsed input's fingerprint (request id left out): stored with request-id documents to refuse a reused id. */
  fingerprint: string
}

export interface Route<D> {
  allow: Allow
  handler: (input: ParsedOf<D>, ctx: Ctx) => Promise<OutputOf<D>>
}

/**
 * The type of every handler: `(input, ctx)` with the action's parsed input and result taken from the
 * contract, e.g. `export const claim: Handler<'wish', 'claim'> = async (input, { caller, now }) => …`.
 */
export type Handler<F extends FnName, A extends ActionOf<F>> = Route<Contract[F][A]>['handler']

export type Routes<M extends ActionMap> = { [A in keyof M]: Route<M[A]> }

const MAX_PAYLOAD_CHARS = 200_000

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }))
}

const SYSTEM: Caller = { openid: '', system: true, user: null, grants: [] }

async function callerOf(invocation: Invocation): Promise<Caller> {
  if (invocation.kind === 'timer') return SYSTEM
  const user = await getDoc<UserDoc>('users', invocation.openid)
  const live = user && !user.deletedAt ? user : null
  return { openid: invocation.openid, system: false, user: live, grants: live?.roles ?? [] }
}

export function toErrorBody(e: unknown): ErrorBody {
  if (isAppError(e)) return e.toBody()
  console.error('[internal]', e)
  return new AppError('INTERNAL').toBody()
}

/**
 * Build a function's `main` from its contract and routes.
 * `timers` maps timer trigger names (config.json) to the action they run as the system caller; only the
 * platform firing one of them runs as the system (see invocation.ts).
 */
export function createFunction<M extends ActionMap>(fn: string, contract: M, routes: Routes<M>, timers: Record<string, string> = {}) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      const invocation = readInvocation(event, cloud.getWXContext() as WxContext, timers)
      const { action } = invocation
      const data = invocation.kind === 'client' ? invocation.data : {}
      if (!Object.prototype.hasOwnProperty.call(routes, action)) throw invalid(`未知的操作：${action.slice(0, 40)}`)
      const route = routes[action] as Route<M[keyof M]>
      const def = contract[action]

      const caller = await callerOf(invocation)
      if (!allowed(caller, route.allow)) {
        throw caller.system || caller.user ? denied() : unauthenticated()
      }

      if (JSON.stringify(data ?? null).length > MAX_PAYLOAD_CHARS) throw invalid('提交的内容过大')
      const parsed = def.input.safeParse(data, { errorMap: chineseErrorMap })
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error)
        throw invalid(fields[0]?.message ?? undefined, { fields })
      }

      if (!hasIdKey()) setIdKey(await appSecret('ids'))
      const result = await route.handler(parsed.data, { caller, now: new Date(), action, fn, fingerprint: fingerprintOf(parsed.data) })
      return { ok: true, data: result ?? null }
    } catch (e) {
      return { ok: false, error: toErrorBody(e) }
    }
  }
}
