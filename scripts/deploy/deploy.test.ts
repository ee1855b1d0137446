// The deploy command end to end against replayed environments: nothing leaves the machine (the connection,
// the builds and the upload are the test's own), the plan is what gets applied, --check exits on drift.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { managerFor, replay, type Recording } from './cloudbase'
import { readDesired } from './desired'
import { deploy, type DeployDeps } from './index'
import { DESCRIPTION_PREFIX, EMPTY, plan, type Desired, type Step } from './plan'

const CREDENTIALS = { TCB_SECRET_ID: 'AKIDtest', TCB_SECRET_KEY: 'test' }
const hash = (name: string) => `hash-${name}`

/** What manager-node would answer for an environment that has exactly `desired` (one document per collection). */
function recordingOf(desired: Desired): Recording {
  return {
    listCollections: { Collections: desired.collections.map((c) => ({ CollectionName: c.name, Count: 1 })) },
    describeCollection: Object.fromEntries(
      desired.collections.map((c) => [
        c.name,
        {
          Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }].concat(
            c.indexes.map((ix) => ({ Name: ix.name, Keys: ix.keys.map(([Name, Direction]) => ({ Name, Direction })), Unique: ix.unique }))
          )
        }
      ])
    ),
    describeResourcePermission: { Data: { PermissionList: desired.collections.map((c) => ({ Resource: c.name, Permission: c.rule })) } },
    listFunctions: desired.functions.map((f) => ({ FunctionName: f.name })),
    getFunctionDetail: Object.fromEntries(
      desired.functions.map((f) => [
        f.name,
        {
          Runtime: f.runtime,
          Handler: f.handler,
          Timeout: f.timeout,
          MemorySize: f.memorySize,
          Description: DESCRIPTION_PREFIX + f.codeHash,
          Environment: { Variables: Object.entries(f.envVariables).map(([Key, Value]) => ({ Key, Value })) },
          Triggers: f.triggers.map((t) => ({ TriggerName: t.name, Type: t.type, TriggerDesc: t.config }))
        }
      ])
    ),
    getEnvInfo: { EnvInfo: { EnvId: 'env-1', Storages: [{ Bucket: 'b-1' }] } }
  }
}

function harness(recording: Recording | null) {
  const applied: Step[] = []
  const uploads: unknown[] = []
  const lines: string[] = []
  const deps: DeployDeps = {
    connect: () => {
      if (!recording) throw new Error('no connection expected')
      return { reads: replay(recording), apply: async (step) => void applied.push(step) }
    },
    buildFunctions: async () => undefined,
    buildApp: () => undefined,
    uploadApp: (app) => void uploads.push(app),
    log: (line) => lines.push(line),
    hash
  }
  return { deps, applied, uploads, output: () => lines.join('\n') }
}

const newEnvironment = recordingOf({ ...readDesired({ envId: 'env-1', env: {}, hash }), collections: [], functions: [] })

describe('npm run deploy', () => {
  test('--dry-run needs no credentials and connects to nothing', async () => {
    const h = harness(null)
    expect(await deploy(['--dry-run'], {}, h.deps)).toBe(0)
    expect(h.output()).toMatch(/^Environment <envId> \(dry run/)
    expect(h.output()).toMatch(/functions\.createFunction\(\{"func":\{"name":"user"/)
    expect(h.applied).toEqual([])
  })

  test('without credentials a real deploy or check stops before anything', async () => {
    const h = harness(newEnvironment)
    await expect(deploy(['--env', 'env-1', '--check'], {}, h.deps)).rejects.toThrow(/TCB_SECRET_ID and TCB_SECRET_KEY/)
    await expect(deploy([], CREDENTIALS, h.deps)).rejects.toThrow(/--env/)
  })

  test('--check exits 1 on a new environment and 0 on one that matches', async () => {
    const fresh = harness(newEnvironment)
    expect(await deploy(['--env', 'env-1', '--check'], CREDENTIALS, fresh.deps)).toBe(1)
    expect(fresh.output()).toMatch(/drift: \d+ difference/)
    const matching = harness(recordingOf(readDesired({ envId: 'env-1', env: {}, hash })))
    expect(await deploy(['--env', 'env-1', '--check'], CREDENTIALS, matching.deps)).toBe(0)
    expect(matching.output()).toMatch(/no drift: env-1 matches/)
    expect(fresh.applied.concat(matching.applied)).toEqual([])
  })

  test('applies exactly the plan, in order, then uploads the mini-program', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-key-'))
    try {
      const key = join(dir, 'private.wx123.key')
      writeFileSync(key, 'key')
      const env = { ...CREDENTIALS, MP_APPID: 'wx123', MP_PRIVATE_KEY_PATH: key, ADMIN_OPENIDS: 'o1:staff:c1' }
      const h = harness(newEnvironment)
      expect(await deploy(['--env', 'env-1', '--desc', 'release 1'], env, h.deps)).toBe(0)
      const expected = plan(readDesired({ envId: 'env-1', env, hash }), EMPTY, { allowDrop: false, only: ['database', 'functions'] }).steps
      expect(h.applied).toEqual(expected)
      expect(h.uploads).toEqual([expect.objectContaining({ appid: 'wx123', privateKeyPath: key, desc: 'release 1', robot: 1 })])
      expect(h.output()).toMatch(/done: \d+ call\(s\)$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('an upload without its key stops the deploy before any call', async () => {
    const h = harness(newEnvironment)
    const env = { ...CREDENTIALS, MP_APPID: 'wx123', MP_PRIVATE_KEY_PATH: '/nonexistent/private.wx123.key' }
    await expect(deploy(['--env', 'env-1'], env, h.deps)).rejects.toThrow(/no upload key/)
    expect(h.applied).toEqual([])
  })
})

test('every call a plan makes is a method of @cloudbase/manager-node (constructing it calls nothing)', () => {
  const manager = managerFor('env-1', { secretId: 'x', secretKey: 'y' })
  const calls = [
    'database.createCollectionIfNotExists',
    'database.updateCollection',
    'database.deleteCollection',
    'database.import',
    'database.migrateStatus',
    'permission.modifyResourcePermission',
    'functions.createFunction',
    'functions.updateFunctionCode',
    'functions.updateFunctionConfig',
    'functions.deleteFunctionTrigger',
    'functions.createFunctionTriggers',
    'storage.uploadFile',
    // the reads
    'database.listCollections',
    'database.describeCollection',
    'permission.describeResourcePermission',
    'functions.listFunctions',
    'functions.getFunctionDetail',
    'env.getEnvInfo'
  ]
  const missing = calls.filter((c) => {
    const [service, method] = c.split('.')
    return typeof manager[service]?.[method] !== 'function'
  })
  expect(missing).toEqual([])
})
