// Form helpers for pillar 3 pages: the server's field messages, and request ids that make a retry safe.
import { CloudError } from '@/services/cloud'

/** path → message for the fields the server refused (INVALID_ARGUMENT details). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof CloudError) || error.code !== 'INVALID_ARGUMENT') return {}
  const out: Record<string, string> = {}
  for (const f of error.details?.fields ?? []) if (f.path && !out[f.path]) out[f.path] = f.message
  return out
}

/** A fresh client request id: one per intended action, reused when the same action is retried. */
export function newRequestId(): string {
  const random = Array.from({ length: 12 }, () => Math.floor(Math.random() * 36).toString(36)).join('')
  return `r${Date.now().toString(36)}${random}`.slice(0, 24)
}

/** The person's first staff community, for staff pages. */
export const staffCommunityOf = (roles: ReadonlyArray<{ role: string; communityId?: string }>) =>
  roles.find((r) => r.role === 'staff' && r.communityId)?.communityId ?? null
