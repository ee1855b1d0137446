// Rollups: per community and month counters the dashboards read instead of scanning history, kept in the
// same transaction as the event that changes them and rebuilt from history on demand (npm run
// rollups:rebuild). This module is the one list of which event changes which counter. Pure.
//
//   event                                   figure       key          n     sum
//   a points-ledger entry posted (ledger.ts) ledger       { k: kind }  +1    + amount
//
// A counter is a set of cells `rollups/<figure>_<community>_<month>_<key>_<shard>`; the shard (from the
// event's source id) spreads a busy counter over several documents, so events of one community do not
// all write the same document (transactions that write one document conflict). Readers add the shards up.
import { createHash } from 'node:crypto'
import { monthOf } from './period'

export const ROLLUP_SHARDS = 16

export type RollupFigure = 'ledger'
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

/** The shard of an event: a stable hash of its source id. */
export function shardOf(sourceId: string): number {
  return createHash('sha256').update(sourceId).digest().readUInt32BE(0) % ROLLUP_SHARDS
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
}

/** Every counter recomputed from history, one cell per counter (shard 0). */
export function rebuildRollups(history: RollupHistory): RollupDoc[] {
  const cells = new Map<string, RollupDoc>()
  const add = (d: RollupDelta) => {
    const id = rollupId(d, 0)
    cells.set(id, applyDelta(cells.get(id) ?? null, d, 0))
  }
  for (const e of history.ledger) ledgerDeltas(e).forEach(add)
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
