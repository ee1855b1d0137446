import { DEFAULT_WALK_CONFIG, EARTH_RADIUS_M, WALK, greatCircleMeters, makeWalkRule } from './walk'

describe('walking rule', () => {
  test('tier radii follow GB 50180-2018', () => {
    expect([WALK.radiusOf(5), WALK.radiusOf(10), WALK.radiusOf(15)]).toEqual([300, 500, 1000])
    expect(WALK.categoryRadius('convenience')).toBe(300)
    expect(WALK.categoryRadius('canteen')).toBe(500)
    expect(WALK.categoryRadius('clinic')).toBe(1000)
  })

  test('walking minutes: distance × detour ÷ speed, rounded up, at least one', () => {
    expect(WALK.walkMinutes(0)).toBe(1)
    expect(WALK.walkMinutes(50)).toBe(1)
    expect(WALK.walkMinutes(300)).toBe(5)
    expect(WALK.walkMinutes(500)).toBe(8)
    expect(WALK.walkMinutes(1000)).toBe(15)
    expect(WALK.walkMinutes(1001)).toBe(16)
  })

  test('every distance within a tier radius walks within the tier', () => {
    for (const tier of [5, 10, 15] as const) {
      for (let d = 0; d <= WALK.radiusOf(tier); d += 7) expect(WALK.walkMinutes(d)).toBeLessThanOrEqual(tier)
      expect(WALK.walkMinutes(WALK.radiusOf(tier))).toBeLessThanOrEqual(tier)
    }
  })

  test('within and tierOf are inclusive at the radius', () => {
    expect(WALK.within(300, 5)).toBe(true)
    expect(WALK.within(300.01, 5)).toBe(false)
    expect(WALK.tierOf(120)).toBe(5)
    expect(WALK.tierOf(301)).toBe(10)
    expect(WALK.tierOf(1000)).toBe(15)
    expect(WALK.tierOf(1000.5)).toBeNull()
  })

  test('is configurable and refuses nonsense', () => {
    const slow = makeWalkRule({ speedMetersPerMinute: 60 })
    expect(slow.walkMinutes(1000)).toBe(20)
    expect(slow.radiusOf(15)).toBe(1000)
    const wide = makeWalkRule({ radii: { 15: 1200 } as never })
    expect([wide.radiusOf(5), wide.radiusOf(15)]).toEqual([300, 1200])
    expect(() => makeWalkRule({ detourFactor: 0.5 })).toThrow()
    expect(() => makeWalkRule({ speedMetersPerMinute: 0 })).toThrow()
    expect(() => makeWalkRule({ radii: { 5: 600, 10: 500, 15: 1000 } })).toThrow()
    expect(DEFAULT_WALK_CONFIG.radii[5]).toBe(300)
  })

  test('great-circle distance', () => {
    const oneDegree = (EARTH_RADIUS_M * Math.PI) / 180
    expect(greatCircleMeters({ lat: 31, lng: 118 }, { lat: 32, lng: 118 })).toBeCloseTo(oneDegree, 3)
    expect(greatCircleMeters({ lat: 0, lng: 118 }, { lat: 0, lng: 119 })).toBeCloseTo(oneDegree, 3)
    // A degree of longitude shrinks with the cosine of the latitude.
    expect(greatCircleMeters({ lat: 60, lng: 118 }, { lat: 60, lng: 118.001 })).toBeCloseTo(oneDegree * 0.001 * 0.5, 0)
    expect(greatCircleMeters({ lat: 31.3, lng: 118.3 }, { lat: 31.3, lng: 118.3 })).toBe(0)
  })
})
