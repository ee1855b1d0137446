// Applies an event's rollup deltas (domain/rollups.ts) inside the event's own transaction, so a counter
// changes exactly when its event commits.
import { applyDelta, rollupId, shardOf, type RollupDelta, type RollupDoc } from '../domain/rollups'
import { getDoc, putDoc, type Tx } from './db'

/** Adds `deltas` to their counters, in the shard of `sourceId`. Call it only from within a transaction. */
export async function bumpRollups(tx: Tx, deltas: readonly RollupDelta[], sourceId: string): Promise<void> {
  const shard = shardOf(sourceId)
  for (const d of deltas) {
    const id = rollupId(d, shard)
    await putDoc('rollups', applyDelta(await getDoc<RollupDoc>('rollups', id, tx), d, shard), tx)
  }
}
