// The authorization matrix, generated from matrix.ts: every case of every action is called as every caller
// kind against the world of support/matrixWorld.ts. Allowed → ok (or the domain answer the case names);
// refused → PERMISSION_DENIED (UNAUTHENTICATED for anonymous, NOT_FOUND for a hidden record) and not one
// document written (a snapshot of every collection but the outbox, before and after). Timer actions run
// as the system through cloud.timer. The contract and the table must list the same actions.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { contract, isEnvelope, type Envelope } from '../../types'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { MATRIX, matrixCases, refusalFor, type Case } from './matrix'
import { CALLER_KINDS, CALLER_NOTES, WHO, changedCollections, snapshot, type CallerKind, useKeptWorld } from './support/matrixWorld'

const lc = useLocalCloud({ instancesPerFunction: 1 })
// Every action is called by name from the table (matrix.ts types each row's payloads by its action): callRaw.
const api = typedClient(lc)

const kept = useKeptWorld(lc)

type Answer = Envelope<unknown>
const REFUSALS = new Set(['PERMISSION_DENIED', 'UNAUTHENTICATED'])
const describeAnswer = (res: unknown) =>
  isEnvelope(res) ? (res.ok ? 'ok' : `${res.error.code} (${res.error.message})`) : `not an envelope: ${JSON.stringify(res)?.slice(0, 200)}`

/** What is wrong with `res` for `kind` in case `c`, or null. */
function verdict(c: Case, kind: CallerKind, res: Answer): string | null {
  if (!isEnvelope(res)) return describeAnswer(res)
  if (c.allow.includes(kind)) {
    const expected = c.answers?.[kind]
    if (!expected) return res.ok ? null : `allowed, expected ok, got ${describeAnswer(res)}`
    if (REFUSALS.has(expected)) return `the table lists a refusal (${expected}) as an answer for an allowed caller`
    return !res.ok && res.error.code === expected ? null : `allowed, expected ${expected}, got ${describeAnswer(res)}`
  }
  const expected = refusalFor(c, kind)
  return !res.ok && res.error.code === expected ? null : `refused, expected ${expected}, got ${describeAnswer(res)}`
}

describe('the table covers the contract', () => {
  test('every action of every function has a row, and every row an action', () => {
    const missing: string[] = []
    for (const [fn, actions] of Object.entries(contract)) {
      for (const action of Object.keys(actions)) {
        const row = (MATRIX as Record<string, Record<string, readonly Case[]> | undefined>)[fn]?.[action]
        if (!row?.length) missing.push(`${fn}.${action}`)
      }
    }
    const stale = matrixCases()
      .filter(({ fn, action }) => !(contract as Record<string, Record<string, unknown>>)[fn]?.[action])
      .map(({ fn, action }) => `${fn}.${action}`)
    expect({ missing, stale }).toEqual({ missing: [], stale: [] })
  })

  test('every timer trigger of every function is a row that lets the system through', () => {
    const root = join(__dirname, '../../cloudfunctions')
    const triggers = readdirSync(root)
      .filter((fn) => existsSync(join(root, fn, 'config.json')))
      .flatMap((fn) => {
        const config = JSON.parse(readFileSync(join(root, fn, 'config.json'), 'utf8')) as {
          triggers?: Array<{ name: string; type: string }>
        }
        return (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => `${fn}/${t.name}`)
      })
    const rows = matrixCases()
      .filter(({ c }) => c.timer)
      .map(({ fn, c }) => `${fn}/${c.timer}`)
    expect([...new Set(rows)].sort()).toEqual(triggers.sort())
  })
})

describe('a client call without an openid is never the system caller', () => {
  test('the gateway refuses every action with UNAUTHENTICATED and writes nothing', async () => {
    kept.fresh()
    const wrong: string[] = []
    for (const { fn, action, c } of matrixCases().filter(({ index }) => index === 0)) {
      const res = await api.callRaw(fn, action, c.payload(kept.world, 'staff'), undefined)
      if (res.ok || res.error.code !== 'UNAUTHENTICATED') wrong.push(`${fn}.${action}: ${describeAnswer(res)}`)
    }
    expect(wrong).toEqual([])
    expect(changedCollections(kept.pristine, snapshot(lc.cloud.store))).toEqual([])
  })
})

const cases = matrixCases().map((entry) => ({ ...entry, name: `${entry.fn}.${entry.action} — ${entry.c.scope}` }))

describe.each(cases)('$name', ({ fn, action, c }) => {
  test(`allowed: ${c.allow.length ? c.allow.join(', ') : 'nobody'}${c.timer ? ' + timer' : ''}`, async () => {
    const problems: string[] = []
    for (const kind of CALLER_KINDS) {
      kept.fresh()
      const res = await api.callRaw(fn, action, c.payload(kept.world, kind), WHO[kind])
      const after = snapshot(lc.cloud.store)
      const written = changedCollections(kept.pristine, after)
      if (written.length) kept.touched()
      const wrong = verdict(c, kind, res)
      if (wrong) problems.push(`${kind} (${CALLER_NOTES[kind]}): ${wrong}`)
      if ((!c.allow.includes(kind) || !res.ok) && written.length) problems.push(`${kind}: refused, yet wrote ${written.join(', ')}`)
      else if (c.noWrites?.includes(kind) && written.length) problems.push(`${kind}: nothing in scope, yet wrote ${written.join(', ')}`)
    }
    if (c.timer) {
      kept.fresh()
      const res = (await lc.cloud.timer(fn, c.timer)) as Answer
      if (!isEnvelope(res) || !res.ok) problems.push(`system (timer ${c.timer}): expected ok, got ${describeAnswer(res)}`)
      kept.touched()
    }
    expect(problems).toEqual([])
  })
})
