import { readInvocation, TIMER_SOURCE } from './invocation'

const TIMERS = { expireClaims: 'expireClaims' }
const timerEvent = { Type: 'Timer', TriggerName: 'expireClaims', Time: '2026-01-01T00:00:00Z', Message: '' }
const code = (run: () => unknown) => {
  try {
    run()
    return 'ok'
  } catch (e) {
    return (e as { code?: string }).code
  }
}

describe('readInvocation', () => {
  test('the platform firing a declared timer runs its action as the system', () => {
    expect(readInvocation(timerEvent, { SOURCE: TIMER_SOURCE }, TIMERS)).toEqual({ kind: 'timer', action: 'expireClaims' })
    expect(readInvocation({ ...timerEvent, Type: 'timer' }, { SOURCE: TIMER_SOURCE }, TIMERS)).toMatchObject({ kind: 'timer' })
  })

  test('without an OPENID anything else is UNAUTHENTICATED', () => {
    for (const source of [undefined, '', 'wx_http', 'wx_unknown', 'scf', 'wx_client,scf', 'wx_trigger,scf']) {
      expect(code(() => readInvocation(timerEvent, { SOURCE: source }, TIMERS))).toBe('UNAUTHENTICATED')
      expect(code(() => readInvocation({ action: 'wall', data: {} }, { SOURCE: source }, TIMERS))).toBe('UNAUTHENTICATED')
    }
    expect(code(() => readInvocation({ action: 'wall' }, { SOURCE: TIMER_SOURCE }, TIMERS))).toBe('UNAUTHENTICATED')
    expect(code(() => readInvocation({ ...timerEvent, TriggerName: 'other' }, { SOURCE: TIMER_SOURCE }, TIMERS))).toBe('UNAUTHENTICATED')
    expect(code(() => readInvocation({ ...timerEvent, TriggerName: 'toString' }, { SOURCE: TIMER_SOURCE }, TIMERS))).toBe('UNAUTHENTICATED')
    expect(code(() => readInvocation({ ...timerEvent, Type: 'Http' }, { SOURCE: TIMER_SOURCE }, TIMERS))).toBe('UNAUTHENTICATED')
    expect(code(() => readInvocation(null, { SOURCE: TIMER_SOURCE }, TIMERS))).toBe('UNAUTHENTICATED')
  })

  test('a signed-in caller can never make its event a timer', () => {
    for (const source of ['wx_client', TIMER_SOURCE]) {
      expect(code(() => readInvocation(timerEvent, { OPENID: 'o1', SOURCE: source }, TIMERS))).toBe('INVALID_ARGUMENT')
      expect(code(() => readInvocation({ action: 'claim', TriggerName: 'expireClaims' }, { OPENID: 'o1', SOURCE: source }, TIMERS))).toBe(
        'INVALID_ARGUMENT'
      )
    }
  })

  test('a signed-in caller names the action', () => {
    expect(readInvocation({ action: 'wall' }, { OPENID: 'o1', SOURCE: 'wx_client' }, TIMERS)).toEqual({
      kind: 'client',
      openid: 'o1',
      action: 'wall',
      data: {}
    })
    expect(code(() => readInvocation({}, { OPENID: 'o1' }, TIMERS))).toBe('INVALID_ARGUMENT')
  })
})
