import { isValidHistory } from '../cloudfunctions/wish/src/domain/stateMachine'
import type { WishDoc } from '../cloudfunctions/_shared/docs/wish'
import { monthOf } from '../cloudfunctions/_shared/domain/period'
import { seedDemo } from './index'
import { memoryStore } from './memoryStore'

async function seeded() {
  const { store, data } = memoryStore()
  const now = new Date('2026-11-22T08:00:00Z')
  await seedDemo(store, now)
  const history = (data.wishes as unknown as WishDoc[]).filter((w) => w._id.startsWith('seedh'))
  return { now, history, entries: data.assessmentEntries as Array<{ _id: string; openid: string }> }
}

describe('demo history for the dashboards', () => {
  it('spreads valid, mostly confirmed wishes over the six months before the recent ones, in every community', async () => {
    const { now, history } = await seeded()
    expect(new Set(history.map((w) => w.communityId)).size).toBe(10)
    expect(new Set(history.map((w) => monthOf(w.publishedAt as Date))).size).toBeGreaterThanOrEqual(6)
    for (const w of history) {
      expect(isValidHistory(w.history)).toBe(true)
      expect(['confirmed', 'withdrawn']).toContain(w.status)
      expect(new Date(w.updatedAt).getTime()).toBeLessThan(now.getTime() - 30 * 86_400_000)
      expect(w.submitterId.startsWith('demo-')).toBe(false)
      expect(w.claimerId?.startsWith('demo-') ?? false).toBe(false)
    }
    expect(history.filter((w) => w.status === 'confirmed').length).toBeGreaterThan(history.length / 2)
  })

  it('credits the claiming member once per confirmed wish', async () => {
    const { history, entries } = await seeded()
    for (const w of history.filter((x) => x.status === 'confirmed')) {
      expect(entries.filter((e) => e._id === `wish_${w._id}`)).toEqual([expect.objectContaining({ openid: w.claimerId })])
    }
  })
})
