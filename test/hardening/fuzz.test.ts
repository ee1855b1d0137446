// Fuzzing every action with fast-check: hostile payloads (support/arbitraries.ts), mostly one mutation of
// the action's valid payload from the matrix so the fuzz reaches past the first validation error, sent
// by the most privileged caller the matrix lets through (so validation, not authorization, is exercised).
// Every answer must be an envelope; a refusal must be INVALID_ARGUMENT or a domain refusal, never INTERNAL;
// a refused call writes nothing; Object.prototype stays clean; and the function still answers its valid
// call afterwards. Seeded: FUZZ_SEED and FUZZ_RUNS override the defaults; a failure prints its seed.
import fc from 'fast-check'
import type { ZodTypeAny } from 'zod'
import { contract, isEnvelope, type Envelope } from '../../types'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { MATRIX, mostPrivileged, type Case } from './matrix'
import { MAX_DEPTH } from '../../local-cloud/json'
import { applyMutation, edgeValues, type FuzzInput, fuzzInput, nestedData, schemaFields, setAt } from './support/arbitraries'
import { WHO, changedCollections, snapshot, writesSince, type CallerKind, useKeptWorld } from './support/matrixWorld'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_122)
const RUNS = Number(process.env.FUZZ_RUNS ?? 30)

const lc = useLocalCloud({ instancesPerFunction: 1 })
// Hostile payloads and unknown action names, every action by name: callRaw throughout.
const api = typedClient(lc)

const kept = useKeptWorld(lc)

type Answer = Envelope<unknown>
/** What a hostile payload may get back when refused. */
const REFUSALS = new Set(['INVALID_ARGUMENT', 'NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED'])

/** Residents read every refusal: it must be a Chinese sentence, not a library's English default. */
const CHINESE = /[\u4e00-\u9fff]/

const polluted = () =>
  Object.keys(Object.prototype).length > 0 ||
  ({} as Record<string, unknown>).polluted !== undefined ||
  ({} as Record<string, unknown>).isAdmin !== undefined

/** The fuzzed case of an action: its first case with a caller that gets an ok answer (null without a row). */
function fuzzTarget(fn: string, action: string): { c: Case; kind: CallerKind } | null {
  const row = (MATRIX as Record<string, Record<string, readonly Case[]>>)[fn]?.[action] ?? []
  if (!row.length) return null
  for (const c of row) {
    const kind = mostPrivileged(c)
    if (kind) return { c, kind }
  }
  // Nobody may call it from the app (a timer action): fuzz it as staff, who must be refused whatever the payload.
  return { c: row[0], kind: 'staff' }
}

const seedOf = (name: string) => [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED)

const actions = Object.entries(contract).flatMap(([fn, defs]) =>
  Object.keys(defs).map((action) => ({ fn, action, name: `${fn}.${action}` }))
)

describe.each(actions)('$name', ({ fn, action, name }) => {
  const target = fuzzTarget(fn, action)
  if (!target) {
    test('has a row in matrix.ts (the fuzz takes its valid payload and caller from there)', () => {
      throw new Error(`${name} has no row in test/hardening/matrix.ts`)
    })
    return
  }
  const { c, kind } = target
  const fields = schemaFields((contract as Record<string, Record<string, { input: ZodTypeAny }>>)[fn][action].input)

  /** The payload an input describes, built on a fresh valid payload (fresh request ids and check-in codes). */
  function payloadOf(input: FuzzInput): unknown {
    if (input.kind === 'random') return input.value.value
    const valid = c.payload(kept.world, kind)
    if (input.kind === 'mutation') return applyMutation(valid, input.m)
    return fields.length ? setAt(valid, fields[input.at % fields.length].path, input.value.value) : input.value.value
  }

  /** Sends `data`; answers what is wrong with the answer (null when nothing is). */
  async function probe(data: unknown): Promise<string | null> {
    kept.fresh()
    const since = lc.cloud.store.db.sequence
    const res = await api.callRaw(fn, action, data, WHO[kind])
    const written = writesSince(lc.cloud.store, since, kept.pristine)
    if (written.length) kept.touched()
    if (!isEnvelope(res)) return `not an envelope: ${String(JSON.stringify(res)).slice(0, 200)}`
    if (!res.ok && !REFUSALS.has(res.error.code)) return `answered ${res.error.code}: ${res.error.message}`
    if (!res.ok && !CHINESE.test(String(res.error.message))) return `a refusal not in Chinese: ${String(res.error.message).slice(0, 80)}`
    if (!res.ok && written.length) return `refused with ${res.error.code}, yet wrote ${written.join(', ')}`
    if (polluted()) return 'Object.prototype polluted'
    return null
  }

  /** The function still answers its valid call as the matrix says. */
  async function stillAnswers() {
    kept.fresh()
    const res = await api.callRaw(fn, action, c.payload(kept.world, kind), WHO[kind])
    const expected = c.allow.includes(kind) ? (c.answers?.[kind] ?? 'ok') : 'PERMISSION_DENIED'
    expect(res.ok ? 'ok' : res.error.code).toBe(expected)
    kept.touched()
  }

  test(`hostile payloads as ${kind}: envelopes, no INTERNAL, refusals write nothing`, async () => {
    const seed = seedOf(name)
    const property = fc.asyncProperty(fuzzInput, async (input: FuzzInput) => {
      const wrong = await probe(payloadOf(input))
      if (wrong) throw new Error(wrong)
    })
    try {
      await fc.assert(property, { seed, numRuns: RUNS })
    } catch (e) {
      throw new Error(`${name} (FUZZ_SEED=${SEED}, seed ${seed}): ${(e as Error).message}`)
    }
    await stillAnswers()
  })

  test(`every declared field (${fields.length}) with the edge values of its type`, async () => {
    const wrong: string[] = []
    for (const field of fields) {
      for (const value of edgeValues(field.kind)) {
        const problem = await probe(setAt(c.payload(kept.world, kind), field.path, value.value))
        if (problem) wrong.push(`${field.path.join('.')} = ${value.name}: ${problem}`)
      }
    }
    expect(wrong).toEqual([])
    await stillAnswers()
  })
})

describe('beyond the payload', () => {
  const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype', '']

  test('unknown and prototype action names are INVALID_ARGUMENT for every function', async () => {
    kept.fresh()
    const wrong: string[] = []
    for (const fn of Object.keys(contract)) {
      for (const action of [...PROTOTYPE_NAMES, 'no-such-action', 'x'.repeat(10_000)]) {
        const res = await api.callRaw(fn, action, {}, WHO.staff)
        if (!isEnvelope(res) || res.ok || res.error.code !== 'INVALID_ARGUMENT')
          wrong.push(`${fn}.${action.slice(0, 20)}: ${JSON.stringify(res).slice(0, 120)}`)
      }
    }
    expect(wrong).toEqual([])
    expect(changedCollections(kept.pristine, snapshot(lc.cloud.store))).toEqual([])
  })

  test('raw JSON bodies with prototype keys, operators and deep nesting through the HTTP gateway', async () => {
    kept.fresh()
    const bodies = [
      '{"action":"me","data":{"__proto__":{"polluted":"yes"}}}',
      '{"__proto__":{"action":"me"},"action":"me"}',
      '{"action":{"$gt":""},"data":{}}',
      '{"action":"me","data":' + '['.repeat(1000) + ']'.repeat(1000) + '}',
      '{"action":"me","data":' + '{"a":'.repeat(1000) + '1' + '}'.repeat(1000) + '}',
      '{"action":"me","data":"\\ud800"}',
      '[]',
      'null',
      '"me"',
      '{"action":"me"'
    ]
    const wrong: string[] = []
    for (const fn of Object.keys(contract)) {
      for (const body of bodies) {
        const res = await fetch(`${lc.cloud.url}/api/functions/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wx-openid': WHO.staff },
          body
        })
        const answer = (await res.json()) as Answer
        if (!isEnvelope(answer) || (!answer.ok && !REFUSALS.has(answer.error.code)))
          wrong.push(`${fn} ${body.slice(0, 40)}: ${JSON.stringify(answer).slice(0, 120)}`)
      }
    }
    expect(wrong).toEqual([])
    expect(polluted()).toBe(false)
    expect(changedCollections(kept.pristine, snapshot(lc.cloud.store))).toEqual([])
  })

  test('nesting up to 10 000 levels through the raw gateway: past the limit a clean INVALID_ARGUMENT, and the server goes on serving', async () => {
    kept.fresh()
    const property = fc.asyncProperty(fc.constantFrom(...Object.keys(contract)), nestedData, async (fn, data) => {
      const body = `{"action":"me","data":${data.text}}`
      const res = await fetch(`${lc.cloud.url}/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': WHO.staff },
        body
      })
      const answer = (await res.json()) as Answer
      if (!isEnvelope(answer)) throw new Error(`not an envelope: ${JSON.stringify(answer).slice(0, 120)}`)
      // The body is one level deeper than its data.
      if (data.depth + 1 > MAX_DEPTH.gateway) {
        expect(res.status).toBe(400)
        expect(answer).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(CHINESE) } })
      } else if (!answer.ok && !REFUSALS.has(answer.error.code)) throw new Error(`answered ${answer.error.code}: ${answer.error.message}`)
    })
    try {
      await fc.assert(property, { seed: SEED, numRuns: RUNS * 2 })
    } catch (e) {
      throw new Error(`FUZZ_SEED=${SEED}: ${(e as Error).message}`)
    }
    expect(changedCollections(kept.pristine, snapshot(lc.cloud.store))).toEqual([])
    const me = (await lc.call('user', 'me', {}, WHO.staff)) as Answer
    expect(me.ok).toBe(true)
  })

  test('the test process was never polluted', () => {
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(polluted()).toBe(false)
  })
})
