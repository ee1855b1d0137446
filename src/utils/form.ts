// Form helpers shared by every form page: the server's field messages, request ids that make a retried
// submission safe, and character counts as the server makes them. No zod here: the main package imports
// this; on-device validation with the shared schemas is in ./validate (subpackages only).
import { CloudError } from '@/services/cloud'

/** path → message, e.g. { title: '请填写心愿标题', 'beneficiary.name': '请填写受助人姓名' }. */
export type FieldErrors = Record<string, string>

/**
 * The fields a server refusal (INVALID_ARGUMENT) names, first message per field; empty for any other error.
 * `topLevel` keys each message by the first segment of its path ('location.lat' → 'location').
 */
export function serverFieldErrors(error: unknown, { topLevel = false }: { topLevel?: boolean } = {}): FieldErrors {
  if (!(error instanceof CloudError) || error.code !== 'INVALID_ARGUMENT') return {}
  const out: FieldErrors = {}
  for (const f of error.details?.fields ?? []) {
    const key = topLevel ? f.path.split('.')[0] : f.path
    if (key && !out[key]) out[key] = f.message
  }
  return out
}

/** A fresh client request id (letters and digits): one per intended action, sent again when it is retried. */
export function newRequestId(): string {
  const random = Array.from({ length: 12 }, () => Math.floor(Math.random() * 36).toString(36)).join('')
  return `r${Date.now().toString(36)}${random}`.slice(0, 24)
}

/** Characters as the server counts them (code points). */
export const charCount = (s: string) => [...s].length
