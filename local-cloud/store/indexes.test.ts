import { Collection } from './collection'
import { chooseIndex, extractConditions, SortedIndex } from './indexes'
import { compileFilter, findDocs, type Explain } from './query'
import { toSortSpec, type Doc } from './values'

const docs: Doc[] = Array.from({ length: 200 }, (_, i) => ({
  _id: `d${String(i).padStart(3, '0')}`,
  communityId: `c${i % 4}`,
  status: i % 2 ? 'open' : 'closed',
  publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
  score: i,
  tags: i % 10 === 0 ? ['ten', 'round'] : ['plain'],
  location: { type: 'Point', coordinates: [118 + (i % 20) * 0.001, 31 + Math.floor(i / 20) * 0.001] }
}))

function collection(): Collection {
  const coll = new Collection('wishes', [
    { keys: { communityId: 1, status: 1, publishedAt: -1 } },
    { keys: { score: 1 } },
    { keys: { tags: 1 } },
    { keys: { location: '2dsphere' } }
  ])
  coll.load(docs.map((d) => structuredClone(d)))
  return coll
}

function run(
  coll: Collection,
  filter: Record<string, unknown>,
  opts: { sort?: Record<string, 1 | -1>; limit?: number; skip?: number } = {}
) {
  const explain: Explain = { plan: '', examined: 0 }
  const out = findDocs(coll, compileFilter(filter), { sort: toSortSpec(opts.sort), limit: opts.limit, skip: opts.skip }, explain)
  return { ids: out.map((d) => d._id), explain }
}

/** The same query answered by a plain scan of every document. */
function scan(filter: Record<string, unknown>, opts: { sort?: Record<string, 1 | -1>; limit?: number } = {}) {
  const bare = new Collection('bare')
  bare.load(docs.map((d) => structuredClone(d)))
  return run(bare, filter, opts).ids
}

describe('reading conditions from a filter', () => {
  test('equality, $in and ranges at the top level and in $and; the rest is left to the matcher', () => {
    const conditions = extractConditions({
      a: 1,
      b: { $in: [1, 2] },
      $and: [{ c: { $gte: 3 } }, { c: { $lt: 9 } }],
      d: { $ne: 1 },
      e: /x/,
      f: [1]
    })
    expect([...conditions.keys()].sort()).toEqual(['a', 'b', 'c'])
    expect(conditions.get('c')?.lower).toEqual({ value: 3, inclusive: true })
    expect(conditions.get('c')?.upper).toEqual({ value: 9, inclusive: false })
  })
})

describe('choosing an index', () => {
  test('the compound index serves an equality prefix and gives the sort order', () => {
    const coll = collection()
    const plan = chooseIndex(coll.indexes, extractConditions({ communityId: 'c1', status: 'open' }), toSortSpec({ publishedAt: -1 }))
    expect(plan?.index.spec.name).toBe('communityId_1_status_1_publishedAt_-1')
    expect(plan?.sorted).toBe(true)
    expect(plan?.reverse).toBe(false)
    const asc = chooseIndex(coll.indexes, extractConditions({ communityId: 'c1', status: 'open' }), toSortSpec({ publishedAt: 1 }))
    expect(asc?.sorted && asc.reverse).toBe(true)
  })

  test('the smallest candidate set wins', () => {
    const coll = collection()
    const plan = chooseIndex(coll.indexes, extractConditions({ communityId: 'c1', score: { $gte: 190 } }), [])
    expect(plan?.index.spec.name).toBe('score_1')
    expect(plan?.estimate).toBe(10)
  })

  test('no index for a filter on an unindexed field', () => {
    expect(chooseIndex(collection().indexes, extractConditions({ other: 1 }), [])).toBeNull()
  })
})

describe('answers from indexes equal a full scan', () => {
  const cases: Array<[string, Record<string, unknown>, { sort?: Record<string, 1 | -1>; limit?: number }]> = [
    ['equality prefix + sort + limit', { communityId: 'c2', status: 'closed' }, { sort: { publishedAt: -1 }, limit: 5 }],
    ['ascending on a descending key', { communityId: 'c2', status: 'closed' }, { sort: { publishedAt: 1 }, limit: 5 }],
    ['range', { score: { $gt: 10, $lte: 20 } }, { sort: { score: -1 } }],
    ['$in', { communityId: { $in: ['c0', 'c3'] }, status: 'open' }, { sort: { score: 1 } }],
    [
      '$in then a range',
      { communityId: { $in: ['c0', 'c3'] }, status: 'open', publishedAt: { $lt: new Date(Date.UTC(2026, 0, 3)) } },
      { sort: { score: 1 } }
    ],
    ['$in then $in', { communityId: { $in: ['c0', 'c3', 'c9'] }, status: { $in: ['open', 'closed'] } }, { sort: { publishedAt: -1 } }],
    ['multikey equality', { tags: 'ten' }, { sort: { score: 1 } }],
    ['multikey range keeps one bound', { tags: { $gt: 'r', $lt: 'u' } }, { sort: { score: 1 } }],
    ['sort walk with a filter on an unindexed field', { status: 'open' }, { sort: { score: -1 }, limit: 3 }],
    ['dates', { publishedAt: { $gte: new Date(Date.UTC(2026, 0, 5)) } }, { sort: { score: 1 }, limit: 4 }],
    ['null matches missing', { nothing: null, score: { $lt: 3 } }, { sort: { score: 1 } }]
  ]
  test.each(cases)('%s', (_name, filter, opts) => {
    expect(run(collection(), filter, opts).ids).toEqual(scan(filter, opts))
  })
})

describe('plans', () => {
  test('an indexed equality query tests only its candidates', () => {
    const { explain, ids } = run(collection(), { communityId: 'c1', status: 'open' })
    expect(explain.plan).toBe('index:communityId_1_status_1_publishedAt_-1')
    expect(explain.examined).toBe(ids.length)
  })

  test('an $in on a leading key narrows each of its values by the keys after it', () => {
    const filter = { communityId: { $in: ['c0', 'c3'] }, status: 'open', publishedAt: { $lt: new Date(Date.UTC(2026, 0, 3)) } }
    const { explain, ids } = run(collection(), filter)
    expect(explain.plan).toBe('index:communityId_1_status_1_publishedAt_-1')
    expect(ids.length).toBeGreaterThan(0)
    expect(explain.examined).toBe(ids.length)
  })

  test('a sorted, limited query stops after the limit', () => {
    const { explain } = run(collection(), { communityId: 'c1', status: 'open' }, { sort: { publishedAt: -1 }, limit: 3 })
    expect(explain.examined).toBe(3)
  })

  test('_id lookups, geo regions and $nearSphere use their indexes', () => {
    expect(run(collection(), { _id: { $in: ['d001', 'd002'] } }).explain.plan).toBe('id')
    const within = run(collection(), { location: { $geoWithin: { $centerSphere: [[118, 31], 150 / 6_378_100] } } })
    expect(within.explain.plan).toBe('geo:location')
    expect(within.explain.examined).toBeLessThan(20)
    const near = run(
      collection(),
      { location: { $nearSphere: { $geometry: { type: 'Point', coordinates: [118, 31] }, $maxDistance: 200 } } },
      { limit: 3 }
    )
    expect(near.explain.plan).toBe('near:location')
    expect(near.ids[0]).toBe('d000')
    expect(near.explain.examined).toBeLessThan(20)
  })

  test('an unindexed filter scans', () => {
    expect(run(collection(), { other: 1 }).explain.plan).toBe('scan')
  })
})

describe('SortedIndex upkeep', () => {
  test('entries follow adds and removes; unique duplicates are found', () => {
    const index = new SortedIndex({ name: 'no', keys: [['no', 1]], unique: true })
    index.add({ _id: 'a', no: 'V1' })
    index.add({ _id: 'b', no: 'V2' })
    expect(index.duplicateOf({ _id: 'c', no: 'V1' })).toBe('a')
    expect(index.duplicateOf({ _id: 'a', no: 'V1' })).toBeNull()
    index.remove('a')
    expect(index.duplicateOf({ _id: 'c', no: 'V1' })).toBeNull()
    expect([...index.ids({ prefix: [] })]).toEqual(['b'])
  })
})
