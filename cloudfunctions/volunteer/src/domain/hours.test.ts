import fc from 'fast-check'
import { serviceHours, servicePoints, spanHours } from './hours'

const at = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00+08:00`)
const span = { start: at('09:00'), end: at('12:00') }

describe('service hours', () => {
  test('check-out minus check-in in whole half-hours, rounded down', () => {
    expect(serviceHours(at('09:00'), at('11:00'), span)).toBe(2)
    expect(serviceHours(at('09:00'), at('10:59'), span)).toBe(1.5)
    expect(serviceHours(at('09:10'), at('09:39'), span)).toBe(0)
    expect(serviceHours(at('09:10'), at('09:40'), span)).toBe(0.5)
  })

  test('clipped to the activity span: early arrival and late leaving do not count', () => {
    expect(serviceHours(at('08:00'), at('13:30'), span)).toBe(3)
    expect(serviceHours(at('08:00'), at('08:50'), span)).toBe(0)
    expect(serviceHours(at('12:10'), at('13:00'), span)).toBe(0)
    expect(spanHours(span)).toBe(3)
  })

  test('check-out before check-in gives nothing', () => {
    expect(serviceHours(at('11:00'), at('10:00'), span)).toBe(0)
  })

  test('always a half-hour multiple within [0, span]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 500 }), fc.integer({ min: -300, max: 500 }), (a, b) => {
        const h = serviceHours(new Date(span.start.getTime() + a * 60_000), new Date(span.start.getTime() + b * 60_000), span)
        return Number.isInteger(h * 2) && h >= 0 && h <= 3
      })
    )
  })
})

describe('service points', () => {
  test('hours × rate, whole points, capped', () => {
    expect(servicePoints(2, 10, 100)).toBe(20)
    expect(servicePoints(1.5, 5, 100)).toBe(7)
    expect(servicePoints(8, 10, 50)).toBe(50)
    expect(servicePoints(0, 10, 50)).toBe(0)
  })
})
