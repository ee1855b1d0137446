// Masking of personal data shown to others, and the guard against it in public text. Pure functions; unit-tested.
import { foldForCheck } from '../../../types/text'

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 7) return '****'
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

/** The one place deciding whether a viewer sees a full phone number. */
export const phoneFor = (phone: string | null | undefined, fullAccess: boolean): string =>
  fullAccess ? (phone ?? '') : (maskPhone(phone) ?? '')

/** 张三丰 → 张**; a single character stays hidden entirely. */
export function maskName(name: string | null | undefined): string {
  if (!name) return '**'
  const chars = [...name.trim()]
  if (chars.length <= 1) return '*'
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 2))
}

/** 110101199001011234 → 1101**********1234 */
export function maskIdCard(id: string | null | undefined): string | null {
  if (!id) return null
  const s = id.trim()
  if (s.length < 8) return '*'.repeat(s.length)
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`
}

export const PHONE_PATTERN = /(?<!\d)1[3-9]\d{9}(?!\d)/
export const ID_CARD_PATTERN = /(?<![0-9Xx])\d{17}[\dXx](?![0-9Xx])/

/**
 * Whether public text holds a mainland mobile number, however it is written: full-width or styled digits,
 * zero-width or bidi characters, spaces, dashes or dots between the digits (types/text.ts foldForCheck).
 */
export const containsPhone = (text: string) => PHONE_PATTERN.test(foldForCheck(text))
