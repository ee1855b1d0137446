// 商家审核: cards on a phone; at PC width a table of the applications with the decision in the last column.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MerchantView } from '@contract/schemas/points'
import { setDeskWidth } from '../../../../../test/components/desk-width'
import { callsOf, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import MerchantReviewPage from './index'

const merchant = (id: string, name: string, contactName: string, appliedAt: string): MerchantView => ({
  id,
  name,
  kind: 'shop',
  communityId: 'cm01',
  communityName: '青枫社区',
  status: 'pending',
  contactName,
  contactPhone: '139****0001',
  address: '青枫路8号',
  description: '日用百货',
  reason: null,
  appliedAt,
  reviewedAt: null,
  mine: false
})
const items = [
  merchant('m1', '好邻居便利店', '周平', '2026-11-21T02:00:00.000Z'),
  merchant('m2', '青枫理发', '吴静', '2026-11-20T02:00:00.000Z')
]

function open() {
  const calls = stubFetch((req) => (req.body?.action === 'listMerchants' ? ok({ items, nextCursor: null }) : ok({})))
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false })}>
      <MerchantReviewPage />
    </MeProvider>
  )
  return calls
}

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('[role="rowheader"]')?.textContent?.replace('日用百货', ''))

beforeEach(() => resetSession())

it('shows cards below PC width', async () => {
  setDeskWidth(false)
  open()
  expect(await screen.findByText('联系人：周平 139****0001')).toBeTruthy()
  expect(screen.queryByRole('table')).toBeNull()
})

describe('at PC width', () => {
  beforeEach(() => setDeskWidth(true))

  it('lists the applications oldest first, phones masked as on the cards, filtered by name or contact', async () => {
    open()
    await screen.findByRole('table')
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '商家',
      '类型',
      '联系人',
      '地址',
      '申请时间 ↑',
      '状态',
      '操作'
    ])
    expect(names()).toEqual(['青枫理发', '好邻居便利店'])
    expect(screen.getAllByRole('row')[2].textContent).toContain('周平 139****0001')
    fireEvent.change(screen.getByPlaceholderText('输入商家名或联系人筛选'), { target: { value: '周' } })
    expect(names()).toEqual(['好邻居便利店'])
  })

  it('approves from the last column', async () => {
    const calls = open()
    await screen.findByRole('table')
    fireEvent.click(screen.getAllByText('通过')[0])
    await waitFor(() =>
      expect(callsOf(calls, 'points', 'reviewMerchant').map((c) => c.body.data)).toEqual([{ merchantId: 'm2', approve: true }])
    )
  })
})
