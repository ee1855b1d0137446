import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Me } from '@contract'
import type { StaffReport, WhistleView } from '@contract/schemas/report'
import { callsOf, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { setDeskWidth } from '../../../../test/components/desk-width'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import WorkbenchReportsPage, { tabsFor } from './index'

const GRID_WORKER = makeMe({
  openid: 'demo-grid',
  needsConsent: false,
  roles: [{ role: 'gridWorker', communityId: 'cm01', gridIds: ['cm01-g1'] }]
})
const HANDLER = makeMe({
  openid: 'demo-dept',
  needsConsent: false,
  roles: [{ role: 'deptHandler', streetId: 'st01', departmentId: 'st01-urban' }]
})
const RESIDENT = makeMe({ needsConsent: false })

const staffReport = (id: string, description: string, overdue: boolean): StaffReport => ({
  id,
  categoryId: 'fireLane',
  categoryName: '消防通道堵塞',
  kind: 'complain',
  description,
  photos: [],
  location: { lat: 31.33, lng: 118.35 },
  place: null,
  communityId: 'cm01',
  communityName: '青枫社区',
  gridId: 'cm01-g1',
  status: 'submitted',
  reporterName: null,
  submittedAt: '2026-12-03T01:00:00.000Z',
  acceptedAt: null,
  resolvedAt: null,
  closedAt: null,
  plusOnes: 0,
  overdue,
  distance: null,
  deadlines: { accept: '2026-12-03T03:00:00.000Z', resolve: null, paused: false, overdue, extended: false },
  visibility: 'public',
  streetId: 'st01',
  reopens: 0,
  openWhistle: null
})

const WHISTLE: WhistleView = {
  id: 'wh1',
  reportId: 'rp9',
  communityId: 'cm01',
  streetId: 'st01',
  target: { kind: 'department', departmentId: 'st01-urban', name: '城管' },
  urgency: 'emergency',
  reason: '车主联系不上，需要拖车',
  status: 'open',
  whistledAt: '2026-12-03T02:00:00.000Z',
  reportInDeadline: '2026-12-03T02:30:00.000Z',
  reportedInAt: null,
  late: true,
  handedBackReason: null,
  resolvedAt: null,
  log: [],
  ratings: { byCommunity: null, byDepartment: null },
  report: { ...staffReport('rp9', '消防通道被堵', true) },
  can: { reportIn: true, log: false, handBack: true, resolve: false, rate: false }
}

function renderPage(me: Me) {
  const calls = stubFetch((req) => {
    if (req.body?.action === 'queue') {
      const queue = req.body.data.queue
      return ok({
        items: queue === 'toSign' ? [staffReport('rp1', '路灯不亮（超期）', true), staffReport('rp2', '楼道堆物', false)] : [],
        nextCursor: null
      })
    }
    if (req.body?.action === 'whistles') return ok({ items: [WHISTLE], nextCursor: null })
    return ok(me)
  })
  render(
    <MeProvider initialMe={me}>
      <WorkbenchReportsPage />
    </MeProvider>
  )
  return calls
}

beforeEach(() => {
  resetSession()
  setDeskWidth(false)
})

describe('随手拍办理', () => {
  it('each role gets its queues, the most urgent first', () => {
    expect(tabsFor(GRID_WORKER)).toEqual(['toSign', 'overdue', 'inProgress', 'awaitingConfirm', 'all'])
    expect(tabsFor(HANDLER)).toEqual(['department', 'whistled', 'overdue', 'all'])
    expect(tabsFor(makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }] }))).toEqual([
      'toSign',
      'overdue',
      'inProgress',
      'awaitingConfirm',
      'disputed',
      'whistled',
      'all'
    ])
    expect(tabsFor(RESIDENT)).toEqual([])
  })

  it('a grid worker sees 待签收 with the overdue flag, switches queues, and opens a report', async () => {
    const calls = renderPage(GRID_WORKER)
    expect(await screen.findByText('路灯不亮（超期）')).toBeTruthy()
    expect(screen.getByText('超期')).toBeTruthy()
    expect(callsOf(calls, 'report', 'queue')[0].body.data).toMatchObject({ queue: 'toSign', limit: 10 })
    fireEvent.click(screen.getByText('路灯不亮（超期）'))
    expect(taroTest.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/report/detail/index?id=rp1' })
    fireEvent.click(screen.getByText('已超期'))
    expect(await screen.findByText('没有已超期的问题')).toBeTruthy()
    expect(screen.getByText('巡查')).toBeTruthy()
  })

  it('a department handler starts on the department’s own queue of whistles, late ones marked', async () => {
    const calls = renderPage(HANDLER)
    expect(await screen.findByText('车主联系不上，需要拖车', { exact: false })).toBeTruthy()
    expect(screen.getByText(/已超时$/)).toBeTruthy()
    expect(callsOf(calls, 'report', 'whistles')[0].body.data).toMatchObject({ departmentId: 'st01-urban' })
    expect(screen.queryByText('巡查')).toBeNull()
  })

  it('pull-down refresh asks again', async () => {
    const calls = renderPage(GRID_WORKER)
    await screen.findByText('楼道堆物')
    taroTest.pullDownRefresh()
    await waitFor(() => expect(callsOf(calls, 'report', 'queue')).toHaveLength(2))
  })

  it('at PC width the queue is a table, earliest deadline first, a row opens the report', async () => {
    setDeskWidth(true)
    renderPage(GRID_WORKER)
    expect(await screen.findByText('时限 ↑')).toBeTruthy()
    const rows = screen.getAllByText(/路灯不亮（超期）|楼道堆物/).map((el) => el.textContent)
    expect(rows).toEqual(['路灯不亮（超期）', '楼道堆物'])
    expect(screen.getByText('待签收 · 超期')).toBeTruthy()
    fireEvent.click(screen.getByText('楼道堆物'))
    expect(taroTest.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/report/detail/index?id=rp2' })
  })

  it('someone without a report role is told so', async () => {
    renderPage(RESIDENT)
    expect(await screen.findByText('随手拍办理仅对网格员、社区工作人员和部门开放')).toBeTruthy()
  })
})
