// Durability: a server process killed with SIGKILL in the middle of a stream of inserts loses none of the
// inserts it acknowledged, and its data folder reopens cleanly.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Store } from '../../local-cloud/store'
import { pointSdkAt, startCli, stopCli } from './sdk'

const startServer = (dataDir: string) =>
  startCli(['--database', 'config/database.ts', '--port', '0', '--data', dataDir, '--no-seed', '--no-timers', '--quiet'])

const dataDir = mkdtempSync(join(tmpdir(), 'durable-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

test('acknowledged inserts survive kill -9 of the server, and the data reopens cleanly', async () => {
  const first = await startServer(dataDir)
  pointSdkAt(first.adminUrl)
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
    pointSdkAt(second.adminUrl)
    const { total } = await db.collection('auditLog').count()
    expect(total).toBeGreaterThanOrEqual(acknowledged.length)
    await db.collection('auditLog').add({ data: { after: 'restart' } })
  } finally {
    await stopCli(second.child)
  }
}, 60_000)
