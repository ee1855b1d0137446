// How an action is declared: its input schema and (as a phantom type) its result.
import type { z } from 'zod'

export interface ActionDef<I extends z.ZodTypeAny, O> {
  input: I
  /** Phantom: never read at run time, only carries the result type. */
  readonly _output?: O
}

export const action = <I extends z.ZodTypeAny>(input: I) => ({
  returns: <O>(): ActionDef<I, O> => ({ input })
})

export type AnyActionDef = ActionDef<z.ZodTypeAny, unknown>
export type ActionMap = Record<string, AnyActionDef>
export type InputOf<D> = D extends ActionDef<infer I, unknown> ? z.input<I> : never
export type ParsedOf<D> = D extends ActionDef<infer I, unknown> ? z.output<I> : never
export type OutputOf<D> = D extends ActionDef<z.ZodTypeAny, infer O> ? O : never
