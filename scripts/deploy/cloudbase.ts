// The adapter over CloudBase's management API (@cloudbase/manager-node): reads an environment's current
// state through a handful of read calls, and applies a plan's steps, each `<service>.<method>(...args)`.
// The reads are an interface so that tests replay recorded answers (fixtures/) instead of the network.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Env } from './desired'
import { DESCRIPTION_PREFIX, type CollectionState, type Current, type Direction, type FunctionState, type Step } from './plan'

/** The answers of manager-node's read calls this tool uses (only the fields it reads). */
export interface ManagerReads {
  listCollections(): Promise<{ Collections: Array<{ CollectionName: string; Count: number }> }>
  describeCollection(
    name: string
  ): Promise<{ Indexes?: Array<{ Name: string; Keys: Array<{ Name?: string; Direction?: string }>; Unique: boolean }> }>
  describeResourcePermission(
    collections: string[]
  ): Promise<{ Data: { PermissionList: Array<{ Resource?: string; Permission?: string }> } }>
  listFunctions(): Promise<Array<Record<string, string>>>
  getFunctionDetail(name: string): Promise<{
    Runtime: string
    Handler: string
    Timeout: number
    MemorySize: number
    Description: string
    Environment?: { Variables?: Array<{ Key: string; Value: string }> }
    Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>
  }>
  getEnvInfo(): Promise<{ EnvInfo: { EnvId: string; Storages?: Array<{ Bucket: string }> } }>
}

/** A recording of ManagerReads' answers, by method and argument (the fixtures' format). */
export interface Recording {
  listCollections: Awaited<ReturnType<ManagerReads['listCollections']>>
  describeCollection: Record<string, Awaited<ReturnType<ManagerReads['describeCollection']>>>
  describeResourcePermission: Awaited<ReturnType<ManagerReads['describeResourcePermission']>>
  listFunctions: Awaited<ReturnType<ManagerReads['listFunctions']>>
  getFunctionDetail: Record<string, Awaited<ReturnType<ManagerReads['getFunctionDetail']>>>
  getEnvInfo: Awaited<ReturnType<ManagerReads['getEnvInfo']>>
}

export function replay(r: Recording): ManagerReads {
  const must = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the recording has no answer for ${what}`)
    return v
  }
  return {
    listCollections: async () => r.listCollections,
    describeCollection: async (name) => must(r.describeCollection[name], `describeCollection(${name})`),
    describeResourcePermission: async () => r.describeResourcePermission,
    listFunctions: async () => r.listFunctions,
    getFunctionDetail: async (name) => must(r.getFunctionDetail[name], `getFunctionDetail(${name})`),
    getEnvInfo: async () => r.getEnvInfo
  }
}

/** A timer's TriggerDesc is its cron, sometimes wrapped as {"cron": …}. */
function triggerConfig(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: string }
    return typeof parsed?.cron === 'string' ? parsed.cron : desc
  } catch {
    return desc
  }
}

/** The environment's current state through the reads. */
export async function readCurrent(reads: ManagerReads): Promise<Current> {
  const { Collections } = await reads.listCollections()
  const names = Collections.map((c) => c.CollectionName)
  const rules = names.length ? (await reads.describeResourcePermission(names)).Data.PermissionList : []
  const collections: CollectionState[] = []
  for (const c of Collections) {
    const { Indexes = [] } = await reads.describeCollection(c.CollectionName)
    collections.push({
      name: c.CollectionName,
      count: c.Count,
      rule: rules.find((r) => r.Resource === c.CollectionName)?.Permission ?? '',
      indexes: Indexes.map((ix) => ({
        name: ix.Name,
        keys: ix.Keys.map((k) => [k.Name ?? '', String(k.Direction ?? '1') as Direction]),
        unique: Boolean(ix.Unique)
      }))
    })
  }
  const functions: FunctionState[] = []
  for (const f of await reads.listFunctions()) {
    const d = await reads.getFunctionDetail(f.FunctionName)
    functions.push({
      name: f.FunctionName,
      runtime: d.Runtime,
      handler: d.Handler,
      timeout: d.Timeout,
      memorySize: d.MemorySize,
      envVariables: Object.fromEntries((d.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
      triggers: (d.Triggers ?? []).map((t) => ({ name: t.TriggerName, type: t.Type, config: triggerConfig(t.TriggerDesc) })),
      codeHash: d.Description?.startsWith(DESCRIPTION_PREFIX) ? d.Description.slice(DESCRIPTION_PREFIX.length) : ''
    })
  }
  const { EnvInfo } = await reads.getEnvInfo()
  const bucket = EnvInfo.Storages?.[0]?.Bucket
  return { collections, functions, fileIdPrefix: bucket ? `cloud://${EnvInfo.EnvId}.${bucket}/` : undefined }
}

export interface Credentials {
  secretId: string
  secretKey: string
  token?: string
}

/** TCB_SECRET_ID / TCB_SECRET_KEY (and TCB_SESSION_TOKEN for temporary keys) of the deploying shell. */
export function credentialsFrom(env: Env): Credentials | undefined {
  if (!env.TCB_SECRET_ID || !env.TCB_SECRET_KEY) return undefined
  return { secretId: env.TCB_SECRET_ID, secretKey: env.TCB_SECRET_KEY, token: env.TCB_SESSION_TOKEN || undefined }
}

type Service = Record<string, (...args: unknown[]) => Promise<unknown>>
export type Manager = Record<string, Service>

/** manager-node's client for one environment; loaded only here (a dry run never loads it). Makes no call by itself. */
export function managerFor(envId: string, credentials: Credentials): Manager {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when deploying for real
  const CloudBase = require('@cloudbase/manager-node') as new (config: object) => Manager
  return new CloudBase({ ...credentials, envId })
}

const IMPORT_POLL_MS = 2_000
const IMPORT_TIMEOUT_MS = 30 * 60_000

/** A database import is a job: wait for its end, so a failed import fails the deploy. */
async function awaitImport(manager: Manager, jobId: number, collection: string): Promise<void> {
  const deadline = Date.now() + IMPORT_TIMEOUT_MS
  for (;;) {
    const status = (await manager.database.migrateStatus(jobId)) as {
      Status: string
      RecordSuccess: number
      RecordFail: number
      ErrorMsg: string
    }
    if (status.Status === 'success') {
      console.log(`    ${collection}: ${status.RecordSuccess} documents imported`)
      return
    }
    if (status.Status === 'fail')
      throw new Error(`import into ${collection} failed: ${status.ErrorMsg} (${status.RecordFail} documents failed)`)
    if (Date.now() > deadline) throw new Error(`import into ${collection} (job ${jobId}) still ${status.Status} after 30 minutes`)
    await new Promise((ok) => setTimeout(ok, IMPORT_POLL_MS))
  }
}

export interface Cloud {
  reads: ManagerReads
  apply(step: Step): Promise<unknown>
}

/** The management API of one environment: its reads, and each step applied as `<service>.<method>(...args)`. */
export function connect(envId: string, credentials: Credentials): Cloud {
  const manager = managerFor(envId, credentials)
  const reads: ManagerReads = {
    listCollections: () => manager.database.listCollections({ MgoLimit: 1000, MgoOffset: 0 }) as never,
    describeCollection: (name) => manager.database.describeCollection(name) as never,
    describeResourcePermission: (resources) =>
      manager.permission.describeResourcePermission({ resourceType: 'collection', resources }) as never,
    listFunctions: () => manager.functions.listFunctions(100, 0) as never,
    getFunctionDetail: (name) => manager.functions.getFunctionDetail(name) as never,
    getEnvInfo: () => manager.env.getEnvInfo() as never
  }
  return {
    reads,
    async apply(step) {
      const [service, method] = step.call.split('.')
      const fn = manager[service]?.[method]
      if (typeof fn !== 'function') throw new Error(`manager-node has no ${step.call}`)
      const result = await fn.apply(manager[service], withRewrittenFile(step).args)
      if (step.call === 'database.import') await awaitImport(manager, (result as { JobId: number }).JobId, step.args[0] as string)
      return result
    }
  }
}

/** database.import of an export whose file IDs name the local storage: a copy naming the environment's. */
export function withRewrittenFile(step: Step): Step {
  if (!step.rewriteFileIds || step.call !== 'database.import') return step
  const [name, file, options] = step.args as [string, { FilePath: string }, object]
  const { from, to } = step.rewriteFileIds
  const copy = join(mkdtempSync(join(tmpdir(), 'deploy-import-')), basename(file.FilePath))
  writeFileSync(copy, readFileSync(file.FilePath, 'utf8').split(JSON.stringify(from).slice(1, -1)).join(JSON.stringify(to).slice(1, -1)))
  return { ...step, args: [name, { ...file, FilePath: copy }, options] }
}
