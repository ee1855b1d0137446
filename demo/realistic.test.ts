// The demo reads like a real district (issue 19, defects 17, 22, 23): names without doubled words or
// numbers tacked on, one person one name and one home, activities at all times of day, goods with photos.
import type { WishDoc } from '../cloudfunctions/_shared/docs/wish'
import { seedDemo } from './index'
import { memoryStore } from './memoryStore'

const CST = 8 * 3_600_000

async function seeded() {
  const { store, data } = memoryStore()
  const written = new Map<string, Buffer>()
  const files = { write: (path: string, bytes: Buffer) => (written.set(path, bytes), `cloud://local-dev.bucket/${path}`) }
  await seedDemo(store, new Date('2026-11-22T12:00:00Z'), files)
  return { data, written }
}

describe('the demo district reads as real', () => {
  it('has no doubled words and no numbers tacked on names', async () => {
    const { data } = await seeded()
    const names = [
      ...data.activities.map((a) => a.venue as string),
      ...data.facilities.map((f) => f.name as string),
      ...data.merchants.map((m) => m.name as string),
      ...data.compounds.map((c) => c.name as string)
    ]
    expect(names.filter((n) => /(社区|小区){2}/.test(n))).toEqual([])
    expect(names.filter((n) => /\d$/.test(n))).toEqual([])
    expect(data.activities.map((a) => a.venue)).toContain('青枫社区图书室')
    const facilityNames = data.facilities.map((f) => f.name)
    expect(new Set(facilityNames).size).toBe(facilityNames.length)
  })

  it('gives each person who wishes one form of address and one home; the demo resident is 王奶奶', async () => {
    const { data } = await seeded()
    const adults = (data.wishes as unknown as WishDoc[]).filter((w) => !w.beneficiary.isChild && w.beneficiary.ownerId)
    const selves = new Map<string, Set<string>>()
    for (const w of adults) {
      const key = w.beneficiary.ownerId!
      if (!selves.has(key)) selves.set(key, new Set())
      selves.get(key)!.add(`${w.beneficiary.display}|${w.beneficiary.address}`)
    }
    expect([...selves.values()].filter((s) => s.size > 1)).toEqual([])
    expect([...selves.get('demo-resident')!]).toEqual([expect.stringMatching(/^王奶奶\|.+栋\d0\d室$/)])
  })

  it('holds activities in mornings, afternoons and on weekends, not only in the evening', async () => {
    const { data } = await seeded()
    const starts = data.activities.map((a) => new Date((a.start as Date).getTime() + CST))
    const hours = new Set(starts.map((d) => d.getUTCHours()))
    expect([...hours].some((h) => h < 12)).toBe(true)
    expect([...hours].some((h) => h >= 12 && h < 18)).toBe(true)
    expect(starts.some((d) => d.getUTCDay() === 0 || d.getUTCDay() === 6)).toBe(true)
    for (const a of data.activities) expect((a.enrollDeadline as Date).getTime()).toBeLessThan((a.start as Date).getTime())
  })

  it('shows every item of the points supermarket with a picture in its shop owner’s storage folder', async () => {
    const { data, written } = await seeded()
    expect(data.goods.length).toBeGreaterThan(5)
    for (const g of data.goods) {
      const merchant = data.merchants.find((m) => m._id === g.merchantId)!
      expect(g.photo).toBe(`cloud://local-dev.bucket/users/${merchant.ownerId}/demo/${g._id}.svg`)
      const svg = written.get(`users/${merchant.ownerId}/demo/${g._id}.svg`)!.toString('utf8')
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
      expect(svg).toContain((g.name as string).slice(0, 4))
      expect(svg.length).toBeLessThan(2000)
    }
  })
})
