import fc from 'fast-check'
import { WISH_STATUSES, type WishStatus } from '../../../../types'
import { AppError } from '../../../_shared/infra/errors'
import { T0, wishFixture } from './fixture'
import {
  applyEvent,
  isAllowedStep,
  isValidHistory,
  nextStatus,
  staleMessage,
  TRANSITIONS,
  WISH_EVENTS,
  type EventInput,
  type WishEvent
} from './stateMachine'
import type { WishDoc } from '../docs'

const claimer = { kind: 'member' as const, displayName: '陈**', branch: '税务局机关党支部', pledge: '为邻里办实事' }
const inputs: Record<WishEvent, EventInput> = {
  publish: { event: 'publish' },
  reject: { event: 'reject', reason: '描述不清' },
  claim: { event: 'claim', claimer, claimDays: 7 },
  release: { event: 'release' },
  expire: { event: 'expire', claimDays: 7 },
  fulfil: { event: 'fulfil', note: '已送到', photos: ['cloud://env/users/m1/p.jpg'] },
  confirm: { event: 'confirm', rating: 5, thanks: '谢谢' },
  withdraw: { event: 'withdraw' }
}
const actor = { who: 'm1', role: 'member' as const }
const later = (h: number) => new Date(T0.getTime() + h * 3600_000)

describe('wish state machine', () => {
  it('allows exactly the documented lifecycle', () => {
    const allowed = WISH_STATUSES.flatMap((from) =>
      WISH_EVENTS.filter((e) => nextStatus(from, e)).map((e) => `${from}-${e}->${nextStatus(from, e)}`)
    )
    expect(allowed.sort()).toEqual(
      [
        'submitted-publish->published',
        'submitted-reject->rejected',
        'submitted-withdraw->withdrawn',
        'published-claim->claimed',
        'published-withdraw->withdrawn',
        'claimed-release->published',
        'claimed-expire->published',
        'claimed-fulfil->fulfilled',
        'fulfilled-confirm->confirmed'
      ].sort()
    )
  })

  it('refuses every other (status, event) with CONFLICT and leaves the wish untouched', () => {
    for (const status of WISH_STATUSES) {
      for (const event of WISH_EVENTS) {
        if (nextStatus(status, event)) continue
        const wish = wishFixture({ status })
        const copy = JSON.stringify(wish)
        let error: unknown
        try {
          applyEvent(wish, inputs[event], actor, later(1))
        } catch (e) {
          error = e
        }
        expect(error).toBeInstanceOf(AppError)
        expect((error as AppError).code).toBe('CONFLICT')
        expect(JSON.stringify(wish)).toBe(copy)
      }
    }
  })

  it('tells a late claimer that the wish was just claimed', () => {
    expect(staleMessage('claim', 'claimed')).toBe('该心愿刚刚被认领')
    expect(() => applyEvent(wishFixture({ status: 'claimed' }), inputs.claim, actor, later(1))).toThrow('该心愿刚刚被认领')
    expect(() => applyEvent(wishFixture({ status: 'claimed' }), inputs.confirm, actor, later(1))).toThrow('心愿尚未实现，暂不能确认')
  })

  it('records who, when, from, to and why on every step', () => {
    const wish = wishFixture({ status: 'published', publishedAt: T0 })
    const t = applyEvent(wish, inputs.claim, actor, later(5))
    expect(t.entry).toEqual({ at: later(5), who: 'm1', role: 'member', from: 'published', to: 'claimed', why: '在职党员认领' })
    expect(t.patch.history).toHaveLength(2)
    expect(t.patch).toMatchObject({
      status: 'claimed',
      claimerId: 'm1',
      claimer,
      claimedAt: later(5),
      metrics: { claimMs: 5 * 3600_000, fulfilMs: null }
    })
    expect(t.patch.claimDeadline).toEqual(new Date(later(5).getTime() + 7 * 86_400_000))
  })

  it('clears the claim on release and expiry, keeping the first publication date', () => {
    const claimed = { ...wishFixture({ status: 'published', publishedAt: T0 }) }
    const c = applyEvent(claimed, inputs.claim, actor, later(2))
    const wish = { ...claimed, ...c.patch } as WishDoc
    for (const input of [inputs.release, inputs.expire]) {
      const t = applyEvent(wish, input, { who: 'system', role: 'system' }, later(200))
      expect(t.patch).toMatchObject({ status: 'published', claimerId: null, claimer: null, claimDeadline: null })
      expect(t.patch.publishedAt).toBeUndefined()
    }
    expect(applyEvent(wish, inputs.expire, { who: 'system', role: 'system' }, later(200)).entry.why).toBe('认领超过7天未实现，自动释放')
  })

  it('measures time to fulfil from the claim', () => {
    const wish = wishFixture({
      status: 'claimed',
      publishedAt: T0,
      claimedAt: later(3),
      claimerId: 'm1',
      metrics: { claimMs: 3 * 3600_000, fulfilMs: null }
    })
    const t = applyEvent(wish, inputs.fulfil, actor, later(27))
    expect(t.patch.metrics).toEqual({ claimMs: 3 * 3600_000, fulfilMs: 24 * 3600_000 })
  })

  it('keeps every history it builds valid, whatever sequence of events is tried (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WISH_EVENTS), { maxLength: 30 }), (events) => {
        let wish = wishFixture()
        events.forEach((event, i) => {
          try {
            wish = { ...wish, ...applyEvent(wish, inputs[event], actor, later(i + 1)).patch } as WishDoc
          } catch (e) {
            expect((e as AppError).code).toBe('CONFLICT')
          }
        })
        expect(isValidHistory(wish.history)).toBe(true)
        expect(wish.history[wish.history.length - 1].to).toBe(wish.status)
      })
    )
  })

  it('validates histories', () => {
    expect(isAllowedStep(null, 'submitted')).toBe(true)
    expect(isAllowedStep('published', 'confirmed')).toBe(false)
    const bad = [
      ...wishFixture().history,
      { at: T0, who: 'x', role: 'resident' as const, from: 'submitted' as WishStatus, to: 'confirmed' as WishStatus, why: '' }
    ]
    expect(isValidHistory(bad)).toBe(false)
    expect(Object.keys(TRANSITIONS)).toEqual([...WISH_EVENTS])
  })
})
