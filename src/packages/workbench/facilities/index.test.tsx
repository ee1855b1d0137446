// The facility list: cards on a phone, a table at PC width; both open a facility's edit page.
import { fireEvent, render, screen } from '@testing-library/react'
import type { StaffFacilityRow } from '@contract/schemas/lifeCircle'
import { setDeskWidth } from '../../../../test/components/desk-width'
import { makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import FacilitiesPage from './index'

const facility = (id: string, name: string, category: StaffFacilityRow['category'], address = ''): StaffFacilityRow => ({
  id,
  name,
  category,
  address,
  status: 'open',
  updatedAt: '2026-11-20T02:00:00.000Z'
})
const facilities = [
  facility('f1', '青枫药房', 'pharmacy', '青枫路12号'),
  facility('f2', '青枫社区卫生服务站', 'clinic', '青枫路3号'),
  facility('f3', '好邻居便利店', 'convenience')
]

function open() {
  stubFetch((req) =>
    req.body.action === 'listFacilities'
      ? ok({ items: facilities, nextCursor: null })
      : ok({ communities: [{ id: 'cm01', name: '青枫社区' }], streets: [] })
  )
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false })}>
      <FacilitiesPage />
    </MeProvider>
  )
}

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('[role="rowheader"]')?.textContent)

beforeEach(() => {
  resetSession()
  taroTest.reset()
})

it('shows cards below PC width, a facility opening from its card', async () => {
  setDeskWidth(false)
  open()
  fireEvent.click(await screen.findByText('青枫药房'))
  expect(screen.queryByRole('table')).toBeNull()
  expect(screen.getByText('青枫路12号 · 更新于', { exact: false })).toBeTruthy()
  expect(taroTest.navigations.map((n) => n.url)).toEqual([expect.stringContaining('id=f1')])
})

describe('at PC width', () => {
  beforeEach(() => setDeskWidth(true))

  it('lists the facilities in a table by category, with their address and state', async () => {
    open()
    await screen.findByRole('table')
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['名称', '类别 ↑', '地址', '状态', '更新于', '操作'])
    expect(names()).toEqual(['好邻居便利店', '青枫社区卫生服务站', '青枫药房'])
    const shop = screen.getAllByRole('row')[1]
    expect(shop.textContent).toContain('未填写地址')
    expect(shop.textContent).toContain('开放中')
    fireEvent.click(screen.getByText('类别 ↑'))
    expect(names()).toEqual(['青枫药房', '青枫社区卫生服务站', '好邻居便利店'])
  })

  it('filters by name and edits from the last column', async () => {
    open()
    fireEvent.change(await screen.findByPlaceholderText('输入设施名称或地址筛选'), { target: { value: '药' } })
    expect(names()).toEqual(['青枫药房'])
    fireEvent.click(screen.getByText('编辑'))
    expect(taroTest.navigations.map((n) => n.url)).toEqual([expect.stringContaining('id=f1')])
  })
})
