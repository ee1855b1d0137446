// The parent's handle on a local cloud running in a child process (support/cloud-process.ts): calls through
// the HTTP gateway as the h5 app makes them, timers through /api/timers, clock moves and dumps over IPC,
// and the two ways it ends: SIGKILL (a crash) or SIGTERM (a clean stop).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { ID_KEY_ENV, setIdKey } from '../../../cloudfunctions/_shared/infra/ids'
import type { Envelope } from '../../../types/envelope'
import type { Hello, Reply, Request } from './cloud-process'
import type { Doc, Reader } from './invariants'
import type { Env } from './workload'

const SCRIPT = join(__dirname, 'cloud-process.ts')
const REPO = join(__dirname, '..', '..', '..')
/** The id key of every child started by this test file, given to it by environment, so restarts keep the ids. */
const ID_KEY = randomBytes(32).toString('base64url')

/** A request without its id (distributes over the union of requests). */
type Unsent = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never

type Pending = { ok: (v: unknown) => void; fail: (e: Error) => void }

export class ChildCloud {
  private readonly pending = new Map<number, Pending>()
  private serial = 0
  private readonly exited: Promise<void>
  stderr = ''

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number
  ) {
    this.exited = new Promise((done) => child.once('exit', () => done()))
    child.on('message', (m: Reply) => {
      const p = this.pending.get(m.id)
      this.pending.delete(m.id)
      if (m.ok) p?.ok(m.value)
      else p?.fail(new Error(m.error))
    })
    child.once('exit', () => {
      for (const p of this.pending.values()) p.fail(new Error('the cloud process ended'))
      this.pending.clear()
    })
  }

  /** Starts the cloud on `dataDir` (filling an empty database with the cast world when `world`). */
  static start(dataDir: string, world: boolean): Promise<ChildCloud> {
    setIdKey(ID_KEY)
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--data', dataDir, ...(world ? ['--world'] : [])], {
      cwd: REPO,
      env: { ...process.env, [ID_KEY_ENV]: ID_KEY },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced'
    })
    let stderr = ''
    child.stderr?.on('data', (b) => (stderr += String(b)))
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`the cloud process did not start in time\n${stderr}`)), 60_000)
      child.once('exit', (code, signal) => fail(new Error(`the cloud process exited (${code ?? signal}) before it was ready\n${stderr}`)))
      child.once('message', (m: Hello) => {
        clearTimeout(timer)
        const cloud = new ChildCloud(child, m.port)
        child.stderr?.on('data', (b) => (cloud.stderr += String(b)))
        ok(cloud)
      })
    })
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  private async post(path: string, body: unknown, openid?: string): Promise<Envelope<unknown>> {
    const res = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
      body: JSON.stringify(body)
    })
    return (await res.json()) as Envelope<unknown>
  }

  private request(req: Unsent): Promise<unknown> {
    const id = ++this.serial
    return new Promise((ok, fail) => {
      if (!this.child.connected) return fail(new Error('the cloud process has ended'))
      this.pending.set(id, { ok, fail })
      this.child.send({ ...req, id } as Request)
    })
  }

  env(): Env {
    return {
      call: (fn, action, data, openid) => this.post(`/api/functions/${fn}`, { action, data }, openid),
      timer: (fn, trigger) => this.post(`/api/timers/${fn}/${trigger}`, {}),
      update: async (collection, filter, update, multi) => void (await this.update(collection, filter, update, multi))
    }
  }

  insert(collection: string, docs: object[]): Promise<unknown> {
    return this.request({ type: 'insert', collection, docs })
  }

  update(collection: string, filter: object, update: object, multi = false): Promise<unknown> {
    return this.request({ type: 'update', collection, filter, update, multi })
  }

  /** A reader over a copy of `collections` taken now. */
  async snapshot(collections: readonly string[]): Promise<Reader> {
    const dump = (await this.request({ type: 'dump', collections: [...collections] })) as Record<string, Doc[]>
    return (c) => {
      if (!dump[c]) throw new Error(`collection ${c} was not dumped`)
      return dump[c]
    }
  }

  /** A crash: SIGKILL, nothing flushed, no handler runs. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL')
    await this.exited
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    this.child.kill('SIGTERM')
    await this.exited
  }
}
