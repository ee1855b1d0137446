// The local stand-in for WeChat cloud: one server on 127.0.0.1 speaking the TCB admin protocol to the real
// wx-server-sdk inside the built functions, plus the gateway, storage and static files. It knows nothing of
// the project it runs: the database declaration, the functions folder, the seed and any extra gateway
// routes are passed in.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { Gateway, type FailureAnswer, type GatewayRoute } from './gateway'
import { FunctionRunner } from './runner'
import { createCloudServer } from './server'
import { LocalStorage } from './storage'
import { Store, type DatabaseDeclaration } from './store'

export { Store, type DatabaseDeclaration, type IndexDecl, type IndexKey } from './store'
export { LocalStorage } from './storage'
export {
  EXPORT_FORMAT,
  exportData,
  exportedDocuments,
  exportLayout,
  fromJsonLines,
  importData,
  readManifest,
  toJsonLines,
  type ExportManifest
} from './transfer'
export {
  defaultFailureAnswer,
  type FailureAnswer,
  type GatewayFailure,
  type GatewayFailureReason,
  type GatewayRoute,
  type RouteRequest
} from './gateway'

/** What a seed may do with storage: write a file at a cloud path, answering its `cloud://` file ID. */
export interface SeedFiles {
  write(cloudPath: string, data: Buffer): string
}

export interface LocalCloudOptions {
  /** 0 = a random free port. */
  port?: number
  dataDir: string
  /** The project's functions: one folder per function with a built index.js (and optional config.json). */
  functionsDir: string
  /** Collections (and their indexes) to create; without it only collections already in dataDir exist. */
  database?: DatabaseDeclaration
  /** Fills an empty database (every collection empty) once the cloud listens; `files` puts files in storage. */
  seed?: (store: Store, files: SeedFiles) => void | Promise<void>
  /** Extra JSON routes under /api/ (e.g. a demo login listing). */
  routes?: readonly GatewayRoute[]
  /** How the gateway answers its own failures; default `{ errCode, errMsg }`. */
  answerFailure?: FailureAnswer
  /** Prints one line per database request (action, collection, duration, error code), or hands it to a function. */
  log?: boolean | ((line: string) => void)
  staticDir?: string
  /** Default 'local-dev'. */
  envId?: string
  /** Instances (worker threads) per function serving concurrent calls; default 4. */
  instancesPerFunction?: number
  /** Run config.json timer triggers on schedule; default false. */
  timers?: boolean
  /** Silences what functions print (LOCAL_CLOUD_LOGS=1 overrides). */
  quiet?: boolean
}

export interface LocalCloud {
  /** http://127.0.0.1:<port> */
  url: string
  /**
   * The admin (TCB protocol) endpoint, `<url>/admin/<secret>`: the secret is made afresh by each start and
   * given to the functions in TCB_CONTEXT_CNFG; a tool that speaks the protocol takes it from here.
   */
  adminUrl: string
  port: number
  /** Direct synchronous access to the same data, for seeding and test assertions. */
  store: Store
  /** Calls a function through the gateway path, as the h5 app does. */
  call(fn: string, action: string, data?: unknown, openid?: string): Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any -- the project's answer shape; projects type it
  /** Runs a timer trigger of a function now. */
  timer(fn: string, trigger: string): Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any -- the project's answer shape
  /** Makes functions load their (rebuilt) code afresh on their next call. */
  reloadFunctions(): void
  stop(): Promise<void>
}

/**
 * Cloud functions run in UTC. Worker threads share their process's time zone, so the host process must
 * run in UTC for functions to see the cloud's local dates: the CLI sets it; an embedding process is told.
 */
function warnIfNotUtc(quiet: boolean | undefined): void {
  if (quiet || new Date().getTimezoneOffset() === 0) return
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  console.warn(
    `[local-cloud] this process runs in ${zone}, cloud functions in UTC: start it with TZ=UTC so functions see the cloud's local dates`
  )
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  warnIfNotUtc(opts.quiet)
  const dataDir = resolve(opts.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const envId = opts.envId ?? 'local-dev'
  const adminSecret = randomBytes(24).toString('base64url')
  let baseUrl = ''
  const adminUrl = () => `${baseUrl}/admin/${adminSecret}`

  const store = new Store(dataDir, { collections: opts.database?.collections })
  const storage = new LocalStorage(dataDir, envId, () => baseUrl)
  const log = opts.log === true ? (line: string) => console.log(line) : opts.log || undefined
  const runner = new FunctionRunner({
    functionsDir: resolve(opts.functionsDir),
    envId,
    adminUrl,
    instancesPerFunction: Math.max(1, opts.instancesPerFunction ?? 4),
    quiet: Boolean(opts.quiet),
    log
  })
  const gateway = new Gateway(runner, storage, opts.answerFailure)
  const server = createCloudServer({
    store,
    storage,
    runner,
    gateway,
    log,
    routes: opts.routes ?? [],
    staticDir: opts.staticDir && resolve(opts.staticDir),
    adminSecret
  })

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

  if (opts.seed && store.collections().every((c) => store.count(c) === 0))
    await opts.seed(store, { write: (cloudPath, data) => storage.write(cloudPath, data) })
  if (opts.timers) {
    runner.startTimers((fn, trigger) => {
      gateway.runTimer(fn, trigger).catch((e) => console.error(`[local-cloud] timer ${fn}/${trigger} failed:`, e))
    })
  }

  let stopping: Promise<void> | undefined
  return {
    url: baseUrl,
    adminUrl: adminUrl(),
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
