// Whistles (吹哨报到) through the local cloud: staff whistle to a department or the street with a report-in deadline,
// the target reports in, both sides keep a joint log, the department hands back with a reason or resolves (which
// resolves the report with its evidence), and both sides rate once. Every refusal of the target side and of others.
import type { ReportDoc, WhistleDoc } from '../../cloudfunctions/_shared/docs/report'
import { isValidHistory } from '../../cloudfunctions/report/src/domain/lifecycle'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { fails, ok } from '../support/envelope'
import { nextRequestId } from '../support/fixtures'
import { seedReportWorld, SPOT, submitInput } from '../support/reportWorld'

const lc = useLocalCloud()
const api = typedClient(lc)
const store = () => lc.cloud.store
const reportDoc = (id: string) => store().get('reports', id) as unknown as ReportDoc
const whistleDoc = (id: string) => store().get('whistles', id) as unknown as WhistleDoc
const MINUTE = 60_000

beforeEach(() => {
  store().clear()
  seedReportWorld(store())
})

const after = (openid: string) => ({
  fileId: `cloud://local-dev/users/${openid}/after-${Math.random().toString(36).slice(2)}.jpg`,
  location: SPOT,
  takenAt: new Date().toISOString()
})

async function accepted() {
  const { id } = await ok(api.report.submit(submitInput('res1'), 'res1'))
  await ok(api.report.accept({ reportId: id }, 'grid1'))
  return id
}
const whistleTo = (
  reportId: string,
  target: { kind: 'street' } | { kind: 'department'; departmentId: string },
  urgency: 'emergency' | 'normal' = 'normal'
) => ok(api.report.whistle({ requestId: nextRequestId('wh'), reportId, target, urgency, reason: '消防通道长期被占，需执法' }, 'staff1'))

describe('whistle and report-in', () => {
  it('staff whistle to 城管: the report starts, the report-in clock is 30 minutes for an emergency', async () => {
    const id = await accepted()
    await fails(
      api.report.whistle(
        {
          requestId: nextRequestId(),
          reportId: id,
          target: { kind: 'department', departmentId: 'st01-urban' },
          urgency: 'normal',
          reason: '需执法'
        },
        'grid1'
      ),
      'PERMISSION_DENIED'
    )
    const w = await whistleTo(id, { kind: 'department', departmentId: 'st01-urban' }, 'emergency')
    expect(w).toMatchObject({
      status: 'open',
      target: { kind: 'department', departmentId: 'st01-urban', name: '街道城市管理执法队' },
      urgency: 'emergency'
    })
    expect(new Date(w.reportInDeadline).getTime() - new Date(w.whistledAt).getTime()).toBe(30 * MINUTE)
    expect(reportDoc(id)).toMatchObject({ status: 'inProgress', whistleId: w.id, departmentId: 'st01-urban' })
    expect(reportDoc(id).history.at(-1)).toMatchObject({ event: 'whistle', from: 'accepted', to: 'inProgress' })
    // One open whistle at a time; the community does not resolve or close it meanwhile.
    await fails(
      api.report.whistle(
        { requestId: nextRequestId(), reportId: id, target: { kind: 'street' }, urgency: 'normal', reason: '再吹' },
        'staff1'
      ),
      'FAILED_PRECONDITION'
    )
    await fails(api.report.resolve({ reportId: id, note: '已处理', photos: [after('grid1')] }, 'grid1'), 'FAILED_PRECONDITION')
    await fails(api.report.closeUnsolvable({ reportId: id, reason: '无法' }, 'staff1'), 'FAILED_PRECONDITION')
  })

  it('a retried whistle is the same record; a department of another street is refused', async () => {
    const id = await accepted()
    const input = {
      requestId: nextRequestId('wh'),
      reportId: id,
      target: { kind: 'department' as const, departmentId: 'st01-urban' },
      urgency: 'normal' as const,
      reason: '需执法'
    }
    const first = await ok(api.report.whistle(input, 'staff1'))
    expect((await ok(api.report.whistle(input, 'staff1'))).id).toBe(first.id)
    expect(store().count('whistles')).toBe(1)
    const other = await accepted()
    await fails(
      api.report.whistle(
        { ...input, requestId: nextRequestId(), reportId: other, target: { kind: 'department', departmentId: 'st09-urban' } },
        'staff1'
      ),
      'INVALID_ARGUMENT'
    )
  })

  it('only the department reports in, once; a late report-in is recorded as late', async () => {
    const id = await accepted()
    const w = await whistleTo(id, { kind: 'department', departmentId: 'st01-urban' })
    for (const who of ['dept2', 'staff1', 'grid1', 'street1'])
      await fails(api.report.reportIn({ whistleId: w.id }, who), 'PERMISSION_DENIED')
    store().update('whistles', { _id: w.id }, { $set: { reportInDeadline: new Date(Date.now() - MINUTE) } })
    const res = await ok(api.report.reportIn({ whistleId: w.id }, 'dept1'))
    expect(res).toMatchObject({ status: 'reportedIn', late: true })
    expect(whistleDoc(w.id).reportedInOnTime).toBe(false)
    await fails(api.report.reportIn({ whistleId: w.id }, 'dept1'), 'CONFLICT')
  })

  it('two handlers of the department report in at once: one wins', async () => {
    store().insert('users', [{ ...(store().get('users', 'dept1') as object), _id: 'dept1b', realName: '城管小王' }])
    const id = await accepted()
    const w = await whistleTo(id, { kind: 'department', departmentId: 'st01-urban' })
    const race = await Promise.all([api.report.reportIn({ whistleId: w.id }, 'dept1'), api.report.reportIn({ whistleId: w.id }, 'dept1b')])
    expect(race.filter((r) => r.ok)).toHaveLength(1)
    expect(race.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(1)
  })

  it('the joint log takes both sides, the department only after reporting in', async () => {
    const id = await accepted()
    const w = await whistleTo(id, { kind: 'department', departmentId: 'st01-urban' })
    await ok(api.report.whistleLog({ whistleId: w.id, text: '已联系物业协助' }, 'grid1'))
    await fails(api.report.whistleLog({ whistleId: w.id, text: '收到' }, 'dept1'), 'FAILED_PRECONDITION')
    await fails(api.report.whistleLog({ whistleId: w.id, text: '收到' }, 'dept2'), 'PERMISSION_DENIED')
    await fails(api.report.whistleLog({ whistleId: w.id, text: '收到' }, 'res1'), 'PERMISSION_DENIED')
    await ok(api.report.reportIn({ whistleId: w.id }, 'dept1'))
    const res = await ok(
      api.report.whistleLog({ whistleId: w.id, text: '明早到现场', photos: ['cloud://local-dev/users/dept1/plan.jpg'] }, 'dept1')
    )
    expect(res.log.map((e) => [e.side, e.text])).toEqual([
      ['community', '已联系物业协助'],
      ['department', '明早到现场']
    ])
  })
})

describe('hand back, resolve and rate', () => {
  it('the department hands back with a reason: the report is the community’s again', async () => {
    const id = await accepted()
    const w = await whistleTo(id, { kind: 'department', departmentId: 'st01-urban' })
    await fails(api.report.handBack({ whistleId: w.id, reason: '非本部门职责' }, 'dept2'), 'PERMISSION_DENIED')
    const res = await ok(api.report.handBack({ whistleId: w.id, reason: '属于物业管理范围' }, 'dept1'))
    expect(res).toMatchObject({ status: 'handedBack', handedBackReason: '属于物业管理范围' })
    expect(reportDoc(id)).toMatchObject({ status: 'inProgress', whistleId: null, departmentId: null })
    await fails(api.report.whistleResolve({ whistleId: w.id, note: '已处理', photos: [after('dept1')] }, 'dept1'), 'CONFLICT')
    await ok(api.report.resolve({ reportId: id, note: '物业已清理', photos: [after('grid1')] }, 'grid1'))
  })

  it('the department resolves with after-photos: the report is resolved with its evidence; the resident confirms', async () => {
    const id = await accepted()
    const w = await whistleTo(id, { kind: 'department', departmentId: 'st01-urban' })
    await fails(api.report.whistleResolve({ whistleId: w.id, note: '已清理', photos: [after('dept1')] }, 'dept1'), 'CONFLICT')
    await ok(api.report.reportIn({ whistleId: w.id }, 'dept1'))
    await fails(api.report.whistleResolve({ whistleId: w.id, note: '已清理', photos: [after('grid1')] }, 'dept1'), 'INVALID_ARGUMENT')
    const res = await ok(api.report.whistleResolve({ whistleId: w.id, note: '已清理占道车辆', photos: [after('dept1')] }, 'dept1'))
    expect(res).toMatchObject({ status: 'resolved', near: true, needsConfirmation: false })
    const r = reportDoc(id)
    expect(r).toMatchObject({
      status: 'resolved',
      whistleId: null,
      departmentId: 'st01-urban',
      evidence: { near: true, role: 'deptHandler', by: 'dept1' }
    })
    await ok(api.report.confirm({ reportId: id, solved: true, rating: 'satisfied' }, 'res1'))
    expect(isValidHistory(reportDoc(id).history)).toBe(true)
  })

  it('both sides rate once; nobody else rates', async () => {
    const id = await accepted()
    const w = await whistleTo(id, { kind: 'department', departmentId: 'st01-urban' })
    await fails(api.report.rateWhistle({ whistleId: w.id, score: 5 }, 'staff1'), 'CONFLICT')
    await ok(api.report.reportIn({ whistleId: w.id }, 'dept1'))
    await ok(api.report.whistleResolve({ whistleId: w.id, note: '已清理', photos: [after('dept1')] }, 'dept1'))
    await fails(api.report.rateWhistle({ whistleId: w.id, score: 5 }, 'dept2'), 'PERMISSION_DENIED')
    await fails(api.report.rateWhistle({ whistleId: w.id, score: 5 }, 'staff2'), 'PERMISSION_DENIED')
    await ok(api.report.rateWhistle({ whistleId: w.id, score: 5, comment: '响应迅速' }, 'staff1'))
    const res = await ok(api.report.rateWhistle({ whistleId: w.id, score: 4, comment: '社区配合到位' }, 'dept1'))
    expect(res.ratings).toEqual({ byCommunity: { score: 5, comment: '响应迅速' }, byDepartment: { score: 4, comment: '社区配合到位' } })
    await fails(api.report.rateWhistle({ whistleId: w.id, score: 1 }, 'staff1'), 'CONFLICT')
    await fails(api.report.rateWhistle({ whistleId: w.id, score: 1 }, 'dept1'), 'CONFLICT')
  })

  it('a whistle to the street is handled by the street admin; the department’s queue lists its whistles', async () => {
    const id = await accepted()
    const w = await whistleTo(id, { kind: 'street' })
    await fails(api.report.reportIn({ whistleId: w.id }, 'dept1'), 'PERMISSION_DENIED')
    await ok(api.report.reportIn({ whistleId: w.id }, 'street1'))
    const other = await accepted()
    const toUrban = await whistleTo(other, { kind: 'department', departmentId: 'st01-urban' })
    const queue = await ok(api.report.whistles({}, 'dept1'))
    expect(queue.items.map((x) => x.id)).toEqual([toUrban.id])
    expect(queue.items[0]).toMatchObject({ can: { reportIn: true, resolve: false, handBack: true }, report: { id: other } })
    expect((await ok(api.report.whistles({}, 'dept2'))).items).toEqual([])
    await fails(api.report.whistles({ departmentId: 'st01-urban' }, 'dept2'), 'PERMISSION_DENIED')
    const reports = await ok(api.report.queue({ queue: 'whistled' }, 'dept1'))
    expect(reports.items.map((r) => r.id)).toEqual([other])
    expect(reports.items[0].openWhistle).toMatchObject({ id: toUrban.id, status: 'open' })
    // The handler sees the report it was whistled with who reported it.
    const detail = await ok(api.report.detail({ reportId: other }, 'dept1'))
    expect(detail).toMatchObject({ viewer: 'handler', reporter: { name: '张桂英' } })
  })
})
