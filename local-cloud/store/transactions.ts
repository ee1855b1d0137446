// Transactions: snapshot reads, buffered writes, validation at commit (first committer wins).
//
// A transaction reads the database as it stood when it began (plus its own buffered writes) and buffers
// its writes. At commit, if any document it read or wrote has been changed by anyone since it began, it
// fails with DATABASE_TRANSACTION_CONFLICT and is discarded; otherwise its writes are applied
// all-or-nothing. Conflicts are reported at commit rather than at the read or write that meets them
// because wx-server-sdk drops the error code of operations made inside a runTransaction callback (only a
// failed commit keeps `code`, which is what runTransaction retries on).
import { randomBytes } from 'node:crypto'
import { errors } from '../errors'
import { type Change, type DocumentDb, type UpdateOptions, newId, normalizeId, toModifier } from './database'
import { applyModifier, replacement } from './update'
import { clone, isPlainObject, type Doc } from './values'

interface Tx {
  id: string
  snapshot: number
  lastActive: number
  reads: Set<string>
  writes: Map<string, Change>
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`
const splitKey = (k: string) => k.split('\u0000') as [string, string]

const ENDED_MEMORY = 10_000

export class TransactionManager {
  private readonly open = new Map<string, Tx>()
  /** Recently ended transactions and how: a late call gets a clear answer. */
  private readonly ended = new Map<string, 'committed' | 'aborted'>()
  private readonly sweeper: NodeJS.Timeout

  constructor(
    private readonly db: DocumentDb,
    private readonly idleMs = 30_000
  ) {
    db.oldestSnapshot = () => this.oldestSnapshot()
    this.sweeper = setInterval(() => this.sweep(), Math.min(5_000, idleMs)).unref()
  }

  private oldestSnapshot(): number | undefined {
    let oldest: number | undefined
    for (const tx of this.open.values()) if (oldest === undefined || tx.snapshot < oldest) oldest = tx.snapshot
    return oldest
  }

  get openCount(): number {
    return this.open.size
  }

  begin(): string {
    const id = randomBytes(12).toString('hex')
    this.open.set(id, { id, snapshot: this.db.sequence, lastActive: Date.now(), reads: new Set(), writes: new Map() })
    return id
  }

  private tx(id: unknown): Tx {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined
    if (tx) {
      tx.lastActive = Date.now()
      return tx
    }
    const how = typeof id === 'string' ? this.ended.get(id) : undefined
    if (how === 'aborted') throw errors.conflict('the transaction was aborted (conflict or idle for more than 30 s); start a new one')
    if (how === 'committed') throw errors.invalidParam('the transaction has already been committed')
    throw errors.invalidParam('unknown transactionId')
  }

  private end(tx: Tx, how: 'committed' | 'aborted'): void {
    this.open.delete(tx.id)
    this.ended.set(tx.id, how)
    if (this.ended.size > ENDED_MEMORY) this.ended.delete(this.ended.keys().next().value as string)
    this.db.pruneHistory()
  }

  /** The document as this transaction sees it. */
  private view(tx: Tx, collection: string, id: string): Doc | undefined {
    this.db.collection(collection)
    const k = key(collection, id)
    const own = tx.writes.get(k)
    if (own) return own.after
    tx.reads.add(k)
    return this.db.getAsOf(collection, id, tx.snapshot)
  }

  private write(tx: Tx, collection: string, id: string, after: Doc | undefined): void {
    tx.writes.set(key(collection, id), { collection, id, after })
  }

  get(txId: unknown, collection: string, id: string): Doc | undefined {
    return this.view(this.tx(txId), collection, id)
  }

  insert(txId: unknown, collection: string, docs: Array<Record<string, unknown>>): string[] {
    const tx = this.tx(txId)
    return docs.map((doc) => {
      if (!isPlainObject(doc)) throw errors.invalidParam('a document must be an object')
      const id = doc._id === undefined ? newId() : normalizeId(doc._id)
      if (this.view(tx, collection, id)) throw errors.duplicateKey(collection, '_id_', { _id: id })
      this.write(tx, collection, id, { ...clone(doc), _id: id })
      return id
    })
  }

  /** doc(id).update() / doc(id).set() inside the transaction. */
  update(
    txId: unknown,
    collection: string,
    id: string,
    data: Record<string, unknown>,
    options: UpdateOptions
  ): { updated: number; upsertedId?: string } {
    const tx = this.tx(txId)
    const current = this.view(tx, collection, id)
    const build = (base: Doc, inserting: boolean) =>
      options.replace ? replacement(id, data) : applyModifier(base, toModifier(data), inserting)
    if (!current) {
      if (!options.upsert) return { updated: 0 }
      this.write(tx, collection, id, build({ _id: id }, true))
      return { updated: 0, upsertedId: id }
    }
    this.write(tx, collection, id, build(current, false))
    return { updated: 1 }
  }

  remove(txId: unknown, collection: string, id: string): number {
    const tx = this.tx(txId)
    if (!this.view(tx, collection, id)) return 0
    this.write(tx, collection, id, undefined)
    return 1
  }

  commit(txId: unknown): void {
    const tx = this.tx(txId)
    try {
      if (tx.writes.size > 0) {
        for (const k of new Set([...tx.reads, ...tx.writes.keys()])) {
          const [collection, id] = splitKey(k)
          if (this.db.versionOf(collection, id) > tx.snapshot) {
            throw errors.conflict(`${collection}/${id} was changed by another write after this transaction began; retry the transaction`)
          }
        }
        this.db.commit([...tx.writes.values()])
      }
      this.end(tx, 'committed')
    } catch (e) {
      this.end(tx, 'aborted')
      throw e
    }
  }

  /** Idempotent: aborting an unknown or finished transaction is not an error. */
  abort(txId: unknown): void {
    const tx = typeof txId === 'string' ? this.open.get(txId) : undefined
    if (tx) this.end(tx, 'aborted')
  }

  sweep(now = Date.now()): void {
    for (const tx of [...this.open.values()]) if (now - tx.lastActive > this.idleMs) this.end(tx, 'aborted')
  }

  close(): void {
    clearInterval(this.sweeper)
    for (const tx of [...this.open.values()]) this.end(tx, 'aborted')
  }
}
