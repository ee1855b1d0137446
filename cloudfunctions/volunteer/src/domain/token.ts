// The rotating check-in code. Staff show a QR code of a token signed with a server secret:
// HMAC-SHA256 over the activity id and the current 30-second window. A token is accepted in its own
// window and the next one only (so it lives 30–60 s), compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const WINDOW_MS = 30_000
/** Windows accepted: the current one and this many before it. */
export const ACCEPTED_PAST_WINDOWS = 1
export const CHECKIN_PREFIX = 'LLT-CHECKIN:'

export const windowOf = (ms: number) => Math.floor(ms / WINDOW_MS)
/** When a token of `window` stops being accepted. */
export const validUntil = (window: number) => new Date((window + 1 + ACCEPTED_PAST_WINDOWS) * WINDOW_MS)

function signature(secret: string, activityId: string, window: number): string {
  return createHmac('sha256', secret).update(`checkin|${activityId}|${window}`).digest('base64url')
}

/** The text the QR code carries for `activityId` in `window`. */
export function checkinPayload(secret: string, activityId: string, window: number): string {
  return `${CHECKIN_PREFIX}${activityId}.${window}.${signature(secret, activityId, window)}`
}

export type TokenRefusal = 'malformed' | 'forged' | 'otherActivity' | 'expired'

export const TOKEN_REFUSALS: Record<TokenRefusal, string> = {
  malformed: '这不是签到码，请扫描活动现场的签到二维码',
  forged: '签到码无效，请扫描现场工作人员出示的签到码',
  otherActivity: '该签到码不属于本活动',
  expired: '签到码已过期，请扫描最新的签到码'
}

export type TokenCheck = { ok: true; window: number; signature: string } | { ok: false; reason: TokenRefusal }

const PATTERN = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/

/** Verifies what a volunteer scanned (with or without the prefix) against the activity and the clock. */
export function verifyCheckin(secret: string, scanned: string, activityId: string, nowMs: number): TokenCheck {
  const text = scanned.trim()
  const m = PATTERN.exec(text.startsWith(CHECKIN_PREFIX) ? text.slice(CHECKIN_PREFIX.length) : text)
  if (!m) return { ok: false, reason: 'malformed' }
  const [, tokenActivity, windowText, given] = m
  const window = Number(windowText)
  const expected = Buffer.from(signature(secret, tokenActivity, window))
  if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'forged' }
  if (tokenActivity !== activityId) return { ok: false, reason: 'otherActivity' }
  const current = windowOf(nowMs)
  if (window > current || window < current - ACCEPTED_PAST_WINDOWS) return { ok: false, reason: 'expired' }
  return { ok: true, window, signature: given }
}
