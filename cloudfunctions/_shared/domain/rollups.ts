// Rollups: per community and month counters the dashboards read instead of scanning history, kept in the
// same transaction as the event that changes them and rebuilt from history on demand (npm run
// rollups:rebuild). Pure.
//
// A *source* is a collection whose documents count for something: `cells(doc)` says what one document counts
// for as it stands. Writing a document moves it out of the cells it counted for and into the ones it counts
// for now (`rollupChange`; unchanged cells cancel), in the write's own transaction (_shared/infra/rollups.ts);
// the rebuild adds up the cells of every document. The sources, and the figures each feeds, are registered
// with `defineRollups`; _shared/domain/rollupRegistry.ts imports every module that registers some — the
// extension point for a new kind of rollup.
//
// A counter is a set of cells `rollups/<figure>_<community>_<month>_<key>_<shard>`; the shard (from the
// event's source id) spreads a busy counter over several documents, so events of one community do not all
// write the same document (transactions that write one document conflict). Readers add the shards up.
//
// Distinct people: a *mark* figure has one cell per (scope, period, person) whose n counts that person's
// documents in it; its *counter* figure (`counts`) has one +1 for every mark above zero, added when the mark
// goes from 0 to 1 and taken back when it returns to 0 (`markCrossing`). For these the `month` field holds the
// period (a month "2026-03", a half "2026H1" or a year "2026"), since distinct people do not add up over months.
import { createHash } from 'node:crypto'
import { halfYear, monthOf } from './period'

/** Shards of the ledger's counters: it takes every redemption of a popular item, so it is spread widely. */
export const ROLLUP_SHARDS = 32

export type RollupFigure = string
export type RollupKey = Record<string, string | number | null>

export interface RollupKind {
  /** Documents one counter is spread over (1 for marks: a mark is one person's). */
  shards: number
  /** A mark: the counter figure that counts this figure's cells above zero. */
  counts?: RollupFigure
}

/** One change to one counter. */
export interface RollupDelta {
  figure: RollupFigure
  communityId: string
  /** China-time month, YYYY-MM (or for marks and their counters the period). */
  month: string
  key: RollupKey
  n: number
  sum: number
}

export interface RollupDoc {
  _id: string
  figure: RollupFigure
  communityId: string
  month: string
  key: RollupKey
  shard: number
  n: number
  sum: number
}

/** What a source's cells may look up beyond the document: the street of a community (for street-wide marks). */
export interface RollupContext {
  streetOf(communityId: string): string | null
}

export interface RollupSource<D = Record<string, unknown>> {
  /** The collection whose documents count. */
  collection: string
  /** The figures its cells feed. */
  figures: Record<RollupFigure, RollupKind>
  /** Whether `cells` calls ctx.streetOf (the writer then reads the communities). */
  needsStreet?: boolean
  /**
   * What one document counts for as it stands (one delta per cell, n and sum its share). It must not read
   * fields written with dotted paths (the writer merges a patch's top-level fields to see the document after).
   */
  cells(doc: D, ctx: RollupContext): RollupDelta[]
}

const kinds = new Map<RollupFigure, RollupKind>()
const sources = new Map<string, RollupSource>()

/** Registers a source and its figures (once per collection; a figure belongs to one source). */
export function defineRollups<D>(source: RollupSource<D>): RollupSource<D> {
  if (sources.has(source.collection)) throw new Error(`rollup source ${source.collection} defined twice`)
  for (const [figure, kind] of Object.entries(source.figures)) {
    if (kinds.has(figure)) throw new Error(`rollup figure ${figure} defined twice`)
    kinds.set(figure, kind)
  }
  for (const kind of Object.values(source.figures)) if (kind.counts) kinds.set(kind.counts, kinds.get(kind.counts) ?? { shards: 4 })
  sources.set(source.collection, source as unknown as RollupSource)
  return source
}

export const rollupSourceOf = (collection: string): RollupSource | null => sources.get(collection) ?? null
export const rollupSources = (): RollupSource[] => [...sources.values()]
export const rollupKind = (figure: RollupFigure): RollupKind => kinds.get(figure) ?? { shards: 4 }

const canonicalKey = (key: RollupKey) =>
  Object.keys(key)
    .sort()
    .map((k) => `${k}=${key[k] ?? ''}`)
    .join(',')

/** The shard of an event's counter: a stable hash of the event's source id. */
export function shardOf(sourceId: string, figure: RollupFigure = 'ledger'): number {
  return createHash('sha256').update(sourceId).digest().readUInt32BE(0) % rollupKind(figure).shards
}

export const rollupId = (d: Pick<RollupDelta, 'figure' | 'communityId' | 'month' | 'key'>, shard: number) =>
  `${d.figure}_${d.communityId}_${d.month}_${canonicalKey(d.key)}_${shard}`

/** A cell of one document: n 1 (or `n`), in the month of `at` unless `month` is a period already. */
export const cell = (figure: RollupFigure, communityId: string, at: Date | string, key: RollupKey = {}, n = 1, sum = 0): RollupDelta => ({
  figure,
  communityId,
  month: typeof at === 'string' ? at : monthOf(new Date(at)),
  key,
  n,
  sum
})

/** The periods a dashboard may ask for that contain `at`: its month, half-year and year (China time). */
export const periodsOf = (at: Date): string[] => {
  const d = new Date(at)
  return [monthOf(d), halfYear(d), monthOf(d).slice(0, 4)]
}

/** A person's marks in every period containing `at`: one cell each. */
export const marks = (figure: RollupFigure, scopeId: string, at: Date, person: string): RollupDelta[] =>
  periodsOf(at).map((p) => cell(figure, scopeId, p, { p: person }))

/** A document written: out of the cells it counted for, into the ones it counts for now (unchanged cells cancel). */
export function rollupChange<D>(source: RollupSource<D>, before: D | null, after: D | null, ctx: RollupContext): RollupDelta[] {
  const net = new Map<string, RollupDelta>()
  const add = (d: RollupDelta, sign: number) => {
    const id = rollupId(d, 0)
    const was = net.get(id)
    net.set(id, { ...d, n: (was?.n ?? 0) + sign * d.n, sum: (was?.sum ?? 0) + sign * d.sum })
  }
  if (before) source.cells(before, ctx).forEach((d) => add(d, -1))
  if (after) source.cells(after, ctx).forEach((d) => add(d, 1))
  return [...net.values()].filter((d) => d.n !== 0 || Math.abs(d.sum) > SUM_EPSILON)
}

/** The counter's change when a mark moves from `current` by `d.n`: +1 from zero, −1 back to zero, else none. */
export function markCrossing(d: RollupDelta, current: number): RollupDelta | null {
  const counts = rollupKind(d.figure).counts
  if (!counts) return null
  const was = current > 0
  const now = current + d.n > 0
  if (was === now) return null
  return { figure: counts, communityId: d.communityId, month: d.month, key: {}, n: now ? 1 : -1, sum: 0 }
}

/** A cell with a delta applied (a new cell when there was none). */
export function applyDelta(current: RollupDoc | null, d: RollupDelta, shard: number): RollupDoc {
  return {
    _id: rollupId(d, shard),
    figure: d.figure,
    communityId: d.communityId,
    month: d.month,
    key: d.key,
    shard,
    n: (current?.n ?? 0) + d.n,
    sum: (current?.sum ?? 0) + d.sum
  }
}

// --- the points ledger --------------------------------------------------------------------------------------
//
//   a points-ledger entry posted (ledger.ts)   ledger   { k: kind }   n +1, sum + amount

export interface LedgerEvent {
  communityId: string
  kind: string
  amount: number
  at: Date
}

/** A points-ledger entry: one more entry of its kind and its amount, in its community and month. */
export const ledgerDeltas = (e: LedgerEvent): RollupDelta[] => [cell('ledger', e.communityId, e.at, { k: e.kind }, 1, e.amount)]

defineRollups<LedgerEvent>({ collection: 'pointsLedger', figures: { ledger: { shards: ROLLUP_SHARDS } }, cells: ledgerDeltas })

// --- wishes -------------------------------------------------------------------------------------------------
//
//   a wish submitted or changing status (wish submit, wish lifecycle transition): what it counts for, each in
//   the month of its date:
//     wishPosted       {}               createdAt
//     wishPublished    { cat, s }       publishedAt (s: status now)
//     wishClaimed      {}               claimedAt (cleared on release)
//     wishClaimTimed   { b: bucket }    claimedAt, with a claim duration: its histogram bucket (durationBucket),
//                                       sum the duration
//     wishFulfilled    {}               fulfilledAt
//     wishFulfilTimed  { b: bucket }    fulfilledAt, with a fulfil duration
//     wishConfirmed    { r: rating }    confirmedAt

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/**
 * The fixed buckets of the duration histograms (lower bounds, ms; the last is open). A bucket's cell counts
 * its durations (n) and adds them up (sum). A median read from the histogram is the mean of the durations in
 * the bucket holding the median, so it lies in the same bucket as the true median: off by less than the
 * bucket's width — 2 hours under a day, 6 hours under a week, 1 day under 30 days, 5 days under 90 days,
 * 30 days under 360 days — and exact when the bucket's durations are equal.
 */
export const DURATION_BUCKETS: readonly number[] = (() => {
  const out: number[] = []
  const run = (from: number, to: number, step: number) => {
    for (let x = from; x < to; x += step) out.push(x)
  }
  run(0, DAY_MS, 2 * HOUR_MS)
  run(DAY_MS, 7 * DAY_MS, 6 * HOUR_MS)
  run(7 * DAY_MS, 30 * DAY_MS, DAY_MS)
  run(30 * DAY_MS, 90 * DAY_MS, 5 * DAY_MS)
  run(90 * DAY_MS, 360 * DAY_MS, 30 * DAY_MS)
  out.push(360 * DAY_MS)
  return out
})()

/** The histogram bucket of a duration (index into DURATION_BUCKETS). */
export function durationBucket(ms: number): number {
  let lo = 0
  let hi = DURATION_BUCKETS.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (DURATION_BUCKETS[mid] <= ms) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** One bucket of a histogram: how many durations fell in it and their sum. */
export interface HistogramBucket {
  n: number
  sum: number
}

/** The median of a histogram (bucket → count and sum), each value read as its bucket's mean; null when empty. */
export function histogramMedian(buckets: ReadonlyMap<number, HistogramBucket>): number | null {
  const sorted = [...buckets].filter(([, c]) => c.n > 0).sort((a, b) => a[0] - b[0])
  const total = sorted.reduce((s, [, c]) => s + c.n, 0)
  if (!total) return null
  const positions = total % 2 ? [(total - 1) / 2] : [total / 2 - 1, total / 2]
  const valueAt = (pos: number) => {
    let seen = 0
    for (const [, c] of sorted) {
      seen += c.n
      if (pos < seen) return c.sum / c.n
    }
    return 0
  }
  return positions.reduce((s, p) => s + valueAt(p), 0) / positions.length
}

/** The fields of a wish its counters depend on. */
export interface WishFacts {
  communityId: string
  category: string
  status: string
  createdAt: Date
  publishedAt?: Date | null
  claimedAt?: Date | null
  fulfilledAt?: Date | null
  confirmedAt?: Date | null
  confirmation?: { rating?: number | null } | null
  metrics?: { claimMs?: number | null; fulfilMs?: number | null } | null
}

const timed = (ms: number | null | undefined): ms is number => typeof ms === 'number' && ms >= 0

/** What one wish counts for, as it stands (one each). */
export function wishCells(w: WishFacts): RollupDelta[] {
  const c = (figure: RollupFigure, at: Date, key: RollupKey = {}) => cell(figure, w.communityId, at, key)
  const out = [c('wishPosted', w.createdAt)]
  const claimMs = w.metrics?.claimMs
  const fulfilMs = w.metrics?.fulfilMs
  if (w.publishedAt) out.push(c('wishPublished', w.publishedAt, { cat: w.category, s: w.status }))
  if (w.claimedAt) out.push(c('wishClaimed', w.claimedAt))
  if (w.claimedAt && timed(claimMs))
    out.push(cell('wishClaimTimed', w.communityId, w.claimedAt, { b: durationBucket(claimMs) }, 1, claimMs))
  if (w.fulfilledAt) out.push(c('wishFulfilled', w.fulfilledAt))
  if (w.fulfilledAt && timed(fulfilMs))
    out.push(cell('wishFulfilTimed', w.communityId, w.fulfilledAt, { b: durationBucket(fulfilMs) }, 1, fulfilMs))
  if (w.confirmedAt) out.push(c('wishConfirmed', w.confirmedAt, { r: w.confirmation?.rating ?? null }))
  return out
}

const wishSource = defineRollups<WishFacts>({
  collection: 'wishes',
  figures: {
    wishPosted: { shards: 4 },
    wishPublished: { shards: 4 },
    wishClaimed: { shards: 4 },
    wishClaimTimed: { shards: 1 },
    wishFulfilled: { shards: 4 },
    wishFulfilTimed: { shards: 1 },
    wishConfirmed: { shards: 4 }
  },
  cells: wishCells
})

const noStreets: RollupContext = { streetOf: () => null }

/** A wish written: out of the cells it counted for, into the ones it counts for now (unchanged cells cancel). */
export const wishDeltas = (before: WishFacts | null, after: WishFacts): RollupDelta[] => rollupChange(wishSource, before, after, noStreets)

// --- rebuild and compare ---------------------------------------------------------------------------------

/** Sums of hours are fractional: maintained and rebuilt sums agree within this. */
const SUM_EPSILON = 1e-6

/** What the rebuild reads: every document of each source collection (by collection name). */
export type RollupHistory = Partial<Record<string, Iterable<unknown>>>

/** Every counter recomputed from history, one cell per counter (shard 0); marks and their counters too. */
export function rebuildRollups(history: RollupHistory, ctx: RollupContext = noStreets): RollupDoc[] {
  const cells = new Map<string, RollupDoc>()
  const add = (d: RollupDelta) => {
    const id = rollupId(d, 0)
    cells.set(id, applyDelta(cells.get(id) ?? null, d, 0))
  }
  for (const source of rollupSources()) for (const doc of history[source.collection] ?? []) source.cells(doc as never, ctx).forEach(add)
  for (const mark of [...cells.values()]) {
    const counter = mark.n > 0 ? markCrossing({ ...mark, n: mark.n }, 0) : null
    if (counter) add(counter)
  }
  return [...cells.values()].filter((c) => c.n !== 0 || Math.abs(c.sum) > SUM_EPSILON)
}

/** Counters with their shards added up: counter id (shard left out) → n and sum. */
export function totalsOf(docs: Iterable<RollupDoc>): Map<string, { n: number; sum: number }> {
  const out = new Map<string, { n: number; sum: number }>()
  for (const d of docs) {
    const id = rollupId(d, 0)
    const t = out.get(id) ?? { n: 0, sum: 0 }
    out.set(id, { n: t.n + d.n, sum: t.sum + d.sum })
  }
  return out
}

/** Where the maintained counters and the rebuilt ones disagree (empty when they agree). */
export function rollupDifferences(maintained: Iterable<RollupDoc>, rebuilt: Iterable<RollupDoc>): string[] {
  const a = totalsOf(maintained)
  const b = totalsOf(rebuilt)
  const out: string[] = []
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id) ?? { n: 0, sum: 0 }
    const y = b.get(id) ?? { n: 0, sum: 0 }
    if (x.n !== y.n || Math.abs(x.sum - y.sum) > SUM_EPSILON)
      out.push(`${id}: maintained n ${x.n} sum ${x.sum}, history n ${y.n} sum ${y.sum}`)
  }
  return out.sort()
}
