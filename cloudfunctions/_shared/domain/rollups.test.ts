import {
  applyDelta,
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
    const rebuilt = rebuildRollups({ ledger: events, wishes: [] })
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
