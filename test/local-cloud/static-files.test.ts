// The static folder as a CDN serves it: brotli or gzip when the browser accepts it (the build's own
// `.br`/`.gz` beside a file when there is one), a year of caching for hashed names, revalidation for
// index.html and other unhashed names.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { useLocalCloud } from '../support/cloud'

const site = mkdtempSync(join(tmpdir(), 'site-'))
const SCRIPT = `console.log(${JSON.stringify('邻'.repeat(4000))})`
mkdirSync(join(site, 'js'))
mkdirSync(join(site, 'css'))
writeFileSync(join(site, 'index.html'), `<!doctype html><script src="/js/app.1a2b3c4d.js"></script>${'<p>x</p>'.repeat(300)}`)
writeFileSync(join(site, 'js', 'app.1a2b3c4d.js'), SCRIPT)
writeFileSync(join(site, 'js', 'tiny.5e6f7a8b.js'), 'console.log(1)')
writeFileSync(join(site, 'css', 'app.1a2b3c4d5e6f.css'), `.a{color:red}`.repeat(200))
writeFileSync(join(site, 'logo.png'), Buffer.alloc(4096, 7))
// A file the build precompressed: its .gz is served as written.
writeFileSync(join(site, 'js', 'pre.99887766.js'), SCRIPT)
writeFileSync(join(site, 'js', 'pre.99887766.js.gz'), gzipSync('console.log("precompressed")'))
afterAll(() => rmSync(site, { recursive: true, force: true }))

const env = useLocalCloud({ functionsDir: join(__dirname, 'fixtures', 'functions'), options: { staticDir: site } })

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A GET (or HEAD) with exactly the given Accept-Encoding (fetch would add its own and decode). */
const get = (path: string, acceptEncoding?: string, method = 'GET') =>
  new Promise<Answer>((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
    const req = request({ host: '127.0.0.1', port: env.cloud.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })

describe('compression', () => {
  test('brotli when accepted, the same bytes once decoded', async () => {
    const res = await get('/js/app.1a2b3c4d.js', 'gzip, deflate, br')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4)
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT)
  })

  test('gzip when brotli is not accepted (or refused with q=0)', async () => {
    for (const accept of ['gzip', 'gzip, br;q=0', 'deflate, gzip;q=0.5']) {
      const res = await get('/js/app.1a2b3c4d.js', accept)
      expect(res.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(res.body).toString()).toBe(SCRIPT)
    }
  })

  test('as it is without Accept-Encoding, or with only encodings it does not offer', async () => {
    for (const accept of [undefined, 'identity', 'deflate', 'gzip;q=0, br;q=0']) {
      const res = await get('/js/app.1a2b3c4d.js', accept)
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.body.toString()).toBe(SCRIPT)
    }
  })

  test('index.html and stylesheets are compressed too; images and tiny files are not', async () => {
    expect((await get('/', 'br')).headers['content-encoding']).toBe('br')
    expect((await get('/css/app.1a2b3c4d5e6f.css', 'gzip')).headers['content-encoding']).toBe('gzip')
    const png = await get('/logo.png', 'br, gzip')
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.body.length).toBe(4096)
    expect((await get('/js/tiny.5e6f7a8b.js', 'br')).body.toString()).toBe('console.log(1)')
  })

  test("the build's precompressed file is served as written", async () => {
    const res = await get('/js/pre.99887766.js', 'gzip')
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toBe('console.log("precompressed")')
  })

  test('a file changed on disk is compressed again', async () => {
    const file = join(site, 'js', 'app.1a2b3c4d.js')
    const changed = SCRIPT.replace('console.log', 'console.info')
    writeFileSync(file, changed)
    const later = new Date(Date.now() + 5_000)
    utimesSync(file, later, later)
    const res = await get('/js/app.1a2b3c4d.js', 'br')
    expect(brotliDecompressSync(res.body).toString()).toBe(changed)
  })

  test('HEAD answers the headers of the compressed file, without a body', async () => {
    const res = await get('/js/app.1a2b3c4d.js', 'br', 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.body.length).toBe(0)
  })
})

describe('cache headers', () => {
  test('hashed names are immutable for a year', async () => {
    for (const path of ['/js/app.1a2b3c4d.js', '/css/app.1a2b3c4d5e6f.css', '/js/tiny.5e6f7a8b.js']) {
      expect((await get(path, 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    }
  })

  test('index.html (also as /) and unhashed names are revalidated every time', async () => {
    for (const path of ['/', '/index.html', '/logo.png']) {
      expect((await get(path, 'gzip')).headers['cache-control']).toBe('no-cache')
    }
  })

  test('a missing file is still the gateway 404', async () => {
    expect((await get('/js/missing.1a2b3c4d.js', 'br')).status).toBe(404)
  })
})
