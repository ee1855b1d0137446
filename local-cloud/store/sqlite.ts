// Durable storage: every document as EJSON text in one SQLite table, written synchronously in a single
// SQLite transaction per logical write before the write is acknowledged. WAL with synchronous=NORMAL
// survives the process being killed (only a power loss can drop the last commits).
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export interface StoredChange {
  collection: string
  id: string
  /** The document as EJSON text, or null to delete it. */
  body: string | null
}

export class SqliteBackend {
  private readonly db: Database.Database
  private readonly upsertDoc: Database.Statement
  private readonly deleteDoc: Database.Statement
  private readonly applyAll: (changes: StoredChange[]) => void

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS docs (
        coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id)
      ) WITHOUT ROWID;
    `)
    this.upsertDoc = this.db.prepare(
      'INSERT INTO docs (coll, id, body) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body'
    )
    this.deleteDoc = this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?')
    this.applyAll = this.db.transaction((changes: StoredChange[]) => {
      for (const c of changes) {
        if (c.body === null) this.deleteDoc.run(c.collection, c.id)
        else this.upsertDoc.run(c.collection, c.id, c.body)
      }
    })
  }

  collections(): string[] {
    return (this.db.prepare('SELECT name FROM collections').all() as Array<{ name: string }>).map((r) => r.name)
  }

  addCollection(name: string): void {
    this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)').run(name)
  }

  *documents(collection: string): Generator<{ id: string; body: string }> {
    yield* this.db.prepare('SELECT id, body FROM docs WHERE coll = ?').iterate(collection) as Iterable<{ id: string; body: string }>
  }

  apply(changes: StoredChange[]): void {
    if (changes.length) this.applyAll(changes)
  }

  clear(collection?: string): void {
    if (collection === undefined) this.db.prepare('DELETE FROM docs').run()
    else this.db.prepare('DELETE FROM docs WHERE coll = ?').run(collection)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
