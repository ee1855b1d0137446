// Assertions on a function's answer envelope, shared by the function tests; with the typed client
// (client.ts), `ok` answers the action's result type.
import type { Envelope, ErrorBody, ErrorCode } from '../../types'

/** The data of an answer that must succeed; a refusal fails the test with its code and message. */
export async function ok<T>(p: Promise<Envelope<T>>): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}

/**
 * The error of an answer that must be refused with `code`, with a Chinese message a resident can read
 * (matching `message` when given).
 */
export async function fails(p: Promise<Envelope<unknown>>, code: ErrorCode, message?: string | RegExp): Promise<ErrorBody> {
  const res = await p
  if (res.ok) throw new Error(`expected ${code}, got ok`)
  expect(res.error.code).toBe(code)
  expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/)
  if (message) expect(res.error.message).toMatch(message)
  return res.error
}

/** A value the answer must carry (not null or undefined): fails the test naming `what` otherwise. */
export function present<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${value}`)
  return value
}
