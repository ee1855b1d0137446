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

  describe('with a geo condition and $push (coverage: open facilities in a box, points by category)', () => {
    const coordinate = fc.integer({ min: 0, max: 20 }).map((i) => 118 + i / 10)
    const pair = fc.tuple(
      coordinate,
      coordinate.map((x) => x - 87)
    )
    const location = fc.oneof(
      { weight: 6, arbitrary: pair.map((coordinates) => ({ type: 'Point', coordinates })) },
      { weight: 1, arbitrary: pair },
      {
        weight: 1,
        arbitrary: fc.array(
          pair.map((coordinates) => ({ type: 'Point', coordinates })),
          { maxLength: 2 }
        )
      },
      { weight: 1, arbitrary: fc.constantFrom(null, 'here') }
    )
    const place = fc.record(
      { location, status: fc.constantFrom('open', 'closed'), category: fc.constantFrom('a', 'b', 'c'), n: fc.integer({ min: 0, max: 3 }) },
      { requiredKeys: ['status', 'category'] }
    )
    const box = fc
      .tuple(coordinate, coordinate, coordinate, coordinate)
      .filter(([a, b, c, d]) => a < b && c < d)
      .map(([w, e, s, n]) => [
        [w, s - 87],
        [e, s - 87],
        [e, n - 87],
        [w, n - 87],
        [w, s - 87]
      ])
    const geo = fc.oneof(
      box.map((ring) => ({ $geoWithin: { $geometry: { type: 'Polygon', coordinates: [ring] } } })),
      box.map((ring) => ({ $geoIntersects: { $geometry: { type: 'Polygon', coordinates: [ring] } } })),
      fc.tuple(pair, fc.constantFrom(0.01, 0.05)).map(([c, r]) => ({ $geoWithin: { $centerSphere: [c, r] } }))
    )
    const where = fc.oneof(
      geo.map((g) => ({ status: 'open', location: g })),
      geo.map((g) => ({ $and: [{ location: g }, { n: { $gte: 1 } }] }))
    )
    const grouping = fc.constantFrom(
      { _id: '$category', points: { $push: '$location.coordinates' } },
      { _id: '$category', points: { $push: '$location' }, n: { $sum: 1 } },
      { _id: null, ns: { $push: '$n' } }
    )

    it('answers what mingo answers whenever it answers at all (property)', () => {
      let answered = 0
      fc.assert(
        fc.property(fc.array(place, { maxLength: 30 }), where, grouping, (raw, f, g) => {
          const docs = raw.map((d, i) => ({ _id: `d${i}`, ...d })) as Doc[]
          const compiled = compileFilter(f)
          expect(docs.filter(filterTest(compiled)).map((d) => d._id)).toEqual(docs.filter((d) => compiled.query.test(d)).map((d) => d._id))
          const fast = fastMatchGroup(docs, compiled, g)
          if (fast === null) return
          answered++
          const slow = newAggregator([{ $group: g }]).run(docs.filter((d) => compiled.query.test(d)))
          expect(canonical(fast)).toEqual(canonical(slow as unknown[]))
        }),
        { numRuns: 1000 }
      )
      expect(answered).toBeGreaterThan(200)
    })

    it('pushes copies in the order of the candidates, and declines a missing value or an array on the way', () => {
      const docs = [
        { _id: '1', category: 'a', location: { type: 'Point', coordinates: [118.1, 31.1] } },
        { _id: '2', category: 'a', location: { type: 'Point', coordinates: [118.2, 31.2] } }
      ] as Doc[]
      const push = { _id: '$category', points: { $push: '$location.coordinates' } }
      const [row] = fastMatchGroup(docs, compileFilter({ category: 'a' }), push)!
      expect(row).toEqual({
        _id: 'a',
        points: [
          [118.1, 31.1],
          [118.2, 31.2]
        ]
      })
      expect((row.points as unknown[])[0]).not.toBe((docs[0].location as { coordinates: unknown }).coordinates)
      expect(fastMatchGroup([...docs, { _id: '3', category: 'a' }] as Doc[], compileFilter({}), push)).toBeNull()
      expect(
        fastMatchGroup([{ _id: '4', category: 'a', location: [{ coordinates: [1, 2] }] }] as Doc[], compileFilter({}), push)
      ).toBeNull()
      expect(simpleGroup({ _id: '$a', p: { $push: { $concat: ['$a', '$b'] } } })).toBeNull()
      expect(simpleFilter({ location: { $geoWithin: { $centerSphere: [[118, 31], 0.1] }, $exists: true } })).toBeNull()
    })
  })
})
