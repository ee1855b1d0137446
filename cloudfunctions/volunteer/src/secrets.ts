// Server secrets: from the environment when set, otherwise generated once and kept in `appSecrets`
// (ADMINONLY), never a constant in code. The first instance to need one creates it in a transaction,
// so every instance ends up with the same value.
import { randomBytes } from 'node:crypto'
import { coll, getDoc, inTransaction } from '../../_shared/infra/db'

interface SecretDoc {
  _id: string
  value: string
  createdAt: Date
}

async function loadOrCreate(name: string): Promise<string> {
  const stored = await getDoc<SecretDoc>('appSecrets', name)
  if (stored?.value) return stored.value
  return inTransaction(async (tx) => {
    const again = await getDoc<SecretDoc>('appSecrets', name, tx)
    if (again?.value) return again.value
    const value = randomBytes(32).toString('base64url')
    await coll('appSecrets', tx).doc(name).set({ data: { value, createdAt: new Date() } })
    return value
  })
}

/** Read on every use (one document read): a cached copy could outlive the stored one. */
export function appSecret(name: 'checkin' | 'idcard', envVar: string): Promise<string> {
  const fromEnv = process.env[envVar]
  return fromEnv ? Promise.resolve(fromEnv) : loadOrCreate(name)
}

export const checkinSecret = () => appSecret('checkin', 'CHECKIN_SECRET')
export const idCardKey = () => appSecret('idcard', 'IDCARD_HASH_KEY')
