// Showing cloud files. The mini-program's <image> reads `cloud://` ids itself; a browser cannot
// (net::ERR_UNKNOWN_URL_SCHEME), so on h5 every id is turned into a temporary URL with getTempFileURL:
// ids asked for in the same moment go in one request (at most 50, the cloud's limit), and each URL is
// kept until shortly before it expires. Anything that is not a `cloud://` id is shown as it is.
import { isH5 } from './platform'

const BATCH = 50
/** Ask again this long before a URL expires, so an image never starts loading with a dead one. */
const MARGIN_MS = 60_000

interface TempFile {
  fileID: string
  tempFileURL: string
  maxAge: number
  status: number
}

export const isCloudFile = (src: string | null | undefined): src is string => typeof src === 'string' && src.startsWith('cloud://')

const cache = new Map<string, { url: string; expires: number }>()
const waiting = new Map<string, Promise<string>>()
let queue: Array<{ id: string; resolve: (url: string) => void }> = []
let scheduled = false

/** The URL already known for `src`, without asking: `src` itself unless it is a cloud id on h5. */
export function knownFileUrl(src: string): string | undefined {
  if (!isCloudFile(src) || !isH5()) return src
  const hit = cache.get(src)
  return hit && hit.expires > Date.now() ? hit.url : undefined
}

async function ask(ids: string[]): Promise<Map<string, TempFile>> {
  const res = await fetch('/api/storage/temp-urls', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fileList: ids })
  })
  const answer = (await res.json()) as { fileList?: TempFile[] }
  return new Map((answer.fileList ?? []).map((f) => [f.fileID, f]))
}

async function flush(): Promise<void> {
  scheduled = false
  const batch = queue
  queue = []
  const ids = [...new Set(batch.map((q) => q.id))]
  const found = new Map<string, string>()
  for (let i = 0; i < ids.length; i += BATCH) {
    try {
      const answers = await ask(ids.slice(i, i + BATCH))
      for (const [id, f] of answers) {
        if (f.status !== 0 || !f.tempFileURL) continue
        found.set(id, f.tempFileURL)
        cache.set(id, { url: f.tempFileURL, expires: Date.now() + Math.max(0, f.maxAge * 1000 - MARGIN_MS) })
      }
    } catch {
      // Offline or refused: those pictures show their placeholder, and are asked for again next time.
    }
  }
  for (const q of batch) {
    waiting.delete(q.id)
    q.resolve(found.get(q.id) ?? '')
  }
}

/** The URL to show for `src`; '' when the file cannot be found. */
export function fileUrl(src: string): Promise<string> {
  const known = knownFileUrl(src)
  if (known !== undefined) return Promise.resolve(known)
  const pending = waiting.get(src)
  if (pending) return pending
  const promise = new Promise<string>((resolve) => {
    queue.push({ id: src, resolve })
    if (!scheduled) {
      scheduled = true
      setTimeout(() => void flush(), 0)
    }
  })
  waiting.set(src, promise)
  return promise
}

export const fileUrls = (srcs: string[]): Promise<string[]> => Promise.all(srcs.map(fileUrl))

/** Tests only: forget every URL. */
export function forgetFileUrls(): void {
  cache.clear()
  waiting.clear()
}
