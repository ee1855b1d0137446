// Cloud storage on a local folder. File IDs look like the cloud's (cloud://<env>.<bucket>/<path>); the
// SDK's uploadFile asks storage.getUploadMetadata for a URL (of this server) and sends the bytes there:
// SDK 4.x PUTs them, SDK 2.x (tcb-admin-node) POSTs a COS form (key, Signature, x-cos-security-token,
// x-cos-meta-fileid, file) and reads COS's XML answer. getTempFileURL / downloadFile use
// storage.batchGetDownloadUrl (URLs under /files/), deleteFile uses storage.batchDeleteFile.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { errors } from './errors'
import { isPlainObject } from './store/values'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm'
}

export const contentTypeOf = (file: string) => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

/** A relative path with no '..', empty or hidden-traversal segments; throws otherwise. */
export function cleanCloudPath(path: unknown): string {
  if (typeof path !== 'string') throw errors.invalidParam('cloudPath must be a string')
  const trimmed = path.replace(/^\/+/, '')
  const parts = trimmed.split('/')
  if (!trimmed || trimmed.length > 1024 || /[\\\0]/.test(trimmed) || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw errors.invalidParam(`invalid cloudPath: ${path.slice(0, 100)}`)
  }
  return trimmed
}

const UPLOAD_TTL_MS = 10 * 60_000

export class LocalStorage {
  readonly root: string
  readonly bucket: string
  private readonly uploads = new Map<string, { path: string; expires: number }>()

  constructor(
    dataDir: string,
    readonly envId: string,
    private readonly baseUrl: () => string
  ) {
    this.root = resolve(dataDir, 'storage')
    mkdirSync(this.root, { recursive: true })
    this.bucket = `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1300000000`
  }

  fileId(path: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cleanCloudPath(path)}`
  }

  /** The path inside the bucket of a cloud:// file ID (any env and bucket), or null. */
  pathOf(fileId: unknown): string | null {
    if (typeof fileId !== 'string') return null
    const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
    if (!match) return null
    try {
      return cleanCloudPath(match[1])
    } catch {
      return null
    }
  }

  /** The file on disk for a cloud path, guaranteed inside the storage folder. */
  fileFor(path: string): string {
    const file = resolve(this.root, cleanCloudPath(path))
    if (!file.startsWith(this.root + sep)) throw errors.invalidParam('path escapes the storage folder')
    return file
  }

  write(path: string, data: Buffer): string {
    const file = this.fileFor(path)
    mkdirSync(dirname(file), { recursive: true })
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`
    writeFileSync(tmp, data)
    renameSync(tmp, file)
    return this.fileId(path)
  }

  exists(path: string): boolean {
    try {
      return statSync(this.fileFor(path)).isFile()
    } catch {
      return false
    }
  }

  read(path: string): Buffer | null {
    return this.exists(path) ? readFileSync(this.fileFor(path)) : null
  }

  remove(path: string): boolean {
    if (!this.exists(path)) return false
    rmSync(this.fileFor(path))
    return true
  }

  /** The cloud paths of every stored file, sorted (uploads being written, `*.tmp`, left out). */
  list(): string[] {
    const walk = (dir: string, prefix: string): string[] =>
      readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .flatMap((d) => {
          const rel = prefix ? `${prefix}/${d.name}` : d.name
          if (d.isDirectory()) return walk(join(dir, d.name), rel)
          return d.isFile() && !/\.[0-9a-f]{8}\.tmp$/.test(d.name) ? [rel] : []
        })
    return walk(this.root, '')
  }

  /** Removes every stored file. */
  clear(): void {
    rmSync(this.root, { recursive: true, force: true })
    mkdirSync(this.root, { recursive: true })
  }

  tempUrl(path: string): string {
    return `${this.baseUrl()}/files/${path}`
  }

  // --- protocol actions ----------------------------------------------------------------------------

  getUploadMetadata(params: Record<string, unknown>): Record<string, unknown> {
    const path = cleanCloudPath(params.path)
    const token = randomBytes(16).toString('hex')
    this.uploads.set(token, { path, expires: Date.now() + UPLOAD_TTL_MS })
    const fileId = this.fileId(path)
    return { data: { url: `${this.baseUrl()}/storage/upload/${token}`, token, authorization: `local ${token}`, fileId, cosFileId: token } }
  }

  /** The PUT of an upload the SDK was given a URL for; false when the token is unknown or expired. */
  completeUpload(token: string, body: Buffer): boolean {
    return this.takeUpload(token, (path) => this.write(path, body)) !== null
  }

  /**
   * A COS form upload (POST Object) to an upload URL: the form must carry the metadata's token and
   * cosFileId. Answers COS's status and XML: 204 (or success_action_status 200/201 with a PostResponse),
   * or an <Error> that tcb-admin-node turns into STORAGE_REQUEST_FAIL.
   */
  completeFormUpload(token: string, fields: Map<string, Buffer>): { status: number; xml: string } {
    const text = (name: string) => fields.get(name)?.toString('utf8')
    const file = fields.get('file')
    if (!file) return cosError(400, 'InvalidArgument', 'the form has no file field', token)
    if (text('x-cos-security-token') !== token || text('x-cos-meta-fileid') !== token)
      return cosError(403, 'AccessDenied', "the form does not carry this upload's token and file id", token)
    const path = this.takeUpload(token, (p) => this.write(p, file))
    if (path === null) return cosError(403, 'AccessDenied', 'unknown or expired upload', token)
    const status = Number(text('success_action_status'))
    if (status !== 200 && status !== 201) return { status: 204, xml: '' }
    const location = this.tempUrl(path)
    return {
      status,
      xml: `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${xmlText(location)}</Location><Bucket>${xmlText(this.bucket)}</Bucket><Key>${xmlText(path)}</Key><ETag>"${token}"</ETag></PostResponse>`
    }
  }

  /** Runs `store` with the path of a pending upload and forgets the upload; null when unknown or expired. */
  private takeUpload(token: string, store: (path: string) => void): string | null {
    const upload = this.uploads.get(token)
    this.uploads.delete(token)
    for (const [t, u] of this.uploads) if (u.expires < Date.now()) this.uploads.delete(t)
    if (!upload || upload.expires < Date.now()) return null
    store(upload.path)
    return upload.path
  }

  batchGetDownloadUrl(params: Record<string, unknown>): Record<string, unknown> {
    if (!Array.isArray(params.file_list)) throw errors.invalidParam('file_list must be an array')
    const list = params.file_list.map((item) => {
      const fileID = isPlainObject(item) ? item.fileid : item
      const maxAge = isPlainObject(item) && typeof item.max_age === 'number' ? item.max_age : 86_400
      const path = this.pathOf(fileID)
      if (!path || !this.exists(path)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge }
      return { fileID, tempFileURL: this.tempUrl(path), code: 'SUCCESS', maxAge }
    })
    return { data: { download_list: list } }
  }

  batchDeleteFile(params: Record<string, unknown>): Record<string, unknown> {
    if (!Array.isArray(params.fileid_list)) throw errors.invalidParam('fileid_list must be an array')
    const list = params.fileid_list.map((fileID) => {
      const path = this.pathOf(fileID)
      return { fileID, code: path && this.remove(path) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
    })
    return { data: { delete_list: list } }
  }

  actions(): Record<string, (params: Record<string, unknown>) => Record<string, unknown>> {
    return {
      'storage.getUploadMetadata': (p) => this.getUploadMetadata(p),
      'storage.batchGetDownloadUrl': (p) => this.batchGetDownloadUrl(p),
      'storage.batchDeleteFile': (p) => this.batchDeleteFile(p)
    }
  }
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** COS's XML error body. */
function cosError(status: number, code: string, message: string, requestId: string): { status: number; xml: string } {
  return {
    status,
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlText(message)}</Message><RequestId>${requestId}</RequestId></Error>`
  }
}

/** A file of a static folder for a URL path, or null (missing, a directory, or outside the folder). */
export function staticFile(root: string, urlPath: string): string | null {
  let rel: string
  try {
    rel = decodeURIComponent(urlPath.split('?')[0])
  } catch {
    return null
  }
  if (rel.includes('\0')) return null
  const base = resolve(root)
  const file = resolve(base, '.' + (rel.endsWith('/') ? `${rel}index.html` : rel))
  if (file !== base && !file.startsWith(base + sep)) return null
  if (!existsSync(file)) return null
  const stat = statSync(file)
  if (stat.isDirectory()) {
    const index = join(file, 'index.html')
    return existsSync(index) ? index : null
  }
  return stat.isFile() ? file : null
}
