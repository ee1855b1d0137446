// Export and import of a local cloud's data, as the Firebase emulators' `--export-on-exit` / `--import`:
// every collection as JSON lines (one document a line, relaxed EJSON, so dates stay dates), the storage
// files alongside, and a manifest. Each collection's file is in the cloud database's own import format
// (JSON lines, dates as { "$date": … }), so the same export can seed a real environment.
//
//   <dir>/manifest.json              { format, version, envId, fileIdPrefix, collections: { name: count }, files }
//   <dir>/collections/<name>.jsonl   the documents
//   <dir>/storage/<cloud path>       the files
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { decodeEJSON, encodeEJSON } from './ejson'
import type { LocalStorage } from './storage'
import type { Store } from './store'
import type { Doc } from './store/values'

export const EXPORT_FORMAT = 'local-cloud-export'
const MANIFEST = 'manifest.json'

export interface ExportManifest {
  format: typeof EXPORT_FORMAT
  version: 1
  /** The environment the data was exported from. */
  envId: string
  /** `cloud://<env>.<bucket>/` of the exported storage: file IDs in documents start with it. */
  fileIdPrefix: string
  /** Every collection (empty ones too) with its document count. */
  collections: Record<string, number>
  /** Cloud paths of the storage files, sorted. */
  files: string[]
}

/** Where an export's parts are: `path` is its folder or the folder's manifest.json. */
export function exportLayout(path: string) {
  const dir = resolve(basename(path) === MANIFEST ? dirname(path) : path)
  return {
    dir,
    manifest: join(dir, MANIFEST),
    collection: (name: string) => join(dir, 'collections', `${name}.jsonl`),
    file: (cloudPath: string) => join(dir, 'storage', cloudPath)
  }
}

/** One document a line, relaxed EJSON. */
export const toJsonLines = (docs: Iterable<unknown>): string => [...docs].map((d) => encodeEJSON(d) + '\n').join('')

export function* fromJsonLines(text: string): Generator<Doc> {
  for (const line of text.split('\n')) if (line.trim()) yield decodeEJSON(line) as Doc
}

/** Writes every collection and storage file to `path` (a folder, emptied first). */
export function exportData(store: Store, storage: LocalStorage, path: string): ExportManifest {
  const at = exportLayout(path)
  rmSync(at.dir, { recursive: true, force: true })
  mkdirSync(join(at.dir, 'collections'), { recursive: true })
  const collections: Record<string, number> = {}
  for (const name of store.collections().sort()) {
    const docs = store.find(name, {}, { sort: { _id: 1 } })
    writeFileSync(at.collection(name), toJsonLines(docs))
    collections[name] = docs.length
  }
  const files = storage.list()
  for (const cloudPath of files) {
    const target = at.file(cloudPath)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, storage.read(cloudPath)!)
  }
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    version: 1,
    envId: storage.envId,
    fileIdPrefix: storage.fileId('_').slice(0, -1),
    collections,
    files
  }
  writeFileSync(at.manifest, JSON.stringify(manifest, null, 2) + '\n')
  return manifest
}

/** The manifest of an export, checked. */
export function readManifest(path: string): ExportManifest {
  const at = exportLayout(path)
  if (!existsSync(at.manifest)) throw new Error(`${path}: no ${MANIFEST} (not a local cloud export)`)
  const manifest = JSON.parse(readFileSync(at.manifest, 'utf8')) as ExportManifest
  if (manifest.format !== EXPORT_FORMAT || manifest.version !== 1) throw new Error(`${at.manifest}: not a ${EXPORT_FORMAT} version 1`)
  return manifest
}

/** The documents of one collection of an export. */
export function exportedDocuments(path: string, collection: string): Doc[] {
  return [...fromJsonLines(readFileSync(exportLayout(path).collection(collection), 'utf8'))]
}

/**
 * Replaces the store's documents and the storage files by an export's (stop a running cloud first: it
 * keeps its own copy in memory). Collections missing from the store are created.
 */
export function importData(store: Store, storage: LocalStorage, path: string): ExportManifest {
  const manifest = readManifest(path)
  const at = exportLayout(path)
  store.clear()
  storage.clear()
  for (const name of Object.keys(manifest.collections)) {
    store.createCollection(name)
    const docs = exportedDocuments(path, name)
    if (docs.length) store.insert(name, docs)
  }
  for (const cloudPath of manifest.files) storage.write(cloudPath, readFileSync(at.file(cloudPath)))
  return manifest
}
