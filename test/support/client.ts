// A test client typed from the contract (types/), like tRPC's createCaller: `api.wish.claim({ wishId }, openid)`
// takes the action's input type and answers `Envelope` of its result type, so a renamed action or field
// breaks the tests at compile time. It is a thin wrapper over any cloud's untyped `call` (the local cloud of
// useLocalCloud(), a local cloud in a child process).
import { contract, type ActionOf, type Contract, type Envelope, type FnName, type InputOf, type OutputOf } from '../../types'

/** What the client needs of a cloud: an untyped call of one action of one function as `openid`. */
export interface UntypedCloud {
  call(fn: string, action: string, data?: unknown, openid?: string): Promise<unknown>
}

type Def<F extends FnName, A extends ActionOf<F>> = Contract[F][A]
/** What the caller sends to `fn.action` (the schema's input type: defaults may be left out). */
export type Input<F extends FnName, A extends ActionOf<F>> = InputOf<Def<F, A>>
/** The data of a successful answer of `fn.action`. */
export type Output<F extends FnName, A extends ActionOf<F>> = OutputOf<Def<F, A>>
/** The answer of `fn.action`. */
export type Answer<F extends FnName, A extends ActionOf<F>> = Envelope<Output<F, A>>

export type FunctionClient<F extends FnName> = {
  [A in ActionOf<F>]: (data: Input<F, A>, openid?: string) => Promise<Answer<F, A>>
}

export type Api = { [F in FnName]: FunctionClient<F> }

export interface TestClient extends Api {
  /** `fn.action` named by values (tables of cases); `api.fn.action(…)` reads better where the names are fixed. */
  call<F extends FnName, A extends ActionOf<F>>(fn: F, action: A, data: Input<F, A>, openid?: string): Promise<Answer<F, A>>
  /**
   * Escape hatch for tests that deliberately send what the contract forbids (bad input, fuzzing, unknown
   * actions, every action by name): no type on the input, `unknown` data in the answer. Say why where used.
   */
  callRaw(fn: string, action: string, data?: unknown, openid?: string): Promise<Envelope<unknown>>
}

export interface TestClientOptions {
  /** The caller of every call that names none (by default such calls are anonymous). */
  openid?: string
}

export function typedClient(cloud: UntypedCloud, options: TestClientOptions = {}): TestClient {
  const callRaw = (fn: string, action: string, data?: unknown, openid = options.openid) =>
    cloud.call(fn, action, data, openid) as Promise<Envelope<unknown>>
  const functionClient = (fn: string, actions: object) =>
    Object.fromEntries(
      Object.keys(actions).map((action) => [action, (data: unknown, openid?: string) => callRaw(fn, action, data, openid)])
    )
  const api = Object.fromEntries(Object.entries(contract).map(([fn, actions]) => [fn, functionClient(fn, actions)])) as unknown as Api
  function call<F extends FnName, A extends ActionOf<F>>(fn: F, action: A, data: Input<F, A>, openid?: string) {
    return callRaw(fn, action, data, openid) as Promise<Answer<F, A>>
  }
  return { ...api, call, callRaw }
}
