import { checkinPayload, codePayload, shortCode, SHORT_ALPHABET, validUntil, verifyCheckin, verifyCode, WINDOW_MS, windowOf } from './token'

const secret = 'test-secret-0123456789abcdef0123456789abcdef'
const now = Date.parse('2026-11-22T02:00:10Z')
const w = windowOf(now)

describe('check-in token', () => {
  test('a token of the current window is accepted, with or without the prefix', () => {
    const payload = checkinPayload(secret, 'a1', w)
    expect(verifyCheckin(secret, payload, 'a1', now)).toMatchObject({ ok: true, window: w })
    expect(verifyCheckin(secret, payload.replace('LLT-CHECKIN:', ''), 'a1', now).ok).toBe(true)
  })

  test('the previous window is still accepted, older ones and future ones are not', () => {
    expect(verifyCheckin(secret, checkinPayload(secret, 'a1', w - 1), 'a1', now).ok).toBe(true)
    expect(verifyCheckin(secret, checkinPayload(secret, 'a1', w - 2), 'a1', now)).toEqual({ ok: false, reason: 'expired' })
    expect(verifyCheckin(secret, checkinPayload(secret, 'a1', w + 1), 'a1', now)).toEqual({ ok: false, reason: 'expired' })
    expect(validUntil(w).getTime()).toBe((w + 2) * WINDOW_MS)
  })

  test('a token for another activity is refused as such', () => {
    expect(verifyCheckin(secret, checkinPayload(secret, 'a2', w), 'a1', now)).toEqual({ ok: false, reason: 'otherActivity' })
  })

  test('a token signed with another secret, or altered, is forged', () => {
    expect(verifyCheckin('other-secret', checkinPayload(secret, 'a1', w), 'a1', now)).toEqual({ ok: false, reason: 'forged' })
    const payload = checkinPayload(secret, 'a1', w)
    const altered = payload.replace(`.${w}.`, `.${w - 1}.`)
    expect(verifyCheckin(secret, altered, 'a1', now)).toEqual({ ok: false, reason: 'forged' })
    const flipped = payload.slice(0, -1) + (payload.endsWith('A') ? 'B' : 'A')
    expect(verifyCheckin(secret, flipped, 'a1', now)).toEqual({ ok: false, reason: 'forged' })
  })

  test('anything else is malformed', () => {
    for (const junk of ['', 'hello', 'LLT-CHECKIN:', 'a1.1.short', 'https://example.com/?a=1'])
      expect(verifyCheckin(secret, junk, 'a1', now)).toEqual({ ok: false, reason: 'malformed' })
  })
})

describe('short typed codes', () => {
  test('six characters of an alphabet without 0, O, 1, I or L', () => {
    const code = shortCode(secret, 'venue', 'a1', w)
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/)
    expect(SHORT_ALPHABET).not.toMatch(/[01OIL]/)
  })

  test('the typed code of the current or previous window is accepted, spaced or lower case, as the same code as the QR', () => {
    const code = shortCode(secret, 'venue', 'a1', w)
    const qr = verifyCheckin(secret, checkinPayload(secret, 'a1', w), 'a1', now)
    const typed = verifyCheckin(secret, `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`, 'a1', now)
    expect(typed).toEqual(qr)
    expect(verifyCheckin(secret, shortCode(secret, 'venue', 'a1', w - 1), 'a1', now).ok).toBe(true)
    expect(verifyCheckin(secret, shortCode(secret, 'venue', 'a1', w - 2), 'a1', now)).toEqual({ ok: false, reason: 'wrongShort' })
    expect(verifyCheckin(secret, shortCode(secret, 'venue', 'a2', w), 'a1', now)).toEqual({ ok: false, reason: 'wrongShort' })
  })
})

describe('personal codes', () => {
  const enrollments = ['en_one', 'en_two', 'en_three']

  test('a personal code names its enrollment; the typed one is found among the activity’s enrollments', () => {
    expect(verifyCode(secret, 'person', codePayload(secret, 'person', 'en_two', w), enrollments, now)).toMatchObject({
      ok: true,
      subject: 'en_two'
    })
    expect(verifyCode(secret, 'person', shortCode(secret, 'person', 'en_three', w), enrollments, now)).toMatchObject({
      ok: true,
      subject: 'en_three'
    })
  })

  test('a venue code is no personal code, nor the other way round, and a code of another activity’s enrollment is refused', () => {
    expect(verifyCode(secret, 'person', checkinPayload(secret, 'en_two', w), enrollments, now).ok).toBe(false)
    expect(verifyCheckin(secret, codePayload(secret, 'person', 'a1', w), 'a1', now).ok).toBe(false)
    expect(verifyCode(secret, 'person', shortCode(secret, 'venue', 'en_two', w), enrollments, now)).toEqual({
      ok: false,
      reason: 'wrongShort'
    })
    expect(verifyCode(secret, 'person', codePayload(secret, 'person', 'en_other', w), enrollments, now)).toEqual({
      ok: false,
      reason: 'otherActivity'
    })
    expect(verifyCode(secret, 'person', codePayload(secret, 'person', 'en_two', w - 2), enrollments, now)).toEqual({
      ok: false,
      reason: 'expired'
    })
  })
})
