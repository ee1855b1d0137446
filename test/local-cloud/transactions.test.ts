// Transactions and concurrency through the real wx-server-sdk: atomic, isolated, conflicts retried.
import { rejection, useSdk } from './sdk'

const env = useSdk()
const A = 'pointsAccounts'

beforeEach(() => env.current.cloud.store.clear())

describe('transactions', () => {
  test('writes are invisible outside until commit, and all applied at commit', async () => {
    const { db, cloud } = env.current
    cloud.store.insert(A, [{ _id: 'x', balance: 10 }])
    const tx = await db.startTransaction()
    await tx
      .collection(A)
      .doc('x')
      .update({ data: { balance: 5 } })
    await tx.collection(A).add({ data: { _id: 'y', balance: 5 } })
    expect((await tx.collection(A).doc('x').get()).data.balance).toBe(5)
    expect(cloud.store.get(A, 'x')!.balance).toBe(10)
    expect(cloud.store.get(A, 'y')).toBeNull()
    await tx.commit()
    expect(cloud.store.get(A, 'x')!.balance).toBe(5)
    expect(cloud.store.get(A, 'y')!.balance).toBe(5)
  })

  test('rollback discards everything', async () => {
    const { db, cloud } = env.current
    cloud.store.insert(A, [{ _id: 'x', balance: 10 }])
    const tx = await db.startTransaction()
    await tx
      .collection(A)
      .doc('x')
      .set({ data: { balance: 0 } })
    await tx.collection(A).doc('x').remove()
    await tx.rollback()
    expect(cloud.store.get(A, 'x')).toEqual({ _id: 'x', balance: 10 })
  })

  test('a transaction reads its snapshot; a concurrent change makes its commit fail with DATABASE_TRANSACTION_CONFLICT', async () => {
    const { db, cloud } = env.current
    cloud.store.insert(A, [{ _id: 'x', balance: 10 }])
    const tx = await db.startTransaction()
    expect((await tx.collection(A).doc('x').get()).data.balance).toBe(10)
    await db
      .collection(A)
      .doc('x')
      .update({ data: { balance: 99 } })
    expect((await tx.collection(A).doc('x').get()).data.balance).toBe(10)
    await tx
      .collection(A)
      .doc('x')
      .update({ data: { balance: 11 } })
    const e = await rejection(tx.commit())
    expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(cloud.store.get(A, 'x')!.balance).toBe(99)
  })

  test('throwOnNotFound applies inside a transaction too', async () => {
    const { db, sdk } = env.current
    const tx = await db.startTransaction()
    const e = await rejection(tx.collection(A).doc('missing').get())
    expect(e.errMsg).toMatch(/does not exist/)
    await tx.rollback()
    const lenient = sdk.database({ throwOnNotFound: false })
    const tx2 = await lenient.startTransaction()
    expect((await tx2.collection(A).doc('missing').get()).data).toBeNull()
    await tx2.rollback()
  })

  test('where() inside a transaction is refused, as in the cloud', async () => {
    const { db } = env.current
    const tx = await db.startTransaction()
    const e = await rejection(tx.collection(A).where({ balance: 1 }).get())
    expect(e.errCode).toBe(-501007)
    expect(e.errMsg).toMatch(/single-document operations/)
    await tx.rollback()
  })
})

describe('concurrency', () => {
  test('50 concurrent runTransaction transfers between 10 accounts keep the total and never go negative', async () => {
    const { db, cloud } = env.current
    const accounts = Array.from({ length: 10 }, (_, i) => ({ _id: `acc${i}`, balance: 100 }))
    cloud.store.insert(A, accounts)
    let attempts = 0
    let seed = 7
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    const transfers = Array.from({ length: 50 }, () => {
      const from = `acc${random(10)}`
      let to = `acc${random(10)}`
      if (to === from) to = from === 'acc0' ? 'acc1' : 'acc0'
      return { from, to, amount: 10 + random(60) }
    })
    const results = await Promise.allSettled(
      transfers.map((t) =>
        db.runTransaction(async (tx: any) => {
          attempts++
          const src = (await tx.collection(A).doc(t.from).get()).data
          const dst = (await tx.collection(A).doc(t.to).get()).data
          if (src.balance < t.amount) throw new Error('insufficient')
          await tx
            .collection(A)
            .doc(t.from)
            .update({ data: { balance: src.balance - t.amount } })
          await tx
            .collection(A)
            .doc(t.to)
            .update({ data: { balance: dst.balance + t.amount } })
        }, 200)
      )
    )
    const balances = cloud.store.find(A).map((d) => d.balance as number)
    expect(balances.reduce((a, b) => a + b, 0)).toBe(1000)
    expect(Math.min(...balances)).toBeGreaterThanOrEqual(0)
    const failures = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    for (const f of failures) expect(String(f.reason?.message ?? f.reason)).toMatch(/insufficient/)
    expect(attempts).toBeGreaterThan(50) // conflicts happened and were retried
  })

  test('our inTransaction helper retries conflicts to completion', async () => {
    const { cloud } = env.current
    cloud.store.insert(A, [{ _id: 'counter', balance: 0 }])

    const { inTransaction, getDoc, coll } = require('../../cloudfunctions/_shared/infra/db')
    await Promise.all(
      Array.from({ length: 30 }, () =>
        inTransaction(async (tx: unknown) => {
          const doc = await getDoc(A, 'counter', tx)
          await coll(A, tx)
            .doc('counter')
            .update({ data: { balance: doc.balance + 1 } })
        })
      )
    )
    expect(cloud.store.get(A, 'counter')!.balance).toBe(30)
  })

  test('50 concurrent conditional updates of one document: exactly one winner', async () => {
    const { db, cloud } = env.current
    cloud.store.insert(A, [{ _id: 'one', v: 0 }])
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db
          .collection(A)
          .where({ _id: 'one', v: 0 })
          .update({ data: { v: 1, by: i } })
      )
    )
    expect(results.filter((r: any) => r.stats.updated === 1)).toHaveLength(1)
    expect(cloud.store.get(A, 'one')!.v).toBe(1)
  })
})

describe('taking stock with one conditional update (no transaction)', () => {
  test('80 concurrent where({ stock: gte(q) }).update({ stock: inc(-q), push }) never oversell, and each winner is on the document', async () => {
    const { db, _, cloud } = env.current
    cloud.store.insert(A, [{ _id: 'item', stock: 50, holds: [] }])
    const quantities = Array.from({ length: 80 }, (_x, i) => 1 + (i % 3))
    const results = await Promise.all(
      quantities.map((q, i) =>
        db
          .collection(A)
          .where({ _id: 'item', stock: _.gte(q) })
          .update({ data: { stock: _.inc(-q), holds: _.push([{ id: `t${i}`, q, at: new Date(0) }]) } })
      )
    )
    const won = quantities.map((q, i) => ({ q, token: `t${i}`, won: (results[i] as any).stats.updated === 1 })).filter((w) => w.won)
    const item = cloud.store.get(A, 'item')!
    const taken = won.reduce((n, w) => n + w.q, 0)
    expect(item.stock).toBeGreaterThanOrEqual(0)
    expect(item.stock).toBe(50 - taken)
    expect(item.stock).toBeLessThan(3) // a loser with quantity 1 would have fitted otherwise
    const holds = item.holds as Array<{ id: string; q: number; at: Date }>
    expect(holds.map((h) => h.id).sort()).toEqual(won.map((w) => w.token).sort())
    expect(holds.every((h) => h.at instanceof Date && h.q === quantities[Number(h.id.slice(1))])).toBe(true)
  })

  test('giving back by hold id happens once however many callers try', async () => {
    const { db, _, cloud } = env.current
    const hold = (id: string) => ({ id, q: 2, at: new Date(0) })
    cloud.store.insert(A, [{ _id: 'item', stock: 0, holds: [hold('t1'), hold('t2')] }])
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        db
          .collection(A)
          .where({ _id: 'item', 'holds.id': 't1' })
          .update({ data: { stock: _.inc(2), holds: _.pull({ id: 't1' }) } })
      )
    )
    expect(results.filter((r: any) => r.stats.updated === 1)).toHaveLength(1)
    expect(cloud.store.get(A, 'item')).toMatchObject({ stock: 2, holds: [hold('t2')] })
  })

  test('a transaction that read the document conflicts with a conditional update made meanwhile', async () => {
    const { db, _, cloud } = env.current
    cloud.store.insert(A, [{ _id: 'item', stock: 5 }])
    const tx = await db.startTransaction()
    const seen = (await tx.collection(A).doc('item').get()).data.stock
    await db
      .collection(A)
      .where({ _id: 'item', stock: _.gte(1) })
      .update({ data: { stock: _.inc(-1) } })
    await tx
      .collection(A)
      .doc('item')
      .update({ data: { stock: seen + 1 } })
    expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(cloud.store.get(A, 'item')!.stock).toBe(4)
  })
})
