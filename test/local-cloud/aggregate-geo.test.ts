// Conformance of aggregation and geo queries through the real wx-server-sdk. Distances are on MongoDB's
// sphere (radius 6378.1 km), so a degree of latitude is 111 318.8 m.
import { rejection, useSdk } from './sdk'

const env = useSdk()
const F = 'facilities' // declared with a 2dsphere index on `location`
const METERS_PER_DEG_LAT = (6_378_100 * Math.PI) / 180

// Points due north of the origin at known distances.
const ORIGIN = { lng: 118.375, lat: 31.335 }
const north = (meters: number) => ({ type: 'Point', coordinates: [ORIGIN.lng, ORIGIN.lat + meters / METERS_PER_DEG_LAT] })

beforeAll(() => {
  const { store } = env.current.cloud
  store.insert('communities', [
    { _id: 'cm1', name: '东湖社区' },
    { _id: 'cm2', name: '西山社区' }
  ])
  store.insert(F, [
    { _id: 'f100', name: 'clinic', category: 'health', communityId: 'cm1', rating: 4, tags: ['a', 'b'], location: north(100) },
    { _id: 'f300', name: 'market', category: 'shop', communityId: 'cm1', rating: 5, tags: ['b'], location: north(300) },
    { _id: 'f600', name: 'school', category: 'edu', communityId: 'cm2', rating: 3, tags: [], location: north(600) },
    { _id: 'f900', name: 'pharmacy', category: 'health', communityId: 'cm2', rating: 4, tags: ['a'], location: north(900) },
    { _id: 'far', name: 'far away', category: 'shop', communityId: 'cm2', rating: 2, tags: ['c'], location: north(50_000) }
  ])
})

describe('geo', () => {
  test('a Geo.Point is stored as GeoJSON and comes back to function code as a Geo.Point', async () => {
    const { db, cloud } = env.current
    await db
      .collection(F)
      .doc('p')
      .set({ data: { location: db.Geo.Point(118.4, 31.3) } })
    try {
      expect(cloud.store.get(F, 'p')!.location).toEqual({ type: 'Point', coordinates: [118.4, 31.3] })
      const { data } = await db.collection(F).doc('p').get()
      expect(data.location.constructor.name).toBe('Point')
      expect([data.location.longitude, data.location.latitude]).toEqual([118.4, 31.3])
      expect(JSON.parse(JSON.stringify(data.location))).toEqual({ type: 'Point', coordinates: [118.4, 31.3] })
    } finally {
      await db.collection(F).doc('p').remove()
    }
  })

  test('geoNear orders by distance within maxDistance and beyond minDistance', async () => {
    const { db, _ } = env.current
    const near = (opts: object) =>
      db
        .collection(F)
        .where({ location: _.geoNear({ geometry: db.Geo.Point(ORIGIN.lng, ORIGIN.lat), ...opts }) })
        .get()
    expect((await near({ maxDistance: 1000 })).data.map((d: any) => d._id)).toEqual(['f100', 'f300', 'f600', 'f900'])
    expect((await near({ maxDistance: 650, minDistance: 200 })).data.map((d: any) => d._id)).toEqual(['f300', 'f600'])
    expect((await near({})).data.map((d: any) => d._id)).toEqual(['f100', 'f300', 'f600', 'f900', 'far'])
  })

  test('geoNear combines with other conditions, skip and limit', async () => {
    const { db, _ } = env.current
    const { data } = await db
      .collection(F)
      .where({
        category: 'health',
        location: _.geoNear({ geometry: db.Geo.Point(ORIGIN.lng, ORIGIN.lat + 1000 / METERS_PER_DEG_LAT), maxDistance: 5000 })
      })
      .limit(1)
      .get()
    expect(data.map((d: any) => d._id)).toEqual(['f900'])
  })

  test('geoWithin a centerSphere (radians)', async () => {
    const { db, _ } = env.current
    const { data } = await db
      .collection(F)
      .where({ location: _.geoWithin({ centerSphere: [db.Geo.Point(ORIGIN.lng, ORIGIN.lat), 650 / 6_378_100] }) })
      .get()
    expect(data.map((d: any) => d._id).sort()).toEqual(['f100', 'f300', 'f600'])
  })

  test('geoWithin a Polygon and a MultiPolygon', async () => {
    const { db, _ } = env.current
    const { Point, LineString, Polygon, MultiPolygon } = db.Geo
    const box = (fromM: number, toM: number) => {
      const a = ORIGIN.lat + fromM / METERS_PER_DEG_LAT
      const b = ORIGIN.lat + toM / METERS_PER_DEG_LAT
      return Polygon([LineString([Point(118.37, a), Point(118.38, a), Point(118.38, b), Point(118.37, b), Point(118.37, a)])])
    }
    const within = async (geometry: unknown) =>
      (
        await db
          .collection(F)
          .where({ location: _.geoWithin({ geometry }) })
          .get()
      ).data
        .map((d: any) => d._id)
        .sort()
    expect(await within(box(200, 700))).toEqual(['f300', 'f600'])
    expect(await within(MultiPolygon([box(50, 150), box(800, 1000)]))).toEqual(['f100', 'f900'])
  })

  test('geoIntersects a polygon', async () => {
    const { db, _ } = env.current
    const { Point, LineString, Polygon } = db.Geo
    const a = ORIGIN.lat + 250 / METERS_PER_DEG_LAT
    const b = ORIGIN.lat + 350 / METERS_PER_DEG_LAT
    const polygon = Polygon([LineString([Point(118.37, a), Point(118.38, a), Point(118.38, b), Point(118.37, b), Point(118.37, a)])])
    const { data } = await db
      .collection(F)
      .where({ location: _.geoIntersects({ geometry: polygon }) })
      .get()
    expect(data.map((d: any) => d._id)).toEqual(['f300'])
  })

  test('geoNear on a field without a 2dsphere index fails, as the cloud does', async () => {
    const { db, _ } = env.current
    const e = await rejection(
      db
        .collection(F)
        .where({ other: _.geoNear({ geometry: db.Geo.Point(1, 1) }) })
        .get()
    )
    expect(e.errMsg).toMatch(/unable to find index/)
  })
})

describe('aggregate', () => {
  const agg = () => env.current.db.collection(F).aggregate()

  test('match, sort, skip, limit and project', async () => {
    const { _ } = env.current
    const { list } = await agg()
      .match({ rating: _.gte(3) })
      .sort({ rating: -1, _id: 1 })
      .skip(1)
      .limit(2)
      .project({ _id: 1, rating: 1 })
      .end()
    expect(list).toEqual([
      { _id: 'f100', rating: 4 },
      { _id: 'f900', rating: 4 }
    ])
  })

  test('without a $limit stage the cloud returns at most 20 documents; with one, up to that limit', async () => {
    const { store } = env.current.cloud
    store.insert(
      F,
      Array.from({ length: 25 }, (_, i) => ({ _id: `many${String(i).padStart(2, '0')}`, category: 'many', rating: i }))
    )
    try {
      const unlimited = await agg().match({ category: 'many' }).sort({ _id: 1 }).end()
      expect(unlimited.list).toHaveLength(20)
      expect(unlimited.list[19]._id).toBe('many19')
      expect((await agg().match({ category: 'many' }).limit(100).end()).list).toHaveLength(25)
    } finally {
      store.remove(F, { category: 'many' })
    }
  })

  test('group with accumulators, then sort', async () => {
    const { $ } = env.current
    const { list } = await agg()
      .group({ _id: '$category', n: $.sum(1), avg: $.avg('$rating'), names: $.push('$name') })
      .sort({ _id: 1 })
      .end()
    expect(list).toEqual([
      { _id: 'edu', n: 1, avg: 3, names: ['school'] },
      { _id: 'health', n: 2, avg: 4, names: ['clinic', 'pharmacy'] },
      { _id: 'shop', n: 2, avg: 3.5, names: ['market', 'far away'] }
    ])
  })

  test('addFields with expressions', async () => {
    const { $ } = env.current
    const { list } = await agg()
      .match({ _id: 'f300' })
      .addFields({ doubled: $.multiply(['$rating', 2]), tagCount: $.size('$tags') })
      .project({ doubled: 1, tagCount: 1 })
      .end()
    expect(list).toEqual([{ _id: 'f300', doubled: 10, tagCount: 1 }])
  })

  test('count', async () => {
    const { list } = await agg().match({ category: 'health' }).count('health').end()
    expect(list).toEqual([{ health: 2 }])
  })

  test('unwind', async () => {
    const { list } = await agg().match({ category: 'health' }).unwind('$tags').project({ tags: 1 }).sort({ _id: 1, tags: 1 }).end()
    expect(list).toEqual([
      { _id: 'f100', tags: 'a' },
      { _id: 'f100', tags: 'b' },
      { _id: 'f900', tags: 'a' }
    ])
  })

  test('lookup joins another collection', async () => {
    const { list } = await agg()
      .match({ _id: 'f600' })
      .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
      .project({ community: 1 })
      .end()
    expect(list).toEqual([{ _id: 'f600', community: [{ _id: 'cm2', name: '西山社区' }] }])
  })

  test('sample picks the asked number of distinct documents', async () => {
    const { list } = await agg().sample({ size: 3 }).end()
    expect(list).toHaveLength(3)
    expect(new Set(list.map((d: any) => d._id)).size).toBe(3)
  })

  test('sortByCount and replaceRoot (from mingo)', async () => {
    const byCount = await agg().unwind('$tags').sortByCount('$tags').sort({ count: -1, _id: 1 }).end()
    expect(byCount.list).toEqual([
      { _id: 'a', count: 2 },
      { _id: 'b', count: 2 },
      { _id: 'c', count: 1 }
    ])
    const roots = await agg()
      .match({ _id: 'f100' })
      .replaceRoot({ newRoot: { n: '$name' } })
      .end()
    expect(roots.list).toEqual([{ n: 'clinic' }])
  })

  test('geoNear stage: near, spherical, maxDistance, minDistance, query, distanceField, distanceMultiplier, key, includeLocs', async () => {
    const { db } = env.current
    const { list } = await agg()
      .geoNear({
        near: db.Geo.Point(ORIGIN.lng, ORIGIN.lat),
        spherical: true,
        maxDistance: 1000,
        minDistance: 200,
        query: { category: 'health' },
        distanceField: 'distance',
        distanceMultiplier: 0.001,
        key: 'location',
        includeLocs: 'where'
      })
      .project({ distance: 1, where: 1 })
      .end()
    expect(list).toHaveLength(1)
    expect(list[0]._id).toBe('f900')
    expect(list[0].distance).toBeCloseTo(0.9, 6)
    expect(list[0].where).toEqual(north(900))
  })

  test('geoNear stage orders by distance', async () => {
    const { db } = env.current
    const { list } = await agg()
      .geoNear({ near: db.Geo.Point(ORIGIN.lng, ORIGIN.lat), spherical: true, distanceField: 'd' })
      .limit(3)
      .end()
    expect(list.map((d: any) => d._id)).toEqual(['f100', 'f300', 'f600'])
    expect(list.map((d: any) => Math.round(d.d))).toEqual([100, 300, 600])
  })

  test('geoNear anywhere but first is refused', async () => {
    const { db } = env.current
    const e = await rejection(
      agg()
        .match({})
        .geoNear({ near: db.Geo.Point(1, 1), distanceField: 'd', spherical: true })
        .end()
    )
    expect(String(e.errMsg ?? e.message)).toMatch(/first stage/)
  })
})
