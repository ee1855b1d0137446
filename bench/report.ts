// Grid-report figures: `nearby public reports` (report.nearby, 1 km, the nearest 50) through the gateway with
// 100 000 reports loaded — 80 000 over 30 km × 30 km of city, 20 000 in one dense street — against a trivial call's
// round trip measured in the same run (report.categories), alternating so both see the same machine state.
//
//   npx tsx bench/report.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { REPORT_STATUSES } from '../types/schemas/report.labels'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { productCloud } from '../demo/cloud'
import { createRandom, type Random } from '../demo/random'
import { buildFunctions } from '../scripts/build-functions'
import { EARTH_RADIUS_M } from '../cloudfunctions/_shared/domain/geo'
import { percentile, timedCall } from './measure'
import { printRows, type Row } from './table'

const M = (EARTH_RADIUS_M * Math.PI) / 180
const CITY = { lat: 31.3, lng: 118.4, halfKm: 15 }
const STREET = { lat: 31.3, lng: 118.4, halfKm: 2 }
const CITY_REPORTS = 80_000
const STREET_REPORTS = 20_000
const COMMUNITIES = 20

const offset = (lat: number, lng: number, northM: number, eastM: number) => ({
  lat: lat + northM / M,
  lng: lng + eastM / (M * Math.cos((lat * Math.PI) / 180))
})
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
const around = (r: Random, c: { lat: number; lng: number; halfKm: number }) =>
  offset(c.lat, c.lng, r.float(-c.halfKm, c.halfKm) * 1000, r.float(-c.halfKm, c.halfKm) * 1000)

function report(r: Random, i: number, where: { lat: number; lng: number }, now: Date) {
  const submittedAt = new Date(now.getTime() - r.int(0, 365) * 86_400_000)
  const status = r.pick(REPORT_STATUSES)
  const communityId = `bc${String(i % COMMUNITIES).padStart(2, '0')}`
  return {
    _id: `br${String(i).padStart(6, '0')}`,
    version: 1,
    categoryId: 'fireLane',
    categoryName: '消防通道堵塞',
    kind: 'complain',
    departmentKind: null,
    duplicateRadius: 100,
    evidenceRadius: 50,
    description: `第${i}号问题`,
    photos: [`cloud://bench/users/u${i % 500}/p${i}.jpg`],
    location: { type: 'Point', coordinates: [where.lng, where.lat] },
    place: null,
    compoundId: null,
    gridId: `${communityId}-g1`,
    communityId,
    streetId: 'bst',
    visibility: r.int(0, 9) < 7 ? 'public' : 'private',
    showName: false,
    status,
    reporterId: `u${i % 500}`,
    reporter: { display: '居**', name: '居民', phone: null },
    submittedAt,
    updatedAt: submittedAt,
    acceptDeadline: new Date(submittedAt.getTime() + 2 * 3_600_000),
    resolveDeadline: new Date(submittedAt.getTime() + 10 * 86_400_000),
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    pausedAt: null,
    plusOnes: r.int(0, 5),
    overdue: false,
    overdueAt: null,
    history: []
  }
}

function loadData(cloud: Pick<LocalCloud, 'store'>, now: Date): void {
  const r = createRandom(11)
  const s = cloud.store
  s.insert('streets', [{ _id: 'bst', name: '测试街道', district: '镜湖区', city: '江城市' }])
  s.insert(
    'communities',
    Array.from({ length: COMMUNITIES }, (_, i) => ({
      _id: `bc${String(i).padStart(2, '0')}`,
      name: `测试${i}社区`,
      streetId: 'bst',
      center: { type: 'Point', coordinates: [STREET.lng, STREET.lat] }
    }))
  )
  s.insert('users', [{ _id: 'bench-resident', nickName: '居民', roles: [], elderMode: false, createdAt: now, updatedAt: now }])
  const BATCH = 5_000
  for (let start = 0; start < CITY_REPORTS + STREET_REPORTS; start += BATCH) {
    const docs = []
    for (let i = start; i < start + BATCH; i++) docs.push(report(r, i, around(r, i >= CITY_REPORTS ? STREET : CITY), now))
    s.insert('reports', docs)
  }
}

async function measure(cloud: LocalCloud, origins: Array<{ lat: number; lng: number }>) {
  const trivial: number[] = []
  const nearby: number[] = []
  for (const location of origins) {
    trivial.push(await timedCall(cloud, 'report', 'categories', {}, 'bench-resident'))
    nearby.push(await timedCall(cloud, 'report', 'nearby', { location, radius: 1000, limit: 50 }, 'bench-resident'))
  }
  return { trivial, nearby }
}

export async function runReportBench(): Promise<Row[]> {
  await buildFunctions(['report'], { quiet: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-report-'))
  const cloud = await startLocalCloud({ ...productCloud, port: 0, dataDir, quiet: true, timers: false })
  try {
    const tLoad = performance.now()
    loadData(cloud, new Date('2026-11-01T00:00:00Z'))
    const loadMs = performance.now() - tLoad
    const r = createRandom(5)
    await measure(
      cloud,
      Array.from({ length: 20 }, () => around(r, STREET))
    ) // warm every instance
    const city = await measure(
      cloud,
      Array.from({ length: 200 }, () => around(r, CITY))
    )
    const dense = await measure(
      cloud,
      Array.from({ length: 100 }, () => around(r, STREET))
    )
    const tp50 = percentile(city.trivial, 50)
    const tp95 = percentile(city.trivial, 95)
    const dtp95 = percentile(dense.trivial, 95)
    return [
      { figure: 'reports loaded', value: cloud.store.count('reports'), unit: 'reports' },
      { figure: 'load time', value: round(loadMs / 1000, 1), unit: 's' },
      { figure: 'trivial call round trip p50 (report.categories, gateway)', value: round(tp50), unit: 'ms' },
      { figure: 'trivial call round trip p95', value: round(tp95), unit: 'ms' },
      {
        figure: 'nearby public reports p50 (1 km, nearest 50, 100 000 reports)',
        value: round(percentile(city.nearby, 50)),
        unit: 'ms',
        baseline: round(tp50),
        ratio: round(percentile(city.nearby, 50) / tp50),
        target: '≤ 3× trivial'
      },
      {
        figure: 'nearby public reports p95',
        value: round(percentile(city.nearby, 95)),
        unit: 'ms',
        baseline: round(tp95),
        ratio: round(percentile(city.nearby, 95) / tp95),
        target: '≤ 3× trivial'
      },
      {
        figure: 'nearby public reports p95, dense street (20 000 reports in 16 km²)',
        value: round(percentile(dense.nearby, 95)),
        unit: 'ms',
        baseline: round(dtp95),
        ratio: round(percentile(dense.nearby, 95) / dtp95),
        target: '≤ 3× trivial'
      }
    ]
  } finally {
    await cloud.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runReportBench()
    .then(printRows)
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
