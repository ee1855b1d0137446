import { fromPoint, type GridDoc, type UserDoc } from '../cloudfunctions/_shared/docs'
import type { ReportDoc, WhistleDoc } from '../cloudfunctions/_shared/docs/report'
import { isValidHistory } from '../cloudfunctions/report/src/domain/lifecycle'
import { routeToGrid } from '../cloudfunctions/report/src/domain/routing'
import { seedDemo } from './index'
import { memoryStore } from './memoryStore'

async function seeded() {
  const { store, data } = memoryStore()
  const now = new Date('2026-11-22T08:00:00Z')
  await seedDemo(store, now)
  return {
    now,
    data,
    reports: data.reports as unknown as ReportDoc[],
    whistles: data.whistles as unknown as WhistleDoc[],
    grids: data.grids as unknown as GridDoc[],
    users: data.users as unknown as UserDoc[]
  }
}

describe('demo grid reports', () => {
  it('a few dozen reports in varied states, each with a history the state machine allows, in the past', async () => {
    const { reports, now } = await seeded()
    expect(reports.length).toBeGreaterThanOrEqual(36)
    const statuses = new Set(reports.map((r) => r.status))
    for (const s of ['submitted', 'accepted', 'inProgress', 'waitingInfo', 'resolved', 'closed', 'rejected']) expect(statuses).toContain(s)
    expect(statuses.size).toBeGreaterThanOrEqual(9)
    for (const r of reports) {
      expect(isValidHistory(r.history)).toBe(true)
      expect(r.history.at(-1)?.to).toBe(r.status)
      expect(r.history.at(-1)!.at.getTime()).toBeLessThanOrEqual(now.getTime())
    }
    expect(reports.some((r) => r.overdue && r.overdueAt)).toBe(true)
    expect(reports.some((r) => r.answer?.rating)).toBe(true)
  })

  it('every report lies in its grid; every grid has a worker; the three departments have a handler', async () => {
    const { reports, grids, users, data } = await seeded()
    for (const r of reports) expect(routeToGrid(grids, fromPoint(r.location))?._id).toBe(r.gridId)
    const covered = new Set(users.flatMap((u) => u.roles.filter((g) => g.role === 'gridWorker').flatMap((g) => g.gridIds ?? [])))
    expect(grids.every((g) => covered.has(g._id) && (g.polygon?.length ?? 0) >= 4)).toBe(true)
    expect(grids.filter((g) => g.communityId === 'cm01').every((g) => (g.compoundIds ?? []).length > 0)).toBe(true)
    const handled = new Set(users.flatMap((u) => u.roles.filter((g) => g.role === 'deptHandler').map((g) => g.departmentId)))
    expect([...handled].sort()).toEqual(['st01-housing', 'st01-urban', 'st01-water'])
    expect((data.demoUsers as Array<{ _id: string }>).map((d) => d._id)).toEqual(expect.arrayContaining(['demo-grid', 'demo-dept']))
  })

  it('whistles belong to open or resolved reports, in every state', async () => {
    const { reports, whistles } = await seeded()
    const byId = new Map(reports.map((r) => [r._id, r]))
    expect(new Set(whistles.map((w) => w.status)).size).toBeGreaterThanOrEqual(3)
    for (const w of whistles) {
      const r = byId.get(w.reportId) as ReportDoc
      if (w.status === 'open' || w.status === 'reportedIn') expect(r.whistleId).toBe(w._id)
      else expect(r.whistleId).toBeNull()
    }
  })

  it('is the same on every run', async () => {
    const a = await seeded()
    const b = await seeded()
    expect(JSON.stringify(b.reports)).toBe(JSON.stringify(a.reports))
  })
})
