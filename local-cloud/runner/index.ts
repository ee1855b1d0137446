// Runs the built cloud functions (cloudfunctions/<name>/index.js). Each instance is a worker thread with
// its own environment pointing the real wx-server-sdk at this server; an instance serves one invocation
// at a time, up to `instances` per function serve concurrent calls and further calls queue. config.json's
// timeout applies (3 s by default, as in the cloud): a call that overruns gets its worker terminated.
// A rebuilt index.js (new mtime) is picked up by the next call.
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { cronMatches, parseCron, type Cron } from './cron'

export interface TimerTrigger {
  name: string
  config: string
  cron: Cron
}

interface FunctionConfig {
  timeoutMs: number
  triggers: TimerTrigger[]
}

export interface CallContext {
  /** The caller's openid; absent for system calls (timers, function-to-function calls, tools). */
  openid?: string
  /** TCB_SOURCE as getWXContext().SOURCE reports it. */
  source: string
}

export type Outcome =
  | { ok: true; json: string }
  /** INVALID_EVENT: the event cannot be handed to a worker (structured clone refused it: a function, a
   *  symbol, nesting too deep for the stack); the function never ran. */
  | { ok: false; kind: 'NOT_FOUND' | 'TIMEOUT' | 'ERROR' | 'INVALID_EVENT'; message: string }

export interface RunnerOptions {
  functionsDir: string
  envId: string
  /** The admin URL the SDK inside a function talks to, known once the server listens. */
  adminUrl: () => string
  instancesPerFunction: number
  quiet: boolean
  /** Where runtime warnings go (e.g. an unhandled rejection in a function); default console.error unless quiet. */
  log?: (line: string) => void
}

export const LOCAL_APPID = 'wx0000000000000000'
const CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6'
const WORKER_FILE = join(__dirname, 'worker.cjs')

interface Call {
  id: string
  event: unknown
  ctx: CallContext
  resolve: (o: Outcome) => void
}

interface Instance {
  worker: Worker
  ready: boolean
  call?: Call
  timer?: NodeJS.Timeout
}

interface Pool {
  name: string
  file: string
  mtimeMs: number
  config: FunctionConfig
  instances: Set<Instance>
  queue: Call[]
  retired: boolean
}

const VALID_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

export class FunctionRunner {
  private readonly pools = new Map<string, Pool>()
  private stopped = false
  private ticker?: NodeJS.Timeout
  /** A worker that has loaded wx-server-sdk and waits to become an instance of any function. */
  private spare?: Worker

  constructor(private readonly options: RunnerOptions) {}

  private fileOf(name: string): string | null {
    if (!VALID_NAME.test(name)) return null
    const file = join(this.options.functionsDir, name, 'index.js')
    return existsSync(file) ? file : null
  }

  /** Every function folder with a built index.js. */
  names(): string[] {
    if (!existsSync(this.options.functionsDir)) return []
    return readdirSync(this.options.functionsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && this.fileOf(d.name) !== null)
      .map((d) => d.name)
      .sort()
  }

  private readConfig(name: string): FunctionConfig {
    const file = join(this.options.functionsDir, name, 'config.json')
    let raw: { timeout?: unknown; triggers?: unknown } = {}
    if (existsSync(file)) {
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'))
      } catch {
        raw = {}
      }
    }
    const timeout = typeof raw.timeout === 'number' && raw.timeout > 0 ? Math.min(raw.timeout, 900) : 3
    const triggers: TimerTrigger[] = []
    for (const t of Array.isArray(raw.triggers) ? raw.triggers : []) {
      if (t?.type !== 'timer' || typeof t.name !== 'string' || typeof t.config !== 'string') continue
      try {
        triggers.push({ name: t.name, config: t.config, cron: parseCron(t.config) })
      } catch (e) {
        console.warn(`[local-cloud] ${name}: ignoring timer ${t.name}: ${(e as Error).message}`)
      }
    }
    return { timeoutMs: timeout * 1000, triggers }
  }

  /** The pool of a function, replaced when its index.js changed since the pool was made. */
  private pool(name: string): Pool | null {
    const file = this.fileOf(name)
    if (!file) return null
    const mtimeMs = statSync(file).mtimeMs
    const current = this.pools.get(name)
    if (current && current.mtimeMs === mtimeMs) return current
    // Calls still waiting for the old code move to the new pool: the old one no longer spawns instances.
    const waiting = current ? this.retire(current) : []
    const fresh: Pool = { name, file, mtimeMs, config: this.readConfig(name), instances: new Set(), queue: waiting, retired: false }
    this.pools.set(name, fresh)
    return fresh
  }

  /** Stops a pool taking work: idle instances end, busy ones end after their call; returns its queue. */
  private retire(pool: Pool): Call[] {
    pool.retired = true
    for (const instance of pool.instances) if (!instance.call) this.kill(pool, instance)
    return pool.queue.splice(0)
  }

  /** Makes every function load its code afresh on its next call (busy instances finish first). */
  reload(): void {
    const waiting = [...this.pools.values()].map((pool) => [pool.name, this.retire(pool)] as const)
    this.pools.clear()
    for (const [name, calls] of waiting) {
      if (!calls.length) continue
      const fresh = this.pool(name)
      if (!fresh) {
        for (const call of calls) call.resolve({ ok: false, kind: 'NOT_FOUND', message: `function not found: ${name}` })
        continue
      }
      fresh.queue.push(...calls)
      this.pump(fresh)
    }
  }

  triggers(name: string): TimerTrigger[] {
    return this.fileOf(name) ? this.readConfig(name).triggers : []
  }

  invoke(name: string, event: unknown, ctx: CallContext): Promise<Outcome> {
    if (this.stopped) return Promise.resolve({ ok: false, kind: 'ERROR', message: 'the local cloud is stopping' })
    const pool = this.pool(name)
    if (!pool) return Promise.resolve({ ok: false, kind: 'NOT_FOUND', message: `function not found: ${name}` })
    return new Promise((resolve) => {
      pool.queue.push({ id: randomBytes(8).toString('hex'), event, ctx, resolve })
      this.pump(pool)
    })
  }

  private pump(pool: Pool): void {
    while (pool.queue.length > 0) {
      const idle = [...pool.instances].find((i) => i.ready && !i.call)
      if (idle) {
        this.dispatch(pool, idle, pool.queue.shift()!)
        continue
      }
      if (pool.instances.size < this.options.instancesPerFunction && !pool.retired) this.spawn(pool)
      return
    }
  }

  private workerEnv(): Record<string, string> {
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('WX_')) env[k] = v
    return {
      ...env,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl() }),
      TENCENTCLOUD_SECRETID: 'local-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-secret-key',
      TENCENTCLOUD: 'true',
      // Cloud functions run in UTC. Note: a worker thread shares its process's time zone, so this only sets
      // what process.env.TZ reads; the host process itself must run in UTC (the CLI sees to it).
      TZ: 'UTC',
      SCF_NAMESPACE: this.options.envId,
      TCB_ENV: this.options.envId,
      SILENCE: 'true'
    }
  }

  private preloads(): string[] {
    try {
      return [require.resolve('wx-server-sdk', { paths: [this.options.functionsDir] })]
    } catch {
      return []
    }
  }

  private newWorker(): Worker {
    // LOCAL_CLOUD_LOGS=1 shows what functions print even when the cloud is quiet (e.g. under jest).
    const quiet = this.options.quiet && !process.env.LOCAL_CLOUD_LOGS
    const worker = new Worker(WORKER_FILE, {
      workerData: { preload: this.preloads() },
      env: this.workerEnv(),
      stdout: quiet,
      stderr: quiet
    })
    if (quiet) {
      worker.stdout.resume()
      worker.stderr.resume()
    }
    return worker
  }

  /** The spare worker if there is one, else a new worker. */
  private takeWorker(): Worker {
    const taken = this.spare
    this.spare = undefined
    if (!taken) return this.newWorker()
    taken.removeAllListeners('error').removeAllListeners('exit')
    return taken
  }

  /** Starts warming a spare once an instance is up (not alongside it: they would share the CPU). */
  private ensureSpare(): void {
    if (this.spare || this.stopped) return
    const spare = this.newWorker()
    const drop = () => {
      if (this.spare === spare) this.spare = undefined
    }
    spare.once('error', drop).once('exit', drop)
    this.spare = spare
  }

  private spawn(pool: Pool): void {
    const worker = this.takeWorker()
    worker.postMessage({ type: 'load', file: pool.file })
    const instance: Instance = { worker, ready: false }
    pool.instances.add(instance)
    worker.on('message', (msg: { type: string; id?: string; ok?: boolean; json?: string; message?: string }) => {
      if (msg.type === 'ready') {
        instance.ready = true
        this.pump(pool)
        this.ensureSpare()
      } else if (msg.type === 'loadError') {
        this.fail(pool, instance, pool.queue.shift(), `cannot load ${pool.name}: ${msg.message}`)
      } else if (msg.type === 'unhandled') {
        this.warn(`[local-cloud] ${pool.name}: unhandled rejection: ${msg.message}`)
      } else if (msg.type === 'result' && instance.call?.id === msg.id) {
        this.finish(
          pool,
          instance,
          msg.ok ? { ok: true, json: msg.json ?? 'null' } : { ok: false, kind: 'ERROR', message: msg.message ?? 'error' }
        )
      } else if (msg.type === 'lost' && instance.call) {
        // The worker could not read the invocation it was sent (see worker.cjs): it is idle again.
        this.finish(pool, instance, {
          ok: false,
          kind: 'INVALID_EVENT',
          message: `the event cannot be passed to ${pool.name}: ${msg.message}`
        })
      }
    })
    worker.on('error', (e) => this.fail(pool, instance, instance.call, `${pool.name} crashed: ${e.stack ?? e.message}`))
    worker.on('exit', (code) => {
      if (pool.instances.has(instance)) this.fail(pool, instance, instance.call, `${pool.name} exited with code ${code}`)
    })
  }

  private warn(line: string): void {
    if (this.options.log) this.options.log(line)
    else if (!this.options.quiet || process.env.LOCAL_CLOUD_LOGS) console.error(line)
  }

  /** Hands a call to an idle instance; answers it at once, the instance staying idle, if it cannot be posted. */
  private dispatch(pool: Pool, instance: Instance, call: Call): void {
    try {
      instance.worker.postMessage({
        type: 'invoke',
        id: call.id,
        event: call.event,
        context: this.contextOf(pool, call),
        env: this.wxEnv(call.ctx)
      })
    } catch (e) {
      // The structured clone failed before anything was sent: the worker never saw the call.
      call.resolve({
        ok: false,
        kind: 'INVALID_EVENT',
        message: `the event cannot be passed to ${pool.name}: ${e instanceof Error ? e.message : String(e)}`
      })
      return
    }
    instance.call = call
    const seconds = pool.config.timeoutMs / 1000
    instance.timer = setTimeout(() => {
      this.fail(pool, instance, call, `Invoking task timed out after ${seconds} seconds`, 'TIMEOUT')
    }, pool.config.timeoutMs)
  }

  private wxEnv(ctx: CallContext): Record<string, string> {
    const env: Record<string, string> = {
      WX_CONTEXT_KEYS: CONTEXT_KEYS,
      WX_APPID: LOCAL_APPID,
      WX_CLIENTIP: '127.0.0.1',
      WX_CLIENTIPV6: '::ffff:127.0.0.1',
      TCB_SOURCE: ctx.source
    }
    if (ctx.openid) env.WX_OPENID = ctx.openid
    return env
  }

  private contextOf(pool: Pool, call: Call): Record<string, unknown> {
    const environ = Object.entries(this.wxEnv(call.ctx))
      .map(([k, v]) => `${k}=${v}`)
      .join(';')
    return {
      request_id: call.id,
      function_name: pool.name,
      function_version: '$LATEST',
      namespace: this.options.envId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: pool.config.timeoutMs,
      environ
    }
  }

  private finish(pool: Pool, instance: Instance, outcome: Outcome): void {
    const call = instance.call
    clearTimeout(instance.timer)
    instance.call = undefined
    call?.resolve(outcome)
    if (pool.retired || this.stopped) this.kill(pool, instance)
    this.pump(pool)
  }

  private fail(pool: Pool, instance: Instance, call: Call | undefined, message: string, kind: 'ERROR' | 'TIMEOUT' = 'ERROR'): void {
    clearTimeout(instance.timer)
    instance.call = undefined
    this.kill(pool, instance)
    call?.resolve({ ok: false, kind, message })
    if (!this.stopped) this.pump(pool)
  }

  private kill(pool: Pool, instance: Instance): void {
    pool.instances.delete(instance)
    void instance.worker.terminate().catch(() => undefined)
  }

  /** Fires due timer triggers every second (Beijing time, as the cloud does). */
  startTimers(fire: (fn: string, trigger: string) => void): void {
    const tick = () => {
      const now = new Date()
      for (const name of this.names()) {
        for (const t of this.triggers(name)) if (cronMatches(t.cron, now)) fire(name, t.name)
      }
      this.ticker = setTimeout(tick, 1000 - (Date.now() % 1000) + 5)
    }
    this.ticker = setTimeout(tick, 1000 - (Date.now() % 1000) + 5)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.ticker)
    const all: Array<Promise<unknown>> = []
    if (this.spare) all.push(this.spare.terminate().catch(() => undefined))
    this.spare = undefined
    for (const pool of this.pools.values()) {
      for (const call of pool.queue.splice(0)) call.resolve({ ok: false, kind: 'ERROR', message: 'the local cloud is stopping' })
      for (const instance of [...pool.instances]) {
        clearTimeout(instance.timer)
        instance.call?.resolve({ ok: false, kind: 'ERROR', message: 'the local cloud is stopping' })
        pool.instances.delete(instance)
        all.push(instance.worker.terminate().catch(() => undefined))
      }
    }
    this.pools.clear()
    await Promise.all(all)
  }
}
