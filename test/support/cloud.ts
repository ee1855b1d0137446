// Test harness: a local cloud per test file, on a random port with a fresh data folder, started in
// beforeAll and stopped in afterAll. It runs the product as demo/cloud.ts wires it (database declaration,
// built functions, gateway answers); the `functions` jest project builds the functions in its globalSetup.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Envelope } from '../../types'
import { productCloud } from '../../demo/cloud'
import { provideIdKey } from '../../demo/ids'
import { ID_KEY_ENV, setIdKey } from '../../cloudfunctions/_shared/infra/ids'
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud'
import type { Store } from '../../local-cloud/store'

export interface UseLocalCloudOptions {
  /** Fills the database before the tests run. */
  seed?: (store: Store) => void | Promise<void>
  instancesPerFunction?: number
  /** Functions to run instead of <repo>/cloudfunctions (fixtures). */
  functionsDir?: string
  /**
   * How the functions get their id key: by environment (the default, so a test that clears the store keeps
   * its ids), or kept in `appSecrets` as in a deployment without ID_HASH_KEY (written before the seed; the
   * store must then not be cleared).
   */
  idKey?: 'env' | 'stored'
  /** Passed on to startLocalCloud (timers stay off unless asked for). */
  options?: Partial<LocalCloudOptions>
}

export interface LocalCloudHandle {
  readonly cloud: LocalCloud

  call<T = any>(fn: string, action: string, data?: unknown, openid?: string): Promise<Envelope<T>>
}

export function useLocalCloud(opts: UseLocalCloudOptions = {}): LocalCloudHandle {
  let cloud: LocalCloud | undefined
  let dataDir: string | undefined
  // Set now, so the file's tests build the ids the functions build (enrollmentIdFor, …) from the start.
  const idKey = randomBytes(32).toString('base64url')
  if (opts.idKey === 'stored') delete process.env[ID_KEY_ENV]
  else process.env[ID_KEY_ENV] = idKey
  setIdKey(idKey)

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-'))
    cloud = await startLocalCloud({
      ...productCloud,
      port: 0,
      dataDir,
      quiet: true,
      timers: false,
      instancesPerFunction: opts.instancesPerFunction,
      functionsDir: opts.functionsDir ?? productCloud.functionsDir,
      ...opts.options
    })
    provideIdKey(cloud.store, () => idKey)
    if (opts.seed) await opts.seed(cloud.store)
  }, 60_000)

  afterAll(async () => {
    await cloud?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }, 30_000)

  const started = () => {
    if (!cloud) throw new Error('the local cloud is not started yet: use it inside a test or a beforeAll/beforeEach')
    return cloud
  }

  return {
    get cloud() {
      return started()
    },
    call: (fn, action, data, openid) => started().call(fn, action, data, openid)
  }
}
