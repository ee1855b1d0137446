// Uploads as wx-server-sdk 2.x (tcb-admin-node) makes them: storage.getUploadMetadata, then a COS form
// POST (key, Signature, x-cos-security-token, x-cos-meta-fileid, file) whose answer is read as XML.
import { admin } from './sdk'
import { useLocalCloud } from '../support/cloud'

const env = useLocalCloud({ functionsDir: __dirname })

async function metadata(cloudPath: string) {
  const { body } = await admin(env.cloud.adminUrl, { action: 'storage.getUploadMetadata', path: cloudPath })
  return body.data as { url: string; token: string; authorization: string; fileId: string; cosFileId: string }
}

function form(
  cloudPath: string,
  meta: { token: string; authorization: string; cosFileId: string },
  content: string,
  extra: Record<string, string> = {}
) {
  const f = new FormData()
  f.append('Signature', meta.authorization)
  f.append('x-cos-security-token', meta.token)
  f.append('x-cos-meta-fileid', meta.cosFileId)
  f.append('key', cloudPath)
  for (const [k, v] of Object.entries(extra)) f.append(k, v)
  f.append('file', new Blob([content]), 'upload.bin')
  return f
}

test('a COS form upload is stored under its cloud path and answered 204 with no body, as COS does by default', async () => {
  const meta = await metadata('docs/report.txt')
  const res = await fetch(meta.url, { method: 'POST', body: form('docs/report.txt', meta, 'hello 2.x') })
  expect(res.status).toBe(204)
  expect(await res.text()).toBe('')
  expect(meta.fileId).toMatch(/^cloud:\/\/local-dev\.[^/]+\/docs\/report\.txt$/)
  expect(await (await fetch(`${env.cloud.url}/files/docs/report.txt`)).text()).toBe('hello 2.x')
})

test('success_action_status 201 answers a PostResponse in XML', async () => {
  const meta = await metadata('docs/b.txt')
  const res = await fetch(meta.url, { method: 'POST', body: form('docs/b.txt', meta, 'b', { success_action_status: '201' }) })
  expect(res.status).toBe(201)
  expect(res.headers.get('content-type')).toBe('application/xml')
  expect(await res.text()).toMatch(/<PostResponse>.*<Key>docs\/b\.txt<\/Key>.*<\/PostResponse>/)
})

test('a reused, unknown or mismatched upload is refused with a COS <Error> and stores nothing', async () => {
  const meta = await metadata('docs/c.txt')
  const wrong = await fetch(meta.url, { method: 'POST', body: form('docs/c.txt', { ...meta, cosFileId: 'other' }, 'c') })
  expect(wrong.status).toBe(403)
  expect(await wrong.text()).toMatch(/<Error><Code>AccessDenied<\/Code><Message>[^<]+<\/Message>/)
  expect((await fetch(`${env.cloud.url}/files/docs/c.txt`)).status).toBe(404)

  expect((await fetch(meta.url, { method: 'POST', body: form('docs/c.txt', meta, 'c') })).status).toBe(204)
  const again = await fetch(meta.url, { method: 'POST', body: form('docs/c.txt', meta, 'c2') })
  expect(again.status).toBe(403)
  expect(await again.text()).toMatch(/<Code>AccessDenied<\/Code>/)
  expect(await (await fetch(`${env.cloud.url}/files/docs/c.txt`)).text()).toBe('c')
})
