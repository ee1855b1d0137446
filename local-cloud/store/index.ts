// Store: synchronous access to the local cloud's documents, for seeding, tools and test assertions. It is
// the same in-memory state the protocol serves, so writes here are durable and visible to functions at
// once. Documents go in and come out as plain JS objects (real Dates, GeoJSON points), always copied.
import { join } from 'node:path'
import type { IndexDecl } from './collection'
import { DocumentDb } from './database'
import { SqliteBackend } from './sqlite'
import { TransactionManager } from './transactions'
import { clone, toSortSpec, type Doc } from './values'

export type { Doc } from './values'

export interface StoreFindOptions {
  sort?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

type AnyDoc = Record<string, unknown>

export type { IndexDecl, IndexKey } from './collection'

/** The collections a project declares, with their indexes (extra fields, e.g. security rules, are ignored). */
export interface DatabaseDeclaration {
  collections: Record<string, { indexes: readonly IndexDecl[] }>
}

export interface StoreOptions {
  /** Collections created (with their indexes) when missing; collections found in the data folder are kept. */
  collections?: DatabaseDeclaration['collections']
  /** Idle time after which an open transaction is aborted. */
  transactionIdleMs?: number
}

export class Store {
  readonly db: DocumentDb
  readonly transactions: TransactionManager
  private readonly backend: SqliteBackend

  constructor(dataDir: string, options: StoreOptions = {}) {
    this.backend = new SqliteBackend(join(dataDir, 'cloud.sqlite'))
    this.db = new DocumentDb(this.backend, options.collections ?? {})
    this.transactions = new TransactionManager(this.db, options.transactionIdleMs)
  }

  /** Inserts one or many documents (an _id is generated when missing); returns their ids. */
  insert(collection: string, docs: AnyDoc | AnyDoc[]): string[] {
    const list = Array.isArray(docs) ? docs : [docs]
    return this.db.insert(collection, clone(list))
  }

  get(collection: string, id: string): Doc | null {
    const doc = this.db.get(collection, id)
    return doc ? clone(doc) : null
  }

  find(collection: string, filter: AnyDoc = {}, options: StoreFindOptions = {}): Doc[] {
    const docs = this.db.find(collection, clone(filter), { sort: toSortSpec(options.sort), skip: options.skip, limit: options.limit })
    if (!options.projection) return clone(docs)
    return clone(this.db.project(docs, options.projection)) as Doc[]
  }

  count(collection: string, filter: AnyDoc = {}): number {
    return this.db.count(collection, clone(filter))
  }

  /** A MongoDB update (operators, or a plain object merged as $set); returns how many documents changed. */
  update(collection: string, filter: AnyDoc, update: AnyDoc, options: { multi?: boolean; upsert?: boolean } = {}): number {
    const result = this.db.update(collection, clone(filter), clone(update), options)
    return result.modified + (result.upsertedId ? 1 : 0)
  }

  remove(collection: string, filter: AnyDoc): number {
    return this.db.remove(collection, clone(filter), true)
  }

  aggregate(collection: string, pipeline: AnyDoc[]): AnyDoc[] {
    return clone(this.db.aggregate(collection, clone(pipeline))) as AnyDoc[]
  }

  /** Removes every document of one collection, or of all collections. */
  clear(collection?: string): void {
    this.db.clear(collection)
  }

  /** Creates an empty collection (without indexes unless declared) when it does not exist yet. */
  createCollection(name: string): void {
    if (!this.db.has(name)) this.db.createCollection(name)
  }

  collections(): string[] {
    return this.db.names()
  }

  close(): void {
    this.transactions.close()
    this.backend.close()
  }
}
