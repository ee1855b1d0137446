// Forms of the party pages: the shared zod schemas validate on the device with the same Chinese messages
// the server gives, and a refusal from the server lands on the same fields.
import type { ZodTypeAny, z } from 'zod'
import { CloudError } from '@/services/cloud'

export type FieldErrors = Record<string, string>

export type Checked<S extends ZodTypeAny> = { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors }

/** Validates `values` with an action's schema: its data, or path → first message (e.g. { pledge: '承诺不能超过100个字' }). */
export function check<S extends ZodTypeAny>(schema: S, values: unknown): Checked<S> {
  const parsed = schema.safeParse(values)
  if (parsed.success) return { ok: true, data: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || '_'
    if (!errors[path]) errors[path] = issue.message
  }
  return { ok: false, errors }
}

/** The fields a server refusal (INVALID_ARGUMENT) names; empty for any other error. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof CloudError) || error.code !== 'INVALID_ARGUMENT') return {}
  const out: FieldErrors = {}
  for (const f of error.details?.fields ?? []) if (f.path && !out[f.path]) out[f.path] = f.message
  return out
}

/** A client request id: the same one is sent again when a submission is retried. */
export function newRequestId(): string {
  const random = Array.from({ length: 12 }, () => Math.floor(Math.random() * 36).toString(36)).join('')
  return `p${Date.now().toString(36)}${random}`.slice(0, 24)
}
