import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from './cli'
import { LocalStorage } from './storage'
import { Store } from './store'
import { exportData, exportLayout, importData, readManifest } from './transfer'

const collections = {
  places: { indexes: [{ keys: { location: '2dsphere' as const } }] },
  people: { indexes: [{ keys: { no: 1 as const }, unique: true }] },
  empty: { indexes: [] }
}

let root: string
const open = (name: string) => {
  const dir = join(root, name)
  return { store: new Store(dir, { collections }), storage: new LocalStorage(dir, 'local-dev', () => '') }
}
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'transfer-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('export and import', () => {
  test('round-trip every document with its types, empty collections and storage files', () => {
    const a = open('a')
    const at = new Date('2026-11-22T08:00:00.123Z')
    a.store.insert('places', [
      { _id: 'p1', location: { type: 'Point', coordinates: [121.47, 31.23] }, at, tags: ['a', 'b'], n: 1.5 },
      { _id: 'p2', nested: { when: [at, null], deep: { x: -0.25, big: 2 ** 40 } }, pattern: /wish/i, yes: true }
    ])
    a.store.insert('people', { _id: 'u1', no: 'V001', history: [{ at, what: 'joined' }] })
    a.store.createCollection('extra')
    const fileId = a.storage.write('goods/a b/pic.png', Buffer.from([0, 1, 2, 255]))
    a.store.insert('people', { _id: 'u2', no: 'V002', photo: fileId })

    const out = join(root, 'export')
    const manifest = exportData(a.store, a.storage, out)
    expect(manifest.collections).toEqual({ empty: 0, extra: 0, people: 2, places: 2 })
    expect(manifest.files).toEqual(['goods/a b/pic.png'])
    expect(fileId.startsWith(manifest.fileIdPrefix)).toBe(true)
    // The cloud database's import format: one document a line, dates as { "$date": … }.
    const lines = readFileSync(exportLayout(out).collection('people'), 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(JSON.parse(lines[0]).history[0].at).toEqual({ $date: '2026-11-22T08:00:00.123Z' })

    const b = open('b')
    b.store.insert('people', { _id: 'stale', no: 'X' })
    b.storage.write('stale.txt', Buffer.from('x'))
    importData(b.store, b.storage, join(out, 'manifest.json'))
    for (const name of a.store.collections()) {
      expect(b.store.find(name, {}, { sort: { _id: 1 } })).toEqual(a.store.find(name, {}, { sort: { _id: 1 } }))
    }
    expect(b.store.collections().sort()).toEqual(a.store.collections().sort())
    expect(b.store.get('places', 'p1')!.at).toBeInstanceOf(Date)
    expect(b.store.get('places', 'p2')!.pattern).toEqual(/wish/i)
    expect(b.storage.list()).toEqual(['goods/a b/pic.png'])
    expect(b.storage.read('goods/a b/pic.png')).toEqual(Buffer.from([0, 1, 2, 255]))
    // The declared indexes hold after an import: unique still refuses, geo still answers.
    expect(() => b.store.insert('people', { no: 'V001' })).toThrow(/E11000/)
    for (const s of [a, b]) s.store.close()
  })

  test('import refuses a folder that is not an export', () => {
    const a = open('a')
    expect(() => importData(a.store, a.storage, root)).toThrow(/not a local cloud export/)
    expect(() => readManifest(join(root, 'nothing'))).toThrow(/manifest\.json/)
    a.store.close()
  })

  test('the command line exports a data folder and imports it into another', async () => {
    const a = open('a')
    a.store.insert('people', { _id: 'u1', no: 'V001', at: new Date('2026-01-02T03:04:05Z') })
    a.storage.write('x/y.txt', Buffer.from('hello'))
    a.store.close()
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
    const tz = process.env.TZ // runCli sets UTC for its process
    try {
      await runCli(['export', join(root, 'out'), '--data', join(root, 'a')], { database: { collections } })
      await runCli(['import', join(root, 'out'), '--data', join(root, 'b')], { database: { collections } })
      expect(log.mock.calls.map((c) => String(c[0]).replaceAll(root, '<root>'))).toEqual([
        'exported <root>/a to <root>/out: 3 collections, 1 documents, 1 files',
        'imported <root>/out into <root>/b: 3 collections, 1 documents, 1 files'
      ])
    } finally {
      log.mockRestore()
      if (tz === undefined) delete process.env.TZ
      else process.env.TZ = tz
    }
    const b = open('b')
    expect(b.store.get('people', 'u1')).toEqual({ _id: 'u1', no: 'V001', at: new Date('2026-01-02T03:04:05Z') })
    expect(b.storage.read('x/y.txt')!.toString()).toBe('hello')
    b.store.close()
    await expect(runCli(['export', join(root, 'out2'), '--data', join(root, 'none')])).rejects.toThrow(/holds no local cloud data/)
  })
})
