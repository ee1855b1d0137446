// Server secrets: from the environment when set, otherwise generated once and kept in `appSecrets`
// (ADMINONLY), never a constant in code. The first instance to need one creates it in a transaction,
// so every instance ends up with the same value.
import { randomBytes } from 'node:crypto'
import { coll, getDoc, inTransaction } from './db'
import { ID_KEY_ENV } from './ids'

interface SecretDoc {
  _id: string
  value: string
  createdAt: Date
}

/** What each secret is for, with the environment variable that overrides the stored value. */
export const SECRETS = {
  /** The check-in token's HMAC key. */
  checkin: 'CHECKIN_SECRET',
  /** The ID-card number's keyed hash. */
  idcard: 'IDCARD_HASH_KEY',
  /** The keyed hash behind opaque document ids (infra/ids.ts). */
  ids: ID_KEY_ENV
} as const

export type SecretName = keyof typeof SECRETS

async function loadOrCreate(name: SecretName): Promise<string> {
  const stored = await getDoc<SecretDoc>('appSecrets', name)
  if (stored?.value) return stored.value
  return inTransaction(async (tx) => {
    const again = await getDoc<SecretDoc>('appSecrets', name, tx)
    if (again?.value) return again.value
    const value = randomBytes(32).toString('base64url')
    await coll('appSecrets', tx)
      .doc(name)
      .set({ data: { value, createdAt: new Date() } })
    return value
  })
}

/** Read on every use (one document read): a cached copy could outlive the stored one. */
export function appSecret(name: SecretName): Promise<string> {
  const fromEnv = process.env[SECRETS[name]]
  return fromEnv ? Promise.resolve(fromEnv) : loadOrCreate(name)
}
