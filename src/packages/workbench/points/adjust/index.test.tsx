// Defect 13: an empty form is refused under its fields before any dialog; the confirmation names the
// person (masked) and reads as a sentence.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDeskWidth } from '../../../../../test/components/desk-width'
import { callsOf, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { taroTest } from '../../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import PointsAdjustPage from './index'

beforeEach(() => {
  resetSession()
  setDeskWidth(false)
})

function renderPage() {
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false })}>
      <PointsAdjustPage />
    </MeProvider>
  )
}

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })
const submit = () => fireEvent.click(screen.getAllByText('确认调整').find((e) => e.closest('.llt-actions')) as HTMLElement)

test('an empty form is refused under its fields, with no dialog and no call', async () => {
  const calls = stubFetch(() => ok({ items: [], nextCursor: null }))
  renderPage()
  submit()
  expect(await screen.findByText('请填写志愿者编号')).toBeTruthy()
  expect(screen.getByText('请填写调整积分')).toBeTruthy()
  expect(screen.getByText('调整原因至少2个字')).toBeTruthy()
  expect(taroTest.modals).toEqual([])
  expect(callsOf(calls, 'points', 'adjustee')).toHaveLength(0)
  expect(callsOf(calls, 'points', 'adjust')).toHaveLength(0)
})

test('the confirmation names the volunteer, masked, in one natural sentence', async () => {
  const calls = stubFetch((req) => {
    if (req.body?.action === 'adjustee') return ok({ volunteerNo: 'ZY26000123', name: '李**' })
    if (req.body?.action === 'adjust') return ok({ id: 'a1', amount: 15, status: 'applied', entry: { balanceAfter: 215 } })
    return ok({ items: [], nextCursor: null })
  })
  renderPage()
  type('如 ZY26000123', 'zy26000123')
  type('积分', '15')
  type('如：协助疫苗接种点引导', '协助疫苗接种点引导')
  submit()
  await waitFor(() => expect(taroTest.modals).toHaveLength(1))
  expect(taroTest.modals[0]).toEqual({
    title: '确认调整积分',
    content: '给志愿者李**（ZY26000123）增加 15 积分，原因：协助疫苗接种点引导。确定吗？'
  })
  await waitFor(() => expect(callsOf(calls, 'points', 'adjust')).toHaveLength(1))
  expect(callsOf(calls, 'points', 'adjust')[0].body.data).toMatchObject({ volunteerNo: 'ZY26000123', amount: 15 })
})

describe('the pending adjustments at PC width', () => {
  beforeEach(() => setDeskWidth(true))
  const pending = (id: string, volunteerName: string, amount: number, requestedAt: string, mine = false) => ({
    id,
    communityId: 'cm01',
    volunteerNo: `ZY2600000${id}`,
    volunteerName,
    amount,
    reason: '协助活动',
    status: 'pending',
    requestedAt,
    mine,
    decidedAt: null,
    decisionReason: null,
    entry: null
  })
  const items = [
    pending('1', '李**', 50, '2026-11-21T02:00:00.000Z'),
    pending('2', '王**', -20, '2026-11-20T02:00:00.000Z', true),
    pending('3', '张**', 80, '2026-11-22T02:00:00.000Z')
  ]
  const names = () =>
    screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('[role="rowheader"]')?.textContent?.slice(0, 3))

  it('lists them oldest first, masked names as on the cards, sortable by amount, filtered, decided in the last column', async () => {
    const calls = stubFetch((req) => (req.body?.action === 'adjustments' ? ok({ items, nextCursor: null }) : ok({})))
    renderPage()
    await screen.findByRole('table')
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['志愿者', '积分', '原因', '提交时间 ↑', '操作'])
    expect(names()).toEqual(['王**', '李**', '张**'])
    expect(screen.getAllByRole('row')[1].textContent).toContain('−20 分')
    expect(screen.getAllByRole('row')[1].textContent).toContain('您提交的申请，需另一位工作人员审批')
    fireEvent.click(screen.getAllByRole('columnheader')[1])
    expect(names()).toEqual(['张**', '李**', '王**'])
    fireEvent.change(screen.getByPlaceholderText('输入姓名或志愿者编号筛选'), { target: { value: 'ZY26000001' } })
    expect(names()).toEqual(['李**'])
    fireEvent.click(screen.getByText('同意'))
    await waitFor(() =>
      expect(callsOf(calls, 'points', 'reviewAdjustment').map((c) => c.body.data)).toEqual([
        { adjustmentId: '1', approve: true, reason: '' }
      ])
    )
  })
})
