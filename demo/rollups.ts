// The dashboards' rollups recomputed from history (_shared/domain/rollups.ts, every source registered in
// rollupRegistry.ts), for a store filled without the functions: the demo seed, benchmarks and test fixtures,
// and `npm run rollups:rebuild`.
import { rollupSources } from '../cloudfunctions/_shared/domain/rollupRegistry'
import { rebuildRollups, rollupDifferences, type RollupDoc } from '../cloudfunctions/_shared/domain/rollups'
import type { SeedStore } from './store'

/** Every counter as the history in `store` says it should be. */
export function rollupsFromHistory(store: Pick<SeedStore, 'find'>): RollupDoc[] {
  const streets = new Map(store.find('communities').map((c) => [c._id as string, (c.streetId as string | undefined) ?? null]))
  const history = Object.fromEntries(rollupSources().map((s) => [s.collection, store.find(s.collection)]))
  return rebuildRollups(history, { streetOf: (id) => streets.get(id) ?? null })
}

/** Where the stored rollups and the history disagree (empty when they agree). */
export const rollupDrift = (store: Pick<SeedStore, 'find'>): string[] =>
  rollupDifferences(store.find('rollups') as unknown as RollupDoc[], rollupsFromHistory(store))

/** Replaces the stored rollups by the ones recomputed from history; answers how many cells. */
export function rebuildStoredRollups(store: Pick<SeedStore, 'find' | 'clear' | 'insert'>): number {
  const cells = rollupsFromHistory(store)
  store.clear('rollups')
  for (let i = 0; i < cells.length; i += 10_000) store.insert('rollups', cells.slice(i, i + 10_000))
  return cells.length
}
