// Small typed helpers over the SDK's database: read-or-null, transactions with retry, paging.
import type { CollectionName } from '../../../config/database'
import { _, db, type Database } from './cloud'
import { notFound } from './errors'
import { assertSameRequest } from './ids'

export type Tx = Database

/** A collection reference, inside a transaction when `tx` is given. */
export const coll = (name: CollectionName, tx?: Tx) => (tx ?? db).collection(name)

/** The document, or null when it does not exist (the SDK is initialised with throwOnNotFound: false). */
export async function getDoc<T>(name: CollectionName, id: string, tx?: Tx): Promise<(T & { _id: string }) | null> {
  const res = await coll(name, tx).doc(id).get()
  return (res?.data as (T & { _id: string }) | null) ?? null
}

/** The document, or NOT_FOUND with `missing` as the message. */
export async function loadDoc<T>(name: CollectionName, id: string, missing: string, tx?: Tx): Promise<T & { _id: string }> {
  const doc = await getDoc<T>(name, id, tx)
  if (!doc) throw notFound(missing)
  return doc
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/**
 * An update that replaces object-valued fields whole: the SDK would otherwise flatten them into dotted
 * paths, which fail on a field that is currently null. `_id` and undefined values are left out.
 */
export function replacing(patch: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(patch)) {
    if (key === '_id' || value === undefined) continue
    out[key] = isPlainObject(value) ? _.set(value) : value
  }
  return out
}

/** Updates fields of one document (wx-server-sdk takes `{ data }`, in and out of transactions). */
export const updateDoc = (name: CollectionName, id: string, patch: object, tx?: Tx) =>
  coll(name, tx)
    .doc(id)
    .update({ data: replacing(patch) })

/** A document without its _id, as `doc(id).set({ data })` wants it (the SDK refuses an _id in data). */
export const withoutId = <T extends { _id: string }>({ _id, ...rest }: T): Omit<T, '_id'> => rest

/** Writes a whole document under its _id. */
export const putDoc = (name: CollectionName, doc: { _id: string }, tx?: Tx) =>
  coll(name, tx)
    .doc(doc._id)
    .set({ data: withoutId(doc) })

/**
 * Creates a document whose id was derived from a request id, unless a retry of that request already did:
 * answers the stored document then, so a repeated tap never creates twice. With the request's
 * `fingerprint` (ctx.fingerprint) it is stored alongside, and the same id with another payload is CONFLICT.
 */
export async function createOnce<T extends { _id: string }>(name: CollectionName, doc: T, tx: Tx, fingerprint?: string): Promise<T> {
  const earlier = await getDoc<T & { requestFingerprint?: string }>(name, doc._id, tx)
  if (earlier) {
    assertSameRequest(earlier, fingerprint)
    return earlier
  }
  await putDoc(name, fingerprint ? { ...doc, requestFingerprint: fingerprint } : doc, tx)
  return doc
}

/** A transaction conflict, however the SDK surfaces it (code, errCode/errMsg, or message). */
export function isTxConflict(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false
  const { code, errCode, errMsg, message } = e as Record<string, unknown>
  return /TRANSACTION_CONFLICT|WriteConflict/i.test([code, errCode, errMsg, message].map(String).join(' '))
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Begins a transaction: a caller may begin it alongside other requests and hand it to `inTransaction`. */
export const startTransaction = (): Promise<Tx> => db.startTransaction()

/**
 * Run `work` in one database transaction, retrying with jittered back-off when the database reports a
 * conflict (another transaction touched the same document). Domain errors thrown by `work` abort the
 * transaction and propagate unchanged. Only single-document operations may be used inside. `started`: a
 * transaction begun already (`startTransaction`), used for the first attempt.
 */
export async function inTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  { attempts = 30, started }: { attempts?: number; started?: Promise<Tx> } = {}
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tx = await (attempt === 1 && started ? started : db.startTransaction())
    let committed = false
    try {
      const result = await work(tx)
      await tx.commit()
      committed = true
      return result
    } catch (e) {
      if (!committed) await tx.rollback().catch(() => undefined)
      if (!isTxConflict(e) || attempt >= attempts) throw e
      await sleep(Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6)))
    }
  }
}

/** Fetch every document matching a query in pages of 1 000 (the server's cap), up to `max`. */
export async function getAll<T>(query: Database, max = 20_000): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; skip < max; skip += 1000) {
    const { data } = await query
      .skip(skip)
      .limit(Math.min(1000, max - skip))
      .get()
    out.push(...(data as T[]))
    if (data.length < 1000) break
  }
  return out
}

/** Offset cursors: opaque to the client, validated here. */
export const cursor = {
  decode(c: string | undefined): number {
    const n = c ? Number.parseInt(c, 36) : 0
    return Number.isFinite(n) && n >= 0 && n < 1_000_000 ? n : 0
  },
  next(offset: number, got: number, limit: number): string | null {
    return got < limit ? null : (offset + got).toString(36)
  }
}

export interface PageInput {
  limit?: number
  cursor?: string
}

/** One page of a query (already ordered) from an offset cursor. */
export async function pageOf<T>(query: Database, input: PageInput, defaultLimit = 20): Promise<{ items: T[]; nextCursor: string | null }> {
  const limit = input.limit ?? defaultLimit
  const offset = cursor.decode(input.cursor)
  const { data } = await query.skip(offset).limit(limit).get()
  return { items: data as T[], nextCursor: cursor.next(offset, data.length, limit) }
}
