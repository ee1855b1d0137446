import { WISH_STATUSES } from '../types'
import { isValidHistory } from '../cloudfunctions/wish/src/domain/stateMachine'
import { leakIn } from '../cloudfunctions/wish/src/domain/submission'
import type { WishClaimerDoc, WishDoc } from '../cloudfunctions/_shared/docs/wish'
import { seedDemo } from './index'
import { memoryStore } from './memoryStore'

async function seeded() {
  const { store, data } = memoryStore()
  const now = new Date('2026-11-22T08:00:00Z')
  await seedDemo(store, now)
  return {
    now,
    wishes: data.wishes as unknown as WishDoc[],
    counters: data.wishClaimers as unknown as WishClaimerDoc[],
    entries: (data.assessmentEntries ?? []).filter((e) => e.source === 'wish')
  }
}

describe('demo wishes', () => {
  it('has every status in every community, each with a history the state machine allows', async () => {
    const { wishes, now } = await seeded()
    for (const cm of ['cm01', 'cm05', 'cm10']) {
      const statuses = new Set(wishes.filter((w) => w.communityId === cm).map((w) => w.status))
      expect([...statuses].sort()).toEqual([...WISH_STATUSES].sort())
    }
    for (const w of wishes) {
      expect(isValidHistory(w.history)).toBe(true)
      expect(w.history[w.history.length - 1].to).toBe(w.status)
      expect(new Date(w.history[w.history.length - 1].at).getTime()).toBeLessThanOrEqual(now.getTime())
      if (w.status === 'claimed') expect(new Date(w.claimDeadline as Date).getTime()).toBeGreaterThan(now.getTime())
    }
  })

  it('posts children’s wishes through staff with the guardian’s consent and no public photo or name', async () => {
    const { wishes } = await seeded()
    const children = wishes.filter((w) => w.beneficiary.isChild)
    expect(children.length).toBeGreaterThanOrEqual(20)
    for (const w of children) {
      expect(w.proxy).toBe(true)
      expect(w.photos).toEqual([])
      expect(w.guardian?.consentAt).toBeInstanceOf(Date)
      expect(w.beneficiary.display).not.toContain(w.beneficiary.name.slice(1))
    }
    for (const w of wishes) expect(leakIn(`${w.title}${w.story}`, w.beneficiary)).toBeNull()
  })

  it('keeps claim counters and assessment entries in step with the wishes', async () => {
    const { wishes, counters, entries } = await seeded()
    for (const c of counters) {
      expect(c.open).toBe(wishes.filter((w) => w.status === 'claimed' && w.claimerId === c._id).length)
      expect(c.open).toBeLessThan(3)
    }
    const memberConfirmed = wishes.filter((w) => w.status === 'confirmed' && w.claimer?.kind === 'member')
    expect(entries.map((e) => e._id).sort()).toEqual(memberConfirmed.map((w) => `wish_${w._id}`).sort())
    const demo = wishes.filter((w) => w.submitterId === 'demo-resident').map((w) => w.status)
    expect(demo.sort()).toEqual(['confirmed', 'fulfilled', 'published', 'submitted'])
    const member = wishes.filter((w) => w.claimerId === 'demo-member').map((w) => w.status)
    expect(member).toEqual(expect.arrayContaining(['claimed', 'confirmed']))
    expect(
      wishes.filter((w) => w.claimerId?.startsWith('demo-') && w.claimerId !== 'demo-member' && w.claimerId !== 'demo-volunteer')
    ).toEqual([])
  })
})
