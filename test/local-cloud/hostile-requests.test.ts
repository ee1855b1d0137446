// What a hostile client or web page may send the local cloud: JSON nested past the limits (refused before
// it is parsed), events and results that cannot cross to or from a worker (an error answer, and the same
// instance goes on serving), the admin endpoint without its secret, from another site's page, or as a
// text/plain "simple request", and gateway writes from another site.

import { join } from 'node:path'
import { useLocalCloud } from '../support/cloud'

const env = useLocalCloud({ functionsDir: join(__dirname, 'fixtures', 'functions'), instancesPerFunction: 1 })
const OPENID = 'oHostile'
const FOREIGN = 'http://evil.example'

const nestedText = (depth: number, leaf = '1') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth)
function nestedValue(depth: number, kind: 'object' | 'array'): unknown {
  let v: unknown = 'leaf'
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v]
  return v
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  const text = await res.text()
  let parsed: any
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = text
  }
  return { status: res.status, body: parsed, headers: res.headers }
}

const gateway = (fn: string, body: string, headers: Record<string, string> = {}) =>
  post(`${env.cloud.url}/api/functions/${fn}`, body, { 'x-wx-openid': OPENID, ...headers })
const admin = (body: unknown, headers: Record<string, string> = {}) => post(env.cloud.adminUrl, JSON.stringify(body), headers)
const thread = async () => ((await env.call('probe', 'thread', {}, OPENID)) as any).data as number
const writes = () => env.cloud.store.db.sequence
const COUNT_USERS = { action: 'database.calculateDocument', collectionName: 'users', queryType: 'WHERE' }
const ADD_USER = { action: 'database.insertDocument', collectionName: 'users', data: ['{"_id":"intruder","roles":["admin"]}'] }

let firstThread: number

beforeAll(async () => {
  firstThread = await thread()
}, 60_000)

// Every test leaves the one instance alive and idle: the next call is served at once, by the same thread.
afterEach(async () => {
  expect(await thread()).toBe(firstThread)
  expect((await admin(COUNT_USERS)).body.data.total).toBe(0)
})

describe('JSON nested past the limits is refused before it is parsed', () => {
  test('the gateway: a 60 KB body 10 000 levels deep answers 400 INVALID_ARGUMENT', async () => {
    const body = `{"action":"whoami","data":${nestedText(10_000)}}`
    expect(body.length).toBeGreaterThan(60_000)
    const res = await gateway('probe', body)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求内容嵌套过深' } })
  })

  test('the gateway takes 64 levels, refuses 65, and does not count brackets inside strings', async () => {
    expect((await gateway('probe', `{"action":"whoami","data":${nestedText(63)}}`)).body).toMatchObject({ ok: true })
    expect((await gateway('probe', `{"action":"whoami","data":${nestedText(64)}}`)).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect((await gateway('probe', JSON.stringify({ action: 'whoami', data: { text: '{['.repeat(10_000) } }))).body).toMatchObject({
      ok: true
    })
  })

  test('the admin protocol: a deep body, a deep EJSON query and deep function request data are INVALID_PARAM', async () => {
    const deepBody = await post(env.cloud.adminUrl, `{"action":"database.getDocument","x":${nestedText(10_000)}}`)
    expect(deepBody.body).toMatchObject({
      code: 'INVALID_PARAM',
      message: '[INVALID_PARAM] request body nested deeper than 128 levels',
      requestId: expect.any(String)
    })
    const deepQuery = await admin({
      action: 'database.getDocument',
      collectionName: 'users',
      queryType: 'WHERE',
      query: nestedText(10_000)
    })
    expect(deepQuery.body).toMatchObject({ code: 'INVALID_PARAM', message: '[INVALID_PARAM] query nested deeper than 128 levels' })
    const deepData = await admin({ action: 'functions.invokeFunction', function_name: 'probe', request_data: nestedText(10_000) })
    expect(deepData.body).toMatchObject({ code: 'INVALID_PARAM', message: '[INVALID_PARAM] request_data nested deeper than 128 levels' })
    // A query with nested operators well within the limit still runs.
    const query = JSON.stringify({ $and: [{ $or: [{ a: { $gt: { $date: { $numberLong: '0' } } } }, { b: { $in: [[1], [2]] } }] }] })
    expect((await admin({ action: 'database.getDocument', collectionName: 'users', queryType: 'WHERE', query })).body).toMatchObject({
      data: { list: [] }
    })
  })
})

describe('events and results that cannot cross to or from a worker', () => {
  test.each([
    ['a function', { f: () => 1 }],
    ['a symbol', { s: Symbol('s') }],
    ['objects 10 000 deep', nestedValue(10_000, 'object')],
    ['arrays 10 000 deep', nestedValue(10_000, 'array')]
  ])('an event holding %s answers INVALID_ARGUMENT; the instance is released, not left busy', async (_name, data) => {
    expect(await env.call('probe', 'whoami', data, OPENID)).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请求参数不正确' }
    })
  })

  test('queued behind a busy instance, an unsendable event is answered and the calls after it still run', async () => {
    const busy = env.call('probe', 'busy', { ms: 200 }, OPENID)
    const [unsendable, after] = await Promise.all([
      env.call('probe', 'whoami', nestedValue(10_000, 'object'), OPENID),
      env.call('probe', 'thread', {}, OPENID),
      busy
    ])
    expect(unsendable).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(after).toEqual({ ok: true, data: firstThread })
  })

  test.each(['bigint', 'circular', 'deepResult', 'throwUnprintable'])(
    'a result JSON cannot carry (%s) answers INTERNAL from the same instance',
    async (action) => {
      expect(await env.call('probe', action, {}, OPENID)).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    }
  )

  test('functions and symbols in a result are dropped, as JSON drops them', async () => {
    expect(await env.call('probe', 'functionsAndSymbols', {}, OPENID)).toEqual({ ok: true, data: { kept: 1 } })
  })
})

describe('the admin endpoint is for the functions this cloud runs', () => {
  test('without the secret, or with a wrong one, a write is refused with 403 and nothing is written', async () => {
    const before = writes()
    for (const path of ['/admin', '/admin/', '/admin/guess', `${new URL(env.cloud.adminUrl).pathname}x`]) {
      const res = await post(`${env.cloud.url}${path}`, JSON.stringify(ADD_USER))
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({ code: 'PERMISSION_DENIED', requestId: expect.any(String) })
    }
    expect(writes()).toBe(before)
  })

  test('the admin URL carries a random 192-bit secret', () => {
    expect(env.cloud.adminUrl).toMatch(new RegExp(`^${env.cloud.url}/admin/[A-Za-z0-9_-]{32}$`))
  })

  test('a text/plain "simple request" is refused even with the secret (415), and a GET is not served (405)', async () => {
    const before = writes()
    const plain = await post(env.cloud.adminUrl, JSON.stringify(ADD_USER), { 'content-type': 'text/plain;charset=UTF-8' })
    expect(plain.status).toBe(415)
    expect(plain.body).toMatchObject({ code: 'PERMISSION_DENIED' })
    expect((await fetch(env.cloud.adminUrl)).status).toBe(405)
    expect(writes()).toBe(before)
  })

  test('a request from another site is refused even with the secret; no CORS headers are sent', async () => {
    const before = writes()
    for (const origin of [FOREIGN, 'null', `http://127.0.0.1:${env.cloud.port + 1}`]) {
      const res = await admin(ADD_USER, { origin })
      expect(res.status).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    }
    expect(writes()).toBe(before)
  })

  test('the server’s own origins are accepted', async () => {
    for (const origin of [env.cloud.url, `http://localhost:${env.cloud.port}`]) {
      expect((await admin(COUNT_USERS, { origin })).body).toMatchObject({ data: { total: 0 } })
    }
  })
})

describe('the gateway takes no writes from another site', () => {
  test('a function call, a timer and an upload with a foreign Origin are refused with 403 before anything runs', async () => {
    const before = writes()
    const call = await gateway('probe', JSON.stringify({ action: 'send', data: { touser: OPENID } }), { origin: FOREIGN })
    expect(call.status).toBe(403)
    expect(call.body).toEqual({ ok: false, error: { code: 'PERMISSION_DENIED', message: '不接受来自其他网站的请求' } })
    expect((await post(`${env.cloud.url}/api/timers/probe/tick`, '{}', { origin: FOREIGN })).status).toBe(403)
    const upload = await post(`${env.cloud.url}/api/storage/upload?cloudPath=x.txt`, 'hello', {
      origin: FOREIGN,
      'x-wx-openid': OPENID,
      'content-type': 'text/plain'
    })
    expect(upload.status).toBe(403)
    expect(writes()).toBe(before)
  })

  test('the same call from the server’s own origin (the h5 app it serves) runs', async () => {
    const res = await gateway('probe', JSON.stringify({ action: 'whoami', data: {} }), { origin: env.cloud.url })
    expect(res.body).toMatchObject({ ok: true, data: { ctx: { OPENID } } })
  })
})
