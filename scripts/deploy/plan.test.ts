// The deploy plan against recorded environments (fixtures/*.json: manager-node's answers, replayed through
// the same readCurrent the real deploy uses), and the repository's own plan for a new environment. No network.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { database } from '../../config/database'
import { functionNames } from '../build-functions'
import { uploadCommand } from './app'
import { readCurrent, replay, withRewrittenFile, type Recording } from './cloudbase'
import { readDesired, readFunctionConfig, REPO_ROOT } from './desired'
import { desired } from './fixtures/desired'
import { parseDeployArgs, readVarsFile } from './index'
import { drift, EMPTY, formatPlan, formatStep, plan, type Desired, type Step } from './plan'

const recorded = (name: string): Promise<ReturnType<typeof readCurrent> extends Promise<infer C> ? C : never> =>
  readCurrent(replay(JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Recording))

const calls = (steps: Step[]) => steps.map((s) => `${s.call} ${JSON.stringify(s.args[0])}`)
const NO_DROP = { allowDrop: false }

describe('plan against a new environment', () => {
  test('creates every collection, its rule and indexes, then every function with its triggers', async () => {
    const p = plan(desired, await recorded('new-env'), NO_DROP)
    expect(p.refused).toEqual([])
    expect(calls(p.steps)).toEqual([
      'database.createCollectionIfNotExists "users"',
      'database.createCollectionIfNotExists "volunteers"',
      'permission.modifyResourcePermission {"resourceType":"collection","resource":"users","permission":"ADMINONLY"}',
      'permission.modifyResourcePermission {"resourceType":"collection","resource":"volunteers","permission":"ADMINONLY"}',
      'database.updateCollection "users"',
      'database.updateCollection "volunteers"',
      expect.stringMatching(/^functions\.createFunction \{"func":\{"name":"user"/),
      expect.stringMatching(/^functions\.createFunction \{"func":\{"name":"points"/)
    ])
    expect(p.steps[5].args[1]).toEqual({
      CreateIndexes: [
        { IndexName: 'volunteerNo_1', MgoKeySchema: { MgoIndexKeys: [{ Name: 'volunteerNo', Direction: '1' }], MgoIsUnique: true } },
        {
          IndexName: 'location_2dsphere',
          MgoKeySchema: { MgoIndexKeys: [{ Name: 'location', Direction: '2dsphere' }], MgoIsUnique: false }
        }
      ]
    })
    const points = p.steps[7].args[0] as { func: Record<string, unknown>; functionRootPath: string }
    expect(points.functionRootPath).toBe('/repo/cloudfunctions')
    expect(points.func).toMatchObject({
      runtime: 'Nodejs16.13',
      handler: 'index.main',
      timeout: 60,
      memorySize: 256,
      installDependency: true,
      description: 'deployed by npm run deploy; code cccc3333dddd4444',
      triggers: desired.functions[1].triggers
    })
  })

  test('--dry-run plans against nothing and gives the same steps as a recorded new environment', async () => {
    expect(plan(desired, EMPTY, NO_DROP).steps).toEqual(plan(desired, await recorded('new-env'), NO_DROP).steps)
  })
})

describe('plan against an environment that is up to date', () => {
  test('makes no call, refuses nothing and finds no drift; variables set in the environment stay', async () => {
    const current = await recorded('up-to-date')
    expect(current.functions.find((f) => f.name === 'points')!.triggers[1]).toEqual({
      name: 'recoverRedemptions',
      type: 'timer',
      config: '0 * * * * * *'
    })
    const p = plan(desired, current, NO_DROP)
    expect(p).toEqual({ steps: [], refused: [], notes: [] })
    expect(drift(p)).toEqual([])
    expect(formatPlan(p)).toMatch(/nothing to do/)
  })
})

describe('plan against a drifted environment', () => {
  test('applies only the difference and refuses to drop what holds data', async () => {
    const p = plan(desired, await recorded('drifted'), NO_DROP)
    expect(calls(p.steps)).toEqual([
      'database.createCollectionIfNotExists "volunteers"',
      'permission.modifyResourcePermission {"resourceType":"collection","resource":"users","permission":"ADMINONLY"}',
      'permission.modifyResourcePermission {"resourceType":"collection","resource":"volunteers","permission":"ADMINONLY"}',
      'database.deleteCollection "scratch"',
      'database.updateCollection "users"',
      'database.updateCollection "volunteers"',
      'functions.updateFunctionCode {"func":{"name":"user","runtime":"Nodejs16.13","installDependency":true,"ignore":["src","src/**"]},"functionRootPath":"/repo/cloudfunctions"}',
      expect.stringMatching(/^functions\.updateFunctionConfig \{"name":"user"/),
      expect.stringMatching(/^functions\.updateFunctionConfig \{"name":"points"/),
      'functions.deleteFunctionTrigger "points"',
      'functions.deleteFunctionTrigger "points"',
      'functions.createFunctionTriggers "points"'
    ])
    expect(p.steps[1].why).toBe('rule READONLY → ADMINONLY')
    expect(p.steps[4].args[1]).toEqual({
      CreateIndexes: [
        { IndexName: 'roles.role_1', MgoKeySchema: { MgoIndexKeys: [{ Name: 'roles.role', Direction: '1' }], MgoIsUnique: false } }
      ]
    })
    // The stray variable goes, ID_HASH_KEY (not given by the shell) keeps the environment's value.
    expect(p.steps[7].args[0]).toEqual({
      name: 'user',
      timeout: 5,
      memorySize: 256,
      envVariables: { ADMIN_OPENIDS: 'oStaff1:staff:c1', ID_HASH_KEY: 'k3pQ0fVq9xJ2sX1mZ8rT4uW6yB5nC7dE' },
      description: 'deployed by npm run deploy; code aaaa1111bbbb2222'
    })
    expect(p.steps[7].why).toBe('timeout 3 → 5, variables ~ADMIN_OPENIDS -DEBUG, description (code hash)')
    expect(p.steps[8].why).toBe('memory 512 → 256')
    expect(p.steps.slice(9, 11).map((s) => s.args[1])).toEqual(['expireRedemptions', 'nightly'])
    expect(p.steps[11].args[1]).toEqual(desired.functions[1].triggers)
    expect(p.refused).toEqual([
      'users: index phone_1 (phone:1) is not declared; 1204 documents: drop it with --allow-drop',
      'collection legacyWishes is not declared and holds 52 documents: drop it with --allow-drop',
      "ID_HASH_KEY is set on some of the environment's functions, not on points: make them agree by hand"
    ])
    expect(p.notes).toEqual(['function hello is not in cloudfunctions/; left as it is'])
    expect(drift(p)).toHaveLength(p.steps.length + 3)
  })

  test('--allow-drop drops the undeclared index and collection that hold data', async () => {
    const p = plan(desired, await recorded('drifted'), { allowDrop: true })
    expect(p.refused.filter((r) => r.includes('--allow-drop'))).toEqual([])
    const drops = p.steps.filter((s) => s.call === 'database.deleteCollection' || (s.args[1] as { DropIndexes?: unknown })?.DropIndexes)
    expect(calls(drops)).toEqual([
      'database.updateCollection "users"',
      'database.deleteCollection "legacyWishes"',
      'database.deleteCollection "scratch"'
    ])
    expect(drops[0].args[1]).toEqual({ DropIndexes: [{ IndexName: 'phone_1' }] })
  })

  test('a once-set variable is never changed; a variable the shell does not give keeps its value', async () => {
    const current = await recorded('up-to-date')
    const changed: Desired = {
      ...desired,
      functions: desired.functions.map((f) => (f.name === 'user' ? { ...f, envVariables: { ID_HASH_KEY: 'another-key' } } : f))
    }
    const p = plan(changed, current, NO_DROP)
    expect(p.steps).toEqual([])
    expect(p.refused).toEqual(['user: ID_HASH_KEY is set in the environment and never changes once set; the given value is ignored'])
  })

  test('a new function gets the once-set variable the environment has; one the environment runs without is not introduced', async () => {
    const current = await recorded('up-to-date')
    const withoutPoints = { ...current, functions: current.functions.filter((f) => f.name !== 'points') }
    const created = plan(desired, withoutPoints, NO_DROP).steps
    expect(created.map((s) => s.call)).toEqual(['functions.createFunction'])
    expect((created[0].args[0] as { func: { envVariables: object } }).func.envVariables).toEqual({
      ID_HASH_KEY: 'k3pQ0fVq9xJ2sX1mZ8rT4uW6yB5nC7dE'
    })

    const runningWithout = { ...current, functions: current.functions.map((f) => ({ ...f, envVariables: {} })) }
    const given: Desired = {
      ...desired,
      functions: desired.functions.map((f) => ({ ...f, envVariables: { ...f.envVariables, ID_HASH_KEY: 'new-key' } }))
    }
    const p = plan(given, runningWithout, NO_DROP)
    expect(p.refused).toEqual([
      "user: ID_HASH_KEY is not set where the environment's functions already run without it (they keep a generated key in the database); not set",
      "points: ID_HASH_KEY is not set where the environment's functions already run without it (they keep a generated key in the database); not set"
    ])
    expect(JSON.stringify(p.steps)).not.toMatch(/new-key/)
  })

  test('--only limits the plan to some parts', async () => {
    const p = plan(desired, await recorded('drifted'), { allowDrop: false, only: ['functions'] })
    expect(new Set(p.steps.map((s) => s.part))).toEqual(new Set(['functions']))
    expect(p.refused).toEqual(["ID_HASH_KEY is set on some of the environment's functions, not on points: make them agree by hand"])
  })
})

describe('import of a local cloud export', () => {
  const withImport: Desired = {
    ...desired,
    import: {
      dir: '/exports/demo',
      fileIdPrefix: 'cloud://local-dev.6c6f-local-dev-1300000000/',
      collections: { users: 3, volunteers: 0, demoUsers: 7 },
      files: ['goods/g1.png']
    }
  }

  test('uploads the files and imports each declared collection with data, file IDs rewritten to the environment', async () => {
    const p = plan(withImport, await recorded('up-to-date'), { allowDrop: false, only: ['import'] })
    expect(p.steps).toEqual([
      {
        part: 'import',
        call: 'storage.uploadFile',
        args: [{ localPath: '/exports/demo/storage/goods/g1.png', cloudPath: 'goods/g1.png' }],
        why: 'storage file of the export'
      },
      {
        part: 'import',
        call: 'database.import',
        args: [
          'users',
          { FilePath: '/exports/demo/collections/users.jsonl' },
          { FileType: 'json', ConflictMode: 'upsert', StopOnError: true }
        ],
        why: '3 documents, upsert by _id',
        rewriteFileIds: {
          from: 'cloud://local-dev.6c6f-local-dev-1300000000/',
          to: 'cloud://linli-prod-1a2b3c.6c69-linli-prod-1a2b3c-1319999999/'
        }
      }
    ])
    expect(p.notes).toEqual(['import: collection demoUsers (7 documents) is not declared; not imported'])
  })

  test('the uploaded copy names the environment’s files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-test-'))
    try {
      const file = join(dir, 'goods.jsonl')
      writeFileSync(file, '{"_id":"g1","photo":"cloud://local-dev.b/goods/g1.png","at":{"$date":"2026-11-22T08:00:00Z"}}\n')
      const step: Step = {
        part: 'import',
        call: 'database.import',
        args: ['goods', { FilePath: file }, {}],
        why: '',
        rewriteFileIds: { from: 'cloud://local-dev.b/', to: 'cloud://prod.c/' }
      }
      const copy = (withRewrittenFile(step).args[1] as { FilePath: string }).FilePath
      expect(copy).not.toBe(file)
      expect(readFileSync(copy, 'utf8')).toBe('{"_id":"g1","photo":"cloud://prod.c/goods/g1.png","at":{"$date":"2026-11-22T08:00:00Z"}}\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe("the repository's plan for a new environment (what --dry-run prints)", () => {
  const repo = readDesired({ envId: 'env-1', env: {}, hash: () => 'h', app: { env: {}, desc: 'test' } })
  const p = plan(repo, EMPTY, NO_DROP)

  test('covers every declared collection, rule and index', () => {
    const collections = Object.keys(database.collections)
    expect(p.steps.filter((s) => s.call === 'database.createCollectionIfNotExists').map((s) => s.args[0])).toEqual(collections)
    expect(
      p.steps.filter((s) => s.call === 'permission.modifyResourcePermission').map((s) => (s.args[0] as { resource: string }).resource)
    ).toEqual(collections)
    const created = p.steps
      .filter((s) => s.call === 'database.updateCollection')
      .flatMap((s) =>
        (s.args[1] as { CreateIndexes: Array<{ IndexName: string }> }).CreateIndexes.map((ix) => `${s.args[0]}.${ix.IndexName}`)
      )
    const declared = Object.entries(database.collections).flatMap(([name, c]) =>
      c.indexes.map(
        (ix) =>
          `${name}.${Object.entries(ix.keys)
            .map(([k, v]) => `${k}_${v}`)
            .join('_')}`
      )
    )
    expect(created).toEqual(declared)
  })

  test("covers every function with its config.json's timeout, memory and timer triggers, then the upload", () => {
    const created = p.steps
      .filter((s) => s.call === 'functions.createFunction')
      .map((s) => (s.args[0] as { func: Record<string, unknown> }).func)
    expect(created.map((f) => f.name)).toEqual(functionNames())
    for (const f of created) {
      const config = readFunctionConfig(f.name as string)
      expect(f).toMatchObject({ timeout: config.timeout, memorySize: config.memorySize ?? 256, triggers: config.triggers ?? [] })
    }
    expect(created.some((f) => (f.triggers as unknown[]).length > 0)).toBe(true)
    expect(p.steps.at(-1)!.call).toBe('miniprogram-ci.upload')
    expect(p.refused).toEqual([])
  })

  test('variables come from the shell by the names config.json gives, and secrets are masked when printed', () => {
    const withShell = readDesired({
      envId: 'env-1',
      env: { ID_HASH_KEY: 'secret-value-123', ADMIN_OPENIDS: 'o1:staff:c1', OTHER: 'x' },
      hash: () => 'h'
    })
    const user = withShell.functions.find((f) => f.name === 'user')!
    expect(user.envVariables).toEqual({ ID_HASH_KEY: 'secret-value-123', ADMIN_OPENIDS: 'o1:staff:c1' })
    const printed = formatPlan(plan(withShell, EMPTY, { allowDrop: false, only: ['functions'] }))
    expect(printed).not.toMatch(/secret-value-123/)
    expect(printed).toMatch(/"ID_HASH_KEY":"<secret, 16 characters>"/)
    expect(printed).toMatch(/"ADMIN_OPENIDS":"o1:staff:c1"/)
  })

  test('formats one call a line with its reason', () => {
    expect(formatStep(p.steps[0])).toBe(`database.createCollectionIfNotExists("${Object.keys(database.collections)[0]}")  # new collection`)
  })
})

describe('the command line', () => {
  test('parses the options and refuses unknown parts', () => {
    expect(parseDeployArgs(['--env', 'e1', '--check', '--only', 'database,functions'])).toMatchObject({
      envId: 'e1',
      check: true,
      only: ['database', 'functions']
    })
    expect(() => parseDeployArgs(['--only', 'everything'])).toThrow(/unknown part/)
    expect(() => parseDeployArgs(['--dry-run', '--check'])).toThrow(/exclude/)
  })

  test('reads variables only from a file outside the repository', () => {
    expect(() => readVarsFile(join(REPO_ROOT, 'package.json'))).toThrow(/inside the repository/)
    const dir = mkdtempSync(join(tmpdir(), 'deploy-vars-'))
    try {
      writeFileSync(join(dir, 'prod.env'), '# prod\nTCB_SECRET_ID=AKID1\nexport ADMIN_OPENIDS="o1:staff:c1"\n')
      expect(readVarsFile(join(dir, 'prod.env'))).toEqual({ TCB_SECRET_ID: 'AKID1', ADMIN_OPENIDS: 'o1:staff:c1' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('uploads the mini-program with miniprogram-ci at a pinned version', () => {
    const cmd = uploadCommand({ appid: 'wx1', projectPath: '/repo', privateKeyPath: '/k', version: '1.2.0', desc: 'd', robot: 2 })
    expect(cmd.slice(0, 4)).toEqual(['npx', '--yes', 'miniprogram-ci@2.1.42', 'upload'])
    expect(cmd).toEqual(expect.arrayContaining(['--appid', 'wx1', '--upload-version', '1.2.0', '--robot', '2', '--private-key-path', '/k']))
  })
})
