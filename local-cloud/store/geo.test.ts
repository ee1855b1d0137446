import { circleBoxes, EARTH_RADIUS_M, GeoIndex, haversine, intersectsRegion, parseNear, toLngLat, withinRegion } from './geo'

describe('haversine', () => {
  test('is zero for the same point and symmetric', () => {
    expect(haversine([118.375, 31.335], [118.375, 31.335])).toBe(0)
    expect(haversine([118.3, 31.3], [118.4, 31.4])).toBeCloseTo(haversine([118.4, 31.4], [118.3, 31.3]), 9)
  })

  test('one degree of latitude is R·π/180 on MongoDB’s sphere (6378.1 km)', () => {
    expect(haversine([0, 0], [0, 1])).toBeCloseTo((EARTH_RADIUS_M * Math.PI) / 180, 6)
    expect(EARTH_RADIUS_M).toBe(6_378_100)
  })

  test('a degree of longitude shrinks with the cosine of the latitude', () => {
    const atEquator = haversine([0, 0], [1, 0])
    expect(haversine([0, 60], [1, 60]) / atEquator).toBeCloseTo(0.5, 3)
  })

  test('antipodes are half the circumference apart', () => {
    expect(haversine([0, 0], [180, 0])).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3)
  })
})

describe('points', () => {
  test('GeoJSON, legacy pairs and SDK Geo.Point objects all read as [lng, lat]', () => {
    expect(toLngLat({ type: 'Point', coordinates: [118.1, 31.2] })).toEqual([118.1, 31.2])
    expect(toLngLat([118.1, 31.2])).toEqual([118.1, 31.2])
    expect(toLngLat({ longitude: 118.1, latitude: 31.2 })).toEqual([118.1, 31.2])
    expect(toLngLat({ type: 'Point', coordinates: [200, 0] })).toBeNull()
    expect(toLngLat('x')).toBeNull()
  })
})

describe('circle boxes', () => {
  test('cover the circle', () => {
    const [box] = circleBoxes([118.375, 31.335], 1000)
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const rad = (bearing * Math.PI) / 180
      const lat = 31.335 + ((1000 * Math.cos(rad)) / EARTH_RADIUS_M) * (180 / Math.PI)
      const lng = 118.375 + ((1000 * Math.sin(rad)) / (EARTH_RADIUS_M * Math.cos((31.335 * Math.PI) / 180))) * (180 / Math.PI)
      expect(lng).toBeGreaterThanOrEqual(box.minX)
      expect(lng).toBeLessThanOrEqual(box.maxX)
      expect(lat).toBeGreaterThanOrEqual(box.minY)
      expect(lat).toBeLessThanOrEqual(box.maxY)
    }
  })

  test('split at the antimeridian', () => {
    const boxes = circleBoxes([179.99, 0], 5000)
    expect(boxes).toHaveLength(2)
    expect(boxes.some((b) => b.minX < -179.9)).toBe(true)
  })
})

describe('regions', () => {
  const square = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0]
      ],
      [
        [0.5, 0.5],
        [1, 0.5],
        [1, 1],
        [0.5, 1],
        [0.5, 0.5]
      ]
    ]
  }

  test('$centerSphere takes its radius in radians', () => {
    const region = withinRegion({ $centerSphere: [[0, 0], 1000 / EARTH_RADIUS_M] })
    expect(region.contains({ type: 'Point', coordinates: [0, 0.008] })).toBe(true) // ~890 m
    expect(region.contains({ type: 'Point', coordinates: [0, 0.01] })).toBe(false) // ~1113 m
  })

  test('a polygon with a hole', () => {
    const region = withinRegion({ $geometry: square })
    expect(region.contains({ type: 'Point', coordinates: [1.5, 1.5] })).toBe(true)
    expect(region.contains({ type: 'Point', coordinates: [0.75, 0.75] })).toBe(false)
    expect(region.contains({ type: 'Point', coordinates: [3, 3] })).toBe(false)
  })

  test('a multipolygon', () => {
    const region = withinRegion({
      $geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0]
            ]
          ],
          [
            [
              [10, 10],
              [11, 10],
              [11, 11],
              [10, 10]
            ]
          ]
        ]
      }
    })
    expect(region.contains([10.8, 10.2])).toBe(true)
    expect(region.contains([5, 5])).toBe(false)
  })

  test('$geoIntersects: a point in a polygon, and a polygon containing a point', () => {
    expect(intersectsRegion({ $geometry: square }).contains({ type: 'Point', coordinates: [1.5, 0.2] })).toBe(true)
    expect(intersectsRegion({ $geometry: { type: 'Point', coordinates: [1.5, 0.2] } }).contains(square)).toBe(true)
  })

  test('$nearSphere in meters with GeoJSON, radians with a legacy pair', () => {
    expect(parseNear({ $geometry: { type: 'Point', coordinates: [1, 2] }, $maxDistance: 500 })).toEqual({
      center: [1, 2],
      maxDistance: 500,
      minDistance: 0
    })
    expect(parseNear([1, 2], { $maxDistance: 0.001 }).maxDistance).toBeCloseTo(6378.1, 6)
  })
})

describe('GeoIndex', () => {
  test('finds points in boxes and follows updates and removals', () => {
    const index = new GeoIndex('loc')
    index.load([
      { _id: 'a', loc: { type: 'Point', coordinates: [1, 1] } },
      { _id: 'b', loc: { type: 'Point', coordinates: [5, 5] } }
    ])
    expect(index.search([{ minX: 0, minY: 0, maxX: 2, maxY: 2 }])).toEqual(['a'])
    index.remove('a')
    index.add({ _id: 'a', loc: { type: 'Point', coordinates: [5.1, 5.1] } })
    expect(index.search([{ minX: 4, minY: 4, maxX: 6, maxY: 6 }]).sort()).toEqual(['a', 'b'])
    expect(index.size).toBe(2)
  })
})
