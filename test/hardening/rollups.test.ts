// The dashboards' rollups on the demo district: seeded (made from history), then every kind of event moved
// through the real functions — redemptions, cancellations, expiry, pickups, staff adjustments, wishes
// published, claimed and released, volunteers registered, service hours corrected (marks of distinct people
// coming and going), party members registered, approved and rejected, needs claimed, done and confirmed, an
// account deleted, grid reports signed for, resolved, confirmed and closed by the timers — each keeping its counters in its own transaction. Recomputing every counter from
// history (as `npm run rollups:rebuild -- --check` does) then gives the same numbers.
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
  const staffOf = (community: string) =>
    store.find('users', { roles: { $elemMatch: { role: 'staff', communityId: community } } }, { limit: 1 })[0]?._id as string | undefined
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

  // A pending order is picked up (staff of its community verify the code).
  const pending = store.find('redemptions', { status: 'pending' })
  const picked = pending.find((o) => staffOf(o.communityId as string))
  expect(picked).toBeDefined()
  expect((await api.points.verifyPickup({ code: picked!.pickupCode as string }, staffOf(picked!.communityId as string)!)).ok).toBe(true)

  // Residents who are not volunteers register; corrections give hours to the absent and take them from others.
  const residents = store
    .find('users', { communityId, roles: { $not: { $elemMatch: { role: { $in: ['staff', 'streetAdmin', 'volunteer'] } } } } })
    .filter((u) => !store.get('volunteers', u._id as string))
  expect(residents.length).toBeGreaterThan(1)
  const registered = await api.volunteer.register(
    { realName: '周明远', phone: '13800007788', communityId, consent: true },
    residents[0]._id as string
  )
  expect(registered.ok).toBe(true)
  const corrected = []
  for (const e of store.find('enrollments', { status: { $in: ['completed', 'absent'] } }, { sort: { _id: 1 } })) {
    const staffId = staffOf(e.communityId as string)
    if (!staffId || corrected.length >= 6) continue
    const hours = (e.hours as number) > 0 ? 0 : 1
    const r = await api.volunteer.correctHours({ enrollmentId: e._id as string, hours, reason: '核对签到记录' }, staffId)
    if (r.ok) corrected.push(e._id)
  }
  expect(corrected.length).toBeGreaterThan(1)

  // Party: a registration approved and one rejected; a member claims a need, does it, and staff confirm it.
  const waiting = store.find('partyMembers', { status: 'pending' }, { limit: 2 })
  for (const [i, reg] of waiting.entries()) {
    const staffId = staffOf(reg.communityId as string)
    if (!staffId) continue
    const decision = i === 0 ? { decision: 'approve' as const } : { decision: 'reject' as const, reason: '非本社区居民' }
    expect((await api.party.review({ kind: 'member', id: reg._id as string, ...decision }, staffId)).ok).toBe(true)
  }
  const member = store.find('partyMembers', { communityId, status: 'approved' }, { limit: 2 })
  expect(member.length).toBeGreaterThan(0)
  const need = await api.party.postNeed(
    { requestId: 'rollup-need', communityId, category: 'service', title: '楼道杂物清理', description: '三号楼楼道堆放杂物，需要人手清理' },
    staff._id as string
  )
  expect(need.ok).toBe(true)
  const needId = need.ok ? (need.data as { id: string }).id : ''
  const holder = member[0].openid as string
  expect((await api.party.claimNeed({ needId }, holder)).ok).toBe(true)
  expect((await api.party.completeNeed({ needId, note: '已清理完毕', photos: [] }, holder)).ok).toBe(true)
  expect((await api.party.confirmNeed({ needId, accept: true }, staff._id as string)).ok).toBe(true)

  // A member deletes their account: the registration ends, taken out of the counts it stood in.
  expect(member[1]).toBeDefined()
  expect(await api.user.deleteAccount({ confirm: '注销' }, member[1].openid as string)).toMatchObject({ ok: true })
  expect(store.get('partyMembers', member[1]._id as string)).toMatchObject({ status: 'ended' })

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
  const changed = [...after].filter(([id, t]) => before.get(id)?.n !== t.n || before.get(id)?.sum !== t.sum).map(([id]) => id)
  for (const figure of [
    'ledger',
    'wishPublished',
    'pickups',
    'volunteerJoined',
    'service',
    'serviceMark',
    'serviceActive',
    'streetServiceMark',
    'memberRegistered',
    'memberApproved',
    'needConfirmed',
    'assessment',
    'partyMark',
    'rptClosed'
  ])
    expect([figure, changed.some((id) => id.startsWith(`${figure}_`))]).toEqual([figure, true])
  expect(rollupDrift(store)).toEqual([])
})
