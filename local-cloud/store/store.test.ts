import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Store } from './index'

const collections = {
  accounts: { indexes: [{ keys: { owner: 1 as const } }] },
  people: { indexes: [{ keys: { no: 1 as const }, unique: true }] }
}

let dir: string
let store: Store
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-'))
  store = new Store(dir, { collections, transactionIdleMs: 1000 })
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('Store', () => {
  test('documents come back as copies with real Dates and survive a reopen', () => {
    const at = new Date('2026-11-22T08:00:00Z')
    const [id] = store.insert('accounts', { owner: 'o1', at, loc: { type: 'Point', coordinates: [1, 2] } })
    const doc = store.get('accounts', id)!
    expect(doc.at).toEqual(at)
    ;(doc as Record<string, unknown>).owner = 'changed'
    expect(store.get('accounts', id)!.owner).toBe('o1')
    store.close()
    store = new Store(dir, { collections })
    expect(store.get('accounts', id)).toEqual({ _id: id, owner: 'o1', at, loc: { type: 'Point', coordinates: [1, 2] } })
  })

  test('update counts changed documents; upsert creates; remove and clear', () => {
    store.insert('accounts', [
      { _id: 'a', owner: 'o1', n: 1 },
      { _id: 'b', owner: 'o1', n: 1 }
    ])
    expect(store.update('accounts', { owner: 'o1' }, { $inc: { n: 1 } }, { multi: true })).toBe(2)
    expect(store.update('accounts', { _id: 'a' }, { $set: { n: 2 } })).toBe(0)
    expect(store.update('accounts', { _id: 'z' }, { $set: { n: 5 } }, { upsert: true })).toBe(1)
    expect(store.get('accounts', 'z')).toEqual({ _id: 'z', n: 5 })
    expect(store.remove('accounts', { owner: 'o1' })).toBe(2)
    expect(store.count('accounts')).toBe(1)
    store.clear()
    expect(store.count('accounts')).toBe(0)
  })

  test('$$NOW in an $expr is the time of the query', () => {
    store.insert('accounts', [
      { _id: 'past', at: new Date(Date.now() - 60_000) },
      { _id: 'future', at: new Date(Date.now() + 60_000) }
    ])
    expect(store.find('accounts', { $expr: { $lt: ['$at', '$$NOW'] } }).map((d) => d._id)).toEqual(['past'])
  })

  test('unique indexes and duplicate _ids are refused, all-or-nothing', () => {
    store.insert('people', { _id: 'p1', no: 'V1' })
    expect(() =>
      store.insert('people', [
        { _id: 'p2', no: 'V2' },
        { _id: 'p3', no: 'V1' }
      ])
    ).toThrow(/E11000/)
    expect(store.get('people', 'p2')).toBeNull()
    expect(() => store.insert('people', { _id: 'p1', no: 'V9' })).toThrow(/E11000/)
    expect(() => store.insert('nope', { a: 1 })).toThrow(/DATABASE_COLLECTION_NOT_EXIST/)
  })
})

describe('transactions', () => {
  const tx = () => store.transactions

  test('read their snapshot and their own writes; commit applies all writes', () => {
    store.insert('accounts', { _id: 'a', balance: 10 })
    const t = tx().begin()
    store.update('accounts', { _id: 'a' }, { $set: { balance: 99 } })
    expect(tx().get(t, 'accounts', 'a')?.balance).toBe(10)
    tx().abort(t)

    const u = tx().begin()
    tx().update(u, 'accounts', 'a', { $inc: { balance: -5 } }, {})
    tx().insert(u, 'accounts', [{ _id: 'b', balance: 5 }])
    expect(tx().get(u, 'accounts', 'a')?.balance).toBe(94)
    expect(store.get('accounts', 'b')).toBeNull()
    tx().commit(u)
    expect(store.get('accounts', 'a')?.balance).toBe(94)
    expect(store.get('accounts', 'b')?.balance).toBe(5)
  })

  test('two transactions writing the same document never both commit', () => {
    store.insert('accounts', { _id: 'a', balance: 10 })
    const t1 = tx().begin()
    const t2 = tx().begin()
    tx().update(t1, 'accounts', 'a', { $inc: { balance: 1 } }, {})
    tx().update(t2, 'accounts', 'a', { $inc: { balance: 2 } }, {})
    tx().commit(t1)
    expect(() => tx().commit(t2)).toThrow(/DATABASE_TRANSACTION_CONFLICT/)
    expect(store.get('accounts', 'a')?.balance).toBe(11)
    expect(() => tx().commit(t2)).toThrow(/DATABASE_TRANSACTION_CONFLICT/)
  })

  test('a write outside any transaction makes a transaction that read the document fail at commit (no write skew)', () => {
    store.insert('accounts', [
      { _id: 'a', balance: 10 },
      { _id: 'b', balance: 10 }
    ])
    const t = tx().begin()
    tx().get(t, 'accounts', 'b')
    tx().update(t, 'accounts', 'a', { $inc: { balance: -10 } }, {})
    store.update('accounts', { _id: 'b' }, { $inc: { balance: -10 } })
    expect(() => tx().commit(t)).toThrow(/DATABASE_TRANSACTION_CONFLICT/)
    expect(store.get('accounts', 'a')?.balance).toBe(10)
  })

  test('a rolled back transaction leaves nothing; idle transactions expire', () => {
    const t = tx().begin()
    tx().insert(t, 'accounts', [{ _id: 'x' }])
    tx().abort(t)
    tx().abort(t)
    expect(store.get('accounts', 'x')).toBeNull()
    const idle = tx().begin()
    tx().sweep(Date.now() + 5000)
    expect(() => tx().get(idle, 'accounts', 'x')).toThrow(/DATABASE_TRANSACTION_CONFLICT/)
    expect(() => tx().get('never-issued', 'accounts', 'x')).toThrow(/INVALID_PARAM/)
  })

  test('a unique index violation at commit fails the commit and applies nothing', () => {
    store.insert('people', { _id: 'p1', no: 'V1' })
    const t = tx().begin()
    tx().insert(t, 'people', [
      { _id: 'p2', no: 'V2' },
      { _id: 'p3', no: 'V1' }
    ])
    expect(() => tx().commit(t)).toThrow(/E11000/)
    expect(store.count('people')).toBe(1)
  })
})
