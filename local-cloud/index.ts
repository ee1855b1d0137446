// The local stand-in for WeChat cloud: one server on 127.0.0.1 speaking the TCB admin protocol to the real
// wx-server-sdk inside the built functions, plus the gateway, storage and static files.
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { Gateway } from './gateway'
import { FunctionRunner } from './runner'
import { createCloudServer } from './server'
import { LocalStorage } from './storage'
import { Store } from './store'

export { Store } from './store'

export interface LocalCloudOptions {
  /** 0 = a random free port. */
  port?: number
  dataDir: string
  /** Default: <repo>/cloudfunctions. */
  functionsDir?: string
  staticDir?: string
  /** Default 'local-dev'. */
  envId?: string
  /** Instances (worker threads) per function serving concurrent calls; default 4. */
  instancesPerFunction?: number
  /** Run config.json timer triggers on schedule; default false. */
  timers?: boolean
  /** Load the demo district into an empty `users` collection; default false. */
  seed?: boolean
  quiet?: boolean
}

export interface LocalCloud {
  /** http://127.0.0.1:<port> */
  url: string
  port: number
  /** Direct synchronous access to the same data, for seeding and test assertions. */
  store: Store
  /** Calls a function through the gateway path, as the h5 app does. */
  call(fn: string, action: string, data?: unknown, openid?: string): Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Runs a timer trigger of a function now. */
  timer(fn: string, trigger: string): Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Makes functions load their (rebuilt) code afresh on their next call. */
  reloadFunctions(): void
  stop(): Promise<void>
}

export const REPO_ROOT = resolve(__dirname, '..')

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const dataDir = resolve(opts.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const envId = opts.envId ?? 'local-dev'
  let baseUrl = ''

  const store = new Store(dataDir)
  const storage = new LocalStorage(dataDir, envId, () => baseUrl)
  const runner = new FunctionRunner({
    functionsDir: resolve(opts.functionsDir ?? join(REPO_ROOT, 'cloudfunctions')),
    envId,
    adminUrl: () => `${baseUrl}/admin`,
    instancesPerFunction: Math.max(1, opts.instancesPerFunction ?? 4),
    quiet: Boolean(opts.quiet)
  })
  const gateway = new Gateway(store, storage, runner)
  const server = createCloudServer({ store, storage, runner, gateway, staticDir: opts.staticDir && resolve(opts.staticDir) })

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail)
      server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
    })
  } catch (e) {
    store.close()
    throw e
  }
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`

  if (opts.seed && store.count('users') === 0) {
    // Loaded only when seeding: the seed pulls in the functions' shared code (which initialises wx-server-sdk).
    const { seedDemo } = await import('./seed')
    await seedDemo(store)
  }
  if (opts.timers) {
    runner.startTimers((fn, trigger) => {
      gateway.runTimer(fn, trigger).catch((e) => console.error(`[local-cloud] timer ${fn}/${trigger} failed:`, e))
    })
  }

  let stopping: Promise<void> | undefined
  return {
    url: baseUrl,
    port,
    store,
    call: (fn, action, data, openid) => gateway.callFunction(fn, { action, data }, openid),
    timer: (fn, trigger) => gateway.runTimer(fn, trigger),
    reloadFunctions: () => runner.reload(),
    stop: () =>
      (stopping ??= (async () => {
        await runner.stop()
        server.closeAllConnections()
        await new Promise<void>((ok) => server.close(() => ok()))
        store.close()
      })())
  }
}
