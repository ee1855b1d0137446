// The document database: collections in memory with their indexes, written through to SQLite before a
// write returns. Every committed write batch gets the next sequence number, stamped on the documents it
// touched; transactions use those versions to detect conflicts and, for their snapshot reads, the
// previous states kept while a transaction that may need them is open.
import { randomBytes } from 'node:crypto'
import { decodeEJSON, encodeEJSON } from '../ejson'
import { errors } from '../errors'
import { aggregateDocs, type Stage } from './aggregate'
import { Collection, type IndexDecl } from './collection'
import { newQuery } from './mingo'
import { compileFilter, countDocs, findDocs, type CompiledFilter, type Explain, type FindOptions } from './query'
import type { SqliteBackend } from './sqlite'
import { applyModifier, isOperatorUpdate, replacement, validateModifier, type Modifier } from './update'
import { clone, isPlainObject, type Doc } from './values'

export interface Change {
  collection: string
  id: string
  /** The new state, or undefined to delete. */
  after: Doc | undefined
}

export interface UpdateOptions {
  multi?: boolean
  upsert?: boolean
  /** Replace the matched document by `data` (doc().set()) instead of applying operators. */
  replace?: boolean
}

export interface UpdateResult {
  matched: number
  modified: number
  upsertedId?: string
  /** With returnDoc: the first updated document after the update. */
  doc?: Doc
}

export const newId = () => randomBytes(16).toString('hex')

/** A document _id as stored: strings as they are, numbers as their string. */
export function normalizeId(value: unknown): string {
  if (typeof value === 'string' && value.length > 0) return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw errors.invalidParam('_id must be a non-empty string')
}

interface PastState {
  /** The sequence of the write that replaced this state. */
  until: number
  doc: Doc | undefined
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`

export class DocumentDb {
  private readonly collections = new Map<string, Collection>()
  private seq = 0
  private readonly history = new Map<string, PastState[]>()
  /** The oldest snapshot an open transaction reads at, if any (set by the transaction manager). */
  oldestSnapshot: () => number | undefined = () => undefined

  constructor(
    private readonly backend: SqliteBackend,
    declared: Record<string, { indexes: readonly IndexDecl[] }>
  ) {
    for (const [name, decl] of Object.entries(declared)) this.collections.set(name, new Collection(name, decl.indexes))
    for (const name of backend.collections()) if (!this.collections.has(name)) this.collections.set(name, new Collection(name))
    for (const [name, coll] of this.collections) {
      backend.addCollection(name)
      const docs: Doc[] = []
      for (const row of backend.documents(name)) docs.push(decodeEJSON(row.body) as Doc)
      coll.load(docs)
    }
  }

  get sequence(): number {
    return this.seq
  }

  names(): string[] {
    return [...this.collections.keys()]
  }

  has(name: string): boolean {
    return this.collections.has(name)
  }

  collection(name: unknown): Collection {
    if (typeof name !== 'string' || !name) throw errors.invalidParam('collectionName is required')
    const coll = this.collections.get(name)
    if (!coll) throw errors.collectionNotExist(name)
    return coll
  }

  createCollection(name: string, indexes: readonly IndexDecl[] = []): void {
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) throw errors.invalidParam(`invalid collection name: ${name}`)
    if (this.collections.has(name)) throw errors.collectionExists(name)
    this.backend.addCollection(name)
    this.collections.set(name, new Collection(name, indexes))
  }

  // --- reads ---------------------------------------------------------------------------------------

  get(collection: string, id: string): Doc | undefined {
    return this.collection(collection).docs.get(id)
  }

  find(collection: string, filter: CompiledFilter | unknown, options: FindOptions = {}, explain?: Explain): Doc[] {
    return findDocs(this.collection(collection), asFilter(filter), options, explain)
  }

  count(collection: string, filter: CompiledFilter | unknown): number {
    return countDocs(this.collection(collection), asFilter(filter))
  }

  aggregate(collection: string, pipeline: Stage[]): unknown[] {
    return aggregateDocs(this.collection(collection), pipeline, (name) => {
      const coll = this.collections.get(name)
      return coll ? [...coll.docs.values()].map((d) => clone(d)) : []
    })
  }

  /** The fields a projection keeps (new objects; nested values may be shared with `docs`). */
  project(docs: Doc[], projection: Record<string, unknown>): Array<Record<string, unknown>> {
    try {
      return newQuery({}).find(docs, projection).all() as Array<Record<string, unknown>>
    } catch (e) {
      throw errors.invalidParam(`invalid projection: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  /** The version (last write sequence) of a document, 0 if it was never written. */
  versionOf(collection: string, id: string): number {
    return this.collection(collection).versions.get(id) ?? 0
  }

  /** The document as it was when the sequence stood at `seq` (for a transaction's snapshot). */
  getAsOf(collection: string, id: string, seq: number): Doc | undefined {
    if (this.versionOf(collection, id) <= seq) return this.get(collection, id)
    const past = this.history.get(key(collection, id)) ?? []
    const state = past.find((p) => p.until > seq)
    return state?.doc
  }

  // --- writes --------------------------------------------------------------------------------------

  insert(collection: string, docs: Array<Record<string, unknown>>): string[] {
    const coll = this.collection(collection)
    const changes: Change[] = docs.map((doc) => {
      if (!isPlainObject(doc)) throw errors.invalidParam('a document must be an object')
      const id = doc._id === undefined ? newId() : normalizeId(doc._id)
      if (coll.docs.has(id)) throw errors.duplicateKey(collection, '_id_', { _id: id })
      return { collection, id, after: { ...doc, _id: id } }
    })
    this.commit(changes)
    return changes.map((c) => c.id)
  }

  update(
    collection: string,
    filter: CompiledFilter | unknown,
    data: Record<string, unknown>,
    options: UpdateOptions & { returnDoc?: boolean } = {}
  ): UpdateResult {
    const coll = this.collection(collection)
    const compiled = asFilter(filter)
    const modifier = options.replace ? null : toModifier(data)
    const targets = findDocs(coll, compiled, options.multi ? {} : { limit: 1 })
    const changes: Change[] = []
    for (const doc of targets) {
      const after = modifier ? applyModifier(doc, modifier) : replacement(doc._id, data)
      if (encodeEJSON(after) !== encodeEJSON(doc)) changes.push({ collection, id: doc._id, after })
    }
    if (targets.length === 0 && options.upsert) {
      const seed = upsertSeed(compiled.raw)
      const id = seed._id === undefined ? newId() : normalizeId(seed._id)
      const after = modifier ? applyModifier({ ...seed, _id: id } as Doc, modifier, true) : replacement(id, data)
      this.commit([{ collection, id, after }])
      return { matched: 0, modified: 0, upsertedId: id, doc: after }
    }
    this.commit(changes)
    const first = targets[0] ? coll.docs.get(targets[0]._id) : undefined
    return { matched: targets.length, modified: changes.length, doc: options.returnDoc ? first : undefined }
  }

  remove(collection: string, filter: CompiledFilter | unknown, multi = true): number {
    const targets = findDocs(this.collection(collection), asFilter(filter), multi ? {} : { limit: 1 })
    this.commit(targets.map((doc) => ({ collection, id: doc._id, after: undefined })))
    return targets.length
  }

  clear(collection?: string): void {
    const colls = collection === undefined ? [...this.collections.values()] : [this.collection(collection)]
    const seq = ++this.seq
    for (const coll of colls) {
      for (const id of coll.docs.keys()) coll.versions.set(id, seq)
      coll.clear()
    }
    this.backend.clear(collection)
  }

  /**
   * Applies changes all-or-nothing: to memory first (checking unique indexes, undone on any failure),
   * then to SQLite in one transaction (memory undone if that fails), then stamps the new versions.
   */
  commit(changes: Change[]): void {
    if (changes.length === 0) return
    const undo: Array<() => void> = []
    const seq = this.seq + 1
    const snapshot = this.oldestSnapshot()
    try {
      const stored = changes.map((change) => {
        const coll = this.collection(change.collection)
        const before = change.after ? putChecked(coll, change.after) : coll.delete(change.id)
        undo.push(() => (before ? coll.put(before) : coll.delete(change.id)))
        if (snapshot !== undefined && snapshot < seq) this.remember(change.collection, change.id, before, seq)
        return { collection: change.collection, id: change.id, body: change.after ? encodeEJSON(change.after) : null }
      })
      this.backend.apply(stored)
    } catch (e) {
      for (const u of undo.reverse()) u()
      throw e
    }
    this.seq = seq
    for (const change of changes) this.collection(change.collection).versions.set(change.id, seq)
  }

  private remember(collection: string, id: string, doc: Doc | undefined, until: number): void {
    const k = key(collection, id)
    const past = this.history.get(k) ?? []
    if (!past.some((p) => p.until === until)) past.push({ until, doc })
    this.history.set(k, past)
  }

  /** Drops past states no open transaction can read any more. */
  pruneHistory(): void {
    const oldest = this.oldestSnapshot()
    if (oldest === undefined) {
      this.history.clear()
      return
    }
    for (const [k, past] of this.history) {
      const kept = past.filter((p) => p.until > oldest)
      if (kept.length) this.history.set(k, kept)
      else this.history.delete(k)
    }
  }
}

function putChecked(coll: Collection, doc: Doc): Doc | undefined {
  coll.checkUnique(doc)
  return coll.put(doc)
}

function asFilter(filter: CompiledFilter | unknown): CompiledFilter {
  return isCompiled(filter) ? filter : compileFilter(filter)
}

const isCompiled = (f: unknown): f is CompiledFilter =>
  isPlainObject(f) && 'query' in f && 'conditions' in f && 'raw' in f && f.conditions instanceof Map

/** An update's data as operators: a plain object merges its fields as $set. */
export function toModifier(data: Record<string, unknown>): Modifier {
  if (!isPlainObject(data)) throw errors.invalidParam('update data must be an object')
  return validateModifier(isOperatorUpdate(data) ? data : { $set: data })
}

/** The fields an upsert starts from: the equality conditions of its query. */
function upsertSeed(filter: Record<string, unknown>): Record<string, unknown> {
  const seed: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$') || k.includes('.')) continue
    if (isPlainObject(v) && Object.keys(v).some((op) => op.startsWith('$'))) {
      if ('$eq' in v) seed[k] = v.$eq
      continue
    }
    seed[k] = v
  }
  return seed
}
