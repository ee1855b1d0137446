// Figures of the local cloud at 100 000 documents, through the real wx-server-sdk.
//
// The server runs in this process; the SDK client runs in a worker thread (its own event loop, so client
// work does not queue behind the server's), sending requests one at a time for the latency figures and
// from 8 concurrent callers for the transaction throughput. Prints a table; never asserts.
//   npx tsx bench/local-cloud.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { productCloud } from '../demo/cloud'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { EARTH_RADIUS_M } from '../local-cloud/store/geo'
import { printRows, type Row } from './table'

const DOCS = 100_000
const CENTER = { lng: 118.375, lat: 31.335 }
/** A city-sized square: 20 km a side. */
const HALF_SIDE_M = 10_000
const REPO = resolve(__dirname, '..')

function seed(cloud: LocalCloud): void {
  let s = 42
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const dLat = (HALF_SIDE_M / EARTH_RADIUS_M) * (180 / Math.PI)
  const dLng = dLat / Math.cos((CENTER.lat * Math.PI) / 180)
  const batch = 20_000
  for (let start = 0; start < DOCS; start += batch) {
    const docs = Array.from({ length: batch }, (_, k) => {
      const i = start + k
      return {
        _id: `f${i}`,
        name: `设施${i}`,
        category: `cat${i % 17}`,
        status: i % 10 ? 'open' : 'closed',
        communityId: `cm${i % 10}`,
        dedupeKey: `k${i}`, // indexed (declared { dedupeKey: 1 })
        ref: `k${i}`, // the same values, not indexed
        location: { type: 'Point', coordinates: [CENTER.lng + (random() * 2 - 1) * dLng, CENTER.lat + (random() * 2 - 1) * dLat] }
      }
    })
    cloud.store.insert('facilities', docs)
  }
  cloud.store.insert(
    'pointsAccounts',
    Array.from({ length: 100 }, (_, i) => ({ _id: `acc${i}`, balance: 1_000_000 }))
  )
}

// The client: plain JavaScript in a worker, requiring the SDK from the repository.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads')
const { createRequire } = require('node:module')
const req = createRequire(workerData.repo + '/package.json')
Object.assign(process.env, workerData.env)
const cloud = req('wx-server-sdk')
cloud.init({ env: 'local-dev' })
const db = cloud.database()
const _ = db.command
const now = () => Number(process.hrtime.bigint()) / 1e6

const ops = {
  floor: (i) => db.collection('facilities').doc('f' + ((i * 7919) % ${DOCS})).get(),
  indexed: (i) => db.collection('facilities').where({ dedupeKey: 'k' + ((i * 7919) % ${DOCS}) }).get(),
  unindexed: (i) => db.collection('facilities').where({ ref: 'k' + ((i * 7919) % ${DOCS}) }).get(),
  geoNear: (i) => {
    const a = (i * 2.399963) % (2 * Math.PI)
    const r = ((i * 37) % 80) / 10 / 111
    return db.collection('facilities').where({ location: _.geoNear({ geometry: db.Geo.Point(${CENTER.lng} + r * Math.cos(a), ${CENTER.lat} + r * Math.sin(a)), maxDistance: 1000 }) }).limit(20).get()
  }
}

async function latency(name, n) {
  const op = ops[name]
  for (let i = 0; i < Math.min(20, n); i++) await op(i + 100000)
  const times = []
  let returned = 0
  for (let i = 0; i < n; i++) {
    const t = now()
    const res = await op(i)
    times.push(now() - t)
    returned += Array.isArray(res.data) ? res.data.length : 1
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(n * 0.5)], p95: times[Math.floor(n * 0.95)], avgReturned: returned / n }
}

async function transfers(callers, ms) {
  const until = now() + ms
  let committed = 0
  let conflicts = 0
  const caller = async (c) => {
    let i = c
    while (now() < until) {
      i += 7
      const from = 'acc' + ((i * 13) % 100)
      const to = 'acc' + ((i * 29 + 1) % 100)
      if (from === to) continue
      const tx = await db.startTransaction()
      try {
        const a = (await tx.collection('pointsAccounts').doc(from).get()).data
        const b = (await tx.collection('pointsAccounts').doc(to).get()).data
        await tx.collection('pointsAccounts').doc(from).update({ data: { balance: a.balance - 1 } })
        await tx.collection('pointsAccounts').doc(to).update({ data: { balance: b.balance + 1 } })
        await tx.commit()
        committed++
      } catch (e) {
        conflicts++
        await tx.rollback().catch(() => undefined)
      }
    }
  }
  await Promise.all(Array.from({ length: callers }, (_, c) => caller(c)))
  return { perSecond: committed / (ms / 1000), committed, conflicts }
}

parentPort.on('message', async (msg) => {
  try {
    const result = msg.kind === 'transfers' ? await transfers(msg.callers, msg.ms) : await latency(msg.kind, msg.n)
    parentPort.postMessage({ ok: true, result })
  } catch (e) {
    parentPort.postMessage({ ok: false, error: String(e && e.stack || e) })
  }
})
`

function client(adminUrl: string): { run<T>(msg: object): Promise<T>; stop(): Promise<number> } {
  const env = {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: 'bench',
    TENCENTCLOUD_SECRETKEY: 'bench',
    TENCENTCLOUD: 'true',
    SCF_NAMESPACE: 'local-dev',
    SILENCE: 'true'
  }
  const worker = new Worker(CLIENT, { eval: true, workerData: { repo: REPO, env } })
  return {
    run: <T>(msg: object) =>
      new Promise<T>((ok, fail) => {
        worker.once('message', (m: { ok: boolean; result: T; error?: string }) => (m.ok ? ok(m.result) : fail(new Error(m.error))))
        worker.postMessage(msg)
      }),
    stop: () => worker.terminate()
  }
}

interface Latency {
  p50: number
  p95: number
  avgReturned: number
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

/** p50 of a query answered in-process (no HTTP, no SDK): what the store itself costs. */
function inProcessP50(cloud: LocalCloud, n: number, filter: (i: number) => Record<string, unknown>, limit?: number): number {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    cloud.store.db.find('facilities', filter(i), { limit })
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]
}

const nearFilter = (i: number) => ({
  location: {
    $nearSphere: { $geometry: { type: 'Point', coordinates: [CENTER.lng + ((i % 50) - 25) * 0.001, CENTER.lat] }, $maxDistance: 1000 }
  }
})

export async function runLocalCloudBench(): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-local-cloud-'))
  const cloud = await startLocalCloud({ ...productCloud, port: 0, dataDir, quiet: true })
  const sdk = client(cloud.adminUrl)
  try {
    const seeded = Date.now()
    seed(cloud)
    const seedSeconds = (Date.now() - seeded) / 1000

    const floor = await sdk.run<Latency>({ kind: 'floor', n: 1000 })
    const indexed = await sdk.run<Latency>({ kind: 'indexed', n: 1000 })
    const unindexed = await sdk.run<Latency>({ kind: 'unindexed', n: 60 })
    const geo = await sdk.run<Latency>({ kind: 'geoNear', n: 500 })
    const tx = await sdk.run<{ perSecond: number; committed: number; conflicts: number }>({ kind: 'transfers', callers: 8, ms: 5000 })
    const storeIndexed = inProcessP50(cloud, 2000, (i) => ({ dedupeKey: `k${(i * 7919) % DOCS}` }), 100)
    const storeScan = inProcessP50(cloud, 20, (i) => ({ ref: `k${(i * 7919) % DOCS}` }), 100)
    const storeNear = inProcessP50(cloud, 500, nearFilter, 20)

    return [
      { figure: `seed ${DOCS} documents (Store.insert, 5 indexes + geo, SQLite)`, value: round(seedSeconds), unit: 's' },
      { figure: 'doc().get() round trip, p50 (the floor)', value: round(floor.p50), unit: 'ms' },
      { figure: 'doc().get() round trip, p95 (the floor)', value: round(floor.p95), unit: 'ms' },
      {
        figure: 'equality on an indexed field, p50',
        value: round(indexed.p50),
        unit: 'ms',
        baseline: round(floor.p50),
        ratio: round(indexed.p50 / floor.p50)
      },
      {
        figure: 'equality on an indexed field, p95',
        value: round(indexed.p95),
        unit: 'ms',
        baseline: round(floor.p95),
        ratio: round(indexed.p95 / floor.p95),
        target: '≤ 3× floor p95'
      },
      {
        figure: 'the same on an unindexed field (a scan), p50',
        value: round(unindexed.p50),
        unit: 'ms',
        baseline: round(indexed.p50),
        ratio: round(unindexed.p50 / indexed.p50, 1),
        target: '≥ 20× the indexed p50'
      },
      {
        figure: 'the same on an unindexed field (a scan), p95',
        value: round(unindexed.p95),
        unit: 'ms',
        baseline: round(indexed.p95),
        ratio: round(unindexed.p95 / indexed.p95, 1),
        target: '≥ 20× the indexed p95'
      },
      {
        figure: `geoNear 20 nearest within 1 000 m, p50`,
        value: round(geo.p50),
        unit: 'ms',
        baseline: round(floor.p50),
        ratio: round(geo.p50 / floor.p50)
      },
      {
        figure: `geoNear 20 nearest within 1 000 m (avg ${round(geo.avgReturned, 1)} returned), p95`,
        value: round(geo.p95),
        unit: 'ms',
        baseline: round(floor.p95),
        ratio: round(geo.p95 / floor.p95),
        target: '≤ 3× floor p95'
      },
      { figure: `transactional transfers, 8 concurrent callers (${tx.conflicts} conflicts)`, value: round(tx.perSecond, 0), unit: 'tx/s' },
      { figure: 'in-process: indexed equality, p50', value: round(storeIndexed, 3), unit: 'ms' },
      {
        figure: 'in-process: unindexed equality (scan), p50',
        value: round(storeScan, 1),
        unit: 'ms',
        baseline: round(storeIndexed, 3),
        ratio: round(storeScan / storeIndexed, 0)
      },
      { figure: 'in-process: geoNear 20 within 1 000 m, p50', value: round(storeNear, 3), unit: 'ms' }
    ]
  } finally {
    await sdk.stop()
    await cloud.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runLocalCloudBench().then(
    (rows) => {
      console.log(`local cloud, ${DOCS} documents; server in the main thread, wx-server-sdk client in a worker thread\n`)
      printRows(rows)
    },
    (e) => {
      console.error(e)
      process.exit(1)
    }
  )
}
