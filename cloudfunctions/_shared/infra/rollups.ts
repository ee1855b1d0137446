// Applies an event's rollup deltas (domain/rollups.ts) inside the event's own transaction, so a counter
// changes exactly when its event commits. Writers of a rollup source's documents (domain/rollupRegistry.ts)
// go through putTracked / updateTracked, or call bumpChange with the document before and after.
import type { CollectionName } from '../../../config/database'
import { rollupKind, rollupSourceOf } from '../domain/rollupRegistry'
import {
  applyDelta,
  markCrossing,
  rollupChange,
  rollupId,
  shardOf,
  type RollupContext,
  type RollupDelta,
  type RollupDoc
} from '../domain/rollups'
import { getDoc, putDoc, updateDoc, type Tx } from './db'

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

/**
 * Adds `deltas` to their counters. Call it only from within a transaction. A mark's delta also moves its
 * counter when the mark leaves or returns to zero (a person counted once per period).
 */
export async function bumpRollups(tx: Tx, deltas: readonly RollupDelta[], sourceId: string): Promise<void> {
  const marks = await readRollups(
    tx,
    deltas.filter((d) => rollupKind(d.figure).counts),
    sourceId
  )
  const counters = marks.flatMap((m) => markCrossing(m.delta, m.current?.n ?? 0) ?? [])
  const cells = await readRollups(tx, [...deltas.filter((d) => !rollupKind(d.figure).counts), ...counters], sourceId)
  await writeRollups(tx, [...marks, ...cells])
}

/** Communities do not change street: their streets are read once per warm instance. */
const streets = new Map<string, string | null>()

async function contextFor(needsStreet: boolean, docs: ReadonlyArray<object | null>): Promise<RollupContext> {
  if (needsStreet)
    for (const d of docs) {
      const id = (d as { communityId?: string } | null)?.communityId
      if (id && !streets.has(id)) streets.set(id, (await getDoc<{ streetId?: string }>('communities', id))?.streetId ?? null)
    }
  return { streetOf: (id) => streets.get(id) ?? null }
}

/** A document of `collection` written from `before` to `after` (either null): its counters follow, in `tx`. */
export async function bumpChange(tx: Tx, collection: CollectionName, before: object | null, after: object | null, sourceId: string) {
  const source = rollupSourceOf(collection)
  if (!source) return
  const ctx = await contextFor(Boolean(source.needsStreet), [before, after])
  const deltas = rollupChange(source, before as never, after as never, ctx)
  if (deltas.length) await bumpRollups(tx, deltas, sourceId)
}

/** putDoc, keeping the rollups of a rollup source's collection. */
export async function putTracked(tx: Tx, collection: CollectionName, doc: { _id: string }): Promise<void> {
  if (!rollupSourceOf(collection)) return void (await putDoc(collection, doc, tx))
  const before = await getDoc<object>(collection, doc._id, tx)
  await putDoc(collection, doc, tx)
  await bumpChange(tx, collection, before, doc, doc._id)
}

/** updateDoc (plain top-level fields), keeping the rollups of a rollup source's collection. */
export async function updateTracked(tx: Tx, collection: CollectionName, id: string, patch: object): Promise<void> {
  if (!rollupSourceOf(collection)) return void (await updateDoc(collection, id, patch, tx))
  const before = await getDoc<object>(collection, id, tx)
  await updateDoc(collection, id, patch, tx)
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  await bumpChange(tx, collection, before, before && { ...before, ...set }, id)
}
