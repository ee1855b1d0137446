// `npm start` / `npm run cloud`: the local cloud running 邻里通 with the demo district, through the local
// cloud's own CLI (same options: --port, --data, --static, --no-timers, --no-seed, --log).
import { main } from '../local-cloud/cli'
import { productCloud } from './cloud'

main(process.argv.slice(2), {
  ...productCloud,
  // Imported only when seeding: the seed pulls in the functions' shared code (which loads wx-server-sdk).
  seed: async (store, files) => void (await (await import('./index')).seedDemo(store, undefined, files))
})
