// The local cloud as a child process, for the crash test: started with
//   node --import tsx test/hardening/support/cloud-process.ts --data <dir> [--world]
// (node itself, not npx/tsx wrappers, so a SIGKILL hits the process that holds the database). With --world
// it fills an empty database with the cast world first. It tells its parent its port over IPC and serves
// requests there: `update` (a clock move on the store), `insert` (fixtures) and `dump` (collections, for the
// invariants).
// Timer triggers are off, as in the tests; the parent runs them through the gateway.
import { productCloud } from '../../../demo/cloud'
import { provideIdKey } from '../../../demo/ids'
import { startLocalCloud } from '../../../local-cloud'
import { castWorld, type CastOptions } from './world'

export const CRASH_CAST: CastOptions = { members: 10, volunteers: 20, residents: 6, staff: 3 }

export type Request =
  | { id: number; type: 'update'; collection: string; filter: object; update: object; multi?: boolean }
  | { id: number; type: 'insert'; collection: string; docs: object[] }
  | { id: number; type: 'dump'; collections: string[] }
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string }
export type Hello = { type: 'ready'; port: number }

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const dataDir = args[args.indexOf('--data') + 1]
  if (!dataDir || args.indexOf('--data') < 0) throw new Error('--data <dir> is required')
  const cloud = await startLocalCloud({ ...productCloud, port: 0, dataDir, quiet: true, timers: false })
  provideIdKey(cloud.store)
  if (args.includes('--world') && cloud.store.count('users') === 0) castWorld(cloud.store, CRASH_CAST)

  const send = (m: Reply | Hello) => process.send?.(m)
  process.on('message', (m: Request) => {
    try {
      if (m.type === 'update')
        send({ id: m.id, ok: true, value: cloud.store.update(m.collection, m.filter as never, m.update as never, { multi: m.multi }) })
      else if (m.type === 'insert') send({ id: m.id, ok: true, value: cloud.store.insert(m.collection, m.docs as never) })
      else send({ id: m.id, ok: true, value: Object.fromEntries(m.collections.map((c) => [c, cloud.store.find(c)])) })
    } catch (e) {
      send({ id: m.id, ok: false, error: (e as Error).message })
    }
  })
  process.on('SIGTERM', () => void cloud.stop().then(() => process.exit(0)))
  process.on('disconnect', () => void cloud.stop().then(() => process.exit(0)))
  send({ type: 'ready', port: cloud.port })
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
