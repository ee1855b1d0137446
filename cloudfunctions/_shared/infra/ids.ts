// Document ids derived from their parts — who asked and the client's request id, or the source the document
// belongs to: a retried create finds the document the first attempt wrote instead of writing a second one.
// The payload's fingerprint, stored with a request-id document, tells a retry (same payload) from a reuse of
// the request id for something else (CONFLICT).
import { createHash, createHmac } from 'node:crypto'
import { conflict } from './errors'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The environment variable that sets the id key instead of the stored `appSecrets/ids`. */
export const ID_KEY_ENV = 'ID_HASH_KEY'

let idKey: string | null = null

/**
 * The key of `opaqueId`: the `ids` app secret (infra/secrets.ts), set by the router before the first handler
 * runs, and by the demo seed and the test harness before they build ids. It is one value per environment
 * (every stored id depends on it), so setting it module-wide is the same whichever invocation sets it.
 */
export function setIdKey(key: string): void {
  idKey = key
}

/** Whether this instance has its id key already (it never changes, so a warm instance reads it once). */
export const hasIdKey = (): boolean => idKey !== null

/**
 * The id of a document, built from parts that must not show through (openids, request ids): a keyed hash
 * (HMAC-SHA-256 with the environment's id key) of them, deterministic so a retry finds the same document, and
 * not recomputable from a known openid by anyone without the key. Order ids, ledger entry ids, enrollment and
 * merchant ids are all seen by others.
 */
export function opaqueId(prefix: string, ...parts: string[]): string {
  if (!idKey) throw new Error('opaqueId: the id key is not set (the router sets it before the first handler)')
  return `${prefix}_${createHmac('sha256', idKey).update(JSON.stringify(parts)).digest('hex').slice(0, 24)}`
}

/** JSON with object keys sorted, so two equal payloads give one text whatever their key order. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** The fingerprint of an action's parsed input, its request id left out (the id names the request, it is not its content). */
export function fingerprintOf(input: unknown): string {
  const content =
    input && typeof input === 'object' && !Array.isArray(input) ? { ...(input as Record<string, unknown>), requestId: undefined } : input
  return sha256(canonical(content)).slice(0, 32)
}

export const REQUEST_REUSED = '该请求编号已用于另一份内容，请刷新后重试'

/**
 * Refuses a request id met again with a different payload. A stored document without a fingerprint (written
 * before fingerprints existed, or by the seed) is taken as a retry.
 */
export function assertSameRequest(stored: { requestFingerprint?: string | null }, fingerprint: string | undefined): void {
  if (fingerprint && stored.requestFingerprint && stored.requestFingerprint !== fingerprint) throw conflict(REQUEST_REUSED)
}
