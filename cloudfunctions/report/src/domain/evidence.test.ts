import { at, SPOT, T0 } from './fixture'
import { placePhotos } from './evidence'

const report = { location: SPOT, submittedAt: T0, clientTime: null, evidenceRadius: 50 }
const photo = (dLat: number, takenAt = at(1)) => ({
  fileId: 'cloud://env/users/h1/a.jpg',
  location: { lat: SPOT.lat + dLat, lng: SPOT.lng },
  takenAt: takenAt.toISOString()
})

describe('after-photo evidence', () => {
  it('all photos within the radius are evidence; one beyond it is not', () => {
    // 0.0004° of latitude ≈ 44.5 m, 0.0005° ≈ 55.7 m.
    expect(placePhotos([photo(0), photo(0.0004)], report, at(2)).near).toBe(true)
    const far = placePhotos([photo(0), photo(0.0005)], report, at(2))
    expect(far.near).toBe(false)
    expect(far.photos.map((p) => p.distance)).toEqual([0, 56])
  })

  it('a photo taken before the report or in the future is refused', () => {
    expect(() => placePhotos([photo(0, at(-1))], report, at(2))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
    expect(() => placePhotos([photo(0, at(3))], report, at(2))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })
})
