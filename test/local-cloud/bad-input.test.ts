// Bad input gets an error answer, never a crash: the server keeps serving afterwards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { useLocalCloud } from '../support/cloud'

const site = mkdtempSync(join(tmpdir(), 'site-'))
mkdirSync(join(site, 'js'))
writeFileSync(join(site, 'index.html'), '<!doctype html><div id="app"></div>')
writeFileSync(join(site, 'js', 'app.js'), 'console.log(1)')
afterAll(() => rmSync(site, { recursive: true, force: true }))

const env = useLocalCloud({ functionsDir: join(__dirname, 'fixtures', 'functions'), options: { staticDir: site } })

const post = async (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
  const res = await fetch(`${env.cloud.url}${path}`, { method: 'POST', headers, body })
  return { status: res.status, body: await res.json() }
}

/** The admin endpoint's path, with the secret of this process. */
const adminPath = () => new URL(env.cloud.adminUrl).pathname

/** A GET with the path sent as written (fetch would normalise '..'). */
const rawGet = (path: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: env.cloud.port, path, method: 'GET' }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })

async function stillServing() {
  const res = await post(adminPath(), JSON.stringify({ action: 'database.calculateDocument', collectionName: 'users', queryType: 'WHERE' }))
  expect(res.body.data.total).toBe(0)
}

afterEach(stillServing)

describe('admin protocol', () => {
  test('malformed JSON: HTTP 200 with INVALID_PARAM and a requestId', async () => {
    const res = await post(adminPath(), '{"action": "database.getDocument",')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ code: 'INVALID_PARAM', message: expect.any(String), requestId: expect.any(String) })
  })

  test('JSON that is not an object, a missing action, an unknown action', async () => {
    expect((await post(adminPath(), '[1,2]')).body.code).toBe('INVALID_PARAM')
    expect((await post(adminPath(), '{}')).body.code).toBe('INVALID_PARAM')
    expect((await post(adminPath(), '{"action":"database.dropEverything"}')).body).toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringMatching(/unknown action/)
    })
  })

  test('parameters of the wrong shape', async () => {
    for (const params of [
      { action: 'database.getDocument' },
      { action: 'database.getDocument', collectionName: 'users', queryType: 'DOC', query: '{"_id":{"$gt":1}}' },
      { action: 'database.getDocument', collectionName: 'users', queryType: 'WHERE', limit: -5 },
      { action: 'database.insertDocument', collectionName: 'users', data: ['"just a string"'] },
      { action: 'database.aggregateDocuments', collectionName: 'users', stages: 'nope' },
      { action: 'database.aggregateDocuments', collectionName: 'users', stages: [{ stageKey: '$nosuchstage', stageValue: '{}' }] },
      { action: 'storage.batchGetDownloadUrl', file_list: 'x' },
      { action: 'storage.getUploadMetadata', path: '../../etc/passwd' },
      { action: 'functions.invokeFunction', function_name: 'probe', request_data: '{not json' }
    ]) {
      const res = await post(adminPath(), JSON.stringify(params))
      expect(res.status).toBe(200)
      expect(res.body.code).toBe('INVALID_PARAM')
    }
  })

  test('an oversized payload is refused', async () => {
    const big = JSON.stringify({
      action: 'database.insertDocument',
      collectionName: 'users',
      data: ['{"x":"' + 'a'.repeat(7 * 1024 * 1024) + '"}']
    })
    const res = await post(adminPath(), big)
    expect(res.body.code).toBe('INVALID_PARAM')
    expect(res.body.message).toMatch(/too large/)
  })

  test('a malformed openapi request', async () => {
    const boundary = 'xyz'
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n--${boundary}\r\nContent-Disposition: form-data; name="requestData"\r\n\r\n\x12\x7f\x01\r\n--${boundary}--\r\n`
    const res = await post(adminPath(), body, { 'content-type': `multipart/form-data; boundary=${boundary}` })
    expect(res.body.code).toBe('INVALID_PARAM')
  })
})

describe('gateway', () => {
  test('malformed JSON answers 400 with an INVALID_ARGUMENT envelope', async () => {
    const res = await post('/api/functions/probe', '{"action":')
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.any(String) } })
  })

  test('a body that is not an object, a bad openid header, unknown routes', async () => {
    expect(
      (await post('/api/functions/probe', '"hello"', { 'content-type': 'application/json', 'x-wx-openid': 'oTester' })).body
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    const badHeader = await post('/api/functions/probe', '{}', { 'content-type': 'application/json', 'x-wx-openid': 'bad id!' })
    expect(badHeader.status).toBe(400)
    expect((await post('/api/nothing/here', '{}')).status).toBe(404)
  })

  test('an oversized payload answers 413', async () => {
    const res = await post('/api/functions/probe', JSON.stringify({ action: 'whoami', data: 'a'.repeat(7 * 1024 * 1024) }))
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  test('garbage that is not HTTP closes that connection only', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(env.cloud.port, '127.0.0.1', () => socket.write('\x00\x01 NOT HTTP AT ALL\r\n\r\n'))
      socket.on('data', () => undefined)
      socket.on('close', () => resolve())
      socket.on('error', () => resolve())
    })
  })
})

describe('static files', () => {
  test('index.html at /, files with their content types', async () => {
    const index = await fetch(`${env.cloud.url}/`)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toContain('id="app"')
    const js = await fetch(`${env.cloud.url}/js/app.js`)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  test('no directory traversal', async () => {
    expect(await rawGet('/../../../../etc/passwd')).toBe(404)
    expect(await rawGet('/%2e%2e/%2e%2e/%2e%2e/etc/passwd')).toBe(404)
    expect(await rawGet('/files/..%2f..%2fcloud.sqlite')).toBe(404)
    expect(await rawGet('/js/%00.js')).toBe(404)
  })
})
