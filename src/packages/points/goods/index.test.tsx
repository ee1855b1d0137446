import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { GoodsDetail } from '@contract/schemas/points'
import { callsOf, fail, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import GoodsDetailPage, { maxQuantity } from './index'

const mockParams = { id: 'g1' }
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: mockParams, path: '/' }) }
})

const goods: GoodsDetail = {
  id: 'g1',
  merchantId: 'm1',
  merchantName: '惠民便利店',
  communityId: 'cm01',
  name: '东北大米5斤',
  kind: 'item',
  description: '新米',
  photo: null,
  price: 50,
  stock: 10,
  redeemed: 0,
  limitCount: 2,
  limitPeriod: 'month',
  pickupPlace: '收银台',
  pickupDays: 7,
  validUntil: null,
  onSale: true,
  available: true,
  myUsed: 1,
  canManage: false
}
const volunteer = makeMe({ roles: [{ role: 'volunteer', communityId: 'cm01' }], needsConsent: false })

function renderPage(g: GoodsDetail, me = volunteer) {
  const calls = stubFetch((req) => (req.body.action === 'goods' ? ok(g) : ok({})))
  render(
    <MeProvider initialMe={me}>
      <GoodsDetailPage />
    </MeProvider>
  )
  return calls
}

beforeEach(() => {
  resetSession()
})

describe('goods detail', () => {
  it('caps the quantity by stock, the per-period limit and the order cap', () => {
    expect(maxQuantity(goods)).toBe(1)
    expect(maxQuantity({ ...goods, myUsed: 0, limitCount: 50, stock: 3 })).toBe(3)
    expect(maxQuantity({ ...goods, myUsed: 0, limitCount: 50, stock: 50 })).toBe(10)
  })

  it('says why it cannot be redeemed: sold out, limit reached, not a volunteer', async () => {
    renderPage({ ...goods, stock: 0, available: false })
    expect(await screen.findByText('已兑完，请留意商家补货')).toBeTruthy()
  })

  it('retries a failed redemption with the same request id, then opens my orders', async () => {
    let attempt = 0
    const calls = stubFetch((req) => {
      if (req.body.action === 'goods') return ok(goods)
      if (req.body.action === 'balance') return ok({ balance: 500, earned: 500, spent: 0 })
      attempt++
      return attempt === 1 ? fail('RESOURCE_EXHAUSTED', '参与的人太多了，请稍后再试') : ok({ id: 'o1' })
    })
    render(
      <MeProvider initialMe={volunteer}>
        <GoodsDetailPage />
      </MeProvider>
    )
    fireEvent.click(await screen.findByText('立即兑换'))
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toContain('参与的人太多了，请稍后再试'))
    fireEvent.click(screen.getByText('立即兑换'))
    await waitFor(() => expect(taroTest.navigations).toEqual([{ kind: 'navigateTo', url: '/packages/points/orders/index' }]))
    const [first, second] = callsOf(calls, 'points', 'redeem').map((c) => c.body.data)
    expect(first).toEqual({ goodsId: 'g1', quantity: 1, requestId: first.requestId })
    expect(second.requestId).toBe(first.requestId)
  })

  it('asks a resident to register first, with a button to do it (defect 18)', async () => {
    renderPage(goods, makeMe({ needsConsent: false }))
    expect(await screen.findByText('登记成为志愿者并参加活动获得积分后即可兑换')).toBeTruthy()
    fireEvent.click(screen.getByText('注册志愿者'))
    expect(taroTest.navigations).toEqual([{ kind: 'navigateTo', url: '/packages/volunteer/register/index' }])
  })

  it('refuses too few points before the confirmation dialog (defect 18)', async () => {
    const calls = stubFetch((req) =>
      req.body.action === 'goods' ? ok(goods) : req.body.action === 'balance' ? ok({ balance: 30, earned: 30, spent: 0 }) : ok({})
    )
    render(
      <MeProvider initialMe={volunteer}>
        <GoodsDetailPage />
      </MeProvider>
    )
    await screen.findByText('您现有 30 积分')
    fireEvent.click(screen.getByText('立即兑换'))
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toContain('积分不足：兑换需要 50 积分，您现有 30 积分'))
    expect(taroTest.modals).toEqual([])
    expect(callsOf(calls, 'points', 'redeem')).toHaveLength(0)
  })
})
