// On-device validation with an action's shared zod schema, with the same Chinese messages the server gives
// (the functions' router parses with chineseErrorMap too). Imports zod: only subpackage pages may import
// this module, so zod stays out of the main package.
import Taro from '@tarojs/taro'
import type { ZodTypeAny, z } from 'zod'
import { chineseErrorMap } from '@contract/schemas/common'
import { revealFirstError, serverFieldErrors, type FieldErrors } from './form'

export type Checked<S extends ZodTypeAny> = { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors }

/** Validates `values` with an action's schema: its data, or path → first message (e.g. { pledge: '承诺不能超过100个字' }). */
export function check<S extends ZodTypeAny>(schema: S, values: unknown): Checked<S> {
  const parsed = schema.safeParse(values, { errorMap: chineseErrorMap })
  if (parsed.success) return { ok: true, data: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || '_'
    if (!errors[path]) errors[path] = issue.message
  }
  return { ok: false, errors }
}

/**
 * Checks `values` on the device, then sends them. A refusal on the device puts every field's message under
 * its field at once (so nothing required is found only on a second try), brings the first into view and
 * sends nothing (a toast too only with `toast`); the server's field messages land on the same fields, the
 * first brought into view, and its error is rethrown (for the one place that shows error toasts).
 */
export async function checkThenSend<S extends ZodTypeAny>(
  schema: S,
  values: unknown,
  setErrors: (errors: FieldErrors) => void,
  send: (data: z.output<S>) => Promise<unknown>,
  { toast = false }: { toast?: boolean } = {}
): Promise<void> {
  const checked = check(schema, values)
  if (!checked.ok) {
    setErrors(revealFirstError(checked.errors))
    if (toast) void Taro.showToast({ title: Object.values(checked.errors)[0], icon: 'none' })
    return
  }
  setErrors({})
  try {
    await send(checked.data)
  } catch (e) {
    setErrors(revealFirstError(serverFieldErrors(e)))
    throw e
  }
}
