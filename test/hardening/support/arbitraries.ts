// fast-check arbitraries for hostile payloads: wrong types, huge strings, deep nesting, prototype-pollution
// keys, query-operator objects, unicode edge cases, bad numbers, far-away or invalid coordinates, bad
// dates and ids, and mutations of a valid payload (one place at a time) so the fuzz gets past the first
// validation error. Every generated value carries a short printable name, so a counterexample stays
// readable even when the value is a 100 000-character string or 1 000 levels deep.
import fc from 'fast-check'
import type { ZodTypeAny } from 'zod'

/** A value with the name fast-check prints for it. */
export interface Named {
  name: string
  value: unknown
}

const named = (name: string, value: unknown): Named => ({ name, value, [fc.toStringMethod]: () => name }) as Named

/** An object with an OWN property `key` (a literal `{ __proto__: x }` would set the prototype instead). */
export function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  return target
}

export function nested(depth: number, leaf: unknown, kind: 'object' | 'array'): unknown {
  let v = leaf
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v]
  return v
}

/** JSON text nested `depth` levels deep (objects, arrays, or both in turn), built as text so 10 000 levels cost nothing. */
export function nestedJson(depth: number, kind: 'object' | 'array' | 'mixed', leaf = '"x"'): string {
  const objectAt = (i: number) => kind === 'object' || (kind === 'mixed' && i % 2 === 0)
  const levels = Array.from({ length: depth }, (_, i) => objectAt(i))
  return (
    levels.map((o) => (o ? '{"a":' : '[')).join('') +
    leaf +
    [...levels]
      .reverse()
      .map((o) => (o ? '}' : ']'))
      .join('')
  )
}

/** The `data` of a raw gateway body, nested from 1 to 10 000 levels (10 000 itself often). */
export interface NestedData {
  depth: number
  text: string
}

export const nestedData: fc.Arbitrary<NestedData> = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 71, max: 10_000 }), fc.constant(10_000)),
    kind: fc.constantFrom('object' as const, 'array' as const, 'mixed' as const)
  })
  .map(({ depth, kind }) => ({ depth, text: nestedJson(depth, kind), [fc.toStringMethod]: () => `${kind} nested ${depth} deep` }))

const POLLUTION: Named[] = [
  named('{"__proto__":{"polluted":…}}', JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}')),
  named('{"constructor":{"prototype":{"polluted":…}}}', { constructor: { prototype: { polluted: 'yes' } } }),
  named('{"prototype":{"polluted":…}}', { prototype: { polluted: 'yes' } }),
  named('{"__proto__":{"__proto__":…}}', JSON.parse('{"__proto__":{"__proto__":{"polluted":"yes"}}}')),
  named('{"__proto__":{"roles":[staff]}}', JSON.parse('{"__proto__":{"roles":[{"role":"staff","communityId":"cm01"}]}}')),
  named('{"__proto__":{"toString":"x"}}', JSON.parse('{"__proto__":{"toString":"x","valueOf":"y"}}'))
]

const OPERATORS: Named[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(5000) || true' },
  { $regex: '.*' },
  { $regex: '.*', $options: 'i' },
  { $in: ['cm01', 'cm02'] },
  { $nin: [] },
  { $exists: true },
  { $expr: { $eq: [1, 1] } },
  { $or: [{ _id: { $exists: true } }] },
  { $set: { roles: [{ role: 'staff' }] } },
  { $tcb_server_date: { offset: 0 } },
  { $date: '2026-01-01T00:00:00Z' },
  { $oid: '0123456789abcdef01234567' },
  { $numberLong: '9007199254740993' },
  { $numberDecimal: '1e400' },
  { 'a.b': 1 },
  { $: 1 }
].map((o) => named(JSON.stringify(o), o))

const UNICODE: Named[] = [
  ['lone high surrogate', '\uD800'],
  ['lone low surrogate', 'x\uDFFFy'],
  ['RTL override', '\u202E张桂英\u202C'],
  ['RTL mark', '\u200F13800138000'],
  ['zero-width joiner', '\u200D'],
  ['zero-width space', '\u200B\u200B'],
  ['emoji family', '👨‍👩‍👧‍👦'],
  ['emoji flags', '🇨🇳🇨🇳🇨🇳'],
  ['NUL', '\u0000'],
  ['NUL inside', 'a\u0000b'],
  ['BOM', '\uFEFF'],
  ['line separator', '\u2028\u2029'],
  ['combining marks', 'e\u0301\u0301\u0301'],
  ['full-width digits', '１３８００１３８０００'],
  ['Arabic-Indic digits', '١٣٨٠٠١٣٨٠٠٠'],
  ['astral CJK', '𠜎𠜱𠝹'],
  ['control chars', '\u0001\u001F\u007F'],
  ['CRLF', '\r\n\r\n'],
  ['only spaces', '   '],
  ['ideographic space', '\u3000'],
  ['empty', ''],
  ['Zalgo', 'Z̷̛͓a̵̢l̴g̸o̶']
].map(([name, s]) => named(name, s))

const NUMBERS: Named[] = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  -0.1,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  2 ** 31,
  -(2 ** 31),
  8.64e15 + 1,
  1e20,
  99999999999
].map((n) => named(`number ${Object.is(n, -0) ? '-0' : String(n)}`, n))

const COORDINATES: Named[] = [
  { lat: 91, lng: 181 },
  { lat: -91, lng: -181 },
  { lat: 0, lng: 0 },
  { lat: 51.5, lng: -0.12 },
  { lat: -33.86, lng: 151.2 },
  { lat: '31.335', lng: '118.375' },
  { lat: NaN, lng: NaN },
  { lat: Infinity, lng: 118.375 },
  { lat: 1e308, lng: 1e308 },
  [118.375, 31.335],
  { type: 'Point', coordinates: [118.375, 31.335] },
  { lat: 31.335 },
  { latitude: 31.335, longitude: 118.375 },
  { lat: { $gt: 0 }, lng: { $gt: 0 } }
].map((c) => named(`coordinates ${JSON.stringify(c)}`, c))

const DATES: Named[] = [
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-01-01',
  'now',
  '+275760-09-13T00:00:00.000Z',
  8.64e15,
  8.64e15 + 1,
  1e20,
  1,
  -1
].map((d) => named(`date ${JSON.stringify(d)}`, d))

const IDS: Named[] = [
  '../../etc/passwd',
  'a'.repeat(65),
  'a b',
  '中文编号',
  '$gt',
  '.',
  '_id',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'a/b',
  'a.b',
  '*',
  'cm01\u0000',
  ' cm01',
  'cm01 ',
  'CM01'
].map((s) => named(`id ${JSON.stringify(s.length > 20 ? `${s.slice(0, 8)}…(${s.length})` : s)}`, s))

const WRONG_TYPES: Named[] = [
  ['null', null],
  ['undefined', undefined],
  ['true', true],
  ['false', false],
  ['[]', []],
  ['{}', {}],
  ['[{}]', [{}]],
  ['[null]', [null]],
  ['[[[]]]', [[[]]]],
  ['{length: 1e9}', { length: 1e9 }],
  ["'true'", 'true'],
  ["'1'", '1'],
  ['array of 5 000 strings', Array.from({ length: 5000 }, () => 'x')]
].map(([name, v]) => named(name as string, v))

const STRUCTURES: Named[] = [
  named('string of 100 000 x', 'x'.repeat(100_000)),
  named('string of 100 000 中', '中'.repeat(100_000)),
  named('string of 60 000 emoji', '😀'.repeat(60_000)),
  named('string of 100 000 NUL', '\u0000'.repeat(100_000)),
  named('objects nested 1 000 deep', nested(1000, 'x', 'object')),
  named('arrays nested 1 000 deep', nested(1000, 'x', 'array')),
  named('objects nested 1 000 deep with __proto__', nested(1000, JSON.parse('{"__proto__":{"polluted":"yes"}}'), 'object'))
]

/** Catalogued hostile values: one of each kind above. */
export const hostileValue: fc.Arbitrary<Named> = fc.constantFrom(
  ...POLLUTION,
  ...OPERATORS,
  ...UNICODE,
  ...NUMBERS,
  ...COORDINATES,
  ...DATES,
  ...IDS,
  ...WRONG_TYPES,
  ...STRUCTURES
)

const show = (v: unknown) => {
  try {
    const s = JSON.stringify(v) ?? String(v)
    return s.length > 80 ? `${s.slice(0, 77)}…` : s
  } catch {
    return String(v)
  }
}

/** Random values: strings of any code points, doubles (NaN, ±Infinity, -0), integers, any JSON-ish shape. */
export const randomValue: fc.Arbitrary<Named> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.double(),
    fc.integer(),
    fc.anything({ maxDepth: 3, maxKeys: 5 })
  )
  .map((v) => named(`random ${show(v)}`, v))

/** A hostile value, from the catalogue more often than at random. */
export const anyHostile: fc.Arbitrary<Named> = fc.oneof({ weight: 3, arbitrary: hostileValue }, { weight: 1, arbitrary: randomValue })

/** Keys that must never reach anything: prototype keys, operators, paths. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$set', '$gt', '_id', 'openid', 'roles', 'a.b', '', '\u0000'),
  fc.string({ maxLength: 10 })
)

// --- mutations of a valid payload ----------------------------------------------------------------------

export type Path = Array<string | number>

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every place in a payload: the root, each key of each object, each element of each array. */
export function pathsOf(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [base]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...base, i])))
  else if (isPlain(value)) for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...base, k]))
  return out
}

export type MutationOp = 'replace' | 'delete' | 'addKey' | 'wrapInArray'

export interface Mutation {
  op: MutationOp
  /** Index into the payload's paths (taken modulo their count). */
  at: number
  value: Named
  key: string
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<MutationOp>('replace', 'replace', 'replace', 'delete', 'addKey', 'wrapInArray'),
  at: fc.nat(),
  value: anyHostile,
  key: hostileKey
})

/** `payload` with one mutation applied (a deep copy; the original is untouched). */
export function applyMutation(payload: unknown, m: Mutation): unknown {
  const root = structuredClone(payload)
  const paths = pathsOf(root)
  const path = paths[m.at % paths.length]
  if (path.length === 0) {
    if (m.op === 'delete') return undefined
    if (m.op === 'wrapInArray') return [root]
    if (m.op === 'addKey' && isPlain(root)) return withOwn(root, m.key, m.value.value)
    return m.value.value
  }
  const parent = path.slice(0, -1).reduce<any>((v, k) => v[k], root)
  const last = path[path.length - 1]
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1)
    else delete parent[last]
  } else if (m.op === 'wrapInArray') {
    withOwn(parent, String(last), [parent[last]])
  } else if (m.op === 'addKey') {
    const target = isPlain(parent[last]) ? parent[last] : parent
    if (isPlain(target)) withOwn(target, m.key, m.value.value)
    else withOwn(parent, String(last), m.value.value)
  } else {
    withOwn(parent, String(last), m.value.value)
  }
  return root
}

// --- the places a schema declares (optional fields included) ------------------------------------------

/** The schema under defaults, optionals, refinements and pipes. */
function unwrap(schema: ZodTypeAny): ZodTypeAny {
  const def = schema._def as { typeName?: string; schema?: ZodTypeAny; innerType?: ZodTypeAny; in?: ZodTypeAny }
  if (def.typeName === 'ZodEffects' && def.schema) return unwrap(def.schema)
  if ((def.typeName === 'ZodDefault' || def.typeName === 'ZodOptional' || def.typeName === 'ZodNullable') && def.innerType)
    return unwrap(def.innerType)
  if (def.typeName === 'ZodPipeline' && def.in) return unwrap(def.in)
  return schema
}

export type FieldKind = 'string' | 'number' | 'dateTime' | 'boolean' | 'array' | 'object' | 'other'

export interface Field {
  path: Path
  kind: FieldKind
}

type Def = {
  typeName?: string
  shape?: () => Record<string, ZodTypeAny>
  type?: ZodTypeAny
  options?: ZodTypeAny[]
  value?: unknown
  values?: unknown
}

function kindOf(schema: ZodTypeAny): FieldKind {
  const def = unwrap(schema)._def as Def
  switch (def.typeName) {
    case 'ZodString':
    case 'ZodEnum':
      return 'string'
    case 'ZodNumber':
      return 'number'
    case 'ZodBoolean':
      return 'boolean'
    case 'ZodArray':
      return 'array'
    case 'ZodObject':
      return 'object'
    case 'ZodLiteral':
      return typeof def.value === 'number' ? 'number' : typeof def.value === 'boolean' ? 'boolean' : 'string'
    case 'ZodUnion': {
      const kinds = new Set((def.options ?? []).map(kindOf))
      if (kinds.has('string') && kinds.has('number')) return 'dateTime'
      return kinds.size === 1 ? [...kinds][0] : 'other'
    }
    default:
      return 'other'
  }
}

/** Every field a schema declares (optional ones included), nested objects and array elements (index 0) too. */
export function schemaFields(schema: ZodTypeAny, base: Path = []): Field[] {
  const def = unwrap(schema)._def as Def
  if (def.typeName === 'ZodObject' && def.shape) {
    return Object.entries(def.shape()).flatMap(([key, child]) => [
      { path: [...base, key], kind: kindOf(child) },
      ...schemaFields(child, [...base, key])
    ])
  }
  if (def.typeName === 'ZodArray' && def.type)
    return [{ path: [...base, 0], kind: kindOf(def.type) }, ...schemaFields(def.type, [...base, 0])]
  if (def.typeName === 'ZodUnion' && def.options) return def.options.flatMap((o) => schemaFields(o, base))
  return []
}

export const schemaPaths = (schema: ZodTypeAny): Path[] => schemaFields(schema).map((f) => f.path)

const pick = (names: string[], from: Named[]) =>
  names.map(
    (n) =>
      from.find((v) => v.name === n) ??
      (() => {
        throw new Error(`no hostile value named ${n}`)
      })()
  )

/** For each kind of field, the values of (nearly) the right type that sit on its edges. */
const EDGES: Record<FieldKind, Named[]> = {
  string: [
    ...pick(
      [
        'empty',
        'only spaces',
        'NUL',
        'NUL inside',
        'lone high surrogate',
        'RTL override',
        'zero-width joiner',
        'emoji family',
        'control chars'
      ],
      UNICODE
    ),
    ...pick(['string of 100 000 x', 'string of 100 000 中'], STRUCTURES),
    ...IDS.filter((v) => ['id "__proto__"', 'id "../../etc/passwd"', 'id "a.b"'].includes(v.name)),
    ...pick(['date "9999-12-31T23:59:59Z"', 'date "+275760-09-13T00:00:00.000Z"'], DATES),
    named('regex metacharacters', '.*+?^${}()|[]\\(')
  ],
  number: pick(
    [
      'number -1',
      'number -0',
      'number 0.5',
      'number NaN',
      'number Infinity',
      'number -Infinity',
      'number 100000000000000000000',
      'number 8640000000000001',
      'number 9007199254740992',
      'number 1e+308'
    ],
    NUMBERS
  ),
  dateTime: [
    ...DATES,
    named('date "2026-01-01T00:00:00+14:00"', '2026-01-01T00:00:00+14:00'),
    named('date "2026-01-01T00:00:00-12:00"', '2026-01-01T00:00:00-12:00'),
    ...pick(['number 0.5', 'number NaN', 'number 9007199254740992'], NUMBERS)
  ],
  boolean: [named("'true'", 'true'), named('0', 0), named('1', 1)],
  array: [
    named('[null]', [null]),
    named('[{"$gt":""}]', [{ $gt: '' }]),
    named(
      'array of 5 000 strings',
      Array.from({ length: 5000 }, () => 'x')
    ),
    named('[string of 100 000 x]', ['x'.repeat(100_000)]),
    ...pick(['arrays nested 1 000 deep'], STRUCTURES)
  ],
  object: [
    named('{}', {}),
    named('[]', []),
    ...POLLUTION.slice(0, 2),
    ...pick(['objects nested 1 000 deep'], STRUCTURES),
    ...COORDINATES.slice(0, 11)
  ],
  other: [named('{}', {}), named('[]', []), ...pick(['number NaN'], NUMBERS), ...pick(['empty'], UNICODE)]
}

/** Values of the wrong type that every field gets: nothing, and query operators where a value belongs. */
const EVERY_FIELD: Named[] = [
  named('null', null),
  ...OPERATORS.filter((o) => ['{"$gt":""}', '{"$regex":".*"}', '{"$where":"sleep(5000) || true"}'].includes(o.name))
]

/** The edge values a field of this kind is swept with. */
export const edgeValues = (kind: FieldKind): Named[] => [...EDGES[kind], ...EVERY_FIELD]

/** `payload` with `value` at `path`, creating the objects and arrays on the way (a deep copy). */
export function setAt(payload: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value
  const root = isPlain(payload) || Array.isArray(payload) ? structuredClone(payload) : {}
  let node: any = root
  path.forEach((key, i) => {
    if (i === path.length - 1) return withOwn(node, String(key), value)
    const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined
    if (typeof next !== 'object' || next === null) withOwn(node, String(key), typeof path[i + 1] === 'number' ? [] : {})
    node = node[key]
  })
  return root
}

/** What the fuzz sends: a mutated valid payload (mostly), a hostile value in a declared field, or a wholly random payload. */
export type FuzzInput = { kind: 'mutation'; m: Mutation } | { kind: 'field'; at: number; value: Named } | { kind: 'random'; value: Named }

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 3, arbitrary: mutation.map((m) => ({ kind: 'mutation' as const, m })) },
  { weight: 2, arbitrary: fc.record({ at: fc.nat(), value: anyHostile }).map(({ at, value }) => ({ kind: 'field' as const, at, value })) },
  { weight: 1, arbitrary: anyHostile.map((value) => ({ kind: 'random' as const, value })) },
  {
    weight: 1,
    arbitrary: fc.dictionary(hostileKey, anyHostile, { maxKeys: 4 }).map((d) => ({
      kind: 'random' as const,
      value: named(
        `object of ${Object.keys(d)
          .map((k) => JSON.stringify(k))
          .join(', ')}`,
        Object.entries(d).reduce((o, [k, v]) => withOwn(o, k, v.value), {} as Record<string, unknown>)
      )
    }))
  }
)
