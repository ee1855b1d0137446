// Applies an event's rollup deltas (domain/rollups.ts) inside the event's own transaction, so a counter
// changes exactly when its event commits.
import { applyDelta, rollupId, shardOf, type RollupDelta, type RollupDoc } from '../domain/rollups'
import { getDoc, putDoc, type Tx } from './db'

export interface ReadCell {
  delta: RollupDelta
  shard: number
  current: RollupDoc | null
}

/**
 * Reads the counters `deltas` change, in the shard of `sourceId` (a caller may read them alongside its own
 * reads, then write them with `writeRollups`). Each delta is a different counter (an event's deltas are netted).
 */
export const readRollups = (tx: Tx, deltas: readonly RollupDelta[], sourceId: string): Promise<ReadCell[]> =>
  Promise.all(
    deltas.map(async (delta) => {
      const shard = shardOf(sourceId, delta.figure)
      return { delta, shard, current: await getDoc<RollupDoc>('rollups', rollupId(delta, shard), tx) }
    })
  )

export const writeRollups = (tx: Tx, cells: readonly ReadCell[]): Promise<unknown> =>
  Promise.all(cells.map((c) => putDoc('rollups', applyDelta(c.current, c.delta, c.shard), tx)))

/** Adds `deltas` to their counters. Call it only from within a transaction. */
export async function bumpRollups(tx: Tx, deltas: readonly RollupDelta[], sourceId: string): Promise<void> {
  await writeRollups(tx, await readRollups(tx, deltas, sourceId))
}
