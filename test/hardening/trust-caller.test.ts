// Finding 4 of issue 13: an empty OPENID was the system caller with every scope, and the event's
// `Type: 'Timer'` (which a client controls) made a call a timer. In the cloud a Web-SDK, anonymous,
// HTTP-triggered or function-to-function call has no OPENID; here such a call goes through the local
// cloud's admin protocol (functions.invokeFunction), which invokes a function without one, as the cloud
// does for a call from another function. Only the platform's own timer trigger runs as the system.
// (A signed-in caller's timer-shaped event is refused too: invocation.test.ts, as the gateway only
// forwards `{ action, data }`.)
import { isEnvelope, type Envelope } from '../../types'
import { useLocalCloud } from '../support/cloud'
import { twoCommunities, communitySettings } from '../support/fixtures'

const lc = useLocalCloud({ seed: (store) => void store.insert('communities', twoCommunities(communitySettings())) })

/** Invokes `fn` with `event` as it arrives, without an OPENID. */
async function invokeWithoutOpenid(fn: string, event: unknown): Promise<Envelope<unknown>> {
  const res = await fetch(lc.cloud.adminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'functions.invokeFunction', function_name: fn, request_data: JSON.stringify(event) })
  })
  const body = (await res.json()) as { data?: { response_data?: string } }
  return JSON.parse(body.data?.response_data ?? 'null') as Envelope<unknown>
}

const timerEvent = (trigger: string) => ({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString(), Message: '' })
const codeOf = (res: Envelope<unknown>) => (isEnvelope(res) && !res.ok ? res.error.code : JSON.stringify(res))

describe('a call without an OPENID is the system only when the platform fires a declared timer', () => {
  const TIMERS = [
    ['wish', 'expireClaims'],
    ['points', 'expireRedemptions'],
    ['points', 'recoverRedemptions']
  ] as const

  test.each(TIMERS)('%s.%s by name without an OPENID → UNAUTHENTICATED', async (fn, action) => {
    expect(codeOf(await invokeWithoutOpenid(fn, { action, data: {} }))).toBe('UNAUTHENTICATED')
  })

  test.each(TIMERS)('a client-made timer event for %s/%s → UNAUTHENTICATED', async (fn, trigger) => {
    expect(codeOf(await invokeWithoutOpenid(fn, timerEvent(trigger)))).toBe('UNAUTHENTICATED')
    expect(codeOf(await invokeWithoutOpenid(fn, { ...timerEvent(trigger), action: trigger }))).toBe('UNAUTHENTICATED')
  })

  test('actions open to anyone still need an OPENID', async () => {
    expect(codeOf(await invokeWithoutOpenid('wish', { action: 'wall', data: { communityId: 'cm01' } }))).toBe('UNAUTHENTICATED')
    expect(codeOf(await invokeWithoutOpenid('user', { action: 'login', data: {} }))).toBe('UNAUTHENTICATED')
  })

  test.each(TIMERS)('the platform firing %s/%s still runs it as the system', async (fn, trigger) => {
    expect(await lc.cloud.timer(fn, trigger)).toMatchObject({ ok: true })
  })
})
