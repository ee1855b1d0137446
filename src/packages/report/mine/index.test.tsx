import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MyReport } from '@contract/schemas/report'
import { callsOf, fail, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import type { OutboxItem } from '../outbox'
import MyReportsPage from './index'

const ME = makeMe({ needsConsent: false })

const mine = (patch: Partial<MyReport>): MyReport => ({
  id: 'rp1',
  categoryId: 'lamp',
  categoryName: '路灯不亮',
  kind: 'help',
  description: '小区北门路灯不亮',
  photos: [],
  location: { lat: 31.33, lng: 118.35 },
  place: '北门',
  communityId: 'c01',
  communityName: '青枫社区',
  gridId: 'g1',
  status: 'resolved',
  reporterName: null,
  submittedAt: '2026-12-01T01:00:00.000Z',
  acceptedAt: null,
  resolvedAt: null,
  closedAt: null,
  plusOnes: 0,
  overdue: false,
  distance: null,
  deadlines: { accept: null, resolve: null, paused: false, overdue: false, extended: false },
  needsConfirmation: false,
  todo: 'confirm',
  ...patch
})

const waiting = (patch: Partial<OutboxItem> = {}): OutboxItem => ({
  id: 'rq-offline-1',
  kind: 'report',
  owner: 'demo-resident',
  createdAt: '2026-12-03T02:10:00.000Z',
  title: '随手拍 · 消防通道堵塞',
  payload: {
    requestId: 'rq-offline-1',
    categoryId: 'fireLane',
    description: '地下车库消防通道堵塞',
    location: { lat: 31.33, lng: 118.35 },
    visibility: 'public',
    showName: false,
    clientTime: '2026-12-03T02:10:00.000Z',
    consent: true
  },
  photos: [{ kept: 'data:image/jpeg;base64,AAAA' }],
  state: 'waiting',
  attempts: 1,
  error: '网络不太好，请稍后再试',
  ...patch
})

function renderPage(answer: (action: string, data: any) => unknown) {
  const calls = stubFetch((req) => {
    if (req.url.startsWith('/api/storage/upload')) return { fileID: 'cloud://env/users/demo-resident/x.jpg' }
    if (!req.url.startsWith('/api/')) return {}
    return answer(req.body.action, req.body.data)
  })
  render(
    <MeProvider initialMe={ME}>
      <MyReportsPage />
    </MeProvider>
  )
  return calls
}

beforeEach(() => resetSession())

describe('我的随手拍', () => {
  it('lists my reports with what waits for me, and my followed ones on the other tab', async () => {
    const calls = renderPage((action, data) =>
      action === 'mine' ? ok({ items: data.as === 'reporter' ? [mine({})] : [], nextCursor: null }) : ok({})
    )
    expect(await screen.findByText('待您确认：问题解决了吗？请评价')).toBeTruthy()
    fireEvent.click(screen.getByText('我关注的'))
    expect(await screen.findByText('您还没有关注的问题')).toBeTruthy()
    expect(callsOf(calls, 'report', 'mine').map((c) => c.body.data.as)).toEqual(['reporter', 'follower'])
  })

  it('shows what waits on the phone and sends it when the page shows with network: once, with its own time', async () => {
    taroTest.storage.set('llt.outbox', [waiting()])
    const calls = renderPage((action) => {
      if (action === 'submit')
        return ok({ id: 'rp-new', status: 'submitted', gridId: 'g1', communityId: 'c01', acceptDeadline: '2026-12-03T04:10:00.000Z' })
      return ok({ items: [], nextCursor: null })
    })
    await waitFor(() => expect(callsOf(calls, 'report', 'submit')).toHaveLength(1))
    expect(callsOf(calls, 'report', 'submit')[0].body.data).toMatchObject({
      requestId: 'rq-offline-1',
      clientTime: '2026-12-03T02:10:00.000Z',
      photos: ['cloud://env/users/demo-resident/x.jpg']
    })
    await waitFor(() => expect(screen.queryByText('随手拍 · 消防通道堵塞')).toBeNull())
    expect(taroTest.toasts.map((t) => t.title)).toContain('网络已恢复，已发送1条')
    await act(async () => taroTest.fire('didShow'))
    expect(callsOf(calls, 'report', 'submit')).toHaveLength(1)
  })

  it('a refused item stays with the server’s reason; 重试 sends it again and 删除 forgets it', async () => {
    taroTest.storage.set('llt.outbox', [
      waiting({ state: 'refused', error: '上报时间已超过72小时' }),
      waiting({ id: 'rq-2', title: '随手拍 · 路灯不亮', state: 'refused', error: '位置不在本街道' })
    ])
    const calls = renderPage((action) =>
      action === 'submit' ? fail('INVALID_ARGUMENT', '上报时间已超过72小时') : ok({ items: [], nextCursor: null })
    )
    expect(await screen.findByText('未能发送：上报时间已超过72小时')).toBeTruthy()
    expect(screen.getByText('待发送（2）')).toBeTruthy()
    fireEvent.click(screen.getAllByText('重试')[0])
    await waitFor(() => expect(callsOf(calls, 'report', 'submit')).toHaveLength(1))
    fireEvent.click(screen.getAllByText('删除')[1])
    await waitFor(() => expect(screen.queryByText('随手拍 · 路灯不亮')).toBeNull())
    expect((taroTest.storage.get('llt.outbox') as OutboxItem[]).map((i) => i.id)).toEqual(['rq-offline-1'])
  })
})
