// What an environment should have, read from the repository: the database declaration
// (config/database.ts), each function's config.json and built code (cloudfunctions/<name>/index.js), the
// mini-program's project.config.json, and an optional local cloud export to import.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { database, type IndexDecl } from '../../config/database'
import { exportLayout, readManifest } from '../../local-cloud/transfer'
import { FUNCTIONS_DIR, functionNames } from '../build-functions'
import {
  matchesAny,
  type AppUpload,
  type CollectionState,
  type Desired,
  type DesiredFunction,
  type IndexState,
  type TriggerState
} from './plan'

/** Variables of the deploying shell (process.env, or a test's own). */
export type Env = Record<string, string | undefined>

export const REPO_ROOT = resolve(__dirname, '..', '..')

/** The cloud runtime matching the functions' build target (node16 in scripts/build-functions.ts). */
export const RUNTIME = 'Nodejs16.13'
const DEFAULT_TIMEOUT = 3
const DEFAULT_MEMORY = 256
/** Never changed once an environment has them: stored ids and ID-card claims depend on them (_shared/infra/secrets.ts). */
export const ONCE_SET = ['ID_HASH_KEY', 'IDCARD_HASH_KEY']
/** What is uploaded of a function folder: the bundle and package.json (the cloud installs wx-server-sdk). */
export const IGNORE = ['src', 'src/**', '*.test.ts', 'node_modules', 'node_modules/**']

/** A function's config.json, as the deploy tool reads it (WeChat DevTools reads `permissions` and `triggers`). */
export interface FunctionConfig {
  timeout?: number
  /** MB. */
  memorySize?: number
  /** Fixed values. */
  envVariables?: Record<string, string>
  /** Variables taken from the deploying shell, by name or `PREFIX_*`; never written in the repository. */
  envFrom?: string[]
  triggers?: TriggerState[]
}

export const indexName = (ix: IndexDecl) =>
  Object.entries(ix.keys)
    .map(([k, v]) => `${k}_${v}`)
    .join('_')

const toIndex = (ix: IndexDecl): IndexState => ({
  name: indexName(ix),
  keys: Object.entries(ix.keys).map(([k, v]) => [k, String(v) as IndexState['keys'][number][1]]),
  unique: Boolean(ix.unique)
})

export function desiredCollections(): CollectionState[] {
  return Object.entries(database.collections).map(([name, decl]) => ({ name, rule: decl.rule, indexes: decl.indexes.map(toIndex) }))
}

export function readFunctionConfig(name: string, root = FUNCTIONS_DIR): FunctionConfig {
  return JSON.parse(readFileSync(join(root, name, 'config.json'), 'utf8')) as FunctionConfig
}

/** Hash of what is uploaded of a built function (its bundle and package.json). */
export function codeHash(name: string, root = FUNCTIONS_DIR): string {
  const bundle = join(root, name, 'index.js')
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: build the functions first (npm run build:functions)`)
  const hash = createHash('sha256')
  for (const file of ['index.js', 'package.json']) hash.update(readFileSync(join(root, name, file)))
  return hash.digest('hex').slice(0, 16)
}

export function desiredFunction(name: string, config: FunctionConfig, env: Env, hash: string): DesiredFunction {
  const passThrough = config.envFrom ?? []
  const fromShell = Object.entries(env).filter(
    (e): e is [string, string] => e[1] !== undefined && e[1] !== '' && matchesAny(e[0], passThrough)
  )
  return {
    name,
    runtime: RUNTIME,
    handler: 'index.main',
    timeout: config.timeout ?? DEFAULT_TIMEOUT,
    memorySize: config.memorySize ?? DEFAULT_MEMORY,
    envVariables: { ...config.envVariables, ...Object.fromEntries(fromShell) },
    triggers: (config.triggers ?? []).map((t) => ({ name: t.name, type: t.type, config: t.config })),
    codeHash: hash,
    passThrough,
    onceSet: ONCE_SET.filter((n) => matchesAny(n, passThrough)),
    ignore: IGNORE
  }
}

export interface AppOptions {
  env: Env
  /** The upload's description; default the commit. */
  desc: string
}

/**
 * The mini-program upload: the AppID from MP_APPID or project.config.json, the upload key from
 * MP_PRIVATE_KEY_PATH or ~/.linlitong/private.<appid>.key (outside the repository), the version from
 * MP_VERSION or package.json.
 */
export function desiredApp({ env, desc }: AppOptions): AppUpload {
  const project = JSON.parse(readFileSync(join(REPO_ROOT, 'project.config.json'), 'utf8')) as { appid: string }
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
  const appid = env.MP_APPID || project.appid
  return {
    appid,
    projectPath: REPO_ROOT,
    privateKeyPath: env.MP_PRIVATE_KEY_PATH || join(homedir(), '.linlitong', `private.${appid}.key`),
    version: env.MP_VERSION || pkg.version,
    desc,
    robot: Number(env.MP_ROBOT) || 1
  }
}

export interface DesiredOptions {
  envId: string
  env: Env
  /** Hash of each function's code; default the built bundle's. */
  hash?: (name: string) => string
  app?: AppOptions
  importDir?: string
}

export function readDesired(opts: DesiredOptions): Desired {
  const hash = opts.hash ?? ((name: string) => codeHash(name))
  const desired: Desired = {
    envId: opts.envId,
    collections: desiredCollections(),
    functionsRoot: FUNCTIONS_DIR,
    functions: functionNames().map((name) => desiredFunction(name, readFunctionConfig(name), opts.env, hash(name)))
  }
  if (opts.app) desired.app = desiredApp(opts.app)
  if (opts.importDir) {
    const manifest = readManifest(opts.importDir)
    desired.import = {
      dir: exportLayout(opts.importDir).dir,
      fileIdPrefix: manifest.fileIdPrefix,
      collections: manifest.collections,
      files: manifest.files
    }
  }
  return desired
}
