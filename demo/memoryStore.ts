// Test-only: an in-memory SeedStore over plain arrays, so the seed tests can read what seedDemo wrote
// (`data[collection]`) without starting the local cloud. `find` ignores its filter; `update` applies a
// `$set` to the document with the filter's `_id`, as the seeders use it.
import type { SeedStore } from './store'

type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- seed documents of every shape

export function memoryStore(): { store: SeedStore; data: Record<string, Doc[]> } {
  const data: Record<string, Doc[]> = {}
  const store: SeedStore = {
    insert: (c, d) => (data[c] ??= []).push(...((Array.isArray(d) ? d : [d]) as Doc[])),
    get: (c, id) => data[c]?.find((x) => x._id === id) ?? null,
    find: (c) => data[c] ?? [],
    update: (c, filter, update) => {
      const doc = data[c]?.find((x) => x._id === (filter as { _id?: string })._id)
      if (doc) Object.assign(doc, (update as { $set?: Doc }).$set)
      return doc ? 1 : 0
    },
    count: (c) => data[c]?.length ?? 0,
    clear: () => undefined
  }
  return { store, data }
}
