// The one HTTP server of the local cloud, on 127.0.0.1: the admin protocol, the gateway, uploaded files
// and the built h5 app. Nothing a client sends may crash it: every handler's failure becomes an answer.
import { createHash, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { errors } from './errors'
import { gatewayFailure, readOpenid, type Gateway, type GatewayFailureReason, type GatewayRoute } from './gateway'
import { MAX_DEPTH, parseJsonWithin, TooDeep } from './json'
import { errorAnswer, handleAdmin, type AdminDeps, type HttpAnswer } from './protocol'
import { parseMultipart } from './protocol/openapi'
import { CompressedFiles, cacheControlOf, negotiateEncoding } from './static'
import { contentTypeOf, staticFile } from './storage'

export const LIMITS = {
  /** The admin protocol and function calls: 6 MB, the size of a synchronous cloud function event. */
  requestBytes: 6 * 1024 * 1024,
  uploadBytes: 50 * 1024 * 1024,
  /** Nesting of JSON bodies, checked before they are parsed (json.ts). */
  depth: MAX_DEPTH
}

export interface ServerDeps extends AdminDeps {
  gateway: Gateway
  /** Extra JSON routes under /api/, injected by the project. */
  routes: readonly GatewayRoute[]
  staticDir?: string
  /** The per-process secret of the admin endpoint: only POST /admin/<secret> is served. */
  adminSecret: string
}

class TooLarge extends Error {}

/** The request body, or TooLarge once it passes `limit` (the rest is drained, up to a hard cap). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else if (size > limit * 4) req.destroy()
    })
    req.on('end', () => (size > limit ? reject(new TooLarge()) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete) reject(size > limit ? new TooLarge() : new Error('request aborted'))
    })
  })
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(answer.status, { 'content-type': answer.contentType, 'cache-control': 'no-store' })
  res.end(answer.body)
}

const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) })

function failWith(deps: ServerDeps, res: ServerResponse, status: number, reason: GatewayFailureReason, message: string): void {
  json(res, status, deps.gateway.answerFailure(gatewayFailure(reason, message)))
}

function serveFile(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  file: string | null,
  missing: 'fileNotFound' | 'pageNotFound'
): void {
  if (!file) return failWith(deps, res, 404, missing, missing === 'fileNotFound' ? 'file not found' : 'page not found')
  res.writeHead(200, { 'content-type': contentTypeOf(file) })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

/** A file of the static folder: compressed when accepted, with the cache policy of its name (static.ts). */
function serveStatic(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, file: string | null, compressed: CompressedFiles): void {
  if (!file) return failWith(deps, res, 404, 'pageNotFound', 'page not found')
  const contentType = contentTypeOf(file)
  const encoding = negotiateEncoding(req.headers['accept-encoding'])
  const body = compressed.get(file, contentType, encoding)
  res.writeHead(200, {
    'content-type': contentType,
    'cache-control': cacheControlOf(file),
    vary: 'Accept-Encoding',
    ...(body ? { 'content-encoding': encoding, 'content-length': body.length } : {})
  })
  if (req.method === 'HEAD') return void res.end()
  if (body) return void res.end(body)
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, LIMITS.requestBytes)
  try {
    return parseJsonWithin(body.toString('utf8') || 'null', LIMITS.depth.gateway)
  } catch (e) {
    if (e instanceof TooDeep) throw e
    throw new SyntaxError('malformed JSON')
  }
}

/**
 * A request sent by a web page of another site. Browsers send Origin with every cross-origin request and
 * every POST; the SDK and other tools send none. The server's own origins are the loopback names of the
 * port it answers on. (Not the Host header: a DNS-rebound page sends its own name as Host and Origin.)
 */
function fromAnotherSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return false
  const port = req.socket.localPort
  return ![`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin)
}

const digest = (text: string) => createHash('sha256').update(text).digest()

/** Whether a path is /admin/<the secret>, compared in constant time. */
function carriesAdminSecret(path: string, secret: string): boolean {
  return path.startsWith('/admin/') && timingSafeEqual(digest(path.slice('/admin/'.length)), digest(secret))
}

/** The SDK posts JSON, and multipart/form-data for wx.openApi; a text/plain "simple request" is refused. */
const ADMIN_CONTENT_TYPE = /^(application\/json|multipart\/form-data)\s*(;|$)/i

const refuseAdmin = (res: ServerResponse, status: number, message: string) =>
  send(res, { ...errorAnswer(errors.permissionDenied(message)), status })

/** The admin protocol, for the functions this server runs (the SDK inside them knows the secret URL). */
async function admin(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (fromAnotherSite(req)) return refuseAdmin(res, 403, 'the admin endpoint does not accept requests from web pages')
  if (!carriesAdminSecret(path, deps.adminSecret))
    return refuseAdmin(res, 403, 'the admin endpoint is only for the functions this local cloud runs')
  if (req.method !== 'POST') return refuseAdmin(res, 405, 'the admin endpoint accepts POST only')
  const contentType = req.headers['content-type'] ?? ''
  if (!ADMIN_CONTENT_TYPE.test(contentType))
    return refuseAdmin(res, 415, 'the admin endpoint accepts application/json and multipart/form-data only')
  const body = await readBody(req, LIMITS.requestBytes)
  return send(res, await handleAdmin(deps, body, contentType))
}

const SAFE_METHODS = new Set(['GET', 'HEAD'])

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, compressed: CompressedFiles): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const path = url.pathname
  const method = req.method ?? 'GET'

  if (path === '/admin' || path.startsWith('/admin/')) return admin(deps, req, res, path)
  // Nothing that changes state is taken from another site's page (no CORS headers are ever sent either).
  if (!SAFE_METHODS.has(method) && fromAnotherSite(req))
    return failWith(deps, res, 403, 'crossOrigin', 'requests from another site are refused')

  const upload = /^\/storage\/upload\/([0-9a-f]{32})$/.exec(path)
  if (upload && method === 'PUT') {
    const body = await readBody(req, LIMITS.uploadBytes)
    if (!deps.storage.completeUpload(upload[1], body)) return json(res, 403, { code: 'AccessDenied', message: 'unknown or expired upload' })
    res.writeHead(200, { 'x-cos-request-id': upload[1] })
    return void res.end()
  }
  if (upload && method === 'POST') {
    const body = await readBody(req, LIMITS.uploadBytes)
    const form = new Map(parseMultipart(body, req.headers['content-type'] ?? '').map((p) => [p.name, p.data] as const))
    const answer = deps.storage.completeFormUpload(upload[1], form)
    res.writeHead(answer.status, { 'content-type': 'application/xml', 'x-cos-request-id': upload[1] })
    return void res.end(answer.status === 204 ? undefined : answer.xml)
  }

  if (path.startsWith('/api/')) return api(deps, req, res, url)

  if (path.startsWith('/files/') && (method === 'GET' || method === 'HEAD')) {
    let file: string | null
    try {
      const cloudPath = decodeURIComponent(path.slice('/files/'.length))
      file = deps.storage.exists(cloudPath) ? deps.storage.fileFor(cloudPath) : null
    } catch {
      file = null
    }
    return serveFile(deps, req, res, file, 'fileNotFound')
  }

  if (deps.staticDir && (method === 'GET' || method === 'HEAD'))
    return serveStatic(deps, req, res, staticFile(deps.staticDir, path), compressed)
  return failWith(deps, res, 404, 'pageNotFound', 'page not found')
}

async function api(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname
  const method = req.method ?? 'GET'
  const openid = readOpenid(req.headers['x-wx-openid'])
  if (openid === null) return failWith(deps, res, 400, 'badOpenidHeader', 'malformed x-wx-openid header')

  const fn = /^\/api\/functions\/([^/]+)$/.exec(path)
  if (fn && method === 'POST')
    return json(res, 200, await deps.gateway.callFunction(decodeURIComponent(fn[1]), await readJsonBody(req), openid))

  const timer = /^\/api\/timers\/([^/]+)\/([^/]+)$/.exec(path)
  if (timer && method === 'POST') {
    await readBody(req, LIMITS.requestBytes)
    return json(res, 200, await deps.gateway.runTimer(decodeURIComponent(timer[1]), decodeURIComponent(timer[2])))
  }

  const extra = deps.routes.find((r) => r.path === path && r.method === method)
  if (extra) {
    if (method === 'POST') await readBody(req, LIMITS.requestBytes)
    return json(res, 200, await extra.handle({ store: deps.store, url, openid }))
  }

  if (path === '/api/storage/upload' && method === 'POST') {
    if (!openid) return failWith(deps, res, 401, 'unauthenticated', 'an upload needs the caller openid (x-wx-openid)')
    const body = await readBody(req, LIMITS.uploadBytes)
    return json(res, 200, deps.gateway.upload(openid, url.searchParams.get('cloudPath') ?? '', body))
  }

  if (path === '/api/storage/temp-urls' && method === 'POST') return json(res, 200, deps.gateway.tempFileUrls(await readJsonBody(req)))

  return failWith(deps, res, 404, 'routeNotFound', `no route ${method} ${path}`)
}

function answerFailure(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, e: unknown): void {
  const isApi = (req.url ?? '').startsWith('/api/')
  if (e instanceof TooLarge) {
    if (isApi) return failWith(deps, res, 413, 'bodyTooLarge', 'request body too large')
    return send(res, errorAnswer(errors.invalidParam(`request body too large (limit ${LIMITS.requestBytes} bytes)`)))
  }
  if (e instanceof TooDeep) return failWith(deps, res, 400, 'bodyTooDeep', `the request body is nested deeper than ${e.limit} levels`)
  if (e instanceof SyntaxError) return failWith(deps, res, 400, 'malformedJson', 'the request body is not valid JSON')
  if (isApi) {
    const message = e instanceof Error ? e.message : String(e)
    if (/^\[INVALID_PARAM\]/.test(message)) return failWith(deps, res, 400, 'invalidParam', message)
    console.error('[local-cloud] gateway error:', e)
    return failWith(deps, res, 500, 'internal', 'internal error')
  }
  send(res, errorAnswer(e))
}

export function createCloudServer(deps: ServerDeps): Server {
  const compressed = new CompressedFiles()
  const server = createServer((req, res) => {
    route(deps, req, res, compressed).catch((e) => {
      try {
        answerFailure(deps, req, res, e)
      } catch {
        res.destroy()
      }
    })
  })
  // Longer than the SDK's keep-alive (4.8 s), so a reused socket is never closed under a request.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  return server
}
