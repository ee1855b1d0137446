// A foreign project (not 邻里通): its own database declaration and two plain-JS functions, run through the
// local cloud's public API and its CLI, with nothing of this product wired in.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local-cloud'
import { admin, startCli, stopCli } from './sdk'

const REPO = resolve(__dirname, '..', '..')
const FOREIGN = join(__dirname, 'fixtures', 'foreign')
// The fixture project is plain CommonJS.
const database = require('./fixtures/foreign/database.js')
const { seed } = require('./fixtures/foreign/seed.js')

let cloud: LocalCloud
let dataDir: string
const lines: string[] = []

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'foreign-'))
  cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: join(FOREIGN, 'functions'),
    database,
    seed,
    log: (line) => lines.push(line),
    quiet: true,
    instancesPerFunction: 1
  })
}, 60_000)

afterAll(async () => {
  await cloud?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A call through the gateway, as a browser build of the foreign app would make it. */
async function call(fn: string, action: string, data: unknown, openid = 'oAlice') {
  const res = await fetch(`${cloud.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action, data })
  })
  return res.json()
}

test('the to-do function adds, lists and completes items per caller', async () => {
  const { id } = await call('todo', 'add', { title: '买菜' })
  await call('todo', 'add', { title: '交电费' })
  await call('todo', 'add', { title: 'Bob 的事' }, 'oBob')
  expect(await call('todo', 'done', { id })).toEqual({ updated: 1 })
  expect(await call('todo', 'done', { id }, 'oBob')).toEqual({ updated: 0 })
  const list = await call('todo', 'list', {})
  expect(list.map((t: { title: string; done: boolean }) => [t.title, t.done])).toEqual([
    ['交电费', false],
    ['买菜', true]
  ])
  expect(cloud.store.count('todos')).toBe(3)
})

test('require("lib/…") resolves from the function folder (NODE_PATH) and local dates are UTC dates', async () => {
  const today = await call('todo', 'today', {})
  expect(today).toMatchObject({ offsetMinutes: 0, tz: 'UTC' })
  expect(today.day).toBe(today.utcDay)
})

test('the counter increments in a transaction, from the seeded value and from nothing', async () => {
  expect(await call('counter', 'increment', { name: 'visits' })).toEqual({ value: 42 })
  const results = await Promise.all([1, 2, 3].map(() => call('counter', 'increment', { name: 'likes', by: 2 })))
  expect(results.map((r) => r.value).sort()).toEqual([2, 4, 6])
  expect(cloud.store.get('counters', 'likes')).toEqual({ _id: 'likes', value: 6 })
})

test('an unhandled rejection after the function answered is logged with the function name, and the instance goes on', async () => {
  expect(await call('counter', 'leak', {})).toEqual({ answered: true })
  const deadline = Date.now() + 10_000
  while (!lines.some((l) => l.includes('unhandled rejection')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  expect(lines.find((l) => l.includes('unhandled rejection'))).toMatch(
    /^\[local-cloud\] counter: unhandled rejection: Error: late failure after answering/
  )
  expect(await call('counter', 'increment', { name: 'after' })).toEqual({ value: 1 })
})

test('log: one line per database request with action, collection, duration and error code', async () => {
  lines.length = 0
  await call('todo', 'list', {})
  expect(lines).toContainEqual(expect.stringMatching(/^\[local-cloud\] db getDocument todos \d+(\.\d+)?ms$/))
  // The transaction's actions are logged too; a collection the project does not declare is an error line.
  const store = cloud.store
  expect(store.collections()).not.toContain('notes')
  await admin(cloud.adminUrl, { action: 'database.getDocument', collectionName: 'notes', queryType: 'WHERE', query: '{}' })
  expect(lines).toContainEqual(expect.stringMatching(/^\[local-cloud\] db getDocument notes \d+(\.\d+)?ms DATABASE_COLLECTION_NOT_EXIST$/))
})

test('without a project-supplied answer, gateway failures are { errCode, errMsg }', async () => {
  expect(await call('nope', 'x', {})).toEqual({ errCode: 'NOT_FOUND', errMsg: 'function not found: nope' })
  const anonymous = await fetch(`${cloud.url}/api/functions/todo`, { method: 'POST', body: '{}' })
  expect(await anonymous.json()).toEqual({ errCode: 'UNAUTHENTICATED', errMsg: expect.any(String) })
})

describe('the CLI', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'local-cloud/cli.ts', ...args], { cwd: REPO, encoding: 'utf8', env, timeout: 60_000 })

  test('--help prints the usage and exits 0; an unknown option exits 1 naming it', () => {
    const help = cli(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage: local-cloud \[options\]/)
    expect(help.stdout).toMatch(/--functions <dir>/)
    const bad = cli(['--frobnicate'])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/unknown option: --frobnicate/)
  })

  test('runs the foreign project from --functions, --database and --seed, in UTC even on a host in Asia/Shanghai', async () => {
    const data = mkdtempSync(join(tmpdir(), 'foreign-cli-'))
    const args = [
      '--functions',
      join(FOREIGN, 'functions'),
      '--database',
      join(FOREIGN, 'database.js'),
      '--seed',
      join(FOREIGN, 'seed.js'),
      '--port',
      '0',
      '--data',
      data,
      '--no-timers',
      '--quiet'
    ]
    const { child, url } = await startCli(args, { ...process.env, TZ: 'Asia/Shanghai' })
    try {
      const res = await fetch(`${url}/api/functions/todo`, {
        method: 'POST',
        headers: { 'x-wx-openid': 'oCli' },
        body: JSON.stringify({ action: 'today' })
      })
      expect(await res.json()).toMatchObject({ offsetMinutes: 0, tz: 'UTC' })
      const added = await fetch(`${url}/api/functions/todo`, {
        method: 'POST',
        headers: { 'x-wx-openid': 'oCli' },
        body: JSON.stringify({ action: 'add', data: { title: 'x' } })
      })
      expect(await added.json()).toEqual({ id: expect.any(String) })
      const counted = await fetch(`${url}/api/functions/counter`, {
        method: 'POST',
        headers: { 'x-wx-openid': 'oCli' },
        body: JSON.stringify({ action: 'increment', data: { name: 'visits' } })
      })
      expect(await counted.json()).toEqual({ value: 42 })
    } finally {
      await stopCli(child)
      rmSync(data, { recursive: true, force: true })
    }
  })
})
