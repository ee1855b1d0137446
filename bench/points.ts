// Points-supermarket figures: redemptions per second with 8 concurrent callers, all against one popular
// item (every redemption takes stock from the same goods document) and spread over many items, through the
// real points function in the local cloud. Baselines from the same run, same callers: plain single-document
// updates (user.setElderMode) for throughput, a trivial read (points.balance) for latency. After every run
// the ledger invariant is checked (every balance ≥ 0 and equal to the sum of its ledger; stock plus orders
// equals the stock put on the shelf; no redemption left half done) and reported as a row.
//
//   npx tsx bench/points.ts
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { productCloud, REPO_ROOT } from '../demo/cloud'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { BUSY_MESSAGE } from '../cloudfunctions/_shared/infra/ledger'
import { buildFunctions, FUNCTIONS_DIR } from '../scripts/build-functions'
import { printRows, type Row } from './table'

const FUNCTIONS = ['points', 'user']
const CALLERS = 8
const PER_CALLER = 25
const MANY_ITEMS = 200
const STOCK = 100_000
const AT = new Date('2026-11-01T00:00:00Z')

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

function loadData(cloud: LocalCloud) {
  const s = cloud.store
  s.insert('communities', [
    {
      _id: 'bcm',
      name: '测试社区',
      streetId: 'bst',
      center: { type: 'Point', coordinates: [118.4, 31.3] },
      address: '测试路1号',
      phone: '0553-2000000',
      settings: {}
    }
  ])
  s.insert('users', [
    {
      _id: 'bench-shop',
      nickName: '商家',
      roles: [{ role: 'merchant', merchantId: 'bm1', communityId: 'bcm' }],
      communityId: 'bcm',
      elderMode: false,
      createdAt: AT,
      updatedAt: AT,
      deletedAt: null
    }
  ])
  s.insert('merchants', [
    {
      _id: 'bm1',
      name: '测试便利店',
      kind: 'shop',
      communityId: 'bcm',
      ownerId: 'bench-shop',
      contactName: '商家',
      contactPhone: null,
      address: '测试路2号',
      description: '测试',
      status: 'approved',
      reason: null,
      appliedAt: AT,
      reviewedAt: AT,
      reviewedBy: null,
      updatedAt: AT
    }
  ])
  const item = (id: string, name: string) => ({
    _id: id,
    merchantId: 'bm1',
    merchantName: '测试便利店',
    communityId: 'bcm',
    name,
    kind: 'item',
    description: '',
    photo: null,
    price: 10,
    stock: STOCK,
    redeemed: 0,
    limitCount: 100,
    limitPeriod: 'month',
    pickupPlace: '收银台',
    pickupDays: 7,
    validUntil: null,
    status: 'onSale',
    createdAt: AT,
    updatedAt: AT,
    updatedBy: 'bench-shop'
  })
  s.insert('goods', [
    item('popular', '热门大米'),
    ...Array.from({ length: MANY_ITEMS }, (_, i) => item(`g${String(i).padStart(3, '0')}`, `商品${i}`))
  ])
}

/** One volunteer per request, each with enough points: different people, as in a real rush. */
function volunteers(cloud: LocalCloud, run: string, count = CALLERS * PER_CALLER): string[] {
  const ids = Array.from({ length: count }, (_, i) => `${run}-${String(i).padStart(4, '0')}`)
  cloud.store.insert(
    'users',
    ids.map((id) => ({
      _id: id,
      nickName: '志愿者',
      roles: [{ role: 'volunteer', communityId: 'bcm' }],
      communityId: 'bcm',
      elderMode: false,
      createdAt: AT,
      updatedAt: AT,
      deletedAt: null
    }))
  )
  cloud.store.insert(
    'pointsLedger',
    ids.map((id) => ({
      _id: `credit_seed_${id}`,
      openid: id,
      communityId: 'bcm',
      kind: 'credit',
      amount: 100,
      balanceAfter: 100,
      reason: '志愿服务',
      sourceId: id,
      by: null,
      at: AT
    }))
  )
  cloud.store.insert(
    'pointsAccounts',
    ids.map((id) => ({ _id: id, communityId: 'bcm', balance: 100, earned: 100, spent: 0, createdAt: AT, updatedAt: AT }))
  )
  return ids
}

interface RunResult {
  perSecond: number
  p50: number
  p95: number
  ok: number
  refused: number
  /** Refused as busy (transaction retries used up). */
  busy: number
}

type Answer = { ok: boolean; error?: { message?: string } }

/** CALLERS callers, each sending its share of calls one after another. */
async function drive(calls: Array<() => Promise<Answer>>): Promise<RunResult> {
  const latencies: number[] = []
  let ok = 0
  let busy = 0
  const queues = Array.from({ length: CALLERS }, (_, c) => calls.filter((_, i) => i % CALLERS === c))
  const start = performance.now()
  await Promise.all(
    queues.map(async (queue) => {
      for (const run of queue) {
        const t = performance.now()
        const answer = await run()
        latencies.push(performance.now() - t)
        if (answer.ok) ok++
        else if (answer.error?.message === BUSY_MESSAGE) busy++
      }
    })
  )
  const seconds = (performance.now() - start) / 1000
  return {
    perSecond: calls.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    ok,
    refused: calls.length - ok,
    busy
  }
}

function redeemRun(cloud: LocalCloud, run: string, goodsFor: (i: number) => string) {
  return volunteers(cloud, run).map(
    (openid, i) => () => cloud.call('points', 'redeem', { goodsId: goodsFor(i), quantity: 1, requestId: `${run}-req-${i}` }, openid)
  )
}

/** Every balance ≥ 0 and equal to its ledger's sum; for every item, stock + live orders = what was shelved. */
export function ledgerInvariantHolds(cloud: Pick<LocalCloud, 'store'>): boolean {
  const s = cloud.store
  const sums = new Map<string, number>()
  for (const e of s.find('pointsLedger')) sums.set(e.openid as string, (sums.get(e.openid as string) ?? 0) + (e.amount as number))
  const accounts = s.find('pointsAccounts')
  const balances =
    accounts.length === sums.size &&
    accounts.every(
      (a) =>
        (a.balance as number) >= 0 && a.balance === sums.get(a._id as string) && a.balance === (a.earned as number) - (a.spent as number)
    )
  const live = new Map<string, number>()
  for (const o of s.find('redemptions', { status: { $in: ['pending', 'pickedUp'] } }))
    live.set(o.goodsId as string, (live.get(o.goodsId as string) ?? 0) + (o.quantity as number))
  const stock = s
    .find('goods')
    .every((g) => (g.stock as number) + (live.get(g._id as string) ?? 0) === STOCK && g.redeemed === (live.get(g._id as string) ?? 0))
  const settled = s.count('goods', { 'holds.0': { $exists: true } }) === 0
  return balances && stock && settled
}

/**
 * A private copy of the built function, so a rebuild of cloudfunctions/ by another process during the run
 * does not swap the code under the bench. It sits inside the repository so wx-server-sdk resolves.
 */
async function privateFunctions(): Promise<string> {
  await buildFunctions(FUNCTIONS, { quiet: true })
  const dir = mkdtempSync(join(REPO_ROOT, '.bench-functions-'))
  for (const fn of FUNCTIONS) {
    mkdirSync(join(dir, fn))
    for (const file of ['index.js', 'config.json']) copyFileSync(join(FUNCTIONS_DIR, fn, file), join(dir, fn, file))
  }
  return dir
}

/** "getDocument×5, modifyDocument×2, …" from the local cloud's request log lines. */
function breakdown(lines: string[]): string {
  const byAction = new Map<string, number>()
  for (const line of lines) {
    const action = line.split(' ')[2] ?? '?'
    byAction.set(action, (byAction.get(action) ?? 0) + 1)
  }
  return [...byAction].map(([action, n]) => `${action}×${n}`).join(', ')
}

function redeemRows(figure: string, label: string, run: RunResult, holds: boolean, plain: RunResult, trivial: RunResult): Row[] {
  const n = CALLERS * PER_CALLER
  return [
    {
      figure: `${figure} vs plain updates`,
      value: round(run.perSecond),
      unit: 'redemptions/s',
      baseline: round(plain.perSecond),
      ratio: round(run.perSecond / plain.perSecond, 2),
      target: '≥ 0.5×'
    },
    {
      figure: `  ${label}: latency p95 vs trivial p95 (p50 ${round(run.p50)} ms)`,
      value: round(run.p95),
      unit: 'ms',
      baseline: round(trivial.p95),
      ratio: round(run.p95 / trivial.p95, 2),
      target: '≤ 5×'
    },
    { figure: `  ${label}: succeeded`, value: run.ok, unit: `of ${n}` },
    { figure: `  ${label}: refused as busy while stock lasts`, value: run.busy, unit: 'calls', target: '0' },
    { figure: `  ${label}: ledger invariant after the run`, value: holds ? 1 : 0, unit: holds ? 'holds' : 'BROKEN', target: 'holds' }
  ]
}

export async function runPointsBench(): Promise<Row[]> {
  const functionsDir = await privateFunctions()
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-points-'))
  // The database requests of one redemption alone: the local cloud logs each one while `counting` is set.
  let counting: string[] | null = null
  const log = (line: string) => counting?.push(line)
  const cloud = await startLocalCloud({ ...productCloud, port: 0, dataDir, functionsDir, quiet: true, timers: false, log })
  try {
    loadData(cloud)
    // Warm every function instance, then the baseline: a one-document read with the same callers.
    const warm = volunteers(cloud, 'warm')
    await drive(warm.map((openid) => () => cloud.call('points', 'balance', {}, openid)))
    const trivial = await drive(warm.map((openid) => () => cloud.call('points', 'balance', {}, openid)))
    await drive(warm.map((openid, i) => () => cloud.call('user', 'setElderMode', { on: i % 2 === 0 }, openid)))
    const plain = await drive(warm.map((openid, i) => () => cloud.call('user', 'setElderMode', { on: i % 2 === 1 }, openid)))

    // The redemption path warmed like the baselines (one full pass first), then one redemption alone, counted.
    await drive(redeemRun(cloud, 'rwarm', (i) => `g${String((i * 13) % MANY_ITEMS).padStart(3, '0')}`))
    const [solo] = volunteers(cloud, 'solo', 1)
    counting = []
    const soloAnswer = await cloud.call('points', 'redeem', { goodsId: 'g000', quantity: 1, requestId: 'solo-req' }, solo)
    const requests: string[] = counting
    counting = null
    if (!soloAnswer.ok) throw new Error(`the counted redemption failed: ${JSON.stringify(soloAnswer)}`)

    const popular = await drive(redeemRun(cloud, 'pop', () => 'popular'))
    const popularHolds = ledgerInvariantHolds(cloud)
    const many = await drive(redeemRun(cloud, 'many', (i) => `g${String((i * 37) % MANY_ITEMS).padStart(3, '0')}`))
    const manyHolds = ledgerInvariantHolds(cloud)
    const n = CALLERS * PER_CALLER
    return [
      {
        figure: `trivial read (balance), ${CALLERS} callers`,
        value: round(trivial.perSecond),
        unit: `calls/s, p95 ${round(trivial.p95)} ms`
      },
      { figure: `plain single-document update (user.setElderMode), ${CALLERS} callers`, value: round(plain.perSecond), unit: 'calls/s' },
      { figure: 'database requests of one redemption (alone)', value: requests.length, unit: `requests (${breakdown(requests)})` },
      ...redeemRows(`redeem one popular item, ${CALLERS} callers, ${n} redemptions`, 'popular', popular, popularHolds, plain, trivial),
      ...redeemRows(
        `redeem across ${MANY_ITEMS} items, ${CALLERS} callers, ${n} redemptions`,
        'many items',
        many,
        manyHolds,
        plain,
        trivial
      )
    ]
  } finally {
    await cloud.stop()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(functionsDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runPointsBench()
    .then(printRows)
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
