// `npm run seed [-- --reset] [-- --data <dir>]`: loads the demo district into the local cloud's data folder
// (DATA_DIR or .data/). Without --reset it only seeds an empty database. Stop `npm start` first: the running
// server keeps its own copy of the data in memory.
import { productCloud } from '../demo/cloud'
import { seedDemo } from '../demo'
import { LocalStorage } from '../local-cloud/storage'
import { Store } from '../local-cloud/store'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const reset = args.includes('--reset')
  const dataIndex = args.indexOf('--data')
  const dataDir = dataIndex >= 0 ? args[dataIndex + 1] : process.env.DATA_DIR || '.data'
  const store = new Store(dataDir, { collections: productCloud.database.collections })
  try {
    if (store.count('users') > 0 && !reset) {
      console.log(`${dataDir} already holds data; use --reset to reload the demo district`)
      return
    }
    if (reset) store.clear()
    // The goods' pictures go to the storage folder, as `npm start` seeds them (its default environment id).
    const storage = new LocalStorage(dataDir, 'local-dev', () => '')
    await seedDemo(store, undefined, { write: (path, data) => storage.write(path, data) })
    const counts = store
      .collections()
      .map((c) => `${c} ${store.count(c)}`)
      .filter((s) => !s.endsWith(' 0'))
    console.log(`demo district loaded into ${dataDir}: ${counts.join(', ')}`)
  } finally {
    store.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
