// Form helpers shared by every form page: the server's field messages, request ids that make a retried
// submission safe, and character counts as the server makes them. No zod here: the main package imports
// this; on-device validation with the shared schemas is in ./validate (subpackages only).
import Taro from '@tarojs/taro'
import { CloudError } from '@/services/cloud'
import { isWeapp } from '@/services/platform'

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

/**
 * A typed number for the shared schemas: '' is undefined (→ "请填写…"), any written number is its value
 * (so −5 gets the range message and 1.5 the integer one), anything else NaN (→ "…必须是数字").
 */
export function numberField(raw: string): number | undefined {
  const s = raw.trim()
  if (s === '') return undefined
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN
}

/**
 * Messages worded with the form's own label where it differs from the schema's: relabel(errors, { name:
 * ['商家名称', '店名'] }) turns "请填写商家名称" into "请填写店名", so a field's message names that field.
 */
export function relabel(errors: FieldErrors, labels: Record<string, readonly [string, string]>): FieldErrors {
  const out = { ...errors }
  for (const [key, [schemaLabel, formLabel]] of Object.entries(labels)) {
    if (out[key]) out[key] = out[key].split(schemaLabel).join(formLabel)
  }
  return out
}

/** Characters as the server counts them (code points). */
export const charCount = (s: string) => [...s].length

/** The class of a Field showing a message (components/Field). */
export const FIELD_ERROR_SELECTOR = '.llt-field--error'

/**
 * Brings the first field with a message into view once the page has drawn the messages, so an error is
 * never left off-screen above a submit button. Returns `errors` (for `setErrors(revealFirstError(…))`).
 */
export function revealFirstError<E extends FieldErrors>(errors: E): E {
  if (Object.keys(errors).length === 0) return errors
  setTimeout(() => {
    if (isWeapp()) {
      void Taro.pageScrollTo({ selector: FIELD_ERROR_SELECTOR, offsetTop: -120, duration: 200 }).catch(() => undefined)
      return
    }
    // h5 keeps earlier pages in the document, hidden: take the first field on screen.
    const fields = Array.from(document.querySelectorAll<HTMLElement>(FIELD_ERROR_SELECTOR))
    const shown = fields.filter((f) => f.getClientRects().length > 0)
    const first = shown[0] ?? fields[0]
    if (typeof first?.scrollIntoView === 'function') first.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }, 50)
  return errors
}
