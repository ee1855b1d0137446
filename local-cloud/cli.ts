// The local cloud's command line; `--help` prints the usage. Starts the cloud and stops it on SIGINT/SIGTERM.
// Run it with a TypeScript loader (`npx tsx local-cloud/cli.ts`) or through the package's bin.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startLocalCloud, type LocalCloudOptions } from './index'
import { LocalStorage } from './storage'
import { Store, type DatabaseDeclaration } from './store'
import { exportData, importData } from './transfer'

export const USAGE = `Usage: local-cloud [options]
       local-cloud export <dir> [--data <dir>] [--database <file>]
       local-cloud import <dir> [--data <dir>] [--database <file>]

Runs a WeChat cloud project's functions with the real wx-server-sdk against a local stand-in for the
cloud database, storage and function runtime, on 127.0.0.1.

export writes every collection (JSON lines, relaxed EJSON) and every storage file of the data folder to
<dir>; import replaces the data folder's documents and files by an export's. Stop the server first.

Options:
  --functions <dir>    the functions folder, one folder per function with index.js (default: cloudfunctions)
  --database <file>    a .js/.ts/.json module exporting the database declaration
                       ({ collections: { name: { indexes: [...] } } }, as default, \`database\` or the module)
  --seed <module>      a module exporting seed(store) (default export or \`seed\`), run on an empty database
  --data <dir>         where the data lives (default: .data, or DATA_DIR)
  --port <n>           the port (default: 8080, or PORT; 0 = any free port)
  --static <dir>       serve this folder's files (e.g. a browser build of the app)
  --no-timers          do not run timer triggers on schedule
  --no-seed            do not seed
  --log                print one line per database request (action, collection, duration, error code)
  --quiet              do not print what functions print
  --help               print this and exit`

export interface CliOptions {
  port: number
  dataDir: string
  functionsDir?: string
  databaseFile?: string
  seedModule?: string
  staticDir?: string
  timers: boolean
  seed: boolean
  log: boolean
  quiet: boolean
  help: boolean
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const options: CliOptions = {
    port: Number(env.PORT) || 8080,
    dataDir: env.DATA_DIR || '.data',
    timers: true,
    seed: true,
    log: false,
    quiet: false,
    help: false
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--port') options.port = Number(value())
    else if (arg === '--data') options.dataDir = value()
    else if (arg === '--functions') options.functionsDir = value()
    else if (arg === '--database') options.databaseFile = value()
    else if (arg === '--seed') options.seedModule = value()
    else if (arg === '--static') options.staticDir = value()
    else if (arg === '--no-timers') options.timers = false
    else if (arg === '--no-seed') options.seed = false
    else if (arg === '--log') options.log = true
    else if (arg === '--quiet') options.quiet = true
    else if (arg === '--help' || arg === '-h') options.help = true
    else throw new Error(`unknown option: ${arg} (see --help)`)
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be a port number')
  return options
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a module the user names at run time
const load = (file: string): Record<string, unknown> => require(resolve(file))

function loadDatabase(file: string): DatabaseDeclaration {
  const mod = load(file)
  const declaration = [mod.default, mod.database, mod].find((d) => d && typeof d === 'object' && 'collections' in d)
  if (!declaration) throw new Error(`${file} exports no database declaration ({ collections })`)
  return declaration as DatabaseDeclaration
}

function loadSeed(file: string): NonNullable<LocalCloudOptions['seed']> {
  const mod = load(file)
  const seed = [mod.default, mod.seed].find((s) => typeof s === 'function')
  if (!seed) throw new Error(`${file} exports no seed(store) function`)
  return seed as NonNullable<LocalCloudOptions['seed']>
}

/** `export <dir>` / `import <dir>`: the data folder to or from an export (see transfer.ts). */
function transfer(command: 'export' | 'import', argv: string[], base: Partial<LocalCloudOptions>): void {
  const path = argv[0]
  if (!path || path.startsWith('-')) throw new Error(`${command} needs a folder: local-cloud ${command} <dir>`)
  const options = parseArgs(argv.slice(1))
  if (command === 'export' && !existsSync(join(options.dataDir, 'cloud.sqlite')))
    throw new Error(`${options.dataDir} holds no local cloud data`)
  const database = options.databaseFile ? loadDatabase(options.databaseFile) : base.database
  const store = new Store(options.dataDir, { collections: database?.collections })
  try {
    const storage = new LocalStorage(options.dataDir, base.envId ?? 'local-dev', () => '')
    const manifest = command === 'export' ? exportData(store, storage, path) : importData(store, storage, path)
    const docs = Object.values(manifest.collections).reduce((a, b) => a + b, 0)
    const what = `${Object.keys(manifest.collections).length} collections, ${docs} documents, ${manifest.files.length} files`
    console.log(
      command === 'export' ? `exported ${options.dataDir} to ${path}: ${what}` : `imported ${path} into ${options.dataDir}: ${what}`
    )
  } finally {
    store.close()
  }
}

/** Starts the cloud from command-line arguments; `base` is what a project wires in (flags override it). */
export async function runCli(argv: string[], base: Partial<LocalCloudOptions> = {}): Promise<void> {
  // Cloud functions run in UTC, and a worker thread has its process's time zone.
  process.env.TZ = 'UTC'
  if (argv[0] === 'export' || argv[0] === 'import') return transfer(argv[0], argv.slice(1), base)
  const options = parseArgs(argv)
  if (options.help) {
    console.log(USAGE)
    return
  }
  const cloud = await startLocalCloud({
    ...base,
    port: options.port,
    dataDir: options.dataDir,
    functionsDir: options.functionsDir ?? base.functionsDir ?? 'cloudfunctions',
    database: options.databaseFile ? loadDatabase(options.databaseFile) : base.database,
    seed: !options.seed ? undefined : options.seedModule ? loadSeed(options.seedModule) : base.seed,
    staticDir: options.staticDir ?? base.staticDir,
    timers: options.timers,
    log: options.log || base.log,
    quiet: options.quiet
  })
  console.log(`local cloud ready: open ${cloud.url}/`)
  console.log(`  admin (TCB protocol): ${cloud.adminUrl}`)
  console.log(
    `  data: ${options.dataDir}${options.staticDir ? `, static: ${options.staticDir}` : ''}${options.timers ? ', timers on' : ''}`
  )
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: stopping the local cloud`)
    cloud.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

/** Runs the CLI as a program: a failure to start prints its message and exits 1. */
export function main(argv: string[] = process.argv.slice(2), base?: Partial<LocalCloudOptions>): void {
  runCli(argv, base).catch((e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}

if (require.main === module) main()
