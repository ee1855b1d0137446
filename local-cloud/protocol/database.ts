// The database.* actions of the TCB admin protocol, as @cloudbase/database 1.4 sends and reads them.
//   getDocument        → data.list: EJSON strings          calculateDocument → data.total
//   insertDocument     → data.insertedIds                  modifyDocument    → data.updated, data.upsert_id
//   modifyAndReturnDoc → data.updated, data.doc (EJSON)     removeDocument    → data.deleted
//   aggregateDocuments → data.list: EJSON strings          startTransaction  → transactionId (top level)
// queryType DOC addresses one document by { _id }; WHERE is a query. Only DOC operations and inserts may
// carry a transactionId.
import { decodeEJSON, encodeEJSON, fromWireValue } from '../ejson'
import { MAX_DEPTH, nestedDeeperThan } from '../json'
import { CloudError, errors } from '../errors'
import type { Stage } from '../store/aggregate'
import { normalizeId } from '../store/database'
import type { Store } from '../store'
import { compileFilter } from '../store/query'
import { clone, isPlainObject, toSortSpec, type Doc } from '../store/values'

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000
/** The cloud appends { $limit: 20 } to a pipeline that has no $limit stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20

export type Params = Record<string, unknown>
export type Reply = Record<string, unknown>

/** An EJSON parameter (a string, as the SDK sends it, or already an object) as plain JS values. */
export function ejsonParam(params: Params, name: string, now: number): unknown {
  const value = params[name]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'string' && nestedDeeperThan(value, MAX_DEPTH.admin)) throw errors.tooDeep(name, MAX_DEPTH.admin)
  try {
    return typeof value === 'string' ? decodeEJSON(value, now) : fromWireValue(clone(value), now)
  } catch (e) {
    if (e instanceof CloudError) throw e
    throw errors.invalidParam(`malformed ${name}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

function objectParam(params: Params, name: string, now: number): Record<string, unknown> {
  const value = ejsonParam(params, name, now) ?? {}
  if (!isPlainObject(value)) throw errors.invalidParam(`${name} must be an object`)
  return value
}

const collectionName = (params: Params) => {
  const name = params.collectionName
  if (typeof name !== 'string' || !name) throw errors.invalidParam('collectionName is required')
  return name
}

/** The _id a DOC request addresses. */
function docId(params: Params, now: number): string {
  const query = objectParam(params, 'query', now)
  return normalizeId(query._id)
}

const isDoc = (params: Params) => params.queryType === 'DOC'
const inTransaction = (params: Params) => typeof params.transactionId === 'string' && params.transactionId !== ''

function refuseInTransaction(params: Params): void {
  if (inTransaction(params)) throw errors.notInTransaction()
}

function nonNegativeInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw errors.invalidParam(`${name} must be a non-negative integer`)
  return n
}

function listReply(store: Store, docs: Doc[], projection: unknown): Reply {
  const shown = isPlainObject(projection) && Object.keys(projection).length ? store.db.project(docs, projection) : docs
  return { data: { list: shown.map((d) => encodeEJSON(d)) } }
}

export function getDocument(store: Store, params: Params, now: number): Reply {
  const coll = collectionName(params)
  const projection = ejsonParam(params, 'projection', now)
  if (inTransaction(params)) {
    if (!isDoc(params)) throw errors.notInTransaction()
    const doc = store.transactions.get(params.transactionId, coll, docId(params, now))
    return listReply(store, doc ? [doc] : [], projection)
  }
  if (isDoc(params)) {
    const doc = store.db.get(coll, docId(params, now))
    return listReply(store, doc ? [doc] : [], projection)
  }
  const requested = nonNegativeInt(params.limit, 'limit')
  const limit = Math.min(MAX_LIMIT, requested || DEFAULT_LIMIT)
  const skip = nonNegativeInt(params.offset, 'offset') ?? 0
  const sort = toSortSpec(ejsonParam(params, 'order', now))
  const docs = store.db.find(coll, compileFilter(objectParam(params, 'query', now)), { sort, skip, limit })
  const { data } = listReply(store, docs, projection) as { data: Reply }
  return { data: { ...data, offset: skip, limit } }
}

export function calculateDocument(store: Store, params: Params, now: number): Reply {
  refuseInTransaction(params)
  const total = store.db.count(collectionName(params), compileFilter(objectParam(params, 'query', now)))
  return { data: { total } }
}

export function insertDocument(store: Store, params: Params, now: number): Reply {
  const coll = collectionName(params)
  const raw = params.data
  const items = Array.isArray(raw) ? raw : [raw]
  if (items.length === 0) throw errors.invalidParam('data must not be empty')
  const docs = items.map((item, i) => {
    const doc = ejsonParam({ d: item }, 'd', now)
    if (!isPlainObject(doc)) throw errors.invalidParam(`data[${i}] must be an object`)
    return doc
  })
  const ids = inTransaction(params) ? store.transactions.insert(params.transactionId, coll, docs) : store.db.insert(coll, docs)
  return { data: { insertedIds: ids, inserted: ids.length, ok: 1 } }
}

export function modifyDocument(store: Store, params: Params, now: number): Reply {
  const coll = collectionName(params)
  const data = objectParam(params, 'data', now)
  const replace = params.merge === false
  const upsert = params.upsert === true
  if (inTransaction(params)) {
    if (!isDoc(params)) throw errors.notInTransaction()
    const r = store.transactions.update(params.transactionId, coll, docId(params, now), data, { replace, upsert })
    return { data: { updated: r.updated, upsert_id: r.upsertedId } }
  }
  const filter = isDoc(params) ? { _id: docId(params, now) } : objectParam(params, 'query', now)
  const multi = isDoc(params) ? false : params.multi !== false
  const r = store.db.update(coll, compileFilter(filter), data, { multi, upsert, replace })
  return { data: { updated: r.modified, matched: r.matched, upsert_id: r.upsertedId } }
}

export function modifyAndReturnDoc(store: Store, params: Params, now: number): Reply {
  refuseInTransaction(params)
  const coll = collectionName(params)
  const filter = isDoc(params) ? { _id: docId(params, now) } : objectParam(params, 'query', now)
  const r = store.db.update(coll, compileFilter(filter), objectParam(params, 'data', now), {
    multi: false,
    upsert: params.upsert === true,
    returnDoc: true
  })
  const doc = r.doc ?? (r.upsertedId ? store.db.get(coll, r.upsertedId) : undefined)
  return { data: { updated: r.modified, doc: doc ? encodeEJSON(doc) : null } }
}

export function removeDocument(store: Store, params: Params, now: number): Reply {
  const coll = collectionName(params)
  if (inTransaction(params)) {
    if (!isDoc(params)) throw errors.notInTransaction()
    return { data: { deleted: store.transactions.remove(params.transactionId, coll, docId(params, now)) } }
  }
  const filter = isDoc(params) ? { _id: docId(params, now) } : objectParam(params, 'query', now)
  const multi = isDoc(params) ? false : params.multi !== false
  return { data: { deleted: store.db.remove(coll, compileFilter(filter), multi) } }
}

/** Stages arrive as [{ stageKey: '$match', stageValue: '<EJSON or JSON text>' }]. */
function readStages(params: Params, now: number): Stage[] {
  if (!Array.isArray(params.stages)) throw errors.invalidParam('stages must be an array')
  return params.stages.map((s, i) => {
    if (!isPlainObject(s) || typeof s.stageKey !== 'string') throw errors.invalidParam(`stages[${i}] is malformed`)
    const value = ejsonParam({ v: s.stageValue }, 'v', now)
    return { [s.stageKey.startsWith('$') ? s.stageKey : `$${s.stageKey}`]: value }
  })
}

export function aggregateDocuments(store: Store, params: Params, now: number): Reply {
  refuseInTransaction(params)
  const stages = readStages(params, now)
  if (!stages.some((s) => '$limit' in s)) stages.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
  const list = store.db.aggregate(collectionName(params), stages)
  return { data: { list: list.map((d) => encodeEJSON(d)) } }
}

export function startTransaction(store: Store): Reply {
  return { transactionId: store.transactions.begin() }
}

export function commitTransaction(store: Store, params: Params): Reply {
  store.transactions.commit(params.transactionId)
  return { data: {} }
}

export function abortTransaction(store: Store, params: Params): Reply {
  store.transactions.abort(params.transactionId)
  return { data: {} }
}

export function addCollection(store: Store, params: Params): Reply {
  store.db.createCollection(collectionName(params))
  return { data: {} }
}

export const databaseActions: Record<string, (store: Store, params: Params, now: number) => Reply> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
  'database.addCollection': addCollection
}
