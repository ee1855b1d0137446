import { distanceMeters, withinRadius } from './geo'

describe('geofence', () => {
  test('haversine distance matches known values', () => {
    // One thousandth of a degree of latitude is about 111 m everywhere.
    expect(distanceMeters({ lat: 31.335, lng: 118.375 }, { lat: 31.336, lng: 118.375 })).toBeCloseTo(111.2, 0)
    // Beijing Tiananmen to Shanghai People's Square: about 1 067 km.
    const d = distanceMeters({ lat: 39.9087, lng: 116.3975 }, { lat: 31.2304, lng: 121.4737 })
    expect(d / 1000).toBeGreaterThan(1060)
    expect(d / 1000).toBeLessThan(1075)
    expect(distanceMeters({ lat: 31, lng: 118 }, { lat: 31, lng: 118 })).toBe(0)
  })

  test('inside and outside the radius', () => {
    const venue = { lat: 31.335, lng: 118.375 }
    expect(withinRadius(venue, { lat: 31.3359, lng: 118.375 }, 200)).toBe(true)
    expect(withinRadius(venue, { lat: 31.3369, lng: 118.375 }, 200)).toBe(false)
  })
})
