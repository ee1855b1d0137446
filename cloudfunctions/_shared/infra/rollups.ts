// Applies an event's rollup deltas (domain/rollups.ts) inside the event's own transaction, so a counter
// changes exactly when its event commits.
import { applyDelta, rollupId, shardOf, type RollupDelta, type RollupDoc } from '../domain/rollups'
import { getDoc, putDoc, type Tx } from './db'

/** Adds `deltas` to their counters, in the shard of `sourceId`. Call it only from within a transaction. */
export async function bumpRollups(tx: Tx, deltas: readonly RollupDelta[], sourceId: string): Promise<void> {
  // Each delta is a different counter (deltas of one event are netted), so they go out together.
  await Promise.all(
    deltas.map(async (d) => {
      const shard = shardOf(sourceId, d.figure)
      await putDoc('rollups', applyDelta(await getDoc<RollupDoc>('rollups', rollupId(d, shard), tx), d, shard), tx)
    })
  )
}
