// Life-circle figures: `nearby` latency through the gateway with 100 000 facilities loaded, against a trivial
// call's round trip measured in the same run, and the street coverage (1 000 compounds, 20 000 facilities).
// Then nine more streets make a district (10 000 compounds, 200 000 street facilities): the street again,
// and the district's coverage as the shared coverage code computes it (the store's projected scan of the
// district's box, then domain/coverage.ts; no gateway: the API has no district scope yet).
// Also the alternative coverage strategy (one geoNear per compound) measured on the store alone, which is
// why coverage reads the street's open facilities in one projected scan instead.
//
//   npx tsx bench/lifeCircle.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { FACILITY_CATEGORIES, type FacilityCategory } from '../types/enums'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { productCloud } from '../demo/cloud'
import { createRandom, type Random } from '../demo/random'
import { buildFunctions } from '../scripts/build-functions'
import { computeCoverage, coverageBounds, type CoverageFacility } from '../cloudfunctions/_shared/domain/coverage'
import { EARTH_RADIUS_M, WALK } from '../cloudfunctions/_shared/domain/walk'
import { percentile, timedCall } from './measure'
import { printRows, type Row } from './table'

const M = (EARTH_RADIUS_M * Math.PI) / 180
const CITY = { lat: 31.3, lng: 118.4, halfKm: 15 } // 30 km × 30 km of city
const STREET = { lat: 31.3, lng: 118.4, widthKm: 5, heightKm: 4 } // the dense street in its middle
const CITY_FACILITIES = 80_000
const STREET_FACILITIES = 20_000
const COMMUNITIES = 20
const COMPOUNDS = 1_000

const ALWAYS = { week: Array.from({ length: 7 }, () => ['00:00-24:00']), holidaysClosed: false }
const OFFICE = { week: [...Array.from({ length: 5 }, () => ['08:30-12:00', '14:00-17:30']), ['09:00-12:00'], []], holidaysClosed: true }
const DAYTIME = { week: Array.from({ length: 7 }, () => ['07:00-22:00']), holidaysClosed: false }

const offset = (lat: number, lng: number, northM: number, eastM: number) => ({
  lat: lat + northM / M,
  lng: lng + eastM / (M * Math.cos((lat * Math.PI) / 180))
})
const point = (p: { lat: number; lng: number }) => ({ type: 'Point', coordinates: [round6(p.lng), round6(p.lat)] })
const round6 = (x: number) => Math.round(x * 1e6) / 1e6

/** Categories in realistic proportions: many shops and parcel points, few canteens and day-care centres. */
const WEIGHTS: Partial<Record<FacilityCategory, number>> = {
  convenience: 20,
  parcel: 12,
  fitness: 10,
  pharmacy: 8,
  market: 6,
  toilet: 6,
  culture: 5,
  childcare: 3,
  kindergarten: 3
}
const CATEGORY_BAG = FACILITY_CATEGORIES.flatMap((c) => Array.from({ length: WEIGHTS[c.id] ?? 1 }, () => c.id))

function facility(r: Random, i: number, where: { lat: number; lng: number }, communityId: string, streetId: string, now: Date) {
  const category = r.pick(CATEGORY_BAG)
  return {
    _id: `bf${String(i).padStart(6, '0')}`,
    name: `${FACILITY_CATEGORIES.find((c) => c.id === category)!.name.split('/')[0]}${i}`,
    category,
    communityId,
    streetId,
    location: point(where),
    address: `江城市测试路${i % 500}号`,
    phone: '0553-2000000',
    hours: r.pick([ALWAYS, OFFICE, DAYTIME]),
    services: ['便民服务'],
    photos: [],
    status: r.chance(0.02) ? 'closed' : 'open',
    dedupeKey: `bench-${i}`,
    createdAt: now,
    updatedAt: now
  }
}

function streetPoint(r: Random, centre: { lat: number; lng: number } = STREET) {
  return offset(
    centre.lat,
    centre.lng,
    r.float(-STREET.heightKm / 2, STREET.heightKm / 2) * 1000,
    r.float(-STREET.widthKm / 2, STREET.widthKm / 2) * 1000
  )
}

/** A street's communities and compounds, spread over it; `tag` keeps the ids and names of streets apart. */
function insertCommunities(s: LocalCloud['store'], r: Random, streetId: string, centre: { lat: number; lng: number }, tag: string) {
  const communities = Array.from({ length: COMMUNITIES }, (_, i) => ({
    _id: `bcm${tag}${String(i + 1).padStart(2, '0')}`,
    name: `测试${tag}${i + 1}社区`,
    streetId,
    center: point(streetPoint(r, centre)),
    address: '',
    phone: '',
    settings: {}
  }))
  s.insert('communities', communities)
  s.insert(
    'compounds',
    Array.from({ length: COMPOUNDS }, (_, i) => ({
      _id: `bcp${tag}${String(i + 1).padStart(4, '0')}`,
      name: `测试${tag}${i + 1}小区`,
      communityId: communities[i % COMMUNITIES]._id,
      streetId,
      location: point(streetPoint(r, centre)),
      households: r.int(15, 180) * 10
    }))
  )
  return communities
}

/** The district: the bench street and nine more like it, in a 5 × 2 block of streets. */
const DISTRICT_STREETS = Array.from({ length: 10 }, (_, k) => ({
  id: k === 0 ? 'bst' : `bst${k}`,
  ...offset(STREET.lat, STREET.lng, (k % 2) * STREET.heightKm * 1000, Math.floor(k / 2) * STREET.widthKm * 1000)
}))

/** Nine more streets of 1 000 compounds and 20 000 facilities each (ids apart from the first street's). */
export function loadDistrict(cloud: Pick<LocalCloud, 'store'>): void {
  const r = createRandom(4343)
  const now = new Date('2026-11-01T00:00:00Z')
  const s = cloud.store
  for (const [k, street] of DISTRICT_STREETS.entries()) {
    if (k === 0) continue
    s.insert('streets', [{ _id: street.id, name: `测试街道${k}`, district: '镜湖区', city: '江城市' }])
    const communities = insertCommunities(s, r, street.id, street, `${k}-`)
    for (let start = 0; start < STREET_FACILITIES; start += 5_000) {
      const docs = []
      for (let i = start; i < start + 5_000; i++) {
        const n = 200_000 + k * STREET_FACILITIES + i
        docs.push(facility(r, n, streetPoint(r, street), communities[i % COMMUNITIES]._id, street.id, now))
      }
      s.insert('facilities', docs)
    }
  }
}

/**
 * Coverage of the whole district as the shared coverage code computes it (infra/coverage.ts): the
 * compounds, one projected scan of the open facilities in their box grouped by category, then the pure
 * computation. On the store, without the SDK protocol.
 */
function districtCoverage(cloud: LocalCloud): { ms: number; compounds: number; facilities: number } {
  const t0 = performance.now()
  const docs = cloud.store.find('compounds', { streetId: { $in: DISTRICT_STREETS.map((s) => s.id) } }) as unknown as Array<{
    _id: string
    name: string
    communityId: string
    households: number
    location: { coordinates: [number, number] }
  }>
  const compounds = docs.map((c) => ({
    id: c._id,
    name: c.name,
    communityId: c.communityId,
    households: c.households,
    lat: c.location.coordinates[1],
    lng: c.location.coordinates[0]
  }))
  const box = coverageBounds(compounds, WALK)!
  const ring = [
    [box.minLng, box.minLat],
    [box.maxLng, box.minLat],
    [box.maxLng, box.maxLat],
    [box.minLng, box.maxLat],
    [box.minLng, box.minLat]
  ]
  const groups = cloud.store.aggregate('facilities', [
    { $match: { status: 'open', location: { $geoWithin: { $geometry: { type: 'Polygon', coordinates: [ring] } } } } },
    { $group: { _id: '$category', points: { $push: '$location.coordinates' } } }
  ]) as Array<{ _id: CoverageFacility['category']; points: Array<[number, number]> }>
  const facilities: CoverageFacility[] = []
  for (const g of groups) for (const [lng, lat] of g.points) facilities.push({ category: g._id, lat, lng })
  computeCoverage({ compounds, facilities, rule: WALK })
  return { ms: performance.now() - t0, compounds: compounds.length, facilities: facilities.length }
}

export function loadData(cloud: Pick<LocalCloud, 'store'>): void {
  const r = createRandom(4242)
  const now = new Date('2026-11-01T00:00:00Z')
  const s = cloud.store
  s.insert('streets', [{ _id: 'bst', name: '测试街道', district: '镜湖区', city: '江城市' }])
  const communities = insertCommunities(s, r, 'bst', STREET, '')
  s.insert('users', [
    { _id: 'bench-resident', nickName: '居民', roles: [], elderMode: false, createdAt: now, updatedAt: now },
    {
      _id: 'bench-street',
      nickName: '街道',
      roles: [{ role: 'streetAdmin', streetId: 'bst' }],
      elderMode: false,
      createdAt: now,
      updatedAt: now
    }
  ])
  const BATCH = 5_000
  for (let start = 0; start < CITY_FACILITIES + STREET_FACILITIES; start += BATCH) {
    const docs = []
    for (let i = start; i < Math.min(start + BATCH, CITY_FACILITIES + STREET_FACILITIES); i++) {
      const inStreet = i >= CITY_FACILITIES
      const where = inStreet
        ? streetPoint(r)
        : offset(CITY.lat, CITY.lng, r.float(-CITY.halfKm, CITY.halfKm) * 1000, r.float(-CITY.halfKm, CITY.halfKm) * 1000)
      docs.push(facility(r, i, where, inStreet ? communities[i % COMMUNITIES]._id : 'bcity', inStreet ? 'bst' : 'bcity', now))
    }
    s.insert('facilities', docs)
  }
}

const viaGateway = (cloud: LocalCloud, action: string, data: unknown, openid: string) =>
  timedCall(cloud, 'lifeCircle', action, data, openid)

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

/** Alternating trivial and nearby calls, so both see the same machine state. */
async function measureNearby(cloud: LocalCloud, origins: Array<{ lat: number; lng: number }>) {
  const trivial: number[] = []
  const nearby: number[] = []
  for (const location of origins) {
    trivial.push(await viaGateway(cloud, 'categories', {}, 'bench-resident'))
    nearby.push(await viaGateway(cloud, 'nearby', { location, minutes: 15, limit: 20 }, 'bench-resident'))
  }
  return { trivial, nearby }
}

/**
 * The strategy not taken: one geoNear per compound, nearest facility per category (store only, no protocol
 * cost, so a lower bound). Timed on a sample of compounds and scaled to the street.
 */
function perCompoundGeoNear(cloud: LocalCloud, sample = 100): number {
  const compounds = (
    cloud.store.find('compounds', { streetId: 'bst' }) as unknown as Array<{ location: { coordinates: [number, number] } }>
  ).slice(0, sample)
  const reach = WALK.radiusOf(15)
  const t0 = performance.now()
  for (const c of compounds) {
    cloud.store.aggregate('facilities', [
      {
        $geoNear: {
          near: { type: 'Point', coordinates: c.location.coordinates },
          distanceField: 'd',
          maxDistance: reach,
          spherical: true,
          key: 'location',
          query: { status: 'open' }
        }
      },
      { $group: { _id: '$category', nearest: { $min: '$d' } } }
    ])
  }
  return ((performance.now() - t0) * COMPOUNDS) / compounds.length
}

export async function runLifeCircleBench(): Promise<Row[]> {
  await buildFunctions(['lifeCircle'], { quiet: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-lifecircle-'))
  const cloud = await startLocalCloud({ ...productCloud, port: 0, dataDir, quiet: true, timers: false })
  try {
    const tLoad = performance.now()
    loadData(cloud)
    const loadMs = performance.now() - tLoad
    const facilities = cloud.store.count('facilities')

    const r = createRandom(7)
    const cityOrigin = () =>
      offset(CITY.lat, CITY.lng, r.float(-CITY.halfKm, CITY.halfKm) * 1000, r.float(-CITY.halfKm, CITY.halfKm) * 1000)
    await measureNearby(cloud, Array.from({ length: 30 }, cityOrigin)) // warm every function instance
    const city = await measureNearby(cloud, Array.from({ length: 400 }, cityOrigin))
    const dense = await measureNearby(
      cloud,
      Array.from({ length: 100 }, () => streetPoint(r))
    )

    await viaGateway(cloud, 'coverage', { streetId: 'bst' }, 'bench-street') // warm
    const coverage: number[] = []
    for (let i = 0; i < 5; i++) coverage.push(await viaGateway(cloud, 'coverage', { streetId: 'bst' }, 'bench-street'))
    const alternative = perCompoundGeoNear(cloud)

    loadDistrict(cloud)
    await viaGateway(cloud, 'coverage', { streetId: 'bst' }, 'bench-street') // warm
    const streetInDistrict: number[] = []
    for (let i = 0; i < 5; i++) streetInDistrict.push(await viaGateway(cloud, 'coverage', { streetId: 'bst' }, 'bench-street'))
    const district = Array.from({ length: 3 }, () => districtCoverage(cloud))
    const districtMs = district.map((d) => d.ms)

    const tp50 = percentile(city.trivial, 50)
    const tp95 = percentile(city.trivial, 95)
    const np50 = percentile(city.nearby, 50)
    const np95 = percentile(city.nearby, 95)
    const dp95 = percentile(dense.nearby, 95)
    const dtp95 = percentile(dense.trivial, 95)
    return [
      { figure: 'facilities loaded', value: facilities, unit: 'docs' },
      { figure: 'time to load them into the store (with indexes)', value: round(loadMs, 0), unit: 'ms' },
      { figure: 'trivial call round trip p50 (categories, gateway)', value: round(tp50), unit: 'ms' },
      { figure: 'trivial call round trip p95', value: round(tp95), unit: 'ms' },
      {
        figure: 'nearby 15 min p50 (city, 100k loaded, gateway)',
        value: round(np50),
        unit: 'ms',
        baseline: round(tp50),
        ratio: round(np50 / tp50),
        target: '≤ 3× trivial'
      },
      {
        figure: 'nearby 15 min p95 (city, 100k loaded, gateway)',
        value: round(np95),
        unit: 'ms',
        baseline: round(tp95),
        ratio: round(np95 / tp95),
        target: '≤ 3× trivial'
      },
      {
        figure: 'nearby 15 min p95 (dense street, ~1 000 facilities/km²)',
        value: round(dp95),
        unit: 'ms',
        baseline: round(dtp95),
        ratio: round(dp95 / dtp95),
        target: '≤ 3× trivial'
      },
      {
        figure: `coverage street (${COMPOUNDS} compounds, ${STREET_FACILITIES} facilities) median of 5`,
        value: round(percentile(coverage, 50), 0),
        unit: 'ms',
        target: '< 2000 ms'
      },
      { figure: 'coverage street, slowest of 5', value: round(Math.max(...coverage), 0), unit: 'ms', target: '< 2000 ms' },
      {
        figure: 'coverage alternative: a geoNear per compound, store only, 100 timed ×10 (lower bound)',
        value: round(alternative, 0),
        unit: 'ms'
      },
      {
        figure: 'coverage street with the district loaded (280 000 facilities) median of 5',
        value: round(percentile(streetInDistrict, 50), 0),
        unit: 'ms',
        target: '< 2000 ms'
      },
      {
        figure: `coverage district (${district[0].compounds} compounds, ${district[0].facilities} open facilities), store + domain, median of 3`,
        value: round(percentile(districtMs, 50), 0),
        unit: 'ms',
        baseline: round(percentile(coverage, 50), 0),
        ratio: round(percentile(districtMs, 50) / percentile(coverage, 50)),
        target: '< 5000 ms (baseline: the street above)'
      }
    ]
  } finally {
    await cloud.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runLifeCircleBench()
    .then(printRows)
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
