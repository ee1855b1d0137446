// Finding 5 of issue 13: one request killed the local cloud, and any web page could write to its database.
// Each attack again, through the real server: a 60 KB body nested 10 000 levels deep (it ended the process:
// a RangeError from postMessage after a 500 had left the instance marked busy), an event and results that
// cannot cross to or from a worker, a write to /admin without the per-process secret, and the CSRF — a
// text/plain POST from another site's page, which browsers send without a preflight.

import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCli, stopCli } from '../local-cloud/sdk'
import { useLocalCloud } from '../support/cloud'
import { nested, nestedJson } from './support/arbitraries'

jest.setTimeout(120_000)

const DEEP_BODY = `{"action":"me","data":${nestedJson(10_000, 'object', '1')}}`
const EVIL = 'http://evil.example'
const ATTACKER = 'oLocalCloudAttacker'
const INTRUDER = {
  action: 'database.insertDocument',
  collectionName: 'users',
  data: ['{"_id":"intruder","openid":"intruder","roles":[{"role":"admin"}]}']
}

const postJson = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe('the 60 KB body nested 10 000 levels deep, against the CLI in its own process', () => {
  let child: ChildProcess | undefined
  let url = ''
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-attack-'))

  beforeAll(async () => {
    ;({ child, url } = await startCli([
      '--functions',
      'cloudfunctions',
      '--database',
      'config/database.ts',
      '--data',
      dataDir,
      '--port',
      '0',
      '--no-seed',
      '--no-timers',
      '--quiet'
    ]))
  }, 60_000)

  afterAll(async () => {
    if (child) await stopCli(child)
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('is refused before parsing, cold and warm; the process lives and the next normal call succeeds', async () => {
    expect(DEEP_BODY.length).toBeGreaterThan(60_000)
    // First to a function with no instance yet (the crash came when its instance became ready), then again.
    for (let i = 0; i < 2; i++) {
      const res = await postJson(`${url}/api/functions/user`, DEEP_BODY, { 'x-wx-openid': ATTACKER })
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ errCode: 'INVALID_ARGUMENT', errMsg: 'the request body is nested deeper than 64 levels' })
    }
    const login = await postJson(`${url}/api/functions/user`, '{"action":"login","data":{}}', { 'x-wx-openid': ATTACKER })
    expect(await login.json()).toMatchObject({ ok: true })
    expect(child!.exitCode).toBeNull()
  })
})

describe('the product cloud, in process', () => {
  const lc = useLocalCloud({ instancesPerFunction: 1 })
  const writes = () => lc.cloud.store.db.sequence
  const signedIn = async () => expect(await lc.call('user', 'login', {}, ATTACKER)).toMatchObject({ ok: true })

  test('events a worker cannot receive (a function, a symbol, 10 000 levels) answer INVALID_ARGUMENT; the instance serves the next call', async () => {
    await signedIn()
    for (const data of [{ f: () => 1 }, { s: Symbol('s') }, nested(10_000, 'leaf', 'object')]) {
      expect(await lc.call('user', 'me', data, ATTACKER)).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '请求参数不正确' }
      })
      expect(await lc.call('user', 'me', {}, ATTACKER)).toMatchObject({ ok: true })
    }
  })

  test('a write to /admin without the secret is refused with 403; nothing is written', async () => {
    await signedIn()
    const before = writes()
    for (const path of ['/admin', '/admin/local-secret-id']) {
      const res = await postJson(`${lc.cloud.url}${path}`, JSON.stringify(INTRUDER))
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ code: 'PERMISSION_DENIED' })
    }
    expect(writes()).toBe(before)
    expect(lc.cloud.store.get('users', 'intruder')).toBeNull()
  })

  test('CSRF: a text/plain POST from another site is refused, with or without the secret; nothing is written', async () => {
    await signedIn()
    const before = writes()
    for (const url of [`${lc.cloud.url}/admin`, lc.cloud.adminUrl]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: EVIL },
        body: JSON.stringify(INTRUDER)
      })
      expect(res.status).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    }
    // Nor through the gateway: a page of another site cannot call a function that writes.
    const viaGateway = await postJson(`${lc.cloud.url}/api/functions/user`, '{"action":"updateProfile","data":{"nickName":"被篡改"}}', {
      'x-wx-openid': ATTACKER,
      origin: EVIL
    })
    expect(viaGateway.status).toBe(403)
    expect(await viaGateway.json()).toEqual({ ok: false, error: { code: 'PERMISSION_DENIED', message: '不接受来自其他网站的请求' } })
    expect(writes()).toBe(before)
    expect(lc.cloud.store.get('users', 'intruder')).toBeNull()
  })

  test('the functions themselves still reach /admin: a write through the SDK lands', async () => {
    expect(await lc.call('user', 'updateProfile', { nickName: '邻居小王' }, ATTACKER)).toMatchObject({ ok: true })
    expect(lc.cloud.store.get('users', ATTACKER)?.nickName).toBe('邻居小王')
  })
})

describe('results a function cannot hand back, through the real server', () => {
  const fx = useLocalCloud({ functionsDir: join(__dirname, '..', 'local-cloud', 'fixtures', 'functions'), instancesPerFunction: 1 })
  const call = (action: string) =>
    postJson(`${fx.cloud.url}/api/functions/probe`, JSON.stringify({ action, data: {} }), { 'x-wx-openid': ATTACKER }).then(
      (r) => r.json() as Promise<any>
    )

  test('a BigInt, a cycle, 200 000 levels and an unprintable throw answer INTERNAL; the same instance serves on', async () => {
    const { data: thread } = await call('thread')
    for (const action of ['bigint', 'circular', 'deepResult', 'throwUnprintable']) {
      expect(await call(action)).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } })
      expect(await call('thread')).toEqual({ ok: true, data: thread })
    }
  })
})
