// Conformance of the database protocol through the real wx-server-sdk: queries, updates, paging,
// types and errors, with expectations from the cloud database's (MongoDB's) documented semantics.
import { admin, rejection, useSdk } from './sdk'

const env = useSdk()
const C = 'auditLog' // a declared collection with one index (at: -1), used as scratch space

const ids = (docs: Array<{ _id: string }>) => docs.map((d) => d._id).sort()

beforeEach(() => env.current.cloud.store.clear())

function seedPeople() {
  env.current.cloud.store.insert(C, [
    {
      _id: 'a',
      name: 'Ann',
      age: 30,
      tags: ['x', 'y'],
      city: { name: 'Wuhu', zip: '241000' },
      scores: [
        { k: 'm', v: 90 },
        { k: 'e', v: 60 }
      ],
      at: new Date('2026-01-01T00:00:00Z')
    },
    {
      _id: 'b',
      name: 'Bob',
      age: 25,
      tags: ['y'],
      city: { name: 'Hefei', zip: '230000' },
      scores: [{ k: 'm', v: 70 }],
      at: new Date('2026-02-01T00:00:00Z')
    },
    { _id: 'c', name: 'cat', age: 41, tags: [], city: { name: 'Wuhu', zip: '241001' }, at: new Date('2026-03-01T00:00:00Z'), note: null },
    { _id: 'd', name: 'Dan', age: 25, city: { name: 'Nanjing', zip: '210000' } }
  ])
}

describe('reading', () => {
  beforeEach(seedPeople)

  test('doc().get() returns the document with real Dates', async () => {
    const { data } = await env.current.db.collection(C).doc('a').get()
    expect(data.name).toBe('Ann')
    expect(data.at).toBeInstanceOf(Date)
    expect(data.at.toISOString()).toBe('2026-01-01T00:00:00.000Z')
  })

  test('a missing document throws by default and is null with throwOnNotFound: false', async () => {
    const e = await rejection(env.current.db.collection(C).doc('nope').get())
    expect(String(e.errMsg)).toMatch(/does not exist/)
    const lenient = env.current.sdk.database({ throwOnNotFound: false })
    expect((await lenient.collection(C).doc('nope').get()).data).toBeNull()
  })

  test.each([
    ['eq', (_: any) => ({ age: _.eq(25) }), ['b', 'd']],
    ['neq (also matches a missing field)', (_: any) => ({ note: _.neq(null) }), []],
    ['lt', (_: any) => ({ age: _.lt(30) }), ['b', 'd']],
    ['lte', (_: any) => ({ age: _.lte(30) }), ['a', 'b', 'd']],
    ['gt', (_: any) => ({ age: _.gt(30) }), ['c']],
    ['gte', (_: any) => ({ age: _.gte(30) }), ['a', 'c']],
    ['in', (_: any) => ({ name: _.in(['Ann', 'Dan']) }), ['a', 'd']],
    ['nin', (_: any) => ({ name: _.nin(['Ann', 'Dan']) }), ['b', 'c']],
    ['and on one field', (_: any) => ({ age: _.gt(20).and(_.lt(30)) }), ['b', 'd']],
    ['or across fields', (_: any) => _.or([{ age: 41 }, { name: 'Bob' }]), ['b', 'c']],
    ['not', (_: any) => ({ age: _.not(_.eq(25)) }), ['a', 'c']],
    ['exists', (_: any) => ({ tags: _.exists(false) }), ['d']],
    ['size', (_: any) => ({ tags: _.size(2) }), ['a']],
    ['mod', (_: any) => ({ age: _.mod(5, 0) }), ['a', 'b', 'd']],
    ['all', (_: any) => ({ tags: _.all(['x', 'y']) }), ['a']],
    ['elemMatch', (_: any) => ({ scores: _.elemMatch({ k: 'm', v: _.gte(80) }) }), ['a']],
    ['array contains a value', () => ({ tags: 'y' }), ['a', 'b']],
    ['null matches null and missing', () => ({ note: null }), ['a', 'b', 'c', 'd']],
    ['nested object is a dotted-path match', () => ({ city: { name: 'Wuhu' } }), ['a', 'c']],
    ['dotted path', () => ({ 'city.zip': '241001' }), ['c']],
    ['dates compare as dates', (_: any) => ({ at: _.gte(new Date('2026-02-01T00:00:00Z')) }), ['b', 'c']],
    ['expr', (_: any) => _.expr(env.current.$.gt(['$age', 40])), ['c']]
  ])('where with %s', async (_name, where, expected) => {
    const { db, _ } = env.current
    const { data } = await db.collection(C).where(where(_)).get()
    expect(ids(data)).toEqual(expected)
  })

  test('regular expressions: a JS RegExp and db.RegExp', async () => {
    const { db } = env.current
    expect(ids((await db.collection(C).where({ name: /^[ab]/i }).get()).data)).toEqual(['a', 'b'])
    expect(
      ids(
        (
          await db
            .collection(C)
            .where({ name: db.RegExp({ regexp: 'AT$', options: 'i' }) })
            .get()
        ).data
      )
    ).toEqual(['c'])
  })

  test('regex options i, m and s work as in PCRE', async () => {
    const { db } = env.current
    env.current.cloud.store.insert(C, [{ _id: 'ml', name: 'first\nSecond line' }])
    expect(
      ids(
        (
          await db
            .collection(C)
            .where({ name: db.RegExp({ regexp: '^second', options: 'im' }) })
            .get()
        ).data
      )
    ).toEqual(['ml'])
    expect(
      ids(
        (
          await db
            .collection(C)
            .where({ name: db.RegExp({ regexp: '^second', options: 'i' }) })
            .get()
        ).data
      )
    ).toEqual([])
    expect(
      ids(
        (
          await db
            .collection(C)
            .where({ name: db.RegExp({ regexp: 'first.Second', options: 's' }) })
            .get()
        ).data
      )
    ).toEqual(['ml'])
    expect(
      ids(
        (
          await db
            .collection(C)
            .where({ name: db.RegExp({ regexp: 'first.Second' }) })
            .get()
        ).data
      )
    ).toEqual([])
  })

  test('an invalid pattern (C++) is a database error naming the pattern, in where and in an aggregate $match', async () => {
    const { db } = env.current
    const e = await rejection(
      db
        .collection(C)
        .where({ name: db.RegExp({ regexp: 'C++' }) })
        .get()
    )
    expect(String(e.errMsg)).toMatch(/Regular expression is invalid: nothing to repeat \(pattern: "C\+\+"\)/)
    expect(String(e.errMsg)).not.toMatch(/INVALID_PARAM/)
    const a = await rejection(
      db
        .collection(C)
        .aggregate()
        .match({ name: db.RegExp({ regexp: '(unclosed', options: 'i' }) })
        .end()
    )
    expect(String(a.errMsg)).toMatch(/Regular expression is invalid: unterminated group/)
    // The cloud goes on answering.
    expect(
      ids(
        (
          await db
            .collection(C)
            .where({ name: db.RegExp({ regexp: 'C\\+\\+|^Ann$' }) })
            .get()
        ).data
      )
    ).toEqual(['a'])
  })

  test('orderBy on several fields, skip and limit', async () => {
    const { data } = await env.current.db.collection(C).orderBy('age', 'asc').orderBy('name', 'desc').skip(1).limit(2).get()
    expect(data.map((d: any) => d._id)).toEqual(['b', 'a'])
  })

  test('field() includes or excludes fields; _id comes unless excluded', async () => {
    const db = env.current.db
    const { data } = await db.collection(C).where({ _id: 'a' }).field({ name: true, 'city.name': true }).get()
    expect(data).toEqual([{ _id: 'a', name: 'Ann', city: { name: 'Wuhu' } }])
    const doc = await db.collection(C).doc('b').field({ scores: false, at: false, _id: false }).get()
    expect(doc.data).toEqual({ name: 'Bob', age: 25, tags: ['y'], city: { name: 'Hefei', zip: '230000' } })
  })

  test('count', async () => {
    const { db, _ } = env.current
    expect(
      (
        await db
          .collection(C)
          .where({ age: _.gte(25) })
          .count()
      ).total
    ).toBe(4)
    expect((await db.collection(C).count()).total).toBe(4)
  })
})

describe('paging limits', () => {
  beforeEach(() => {
    env.current.cloud.store.insert(
      C,
      Array.from({ length: 1205 }, (_, i) => ({ _id: `n${String(i).padStart(4, '0')}`, i }))
    )
  })

  test('no limit: 100 documents, as the cloud does for a function', async () => {
    expect((await env.current.db.collection(C).get()).data).toHaveLength(100)
  })

  test('a limit above 1 000 is capped at 1 000, the server’s maximum', async () => {
    expect((await env.current.db.collection(C).limit(5000).get()).data).toHaveLength(1000)
    const raw = await admin(env.current.cloud.adminUrl, {
      action: 'database.getDocument',
      collectionName: C,
      queryType: 'WHERE',
      limit: 5000
    })
    expect(raw.body.data.list).toHaveLength(1000)
  })

  test('skip pages through in order', async () => {
    const page = await env.current.db.collection(C).orderBy('i', 'desc').skip(1200).limit(10).get()
    expect(page.data.map((d: any) => d.i)).toEqual([4, 3, 2, 1, 0])
  })
})

describe('writing', () => {
  test('add one gives its _id (32 hex characters when generated); add many gives all', async () => {
    const { db } = env.current
    const one = await db.collection(C).add({ data: { a: 1 } })
    expect(one._id).toMatch(/^[0-9a-f]{32}$/)
    const many = await db.collection(C).add({ data: [{ _id: 'm1', a: 1 }, { a: 2 }] })
    expect(many._ids).toHaveLength(2)
    expect(many._ids[0]).toBe('m1')
    expect(env.current.cloud.store.count(C)).toBe(3)
  })

  test('adding an existing _id fails', async () => {
    const { db } = env.current
    await db.collection(C).add({ data: { _id: 'x' } })
    const e = await rejection(db.collection(C).add({ data: { _id: 'x' } }))
    expect(e.errMsg).toMatch(/duplicate key/)
  })

  test('dates, serverDate and nested values round-trip', async () => {
    const { db, cloud } = env.current
    const before = Date.now()
    await db
      .collection(C)
      .doc('t')
      .set({
        data: {
          when: new Date('2030-05-06T07:08:09.010Z'),
          at: db.serverDate(),
          later: db.serverDate({ offset: 60_000 }),
          deep: { list: [1, { x: 'y' }] }
        }
      })
    const doc = cloud.store.get(C, 't')!
    expect(doc.when).toEqual(new Date('2030-05-06T07:08:09.010Z'))
    expect((doc.at as Date).getTime()).toBeGreaterThanOrEqual(before)
    expect((doc.later as Date).getTime() - (doc.at as Date).getTime()).toBe(60_000)
    expect((await db.collection(C).doc('t').get()).data.deep).toEqual({ list: [1, { x: 'y' }] })
  })

  test('doc().set() replaces the whole document, or creates it', async () => {
    const { db, cloud } = env.current
    const created = await db
      .collection(C)
      .doc('s')
      .set({ data: { a: 1, b: 2 } })
    expect(created.stats).toEqual({ updated: 0, created: 1 })
    const replaced = await db
      .collection(C)
      .doc('s')
      .set({ data: { c: 3 } })
    expect(replaced.stats).toEqual({ updated: 1, created: 0 })
    expect(cloud.store.get(C, 's')).toEqual({ _id: 's', c: 3 })
  })

  test('doc().update() merges; an object value sets nested fields, not the whole object', async () => {
    const { db, cloud } = env.current
    cloud.store.insert(C, { _id: 'u', a: 1, nested: { x: 1, y: 2 } })
    const res = await db
      .collection(C)
      .doc('u')
      .update({ data: { b: 2, nested: { y: 3 } } })
    expect(res.stats.updated).toBe(1)
    expect(cloud.store.get(C, 'u')).toEqual({ _id: 'u', a: 1, b: 2, nested: { x: 1, y: 3 } })
    expect(
      (
        await db
          .collection(C)
          .doc('missing')
          .update({ data: { a: 1 } })
      ).stats.updated
    ).toBe(0)
  })

  test('where().update() updates every match and counts them; remove() too', async () => {
    const { db, _, cloud } = env.current
    cloud.store.insert(C, [
      { _id: '1', g: 'x', n: 0 },
      { _id: '2', g: 'x', n: 0 },
      { _id: '3', g: 'y', n: 0 }
    ])
    expect(
      (
        await db
          .collection(C)
          .where({ g: 'x' })
          .update({ data: { n: _.inc(1) } })
      ).stats.updated
    ).toBe(2)
    expect(cloud.store.find(C, {}, { sort: { _id: 1 } }).map((d) => d.n)).toEqual([1, 1, 0])
    expect((await db.collection(C).where({ g: 'x' }).remove()).stats.removed).toBe(2)
    expect((await db.collection(C).doc('3').remove()).stats.removed).toBe(1)
    expect(cloud.store.count(C)).toBe(0)
  })

  test('a conditional update matches nothing once the condition no longer holds', async () => {
    const { db, cloud } = env.current
    cloud.store.insert(C, { _id: 'c1', v: 0 })
    expect(
      (
        await db
          .collection(C)
          .where({ _id: 'c1', v: 0 })
          .update({ data: { v: 1 } })
      ).stats.updated
    ).toBe(1)
    expect(
      (
        await db
          .collection(C)
          .where({ _id: 'c1', v: 0 })
          .update({ data: { v: 2 } })
      ).stats.updated
    ).toBe(0)
  })
})

describe('update operators', () => {
  const start = {
    n: 10,
    m: 3,
    lo: 5,
    hi: 5,
    old: 'name',
    gone: true,
    list: [3, 1, 2],
    q: [1, 2, 3],
    s: ['a', 'b', 'c'],
    set: ['a'],
    nums: [1, 2, 3, 2, 1],
    objs: [{ k: 1 }, { k: 2 }]
  }
  beforeEach(() => env.current.cloud.store.insert(C, { _id: 'o', ...start }))

  const apply = async (data: (_: any) => Record<string, unknown>) => {
    const { db, _, cloud } = env.current
    await db
      .collection(C)
      .doc('o')
      .update({ data: data(_) })
    return cloud.store.get(C, 'o') as Record<string, unknown>
  }

  test.each([
    ['set replaces an object value', (_: any) => ({ objs: _.set({ k: 9 }) }), { objs: { k: 9 } }],
    ['remove', (_: any) => ({ gone: _.remove() }), { gone: undefined }],
    ['inc', (_: any) => ({ n: _.inc(-4) }), { n: 6 }],
    ['mul', (_: any) => ({ m: _.mul(1.5) }), { m: 4.5 }],
    ['min keeps the smaller', (_: any) => ({ lo: _.min(2), hi: _.min(9) }), { lo: 2, hi: 5 }],
    ['max keeps the larger', (_: any) => ({ lo: _.max(2), hi: _.max(9) }), { lo: 5, hi: 9 }],
    ['rename', (_: any) => ({ old: _.rename('renamed') }), { old: undefined, renamed: 'name' }],
    ['push values', (_: any) => ({ list: _.push([4, 5]) }), { list: [3, 1, 2, 4, 5] }],
    [
      'push with each, position, sort and slice',
      (_: any) => ({ list: _.push({ each: [9, 0], position: 1, sort: 1, slice: 3 }) }),
      { list: [0, 1, 2] }
    ],
    ['pop', (_: any) => ({ q: _.pop() }), { q: [1, 2] }],
    ['shift', (_: any) => ({ q: _.shift() }), { q: [2, 3] }],
    ['unshift', (_: any) => ({ s: _.unshift(['y', 'z']) }), { s: ['y', 'z', 'a', 'b', 'c'] }],
    ['pull a value', (_: any) => ({ nums: _.pull(2) }), { nums: [1, 3, 1] }],
    ['pull by condition', (_: any) => ({ nums: _.pull(_.gte(2)), objs: _.pull({ k: 2 }) }), { nums: [1, 1], objs: [{ k: 1 }] }],
    ['pullAll', (_: any) => ({ nums: _.pullAll([1, 3]) }), { nums: [2, 2] }],
    ['addToSet a value', (_: any) => ({ set: _.addToSet('a') }), { set: ['a'] }],
    ['addToSet with $each', (_: any) => ({ set: _.addToSet({ $each: ['a', 'b', 'c'] }) }), { set: ['a', 'b', 'c'] }]
  ])('%s', async (_name, data, expected) => {
    const doc = await apply(data)
    for (const [k, v] of Object.entries(expected)) expect(doc[k]).toEqual(v)
  })

  test('operators that cannot apply fail the update and change nothing', async () => {
    const { db, _, cloud } = env.current
    const e = await rejection(
      db
        .collection(C)
        .doc('o')
        .update({ data: { old: _.inc(1) } })
    )
    expect(e.errMsg).toMatch(/DATABASE_REQUEST_FAILED/)
    expect(cloud.store.get(C, 'o')!.old).toBe('name')
  })
})

describe('errors', () => {
  test('an undeclared collection: DATABASE_COLLECTION_NOT_EXIST (errCode -502005)', async () => {
    const { db } = env.current
    for (const op of [
      () => db.collection('nope').add({ data: { a: 1 } }),
      () => db.collection('nope').where({ a: 1 }).get(),
      () => db.collection('nope').doc('x').get()
    ]) {
      const e = await rejection(op())
      expect(e.errCode).toBe(-502005)
      expect(e.errMsg).toMatch(/DATABASE_COLLECTION_NOT_EXIST/)
    }
  })

  test('a malformed query is refused with INVALID_PARAM', async () => {
    const { cloud } = env.current
    const bad = await admin(cloud.adminUrl, { action: 'database.getDocument', collectionName: C, queryType: 'WHERE', query: '{"a":' })
    expect(bad.status).toBe(200)
    expect(bad.body.code).toBe('INVALID_PARAM')
    expect(bad.body.requestId).toBeTruthy()
    const unknownOp = await admin(cloud.adminUrl, {
      action: 'database.getDocument',
      collectionName: C,
      queryType: 'WHERE',
      query: '{"a":{"$frobnicate":1}}'
    })
    expect(unknownOp.body.code).toBe('INVALID_PARAM')
    const badUpdate = await admin(cloud.adminUrl, {
      action: 'database.modifyDocument',
      collectionName: C,
      queryType: 'WHERE',
      query: '{}',
      data: '{"$explode":{"a":1}}'
    })
    expect(badUpdate.body.code).toBe('INVALID_PARAM')
  })

  test('updating _id is refused', async () => {
    const { cloud } = env.current
    cloud.store.insert(C, { _id: 'i' })
    const res = await admin(cloud.adminUrl, {
      action: 'database.modifyDocument',
      collectionName: C,
      queryType: 'DOC',
      query: '{"_id":"i"}',
      data: '{"$set":{"_id":"j"}}',
      merge: true
    })
    expect(res.body.code).toBe('INVALID_PARAM')
  })
})

describe('modifyAndReturnDoc (Query.updateAndReturn in @cloudbase/database)', () => {
  test('updates one match and answers the document after the update', async () => {
    const { cloud } = env.current
    cloud.store.insert(C, { _id: 'r', n: 1 })
    const res = await admin(cloud.adminUrl, {
      action: 'database.modifyAndReturnDoc',
      collectionName: C,
      queryType: 'WHERE',
      query: '{"_id":"r"}',
      data: '{"$inc":{"n":1}}'
    })
    expect(res.body.data.updated).toBe(1)
    expect(JSON.parse(res.body.data.doc)).toEqual({ _id: 'r', n: 2 })
  })
})
