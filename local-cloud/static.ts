// The static folder (e.g. an h5 build) as a CDN would serve it: compressed when the browser accepts it
// (brotli, else gzip), and cached for a year when the name carries a content hash, revalidated otherwise.
// A `<file>.br` / `<file>.gz` written beside the file by the build is used as is; any other compressible
// file is compressed on first request and kept in memory until it changes on disk.
import { readFileSync, statSync, type Stats } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Encoding = 'br' | 'gzip'

/** Hashed names never change content: `app.1a2b3c4d.js`, `css/app.1a2b3c4d5e6f.css`. */
const HASHED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/
/** Smaller files gain nothing worth the header. */
const MIN_BYTES = 1024

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

export const cacheControlOf = (file: string): string => (HASHED.test(file) ? IMMUTABLE : REVALIDATE)

/** The best encoding the request accepts (q > 0), brotli first; undefined for the identity. */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '')
  const accepted = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean)
    accepted.set(name, q ? Number(q[1]) : 1)
  }
  const allows = (name: string) => (accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0
  if (allows('br')) return 'br'
  if (allows('gzip')) return 'gzip'
  return undefined
}

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

const compress: Record<Encoding, (data: Buffer) => Buffer> = {
  // Quality 9: within a few per cent of 11 for scripts, and fast enough to do on a first request.
  br: (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
  gzip: (data) => gzipSync(data, { level: 9 })
}

function statOf(file: string): Stats | undefined {
  try {
    const stat = statSync(file)
    return stat.isFile() ? stat : undefined
  } catch {
    return undefined
  }
}

export class CompressedFiles {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; body: Buffer }>()

  /** The compressed body of `file` for `encoding`, or undefined when it should go out as it is. */
  get(file: string, contentType: string, encoding: Encoding | undefined): Buffer | undefined {
    if (!encoding || !COMPRESSIBLE.test(contentType)) return undefined
    const stat = statOf(file)
    if (!stat || stat.size < MIN_BYTES) return undefined
    const built = statOf(file + SUFFIX[encoding])
    if (built && built.mtimeMs >= stat.mtimeMs) return readFileSync(file + SUFFIX[encoding])
    const key = `${encoding}:${file}`
    const cached = this.cache.get(key)
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.body
    const body = compress[encoding](readFileSync(file))
    this.cache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, body })
    return body
  }
}
