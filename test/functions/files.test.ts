// The app's cloud-file service (src/services/files) against the local cloud: an uploaded picture's
// `cloud://` id becomes a URL the browser can load; several ids go in one request; a missing file is ''.
import { fileUrl, fileUrls, forgetFileUrls } from '../../src/services/files'
import { useLocalCloud } from '../support/cloud'

const lc = useLocalCloud()
const realFetch = globalThis.fetch
let requests: string[] = []

beforeAll(() => {
  process.env.TARO_ENV = 'h5'
  // The h5 app is served by the gateway, so it asks with paths relative to it.
  globalThis.fetch = ((input: string, init?: RequestInit) => {
    requests.push(input)
    return realFetch(input.startsWith('/') ? `${lc.cloud.url}${input}` : input, init)
  }) as typeof fetch
})
afterAll(() => {
  globalThis.fetch = realFetch
  delete process.env.TARO_ENV
})
beforeEach(() => {
  forgetFileUrls()
  requests = []
})

async function upload(name: string, text: string): Promise<string> {
  const res = await realFetch(`${lc.cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-wx-openid': 'shop1' },
    body: new TextEncoder().encode(text)
  })
  return ((await res.json()) as { fileID: string }).fileID
}

test('uploaded pictures load through temporary URLs, asked for together and then remembered', async () => {
  const a = await upload('a.png', 'first picture')
  const b = await upload('b.png', 'second picture')
  expect(a).toMatch(/^cloud:\/\//)
  const [urlA, urlB] = await fileUrls([a, b])
  expect(requests).toEqual(['/api/storage/temp-urls'])
  expect(await (await realFetch(urlA)).text()).toBe('first picture')
  expect(await (await realFetch(urlB)).text()).toBe('second picture')
  expect(await fileUrl(a)).toBe(urlA)
  expect(requests).toHaveLength(1)
})

test('a file that is not there answers an empty URL; a URL that is not a cloud file is kept', async () => {
  const missing = 'cloud://local.6c6f-local-1300000000/users/shop1/nothing.png'
  expect(await fileUrl(missing)).toBe('')
  expect(await fileUrl('https://example.org/x.png')).toBe('https://example.org/x.png')
  expect(requests).toEqual(['/api/storage/temp-urls'])
})

test('the gateway refuses more than 50 ids at once, as the cloud does', async () => {
  const res = await realFetch(`${lc.cloud.url}/api/storage/temp-urls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fileList: Array.from({ length: 51 }, (_, i) => `cloud://x/y/${i}.png`) })
  })
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
})
