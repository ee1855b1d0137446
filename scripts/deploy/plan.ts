// The deploy planner: what the environment should have (desired) against what it has (current) gives the
// list of calls that make it so, each one call of @cloudbase/manager-node (or miniprogram-ci) with its
// arguments. Pure: no I/O, so the plan is printed as it is (`--dry-run`), compared (`--check`) and tested
// against recorded environments.
//
// Safety: a collection or an index is dropped only when its collection is empty, or with `--allow-drop`;
// otherwise the drop is refused and reported (a refusal is drift for `--check`). A once-set variable
// (ID_HASH_KEY: every stored id depends on it) is never changed once the environment has it, never introduced
// where functions already run without it, and given to a new function as the environment has it.

export type Direction = '1' | '-1' | '2dsphere'
export interface IndexState {
  name: string
  keys: Array<[field: string, direction: Direction]>
  unique: boolean
}
export interface CollectionState {
  name: string
  /** The security rule (ADMINONLY…); '' when unknown. */
  rule: string
  indexes: IndexState[]
  /** Documents in it (current state only). */
  count?: number
}
export interface TriggerState {
  name: string
  type: string
  /** The seven-field cron of a timer trigger. */
  config: string
}
export interface FunctionState {
  name: string
  runtime: string
  handler: string
  timeout: number
  memorySize: number
  envVariables: Record<string, string>
  triggers: TriggerState[]
  /** Hash of the deployed code, kept in the function's description; '' when unknown. */
  codeHash: string
}
export interface DesiredFunction extends FunctionState {
  /**
   * Names (or `PREFIX_*`) of variables taken from the deploying shell: one the shell does not give keeps the
   * environment's value.
   */
  passThrough: string[]
  /** Variables that never change once the environment has a value. */
  onceSet: string[]
  /** Files of the function folder not uploaded (sources, tests). */
  ignore: string[]
}
export interface AppUpload {
  appid: string
  projectPath: string
  privateKeyPath: string
  version: string
  desc: string
  robot: number
}
export interface ImportSource {
  /** The export folder (local cloud format). */
  dir: string
  fileIdPrefix: string
  collections: Record<string, number>
  files: string[]
}
export interface Desired {
  envId: string
  collections: CollectionState[]
  /** The folder holding one folder per function. */
  functionsRoot: string
  functions: DesiredFunction[]
  app?: AppUpload
  import?: ImportSource
}
export interface Current {
  collections: CollectionState[]
  functions: FunctionState[]
  /** `cloud://<env>.<bucket>/` of the environment's storage, when known. */
  fileIdPrefix?: string
}

export const PARTS = ['database', 'functions', 'import', 'app'] as const
export type Part = (typeof PARTS)[number]
export interface Flags {
  allowDrop: boolean
  /** The parts to plan; default all (import only when desired has one). */
  only?: readonly Part[]
}

export interface Step {
  part: Part
  /** `<service>.<method>` of CloudBase manager-node, or `miniprogram-ci.upload`. */
  call: string
  args: unknown[]
  why: string
  /** database.import: file IDs of the export rewritten to the environment's before the upload. */
  rewriteFileIds?: { from: string; to: string }
}
export interface Plan {
  steps: Step[]
  /** Changes the plan would need but will not make (drops of data, once-set variables, runtimes). */
  refused: string[]
  /** What is left as it is and not an error (functions not declared, collections of an import not declared). */
  notes: string[]
}

/** The empty environment: what `--dry-run` plans against. */
export const EMPTY: Current = { collections: [], functions: [] }

export const DESCRIPTION_PREFIX = 'deployed by npm run deploy; code '

const signature = (ix: IndexState) => `${ix.keys.map(([k, d]) => `${k}:${d}`).join(',')}${ix.unique ? ' unique' : ''}`
const sameJson = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))
const sortKeys = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])
      )
    : v

const mgoIndex = (ix: IndexState) => ({
  IndexName: ix.name,
  MgoKeySchema: { MgoIndexKeys: ix.keys.map(([Name, Direction]) => ({ Name, Direction })), MgoIsUnique: ix.unique }
})

function planDatabase(desired: Desired, current: Current, flags: Flags, plan: Plan): void {
  const have = new Map(current.collections.map((c) => [c.name, c]))
  const creates: Step[] = []
  const rules: Step[] = []
  const drops: Step[] = []
  const indexCreates: Step[] = []
  for (const want of desired.collections) {
    const cur = have.get(want.name)
    if (!cur) creates.push({ part: 'database', call: 'database.createCollectionIfNotExists', args: [want.name], why: 'new collection' })
    if (cur?.rule !== want.rule) {
      rules.push({
        part: 'database',
        call: 'permission.modifyResourcePermission',
        args: [{ resourceType: 'collection', resource: want.name, permission: want.rule }],
        why: cur ? `rule ${cur.rule || 'unknown'} → ${want.rule}` : 'rule of the new collection'
      })
    }
    const curIndexes = (cur?.indexes ?? []).filter((ix) => ix.name !== '_id_')
    const wanted = new Set(want.indexes.map(signature))
    const present = new Set(curIndexes.map(signature))
    const stray = curIndexes.filter((ix) => !wanted.has(signature(ix)))
    const count = cur?.count ?? 0
    const droppable = count === 0 || flags.allowDrop
    const dropped = new Set<string>()
    if (stray.length && droppable) {
      for (const ix of stray) dropped.add(ix.name)
      drops.push({
        part: 'database',
        call: 'database.updateCollection',
        args: [want.name, { DropIndexes: stray.map((ix) => ({ IndexName: ix.name })) }],
        why: `indexes not declared: ${stray.map(signature).join('; ')}${count ? ` (${count} documents, --allow-drop)` : ' (empty collection)'}`
      })
    } else {
      for (const ix of stray)
        plan.refused.push(
          `${want.name}: index ${ix.name} (${signature(ix)}) is not declared; ${count} documents: drop it with --allow-drop`
        )
    }
    const missing = want.indexes.filter((ix) => !present.has(signature(ix)))
    const blocked = missing.filter((ix) => curIndexes.some((c) => c.name === ix.name && !dropped.has(c.name)))
    for (const ix of blocked) plan.refused.push(`${want.name}: index ${ix.name} exists with other keys; drop it first (--allow-drop)`)
    const creatable = missing.filter((ix) => !blocked.includes(ix))
    if (creatable.length) {
      indexCreates.push({
        part: 'database',
        call: 'database.updateCollection',
        args: [want.name, { CreateIndexes: creatable.map(mgoIndex) }],
        why: `missing indexes: ${creatable.map(signature).join('; ')}`
      })
    }
  }
  const declared = new Set(desired.collections.map((c) => c.name))
  for (const cur of current.collections) {
    if (declared.has(cur.name)) continue
    const count = cur.count ?? 0
    if (count === 0 || flags.allowDrop)
      drops.push({ part: 'database', call: 'database.deleteCollection', args: [cur.name], why: `not declared (${count} documents)` })
    else plan.refused.push(`collection ${cur.name} is not declared and holds ${count} documents: drop it with --allow-drop`)
  }
  plan.steps.push(...creates, ...rules, ...drops, ...indexCreates)
}

/** Whether a variable name is one of `patterns` (exact names, or `PREFIX_*`). */
export const matchesAny = (name: string, patterns: readonly string[]) =>
  patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p))

/**
 * The value each once-set variable has across the environment's functions (they must agree), and whether the
 * environment already runs functions without it (they then keep a generated key in the database, so one set
 * now would change every id).
 */
function onceSetState(desired: Desired, current: Current, plan: Plan) {
  const names = [...new Set(desired.functions.flatMap((f) => f.onceSet))]
  const values = new Map<string, string>()
  const runningWithout = new Set<string>()
  const declared = new Map(desired.functions.map((f) => [f.name, f]))
  for (const name of names) {
    for (const f of current.functions) {
      if (!declared.get(f.name)?.onceSet.includes(name)) continue
      const value = f.envVariables[name]
      if (value === undefined) runningWithout.add(name)
      else if (!values.has(name)) values.set(name, value)
      else if (values.get(name) !== value)
        plan.refused.push(`${name} differs between the environment's functions (${f.name}): make them agree by hand`)
    }
    if (values.has(name) && runningWithout.has(name)) {
      const without = current.functions.filter((f) => declared.get(f.name)?.onceSet.includes(name) && f.envVariables[name] === undefined)
      plan.refused.push(
        `${name} is set on some of the environment's functions, not on ${without.map((f) => f.name).join(', ')}: make them agree by hand`
      )
    }
  }
  return { values, runningWithout }
}

/** The variables a function ends up with: declared values, then what the environment keeps. */
function variables(want: DesiredFunction, cur: FunctionState | undefined, once: ReturnType<typeof onceSetState>, plan: Plan) {
  const vars = { ...want.envVariables }
  for (const [name, kept] of Object.entries(cur?.envVariables ?? {})) {
    if (matchesAny(name, want.passThrough) && !(name in vars)) vars[name] = kept
  }
  for (const name of want.onceSet) {
    const existing = once.values.get(name)
    if (existing !== undefined) {
      if (want.envVariables[name] !== undefined && want.envVariables[name] !== existing)
        plan.refused.push(`${want.name}: ${name} is set in the environment and never changes once set; the given value is ignored`)
      // A function running without it (refused above) is left so; a new function gets the environment's value.
      if (cur && cur.envVariables[name] === undefined) delete vars[name]
      else vars[name] = existing
    } else if (vars[name] !== undefined && once.runningWithout.has(name)) {
      plan.refused.push(
        `${want.name}: ${name} is not set where the environment's functions already run without it (they keep a generated key in the database); not set`
      )
      delete vars[name]
    }
  }
  return sortKeys(vars) as Record<string, string>
}

function planFunctions(desired: Desired, current: Current, plan: Plan): void {
  const have = new Map(current.functions.map((f) => [f.name, f]))
  const once = onceSetState(desired, current, plan)
  for (const want of desired.functions) {
    const cur = have.get(want.name)
    const envVariables = variables(want, cur, once, plan)
    const description = DESCRIPTION_PREFIX + want.codeHash
    const root = desired.functionsRoot
    if (!cur) {
      plan.steps.push({
        part: 'functions',
        call: 'functions.createFunction',
        args: [
          {
            func: {
              name: want.name,
              runtime: want.runtime,
              handler: want.handler,
              timeout: want.timeout,
              memorySize: want.memorySize,
              envVariables,
              installDependency: true,
              ignore: want.ignore,
              description,
              triggers: want.triggers
            },
            functionRootPath: root,
            force: false
          }
        ],
        why: `new function${want.triggers.length ? ` with ${want.triggers.length} timer trigger(s)` : ''}`
      })
      continue
    }
    if (cur.runtime !== want.runtime)
      plan.refused.push(
        `${want.name}: runtime ${cur.runtime} ≠ ${want.runtime}; a runtime is set when a function is created (delete and redeploy it)`
      )
    if (cur.codeHash !== want.codeHash) {
      plan.steps.push({
        part: 'functions',
        call: 'functions.updateFunctionCode',
        args: [{ func: { name: want.name, runtime: cur.runtime, installDependency: true, ignore: want.ignore }, functionRootPath: root }],
        why: `code ${cur.codeHash || 'unknown'} → ${want.codeHash}`
      })
    }
    const changed = [
      cur.timeout !== want.timeout && `timeout ${cur.timeout} → ${want.timeout}`,
      cur.memorySize !== want.memorySize && `memory ${cur.memorySize} → ${want.memorySize}`,
      !sameJson(cur.envVariables, envVariables) && `variables ${variableChanges(cur.envVariables, envVariables)}`,
      cur.codeHash !== want.codeHash && 'description (code hash)'
    ].filter(Boolean)
    if (changed.length) {
      plan.steps.push({
        part: 'functions',
        call: 'functions.updateFunctionConfig',
        args: [{ name: want.name, timeout: want.timeout, memorySize: want.memorySize, envVariables, description }],
        why: changed.join(', ')
      })
    }
    const curTriggers = new Map(cur.triggers.map((t) => [t.name, t]))
    const wantTriggers = new Map(want.triggers.map((t) => [t.name, t]))
    for (const t of cur.triggers) {
      const w = wantTriggers.get(t.name)
      if (!w || !sameJson(w, t))
        plan.steps.push({
          part: 'functions',
          call: 'functions.deleteFunctionTrigger',
          args: [want.name, t.name],
          why: w ? `trigger ${t.name} changes (${t.config} → ${w.config})` : `trigger ${t.name} not declared`
        })
    }
    const toCreate = want.triggers.filter((t) => !sameJson(curTriggers.get(t.name), t))
    if (toCreate.length)
      plan.steps.push({
        part: 'functions',
        call: 'functions.createFunctionTriggers',
        args: [want.name, toCreate],
        why: `triggers ${toCreate.map((t) => t.name).join(', ')}`
      })
  }
  const declared = new Set(desired.functions.map((f) => f.name))
  for (const f of current.functions)
    if (!declared.has(f.name)) plan.notes.push(`function ${f.name} is not in cloudfunctions/; left as it is`)
}

function variableChanges(from: Record<string, string>, to: Record<string, string>): string {
  const names = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()
  return names
    .filter((n) => from[n] !== to[n])
    .map((n) => (from[n] === undefined ? `+${n}` : to[n] === undefined ? `-${n}` : `~${n}`))
    .join(' ')
}

function planImport(desired: Desired, current: Current, plan: Plan): void {
  const source = desired.import
  if (!source) return
  const to = current.fileIdPrefix ?? `cloud://${desired.envId}.<bucket>/`
  for (const cloudPath of source.files) {
    plan.steps.push({
      part: 'import',
      call: 'storage.uploadFile',
      args: [{ localPath: `${source.dir}/storage/${cloudPath}`, cloudPath }],
      why: 'storage file of the export'
    })
  }
  const declared = new Set(desired.collections.map((c) => c.name))
  for (const [name, count] of Object.entries(source.collections)) {
    if (!count) continue
    if (!declared.has(name)) {
      plan.notes.push(`import: collection ${name} (${count} documents) is not declared; not imported`)
      continue
    }
    plan.steps.push({
      part: 'import',
      call: 'database.import',
      args: [
        name,
        { FilePath: `${source.dir}/collections/${name}.jsonl` },
        { FileType: 'json', ConflictMode: 'upsert', StopOnError: true }
      ],
      why: `${count} documents, upsert by _id`,
      rewriteFileIds: source.fileIdPrefix === to ? undefined : { from: source.fileIdPrefix, to }
    })
  }
}

function planApp(desired: Desired, plan: Plan): void {
  const app = desired.app
  if (!app) return
  plan.steps.push({
    part: 'app',
    call: 'miniprogram-ci.upload',
    args: [app],
    why: `upload version ${app.version} as robot ${app.robot}'s development version`
  })
}

export function plan(desired: Desired, current: Current, flags: Flags): Plan {
  const only = new Set<Part>(flags.only ?? PARTS)
  const result: Plan = { steps: [], refused: [], notes: [] }
  if (only.has('database')) planDatabase(desired, current, flags, result)
  if (only.has('functions')) planFunctions(desired, current, result)
  if (only.has('import')) planImport(desired, current, result)
  if (only.has('app')) planApp(desired, result)
  return result
}

/** Drift, for --check: what deploying the database and the functions would change or refuse. */
export function drift(p: Plan): string[] {
  return [...p.steps.filter((s) => s.part === 'database' || s.part === 'functions').map(formatStep), ...p.refused]
}

const SECRET_NAME = /SECRET|KEY|TOKEN|PASSWORD/i

/** Arguments as JSON with secret-looking variables (ID_HASH_KEY, CHECKIN_SECRET…) masked: the plan is printed. */
const maskedJson = (value: unknown): string =>
  JSON.stringify(value, (key, v) =>
    typeof v === 'string' && /^[A-Z][A-Z0-9_]*$/.test(key) && SECRET_NAME.test(key) ? `<secret, ${v.length} characters>` : v
  )

export function formatStep(step: Step): string {
  const rewrite = step.rewriteFileIds ? ` [file IDs ${step.rewriteFileIds.from} → ${step.rewriteFileIds.to}]` : ''
  return `${step.call}(${step.args.map(maskedJson).join(', ')})  # ${step.why}${rewrite}`
}

/** How many calls of each kind, e.g. "35 database.createCollectionIfNotExists, 7 functions.createFunction". */
function summary(steps: Step[]): string {
  const counts = new Map<string, number>()
  for (const s of steps) counts.set(s.call, (counts.get(s.call) ?? 0) + 1)
  return [...counts].map(([call, n]) => `${n} ${call}`).join(', ')
}

export function formatPlan(p: Plan): string {
  const lines: string[] = []
  let part: Part | undefined
  p.steps.forEach((step, i) => {
    if (step.part !== part) {
      part = step.part
      lines.push(`${part}:`)
    }
    lines.push(`  ${String(i + 1).padStart(3)}. ${formatStep(step)}`)
  })
  if (p.steps.length) lines.push(`${p.steps.length} calls: ${summary(p.steps)}`)
  else lines.push('nothing to do: the environment matches the declaration')
  for (const r of p.refused) lines.push(`refused: ${r}`)
  for (const n of p.notes) lines.push(`note: ${n}`)
  return lines.join('\n')
}
