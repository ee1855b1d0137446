import { seedDemo } from './index'
import { memoryStore } from './memoryStore'

describe('demo district', () => {
  test('is the same on every run', async () => {
    const now = new Date('2026-11-22T08:00:00Z')
    const a = memoryStore()
    const b = memoryStore()
    await seedDemo(a.store, now)
    await seedDemo(b.store, now)
    expect(JSON.stringify(a.data)).toBe(JSON.stringify(b.data))
  })

  test('has a street of about ten communities, ~120 compounds, hundreds of facilities in every category, a demo user per role', async () => {
    const { store, data } = memoryStore()
    await seedDemo(store, new Date('2026-11-22T08:00:00Z'))
    expect(data.streets).toHaveLength(1)
    expect(data.communities).toHaveLength(10)
    expect(data.compounds.length).toBeGreaterThanOrEqual(100)
    expect(data.facilities.length).toBeGreaterThanOrEqual(250)
    const categories = new Set(data.facilities.map((f) => f.category))
    expect(categories.size).toBe(17)
    const demoIds = new Set(data.demoUsers.map((d) => d._id))
    const demoRoles = data.users
      .filter((u) => demoIds.has(u._id))
      .map((u) => (u.roles as { role: string }[]).map((g) => g.role)[0] ?? 'resident')
    expect(demoRoles.sort()).toEqual([
      'deptHandler',
      'gridWorker',
      'member',
      'merchant',
      'resident',
      'staff',
      'streetAdmin',
      'unitAdmin',
      'volunteer'
    ])
    const ids = data.facilities.map((f) => f._id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
