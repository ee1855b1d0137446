// `npm run rollups:rebuild [-- --check] [-- --data <dir>]`: recomputes the dashboards' rollups from history
// in the local cloud's data folder (DATA_DIR or .data/). With --check it only reports where the stored
// counters and the history disagree (exit 1 if they do). Stop `npm start` first: the running server keeps
// its own copy of the data in memory.
import { productCloud } from '../demo/cloud'
import { rebuildStoredRollups, rollupDrift } from '../demo/rollups'
import { Store } from '../local-cloud/store'

function main(): number {
  const args = process.argv.slice(2)
  const dataIndex = args.indexOf('--data')
  const dataDir = dataIndex >= 0 ? args[dataIndex + 1] : process.env.DATA_DIR || '.data'
  const store = new Store(dataDir, { collections: productCloud.database.collections })
  try {
    if (args.includes('--check')) {
      const drift = rollupDrift(store)
      for (const line of drift.slice(0, 50)) console.log(line)
      console.log(drift.length ? `${drift.length} counters disagree with history` : 'rollups agree with history')
      return drift.length ? 1 : 0
    }
    console.log(`rollups rebuilt from history in ${dataDir}: ${rebuildStoredRollups(store)} counters`)
    return 0
  } finally {
    store.close()
  }
}

process.exitCode = main()
