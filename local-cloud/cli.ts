// npx tsx local-cloud/cli.ts [--port 8080] [--data .data] [--static dist-h5] [--no-timers] [--no-seed]
// Starts the local cloud (seeding the demo district into an empty database) and stops it on SIGINT/SIGTERM.
import { startLocalCloud } from './index'

interface CliOptions {
  port: number
  dataDir: string
  staticDir?: string
  timers: boolean
  seed: boolean
  quiet: boolean
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const options: CliOptions = { port: Number(env.PORT) || 8080, dataDir: env.DATA_DIR || '.data', timers: true, seed: true, quiet: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--port') options.port = Number(value())
    else if (arg === '--data') options.dataDir = value()
    else if (arg === '--static') options.staticDir = value()
    else if (arg === '--no-timers') options.timers = false
    else if (arg === '--no-seed') options.seed = false
    else if (arg === '--quiet') options.quiet = true
    else throw new Error(`unknown option: ${arg}`)
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be a port number')
  return options
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const cloud = await startLocalCloud({ port: options.port, dataDir: options.dataDir, staticDir: options.staticDir, timers: options.timers, seed: options.seed, quiet: options.quiet })
  console.log(`local cloud ready: open ${cloud.url}/`)
  console.log(`  admin (TCB protocol): ${cloud.url}/admin`)
  console.log(`  data: ${options.dataDir}${options.staticDir ? `, static: ${options.staticDir}` : ''}${options.timers ? ', timers on' : ''}`)
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

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
