// One collection in memory: documents by _id, its secondary and geo indexes, and each document's version.
import { errors } from '../errors'
import { GeoIndex } from './geo'
import { SortedIndex, type IndexSpec } from './indexes'
import type { Doc } from './values'

export type IndexKey = 1 | -1 | '2dsphere'
export interface IndexDecl {
  keys: Record<string, IndexKey>
  unique?: boolean
}

export class Collection {
  readonly docs = new Map<string, Doc>()
  readonly indexes: SortedIndex[] = []
  readonly geo = new Map<string, GeoIndex>()
  /** The write sequence that last changed each _id (deletions included), for transaction validation. */
  readonly versions = new Map<string, number>()

  constructor(
    readonly name: string,
    decls: readonly IndexDecl[] = []
  ) {
    for (const decl of decls) this.declare(decl)
  }

  private declare(decl: IndexDecl): void {
    const entries = Object.entries(decl.keys)
    const geoKey = entries.find(([, k]) => k === '2dsphere')
    if (geoKey) {
      this.geo.set(geoKey[0], new GeoIndex(geoKey[0]))
      return
    }
    const spec: IndexSpec = {
      name: entries.map(([k, d]) => `${k}_${d}`).join('_'),
      keys: entries.map(([k, d]) => [k, d === -1 ? -1 : 1]),
      unique: Boolean(decl.unique)
    }
    this.indexes.push(new SortedIndex(spec))
  }

  load(docs: Doc[]): void {
    for (const doc of docs) this.docs.set(doc._id, doc)
    for (const index of this.indexes) index.load(docs)
    for (const geo of this.geo.values()) geo.load(docs)
  }

  /** Throws a duplicate key error if `doc` would break a unique index. */
  checkUnique(doc: Doc): void {
    for (const index of this.indexes) {
      if (!index.spec.unique) continue
      if (index.duplicateOf(doc) !== null) {
        const key = Object.fromEntries(index.keys.map(([p]) => [p, doc[p] ?? null]))
        throw errors.duplicateKey(this.name, index.spec.name, key)
      }
    }
  }

  /** Inserts or replaces; returns the previous document. */
  put(doc: Doc): Doc | undefined {
    const before = this.docs.get(doc._id)
    if (before) this.unindex(before._id)
    this.docs.set(doc._id, doc)
    for (const index of this.indexes) index.add(doc)
    for (const geo of this.geo.values()) geo.add(doc)
    return before
  }

  delete(id: string): Doc | undefined {
    const before = this.docs.get(id)
    if (!before) return undefined
    this.unindex(id)
    this.docs.delete(id)
    return before
  }

  private unindex(id: string): void {
    for (const index of this.indexes) index.remove(id)
    for (const geo of this.geo.values()) geo.remove(id)
  }

  clear(): void {
    this.docs.clear()
    for (const index of this.indexes) index.clear()
    for (const geo of this.geo.values()) geo.clear()
  }
}
