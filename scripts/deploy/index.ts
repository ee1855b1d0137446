// `npm run deploy -- --env <envId>`: makes a WeChat cloud (CloudBase) environment match the repository —
// collections, their rules and indexes (config/database.ts), functions with their timeout, memory,
// variables and timer triggers (cloudfunctions/<name>/config.json and the build), optionally the data of a
// local cloud export — and uploads the mini-program. It plans first (plan.ts), prints the plan, then
// makes each call. See USAGE.
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { buildFunctions } from '../build-functions'
import { appProblem, uploadApp } from './app'
import { connect, credentialsFrom, readCurrent, type Cloud, type Credentials } from './cloudbase'
import { readDesired, REPO_ROOT, type Env } from './desired'
import { drift, EMPTY, formatPlan, formatStep, PARTS, plan, type Part } from './plan'

export const USAGE = `Usage: npm run deploy -- --env <envId> [options]

Makes the environment match the repository: collections, rules and indexes, functions (code, timeout,
memory, variables, timer triggers), then uploads the mini-program. Prints the plan, then applies it.

  --env <envId>        the CloudBase environment (or TCB_ENV_ID)
  --dry-run            print the plan against an empty environment; no credentials, no calls
  --check              compare with the environment; exit 1 on drift (database and functions)
  --allow-drop         drop collections and indexes that are not declared even when they hold data
  --only <parts>       database, functions, app, import (comma-separated); default all
  --import <dir>       also import a local cloud export (npm run export) into the environment
  --vars <file>        KEY=VALUE lines read as if set in the shell (a file outside the repository)
  --desc <text>        the mini-program upload's description (default: the commit)
  --help

Credentials: TCB_SECRET_ID and TCB_SECRET_KEY (TCB_SESSION_TOKEN for temporary keys). Function variables
named in a config.json's "envFrom" (ADMIN_OPENIDS, TEMPLATE_*, …) are taken from the shell. The upload
needs the AppID (project.config.json or MP_APPID) and its upload key (~/.linlitong/private.<appid>.key or
MP_PRIVATE_KEY_PATH).`

export interface DeployArgs {
  envId?: string
  dryRun: boolean
  check: boolean
  allowDrop: boolean
  only?: Part[]
  importDir?: string
  varsFile?: string
  desc?: string
  help: boolean
}

export function parseDeployArgs(argv: string[]): DeployArgs {
  const args: DeployArgs = { dryRun: false, check: false, allowDrop: false, help: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--env') args.envId = value()
    else if (arg === '--dry-run') args.dryRun = true
    else if (arg === '--check') args.check = true
    else if (arg === '--allow-drop') args.allowDrop = true
    else if (arg === '--only') {
      const parts = value().split(',')
      const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p))
      if (unknown.length) throw new Error(`--only: unknown part ${unknown.join(', ')} (${PARTS.join(', ')})`)
      args.only = parts as Part[]
    } else if (arg === '--import') args.importDir = value()
    else if (arg === '--vars') args.varsFile = value()
    else if (arg === '--desc') args.desc = value()
    else if (arg === '--help' || arg === '-h') args.help = true
    else throw new Error(`unknown option: ${arg} (see --help)`)
  }
  if (args.dryRun && args.check) throw new Error('--dry-run and --check exclude each other')
  return args
}

/** KEY=VALUE lines (# comments, optional quotes), from a file that must not be inside the repository. */
export function readVarsFile(file: string): Record<string, string> {
  const rel = relative(REPO_ROOT, resolve(file))
  if (!rel.startsWith('..') && !isAbsolute(rel)) throw new Error(`${file} is inside the repository: keep secrets outside it`)
  const vars: Record<string, string> = {}
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!m || line.trim().startsWith('#')) continue
    vars[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
  return vars
}

function commitDescription(): string {
  try {
    return `commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()}`
  } catch {
    return 'npm run deploy'
  }
}

/** What deploy does beyond planning; tests give their own (a replayed environment, no build, no upload). */
export interface DeployDeps {
  connect(envId: string, credentials: Credentials): Cloud
  buildFunctions(): Promise<void>
  buildApp(): void
  uploadApp: typeof uploadApp
  log(line: string): void
  /** Hash of a function's code; default its built bundle's. */
  hash?: (name: string) => string
}

const realDeps: DeployDeps = {
  connect,
  buildFunctions: () => buildFunctions(undefined, { quiet: true }),
  buildApp() {
    const build = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: REPO_ROOT, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('npm run build:weapp failed')
  },
  uploadApp,
  log: (line) => console.log(line)
}

export async function deploy(argv: string[], env: Env = process.env, deps: DeployDeps = realDeps): Promise<number> {
  const log = deps.log
  const args = parseDeployArgs(argv)
  if (args.help) {
    log(USAGE)
    return 0
  }
  const shell = args.varsFile ? { ...env, ...readVarsFile(args.varsFile) } : env
  const envId = args.envId || shell.TCB_ENV_ID || (args.dryRun ? '<envId>' : undefined)
  if (!envId) throw new Error('--env <envId> is required (or TCB_ENV_ID)')
  const only: Part[] = args.check
    ? (args.only ?? ['database', 'functions']).filter((p) => p === 'database' || p === 'functions')
    : (args.only ?? PARTS.filter((p) => p !== 'import' || args.importDir))
  if (only.includes('import') && !args.importDir) throw new Error('--only import needs --import <dir>')

  if (only.includes('functions')) await deps.buildFunctions()
  const desired = readDesired({
    envId,
    env: shell,
    hash: deps.hash,
    app: only.includes('app') ? { env: shell, desc: args.desc ?? commitDescription() } : undefined,
    importDir: only.includes('import') ? args.importDir : undefined
  })

  const credentials = args.dryRun ? undefined : credentialsFrom(shell)
  if (!args.dryRun && !credentials) throw new Error('set TCB_SECRET_ID and TCB_SECRET_KEY (a CloudBase API key), or use --dry-run')
  const cloud = credentials && deps.connect(envId, credentials)
  const current = cloud ? await readCurrent(cloud.reads) : EMPTY
  const p = plan(desired, current, { allowDrop: args.allowDrop, only })

  const mode = args.dryRun ? 'dry run: planned against an empty environment, no credentials used' : args.check ? 'check' : 'deploy'
  log(`Environment ${envId} (${mode}); parts: ${only.join(', ')}`)
  log(formatPlan(p))
  if (desired.app) {
    const problem = appProblem(desired.app)
    if (problem) log(`warning: app: ${problem}`)
  }

  if (args.check) {
    const found = drift(p)
    log(found.length ? `\ndrift: ${found.length} difference(s) between the repository and ${envId}` : `\nno drift: ${envId} matches`)
    return found.length ? 1 : 0
  }
  if (args.dryRun) return 0

  const app = p.steps.find((s) => s.part === 'app')
  if (app && desired.app) {
    const problem = appProblem(desired.app)
    if (problem) throw new Error(`app: ${problem} (or deploy without it: --only database,functions)`)
    deps.buildApp()
  }
  for (const [i, step] of p.steps.entries()) {
    log(`[${i + 1}/${p.steps.length}] ${formatStep(step)}`)
    if (step.call === 'miniprogram-ci.upload') deps.uploadApp(desired.app!)
    else await cloud!.apply(step)
  }
  log(`\ndone: ${p.steps.length} call(s)${p.refused.length ? `; ${p.refused.length} change(s) refused (see above)` : ''}`)
  return p.refused.length ? 1 : 0
}

if (require.main === module) {
  deploy(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    }
  )
}
