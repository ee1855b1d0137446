import { applyDelta, ledgerDeltas, rebuildRollups, rollupDifferences, rollupId, shardOf, ROLLUP_SHARDS, type RollupDoc } from './rollups'

const at = (iso: string) => new Date(iso)

describe('rollups', () => {
  test('a ledger entry counts in its community and China-time month, by kind', () => {
    expect(ledgerDeltas({ communityId: 'cm01', kind: 'credit', amount: 20, at: at('2026-02-28T16:30:00Z') })).toEqual([
      { figure: 'ledger', communityId: 'cm01', month: '2026-03', key: { k: 'credit' }, n: 1, sum: 20 }
    ])
  })

  test('shards are stable and in range', () => {
    expect(shardOf('redeem_od_1')).toBe(shardOf('redeem_od_1'))
    const seen = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`e${i}`)))
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
    const rebuilt = rebuildRollups({ ledger: events })
    expect(rebuilt).toHaveLength(3)
    expect(rebuilt.find((c) => c.key.k === 'credit' && c.communityId === 'cm01')).toMatchObject({ month: '2026-03', n: 2, sum: 35 })
    expect(rollupDifferences(maintained.values(), rebuilt)).toEqual([])
    const off = [...maintained.values()].map((c, i) => (i === 0 ? { ...c, sum: c.sum + 1 } : c))
    expect(rollupDifferences(off, rebuilt)).toHaveLength(1)
  })
})
