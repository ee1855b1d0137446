// The $match + $group fast path gives exactly mingo's answer, or declines (null) and leaves it to mingo.
import fc from 'fast-check'
import { fastMatchGroup, filterTest, simpleFilter, simpleGroup } from './fastgroup'
import { newAggregator } from './mingo'
import { compileFilter } from './query'
import { isDate, type Doc } from './values'

const D = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms * 3_600_000)

const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'c'),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, 1.5),
  fc.boolean(),
  fc.integer({ min: 0, max: 6 }).map(D),
  fc.constant(null)
)
const value = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) })

const doc = fc.record(
  {
    k: value,
    s: fc.constantFrom('x', 'y'),
    n: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant('7'), fc.constant(null)),
    at: value,
    m: fc.record({ v: value }, { requiredKeys: [] })
  },
  { requiredKeys: ['s'] }
)

const condition = fc.oneof(
  scalar.filter((v) => v !== null),
  fc.record({ $gte: scalar }, { requiredKeys: ['$gte'] }),
  fc.record({ $gt: scalar, $lt: scalar }, { requiredKeys: ['$gt', '$lt'] }),
  fc.record({ $lte: scalar }, { requiredKeys: ['$lte'] }),
  fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }, { requiredKeys: ['$in'] })
)
const field = fc.constantFrom('k', 's', 'n', 'at', 'm.v')
const filter = fc.oneof(
  fc.dictionary(field, condition, { maxKeys: 2 }),
  fc.tuple(field, condition, condition).map(([f, a, b]) => ({ s: 'x', $and: [{ [f]: a }, { [f]: b }] }))
)
const groupSpec = fc.oneof(
  fc.constant({ _id: null, n: { $sum: 1 } }),
  fc.constant({ _id: '$s', total: { $sum: '$n' }, n: { $sum: 1 } }),
  fc.constant({ _id: { s: '$s', k: '$k' }, total: { $sum: '$n' } }),
  fc.constant({ _id: { v: '$m.v' }, n: { $sum: 2 } }),
  fc.constant({ _id: '$at', n: { $sum: 1 } })
)

/** Groups in a comparable form: Dates as their time, sorted. */
const canonical = (rows: unknown[]) =>
  rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? `date:${Date.parse(v)}` : v))).sort()

describe('the $match + $group fast path', () => {
  it('answers what mingo answers whenever it answers at all (property)', () => {
    let answered = 0
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 25 }), filter, groupSpec, (raw, f, g) => {
        const docs = raw.map((d, i) => ({ _id: `d${i}`, ...d })) as Doc[]
        const compiled = compileFilter(f)
        const fast = fastMatchGroup(docs, compiled, g)
        if (fast === null) return
        answered++
        const slow = newAggregator([{ $group: g }]).run(docs.filter((d) => compiled.query.test(d)))
        expect(canonical(fast)).toEqual(canonical(slow as unknown[]))
      }),
      { numRuns: 2000 }
    )
    expect(answered).toBeGreaterThan(500)
  })

  it('tests a filter exactly as mingo does, arrays and all (property)', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 25 }), filter, (raw, f) => {
        const docs = raw.map((d, i) => ({ _id: `d${i}`, ...d })) as Doc[]
        const compiled = compileFilter(f)
        const test = filterTest(compiled)
        expect(docs.filter(test).map((d) => d._id)).toEqual(docs.filter((d) => compiled.query.test(d)).map((d) => d._id))
      }),
      { numRuns: 2000 }
    )
  })

  it('declines filters and groups it does not know, and documents with arrays on a path', () => {
    expect(simpleFilter({ a: { $ne: 1 } })).toBeNull()
    expect(simpleFilter({ $or: [{ a: 1 }] })).toBeNull()
    expect(simpleFilter({ a: null })).toBeNull()
    expect(simpleGroup({ _id: { $year: '$at' }, n: { $sum: 1 } })).toBeNull()
    expect(simpleGroup({ _id: '$a', n: { $avg: '$n' } })).toBeNull()
    expect(simpleGroup({ _id: '$a', n: { $sum: { $cond: [true, 1, 0] } } })).toBeNull()
    const docs = [{ _id: '1', a: ['x', 'y'], n: 1 }] as Doc[]
    expect(fastMatchGroup(docs, compileFilter({ a: 'x' }), { _id: null, n: { $sum: 1 } })).toBeNull()
    expect(fastMatchGroup(docs, compileFilter({}), { _id: '$a', n: { $sum: 1 } })).toBeNull()
  })

  it('returns copies, never the stored values', () => {
    const when = D(1)
    const docs = [{ _id: '1', at: when }] as Doc[]
    const [row] = fastMatchGroup(docs, compileFilter({}), { _id: '$at', n: { $sum: 1 } })!
    expect(isDate(row._id)).toBe(true)
    expect(row._id).not.toBe(when)
  })
})
