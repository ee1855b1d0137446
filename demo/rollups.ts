// The dashboards' rollups recomputed from history (_shared/domain/rollups.ts), for a store filled without
// the functions: the demo seed, benchmarks and test fixtures, and `npm run rollups:rebuild`.
import {
  rebuildRollups,
  rollupDifferences,
  type LedgerEvent,
  type RollupDoc,
  type WishFacts
} from '../cloudfunctions/_shared/domain/rollups'
import type { ReportFiguresDoc, WhistleFiguresDoc } from '../cloudfunctions/_shared/domain/reportRollups'
import type { SeedStore } from './store'

/** Every counter as the history in `store` says it should be. */
export function rollupsFromHistory(store: Pick<SeedStore, 'find'>): RollupDoc[] {
  return rebuildRollups({
    ledger: store.find('pointsLedger') as unknown as LedgerEvent[],
    wishes: store.find('wishes') as unknown as WishFacts[],
    reports: store.find('reports') as unknown as ReportFiguresDoc[],
    whistles: store.find('whistles') as unknown as WhistleFiguresDoc[]
  })
}

/** Where the stored rollups and the history disagree (empty when they agree). */
export const rollupDrift = (store: Pick<SeedStore, 'find'>): string[] =>
  rollupDifferences(store.find('rollups') as unknown as RollupDoc[], rollupsFromHistory(store))

/** Replaces the stored rollups by the ones recomputed from history; answers how many cells. */
export function rebuildStoredRollups(store: Pick<SeedStore, 'find' | 'clear' | 'insert'>): number {
  const cells = rollupsFromHistory(store)
  store.clear('rollups')
  if (cells.length) store.insert('rollups', cells)
  return cells.length
}
