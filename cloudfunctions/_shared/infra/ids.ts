// Document ids derived from who asked and the client's request id: a retried create finds the document the
// first attempt wrote instead of writing a second one. The payload's fingerprint, stored with such a
// document, tells a retry (same payload) from a reuse of the request id for something else (CONFLICT).
import { createHash } from 'node:crypto'
import { conflict } from './errors'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

export const requestDocId = (prefix: string, ...parts: string[]): string => `${prefix}-${sha256(parts.join(':')).slice(0, 20)}`

/**
 * An id others see (an order id in the merchant's list and the pickup QR, a ledger entry id), built from parts
 * that must not show through, such as openids: a hash of them, deterministic so a retry finds the same document.
 */
export const opaqueId = (prefix: string, ...parts: string[]): string => `${prefix}_${sha256(JSON.stringify(parts)).slice(0, 24)}`

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
