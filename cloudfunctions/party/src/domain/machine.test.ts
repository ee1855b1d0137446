import fc from 'fast-check'
import { type AppError } from '../../../_shared/infra/errors'
import { applyEvent, canApply, lastReason, transitions, type Stateful } from './machine'
import { MEMBER_EVENTS, MEMBER_MACHINE, UNIT_EVENTS, UNIT_MACHINE } from './registration'
import { NEED_EVENTS, NEED_MACHINE } from './needs'

const actor = { id: 'staff-1', role: 'staff' as const }
const at = new Date('2026-11-22T08:00:00Z')

describe.each([
  ['member registration', MEMBER_MACHINE, MEMBER_EVENTS],
  ['unit registration', UNIT_MACHINE, UNIT_EVENTS],
  ['need', NEED_MACHINE, NEED_EVENTS]
] as const)('the %s state machine', (_name, spec, events) => {
  test('any sequence of events either follows the machine or is refused with CONFLICT and changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...(events as readonly string[])), { maxLength: 25 }), (sequence) => {
        let doc: Stateful<string> = { status: null, history: [] }
        let applied = 0
        for (const event of sequence) {
          const allowed = canApply(spec as never, doc.status, event as never)
          try {
            doc = applyEvent(spec as never, doc, event as never, actor, at, 'why')
            expect(allowed).toBe(true)
            applied++
          } catch (e) {
            expect(allowed).toBe(false)
            expect((e as AppError).code).toBe('CONFLICT')
            expect((e as AppError).message.length).toBeGreaterThan(2)
          }
        }
        // Every change is recorded, and the records chain: each entry starts where the previous ended.
        expect(doc.history).toHaveLength(applied)
        doc.history.forEach((h, i) => {
          expect(h.from).toBe(i === 0 ? null : doc.history[i - 1].to)
          expect(h).toMatchObject({ by: 'staff-1', role: 'staff', at, why: 'why' })
        })
        if (applied) expect(doc.status).toBe(doc.history[applied - 1].to)
      })
    )
  })

  test('the listed transitions are exactly what the spec allows', () => {
    for (const t of transitions(spec as never)) expect(canApply(spec as never, t.from as never, t.event as never)).toBe(true)
  })
})

test('member registrations: rejected and ended are final; only an approved registration renews', () => {
  for (const final of ['rejected', 'ended'] as const) {
    for (const event of MEMBER_EVENTS) expect(canApply(MEMBER_MACHINE, final, event)).toBe(false)
  }
  expect(canApply(MEMBER_MACHINE, 'pending', 'renew')).toBe(false)
  expect(canApply(MEMBER_MACHINE, 'approved', 'renew')).toBe(true)
  expect(canApply(MEMBER_MACHINE, 'approved', 'approve')).toBe(false)
})

test('lastReason finds the reason of the latest matching event', () => {
  let doc: Stateful<string> = { status: null, history: [] }
  doc = applyEvent(UNIT_MACHINE, doc as never, 'submit', actor, at)
  doc = applyEvent(UNIT_MACHINE, doc as never, 'reject', actor, at, '材料不全')
  doc = applyEvent(UNIT_MACHINE, doc as never, 'resubmit', actor, at)
  doc = applyEvent(UNIT_MACHINE, doc as never, 'reject', actor, at, '党组织名称有误')
  expect(lastReason(doc.history, ['reject'])).toBe('党组织名称有误')
  expect(lastReason(doc.history, ['end'])).toBeNull()
})
