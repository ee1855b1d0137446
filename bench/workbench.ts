// Workbench figures: the dashboard of one community holding 10 000 wishes and 100 000 points-ledger entries
// (plus a year of service records and party data), answered through the gateway by the real workbench
// function on the local cloud — every figure aggregated by the database — against a trivial call (user.me,
// one document read) in the same run. Also a one-month dashboard of the same community, and the street
// comparison of its street (twenty communities and the total). Then the same with the history (wishes and
// ledger entries) grown tenfold: the dashboards read rollups, so they should stay flat. The history is
// written straight into the store (seeding a million ledger entries through the functions would take hours)
// and the rollups are then made from it by the rebuild (`npm run rollups:rebuild` does the same), so the
// dashboards read exactly what the functions would have kept.
//
//   npx tsx bench/workbench.ts
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { productCloud, REPO_ROOT } from '../demo/cloud'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { rebuildStoredRollups } from '../demo/rollups'
import { buildFunctions, FUNCTIONS_DIR } from '../scripts/build-functions'
import { printRows, type Row } from './table'

const FUNCTIONS = ['workbench', 'user']

const WISHES = 10_000
const LEDGER = 100_000
const COMMUNITIES = 20
/** The history grown tenfold (wishes and ledger entries): the dashboards must stay flat. */
const GROWTH = 10
const ENROLLMENTS = 5_000
const MEMBERS = 300
const ENTRIES = 3_000
const RUNS = 7
const YEAR_START = Date.UTC(2025, 11, 31, 16) // 2026-01-01 00:00 CST
const YEAR_MS = 365 * 86_400_000
const DAY = 86_400_000

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]

/** A deterministic spread of instants over 2026. */
const at = (i: number, n: number) => new Date(YEAR_START + Math.floor(((i * 7919) % n) * (YEAR_MS / n)))
const point = (lat: number, lng: number) => ({ type: 'Point', coordinates: [lng, lat] })

const STATUSES = [
  'submitted',
  'published',
  'claimed',
  'fulfilled',
  'confirmed',
  'confirmed',
  'confirmed',
  'rejected',
  'withdrawn',
  'published'
]
const CATEGORIES = ['goods', 'service', 'company', 'study', 'other']
const KINDS = ['credit', 'credit', 'credit', 'credit', 'redemption', 'redemption', 'refund', 'adjust']

function wish(i: number, wishes = WISHES) {
  const status = STATUSES[i % STATUSES.length]
  const created = at(i, wishes)
  const step = (k: number) => new Date(created.getTime() + k * DAY)
  const reached = (s: string) => STATUSES.indexOf(s) <= STATUSES.indexOf(status) && !['rejected', 'withdrawn'].includes(status)
  const published = status !== 'submitted' && status !== 'rejected' ? step(1) : null
  const claimed = reached('claimed') ? step(2 + (i % 5)) : null
  const fulfilled = reached('fulfilled') ? step(8 + (i % 7)) : null
  const confirmed = status === 'confirmed' ? step(16) : null
  return {
    _id: `bw${String(i).padStart(6, '0')}`,
    communityId: 'bcm01',
    streetId: 'bst',
    category: CATEGORIES[i % CATEGORIES.length],
    title: '想要一台能听戏的收音机',
    status,
    createdAt: created,
    updatedAt: confirmed ?? fulfilled ?? claimed ?? published ?? created,
    publishedAt: published,
    claimedAt: claimed,
    fulfilledAt: fulfilled,
    confirmedAt: confirmed,
    confirmation: confirmed ? { rating: 3 + (i % 3) } : null,
    claimDeadline: claimed && status === 'claimed' ? new Date(claimed.getTime() + 7 * DAY) : null,
    metrics: {
      claimMs: claimed && published ? claimed.getTime() - published.getTime() : null,
      fulfilMs: fulfilled && claimed ? fulfilled.getTime() - claimed.getTime() : null
    },
    beneficiary: { display: '王奶奶', isChild: false },
    history: []
  }
}

export function loadBenchData(cloud: Pick<LocalCloud, 'store'>, scale = 1) {
  const wishes = WISHES * scale
  const ledger = LEDGER * scale
  const s = cloud.store
  const settings = { assessment: { registrationPoints: 10, wishPoints: 5, needPoints: 5, pointsPerHour: 1, yearlyHours: 50, passMark: 60 } }
  s.insert('streets', [{ _id: 'bst', name: '测试街道', district: '镜湖区', city: '江城市' }])
  s.insert(
    'communities',
    Array.from({ length: COMMUNITIES }, (_, c) => ({
      _id: `bcm${String(c + 1).padStart(2, '0')}`,
      name: `测试社区${c + 1}`,
      streetId: 'bst',
      center: point(31.3 + c * 0.01, 118.4),
      address: '测试路',
      phone: '0553-2000000',
      settings
    }))
  )
  s.insert('users', [
    {
      _id: 'bench-staff',
      nickName: '社工',
      roles: [{ role: 'staff', communityId: 'bcm01' }],
      communityId: 'bcm01',
      elderMode: false,
      createdAt: new Date(YEAR_START),
      updatedAt: new Date(YEAR_START),
      deletedAt: null
    },
    {
      _id: 'bench-street',
      nickName: '街道',
      roles: [{ role: 'streetAdmin', streetId: 'bst' }],
      communityId: 'bcm01',
      elderMode: false,
      createdAt: new Date(YEAR_START),
      updatedAt: new Date(YEAR_START),
      deletedAt: null
    }
  ])
  s.insert(
    'compounds',
    Array.from({ length: 120 }, (_, i) => ({
      _id: `bcp${i}`,
      name: `小区${i}`,
      communityId: `bcm${String((i % COMMUNITIES) + 1).padStart(2, '0')}`,
      streetId: 'bst',
      location: point(31.3 + (i % 10) * 0.01 + (i % 3) * 0.002, 118.4 + (i % 7) * 0.002),
      households: 300 + i
    }))
  )
  s.insert(
    'facilities',
    Array.from({ length: 300 }, (_, i) => ({
      _id: `bf${i}`,
      name: `设施${i}`,
      category: ['convenience', 'canteen', 'clinic', 'partyCenter', 'market', 'pharmacy'][i % 6],
      communityId: 'bcm01',
      streetId: 'bst',
      status: 'open',
      location: point(31.3 + (i % 11) * 0.009, 118.4 + (i % 13) * 0.0015),
      dedupeKey: `bf${i}`
    }))
  )
  for (let i = 0; i < wishes; i += 2000)
    s.insert(
      'wishes',
      Array.from({ length: Math.min(2000, wishes - i) }, (_, k) => wish(i + k, wishes))
    )
  for (let i = 0; i < ledger; i += 10_000) {
    s.insert(
      'pointsLedger',
      Array.from({ length: Math.min(10_000, ledger - i) }, (_, k) => {
        const n = i + k
        const kind = KINDS[n % KINDS.length]
        const amount = kind === 'redemption' ? -40 : kind === 'adjust' ? 5 : kind === 'refund' ? 40 : 20
        return {
          _id: `bl${String(n).padStart(7, '0')}`,
          openid: `bv${n % 2000}`,
          communityId: 'bcm01',
          kind,
          amount,
          balanceAfter: 0,
          reason: '志愿服务',
          sourceId: `s${n}`,
          by: null,
          at: at(n, ledger)
        }
      })
    )
  }
  s.insert(
    'volunteers',
    Array.from({ length: 2000 }, (_, i) => ({
      _id: `bv${i}`,
      volunteerNo: `ZY${i}`,
      realName: '志愿者',
      phone: '13700000000',
      communityId: `bcm${String((i % COMMUNITIES) + 1).padStart(2, '0')}`,
      createdAt: at(i, 2000)
    }))
  )
  s.insert(
    'enrollments',
    Array.from({ length: ENROLLMENTS }, (_, i) => ({
      _id: `be${i}`,
      activityId: `ba${i % 300}`,
      openid: `bv${i % 2000}`,
      communityId: `bcm${String((i % COMMUNITIES) + 1).padStart(2, '0')}`,
      activityTitle: '活动',
      activityStart: at(i, ENROLLMENTS),
      status: i % 9 ? 'completed' : 'absent',
      hours: (i % 6) * 0.5,
      points: 10,
      missingCheckout: false,
      corrections: []
    }))
  )
  s.insert(
    'redemptions',
    Array.from({ length: 2000 }, (_, i) => ({
      _id: `br${i}`,
      openid: `bv${i}`,
      communityId: 'bcm01',
      merchantId: 'bm1',
      goodsName: '大米',
      status: ['pickedUp', 'pending', 'cancelled', 'expired'][i % 4],
      quantity: 1,
      points: 40,
      createdAt: at(i, 2000),
      closedAt: at(i, 2000)
    }))
  )
  s.insert(
    'partyMembers',
    Array.from({ length: MEMBERS }, (_, i) => ({
      _id: `bpm${i}`,
      openid: `bo${i}`,
      communityId: `bcm${String((i % COMMUNITIES) + 1).padStart(2, '0')}`,
      name: '党员',
      phone: '13900000000',
      status: i % 10 ? 'approved' : 'pending',
      createdAt: at(i, MEMBERS),
      approvedAt: i % 10 ? at(i, MEMBERS) : null,
      renewedHalves: i % 3 ? ['2026H1', '2026H2'] : ['2026H1']
    }))
  )
  s.insert(
    'assessmentEntries',
    Array.from({ length: ENTRIES }, (_, i) => ({
      _id: `bae${i}`,
      openid: `bo${i % MEMBERS}`,
      communityId: `bcm${String((i % COMMUNITIES) + 1).padStart(2, '0')}`,
      period: '2026',
      source: ['wish', 'hours', 'need', 'registration'][i % 4],
      points: 5,
      hours: i % 4 === 1 ? 2 : 0,
      at: at(i, ENTRIES)
    }))
  )
  // The history above was written directly; the dashboards' counters are made from it, as the functions keep them.
  rebuildStoredRollups(s)
}

async function time(call: () => Promise<{ ok: boolean }>, runs = RUNS): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const answer = await call()
    out.push(performance.now() - t)
    if (!answer.ok) throw new Error(`bench call failed: ${JSON.stringify(answer)}`)
  }
  return out
}

/**
 * A private copy of the built functions, so a rebuild of cloudfunctions/ by another process during the run
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

interface Measured {
  loadMs: number
  trivial: number
  yearMs: number[]
  monthMs: number[]
  streetMs: number[]
  published: number | string
  issued: number | string
}

/** One cloud holding the history `scale` times over; every dashboard timed against the trivial call. */
async function measure(functionsDir: string, scale: number): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-workbench-'))
  const cloud = await startLocalCloud({ ...productCloud, port: 0, dataDir, functionsDir, quiet: true, timers: false })
  try {
    const loadStart = performance.now()
    loadBenchData(cloud, scale)
    const loadMs = performance.now() - loadStart
    const me = () => cloud.call('user', 'me', {}, 'bench-staff')
    const year = () => cloud.call('workbench', 'dashboard', { communityId: 'bcm01', period: '2026' }, 'bench-staff')
    const month = () => cloud.call('workbench', 'dashboard', { communityId: 'bcm01', period: '2026-06' }, 'bench-staff')
    const street = () => cloud.call('workbench', 'streetDashboard', { streetId: 'bst', period: '2026' }, 'bench-street')
    // Warm the function instances (first calls load the bundle), then measure.
    await time(me, 2)
    await time(year, 1)
    await time(street, 1)
    const trivial = median(await time(me))
    const yearMs = await time(year)
    const monthMs = await time(month)
    const streetMs = await time(street)
    const answer = await year()
    const figures = answer.ok
      ? (answer.data as { figures: { wishes: { published: number }; volunteers: { pointsIssued: number } } }).figures
      : null
    return {
      loadMs,
      trivial,
      yearMs,
      monthMs,
      streetMs,
      published: figures?.wishes.published ?? '?',
      issued: figures?.volunteers.pointsIssued ?? '?'
    }
  } finally {
    await cloud.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function runWorkbenchBench(): Promise<Row[]> {
  const functionsDir = await privateFunctions()
  try {
    const base = await measure(functionsDir, 1)
    const grown = await measure(functionsDir, GROWTH)
    const data = (scale: number, m: Measured): Row => ({
      figure: `data: ${WISHES * scale} wishes, ${LEDGER * scale} ledger entries, ${ENROLLMENTS} service records, ${COMMUNITIES} communities`,
      value: round(m.loadMs, 0),
      unit: 'ms to load'
    })
    const vsTrivial = (figure: string, xs: number[], m: Measured, target?: string): Row => ({
      figure,
      value: round(median(xs)),
      unit: 'ms',
      baseline: round(m.trivial),
      ratio: round(median(xs) / m.trivial),
      target
    })
    const growth = (figure: string, now: number[], before: number[]): Row => ({
      figure,
      value: round(median(now)),
      unit: 'ms',
      baseline: round(median(before)),
      ratio: round(median(now) / median(before), 2),
      target: '≤ 1.5×'
    })
    return [
      data(1, base),
      { figure: 'trivial call through the gateway (user.me), median', value: round(base.trivial), unit: 'ms' },
      vsTrivial(
        `community dashboard, a year (${base.published} wishes published, ${base.issued} points issued), median of ${RUNS}`,
        base.yearMs,
        base,
        '≤ 10×'
      ),
      { figure: '  same, p95', value: round(p95(base.yearMs)), unit: 'ms', target: '< 1000 ms' },
      vsTrivial(`community dashboard, one month, median of ${RUNS}`, base.monthMs, base),
      vsTrivial(`street comparison, ${COMMUNITIES} communities + total, a year, median of ${RUNS}`, base.streetMs, base, '≤ 15×'),
      data(GROWTH, grown),
      { figure: `  trivial call, history ×${GROWTH}`, value: round(grown.trivial), unit: 'ms' },
      vsTrivial(
        `community dashboard, a year, history ×${GROWTH} (${grown.published} published), median of ${RUNS}`,
        grown.yearMs,
        grown,
        '≤ 10×'
      ),
      vsTrivial(`street comparison, ${COMMUNITIES} communities, history ×${GROWTH}, median of ${RUNS}`, grown.streetMs, grown, '≤ 15×'),
      growth(`community dashboard, a year: history ×${GROWTH} vs ×1`, grown.yearMs, base.yearMs),
      growth(`street comparison, a year: history ×${GROWTH} vs ×1`, grown.streetMs, base.streetMs)
    ]
  } finally {
    rmSync(functionsDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runWorkbenchBench()
    .then(printRows)
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
