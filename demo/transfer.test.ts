// `npm run export` / `npm run import` round-trip the demo district exactly: every document of every
// collection (dates, geo points, nested histories) and every storage file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportData, importData, LocalStorage, Store } from '../local-cloud'
import { productCloud } from './cloud'
import { seedDemo } from './index'

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'demo-transfer-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const open = (name: string) => {
  const dir = join(root, name)
  return {
    store: new Store(dir, { collections: productCloud.database.collections }),
    storage: new LocalStorage(dir, 'local-dev', () => '')
  }
}

test('the demo district survives export and import, document for document and file for file', async () => {
  const source = open('source')
  await seedDemo(source.store, new Date('2026-11-22T08:00:00Z'), { write: (path, data) => source.storage.write(path, data) })
  const manifest = exportData(source.store, source.storage, join(root, 'export'))
  expect(manifest.collections.users).toBeGreaterThan(100)
  expect(manifest.files.length).toBeGreaterThan(0)

  const target = open('target')
  importData(target.store, target.storage, join(root, 'export'))
  expect(target.store.collections().sort()).toEqual(source.store.collections().sort())
  let documents = 0
  for (const name of source.store.collections()) {
    const expected = source.store.find(name, {}, { sort: { _id: 1 } })
    expect({ name, docs: target.store.find(name, {}, { sort: { _id: 1 } }) }).toEqual({ name, docs: expected })
    documents += expected.length
  }
  expect(documents).toBe(Object.values(manifest.collections).reduce((a, b) => a + b, 0))
  expect(target.storage.list()).toEqual(source.storage.list())
  for (const path of source.storage.list()) expect(target.storage.read(path)).toEqual(source.storage.read(path))
  // Types, not just shapes: a date is still a Date after the trip.
  const wish = target.store.find('wishes', {}, { limit: 1 })[0]
  expect(wish.createdAt).toBeInstanceOf(Date)
  source.store.close()
  target.store.close()
})
