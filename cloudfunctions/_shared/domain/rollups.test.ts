import {
  applyDelta,
  DURATION_BUCKETS,
  durationBucket,
  histogramMedian,
  ledgerDeltas,
  rebuildRollups,
  rollupDifferences,
  rollupId,
  shardOf,
  wishDeltas,
  ROLLUP_SHARDS,
  type RollupDoc,
  type WishFacts
} from './rollups'

const at = (iso: string) => new Date(iso)

describe('rollups', () => {
  test('a ledger entry counts in its community and China-time month, by kind', () => {
    expect(ledgerDeltas({ communityId: 'cm01', kind: 'credit', amount: 20, at: at('2026-02-28T16:30:00Z') })).toEqual([
      { figure: 'ledger', communityId: 'cm01', month: '2026-03', key: { k: 'credit' }, n: 1, sum: 20 }
    ])
  })

  test('shards are stable and in range', () => {
    expect(shardOf('redeem_od_1')).toBe(shardOf('redeem_od_1'))
    const seen = new Set(Array.from({ length: 1000 }, (_, i) => shardOf(`e${i}`)))
    expect([...seen].every((s) => s >= 0 && s < ROLLUP_SHARDS)).toBe(true)
    expect(seen.size).toBe(ROLLUP_SHARDS)
  })

  test('maintained cells over shards agree with the rebuild; a difference is named', () => {
    const events = [
      { communityId: 'cm01', kind: 'credit', amount: 20, at: at('2026-03-03T04:00:00Z') },
      { communityId: 'cm01', kind: 'credit', amount: 15, at: at('2026-03-10T04:00:00Z') },
      { communityId: 'cm01', kind: 'redemption', amount: -10, at: at('2026-03-11T04:00:00Z') },
      { communityId: 'cm02', kind: 'credit', amount: 5, at: at('2026-04-01T04:00:00Z') }
    ]
    const maintained = new Map<string, RollupDoc>()
    events.forEach((e, i) => {
      for (const d of ledgerDeltas(e)) {
        const shard = shardOf(`entry${i}`)
        const id = rollupId(d, shard)
        maintained.set(id, applyDelta(maintained.get(id) ?? null, d, shard))
      }
    })
    const rebuilt = rebuildRollups({ pointsLedger: events })
    expect(rebuilt).toHaveLength(3)
    expect(rebuilt.find((c) => c.key.k === 'credit' && c.communityId === 'cm01')).toMatchObject({ month: '2026-03', n: 2, sum: 35 })
    expect(rollupDifferences(maintained.values(), rebuilt)).toEqual([])
    const off = [...maintained.values()].map((c, i) => (i === 0 ? { ...c, sum: c.sum + 1 } : c))
    expect(rollupDifferences(off, rebuilt)).toHaveLength(1)
  })
})

describe('wish rollups', () => {
  const base: WishFacts = { communityId: 'cm01', category: 'goods', status: 'submitted', createdAt: at('2026-02-27T02:00:00Z') }
  const published = { ...base, status: 'published', publishedAt: at('2026-02-28T17:00:00Z') }
  const claimed = { ...published, status: 'claimed', claimedAt: at('2026-03-05T02:00:00Z'), metrics: { claimMs: 5, fulfilMs: null } }

  test('submitted: posted in its month', () => {
    expect(wishDeltas(null, base)).toEqual([{ figure: 'wishPosted', communityId: 'cm01', month: '2026-02', key: {}, n: 1, sum: 0 }])
  })

  test('a status change moves the published cell to the new status, in the publish month (CST)', () => {
    expect(wishDeltas(published, claimed)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ figure: 'wishPublished', month: '2026-03', key: { cat: 'goods', s: 'published' }, n: -1 }),
        expect.objectContaining({ figure: 'wishPublished', month: '2026-03', key: { cat: 'goods', s: 'claimed' }, n: 1 }),
        expect.objectContaining({ figure: 'wishClaimed', month: '2026-03', n: 1 }),
        expect.objectContaining({ figure: 'wishClaimTimed', month: '2026-03', n: 1 })
      ])
    )
    expect(wishDeltas(published, claimed)).toHaveLength(4)
  })

  test('a release takes the claim back out; unchanged cells cancel', () => {
    const released = { ...claimed, status: 'published', claimedAt: null, metrics: { claimMs: null, fulfilMs: null } }
    const d = wishDeltas(claimed, released)
    expect(d.map((x) => [x.figure, x.n])).toEqual(
      expect.arrayContaining([
        ['wishPublished', -1],
        ['wishPublished', 1],
        ['wishClaimed', -1],
        ['wishClaimTimed', -1]
      ])
    )
    expect(d).toHaveLength(4)
    expect(wishDeltas(published, published)).toEqual([])
  })
})

describe('duration histograms', () => {
  const H = 3_600_000
  const D = 24 * H

  test('buckets: 2 h under a day, 6 h under a week, a day under 30 days, 5 days under 90, 30 days under 360, then one', () => {
    expect(DURATION_BUCKETS.slice(0, 3)).toEqual([0, 2 * H, 4 * H])
    expect(durationBucket(0)).toBe(0)
    expect(durationBucket(2 * H - 1)).toBe(0)
    expect(durationBucket(2 * H)).toBe(1)
    expect(DURATION_BUCKETS[durationBucket(D + 7 * H)]).toBe(D + 6 * H)
    expect(DURATION_BUCKETS[durationBucket(20.5 * D)]).toBe(20 * D)
    expect(DURATION_BUCKETS[durationBucket(1000 * D)]).toBe(360 * D)
    expect(DURATION_BUCKETS.length).toBeLessThan(100)
  })

  test('the median lies in the bucket of the true median, and is exact when the bucket holds equal values', () => {
    const histogram = (values: number[]) => {
      const out = new Map<number, { n: number; sum: number }>()
      for (const v of values) {
        const b = out.get(durationBucket(v)) ?? { n: 0, sum: 0 }
        out.set(durationBucket(v), { n: b.n + 1, sum: b.sum + v })
      }
      return out
    }
    expect(histogramMedian(histogram([]))).toBeNull()
    expect(histogramMedian(histogram([D, 3 * D, 3 * D]))).toBe(3 * D)
    expect(histogramMedian(histogram([2 * D, 7 * D]))).toBe(4.5 * D)
    let seed = 7
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let run = 0; run < 50; run++) {
      const values = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * rand() * 100 * D))
      const sorted = [...values].sort((a, b) => a - b)
      const mid = sorted.length % 2 ? [sorted[(sorted.length - 1) / 2]] : [sorted[sorted.length / 2 - 1], sorted[sorted.length / 2]]
      const got = histogramMedian(histogram(values))!
      // Each middle value is read as its bucket's mean: off by less than that bucket's width.
      const width = (v: number) => (DURATION_BUCKETS[durationBucket(v) + 1] ?? Infinity) - DURATION_BUCKETS[durationBucket(v)]
      const exact = mid.reduce((s, v) => s + v, 0) / mid.length
      expect(Math.abs(got - exact)).toBeLessThan(Math.max(...mid.map(width)))
    }
  })
})
