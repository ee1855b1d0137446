// The network boundary of the h5 app: a fetch stand-in that records requests and answers them.
import type { ErrorCode } from '@contract'

export interface Recorded {
  url: string
  method: string
  headers: Record<string, string>
  /** Parsed JSON body of a POST (e.g. { action, data }). */
  body: any
}

/** Replaces fetch for one test (setup.ts restores it); answer(req) gives the JSON to send back. */
export function stubFetch(answer: (req: Recorded) => unknown | Promise<unknown>): Recorded[] {
  const calls: Recorded[] = []
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
    const req: Recorded = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers as Record<string, string>) ?? {},
      body
    }
    calls.push(req)
    const json = await answer(req)
    return { ok: true, status: 200, json: async () => json, blob: async () => new Blob(['picture'], { type: 'image/jpeg' }) } as Response
  }) as typeof fetch
  return calls
}

/** Calls of one cloud function action among the recorded requests. */
export const callsOf = (calls: Recorded[], fn: string, action: string) =>
  calls.filter((c) => c.url === `/api/functions/${fn}` && c.body?.action === action)

export const ok = <T>(data: T) => ({ ok: true as const, data })
export const fail = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } })

export { makeMe } from '../support/me'
