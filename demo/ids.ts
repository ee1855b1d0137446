// The id key (`appSecrets/ids`, cloudfunctions/_shared/infra/secrets.ts) for code that builds ids outside a
// function — the demo seed and the test harness: the environment's key when set, else the stored one, else
// a new one stored where the functions will find it. It is also set for this process's `opaqueId`.
import { randomBytes } from 'node:crypto'
import { ID_KEY_ENV, setIdKey } from '../cloudfunctions/_shared/infra/ids'
import type { SeedStore } from './store'

export function provideIdKey(
  store: Pick<SeedStore, 'get' | 'insert'>,
  make: () => string = () => randomBytes(32).toString('base64url'),
  now: Date = new Date()
): string {
  const stored = store.get('appSecrets', 'ids')?.value
  let key = process.env[ID_KEY_ENV] || (typeof stored === 'string' ? stored : '')
  if (!key) {
    key = make()
    store.insert('appSecrets', [{ _id: 'ids', value: key, createdAt: now }])
  }
  setIdKey(key)
  return key
}
