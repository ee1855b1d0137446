// The report function's operations side through the local cloud, with the real wx-server-sdk: the figures of a
// month driven by real actions and timers (hand-computed, including an overdue open report, an unanswered automatic
// close and a reopened one), rollups agreeing with history, the timers with stored times moved (never the wall
// clock asserted), the reporter's messages and the reminders, nearby public reports, patrols with offline steps,
// riders, hot spots.
import type { ReportDoc, WhistleDoc } from '../../cloudfunctions/_shared/docs/report'
import type { PatrolDoc } from '../../cloudfunctions/_shared/docs/patrol'
import { monthOf } from '../../cloudfunctions/_shared/domain/period'
import { rollupDrift } from '../../demo/rollups'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { fails, ok } from '../support/envelope'
import { seedReportWorld, SPOT, SPOT_G2, submitInput } from '../support/reportWorld'

const lc = useLocalCloud({ seed: (s) => seedReportWorld(s) })
const api = typedClient(lc)
const store = () => lc.cloud.store
const reportDoc = (id: string) => store().get('reports', id) as unknown as ReportDoc
const outbox = (template?: string) => store().find('outbox', template ? { templateId: template } : {}) as Array<Record<string, any>>
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
let serial = 0
const rid = (p = 'op') => `${p}-${Date.now().toString(36)}-${(++serial).toString(36).padStart(4, '0')}`

const submit = async (openid = 'res1', over: Parameters<typeof submitInput>[1] = {}) =>
  (await ok(api.report.submit(submitInput(openid, over), openid))).id
const photo = (openid: string, where = SPOT) => ({
  fileId: `cloud://local-dev/users/${openid}/after-${++serial}.jpg`,
  location: where,
  takenAt: new Date().toISOString()
})
const set = (id: string, fields: Partial<Record<keyof ReportDoc, unknown>>) => store().update('reports', { _id: id }, { $set: fields })
const accept = (id: string) => ok(api.report.accept({ reportId: id }, 'grid1'))
const resolve = (id: string) => ok(api.report.resolve({ reportId: id, note: '已处理', photos: [photo('grid1')] }, 'grid1'))
async function resolved(id?: string) {
  const r = id ?? (await submit())
  await accept(r)
  await ok(api.report.start({ reportId: r }, 'grid1'))
  await resolve(r)
  return r
}
const sweep = () => lc.cloud.timer('report', 'overdueSweep')
const autoClose = () => lc.cloud.timer('report', 'autoClose')

describe('the figures of a month, driven through the function', () => {
  const month = monthOf(new Date())
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    // R1 signed in time, resolved, confirmed solved and 满意.
    ids.R1 = await resolved()
    await ok(api.report.confirm({ reportId: ids.R1, solved: true, rating: 'satisfied' }, 'res1'))
    // R2 nobody signed for in 2 hours: the timer records the miss; signed late afterwards.
    ids.R2 = await submit()
    set(ids.R2, { acceptDeadline: new Date(Date.now() - MIN) })
    // R3 resolved, reopened, resolved again, confirmed solved but 不满意.
    ids.R3 = await resolved()
    await ok(api.report.reopen({ reportId: ids.R3, reason: '还是堵着' }, 'res1'))
    await resolve(ids.R3)
    await ok(api.report.confirm({ reportId: ids.R3, solved: true, rating: 'unsatisfied' }, 'res1'))
    // R4 resolved with evidence, the reporter silent for 3 days: closed automatically, not rated.
    ids.R4 = await resolved()
    set(ids.R4, { resolvedAt: new Date(Date.now() - 3 * DAY - MIN) })
    // R5 signed for, its 办结 deadline passed: open and overdue.
    ids.R5 = await submit()
    await accept(ids.R5)
    set(ids.R5, { resolveDeadline: new Date(Date.now() - MIN) })
    // R6 rejected in time: a response, not a case to handle.
    ids.R6 = await submit()
    await ok(api.report.reject({ reportId: ids.R6, reason: '重复上报' }, 'grid1'))
    // R7 whistled to 城管, which reports in in time; R8 whistled to 供水, whose report-in deadline passes.
    for (const [key, dept] of [
      ['R7', 'st01-urban'],
      ['R8', 'st01-water']
    ] as const) {
      ids[key] = await submit()
      await accept(ids[key])
      await ok(
        api.report.whistle(
          {
            requestId: rid('wh'),
            reportId: ids[key],
            target: { kind: 'department', departmentId: dept },
            urgency: 'normal',
            reason: '需要部门处置'
          },
          'staff1'
        )
      )
    }
    const [w7] = store().find('whistles', { reportId: ids.R7 }) as unknown as WhistleDoc[]
    await ok(api.report.reportIn({ whistleId: w7._id }, 'dept1'))
    store().update('whistles', { reportId: ids.R8 }, { $set: { reportInDeadline: new Date(Date.now() - MIN) } })

    expect(await sweep()).toMatchObject({ ok: true, data: { signOverdue: 1, overdue: 1, whistlesOverdue: 1 } })
    await accept(ids.R2)
    expect(await autoClose()).toMatchObject({ ok: true, data: { closed: 1 } })
  }, 60_000)

  it('flags what is late, once, and the records show it', async () => {
    expect(reportDoc(ids.R2)).toMatchObject({ acceptedOnTime: false, status: 'accepted' })
    expect(reportDoc(ids.R5).overdueAt).toEqual(reportDoc(ids.R5).resolveDeadline)
    expect(reportDoc(ids.R4)).toMatchObject({ status: 'closed', closeKind: 'auto', answer: null })
    expect(reportDoc(ids.R4).history.at(-1)).toMatchObject({ event: 'autoClose', who: 'system', role: 'system', to: 'closed' })
    expect(store().find('whistles', { reportId: ids.R8 })[0]).toMatchObject({ reportedInOnTime: false })
    const before = JSON.stringify(store().find('reports', {}, { sort: { _id: 1 } }))
    expect(await sweep()).toMatchObject({ ok: true, data: { signOverdue: 0, overdue: 0, whistlesOverdue: 0, reminders: 0 } })
    expect(await autoClose()).toMatchObject({ ok: true, data: { closed: 0 } })
    expect(JSON.stringify(store().find('reports', {}, { sort: { _id: 1 } }))).toBe(before)
  })

  it('the community’s rates, worked out by hand', async () => {
    // assigned and decided: R1–R8 = 8; in time: all but R2 = 7
    // closed: R1 R3 R4 = 3, all in time; open and overdue: R5 → 按期办结率 3 / 4
    // asked: R1 R3 R4 = 3; answered: R1 R3 (R4 closed automatically) = 2, both solved; rated 2, 满意 or 基本满意 1
    const view = await ok(api.report.figures({ period: month, communityId: 'cm01' }, 'staff1'))
    expect(view.total.counts).toEqual({
      assigned: 8,
      signedOnTime: 7,
      closed: 3,
      closedOnTime: 3,
      openOverdue: 1,
      asked: 3,
      answered: 2,
      solved: 2,
      rated: 2,
      satisfied: 1
    })
    expect(view.total.rates).toEqual({
      response: { rate: 0.875, hits: 7, n: 8, answerShare: null },
      onTime: { rate: 0.75, hits: 3, n: 4, answerShare: null },
      solved: { rate: 1, hits: 2, n: 2, answerShare: 0.6667 },
      satisfaction: { rate: 0.5, hits: 1, n: 2, answerShare: 0.6667 }
    })
    // Every report was made at SPOT, in the first grid.
    expect(view.rows.map((r) => [r.id, r.counts.assigned])).toEqual([
      ['cm01-g1', 8],
      ['cm01-g2', 0]
    ])
    expect(rollupDrift(store())).toEqual([])
  })

  it('the street comparison, the departments, a grid, and who may see which', async () => {
    const street = await ok(api.report.figures({ period: month, streetId: 'st01' }, 'street1'))
    expect(street.rows.map((r) => [r.id, r.counts.assigned])).toEqual([
      ['cm01', 8],
      ['cm02', 0]
    ])
    expect(street.total.counts.assigned).toBe(8)
    const depts = Object.fromEntries(street.departments.map((d) => [d.id, d.rates.response]))
    expect(depts['st01-urban']).toMatchObject({ hits: 1, n: 1 })
    expect(depts['st01-water']).toMatchObject({ hits: 0, n: 1, rate: 0 })
    expect((await ok(api.report.figures({ period: month, departmentId: 'st01-urban' }, 'dept1'))).total.rates.response.rate).toBe(1)
    expect((await ok(api.report.figures({ period: month, gridId: 'cm01-g1' }, 'grid1'))).total.counts.assigned).toBe(8)
    await fails(api.report.figures({ period: month, departmentId: 'st01-water' }, 'dept1'), 'PERMISSION_DENIED')
    await fails(api.report.figures({ period: month, communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.report.figures({ period: month, communityId: 'cm01' }, 'grid1'), 'PERMISSION_DENIED')
    await fails(api.report.figures({ period: month, gridId: 'cm01-g1' }, 'grid2'), 'PERMISSION_DENIED')
    await fails(api.report.figures({ period: month, streetId: 'st01' }, 'staff1'), 'PERMISSION_DENIED')
    await fails(api.report.figures({ period: month }, 'staff1'), 'INVALID_ARGUMENT')
    await fails(api.report.figures({ period: month, communityId: 'cm01' }, 'res1'), 'PERMISSION_DENIED')
  })

  it('exports the figures as CSV: the total, then its rows', async () => {
    const file = await ok(api.report.figuresCsv({ period: month, communityId: 'cm01' }, 'staff1'))
    expect(file.rows).toBe(3)
    const lines = file.csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toMatch(/^层级,名称,响应率,按时签收,应签收,按期办结率/)
    expect(lines[1]).toMatch(/^社区,青枫社区,87\.5%,7,8,75\.0%,3,3,1,100\.0%/)
    expect(file.filename).toMatch(/青枫社区-.*接诉即办指标\.csv$/)
  })

  it('the reporter hears 受理, 办结 and 回访; handlers hear of overdue work; no message names the reporter or carries free text', () => {
    const toRes1 = outbox().filter((m) => m.touser === 'res1')
    expect(toRes1.filter((m) => m.templateId === 'reportAccepted').length).toBeGreaterThanOrEqual(7)
    expect(toRes1.filter((m) => m.templateId === 'reportResolved').length).toBeGreaterThanOrEqual(4)
    // Overdue reports remind the grid's worker and the community's staff; the late report-in, the department's handler.
    const reminders = outbox('reportOverdue')
    expect(new Set(reminders.map((m) => m.touser))).toEqual(new Set(['grid1', 'staff1', 'dept2']))
    expect(reminders.filter((m) => m.touser === 'dept2')).toHaveLength(1)
    expect(reminders.filter((m) => m.touser === 'grid1')).toHaveLength(2)
    const text = JSON.stringify(outbox().filter((m) => m.touser !== 'res1'))
    for (const secret of ['res1', '张桂英', '13912345678', '电动车', '还是堵着', '需要部门处置']) expect(text).not.toContain(secret)
    expect(JSON.stringify(outbox())).not.toContain('电动车')
  })
})

describe('回访 and the automatic close', () => {
  it('asks the reporter once a day before the close; a resolution without evidence never closes by itself', async () => {
    const id = await resolved()
    set(id, { resolvedAt: new Date(Date.now() - 2 * DAY - MIN) })
    const noEvidence = await submit()
    await accept(noEvidence)
    await ok(api.report.start({ reportId: noEvidence }, 'grid1'))
    await ok(api.report.resolve({ reportId: noEvidence, note: '已处理', photos: [photo('grid1', SPOT_G2)] }, 'grid1'))
    set(noEvidence, { resolvedAt: new Date(Date.now() - 4 * DAY) })
    const reviews = () => outbox('reportReview').filter((m) => String(m.page).includes(id))
    expect(await autoClose()).toMatchObject({ ok: true, data: { closed: 0, reminded: 1 } })
    expect(reviews()).toHaveLength(1)
    expect(await autoClose()).toMatchObject({ ok: true, data: { closed: 0, reminded: 0 } })
    expect(reviews()).toHaveLength(1)
    expect(reportDoc(noEvidence).status).toBe('resolved')
    set(id, { resolvedAt: new Date(Date.now() - 3 * DAY - MIN) })
    expect(await autoClose()).toMatchObject({ ok: true, data: { closed: 1 } })
    expect(reportDoc(id)).toMatchObject({ status: 'closed', closeKind: 'auto', answer: null })
  })

  it('the timers run only as the platform’s timer', async () => {
    await fails(api.report.overdueSweep({}, 'staff1'), 'PERMISSION_DENIED')
    await fails(api.report.autoClose({}, 'street1'), 'PERMISSION_DENIED')
  })
})

describe('nearby public reports', () => {
  it('public ones only, nearest first, with status and no reporter', async () => {
    const near = await submit('res2', { location: { lat: SPOT.lat + 0.0005, lng: SPOT.lng } })
    const secret = await submit('res2', { visibility: 'private', location: { lat: SPOT.lat + 0.0004, lng: SPOT.lng } })
    const far = await submit('res2', { location: SPOT_G2 })
    const { items } = await ok(api.report.nearby({ location: { lat: SPOT.lat + 0.0006, lng: SPOT.lng }, radius: 300 }, 'res3'))
    const ids = items.map((c) => c.id)
    expect(ids).toContain(near)
    expect(ids).not.toContain(secret)
    expect(ids).not.toContain(far)
    expect(items[0].id).toBe(near)
    const distances = items.map((c) => c.distance ?? -1)
    expect([...distances].sort((a, b) => a - b)).toEqual(distances)
    const text = JSON.stringify(items.map(({ photos: _photos, ...card }) => card))
    for (const s of ['res1', 'res2', '张桂英', '王秀英', '13912345678', '13600002222']) expect(text).not.toContain(s)
    const wide = await ok(api.report.nearby({ location: SPOT, radius: 2000, status: 'closed', limit: 100 }, 'res3'))
    expect(wide.items.every((c) => ['closed', 'notOurs', 'unsolvable'].includes(c.status))).toBe(true)
    expect(wide.items.length).toBeGreaterThan(0)
    await fails(api.report.nearby({ location: SPOT, radius: 50 }, 'res3'), 'INVALID_ARGUMENT')
  })
})

describe('patrols', () => {
  const start = (openid = 'grid1', over: Partial<Parameters<typeof api.report.patrolStart>[0]> = {}) =>
    api.report.patrolStart({ requestId: rid('pt'), gridId: 'cm01-g1', location: SPOT, ...over }, openid)

  it('start, check-points from the offline queue in their own order and only once, reports linked, end', async () => {
    const startedAt = new Date(Date.now() - 2 * HOUR)
    const p = await ok(start('grid1', { clientTime: startedAt.toISOString() }))
    expect(p).toMatchObject({ status: 'active', gridId: 'cm01-g1', gridName: '第一网格', points: 0, startedAt: startedAt.toISOString() })
    expect(await ok(api.report.currentPatrol({}, 'grid1'))).toMatchObject({ id: p.id })
    const point = (m: number, lat: number) => ({
      requestId: rid('pp'),
      patrolId: p.id,
      location: { lat, lng: SPOT.lng },
      clientTime: new Date(startedAt.getTime() + m * MIN).toISOString(),
      note: '巡查地下室'
    })
    const later = point(60, SPOT.lat + 0.002)
    const earlier = point(30, SPOT.lat + 0.001)
    await ok(api.report.patrolPoint(later, 'grid1'))
    const twice = await Promise.all([api.report.patrolPoint(earlier, 'grid1'), api.report.patrolPoint(earlier, 'grid1')])
    expect(twice.every((a) => a.ok)).toBe(true)
    const onPatrol = await submit('grid1', { patrolId: p.id })
    const end = { requestId: rid('pe'), patrolId: p.id, location: SPOT }
    const done = await ok(api.report.patrolEnd(end, 'grid1'))
    expect(await ok(api.report.patrolEnd(end, 'grid1'))).toEqual(done)
    expect(done.path.map((x) => x.clientTime)).toEqual([earlier.clientTime, later.clientTime])
    expect(done).toMatchObject({ status: 'ended', points: 2, reports: 1, reportIds: [onPatrol] })
    expect(done.meters).toBeGreaterThan(400)
    expect(await ok(api.report.currentPatrol({}, 'grid1'))).toBeNull()
    // A point made before the end may still arrive; one after it may not; another end is a conflict.
    await ok(api.report.patrolPoint(point(90, SPOT.lat), 'grid1'))
    await fails(api.report.patrolPoint({ ...point(60 * 24, SPOT.lat), clientTime: undefined }, 'grid1'), 'CONFLICT')
    await fails(api.report.patrolEnd({ ...end, requestId: rid('pe') }, 'grid1'), 'CONFLICT')
    expect((store().get('patrols', p.id) as unknown as PatrolDoc).points).toHaveLength(3)
  })

  it('only the grid’s workers and the community’s staff patrol; staff see coverage per grid', async () => {
    await fails(start('grid2'), 'PERMISSION_DENIED')
    await fails(start('res1'), 'PERMISSION_DENIED')
    await fails(start('dept1'), 'PERMISSION_DENIED')
    const mine = await ok(start('grid1'))
    await fails(api.report.patrolPoint({ requestId: rid('pp'), patrolId: mine.id, location: SPOT }, 'grid2'), 'PERMISSION_DENIED')
    await fails(api.report.patrol({ patrolId: mine.id }, 'grid2'), 'NOT_FOUND')
    expect((await ok(api.report.patrol({ patrolId: mine.id }, 'staff1'))).workerName).toBe('钱网格')
    expect((await ok(api.report.patrol({ patrolId: mine.id }, 'street1'))).workerName).toBe('钱**')
    const listed = await ok(api.report.patrols({ communityId: 'cm01' }, 'staff1'))
    expect(listed.items.length).toBeGreaterThanOrEqual(2)
    await fails(api.report.patrols({ communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
    const coverage = await ok(api.report.patrolCoverage({ communityId: 'cm01', period: monthOf(new Date()) }, 'staff1'))
    const g1 = coverage.rows.find((r) => r.gridId === 'cm01-g1')!
    expect(g1).toMatchObject({ patrols: 2, reports: 1 })
    expect(g1.days).toBeGreaterThanOrEqual(1)
    expect(coverage.rows.find((r) => r.gridId === 'cm01-g2')).toMatchObject({ patrols: 0, days: 0, lastPatrolAt: null })
  })
})

describe('part-time grid workers (riders)', () => {
  it('register once with the street, the street admin approves, the rider sees it', async () => {
    const input = { requestId: rid('rd'), streetId: 'st01', name: '骑手小王', phone: '13511112222', platform: 'meituan' as const }
    const applied = await ok(api.report.riderApply(input, 'res3'))
    expect(applied).toMatchObject({ status: 'pending', name: '骑手小王' })
    expect(await ok(api.report.riderApply({ ...input, requestId: rid('rd') }, 'res3'))).toEqual(applied)
    await fails(api.report.riderApply({ ...input, name: '别人' }, 'res3'), 'CONFLICT')
    await fails(api.report.riderReview({ riderId: applied.id, decision: 'approve' }, 'staff1'), 'PERMISSION_DENIED')
    const listed = await ok(api.report.riders({ streetId: 'st01', status: 'pending' }, 'street1'))
    expect(listed.items.map((r) => r.id)).toEqual([applied.id])
    expect(await ok(api.report.riderReview({ riderId: applied.id, decision: 'approve' }, 'street1'))).toMatchObject({ status: 'approved' })
    await fails(api.report.riderReview({ riderId: applied.id, decision: 'reject' }, 'street1'), 'CONFLICT')
    await submit('res3')
    expect(await ok(api.report.riderMine({}, 'res3'))).toMatchObject({ status: 'approved', reports: 1 })
    expect(outbox('registrationReviewed').map((m) => m.touser)).toContain('res3')
  })
})

describe('hot spots', () => {
  it('five reports of one category in one grid within 30 days are flagged', async () => {
    for (let i = 0; i < 5; i++) await submit('res2', { categoryId: 'rubbish', location: SPOT_G2 })
    const { items } = await ok(api.report.hotSpots({ communityId: 'cm01' }, 'staff1'))
    expect(items.find((h) => h.gridId === 'cm01-g2' && h.categoryId === 'rubbish')).toMatchObject({ count: 5, gridName: '第二网格' })
    const old = store().find('reports', { categoryId: 'rubbish', gridId: 'cm01-g2' }, { limit: 1 })[0]
    set(old._id as string, { submittedAt: new Date(Date.now() - 31 * DAY) })
    const after = await ok(api.report.hotSpots({ communityId: 'cm01' }, 'staff1'))
    expect(after.items.find((h) => h.gridId === 'cm01-g2' && h.categoryId === 'rubbish')).toBeUndefined()
    await fails(api.report.hotSpots({ communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
  })
})
