// Rotating check-in codes, signed with a server secret (the `checkin` app secret): HMAC-SHA256 over a subject
// and the current 30-second window. Kinds: the venue code staff show (subject: the activity), a volunteer's
// own code staff scan (subject: the enrollment id, an opaque hash, so no openid is in it), and a meeting
// attendee's own code (subject: the attendance id, opaque likewise). Shared by volunteer and deliberation. A code is accepted
// in its own window and the next one only (so it lives 30–60 s), compared in constant time. Beside each
// QR text there is a short code to type (6 characters, no 0/O/1/I/L), an HMAC of the same subject and
// window: the QR and the typed code of one window are the same code (one signature, one use).
import { createHmac, timingSafeEqual } from 'node:crypto'

export const WINDOW_MS = 30_000
/** Windows accepted: the current one and this many before it. */
export const ACCEPTED_PAST_WINDOWS = 1
export type CodeKind = 'venue' | 'person' | 'attendee'
export const CODE_PREFIX: Record<CodeKind, string> = { venue: 'LLT-CHECKIN:', person: 'LLT-VOL:', attendee: 'LLT-MTG:' }
export const CHECKIN_PREFIX = CODE_PREFIX.venue
export const SHORT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const SHORT_LENGTH = 6

export const windowOf = (ms: number) => Math.floor(ms / WINDOW_MS)
/** When a token of `window` stops being accepted. */
export const validUntil = (window: number) => new Date((window + 1 + ACCEPTED_PAST_WINDOWS) * WINDOW_MS)

const PURPOSE: Record<CodeKind, string> = { venue: 'checkin', person: 'person', attendee: 'attendee' }
const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest()

function signature(secret: string, kind: CodeKind, subject: string, window: number): string {
  return hmac(secret, `${PURPOSE[kind]}|${subject}|${window}`).toString('base64url')
}

/** The text the QR code carries for `subject` in `window`. */
export function codePayload(secret: string, kind: CodeKind, subject: string, window: number): string {
  return `${CODE_PREFIX[kind]}${subject}.${window}.${signature(secret, kind, subject, window)}`
}

export const checkinPayload = (secret: string, activityId: string, window: number) => codePayload(secret, 'venue', activityId, window)

/** The code to type for `subject` in `window`: base-31 digits of the first 48 bits of its own HMAC. */
export function shortCode(secret: string, kind: CodeKind, subject: string, window: number): string {
  let n = hmac(secret, `short|${PURPOSE[kind]}|${subject}|${window}`).readUIntBE(0, 6)
  let out = ''
  for (let i = 0; i < SHORT_LENGTH; i++) {
    out += SHORT_ALPHABET[n % SHORT_ALPHABET.length]
    n = Math.floor(n / SHORT_ALPHABET.length)
  }
  return out
}

/** What a person typed, as compared: spaces and dashes dropped, upper case. */
export const normalizeShort = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase()
const SHORT = new RegExp(`^[${SHORT_ALPHABET}]{${SHORT_LENGTH}}$`)
export const isShortCode = (typed: string) => SHORT.test(normalizeShort(typed))

export type TokenRefusal = 'malformed' | 'forged' | 'otherActivity' | 'expired' | 'wrongShort'

export type TokenCheck = { ok: true; subject: string; window: number; signature: string } | { ok: false; reason: TokenRefusal }

const PATTERN = /^([A-Za-z0-9_-]{1,140})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/

const acceptedWindows = (nowMs: number) => Array.from({ length: ACCEPTED_PAST_WINDOWS + 1 }, (_, k) => windowOf(nowMs) - k)

/**
 * Verifies a scanned QR text (with or without its prefix) of `kind`, or a typed short code of one of
 * `subjects` (the activity for a venue code, the activity's enrollments for a personal one).
 */
export function verifyCode(secret: string, kind: CodeKind, scanned: string, subjects: string[], nowMs: number): TokenCheck {
  const text = scanned.trim()
  if (isShortCode(text)) {
    const typed = normalizeShort(text)
    for (const window of acceptedWindows(nowMs))
      for (const subject of subjects)
        if (shortCode(secret, kind, subject, window) === typed)
          return { ok: true, subject, window, signature: signature(secret, kind, subject, window) }
    return { ok: false, reason: 'wrongShort' }
  }
  const prefix = CODE_PREFIX[kind]
  const m = PATTERN.exec(text.startsWith(prefix) ? text.slice(prefix.length) : text)
  if (!m) return { ok: false, reason: 'malformed' }
  const [, subject, windowText, given] = m
  const window = Number(windowText)
  const expected = Buffer.from(signature(secret, kind, subject, window))
  if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'forged' }
  if (!subjects.includes(subject)) return { ok: false, reason: 'otherActivity' }
  if (!acceptedWindows(nowMs).includes(window)) return { ok: false, reason: 'expired' }
  return { ok: true, subject, window, signature: given }
}

/** Verifies what a volunteer scanned or typed (the venue code) against the activity and the clock. */
export const verifyCheckin = (secret: string, scanned: string, activityId: string, nowMs: number) =>
  verifyCode(secret, 'venue', scanned, [activityId], nowMs)
