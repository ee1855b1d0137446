// The dashboards' rollups on the demo district: seeded (made from history), then points issued and spent
// and wishes moved through the real functions — redemptions, cancellations, expiry, staff adjustments,
// wishes published, claimed and released, grid reports signed for, resolved, confirmed, flagged and closed by the
// timers — each keeping its
// counters in its own transaction. Recomputing every counter from history then gives the same numbers.
import { rollupDrift } from '../../demo/rollups'
import { seedDemo } from '../../demo'
import { totalsOf, type RollupDoc } from '../../cloudfunctions/_shared/domain/rollups'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'

const lc = useLocalCloud({ seed: async (store) => void (await seedDemo(store)) })
const HOUR = 3_600_000

jest.setTimeout(120_000)

it('rollups kept by the functions agree with the ones rebuilt from history', async () => {
  const store = lc.cloud.store
  const api = typedClient(lc)
  expect(rollupDrift(store)).toEqual([])
  const before = totalsOf(store.find('rollups') as unknown as RollupDoc[])

  // The richest accounts redeem goods on sale; half cancel; some of the rest expire.
  const goods = store.find('goods', { status: 'onSale', stock: { $gte: 5 } }, { sort: { price: 1 }, limit: 3 })
  expect(goods.length).toBeGreaterThan(0)
  const buyers = store.find('pointsAccounts', {}, { sort: { balance: -1 }, limit: 12 })
  const redeemed = await Promise.all(
    buyers.map((b, i) =>
      api.points.redeem({ goodsId: goods[i % goods.length]._id as string, quantity: 1, requestId: `rollup-${i}` }, b._id as string)
    )
  )
  const orders = redeemed.flatMap((r) => (r.ok ? [r.data] : []))
  expect(orders.length).toBeGreaterThan(3)
  const cancelled = await Promise.all(
    orders
      .filter((_, i) => i % 2 === 0)
      .map((o) =>
        api.points.cancelRedemption({ orderId: o.id }, buyers[redeemed.findIndex((r) => r.ok && r.data.id === o.id)]._id as string)
      )
  )
  expect(cancelled.every((r) => r.ok)).toBe(true)
  store.update(
    'redemptions',
    { _id: { $in: orders.filter((_, i) => i % 4 === 1).map((o) => o.id) } },
    { $set: { expiresAt: new Date(Date.now() - HOUR) } },
    { multi: true }
  )
  expect(await lc.cloud.timer('points', 'expireRedemptions')).toMatchObject({ ok: true })

  // Staff adjust a volunteer of their community.
  const staff = store.find('users', { roles: { $elemMatch: { role: 'staff' } } }, { limit: 1 })[0]
  const communityId = (staff.roles as Array<{ role: string; communityId: string }>).find((g) => g.role === 'staff')!.communityId
  const volunteer = store.find('volunteers', { communityId, volunteerNo: { $exists: true } }, { limit: 1 })[0]
  const adjusted = await api.points.adjust(
    { volunteerNo: volunteer.volunteerNo as string, amount: 5, reason: '补发积分', requestId: 'rollup-adj' },
    staff._id as string
  )
  expect(adjusted.ok).toBe(true)

  // Wishes: staff publish the submitted wishes of their community; volunteers claim published ones, one releases.
  const submitted = store.find('wishes', { communityId, status: 'submitted' }, { limit: 3 })
  const reviews = await Promise.all(
    submitted.map((w) => api.wish.review({ wishId: w._id as string, decision: 'publish' }, staff._id as string))
  )
  expect(reviews.some((r) => r.ok)).toBe(true)
  const open = store.find('wishes', { communityId, status: 'published' }, { limit: 4 })
  const claimers = store.find('volunteers', { communityId, status: 'approved' }, { limit: 4 })
  const claims = await Promise.all(
    open.map((w, i) => api.wish.claim({ wishId: w._id as string }, claimers[i % claimers.length]._id as string))
  )
  const claimed = claims.findIndex((r) => r.ok)
  if (claimed >= 0) await api.wish.release({ wishId: open[claimed]._id as string }, claimers[claimed % claimers.length]._id as string)

  // Grid reports: a grid worker signs for, works and resolves a waiting report; its reporter confirms; the timers flag
  // what is late and close what waited 3 days.
  const report = store.find('reports', { status: 'submitted', visibility: 'public' }, { limit: 1 })[0]
  expect(report).toBeDefined()
  const worker = store.find('users', { roles: { $elemMatch: { role: 'gridWorker', gridIds: report.gridId } } }, { limit: 1 })[0]
  const reportId = report._id as string
  expect((await api.report.accept({ reportId }, worker._id as string)).ok).toBe(true)
  expect((await api.report.start({ reportId }, worker._id as string)).ok).toBe(true)
  const [lng, lat] = (report.location as { coordinates: [number, number] }).coordinates
  const photo = { fileId: `cloud://local-dev/users/${worker._id}/after.jpg`, location: { lat, lng }, takenAt: new Date().toISOString() }
  expect((await api.report.resolve({ reportId, note: '已处理', photos: [photo] }, worker._id as string)).ok).toBe(true)
  expect((await api.report.confirm({ reportId, solved: true, rating: 'satisfied' }, report.reporterId as string)).ok).toBe(true)
  store.update('reports', { status: 'submitted' }, { $set: { acceptDeadline: new Date(Date.now() - HOUR) } }, { multi: true })
  store.update(
    'reports',
    { status: 'resolved', needsConfirmation: false },
    { $set: { resolvedAt: new Date(Date.now() - 80 * HOUR) } },
    { multi: true }
  )
  expect(await lc.cloud.timer('report', 'overdueSweep')).toMatchObject({ ok: true })
  expect(await lc.cloud.timer('report', 'autoClose')).toMatchObject({ ok: true })

  const after = totalsOf(store.find('rollups') as unknown as RollupDoc[])
  const changed = [...after].filter(([id, t]) => before.get(id)?.n !== t.n)
  expect(changed.some(([id]) => id.startsWith('ledger_'))).toBe(true)
  expect(changed.some(([id]) => id.startsWith('wishPublished_'))).toBe(true)
  expect(changed.some(([id]) => id.startsWith('rptClosed_'))).toBe(true)
  expect(rollupDrift(store)).toEqual([])
})
