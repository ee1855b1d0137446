import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch, type Recorded } from '../../../../../test/components/fetch-stub'
import { taroTest } from '../../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { outbox } from '../../../report/outbox'
import PatrolPage from './index'

const WORKER = makeMe({
  openid: 'demo-grid',
  needsConsent: false,
  roles: [{ role: 'gridWorker', communityId: 'cm01', gridIds: ['cm01-g1'] }]
})

const GRIDS = [
  { id: 'cm01-g1', communityId: 'cm01', name: '第一网格', polygon: null, compoundIds: [] },
  { id: 'cm01-g2', communityId: 'cm01', name: '第二网格', polygon: null, compoundIds: [] }
]

const patrolView = (points: number) => ({
  id: 'pt1',
  gridId: 'cm01-g1',
  gridName: '第一网格',
  communityId: 'cm01',
  status: 'active',
  startedAt: '2026-12-03T01:00:00.000Z',
  endedAt: null,
  points,
  reports: 0,
  meters: 0,
  workerName: '赵网格'
})

/** The cloud; `offline.on` fails every call as without signal. */
function cloud(offline = { on: false }) {
  let points = 0
  return stubFetch((req: Recorded) => {
    if (!req.url.startsWith('/api/')) return {}
    if (offline.on) throw new TypeError('Failed to fetch')
    const action = req.body?.action
    if (action === 'grids') return ok({ items: GRIDS })
    if (action === 'patrolStart') return ok(patrolView(0))
    if (action === 'patrolPoint') return ok(patrolView(++points))
    if (action === 'patrolEnd') return ok({ ...patrolView(points), status: 'ended' })
    if (action === 'patrol') return ok({ ...patrolView(points), path: [], reportIds: [] })
    return ok(WORKER)
  })
}

function renderPage() {
  render(
    <MeProvider initialMe={WORKER}>
      <PatrolPage />
    </MeProvider>
  )
}

beforeEach(() => resetSession())

describe('巡查', () => {
  it('starts on the worker’s own grid, checks in and ends, each step with the phone’s place and time', async () => {
    const calls = cloud()
    renderPage()
    expect(await screen.findByText('第一网格')).toBeTruthy()
    expect(screen.queryByText('第二网格')).toBeNull()
    fireEvent.click(screen.getByText('开始巡查'))
    expect(await screen.findByText('巡查中 · 第一网格')).toBeTruthy()
    expect(callsOf(calls, 'report', 'patrolStart')[0].body.data).toMatchObject({
      gridId: 'cm01-g1',
      location: { lat: 31.3526, lng: 118.4331 }
    })

    fireEvent.change(screen.getByPlaceholderText('如：3号楼地下室，无异常'), { target: { value: '3号楼地下室，无异常' } })
    fireEvent.click(screen.getByText('打卡（记录巡查点）'))
    await screen.findByText(/已打卡1次/)
    expect(callsOf(calls, 'report', 'patrolPoint')[0].body.data).toMatchObject({ patrolId: 'pt1', note: '3号楼地下室，无异常', photos: [] })

    fireEvent.click(screen.getByText('发现问题，随手拍'))
    const start = callsOf(calls, 'report', 'patrolStart')[0].body.data.requestId
    expect(taroTest.navigations.at(-1)?.url).toBe(`/packages/report/post/index?patrol=${start}`)

    fireEvent.click(screen.getByText('结束巡查'))
    expect(await screen.findByText('开始巡查')).toBeTruthy()
    expect(callsOf(calls, 'report', 'patrolEnd')[0].body.data).toMatchObject({ patrolId: 'pt1' })
  })

  it('without signal: start and check-points wait on the phone, then go in order, once, with the patrol id of the start', async () => {
    const offline = { on: false }
    const calls = cloud(offline)
    renderPage()
    await screen.findByText('第一网格')
    offline.on = true
    fireEvent.click(screen.getByText('开始巡查'))
    expect(await screen.findByText('巡查中 · 第一网格')).toBeTruthy()
    fireEvent.click(screen.getByText('打卡（记录巡查点）'))
    await screen.findByText(/已打卡1次/)
    fireEvent.click(screen.getByText('打卡（记录巡查点）'))
    await screen.findByText(/已打卡2次/)
    expect(await screen.findByText('待发送（3）')).toBeTruthy()
    expect(outbox.items('demo-grid').map((i) => i.kind)).toEqual(['patrolStart', 'patrolPoint', 'patrolPoint'])

    // Tried while offline (recorded, never answered); what counts is what goes once the signal is back.
    const tried = calls.length
    offline.on = false
    await Promise.all([outbox.flush('demo-grid'), outbox.flush('demo-grid')])
    const online = calls.slice(tried)
    expect(callsOf(online, 'report', 'patrolStart')).toHaveLength(1)
    const points = callsOf(online, 'report', 'patrolPoint').map((c) => c.body.data)
    expect(points).toHaveLength(2)
    expect(points.every((p) => p.patrolId === 'pt1' && !('patrolStartId' in p))).toBe(true)
    expect(Date.parse(points[0].clientTime)).toBeLessThanOrEqual(Date.parse(points[1].clientTime))
    await waitFor(() => expect(screen.queryByText(/待发送（/)).toBeNull())
  })
})
