import { checkinPayload, validUntil, verifyCheckin, WINDOW_MS, windowOf } from './token'

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
