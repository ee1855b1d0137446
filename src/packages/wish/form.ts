// Form helpers for the wish pages: field messages from a refused submission, and request ids that make
// a retried submission safe.
import { CloudError } from '@/services/cloud'

/** path → message for the fields the server refused (INVALID_ARGUMENT details), e.g. { title: '请填写心愿标题' }. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof CloudError) || error.code !== 'INVALID_ARGUMENT') return {}
  const out: Record<string, string> = {}
  for (const f of error.details?.fields ?? []) if (f.path && !out[f.path]) out[f.path] = f.message
  return out
}

/** A fresh client request id (letters and digits, 20 characters). */
export function newRequestId(): string {
  const random = Array.from({ length: 12 }, () => Math.floor(Math.random() * 36).toString(36)).join('')
  return `r${Date.now().toString(36)}${random}`.slice(0, 24)
}

/** Count characters as the server does (code points). */
export const charCount = (s: string) => [...s].length
