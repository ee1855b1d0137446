// Durability: a server process killed with SIGKILL in the middle of a stream of inserts loses none of the
// inserts it acknowledged, and its data folder reopens cleanly.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Store } from '../../local-cloud/store'
import { pointSdkAt } from './sdk'

const REPO = resolve(__dirname, '..', '..')

/** `node --import tsx local-cloud/cli.ts` (not the tsx CLI, which would run the server in a grandchild). */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/cli.ts', '--database', 'config/database.ts', '--port', '0', '--data', dataDir, '--no-seed', '--no-timers', '--quiet'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 30_000)
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (match) {
        clearTimeout(timer)
        ok({ child, url: match[1] })
      }
    })
    child.stderr!.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)))
  })
}

const dataDir = mkdtempSync(join(tmpdir(), 'durable-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

test('acknowledged inserts survive kill -9 of the server, and the data reopens cleanly', async () => {
  const first = await startServer(dataDir)
  pointSdkAt(first.url)
  const sdk = require('wx-server-sdk')
  sdk.init({ env: 'local-dev' })
  const db = sdk.database()

  const acknowledged: string[] = []
  let killed = false
  const exited = new Promise((r) => first.child.once('exit', r))
  const writer = async (w: number) => {
    for (let i = 0; !killed && acknowledged.length < 1000; i++) {
      const _id = `w${w}-${i}`
      try {
        await db.collection('auditLog').add({ data: { _id, w, i, at: new Date() } })
        acknowledged.push(_id)
      } catch {
        return
      }
      if (acknowledged.length >= 300 && !killed) {
        killed = true
        first.child.kill('SIGKILL')
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)))
  await exited
  expect(killed).toBe(true)
  expect(acknowledged.length).toBeGreaterThanOrEqual(300)

  const store = new Store(dataDir)
  try {
    const missing = acknowledged.filter((id) => !store.get('auditLog', id))
    expect(missing).toEqual([])
    expect(store.get('auditLog', acknowledged[0])!.at).toBeInstanceOf(Date)
  } finally {
    store.close()
  }

  const second = await startServer(dataDir)
  try {
    pointSdkAt(second.url)
    const { total } = await db.collection('auditLog').count()
    expect(total).toBeGreaterThanOrEqual(acknowledged.length)
    await db.collection('auditLog').add({ data: { after: 'restart' } })
  } finally {
    second.child.kill('SIGTERM')
    await new Promise((r) => second.child.once('exit', r))
  }
}, 60_000)
