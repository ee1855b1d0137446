import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Me } from '@contract'
import type { QueuesResult } from '@contract/workbench'
import { callsOf, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import WorkbenchEntryPage from '.'

const STAFF = makeMe({
  openid: 'demo-staff',
  roles: [{ role: 'staff', communityId: 'cm01' }],
  isStaff: true,
  consentVersion: '2026-11',
  needsConsent: false
})
const QUEUES: QueuesResult = {
  communityId: 'cm01',
  communityName: '青枫社区',
  merchantIds: [],
  asOf: '2026-03-25T12:00:00.000Z',
  queues: [
    { kind: 'wishReview', count: 2, oldest: [{ id: 'w12', title: '想要一盏护眼台灯', since: '2026-03-01T12:00:00.000Z' }] },
    { kind: 'hours', count: 1, oldest: [{ id: 'e5', title: '敬老院陪伴读报（未签退）', since: '2026-03-20T12:00:00.000Z' }] },
    { kind: 'pickups', count: 0, oldest: [] }
  ]
}

function renderPage(me: Me, answer: unknown = QUEUES) {
  const calls = stubFetch((req) => (req.body?.action === 'queues' ? ok(answer) : ok(me)))
  render(
    <MeProvider initialMe={me}>
      <WorkbenchEntryPage />
    </MeProvider>
  )
  return calls
}

beforeEach(() => {
  resetSession()
  taroTest.reset()
})

describe('the workbench home', () => {
  it('shows the staff member’s queues as cards, the longest-waiting first, and opens the work', async () => {
    const calls = renderPage(STAFF)
    await screen.findByText('想要一盏护眼台灯')
    expect(callsOf(calls, 'workbench', 'queues')).toHaveLength(1)
    expect(screen.getByText('共3项待办，等待最久的排在最前')).toBeTruthy()
    const cards = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))
    expect(cards.slice(0, 3)).toEqual(['待审核心愿2个', '待更正服务时长1条', '待核销兑换0单'])
    fireEvent.click(screen.getByText('想要一盏护眼台灯'))
    expect(taroTest.navigations).toEqual([{ kind: 'navigateTo', url: '/packages/workbench/wish/index' }])
    for (const section of ['数据看板', '导出报表', '活动管理', '设施管理']) expect(screen.getByText(section)).toBeTruthy()
  })

  it('refreshes the counts on pull-down', async () => {
    const calls = renderPage(STAFF)
    await screen.findByText('想要一盏护眼台灯')
    act(() => taroTest.pullDownRefresh())
    await waitFor(() => expect(callsOf(calls, 'workbench', 'queues')).toHaveLength(2))
    await waitFor(() => expect(taroTest.stopPullDownRefreshCalls).toBe(1))
  })

  it('shows an error with a retry, never a crash, when the answer is not what it expects', async () => {
    renderPage(STAFF, { unexpected: true })
    expect(await screen.findByText('重新加载')).toBeTruthy()
  })

  it('gives a street admin the 街道工作台: the street comparison, no community queues', () => {
    const calls = renderPage(
      makeMe({ roles: [{ role: 'streetAdmin', streetId: 'st01' }], isStaff: true, needsConsent: false, consentVersion: '2026-11' })
    )
    expect(screen.getByText('街道工作台')).toBeTruthy()
    expect(screen.getByText('街道对比')).toBeTruthy()
    expect(screen.queryByText('社区工作台')).toBeNull()
    expect(screen.queryByText('待办审核')).toBeNull()
    expect(screen.queryByText('活动管理')).toBeNull()
    expect(callsOf(calls, 'workbench', 'queues')).toHaveLength(0)
  })

  it('keeps residents out', () => {
    renderPage(makeMe({ needsConsent: false, consentVersion: '2026-11' }))
    expect(screen.getByText('工作台仅对社区工作人员开放')).toBeTruthy()
  })
})
