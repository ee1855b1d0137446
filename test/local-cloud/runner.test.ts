// The function runner and the gateway, with fixture functions (test/local-cloud/fixtures/functions).
import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalCloud } from '../../local-cloud'
import { useLocalCloud } from '../support/cloud'

const FIXTURES = join(__dirname, 'fixtures', 'functions')
const env = useLocalCloud({ functionsDir: FIXTURES, instancesPerFunction: 2 })
/** A client call: the gateway requires the caller's openid, as every mini-program call carries one. */
const call = (fn: string, action: string, data?: unknown, openid = 'oTester') => env.call(fn, action, data, openid)

// Start both instances first, so that timings below do not include cold starts (about a second each).
beforeAll(async () => {
  await Promise.all([call('probe', 'whoami', { delayMs: 300 }), call('probe', 'whoami', { delayMs: 300 })])
}, 60_000)

const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${env.cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body)
  })
  return { status: res.status, body: await res.json() }
}

describe('function context', () => {
  test('each call sees its own caller in getWXContext, even when calls overlap', async () => {
    const openids = ['oAlice', 'oBob', 'oCarol', 'oDave']
    const results = await Promise.all(openids.map((o) => call('probe', 'whoami', { delayMs: 100 }, o)))
    expect(results.map((r: any) => r.data.ctx.OPENID)).toEqual(openids)
    const ctx = (results[0] as any).data.ctx
    expect(ctx).toMatchObject({ APPID: expect.stringMatching(/^wx/), ENV: 'local-dev', SOURCE: 'wx_client', CLIENTIP: '127.0.0.1' })
    expect((results[0] as any).data.functionName).toBe('probe')
  })

  test('a client call without an openid is refused: only timers and other functions run as the system', async () => {
    expect(await env.call('probe', 'whoami')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    expect((await post('/api/functions/probe', { action: 'whoami', data: {} })).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
  })

  test('the HTTP gateway is the same path: JSON body { action, data }, caller in x-wx-openid', async () => {
    const res = await post('/api/functions/probe', { action: 'whoami', data: {} }, { 'x-wx-openid': 'oHttp' })
    expect(res.status).toBe(200)
    expect(res.body.data.ctx.OPENID).toBe('oHttp')
  })
})

describe('instances', () => {
  test('up to N instances run at once; further calls queue', async () => {
    const started = Date.now()
    const results: any[] = await Promise.all(Array.from({ length: 4 }, () => call('probe', 'busy', { ms: 400 })))
    const spans = results.map((r) => r.data as { start: number; end: number })
    const overlap = (t: number) => spans.filter((s) => s.start <= t && t < s.end).length
    expect(Math.max(...spans.map((s) => overlap(s.start)))).toBe(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(800)
  })

  test('a call that overruns config.json’s timeout is answered with an error and its instance replaced', async () => {
    const started = Date.now()
    const res: any = await call('probe', 'sleep', { ms: 5000 })
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(Date.now() - started).toBeLessThan(4500)
    expect(((await call('probe', 'whoami', {}, 'oAfter')) as any).data.ctx.OPENID).toBe('oAfter')
  })

  test('an exception answers INTERNAL and the function keeps serving', async () => {
    expect(await call('probe', 'throw')).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(((await call('probe', 'whoami')) as any).ok).toBe(true)
  })

  test('a module that fails to load and an unknown function are errors, not crashes', async () => {
    expect(await call('broken', 'x')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await call('nosuch', 'x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('../etc', 'x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('cloud APIs from function code', () => {
  test('callFunction reaches the callee, which runs as the system (no OPENID)', async () => {
    const res: any = await call('probe', 'callOther', {}, 'oCaller')
    expect(res.ok).toBe(true)
    expect(res.data.ok).toBe(true)
    expect(res.data.data.ctx.OPENID).toBeUndefined()
    expect(res.data.data.ctx.ENV).toBe('local-dev')
  })

  test('subscribeMessage.send lands in the outbox', async () => {
    expect(await call('probe', 'send', { touser: 'oTarget' }, 'oSender')).toEqual({ ok: true, data: 'sent' })
    const [message] = env.cloud.store.find('outbox', { touser: 'oTarget' })
    expect(message).toMatchObject({
      touser: 'oTarget',
      templateId: 'tpl-1',
      page: 'pages/index/index',
      data: { thing1: { value: '你好' } }
    })
    expect(message.at).toBeInstanceOf(Date)
  })

  test('uploadFile, getTempFileURL and downloadFile work against the data folder', async () => {
    const res: any = await call('probe', 'file')
    expect(res.data.fileID).toMatch(/^cloud:\/\/local-dev\.[^/]+\/probe\/hello\.txt$/)
    expect(res.data.content).toBe('hello file')
    const file = await fetch(res.data.url)
    expect(await file.text()).toBe('hello file')
  })
})

describe('timers', () => {
  test('a timer trigger runs now with the cloud’s event, as the system', async () => {
    expect(await env.cloud.timer('probe', 'tick')).toEqual({ ok: true, data: 'tick' })
    const [entry] = env.cloud.store.find('auditLog', { timer: 'tick' })
    expect(entry.openid).toBeNull()
    expect(Date.parse(entry.time as string)).not.toBeNaN()
    const http = await post('/api/timers/probe/tick', {})
    expect(http.body).toEqual({ ok: true, data: 'tick' })
    expect(await env.cloud.timer('probe', 'nosuch')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('with timers on, triggers fire on their schedule', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timers-'))
    const cloud = await startLocalCloud({
      port: 0,
      dataDir,
      functionsDir: FIXTURES,
      database: { collections: { auditLog: { indexes: [] } } },
      timers: true,
      quiet: true
    })
    try {
      // The trigger fires every second; the first run includes the function's cold start.
      const deadline = Date.now() + 20_000
      while (cloud.store.count('auditLog', { timer: 'tick' }) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      expect(cloud.store.count('auditLog', { timer: 'tick' })).toBeGreaterThanOrEqual(2)
    } finally {
      await cloud.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('gateway', () => {
  test('demo users (the route demo/ injects): demoUsers entries of existing, undeleted users, by order, named from users', async () => {
    env.cloud.store.insert('users', [
      { _id: 'oStaff', nickName: '王社工', roles: [{ role: 'staff' }] },
      { _id: 'oResident', nickName: '李居民', roles: [] },
      { _id: 'oPlain', nickName: '路人', roles: [] },
      { _id: 'oErased', nickName: '已注销用户', roles: [], deletedAt: new Date() }
    ])
    env.cloud.store.insert('demoUsers', [
      { _id: 'oStaff', title: '社区工作人员', order: 2 },
      { _id: 'oResident', title: '居民', note: '青枫社区', order: 1 },
      { _id: 'oErased', title: '志愿者', order: 3 },
      { _id: 'oMissing', title: '商家', order: 4 }
    ])
    const res = await fetch(`${env.cloud.url}/api/demo/users`)
    expect(await res.json()).toEqual([
      { openid: 'oResident', nickName: '李居民', label: '居民 · 李居民（青枫社区）', order: 1, roles: [] },
      { openid: 'oStaff', nickName: '王社工', label: '社区工作人员 · 王社工', order: 2, roles: [{ role: 'staff' }] }
    ])
  })

  test('h5 upload stores under users/<openid>/ and serves the file', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex')
    const res = await fetch(`${env.cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent('wish/photo.png')}`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'oUp', 'content-type': 'image/png' },
      body: png
    })
    const { fileID } = await res.json()
    expect(fileID).toMatch(/^cloud:\/\/local-dev\.[^/]+\/users\/oUp\/photo\.png$/)
    const file = await fetch(`${env.cloud.url}/files/users/oUp/photo.png`)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await file.arrayBuffer())).toEqual(png)
    const anonymous = await fetch(`${env.cloud.url}/api/storage/upload?cloudPath=a.png`, { method: 'POST', body: png })
    expect(anonymous.status).toBe(401)
  })
})

describe('rebuilt functions', () => {
  test('a changed index.js is picked up by the next call; reloadFunctions() forces it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fns-'))
    const dataDir = mkdtempSync(join(tmpdir(), 'reload-'))
    const write = (version: number) => {
      mkdirSync(join(dir, 'v'), { recursive: true })
      const file = join(dir, 'v', 'index.js')
      writeFileSync(file, `exports.main = async () => ({ ok: true, data: ${version} })`)
      const t = new Date(Date.now() + version * 1000)
      utimesSync(file, t, t)
    }
    write(1)
    const cloud = await startLocalCloud({ port: 0, dataDir, functionsDir: dir, quiet: true })
    try {
      expect(await cloud.call('v', 'x', undefined, 'oTester')).toEqual({ ok: true, data: 1 })
      write(2)
      expect(await cloud.call('v', 'x', undefined, 'oTester')).toEqual({ ok: true, data: 2 })
      cloud.reloadFunctions()
      expect(await cloud.call('v', 'x', undefined, 'oTester')).toEqual({ ok: true, data: 2 })
    } finally {
      await cloud.stop()
      rmSync(dir, { recursive: true, force: true })
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('calls queued behind busy instances still run when the code is rebuilt under them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fns-'))
    const dataDir = mkdtempSync(join(tmpdir(), 'reload-'))
    const write = (version: number) => {
      mkdirSync(join(dir, 'v'), { recursive: true })
      const file = join(dir, 'v', 'index.js')
      writeFileSync(
        file,
        `exports.main = async () => { await new Promise((r) => setTimeout(r, 200)); return { ok: true, data: ${version} } }`
      )
      const t = new Date(Date.now() + version * 1000)
      utimesSync(file, t, t)
    }
    write(1)
    const cloud = await startLocalCloud({ port: 0, dataDir, functionsDir: dir, quiet: true, instancesPerFunction: 1 })
    try {
      const first = Array.from({ length: 4 }, () => cloud.call('v', 'x', undefined, 'oTester'))
      await new Promise((r) => setTimeout(r, 50))
      write(2)
      const second = Array.from({ length: 2 }, () => cloud.call('v', 'x', undefined, 'oTester'))
      cloud.reloadFunctions()
      const answers = await Promise.all([...first, ...second])
      expect(answers.every((a) => a.ok)).toBe(true)
      expect(answers.slice(-2).map((a) => a.data)).toEqual([2, 2])
    } finally {
      await cloud.stop()
      rmSync(dir, { recursive: true, force: true })
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
