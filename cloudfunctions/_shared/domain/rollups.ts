// Rollups: per community and month counters the dashboards read instead of scanning history, kept in the
// same transaction as the event that changes them and rebuilt from history on demand (npm run
// rollups:rebuild). This module is the one list of which event changes which counter. Pure.
//
//   event                                     figure           key              n     sum
//   a points-ledger entry posted (ledger.ts)   ledger           { k: kind }      +1    + amount
//   a wish submitted or changing status        the wish's cells (wishCells): what the wish counts for
//   (wish submit, wish lifecycle transition)   before the change −1, after it +1, each in the month of
//                                              its date:
//                                              wishPosted       {}               createdAt
//                                              wishPublished    { cat, s }       publishedAt (s: status now)
//                                              wishClaimed      {}               claimedAt (cleared on release)
//                                              wishClaimTimed   {}               claimedAt, with a claim duration
//                                              wishFulfilled    {}               fulfilledAt
//                                              wishFulfilTimed  {}               fulfilledAt, with a fulfil duration
//                                              wishConfirmed    { r: rating }    confirmedAt
//
// A counter is a set of cells `rollups/<figure>_<community>_<month>_<key>_<shard>`; the shard (from the
// event's source id, shardsOf) spreads a busy counter over several documents, so events of one community do not
// all write the same document (transactions that write one document conflict). Readers add the shards up.
import { createHash } from 'node:crypto'
import { monthOf } from './period'
import { reportCells, whistleCells, type ReportFiguresDoc, type ReportRollupFigure, type WhistleFiguresDoc } from './reportRollups'

/**
 * Shards per figure: the ledger takes every redemption of a popular item, so it is spread widely; a wish
 * changes a few times in its life.
 */
export const ROLLUP_SHARDS = 32
const shardsOf = (figure: RollupFigure) => (figure === 'ledger' ? ROLLUP_SHARDS : 4)

export type RollupFigure =
  | 'ledger'
  | 'wishPosted'
  | 'wishPublished'
  | 'wishClaimed'
  | 'wishClaimTimed'
  | 'wishFulfilled'
  | 'wishFulfilTimed'
  | 'wishConfirmed'
  // grid reports: reportRollups.ts
  | ReportRollupFigure
export type RollupKey = Record<string, string | number | null>

/** One change to one counter. */
export interface RollupDelta {
  figure: RollupFigure
  communityId: string
  /** China-time month, YYYY-MM. */
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

const canonicalKey = (key: RollupKey) =>
  Object.keys(key)
    .sort()
    .map((k) => `${k}=${key[k] ?? ''}`)
    .join(',')

/** The shard of an event's counter: a stable hash of the event's source id. */
export function shardOf(sourceId: string, figure: RollupFigure = 'ledger'): number {
  return createHash('sha256').update(sourceId).digest().readUInt32BE(0) % shardsOf(figure)
}

export const rollupId = (d: Pick<RollupDelta, 'figure' | 'communityId' | 'month' | 'key'>, shard: number) =>
  `${d.figure}_${d.communityId}_${d.month}_${canonicalKey(d.key)}_${shard}`

// --- which event changes which counter -------------------------------------------------------------------

export interface LedgerEvent {
  communityId: string
  kind: string
  amount: number
  at: Date
}

/** A points-ledger entry: one more entry of its kind and its amount, in its community and month. */
export const ledgerDeltas = (e: LedgerEvent): RollupDelta[] => [
  { figure: 'ledger', communityId: e.communityId, month: monthOf(e.at), key: { k: e.kind }, n: 1, sum: e.amount }
]

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

const timed = (ms: number | null | undefined) => typeof ms === 'number' && ms >= 0

/** What one wish counts for, as it stands (one each). */
export function wishCells(w: WishFacts): RollupDelta[] {
  const cell = (figure: RollupFigure, at: Date, key: RollupKey = {}): RollupDelta => ({
    figure,
    communityId: w.communityId,
    month: monthOf(new Date(at)),
    key,
    n: 1,
    sum: 0
  })
  const out = [cell('wishPosted', w.createdAt)]
  if (w.publishedAt) out.push(cell('wishPublished', w.publishedAt, { cat: w.category, s: w.status }))
  if (w.claimedAt) out.push(cell('wishClaimed', w.claimedAt))
  if (w.claimedAt && timed(w.metrics?.claimMs)) out.push(cell('wishClaimTimed', w.claimedAt))
  if (w.fulfilledAt) out.push(cell('wishFulfilled', w.fulfilledAt))
  if (w.fulfilledAt && timed(w.metrics?.fulfilMs)) out.push(cell('wishFulfilTimed', w.fulfilledAt))
  if (w.confirmedAt) out.push(cell('wishConfirmed', w.confirmedAt, { r: w.confirmation?.rating ?? null }))
  return out
}

/** A wish written: out of the cells it counted for, into the ones it counts for now (unchanged cells cancel). */
export function wishDeltas(before: WishFacts | null, after: WishFacts): RollupDelta[] {
  const net = new Map<string, RollupDelta>()
  const add = (d: RollupDelta, sign: number) => {
    const id = rollupId(d, 0)
    const n = (net.get(id)?.n ?? 0) + sign * d.n
    net.set(id, { ...d, n })
  }
  if (before) wishCells(before).forEach((d) => add(d, -1))
  wishCells(after).forEach((d) => add(d, 1))
  return [...net.values()].filter((d) => d.n !== 0)
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

// --- rebuild and compare ---------------------------------------------------------------------------------

/** What the rebuild reads: the history each figure is counted from. */
export interface RollupHistory {
  ledger: Iterable<LedgerEvent>
  wishes: Iterable<WishFacts>
  reports?: Iterable<ReportFiguresDoc>
  whistles?: Iterable<WhistleFiguresDoc>
}

/** Every counter recomputed from history, one cell per counter (shard 0). */
export function rebuildRollups(history: RollupHistory): RollupDoc[] {
  const cells = new Map<string, RollupDoc>()
  const add = (d: RollupDelta) => {
    const id = rollupId(d, 0)
    cells.set(id, applyDelta(cells.get(id) ?? null, d, 0))
  }
  for (const e of history.ledger) ledgerDeltas(e).forEach(add)
  for (const w of history.wishes) wishCells(w).forEach(add)
  for (const r of history.reports ?? []) reportCells(r).forEach(add)
  for (const w of history.whistles ?? []) whistleCells(w).forEach(add)
  return [...cells.values()]
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
    if (x.n !== y.n || x.sum !== y.sum) out.push(`${id}: maintained n ${x.n} sum ${x.sum}, history n ${y.n} sum ${y.sum}`)
  }
  return out.sort()
}
